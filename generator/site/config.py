"""MkDocs settings: what both fronts apply to a loaded config (:func:`configure`) and to each
page (:func:`localize_page`, :func:`language_nav`), and reading mkdocs.yml as written, before
MkDocs validates it (the docs folder, the plugin list).

Several languages are one MkDocs build: the first language at the root, the others under
``<lang>/`` (:mod:`.content`). Each page gets its own language: ``<html lang>`` and Material's UI
words (``theme.language``), the site name and copyright in that language, ``hreflang`` alternates
to the same page in every language plus ``x-default`` (the first language), Material's language
switcher (``extra.alternate``) pointing at the same page, and a navigation of its own language's
pages only (previous/next stay inside the language).
"""

from __future__ import annotations

import html
from pathlib import Path

import yaml
from material import templates as material_templates
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation, Section
from mkdocs.utils import get_theme_dir
from mkdocs.utils.yaml import yaml_load

from generator.errors import InputError, Loc, Problem
from generator.inventory.datafiles import PACKAGE_DIR
from generator.site.content import SiteContent, SiteLanguage
from generator.site.markdown_ext import TableRegions

#: The plainnotice theme layer (templates and CSS) between the user's custom_dir and Material.
THEME_DIR = PACKAGE_DIR / "theme"
#: The plugin's name in mkdocs.yml.
PLUGIN_NAME = "plainnotice"
#: The reading order of the rendered pages when mkdocs.yml has no nav.
PAGE_ORDER = ("index.md", "notice.md", "cookies.md", "changes.md", "collection.md")


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
    own_nav = not config.get("nav")
    if own_nav:
        config["nav"] = _nav(config, content)
    extra = config["extra"]
    extra["generator"] = False
    extra["plainnotice"] = {
        "lang": content.lang,
        "effective_date": content.effective_date.isoformat(),
        "files": {"gpc": ".well-known/gpc.json", "inventory": "inventory.json", "dpv": "dpv.jsonld"},
        "languages": [{"lang": lang.lang, "name": lang.name, "prefix": lang.prefix} for lang in content.languages],
        "alternates": alternates(content, config["use_directory_urls"]),
        "homes": [page_url(lang.prefix + "index.md", config["use_directory_urls"]) for lang in content.languages[1:]],
        "own_nav": own_nav,
    }
    if len(content.languages) > 1:
        home = "index.md"
        extra["alternate"] = [
            {"name": lang.name, "lang": lang.lang, "link": page_url(lang.prefix + home, config["use_directory_urls"]) or "./"}
            for lang in content.languages
        ]


