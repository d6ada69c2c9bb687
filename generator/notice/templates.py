"""The one template resolver: which folder of templates, which language, which file for a name.

Package templates live in ``generator/templates/<lang>/``; a second language is a new folder of
templates, not new code. A user's folder (``--templates``, else ``templates/`` next to the
inventory) overrides any package template with a file of the same name: ``templates/<lang>/<name>``
for one language, ``templates/<name>`` for every language.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2 import BaseLoader, TemplateNotFound

from generator.errors import InputError, Loc, Problem
from generator.inventory.datafiles import PACKAGE_DIR
from generator.inventory.model import Inventory
from generator.notice.pages import TemplateSource

PACKAGE_TEMPLATES = PACKAGE_DIR / "templates"


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


def template_dirs(templates: str | Path | None, lang: str) -> list[Path]:
    """Search order: user/<lang>, user, package/<lang>."""
    dirs = []
    if templates is not None:
        user = Path(templates)
        dirs += [user / lang, user]
    dirs.append(PACKAGE_TEMPLATES / lang)
    return dirs


def available_languages(templates: str | Path | None = None) -> list[str]:
    """Languages with a full set of page templates (package or user folder)."""
    langs = set()
    for base in [PACKAGE_TEMPLATES] + ([Path(templates)] if templates else []):
        if base.is_dir():
            for d in base.iterdir():
                if d.is_dir() and (d / "index.md.j2").is_file():
                    langs.add(d.name)
    return sorted(langs)


def choose_language(inv: Inventory, templates: str | Path | None, lang: str | None) -> str:
    """``lang`` if it has templates; else the first of ``notice.languages`` that has them."""
    have = available_languages(templates)
    if lang is not None:
        if lang not in have:
            raise InputError(
                Problem(
                    Loc("templates"),
                    f"there are no templates for language '{lang}' (templates exist for: {', '.join(have) or 'none'})",
                    f"copy generator/templates/en/ to templates/{lang}/ and translate it, or render another language",
                )
            )
        return lang
    for candidate in inv.notice.languages:
        if candidate in have:
            return candidate
    doc = getattr(inv, "document", None)
    loc = doc.loc(("notice", "languages")) if doc is not None else Loc("data_inventory.yml")
    raise InputError(
        Problem(
            loc,
            f"none of the notice's languages ({', '.join(inv.notice.languages)}) has templates (templates exist for: {', '.join(have)})",
            f"add one of {', '.join(have)} to notice.languages, or add templates/<lang>/ with translated templates",
        )
    )


class TemplateLoader(BaseLoader):
    """Looks a template name up in the user's folders first, then the package's; records what it used."""

    def __init__(self, dirs: list[Path]):
        self.dirs = dirs
        self.used: dict[str, TemplateSource] = {}

    def find(self, name: str) -> Path | None:
        parts = jinja2.loaders.split_template_path(name)
        for d in self.dirs:
            path = d.joinpath(*parts)
            if path.is_file():
                return path
        return None

    def get_source(self, environment, template):
        path = self.find(template)
        if path is None:
            raise TemplateNotFound(template)
        source = path.read_text(encoding="utf-8")
        self.used[template] = TemplateSource(template, str(path), source)
        mtime = path.stat().st_mtime
        return source, str(path), lambda: path.stat().st_mtime == mtime
