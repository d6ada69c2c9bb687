"""Helpers for the browser tests: Debian's Chromium driven by Playwright, axe-core for accessibility.

Chromium is never downloaded: the tests use /usr/bin/chromium (``apt-get install chromium``).
Without it they are skipped, except in CI (``CI=true``), where a missing browser is a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from conftest import REFERENCE, REPO

CHROMIUM = os.environ.get("PLAINNOTICE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--metrics-recording-only",
    "--disable-domain-reliability",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def _need_chromium() -> None:
    if Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK):
        return
    msg = f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install -y chromium)"
    if in_ci():
        pytest.fail(msg + " -- CI=true, so this is a failure, not a skip")
    pytest.skip(msg)


def axe_source() -> str:
    """axe-core as shipped inside the axe-playwright-python package (no download at run time)."""
    try:
        import axe_playwright_python
    except ImportError:
        msg = "axe-core not installed: pip install -e '.[test]' (axe-playwright-python bundles axe.min.js)"
        if in_ci():
            pytest.fail(msg)
        pytest.skip(msg)
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------
# Building sites for the tests
# --------------------------------------------------------------------------------------------


def make_project(dest: Path, inventory: Path | None = None) -> Path:
    """A project folder like a user's: mkdocs.yml, the inventory, the overrides folder."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copy(inventory or REFERENCE, dest / "data_inventory.yml")
    if (REPO / "site_overrides").is_dir():
        shutil.copytree(REPO / "site_overrides", dest / "site_overrides", dirs_exist_ok=True)
    else:
        (dest / "site_overrides").mkdir(exist_ok=True)
    return dest


def build_project(project: Path, site: Path | None = None) -> Path:
    from generator.cli import main

    site = site or project / "site"
    rc = main(["build", "-i", str(project / "data_inventory.yml"), "-f", str(project / "mkdocs.yml"), "--site-dir", str(site)])
    assert rc == 0, f"plainnotice build failed with exit code {rc}"
    return site


def html_pages(site: Path) -> list[str]:
    """Site-relative paths of the HTML pages a reader can open (the 404 page included)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "assets" not in p.parts)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


class Server:
    def __init__(self, root: Path):
        handler = functools.partial(_Quiet, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str = "") -> str:
        return f"{self.origin}/{path.lstrip('/')}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()




def run_axe(page, axe_js: str) -> list[dict]:
    """axe-core violations at WCAG 2.1 A and AA."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_js)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1] if node.get('failureSummary') else ''}")
    return "\n".join(lines)