def page_url(src_path: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives the page ``src_path`` (``page.url``: "" for the home page with
    directory URLs)."""
    url = File(src_path, "", "", use_directory_urls).url
    return "" if url in (".", "./") else url


def alternates(content: SiteContent, use_directory_urls: bool) -> dict[str, list[dict]]:
    """page URL -> the same page in every language: ``{"lang", "name", "link"}`` dicts, the first
    language first, then ``x-default`` (the first language's page), for ``hreflang`` links and the
    language switcher. Only for notices of several languages, and only pages every language has."""
    if len(content.languages) < 2:
        return {}
    out: dict[str, list[dict]] = {}
    shared = [p for p in content.languages[0].pages if all(p in lang.pages for lang in content.languages)]
    for path in shared:
        links = [{"lang": lang.lang, "name": lang.name, "link": page_url(lang.prefix + path, use_directory_urls) or "./"} for lang in content.languages]
        links.append({"lang": "x-default", "name": "", "link": links[0]["link"]})
        for lang in content.languages:
            out[page_url(lang.prefix + path, use_directory_urls)] = links
    return out


def localize_page(page, config: MkDocsConfig, content: SiteContent) -> None:
    """Before a page is rendered (``on_page_context``): its language's UI words and ``<html lang>``,
    site name and copyright. Pages that are not ours get the first language's."""
    lang = content.language_of(page.file.src_uri) or (content.languages[0] if content.languages else None)
    if lang is None:
        return
    config["site_name"] = html.escape(lang.title, quote=True)
    config["copyright"] = html.escape(f"\u00a9 {lang.holder}", quote=True)
    if config["theme"].name == "material":
        config["theme"]["language"] = theme_language(lang.lang)


def language_nav(nav: Navigation, content: SiteContent) -> Navigation:
    """``on_nav``: with several languages, previous/next links stay inside each language (the first
    language's pages are at the top of the nav, each other language is a section, :func:`_nav`)."""
    if len(content.languages) < 2:
        return nav
    first = content.languages[0]
    groups = [[i for i in nav.items if getattr(i, "is_page", False) and i.file.src_uri in first.pages]]
    names = {x.name for x in content.languages[1:]}
    groups += [[c for c in i.children if getattr(c, "is_page", False)] for i in nav.items if isinstance(i, Section) and i.title in names]
    for pages in groups:
        for i, p in enumerate(pages):
            p.previous_page = pages[i - 1] if i > 0 else None
            p.next_page = pages[i + 1] if i + 1 < len(pages) else None
    return nav


def page_nav(context: dict, page, content: SiteContent) -> dict:
    """``on_page_context``: the nav of the page's own language only (plus any pages of yours outside
    the languages), with that language's home page; :func:`_nav` made one section per language
    after the first."""
    nav = context.get("nav")
    lang = content.language_of(page.file.src_uri)
    if nav is None or lang is None or len(content.languages) < 2:
        return context
    names = {x.name for x in content.languages[1:]}
    sections = {item.title: item for item in nav.items if isinstance(item, Section) and item.title in names}
    first = content.languages[0]
    mine = lambda item: getattr(item, "is_page", False) and item.file.src_uri in first.pages  # noqa: E731
    others = [item for item in nav.items if item.title not in sections or not isinstance(item, Section)]
    others = [item for item in others if not mine(item)]
    if lang is first:
        items = [item for item in nav.items if mine(item)] + others
    elif lang.name in sections:
        items = list(sections[lang.name].children) + others
    else:
        return context
    local = Navigation(items, [p for p in nav.pages if p in items])
    home = lang.prefix + "index.md"
    local.homepage = next((p for p in items if getattr(p, "is_page", False) and p.file.src_uri == home), nav.homepage)
    context["nav"] = local
    return context


def _ordered(lang: SiteLanguage) -> list[str]:
    ours = [p for p in PAGE_ORDER if p in lang.pages]
    ours += sorted(p for p in lang.pages if p not in ours and p.endswith(".md"))
    return [lang.prefix + p for p in ours]


#: Markdown extensions that turn inventory text into markup where no escape can stop them, with why.
#: The others plainnotice knows of are escaped against (:func:`generator.notice.escape.md_escape`:
#: pymdownx.tilde, caret, mark, emoji, critic, keys, magiclink; smarty and betterem change nothing).
REFUSED_EXTENSIONS = {
    "pymdownx.smartsymbols": "it turns plain text into symbols and markup (1st -> 1<sup>st</sup>, 1/4 -> \u00bc, c/o -> \u2105, (c) -> \u00a9)",
    "pymdownx.arithmatex": "it reads the parentheses plainnotice escapes with a backslash, and $...$, as math",
}


def refused_extensions(config: MkDocsConfig, config_file: str) -> list[Problem]:
    """A problem for each Markdown extension in mkdocs.yml that would make inventory text markup."""
    names = [e if isinstance(e, str) else "" for e in config.get("markdown_extensions") or []]
    out = []
    for name in names:
        short = name.removeprefix("markdown.extensions.")
        if short in REFUSED_EXTENSIONS:
            out.append(
                Problem(
                    Loc(config_file),
                    f"the Markdown extension {name} would turn text from the inventory into markup: {REFUSED_EXTENSIONS[short]}",
                    f"remove {name} from markdown_extensions (the notice's text must show as written)",
                )
            )
    return out


def _nav(config: MkDocsConfig, content: SiteContent) -> list:
    """Reading order when mkdocs.yml has no ``nav``: summary, full notice, cookies, changes, then
    any other pages in docs_dir (alphabetically), instead of MkDocs' alphabetical default. With
    several languages: the first language's pages, one section per other language (named in that
    language), then the other pages."""
    if content.languages:
        per_lang = [(lang.name, _ordered(lang)) for lang in content.languages]
    else:
        per_lang = [("", _ordered(SiteLanguage(content.lang, content.lang, "", content.title, content.holder, tuple(content.pages))))]
    ours = [p for _, paths in per_lang for p in paths]
    others = []
    docs = Path(config["docs_dir"])
    if docs.is_dir():
        for path in sorted(docs.rglob("*.md")):
            rel = path.relative_to(docs)
            if any(part.startswith(".") for part in rel.parts):
                continue
            if rel.as_posix() not in ours:
                others.append(rel.as_posix())
    # the first language's pages stay at the top (its summary is the site's home page), every
    # other language is a section named in that language
    return per_lang[0][1] + [{name: paths} for name, paths in per_lang[1:]] + others


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


def plugin_options(raw: dict) -> dict:
    """The options of the plainnotice plugin in mkdocs.yml ({} when it is not listed or has none)."""
    for entry in _plugins(raw):
        if isinstance(entry, dict) and _plugin_name(entry) == PLUGIN_NAME and isinstance(entry[PLUGIN_NAME], dict):
            return entry[PLUGIN_NAME]
    return {}


def plugins_without_ours(raw: dict) -> list:
    """The ``plugins`` list of mkdocs.yml without plainnotice (an absent key means MkDocs' default)."""
    return [p for p in _plugins(raw) if _plugin_name(p) != PLUGIN_NAME]


def docs_dir(config_file: Path, raw: dict) -> Path:
    """docs_dir of mkdocs.yml, as an absolute path."""
    return (config_file.parent / str(raw.get("docs_dir", "docs"))).resolve()
