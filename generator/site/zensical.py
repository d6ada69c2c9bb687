"""A Zensical build of the same pages: ``plainnotice zensical``.

Zensical reads ``mkdocs.yml`` but runs no MkDocs plugin, and turns search on unless told not to.
So the plugin-less path writes everything such a build needs, on disk (docs/site.md, "Zensical"):

* the docs folder as ``plainnotice build`` writes it (pages with the badge, the exports) plus our
  stylesheet, ``assets/plainnotice.css`` (:data:`~generator.site.content.STYLESHEET`);
* ``zensical.yml`` next to ``mkdocs.yml``: the user's settings plus what :func:`~.config.configure`
  sets in memory for MkDocs (site name, copyright, page language, reading order), search off
  (``search: {enabled: false}``), the stylesheet in ``extra_css``, the table regions as the
  importable Markdown extension ``generator.site.markdown_ext``, and the theme ``plainnotice``;
* the theme ``plainnotice`` (the ``mkdocs.themes`` entry point :data:`THEME`, whose folder is
  ``generator/theme`` with ``extends: material``): our template layer between the user's
  ``custom_dir`` and the engine's Material, with no JavaScript bundle.

Tested with Zensical 0.0.73 (the ``test`` extra pins it; later releases need a package the
registry does not serve).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Callable
from urllib.parse import unquote

import yaml

from generator.errors import InputError, Loc, Problem, environment_problem
from generator.site.folders import Target
from generator.site.output import write_docs
from generator.site.swap import locked
from generator.site.config import PLUGIN_NAME, THEME_DIR, _nav, _plugin_name, _plugins, docs_dir, theme_language
from generator.site.content import STYLESHEET, SiteContent

#: The Zensical release the tests build with.
TESTED_VERSION = "0.0.73"
#: The Markdown extension that puts tables in named scroll regions, by its importable name.
TABLES_EXTENSION = "generator.site.markdown_ext"
#: The config file ``plainnotice zensical`` writes, next to mkdocs.yml.
DEFAULT_CONFIG = "zensical.yml"
#: Where an inline ``data:`` SVG favicon goes: Zensical 0.0.73 rewrites a data: URI as a relative path.
FAVICON = "assets/favicon.svg"
_SVG_DATA = "data:image/svg+xml,"

_OURS = b"# Written by `plainnotice zensical` from "
HEADER = (
    "# Written by `plainnotice zensical` from {mkdocs} and the inventory; do not edit it, edit those and run\n"
    "# `plainnotice zensical` again. Build with: zensical build -f {name}   (docs/site.md, \"Zensical\")\n"
)


class _ThemeFolder:
    """The ``plainnotice`` theme's entry point (``mkdocs.themes``). MkDocs and Zensical take a
    theme's folder to be the folder of the entry point's ``__file__``; ours is ``generator/theme``."""

    __file__ = str(THEME_DIR / "mkdocs_theme.yml")


THEME = _ThemeFolder()


def docs_files(raw: dict, content: SiteContent) -> dict[str, bytes]:
    """The docs folder for Zensical: ``plainnotice build``'s, and the favicon as a file when
    mkdocs.yml gives it inline (an SVG ``data:`` URI)."""
    files = dict(content.files)
    favicon = (raw.get("theme") or {}).get("favicon") if isinstance(raw.get("theme"), dict) else None
    if isinstance(favicon, str) and favicon.startswith(_SVG_DATA):
        files[FAVICON] = unquote(favicon[len(_SVG_DATA) :]).encode("utf-8")
    return files


def zensical_config(raw: dict, content: SiteContent, config_file: Path) -> dict:
    """The Zensical config for ``raw`` (mkdocs.yml as written) and the site ``content``."""
    cfg = {k: v for k, v in raw.items() if k not in ("plugins", "INHERIT")}
    cfg["site_name"] = html.escape(content.title, quote=True)
    cfg["copyright"] = html.escape(f"\u00a9 {content.holder}", quote=True)
    theme = raw.get("theme") or {}
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    if theme.get("name", "material") == "material":
        theme["name"] = "plainnotice"
        theme["language"] = theme_language(content.lang)
        theme["font"] = False
        theme.setdefault("variant", "classic")  # Material's look; Zensical's default is "modern"
    if str(theme.get("favicon", "")).startswith(_SVG_DATA):
        theme["favicon"] = FAVICON
    cfg["theme"] = theme
    others = [p for p in _plugins(raw) if _plugin_name(p) not in (PLUGIN_NAME, "search")]
    cfg["plugins"] = [{"search": {"enabled": False}}, *others]
    if not raw.get("nav"):
        cfg["nav"] = _nav({"docs_dir": str(docs_dir(config_file, raw))}, content)
    extra = dict(raw.get("extra") or {})
    extra["generator"] = False
    cfg["extra"] = extra
    css = list(raw.get("extra_css") or [])
    if STYLESHEET not in css:
        css.append(STYLESHEET)
    cfg["extra_css"] = css
    exts = list(raw.get("markdown_extensions") or [])
    if not any((e if isinstance(e, str) else next(iter(e), None)) == TABLES_EXTENSION for e in exts):
        exts.append(TABLES_EXTENSION)
    cfg["markdown_extensions"] = exts
    return cfg


def config_target(config_file: Path, out: str | Path, inventory: str | Path | None = None) -> Path:
    """The config file to write (``--out``, in mkdocs.yml's folder), checked before any work: a new
    file, or one this command wrote (it starts with :data:`HEADER`); never mkdocs.yml, the inventory,
    a folder or a link."""
    path = config_file.parent / str(out)
    fix = f"give a new file name, for example --out {DEFAULT_CONFIG}"
    if not str(out).strip() or path.is_symlink() or path.is_dir():
        what = "an empty path" if not str(out).strip() else ("a symbolic link" if path.is_symlink() else "a folder")
        raise InputError(Problem(Loc(str(path)), f"the Zensical config to write is {what}", fix))
    real = path.parent.resolve() / path.name
    for keep, what in ((config_file, "the MkDocs config"), (inventory, "the inventory")):
        if keep is not None and real == Path(keep).resolve():
            raise InputError(Problem(Loc(str(path)), f"the Zensical config to write is {what}", fix))
    if real.exists():
        with open(real, "rb") as f:
            head = f.read(len(_OURS))
        if head != _OURS:
            raise InputError(Problem(Loc(str(path)), "the file exists and plainnotice did not write it (it does not start with its header)", fix))
    return real


def write_zensical(
    raw: dict, content: SiteContent, config_file: Path, docs: Target, out: Path, on_wait: Callable[[Path], None] | None = None
) -> dict[str, bytes]:
    """Under the lock of the docs folder and the config's folder: the docs folder
    (:func:`docs_files`, kept as :func:`.output.write_docs` keeps it), then the config. The files written."""
    files = docs_files(raw, content)
    try:
        with locked([docs.path, out], on_wait):
            config_target(config_file, out)
            write_docs(docs, files)
            write_zensical_config(raw, content, config_file, out)
    except OSError as exc:
        problem = environment_problem(exc, docs.path, "writing the docs folder and the Zensical config")
        if problem is None:
            raise
        raise problem from None
    return files


def write_zensical_config(raw: dict, content: SiteContent, config_file: Path, out: Path) -> Path:
    """Write :func:`zensical_config` to ``out`` (a YAML file in mkdocs.yml's folder, where Zensical
    looks for docs_dir and site_dir)."""
    cfg = zensical_config(raw, content, config_file)
    text = HEADER.format(mkdocs=config_file.name, name=out.name) + yaml.safe_dump(
        cfg, allow_unicode=True, sort_keys=False, width=10_000
    )
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    return out
