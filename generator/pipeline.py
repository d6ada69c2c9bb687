"""The pipeline both fronts run: load -> rules -> render -> check -> site content.

``plainnotice build`` and ``serve`` (:mod:`generator.cli`) and the MkDocs plugin
(:mod:`generator.plugin`) call :func:`prepare`; only when it returns does anything get written.
Each step is one stage (the folders of ``generator/``, lowest first):

1. :mod:`generator.inventory`: read and validate the inventory (bad input: :class:`~generator.errors.InputError`);
2. :mod:`generator.rules`: what the law asks the notice to tell, per jurisdiction;
3. :mod:`generator.notice`: the pages of every language, with their source map (a language
   without templates is refused before any rendering);
4. :mod:`generator.readability`: the gate on the text readers see, per language;
5. :mod:`generator.site`: the files of the site (the build itself is the front's call).

Error findings of step 2 or 4 stop the pipeline with :class:`BuildStopped` (exit code 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Finding
from generator.inventory.model import Inventory
from generator.inventory.parse import load_inventory
from generator.notice.pages import Rendered, RenderResult
from generator.notice.render import render_all
from generator.notice.templates import require_languages
from generator.readability.gate import check as check_readability
from generator.readability.report import CheckReport
from generator.rules import check_completeness
from generator.site.content import SiteContent, site_content

__all__ = ["BuildStopped", "Prepared", "prepare"]


class BuildStopped(Exception):
    """Valid input, but findings at level "error" stop the build (exit code 1)."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        errors = [f for f in findings if f.level == "error"]
        n = len(errors)
        super().__init__(
            "\n".join(str(f) for f in findings)
            + f"\n{n} error finding{'s' if n != 1 else ''}: nothing was written."
        )


@dataclass
class Prepared:
    """What the pipeline made of an inventory: the model, the pages of every language (``result``:
    the first language's), the readability report, every finding (warnings only: errors stop the
    pipeline) and the site's content."""

    inv: Inventory
    result: RenderResult
    report: CheckReport | None
    findings: list[Finding] = field(default_factory=list)
    site: SiteContent | None = None
    rendered: Rendered | None = None


def prepare(inventory: str | Path, templates: str | Path | None = None, *, check: bool = True) -> Prepared:
    """validate -> render -> check. Raises InputError (bad input) or BuildStopped (error findings).
    ``check=False`` skips the readability gate (the plugin's ``check: false``)."""
    inv = load_inventory(inventory)
    require_languages(inv, templates)  # before any work: no language is dropped silently

    findings = check_completeness(inv)
    if _any_error(findings):
        raise BuildStopped(findings)

    rendered = render_all(inv, templates=templates)
    findings += rendered.notes

    report = None
    if check:
        report = check_readability(rendered, inv)
        findings += report.findings
        if _any_error(report.findings):
            raise BuildStopped(findings)

    return Prepared(inv, rendered.first, report, findings, site_content(inv, rendered, report), rendered)


def _any_error(findings: list[Finding]) -> bool:
    return any(f.level == "error" for f in findings)
