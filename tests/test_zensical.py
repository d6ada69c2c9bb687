"""The same pages built with Zensical (the `test` extra pins zensical==0.0.73).

One project is built twice: `plainnotice build` (MkDocs) and `plainnotice zensical` then
`zensical build -f zensical.yml` (network off where `unshare -n` works). The Zensical site has the
same pages with the same text, our stylesheet (the same bytes, linked once from every page), the
table regions, the same exports, no search, no JavaScript bundle, and no request to another host.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import REPO

pytest.importorskip("zensical")
ZENSICAL = Path(sys.executable).with_name("zensical")
PAGES = ("index", "notice", "cookies", "changes")
EXPORTS = ("inventory.json", "dpv.jsonld", ".well-known/gpc.json")


class _Page(HTMLParser):
    """The article's text, and every URL the page makes the browser load."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = self.skip = 0
        self.text: list[str] = []
        self.loads: list[str] = []
        self.stylesheets: list[str] = []
        self.regions = 0
        self.scripts_with_src = 0
        self.search = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.depth += 1
        if self.depth and tag in ("script", "style", "svg"):
            self.skip += 1
        if tag == "link" and a.get("rel") in ("stylesheet", "icon", "preload", "modulepreload", "manifest"):
            self.loads.append(a.get("href", ""))
            if a.get("rel") == "stylesheet":
                self.stylesheets.append(a.get("href", ""))
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and a.get("src"):
            self.loads.append(a["src"])
            self.scripts_with_src += tag == "script"
        if tag == "div" and a.get("class") == "pn-table" and a.get("role") == "region" and a.get("tabindex") == "0":
            self.regions += 1
        if a.get("data-md-component") == "search" or tag == "input" and a.get("name") == "query":
            self.search = True

    def handle_endtag(self, tag):
        if self.depth and tag in ("script", "style", "svg"):
            self.skip -= 1
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.text.append(data)


def read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.article = " ".join("".join(page.text).split())
    return page


def other_host(url: str) -> bool:
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url.strip(), re.I)) and not url.startswith("data:")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    project = tmp_path_factory.mktemp("zensical")
    for name in ("mkdocs.yml", "data_inventory.yml"):
        shutil.copy(REPO / name, project / name)
    shutil.copytree(REPO / "site_overrides", project / "site_overrides")
    plainnotice = [sys.executable, "-m", "generator"]
    run = lambda *cmd: subprocess.run(cmd, cwd=project, capture_output=True, text=True, timeout=300)
    mk = run(*plainnotice, "build", "--site-dir", "site-mkdocs")
    assert mk.returncode == 0, mk.stderr
    made = run(*plainnotice, "zensical")
    assert made.returncode == 0, made.stderr
    assert "Build with: zensical build -f zensical.yml" in made.stdout
    offline = shutil.which("unshare") and run("unshare", "-n", "true").returncode == 0
    start = time.perf_counter()
    z = run(*(["unshare", "-n"] if offline else []), str(ZENSICAL), "build", "-f", "zensical.yml")
    seconds = time.perf_counter() - start
    assert z.returncode == 0, z.stdout + z.stderr
    return {"project": project, "mkdocs": project / "site-mkdocs", "zensical": project / "site", "seconds": seconds, "log": z.stdout}


def test_the_config_turns_search_off_and_names_our_stylesheet_and_extension(sites):
    cfg = yaml.safe_load((sites["project"] / "zensical.yml").read_text(encoding="utf-8"))
    assert cfg["plugins"] == [{"search": {"enabled": False}}]
    assert cfg["extra_css"] == ["assets/plainnotice.css"]
    assert "generator.site.markdown_ext" in cfg["markdown_extensions"]
    assert cfg["theme"]["name"] == "plainnotice" and cfg["theme"]["custom_dir"] == "site_overrides"
    assert cfg["site_name"] == "Fernway privacy notice" and cfg["copyright"] == "© Fernway Technologies, Lda."
    assert cfg["nav"] == ["index.md", "notice.md", "cookies.md", "changes.md", "collection.md"]  # the reference covers us_ca (11 CCR 7012)
    assert (sites["project"] / "pages" / "assets" / "plainnotice.css").is_file()


def test_same_pages_with_the_same_text(sites):
    for name in PAGES:
        z, m = sites["zensical"] / f"{name}.html", sites["mkdocs"] / f"{name}.html"
        assert z.is_file(), name
        assert read(z).article == read(m).article, name
        assert len(read(z).article) > 200


def test_our_stylesheet_is_there_and_linked_once_from_every_page(sites):
    css = sites["zensical"] / "assets" / "plainnotice.css"
    assert css.read_bytes() == (sites["mkdocs"] / "assets" / "plainnotice.css").read_bytes()
    assert css.read_bytes() == (REPO / "generator" / "theme" / "assets" / "plainnotice.css").read_bytes()
    for name in PAGES:
        sheets = read(sites["zensical"] / f"{name}.html").stylesheets
        assert sum(s.endswith("assets/plainnotice.css") for s in sheets) == 1, (name, sheets)
        assert sheets[-1].endswith("assets/plainnotice.css")  # after the theme's, so ours wins


def test_the_privacy_layer_and_table_regions(sites):
    for name in PAGES:
        z, m = read(sites["zensical"] / f"{name}.html"), read(sites["mkdocs"] / f"{name}.html")
        assert z.regions == m.regions, name
        assert z.scripts_with_src == 0, name  # no Material/Zensical JavaScript bundle
        assert not z.search, name
        html = (sites["zensical"] / f"{name}.html").read_text(encoding="utf-8")
        assert '<meta name="referrer" content="no-referrer">' in html
        assert "__config" not in html
    assert sum(read(sites["zensical"] / f"{n}.html").regions for n in PAGES) >= 5
    index = json_items(sites["zensical"] / "search.json")
    assert index == []  # Zensical still writes the file, with nothing in it


def json_items(path: Path):
    import json

    return json.loads(path.read_text(encoding="utf-8"))["items"] if path.exists() else []


def test_the_exports_match_the_mkdocs_build(sites):
    for rel in EXPORTS:
        assert (sites["zensical"] / rel).read_bytes() == (sites["mkdocs"] / rel).read_bytes(), rel


def test_no_request_to_another_host(sites):
    site = sites["zensical"]
    for name in PAGES:
        page = read(site / f"{name}.html")
        assert page.loads, name
        assert [u for u in page.loads if other_host(u)] == [], name
        for sheet in page.stylesheets:
            text = (site / sheet.lstrip("./")).read_text(encoding="utf-8")
            for url in re.findall(r"""url\(\s*['"]?([^'")]+)""", text) + re.findall(r"""@import\s+['"]([^'"]+)""", text):
                assert not other_host(url), (sheet, url)
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_the_build_is_fast(sites):
    # Zensical reports its own time; 0.3-0.6 s here for the four pages. A generous bound.
    assert sites["seconds"] < 60
    assert "Build finished" in sites["log"]
