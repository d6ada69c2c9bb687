"""Injection suite: every inventory string comes out as visible text, never as markup.

Each payload goes into EVERY free-text field of the reference inventory at once. The pages are turned
into HTML with Python-Markdown and the extensions the site uses; then, compared with a render where
the same fields hold harmless text:

* the HTML has exactly the same elements and attributes (nothing injected, nothing broken: no extra
  table cells, headings, links, code blocks or attributes);
* the payload is visible, character for character, in the page text;
* no link points anywhere but http(s), mailto or the notice's own pages;
* the page title cannot become markup, however often it is un-escaped.
"""

from __future__ import annotations

import html
import re
import typing
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import variant
from generator.inventory.decl import Model
from generator.inventory import model
from generator.inventory.fields import Text, shape
from generator.inventory.parse import parse
from generator.inventory.load import load_text
from generator.notice.escape import clean_text, md_escape, safe_url, title_safe
from generator.notice.filters import f_link
from generator.notice.render import render

EXTENSIONS = ["tables", "attr_list", "toc", "admonition", "pymdownx.details", "md_in_html"]

PAYLOADS = [
    # HTML, script, event handlers
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "<div markdown=\"1\">*x*</div>",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)",
    "<!-- comment -->",
    "</title><script>alert(1)</script>",
    # javascript: links in every case and entity form
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](&#x6A;avascript&#x3A;alert(1))",
    "[click](javascript&colon;alert(1))",
    "[click](java\tscript:alert(1))",
    "[click]( javascript:alert(1) )",
    "<javascript:alert(1)>",
    "<https://evil.example/>",
    "<mail@evil.example>",
    "![img](javascript:alert(1))",
    "[ref][r] [r]: javascript:alert(1)",
    "[r]: javascript:alert(1)",
    # Markdown
    "**bold** __strong__ *em* _em_ `code`",
    "# Heading",
    "> quote",
    "- item",
    "1. item",
    "---",
    "===",
    "    indented code",
    "```\nfenced\n```",
    "~~~\nfenced\n~~~",
    '!!! danger "Admonition"',
    '??? note "Details"',
    "line one  \nline two\n\n# new block",
    "a\\",
    "\\*not em\\*",
    # attribute lists
    'text {: onclick="alert(1)" }',
    "text {#evil .cls onclick=alert(1)}",
    "{: .injected }",
    "{#id}",
    # tables
    "a | b | c",
    "|---|---|",
    "a \\| b",
    # Jinja and other template syntax
    "{{ 7*7 }}",
    "{% if true %}yes{% endif %}",
    "{# comment #}",
    "${7*7} #{7*7}",
    # entities
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&amp; &#60;b&#62; &quot;",
]


def _is_text(annotation) -> bool:
    args = typing.get_args(annotation)
    return annotation is Text or any(_is_text(a) for a in args)


def _fill(data, cls, value: str) -> None:
    """Put ``value`` into every free-text field (and cookie names) of ``data``, in place."""
    for name, field in cls.model_fields.items():
        if name not in data:
            continue
        if cls is model.RequestMethod and name == "address" and data.get("kind") == "email":
            continue  # must stay an e-mail address
        inner = shape(field.annotation).base
        if _is_text(field.annotation) or (cls is model.Cookie and name == "name"):
            if isinstance(data[name], list):
                data[name] = [value for _ in data[name]]
            else:
                data[name] = value
        elif isinstance(inner, type) and issubclass(inner, Model):
            if isinstance(data[name], list):
                for item in data[name]:
                    _fill(item, inner, value)
            elif isinstance(data[name], dict):
                _fill(data[name], inner, value)


def _render_with(value: str):
    def fill(data):
        _fill(data, model.Inventory, value)
        # cookie names must stay unique
        for i, cookie in enumerate(data.get("cookies", [])):
            cookie["name"] = f"{value} {i}"
        # the summary picks its layout by length (issue 13): one layout, so structures compare
        data["notice"].setdefault("readability", {}).setdefault("summary", {"metric": "flesch_kincaid_grade", "max": 8})["max_minutes"] = None

    inv = parse(load_text(variant(fill), "inventory.yml"))
    return render(inv)


