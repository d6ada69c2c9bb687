"""Which languages have templates, and the checks that keep every language of a notice: a language
without templates (or without a profile) is refused before any work; a package template replaced
for some of the notice's languages but not the others is reported. No Jinja here: ``validate``
runs these checks without loading the template engine.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import Finding, InputError, Loc, Problem, display_path
from generator.inventory.datafiles import PACKAGE_DIR
from generator.inventory.model import Inventory
from generator.notice.profile import PROFILE, profile_path

PACKAGE_TEMPLATES = PACKAGE_DIR / "templates"
#: The rule id of the warning for a template replaced in one language only.
ONE_LANGUAGE_OVERRIDE = "TPL001"


def _no_folder(path: str | Path) -> InputError:
    return InputError(Problem(Loc(str(path)), "the templates folder does not exist", "create it, or leave out --templates"))


def default_templates(inventory: str | Path, templates: str | Path | None) -> Path | None:
    """The user's template folder: ``templates`` if given (it must exist), else ``templates/``
    next to the inventory if there is one, else None (package templates only)."""
    if templates:
        path = Path(templates)
        if not path.is_dir():
            raise _no_folder(path)
        return path
    near = Path(inventory).resolve().parent / "templates"
    return near if near.is_dir() else None


def check_folder(templates: str | Path | None) -> None:
    """An InputError when ``templates`` is given but is not a folder."""
    if templates is not None and not Path(templates).is_dir():
        raise _no_folder(templates)


def available_languages(templates: str | Path | None = None) -> list[str]:
    """Languages with a full set of page templates (package or user folder)."""
    langs = set()
    for base in [PACKAGE_TEMPLATES] + ([Path(templates)] if templates else []):
        if base.is_dir():
            for d in base.iterdir():
                if d.is_dir() and (d / "index.md.j2").is_file():
                    langs.add(d.name)
    return sorted(langs)


def _languages_loc(inv: Inventory, i: int | None = None) -> Loc:
    doc = getattr(inv, "document", None)
    if doc is None:
        return Loc("data_inventory.yml")
    return doc.loc(("notice", "languages") + ((i,) if i is not None else ()))


def require_languages(inv: Inventory, templates: str | Path | None) -> None:
    """An InputError naming each language of ``notice.languages`` that has no templates (and which
    languages do), or no profile. Runs before any rendering: no language is dropped silently."""
    check_folder(templates)
    have = available_languages(templates)
    problems = []
    for i, lang in enumerate(inv.notice.languages):
        if lang not in have:
            profile = profile_path(lang, templates)
            needs = f"(its profile is there: {display_path(profile)})" if profile else f"and a {PROFILE}"
            problems.append(
                Problem(
                    _languages_loc(inv, i),
                    f"notice.languages lists '{lang}', but there are no templates for it; templates ship for: {', '.join(have) or 'none'}",
                    f"add templates/{lang}/ with translated templates {needs} (docs/languages.md), or remove '{lang}' from notice.languages",
                )
            )
        elif profile_path(lang, templates) is None:
            problems.append(
                Problem(
                    _languages_loc(inv, i),
                    f"the templates for '{lang}' have no profile ({PROFILE})",
                    f"copy generator/templates/en/{PROFILE} to templates/{lang}/ and fill it in (docs/languages.md)",
                )
            )
    if problems:
        raise InputError(problems)


def _names(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.j2") if p.is_file()}


def override_notes(inv: Inventory, templates: str | Path | None) -> list[Finding]:
    """A warning for each package template that the user's folder replaces for some of the notice's
    languages but not for the others (``templates/de/x.md.j2`` without ``templates/en/x.md.j2``):
    allowed, but the languages then say different things. Languages without package templates of
    their own (added in the user's folder) are not overrides and are not compared."""
    if templates is None or len(inv.notice.languages) < 2:
        return []
    user = Path(templates)
    shared = {n for n in _names(user) if not n.split("/")[0] in inv.notice.languages}
    shipped = {lang: _names(PACKAGE_TEMPLATES / lang) for lang in inv.notice.languages}
    shipped = {lang: names for lang, names in shipped.items() if "index.md.j2" in names}
    notes = []
    for name in sorted(set().union(*shipped.values()) if shipped else ()):
        langs = [lang for lang in shipped if name in shipped[lang]]
        replaced = [lang for lang in langs if name in shared or (user / lang / name).is_file()]
        if replaced and len(replaced) < len(langs):
            kept = [lang for lang in langs if lang not in replaced]
            where = display_path(user / replaced[0] / name) if not (name in shared) else display_path(user / name)
            notes.append(
                Finding(
                    ONE_LANGUAGE_OVERRIDE, "warning",
                    f"your template {name} replaces the package's for {', '.join(replaced)} only; "
                    f"{', '.join(kept)} still use{'s' if len(kept) == 1 else ''} the package's, so the languages may say different things",
                    Loc(where),
                    f"add templates/<lang>/{name} for {', '.join(kept)} too, or put one file at templates/{name} for every language",
                )
            )
    return notes


