"""The no-other-host promise, enforced (issue 9, item 5): ``build`` reads the final MkDocs config
and the built HTML and CSS, and fails (exit 1) naming each setting or page that loads from another
host, unless the host is allowed (plugin option ``allow_hosts``, or ``--allow-host``). Plain links
stay allowed. Markdown extensions that would turn inventory text into markup are escaped against,
or refused (each tried with the real build)."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REFERENCE, REPO, variant
from generator.cli import main
from generator.site.hosts import allowed, css_urls, host_of, html_requests

PY = sys.executable


def project(tmp: Path, inventory: str | None = None) -> Path:
    tmp.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(REPO / "site_overrides", tmp / "site_overrides")
    (tmp / "data_inventory.yml").write_text(inventory or REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp


def build(proj: Path, *extra: str) -> int:
    return main(["build", "-i", str(proj / "data_inventory.yml"), "-f", str(proj / "mkdocs.yml"), *extra])


def add_config(proj: Path, text: str) -> None:
    with open(proj / "mkdocs.yml", "a", encoding="utf-8") as f:
        f.write("\n" + text + "\n")


def set_theme(proj: Path, key: str, value: str) -> None:
    text = (proj / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("  custom_dir: site_overrides", f"  custom_dir: site_overrides\n  {key}: {value}", 1)
    (proj / "mkdocs.yml").write_text(text, encoding="utf-8")


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------------------------
# What counts as a request
# --------------------------------------------------------------------------------------------


def test_html_requests_are_the_resources_a_page_loads_not_its_links():
    page = """
    <link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">
    <link rel="icon" href="//cdn.example/favicon.ico"><link rel="preconnect" href="https://fonts.gstatic.com">
    <link rel="canonical" href="https://notice.example/"><link rel="alternate" href="https://feeds.example/">
    <script src="https://cdn.jsdelivr.net/x.js"></script><script>var x = "https://not.a.request/";</script>
    <img src="https://img.example/a.png" srcset="https://img.example/a2.png 2x, local.png 1x">
    <iframe src="https://video.example/embed"></iframe><video poster="https://v.example/p.jpg"></video>
    <svg><use href="https://sprites.example/s.svg#i"></use><image href="https://svg.example/i.png"/></svg>
    <div style="background: url('https://bg.example/b.png')"></div>
    <style>@import "https://css.example/i.css"; p { background: url(https://css.example/p.png) }</style>
    <a href="https://elsewhere.example/">a plain link</a><form action="https://post.example/"></form>
    <img src="data:image/png;base64,AAAA"><img src="assets/local.png">
    """
    hosts = sorted({host_of(url) for _, url in html_requests(page)} - {None})
    assert hosts == sorted({"fonts.googleapis.com", "cdn.example", "fonts.gstatic.com", "cdn.jsdelivr.net", "img.example",
                            "video.example", "v.example", "sprites.example", "svg.example", "bg.example", "css.example"})


def test_css_urls_and_hosts():
    css = """@import url("https://a.example/x.css"); @import 'https://b.example/y.css';
    .x { background: url(data:image/svg+xml;utf8,<svg/>) } .y { src: url( "//c.example/f.woff2" ) }"""
    assert sorted(h for h in map(host_of, css_urls(css)) if h) == ["a.example", "b.example", "c.example"]
    assert host_of("mailto:a@b.example") is None and host_of("#top") is None and host_of("/x.css") is None
    assert host_of("HTTPS://Good.Example@Evil.Example:443/x") == "evil.example"
    assert allowed("fonts.example.com", ["*.example.com"]) and allowed("example.com", ["*.example.com"])
    assert not allowed("badexample.com", ["*.example.com"]) and not allowed("cdn.other", ["example.com"])


# --------------------------------------------------------------------------------------------
# The real build
# --------------------------------------------------------------------------------------------

MAIN_HTML = """{% extends "plainnotice.html" %}
{% block extrahead %}{{ super() }}<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">{% endblock %}
"""


def test_build_names_each_setting_and_page_that_loads_from_another_host(tmp_path, capsys):
    proj = project(tmp_path / "p")
    assert build(proj) == 0
    before = files(proj / "site")
    add_config(proj, "extra_css:\n  - https://cdn.example.com/x.css\n  - local.css\nextra_javascript:\n  - https://js.example.org/a.js")
    set_theme(proj, "logo", "https://img.example.net/logo.png")
    (proj / "pages" / "local.css").write_text('@import "https://fonts.example.io/f.css";\n', encoding="utf-8")
    (proj / "site_overrides" / "main.html").write_text(MAIN_HTML, encoding="utf-8")
    capsys.readouterr()
    assert build(proj) == 1
    err = capsys.readouterr().err
    assert re.search(r"mkdocs\.yml: error: extra_css loads https://cdn\.example\.com/x\.css from another host \(cdn\.example\.com\)", err)
    assert "extra_javascript loads https://js.example.org/a.js from another host" in err
    assert "theme.logo loads https://img.example.net/logo.png from another host" in err
    assert re.search(r"site/local\.css: error: the stylesheet loads https://fonts\.example\.io/f\.css", err)
    for page in ("index.html", "notice.html"):
        assert re.search(rf"site/{page}: error: <link rel=\"stylesheet\"> loads https://fonts\.googleapis\.com/", err), err
        assert re.search(rf"site/{page}: error: <img src> loads https://img\.example\.net/logo\.png", err), err
    assert "allow_hosts" in err and "--allow-host" in err
    assert "the site would load from another host; the previous site is unchanged" in err
    assert files(proj / "site") == before
    # allowed explicitly: by the plugin option and on the command line (wildcards for subdomains)
    text = (proj / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("      inventory: data_inventory.yml", "      inventory: data_inventory.yml\n      allow_hosts: [cdn.example.com, '*.example.org']")
    (proj / "mkdocs.yml").write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert build(proj, "--allow-host", "img.example.net", "--allow-host", "fonts.googleapis.com", "--allow-host", "fonts.example.io") == 0, capsys.readouterr().err


def test_favicon_from_another_host_and_site_url_is_the_sites_own(tmp_path, capsys):
    proj = project(tmp_path / "p")
    set_theme(proj, "favicon", "https://icons.example/f.png")  # after the data: favicon, so it wins
    text = (proj / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r'  favicon: "data:[^\n]*\n', "", text, count=1)
    (proj / "mkdocs.yml").write_text(text + "\nsite_url: https://notice.example/\nextra_css:\n  - https://notice.example/own.css\n", encoding="utf-8")
    assert build(proj) == 1
    err = capsys.readouterr().err
    assert "theme.favicon loads https://icons.example/f.png from another host (icons.example)" in err
    assert "notice.example" not in err  # site_url's host is the site's own


def test_plain_links_to_other_sites_are_allowed(tmp_path, capsys):
    proj = project(tmp_path / "p")
    assert build(proj) == 0
    html_text = (proj / "site" / "notice.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="https://stripe\.com/privacy"', html_text)  # the reference links out; no finding


def test_the_plugin_keeps_the_promise_too(tmp_path):
    proj = project(tmp_path / "p")
    (proj / "pages").mkdir()
    add_config(proj, "extra_css:\n  - https://cdn.example.com/x.css")
    r = subprocess.run([PY, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml"], cwd=proj, capture_output=True, text=True)
    assert r.returncode != 0 and "extra_css loads https://cdn.example.com/x.css from another host" in r.stderr
    text = (proj / "mkdocs.yml").read_text(encoding="utf-8").replace("extra_css:\n  - https://cdn.example.com/x.css", "")
    (proj / "mkdocs.yml").write_text(text, encoding="utf-8")
    (proj / "site_overrides" / "main.html").write_text(MAIN_HTML, encoding="utf-8")
    r = subprocess.run([PY, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml"], cwd=proj, capture_output=True, text=True)
    assert r.returncode != 0 and "loads https://fonts.googleapis.com/css2?family=Inter from another host" in r.stderr


# --------------------------------------------------------------------------------------------
# Markdown extensions cannot turn inventory text into markup
# --------------------------------------------------------------------------------------------

PAYLOAD = (
    "~~never~~ H~2~O ^^ins^^ x^2^ ==mark== :smile: :+1: {++add++} {--del--} {~~a~>b~~} {==hl==} {>>c<<} "
    "++ctrl+alt+del++ https://evil.example/x www.evil.example @someone user/repo#1 @org/repo a@b.example"
)
ESCAPED = {
    "pymdownx.tilde": None,
    "pymdownx.caret": None,
    "pymdownx.mark": None,
    "pymdownx.emoji": "\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n      emoji_generator: !!python/name:material.extensions.emoji.to_svg",
    "pymdownx.critic": None,
    "pymdownx.keys": None,
    "pymdownx.magiclink": "{repo_url_shorthand: true, social_url_shorthand: true, provider: github, user: u, repo: r}",
    "pymdownx.betterem": None,
    "smarty": None,
    "pymdownx.inlinehilite": None,
    "pymdownx.snippets": None,
    "pymdownx.emoji ": None,  # with its default index (emojione images from a CDN)
}


def _with_extension(proj: Path, name: str, options: str | None) -> None:
    text = (proj / "mkdocs.yml").read_text(encoding="utf-8")
    entry = f"  - {name.strip()}" + (f": {options}" if options else "")
    (proj / "mkdocs.yml").write_text(text.replace("  - md_in_html\n", f"  - md_in_html\n{entry}\n", 1), encoding="utf-8")


def _payload_inventory() -> str:
    return variant(("purpose: Keeps you signed in.", f"purpose: 'Keeps you signed in. PAYLOAD {PAYLOAD} ENDPAYLOAD'"))


@pytest.mark.parametrize("name", list(ESCAPED))
def test_extension_finds_no_markup_in_inventory_text(tmp_path, capsys, name):
    proj = project(tmp_path / "p", _payload_inventory())
    _with_extension(proj, name, ESCAPED[name])
    assert build(proj) == 0, capsys.readouterr().err
    page = (proj / "site" / "cookies.html").read_text(encoding="utf-8")
    segment = page.split("PAYLOAD", 1)[1].split("ENDPAYLOAD", 1)[0]
    assert "<" not in segment, segment  # no element made from the text
    assert html.unescape(segment).strip() == PAYLOAD


REFUSED = ["pymdownx.smartsymbols", "pymdownx.arithmatex"]


@pytest.mark.parametrize("name", REFUSED)
def test_extension_that_cannot_be_escaped_is_refused(tmp_path, capsys, name):
    proj = project(tmp_path / "p")
    _with_extension(proj, name, None)
    assert build(proj) == 2
    err = capsys.readouterr().err
    assert f"the Markdown extension {name} would turn text from the inventory into markup" in err
    assert f"remove {name} from markdown_extensions" in err
    assert not (proj / "site").exists() and not (proj / "pages").exists()
