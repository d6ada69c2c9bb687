"""Issue 13 in a real browser: the summary of the reference and of a generated 25-kind inventory at
375 px and 1280 px, light and dark: nothing scrolls sideways (the page, or any element in it), axe
finds no violation, and on a phone each table row is a card that shows every fact with its label."""

from __future__ import annotations

import pytest

from generated import many_kinds
from .pn_browser import Server, build_project, describe_violations, make_project, run_axe

SCHEMES = ["light", "dark"]
WIDTHS = [375, 1280]

#: elements wider than the box they sit in (scrollable sideways), and elements that stick out of the viewport
_SIDEWAYS = """() => {
  const out = [];
  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw) out.push(`page: ${document.documentElement.scrollWidth} > ${vw}`);
  for (const el of document.querySelectorAll('article *')) {
    const st = getComputedStyle(el);
    if (st.display === 'none' || st.visibility === 'hidden' || el.closest('.pn-sprite')) continue;
    const head = el.closest('thead');
    if (head && getComputedStyle(head).position === 'absolute') continue;  // visually hidden header row
    const r = el.getBoundingClientRect();
    if (r.width && (r.right > vw + 0.5 || r.left < -0.5)) out.push(`${el.tagName}.${el.className}: ${Math.round(r.left)}..${Math.round(r.right)} of ${vw}`);
    if (el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(st.overflowX)) out.push(`${el.tagName}.${el.className} scrolls: ${el.scrollWidth} > ${el.clientWidth}`);
  }
  return out.slice(0, 10);
}"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    from .pn_browser import _need_chromium

    _need_chromium()
    out = {}
    ref = make_project(tmp_path_factory.mktemp("summary_reference"))
    out["reference"] = build_project(ref)
    inv25 = tmp_path_factory.mktemp("inv25") / "data_inventory.yml"
    inv25.write_text(many_kinds(25), encoding="utf-8")
    out["25 kinds"] = build_project(make_project(tmp_path_factory.mktemp("summary_25"), inv25))
    servers = {k: Server(v) for k, v in out.items()}
    yield servers
    for s in servers.values():
        s.close()


def _open(browser, server, width, scheme):
    ctx = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = ctx.new_page()
    page.goto(server.url("index.html"), wait_until="load")
    return ctx, page


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("which", ["reference", "25 kinds"])
def test_summary_has_no_sideways_scrolling_and_no_axe_violations(browser, sites, axe_js, which, width, scheme):
    ctx, page = _open(browser, sites[which], width, scheme)
    try:
        wide = page.evaluate(_SIDEWAYS)
        assert not wide, f"{which} at {width}px ({scheme}):\n" + "\n".join(wide)
        violations = run_axe(page, axe_js)
        assert not violations, f"{which} at {width}px ({scheme}):\n{describe_violations(violations)}"
    finally:
        ctx.close()


def test_on_a_phone_each_row_is_a_card_with_every_fact_labelled(browser, sites):
    ctx, page = _open(browser, sites["reference"], 375, "light")
    try:
        rows = page.locator("#at-a-glance ~ .pn-table tbody tr")
        assert rows.count() == 8
        first = rows.first
        assert first.evaluate("el => getComputedStyle(el).display") == "block"
        labels = first.evaluate("el => [...el.querySelectorAll('td')].map(td => getComputedStyle(td, '::before').content)")
        assert labels == ["none", '"Why: "', '"How long: "', '"Required?: "'], labels
        assert "2 years after you close your account" in first.inner_text()
        assert page.locator("#at-a-glance ~ .pn-table thead").evaluate("el => el.getBoundingClientRect().width") <= 1
    finally:
        ctx.close()
    ctx, page = _open(browser, sites["reference"], 1280, "light")
    try:
        assert page.locator("#at-a-glance ~ .pn-table tbody tr").first.evaluate("el => getComputedStyle(el).display") == "table-row"
    finally:
        ctx.close()


def test_the_25_kind_summary_names_every_kind_and_purpose_in_the_browser(browser, sites):
    import yaml

    data = yaml.safe_load(many_kinds(25))
    ctx, page = _open(browser, sites["25 kinds"], 375, "dark")
    try:
        text = page.locator("article").inner_text()
        for d in data["data"]:
            assert d["name"] in text, d["id"]
        for p in data["purposes"]:
            assert p["name"] in text, p["id"]
    finally:
        ctx.close()
