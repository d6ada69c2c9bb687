"""The no-other-host promise: the published site loads nothing from another host.

:func:`check_site` reads the final MkDocs settings and the built folder (every HTML page and CSS
file) and returns a finding for each setting or page that would make a reader's browser fetch
something from another host: ``extra_css``, ``extra_javascript``, ``theme.logo``,
``theme.favicon``; ``<link rel="stylesheet|icon|preload|...">``, ``<script src>``, ``<img>``,
``<iframe>``, media, ``<object>``, SVG ``<image>``/``<use>``, ``style`` attributes, and ``url()``
or ``@import`` in CSS. A plain link (``<a href>``) is not a request and is allowed.

A host may be allowed explicitly: the plugin option ``allow_hosts`` in mkdocs.yml, or
``plainnotice build --allow-host HOST`` (``*.example.com`` allows its subdomains too). The host of
``site_url`` is the site's own and always allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from generator.errors import Finding, Loc

RULE = "ST001"
#: ``<link rel>`` values that make the browser fetch (or connect to) the ``href``.
LOADING_RELS = frozenset(
    "stylesheet icon apple-touch-icon apple-touch-icon-precomposed mask-icon manifest preload modulepreload prefetch prerender preconnect dns-prefetch".split()
)
#: tag -> attributes whose URL is fetched when the page loads.
_SRC_ATTRS = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "object": ("data",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
    "body": ("background",),
    "table": ("background",),
    "td": ("background",),
}
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)


def host_of(url: str) -> str | None:
    """The host a URL loads from, or None when it names none (relative, ``data:``, ``#id``...)."""
    url = url.strip()
    if not url or url.startswith("#"):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme and parts.scheme.lower() not in ("http", "https", "ws", "wss", "ftp"):
        return None
    if not parts.netloc:
        return None
    return (parts.hostname or parts.netloc).lower().rstrip(".")


def allowed(host: str, allow: tuple[str, ...] | list[str]) -> bool:
    """Whether ``host`` is in the allow-list (``*.example.com``: example.com and its subdomains)."""
    for entry in allow:
        entry = entry.strip().lower().rstrip(".")
        if entry.startswith("*."):
            if host == entry[2:] or host.endswith(entry[1:]):
                return True
        elif host == entry:
            return True
    return False


def css_urls(css: str) -> list[str]:
    """URLs a stylesheet fetches: ``url(...)`` and ``@import "..."``."""
    out = []
    for m in _CSS_URL.finditer(css):
        out.append(next(g for g in m.groups() if g is not None))
    for m in _CSS_IMPORT.finditer(css):
        out.append(next(g for g in m.groups() if g is not None))
    return out


class _Requests(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (what, url)
        self._style = False

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "link":
            rels = set(a.get("rel", "").lower().split())
            for rel in sorted(rels & LOADING_RELS):
                self.found.append((f'<link rel="{rel}">', a.get("href", "")))
        for attr in _SRC_ATTRS.get(tag, ()):
            value = a.get(attr)
            if not value:
                continue
            urls = [c.strip().split()[0] for c in value.split(",") if c.strip()] if attr == "srcset" else [value]
            self.found += [(f"<{tag} {attr}>", u) for u in urls]
        if tag == "input" and a.get("type", "").lower() == "image" and a.get("src"):
            self.found.append(("<input type=image src>", a["src"]))
        if a.get("style"):
            self.found += [(f"<{tag} style>", u) for u in css_urls(a["style"])]
        if tag == "style":
            self._style = True

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "style":
            self._style = False

    def handle_data(self, data):
        if self._style:
            self.found += [("<style>", u) for u in css_urls(data)]


def html_requests(html: str) -> list[tuple[str, str]]:
    """(what, url) for every resource the page makes the browser fetch."""
    parser = _Requests()
    parser.feed(html)
    parser.close()
    return parser.found


@dataclass(frozen=True)
class Setting:
    name: str
    url: str


def config_requests(config) -> list[Setting]:
    """The MkDocs settings that load a URL: extra_css, extra_javascript, theme.logo, theme.favicon."""
    out = []
    for item in config.get("extra_css") or []:
        out.append(Setting("extra_css", str(item)))
    for item in config.get("extra_javascript") or []:
        out.append(Setting("extra_javascript", str(getattr(item, "path", item))))
    theme = config.get("theme")
    if theme is not None:
        for key in ("logo", "favicon"):
            value = theme.get(key) if hasattr(theme, "get") else None
            if isinstance(value, str):
                out.append(Setting(f"theme.{key}", value))
    return out


def _finding(loc: Loc, message: str) -> Finding:
    return Finding(
        RULE,
        "error",
        message,
        loc,
        fix="serve the file from the site itself (put it in docs_dir or custom_dir), or allow the host: "
        "'allow_hosts: [HOST]' under the plainnotice plugin in mkdocs.yml, or --allow-host HOST",
    )


def check_config(config, config_file: str, allow: tuple[str, ...]) -> list[Finding]:
    """A finding for each MkDocs setting that loads from a host not allowed."""
    out = []
    for s in config_requests(config):
        host = host_of(s.url)
        if host and not allowed(host, allow):
            out.append(_finding(Loc(config_file), f"{s.name} loads {s.url} from another host ({host})"))
    return out


def check_page(html: str, shown: str, allow: tuple[str, ...]) -> list[Finding]:
    """A finding for each resource of the page ``shown`` (its path, for the message) from a host not allowed."""
    out = []
    seen = set()
    for what, url in html_requests(html):
        host = host_of(url)
        if host and not allowed(host, allow) and (what, url) not in seen:
            seen.add((what, url))
            out.append(_finding(Loc(shown), f"{what} loads {url} from another host ({host})"))
    return out


def check_built(folder: Path, shown: Path, allow: tuple[str, ...]) -> list[Finding]:
    """Findings for every HTML page and CSS file of the built ``folder`` (``shown``: its final path)."""
    out = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file() or path.suffix.lower() not in (".html", ".htm", ".css"):
            continue
        rel = path.relative_to(folder)
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix.lower() == ".css":
            for url in css_urls(text):
                host = host_of(url)
                if host and not allowed(host, allow):
                    out.append(_finding(Loc(str(shown / rel)), f"the stylesheet loads {url} from another host ({host})"))
        else:
            out += check_page(text, str(shown / rel), allow)
    return out


def own_hosts(config) -> tuple[str, ...]:
    """The site's own host (from site_url), always allowed."""
    host = host_of(str(config.get("site_url") or ""))
    return (host,) if host else ()
