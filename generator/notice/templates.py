"""The one template resolver: which folder of templates, which language, which file for a name.

Package templates live in ``generator/templates/<lang>/``; a second language is a new folder of
templates plus its profile (:mod:`.profile`), not new code. A user's folder (``--templates``, else
``templates/`` next to the inventory) overrides any package template with a file of the same name:
``templates/<lang>/<name>`` for one language, ``templates/<name>`` for every language. Which
languages have templates, and the checks that refuse or report them, are in :mod:`.languages`
(no Jinja there, so ``validate`` does not load it).
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2 import BaseLoader, TemplateNotFound

from generator.errors import InputError, Loc, Problem
from generator.inventory.model import Inventory
from generator.notice import languages
from generator.notice.languages import available_languages, check_folder, default_templates, override_notes, require_languages
from generator.notice.pages import TemplateSource

__all__ = [
    "TemplateLoader", "available_languages", "check_folder", "choose_language", "default_templates",
    "override_notes", "require_languages", "template_dirs",
]


def template_dirs(templates: str | Path | None, lang: str) -> list[Path]:
    """Search order: user/<lang>, user, package/<lang>."""
    dirs = []
    if templates is not None:
        user = Path(templates)
        dirs += [user / lang, user]
    dirs.append(languages.PACKAGE_TEMPLATES / lang)
    return dirs


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
    """Looks a template name up in the user's folders first, then the package's; records what it used.

    Templates stay inside their folder: a file in the user's folder ``root`` that is a symbolic
    link (or lies under a linked folder) to somewhere outside it is refused. ``root`` itself may
    be a link: it is the folder the user chose."""

    def __init__(self, dirs: list[Path], root: str | Path | None = None):
        self.dirs = dirs
        self.root = Path(root) if root is not None else None
        self.used: dict[str, TemplateSource] = {}

    def find(self, name: str) -> Path | None:
        parts = jinja2.loaders.split_template_path(name)
        for d in self.dirs:
            path = d.joinpath(*parts)
            if path.is_file():
                if self.root is not None and (d == self.root or self.root in d.parents):
                    self._inside(path)
                return path
        return None

    def _inside(self, path: Path) -> None:
        root = self.root.resolve()
        real = path.resolve()
        if root not in real.parents:
            raise InputError(
                Problem(
                    Loc(str(path)),
                    f"the template is a symbolic link to {real}, outside the templates folder {root}",
                    "copy the file into the templates folder instead of linking to it",
                )
            )

    def get_source(self, environment, template):
        path = self.find(template)
        if path is None:
            raise TemplateNotFound(template)
        source = path.read_text(encoding="utf-8")
        self.used[template] = TemplateSource(template, str(path), source)
        mtime = path.stat().st_mtime
        return source, str(path), lambda: path.stat().st_mtime == mtime
