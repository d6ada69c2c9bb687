"""Warnings about an inventory that is valid: things a reader of the notice may be misled by, which
only the author can judge. (Errors are :class:`~generator.errors.InputError`; these are
:class:`~generator.errors.Finding` objects at level "warning", shown by ``validate`` and ``build``.)

* ``inventory.mixed-script-domain``: a web or e-mail address whose domain mixes scripts
  (``раураl.com``: Cyrillic and Latin), which can pass for another domain (Unicode TS #39).
"""

from __future__ import annotations

from generator.errors import Finding, Loc
from generator.inventory.chars import mixed_script_hosts
from generator.inventory.fields import field_path
from generator.inventory.load import Document


def _strings(value, path: tuple = ()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, path + (i,))
    elif isinstance(value, str):
        yield path, value


def inventory_warnings(doc: Document) -> list[Finding]:
    """The warnings about ``doc``, in file order."""
    out: list[Finding] = []
    starts: list[int] | None = None
    for path, value in _strings(doc.data):
        if "://" not in value and "@" not in value:
            continue
        for offset, host, label, scripts in mixed_script_hosts(value):
            loc = doc.loc(path)
            if starts is None:
                starts = [0] + [i + 1 for i, ch in enumerate(doc.text) if ch == "\n"]
            if loc.line and loc.line <= len(starts):  # the host itself, when it is written as it is
                at = doc.text.find(host, starts[loc.line - 1] + loc.col - 1)
                if at >= 0:
                    line = max(i for i, s in enumerate(starts) if s <= at)
                    loc = Loc(doc.file, line + 1, at - starts[line] + 1)
            names = " and ".join(scripts) if len(scripts) <= 2 else ", ".join(scripts[:-1]) + " and " + scripts[-1]
            out.append(
                Finding(
                    rule="inventory.mixed-script-domain",
                    level="warning",
                    message=f"the domain '{host}' in {field_path(path)} mixes {names} letters ('{label}'): it can pass for another domain",
                    loc=loc,
                    fix="check the address letter by letter, e.g. in its xn-- form; a real domain is written in one script",
                    citation="Unicode TS #39",
                )
            )
    out.sort(key=lambda f: (f.loc.file, f.loc.line, f.loc.col))
    return out
