"""The built site in a real browser: accessibility (axe-core, WCAG 2.1 AA), privacy (no request to
another host), phones (375 px), no JavaScript, printing, and hostile inventory text."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import REFERENCE
from .pn_browser import Server, build_project, describe_violations, html_pages, make_project, run_axe

SCHEMES = ["light", "dark"]


def open_page(browser, server: Server, path: str, **context_args):
    ctx = browser.new_context(**context_args)
    page = ctx.new_page()
    page.goto(server.url(path), wait_until="load")
    return ctx, page


# --------------------------------------------------------------------------------------------
# Accessibility
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_has_no_axe_violations(browser, reference_site, reference_server, axe_js, scheme):
    problems = []
    for path in html_pages(reference_site):
        for width in (375, 1280):
            ctx, page = open_page(browser, reference_server, path, color_scheme=scheme, viewport={"width": width, "height": 900})
            want = "slate" if scheme == "dark" else "default"
            assert page.get_attribute("body", "data-md-color-scheme") == want, f"{path}: palette did not follow {scheme}"
            violations = run_axe(page, axe_js)
            if violations:
                problems.append(f"{path} ({scheme}, {width}px):\n{describe_violations(violations)}")
            ctx.close()
    assert not problems, "\n".join(problems)


def test_palette_switch_works_and_is_remembered(browser, reference_server):
    ctx, page = open_page(browser, reference_server, "index.html", color_scheme="light")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    switch = page.locator("label[for='__palette_1']")
    assert switch.is_visible()
    switch.click()
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.goto(reference_server.url("notice.html"))
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    assert page.locator("label[for='__palette_0']").is_visible()
    assert not page.locator("label[for='__palette_1']").is_visible()
    ctx.close()


# --------------------------------------------------------------------------------------------
# Privacy: nothing leaves the local server
# --------------------------------------------------------------------------------------------


def test_no_request_to_any_other_host(browser, reference_site, reference_server):
    origin = urlsplit(reference_server.origin)
    seen, foreign = [], []
    for scheme in SCHEMES:
        ctx = browser.new_context(color_scheme=scheme)

        def route(r, _foreign=foreign):
            u = urlsplit(r.request.url)
            if u.scheme in ("http", "https") and u.netloc != origin.netloc:
                _foreign.append(r.request.url)
                r.abort()
            else:
                r.continue_()

        ctx.route("**/*", route)
        ctx.on("request", lambda req: seen.append(req.url))
        page = ctx.new_page()
        for path in html_pages(reference_site):
            page.goto(reference_server.url(path), wait_until="networkidle")
            page.mouse.wheel(0, 5000)  # lazy things would load now
            page.wait_for_timeout(100)
        ctx.close()
    others = sorted({u for u in seen if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != origin.netloc})
    assert foreign == [] and others == []
    assert any(u.endswith("/index.html") for u in seen)  # the recording itself works


def test_summary_needs_at_most_four_requests(browser, reference_server):
    ctx = browser.new_context()
    urls = []
    ctx.on("request", lambda req: urls.append(req.url))
    page = ctx.new_page()
    page.goto(reference_server.url("index.html"), wait_until="networkidle")
    ctx.close()
    assert len(urls) <= 4, urls


# --------------------------------------------------------------------------------------------
# Phones, no JavaScript, print
# --------------------------------------------------------------------------------------------


def test_no_horizontal_scroll_at_375px(browser, reference_site, reference_server):
    wide = []
    for scheme in SCHEMES:
        for path in html_pages(reference_site):
            ctx, page = open_page(browser, reference_server, path, viewport={"width": 375, "height": 740}, color_scheme=scheme)
            sizes = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            if sizes[0] > sizes[1]:
                wide.append(f"{path} ({scheme}): content {sizes[0]} px in a {sizes[1]} px viewport")
            ctx.close()
    assert not wide, "\n".join(wide)


def test_summary_reads_without_javascript(browser, reference_server):
    from generator.inventory.parse import load_inventory

    inv = load_inventory(REFERENCE)
    ctx, page = open_page(browser, reference_server, "index.html", java_script_enabled=False)
    assert page.locator("h1").inner_text().rstrip("\u00b6").strip() == inv.notice.title.get()
    article = page.locator("article")
    assert article.is_visible()
    text = article.inner_text()
    for d in inv.data:
        assert d.name.get() in text
    bars = page.locator("svg.pn-bar")
    assert bars.count() == len(inv.data)
    assert all(bars.nth(i).is_visible() for i in range(len(inv.data)))
    assert page.locator(".pn-table table").first.is_visible()
    assert re.search(r"\d+ minutes? to read", page.locator(".pn-badge").inner_text())
    # no dead light/dark switch without JavaScript
    assert not page.locator("label[for='__palette_1']").is_visible()
    ctx.close()


def test_print_unfolds_collapsed_parts(browser, tmp_path):
    from generator.site.folders import DOCS_MARKER, marker_bytes

    project = make_project(tmp_path / "print")
    (project / "pages").mkdir(exist_ok=True)
    # the docs folder as `plainnotice init` makes it (with its marker), plus a page of yours
    (project / "pages" / DOCS_MARKER).write_bytes(marker_bytes(DOCS_MARKER))
    (project / "pages" / "folded.md").write_text(
        '# Folded\n\n??? note "More detail"\n\n    This text is folded away on screen.\n', encoding="utf-8"
    )
    site = build_project(project)
    server = Server(site)
    try:
        ctx, page = open_page(browser, server, "folded.html")
        hidden = page.locator("details p")
        assert not hidden.is_visible()  # folded on screen
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        assert hidden.is_visible()
        ctx.close()
        # with scripts off, the print stylesheet alone unfolds it
        ctx, page = open_page(browser, server, "folded.html", java_script_enabled=False)
        page.emulate_media(media="print")
        box = page.locator("details p").bounding_box()
        assert box is not None and box["height"] > 0
        ctx.close()
    finally:
        server.close()


# --------------------------------------------------------------------------------------------
# Hostile inventory text
# --------------------------------------------------------------------------------------------

PAYLOADS = [
    '<script>alert("p1")</script>',
    '<img src=x onerror=alert("p2")>',
    '"><svg onload=alert("p3")>',
    "[click me](javascript:alert('p4'))",
    "<a href=\"javascript:alert('p5')\">p5 link</a>",
    "{: onclick=\"alert('p6')\" }",
    "**not bold** _not italic_ `not code`",
    "&lt;b&gt;p7&lt;/b&gt; &#60;i&#62;p7",
    "<details open ontoggle=alert('p8')>",
    "{{ 7*7 }} {% if true %}p9{% endif %}",
    "<iframe src=\"javascript:alert('p10')\"></iframe>",
    "JaVaScRiPt:alert('p11')",
    "| p12 | table |",
    "<style>body{display:none}</style>p13",
    "![p14](javascript:alert('p14'))",
    "<form action=javascript:alert('p15')><button>p15</button></form>",
]
TITLE_PAYLOAD = "</title><script>alert('t1')</script> Notice"

# where each payload goes: (YAML path, index into PAYLOADS)
_TARGETS = [
    (("organization", "name"), 0),
    (("data", 0, "name"), 1),
    (("data", 1, "name"), 2),
    (("data", 2, "name"), 5),
    (("data", 3, "name"), 8),
    (("data", 0, "examples", 0), 3),
    (("data", 1, "if_not_provided"), 4),
    (("data", 4, "retention", "after"), 6),
    (("purposes", 0, "name"), 7),
    (("purposes", 1, "description"), 9),
    (("purposes", 2, "name"), 10),
    (("purposes", 3, "legitimate_interest"), 11),
    (("parties", 0, "name"), 12),
    (("parties", 1, "purpose"), 13),
    (("security", "measures", 0), 14),
    (("cookies", 0, "purpose"), 15),
    (("changes", 0, "summary"), 0),
    (("children", "statement"), 1),
]


def _set(doc, path, value):
    for step in path[:-1]:
        doc = doc[step]
    doc[path[-1]] = value


@pytest.fixture(scope="module")
def injection_site(tmp_path_factory):
    doc = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    for path, i in _TARGETS:
        _set(doc, path, PAYLOADS[i])
    doc["notice"]["title"] = TITLE_PAYLOAD
    # hostile text is not plain English: keep the readability gate out of this test's way
    doc["notice"]["readability"] = {"summary": {"metric": "flesch_kincaid_grade", "max": 99}, "full": {"metric": "flesch_kincaid_grade", "max": 99}}
    inv = tmp_path_factory.mktemp("inj-src") / "data_inventory.yml"
    inv.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    project = make_project(tmp_path_factory.mktemp("injection"), inv)
    return build_project(project)


def _visible_form(text: str) -> str:
    """Page titles swap < > & for look-alikes (‹ › ＆) so no un-escaping can make them markup."""
    return " ".join(text.replace("\u2039", "<").replace("\u203a", ">").replace("\uff06", "&").split())


def test_injection_payloads_show_as_text_and_never_run(browser, injection_site):
    server = Server(injection_site)
    dialogs, texts = [], []
    try:
        ctx = browser.new_context()
        page = ctx.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in html_pages(injection_site):
            page.goto(server.url(path), wait_until="load")
            # give handlers a chance: hover and click everything a payload could have made
            for sel in ("img", "svg", "details", "a", "button"):
                for i in range(min(page.locator(f"article {sel}").count(), 40)):
                    el = page.locator(f"article {sel}").nth(i)
                    try:
                        el.hover(timeout=300)
                    except Exception:
                        pass
            bad = page.evaluate(
                """() => {
                  const out = [];
                  for (const el of document.querySelectorAll('*')) {
                    for (const a of el.attributes) {
                      if (/^on/i.test(a.name)) out.push(el.tagName + '[' + a.name + ']');
                      if (/^\\s*javascript:/i.test(a.value)) out.push(el.tagName + '[' + a.name + '=' + a.value + ']');
                    }
                  }
                  for (const el of document.querySelectorAll('article iframe, article form, article style, article img, article script'))
                    out.push('element ' + el.tagName);
                  return out;
                }"""
            )
            assert bad == [], f"{path}: {bad}"
            texts.append(page.evaluate("document.title"))
            texts.append(page.locator("body").inner_text())
        ctx.close()
    finally:
        server.close()
    assert dialogs == []
    seen = _visible_form(" ".join(texts))
    for path, i in _TARGETS:
        assert " ".join(PAYLOADS[i].split()) in seen, f"{path}: {PAYLOADS[i]!r} is not shown as text"
    assert " ".join(TITLE_PAYLOAD.split()) in seen
    assert "49" not in re.findall(r"\d+", seen.split("{{ 7*7 }}")[0][-5:])  # Jinja did not evaluate it
