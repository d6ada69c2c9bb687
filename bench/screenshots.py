"""Screenshots of the reference summary for the README (issue 13), and the numbers next to them.

    .venv/bin/python bench/screenshots.py

Builds the site of the frozen reference (tests/fixtures/reference.yml) with Debian's Chromium
(/usr/bin/chromium, never downloaded), and writes docs/img/summary-375.png (a phone) and
docs/img/summary-1280.png (a laptop), light scheme, whole page. Prints words, minutes and grade of
the summary for the reference and for the generated 25-kind inventory (tests/generated.py), as
`plainnotice check` counts them.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO)]

from browser.pn_browser import CHROMIUM, CHROMIUM_ARGS, Server, build_project, make_project  # noqa: E402
from generated import many_kinds  # noqa: E402
from generator.inventory.load import load_text  # noqa: E402
from generator.inventory.parse import parse  # noqa: E402
from generator.notice.render import render  # noqa: E402
from generator.readability.gate import check  # noqa: E402

OUT = REPO / "docs" / "img"


def numbers(name: str, text: str) -> str:
    inv = parse(load_text(text, name))
    s = check(render(inv), inv).layers["summary"].scores
    return f"{name}: {len(inv.data)} kinds of data, {s.words} words, {s.reading_minutes:.2f} minutes, grade {s.metrics['flesch_kincaid_grade']:.1f}"


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = build_project(make_project(Path(tmp) / "reference"))
        server = Server(site)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                for width in (375, 1280):
                    ctx = browser.new_context(viewport={"width": width, "height": 800}, color_scheme="light")
                    page = ctx.new_page()
                    page.goto(server.url("index.html"), wait_until="load")
                    page.screenshot(path=str(OUT / f"summary-{width}.png"), full_page=True)
                    ctx.close()
                browser.close()
        finally:
            server.close()
    print(numbers("reference", (REPO / "tests" / "fixtures" / "reference.yml").read_text(encoding="utf-8")))
    print(numbers("25 kinds", many_kinds(25)))


if __name__ == "__main__":
    main()
