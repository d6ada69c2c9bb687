"""MkDocs settings: what both fronts apply to a loaded config (:func:`configure`), and reading
mkdocs.yml as written, before MkDocs validates it (the docs folder, the plugin list)."""

from __future__ import annotations

import html
from pathlib import Path

import yaml
from material import templates as material_templates
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils import get_theme_dir
from mkdocs.utils.yaml import yaml_load

from generator.errors import InputError, Loc, Problem
from generator.inventory.datafiles import PACKAGE_DIR
from generator.site.content import SiteContent
from generator.site.markdown_ext import TableRegions

#: The plainnotice theme layer (templates and CSS) between the user's custom_dir and Material.
THEME_DIR = PACKAGE_DIR / "theme"
#: The plugin's name in mkdocs.yml.
PLUGIN_NAME = "plainnotice"
#: The reading order of the rendered pages when mkdocs.yml has no nav.
PAGE_ORDER = ("index.md", "notice.md", "cookies.md", "changes.md")


def theme_language(lang: str) -> str:
    """A Material UI language for the notice language: the code itself, else its base (de-AT -> de)."""
    base = Path(material_templates.__file__).resolve().parent / "partials" / "languages"
    for cand in (lang, lang.split("-")[0].lower()):
        if (base / f"{cand}.html").is_file():
            return cand
    return "en"


def configure(config: MkDocsConfig, content: SiteContent) -> None:
    """Settings from the inventory, applied to a loaded MkDocs config (plugin and CLI alike):
    the site name (HTML-escaped: Material prints it raw), the page language, and the
    plainnotice theme layer between the user's ``custom_dir`` and Material."""
    config["site_name"] = html.escape(content.title, quote=True)
    config["copyright"] = html.escape(f"\u00a9 {content.holder}", quote=True)
    theme = config["theme"]
    if theme.name == "material":
        theme["language"] = theme_language(content.lang)
        theme["font"] = False
        dirs = theme.dirs
        theme_dir = str(THEME_DIR)
        if theme_dir not in dirs:
            material = get_theme_dir("material")
            pos = dirs.index(material) if material in dirs else len(dirs)
            dirs.insert(pos, theme_dir)
    exts = config["markdown_extensions"]
    if not any(isinstance(e, TableRegions) for e in exts):
        exts.append(TableRegions())
    if not config.get("nav"):
        config["nav"] = _nav(config, content)
    extra = config["extra"]
    extra["generator"] = False
    extra["plainnotice"] = {
        "lang": content.lang,
        "effective_date": content.effective_date.isoformat(),
        "files": {"gpc": ".well-known/gpc.json", "inventory": "inventory.json", "dpv": "dpv.jsonld"},
    }
def _nav(config: MkDocsConfig, content: SiteContent) -> list[str]:
    """Reading order when mkdocs.yml has no ``nav``: summary, full notice, cookies, changes, then
    any other pages in docs_dir (alphabetically), instead of MkDocs' alphabetical default."""
    ours = [p for p in PAGE_ORDER if p in content.pages]
    ours += sorted(p for p in content.pages if p not in ours and p.endswith(".md"))
    others = []
    docs = Path(config["docs_dir"])
    if docs.is_dir():
        for path in sorted(docs.rglob("*.md")):
            rel = path.relative_to(docs)
            if any(part.startswith(".") for part in rel.parts):
                continue
            if rel.as_posix() not in ours:
                others.append(rel.as_posix())
    return ours + others


def set_page_date(page, content: SiteContent) -> None:
    """Every page's date is the notice's effective date (sitemap lastmod, sitemap.xml.gz header)."""
    page.update_date = content.effective_date.isoformat()


# --------------------------------------------------------------------------------------------
# mkdocs.yml handling
# --------------------------------------------------------------------------------------------


def read_raw_config(config_file: Path) -> dict:
    """mkdocs.yml as written (before MkDocs validates it), or an InputError naming the place."""
    try:
        with open(config_file, "rb") as f:
            raw = yaml_load(f) or {}
    except FileNotFoundError:
        raise InputError(
            Problem(Loc(str(config_file)), "the MkDocs config file does not exist", "run 'plainnotice init DIR' for a new project, or pass -f FILE")
        ) from None
    except (yaml.YAMLError, ConfigurationError, OSError, UnicodeDecodeError) as exc:  # syntax, unknown tags, INHERIT
        mark = getattr(exc, "problem_mark", None)
        loc = Loc(str(config_file), mark.line + 1, mark.column + 1) if mark else Loc(str(config_file))
        raise InputError(Problem(loc, f"cannot read the MkDocs config: {exc}", "fix the YAML")) from None
    if not isinstance(raw, dict):
        raise InputError(Problem(Loc(str(config_file), 1, 1), "the MkDocs config is not a mapping", "write 'site_name: ...' and the other keys"))
    return raw


def _plugin_name(entry) -> str | None:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and len(entry) == 1:
        return next(iter(entry))
    return None


def _plugins(raw: dict) -> list:
    """The ``plugins`` of mkdocs.yml as a list (an absent key means MkDocs' default)."""
    plugins = raw.get("plugins", ["search"])
    if isinstance(plugins, dict):
        plugins = [{k: v} if v is not None else k for k, v in plugins.items()]
    return list(plugins)


def lists_our_plugin(raw: dict) -> bool:
    """Whether mkdocs.yml lists the plainnotice plugin."""
    return any(_plugin_name(p) == PLUGIN_NAME for p in _plugins(raw))


def plugins_without_ours(raw: dict) -> list:
    """The ``plugins`` list of mkdocs.yml without plainnotice (an absent key means MkDocs' default)."""
    return [p for p in _plugins(raw) if _plugin_name(p) != PLUGIN_NAME]


def docs_dir(config_file: Path, raw: dict) -> Path:
    """docs_dir of mkdocs.yml, as an absolute path."""
    return (config_file.parent / str(raw.get("docs_dir", "docs"))).resolve()
