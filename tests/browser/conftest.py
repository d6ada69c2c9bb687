"""Fixtures for the browser tests (helpers live in pn_browser.py).

Chromium is never downloaded: the tests use /usr/bin/chromium (``apt-get install chromium``).
Without it they are skipped, except in CI (``CI=true``), where a missing browser is a failure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .pn_browser import CHROMIUM, CHROMIUM_ARGS, Server, _need_chromium, axe_source, build_project, make_project


@pytest.fixture(scope="session")
def reference_site(tmp_path_factory) -> Path:
    _need_chromium()
    project = make_project(tmp_path_factory.mktemp("reference"))
    return build_project(project)


@pytest.fixture(scope="session")
def reference_server(reference_site):
    server = Server(reference_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser():
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session")
def axe_js() -> str:
    return axe_source()


