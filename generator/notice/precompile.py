"""Write the compiled package templates (``generator/data/compiled/``) that a first run uses.

Run ``python -m generator.notice.precompile`` after changing any package template; a test fails
until the files match the templates. Each file is the Python source Jinja generates for one package
template in the environment :mod:`.render` uses, after a first line that names what it was made by
and from (:func:`~generator.notice.sandbox.compiled_header`). At run time a file is used only when
that line matches exactly, so a stale file costs time, never a wrong page.
``--check`` writes nothing and exits 1 when a file is missing, differs or is left over.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.notice.grammar import Grammar
from generator.notice.languages import PACKAGE_TEMPLATES, available_languages
from generator.notice.profile import load_profile
from generator.notice.sandbox import COMPILED, COMPILED_SUFFIX, compiled_header, compiled_path, fingerprint, make_environment
from generator.notice.templates import TemplateLoader, template_dirs


def expected() -> dict[Path, str]:
    """Every shipped compiled template as it should be now: path -> text."""
    out: dict[Path, str] = {}
    for lang in available_languages(None):
        loader = TemplateLoader(template_dirs(None, lang))
        env = make_environment(loader, None, Grammar(load_profile(lang)))  # as render() makes it; values play no part in compiling
        fp = fingerprint(env)
        base = PACKAGE_TEMPLATES / lang
        for path in sorted(base.rglob("*.j2")):
            name = path.relative_to(base).as_posix()
            source = path.read_text(encoding="utf-8")  # as TemplateLoader.get_source reads it
            checksum = env.bytecode_cache.get_source_checksum(source)
            code = env.compile(source, name, str(path), raw=True)
            target = compiled_path(str(path))
            assert target is not None
            out[target] = compiled_header(fp, checksum, code) + "\n" + code
    return out


def differences(want: dict[Path, str]) -> list[str]:
    """What differs between the shipped files and ``want``: missing, stale and left-over files."""
    have = set(COMPILED.rglob("*" + COMPILED_SUFFIX)) if COMPILED.is_dir() else set()
    out = []
    for path, text in sorted(want.items()):
        if path not in have:
            out.append(f"missing: {path.relative_to(COMPILED)}")
        elif path.read_text(encoding="utf-8") != text:
            out.append(f"stale: {path.relative_to(COMPILED)}")
    out += [f"left over: {p.relative_to(COMPILED)}" for p in sorted(have - set(want))]
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    want = expected()
    diff = differences(want)
    if "--check" in args:
        print("\n".join(diff) if diff else f"{len(want)} compiled templates are current")
        return 1 if diff else 0
    for line in diff:
        if line.startswith("left over: "):
            (COMPILED / line[len("left over: ") :]).unlink()
    for path, text in want.items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    print(f"{len(want)} compiled templates in {COMPILED}: {len(diff)} written or removed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