class _Structure(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list = []
        self.text: list[str] = []
        self.hrefs: list[str] = []
        self.in_h1 = False
        self.h1: list[str] = []

    def handle_starttag(self, tag, attrs):
        kept = tuple(sorted((k, v) for k, v in attrs if not (tag == "h1" and k == "id")))
        self.tags.append((tag, tuple(k for k, _ in kept), tuple(v for k, v in kept if k not in ("href",))))
        for k, v in attrs:
            if k in ("href", "src", "action", "formaction", "xlink:href"):
                self.hrefs.append(v or "")
        if tag == "h1":
            self.in_h1 = True

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.tags.append(("/" + tag,))
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        self.text.append(data)
        if self.in_h1:
            self.h1.append(data)

    def handle_comment(self, data):
        self.tags.append(("!--",))


def _html(md: str) -> str:
    return markdown.markdown(md, extensions=EXTENSIONS)


def _parse(md: str) -> _Structure:
    s = _Structure()
    s.feed(_html(md))
    s.close()
    return s


ALLOWED_HREF = re.compile(r"^(https?://|mailto:|#|(index|notice|cookies|changes|collection)\.md(#|$))", re.I)

BASELINE = _render_with("Harmless words")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_shown_as_text_and_injects_nothing(payload):
    result = _render_with(payload)
    visible = " ".join(clean_text(payload).split())
    for path, page in result.pages.items():
        got = _parse(page.markdown)
        want = _parse(BASELINE.pages[path].markdown)
        assert got.tags == want.tags, f"{path}: the HTML structure changed for payload {payload!r}"
        text = " ".join("".join(got.text).split())
        assert visible in text, f"{path}: payload {payload!r} is not visible as text"
        for href in got.hrefs:
            assert ALLOWED_HREF.match(href.strip()), f"{path}: unexpected link target {href!r}"
        assert "javascript" not in " ".join(got.hrefs).lower()


FORGED_MARKS = [
    "a value mark \ue0000\ue001forged\ue002 inside",  # value open, middle and close
    "a line mark \ue003notice.md.j2\ue0051\ue004 inside",  # template line open, middle and close
    "\ue003 \ue004 \ue005 alone",
]


@pytest.mark.parametrize("payload", FORGED_MARKS)
def test_marker_characters_in_the_inventory_never_reach_a_page_or_forge_a_mark(payload):
    """The render brackets each printed value and each template line in private-use characters
    (U+E000-U+E005) and removes them after. Inventory text holding one of them is shown with U+FFFD
    in its place: no page holds a marker character, no span or template point comes from the
    inventory's own characters, and the page structure is the baseline's."""
    result = _render_with(payload)
    shown = clean_text(payload)
    assert not re.search("[\ue000-\ue005]", shown) and "\ufffd" in shown
    for path, page in result.pages.items():
        assert not re.search("[\ue000-\ue005]", page.markdown), path
        assert _parse(page.markdown).tags == _parse(BASELINE.pages[path].markdown).tags, path
        assert len(page.spans) == len(BASELINE.pages[path].spans), path
        assert [(p.template, p.line) for p in page.points] == [(p.template, p.line) for p in BASELINE.pages[path].points], path


@pytest.mark.parametrize("payload", PAYLOADS)
def test_titles_cannot_become_markup(payload):
    result = _render_with(payload)
    for path, page in result.pages.items():
        # Material un-escapes entities in <title>; un-escape as often as anyone might
        h1 = "".join(_parse(page.markdown).h1)
        for text in (page.title, h1):
            for _ in range(4):
                assert "<" not in text and ">" not in text, (path, text)
                text = html.unescape(text)


def test_jinja_in_data_is_never_evaluated():
    result = _render_with("{{ 7*7 }} {% for x in range(3) %}X{% endfor %}")
    index = result.pages["index.md"]
    page_text = "".join(_parse(index.markdown).text)
    assert "{{ 7*7 }} {% for x in range(3) %}X{% endfor %}" in page_text
    assert "XXX" not in page_text
    # and MkDocs plugins that expand {{ }} in pages (mkdocs-macros) see no "{{" either
    assert "{{" not in index.markdown and "{%" not in index.markdown


JS_FORMS = [
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "%6Aavascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "//evil.example/",
    "https:/\x00/evil",
]


@pytest.mark.parametrize("url", JS_FORMS)
def test_link_filter_refuses_every_other_scheme(url):
    assert safe_url(url) is None
    out = str(f_link(url, "label"))
    assert "](" not in out  # no link at all: the label is printed as text
    assert "javascript" not in _html(out).lower().replace("label", "")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/a(b)c",
        'https://example.com/x"onclick="alert(1)\'',
        "https://example.com/|a|b",
        "https://example.com/<script>",
        "mailto:a@example.com",
        "http://example.com/a_b*c",
    ],
)
def test_allowed_links_cannot_break_out(url):
    md = str(f_link(url, "label"))
    s = _parse(md)
    assert [t[0] for t in s.tags] == ["p", "a", "/a", "/p"], md
    assert s.hrefs[0].lower().startswith(("https://", "http://", "mailto:"))
    assert "".join(s.text) == "label"
    table = _parse("| a |\n|---|\n| " + md + " |")
    assert sum(1 for t in table.tags if t[0] == "td") == 1


def test_user_template_linking_text_gets_no_javascript_link(tmp_path):
    (tmp_path / "cookies.md.j2").write_text("# Cookies\n\n{{ org.name|link }} {{ org.name|link(org.name) }}\n", encoding="utf-8")
    inv = parse(load_text(variant(lambda d: d["organization"].update(name="javascript:alert(1)")), "inventory.yml"))
    page = render(inv, tmp_path).pages["cookies.md"]
    s = _parse(page.markdown)
    assert s.hrefs == []
    assert "javascript:alert(1) javascript:alert(1)" in "".join(s.text)


def test_templates_cannot_reach_around_the_escape(tmp_path):
    # |safe escapes too; methods on inventory strings are refused; join escapes every item
    (tmp_path / "cookies.md.j2").write_text(
        "# Cookies\n\n{{ org.name|safe }}|{{ [org.name, org.address]|join(', ') }}|{{ org.name|upper }}\n", encoding="utf-8"
    )
    inv = parse(load_text(variant(lambda d: d["organization"].update(name="<b>x</b>[y](javascript:z)")), "inventory.yml"))
    page = render(inv, tmp_path).pages["cookies.md"]
    s = _parse(page.markdown)
    assert [t[0] for t in s.tags if not t[0].startswith("/")] == ["h1", "p"]
    text = "".join(s.text)
    assert "<b>x</b>[y](javascript:z)|<b>x</b>[y](javascript:z), " in text
    assert "<B>X</B>[Y](JAVASCRIPT:Z)" in text
    (tmp_path / "cookies.md.j2").write_text("# C\n\n{{ org.name.upper() }}\n", encoding="utf-8")
    from generator.errors import InputError

    with pytest.raises(InputError) as err:
        render(inv, tmp_path)
    problem = err.value.problems[0]
    assert problem.loc.file.endswith("cookies.md.j2") and problem.loc.line == 3


_ANY_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp", "Cf")), min_size=1, max_size=60
).filter(lambda s: s.strip())


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
def test_md_escape_round_trips_through_markdown(value):
    """Any text, escaped, shows exactly as itself in a paragraph, a list item, a table cell and a heading."""
    want = " ".join(clean_text(value).split())
    esc = md_escape(value)
    for md, tag in (
        (esc, "p"),
        ("- " + esc, "li"),
        ("| h |\n|---|\n| " + esc + " |", "td"),
        ("## " + esc + " {: #x }", "h2"),
    ):
        s = _parse(md)
        opened = [t[0] for t in s.tags if not t[0].startswith("/")]
        assert tag in opened and all(t in ("p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "h2") for t in opened), (md, opened)
        text = " ".join("".join(s.text).split())
        assert text == (f"h {want}" if tag == "td" else want), (value, md, text)


def test_title_safe_has_no_angle_brackets_or_entities():
    assert title_safe("a<b>&amp;c & d") == "a\u2039b\u203a\uff06amp;c & d"


def test_escape_keeps_markdown_extension_syntax_literal():
    """~ ^ = $ anywhere, ':' before a word or '/', '@' starting a word: numeric entities, so
    pymdownx tilde/caret/mark/emoji/magiclink and arithmatex's $ find nothing (tested with the real
    build in test_site_hosts.py); a colon before a space and '@' inside an address stay as typed."""
    from generator.notice.escape import md_escape

    assert md_escape("a ~~b~~ ^c^ ==d== $e$") == "a &#126;&#126;b&#126;&#126; &#94;c&#94; &#61;&#61;d&#61;&#61; &#36;e&#36;"
    assert md_escape("say :smile: at https://x") == "say &#58;smile: at https&#58;//x"
    assert md_escape("Note: a@b @c") == "Note: a@b &#64;c"
