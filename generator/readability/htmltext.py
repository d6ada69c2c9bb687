"""HTML and plain text -> units, for ``plainnotice score`` (rendered pages are Markdown, :mod:`.textprep`)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from generator.readability.textprep import TextBuilder, Unit, assign_sections

_HTML_BLOCKS = {
    "p": "paragraph", "li": "item", "dd": "item", "dt": "header", "td": "cell", "th": "header",
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
    "caption": "header", "summary": "heading", "blockquote": "paragraph", "figcaption": "paragraph",
    "div": "paragraph", "section": "paragraph", "article": "paragraph", "main": "paragraph",
    "body": "paragraph", "ul": "paragraph", "ol": "paragraph", "table": "paragraph", "tr": "paragraph",
    "header": "paragraph", "footer": "paragraph", "nav": "paragraph", "aside": "paragraph", "details": "paragraph",
    "dl": "paragraph", "form": "paragraph", "address": "paragraph", "hr": None,
}
_HTML_SKIP = {"script", "style", "noscript", "template", "head", "title", "svg", "pre", "code", "button", "select", "option", "textarea"}


class _HtmlUnits(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.units: list[Unit] = []
        self.kinds: list[tuple[str, str]] = [("body", "paragraph")]
        self.skip = 0
        self.b = TextBuilder()
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        # With a <main> or <article>, only that is the document; menus and footers are not.
        self.scoped = bool(re.search(r"<(?:main|article)\b", source, re.I))
        self.inside = 0
        self.headerlink = False

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _flush(self):
        kind = self.kinds[-1][1] if self.kinds else "paragraph"
        tag = self.kinds[-1][0] if self.kinds else ""
        level = (int(tag[1]) if tag[1:].isdigit() else 6) if kind == "heading" else 0
        unit = self.b.unit(kind, level)
        if unit is not None:
            self.units.append(unit)
        self.b = TextBuilder()

    def handle_starttag(self, tag, attrs):
        if tag in ("main", "article"):
            self.inside += 1
        cls = dict(attrs).get("class") or ""
        if tag == "a" and "headerlink" in cls.split():  # MkDocs' permalink "¶"
            self.headerlink = True
            self.skip += 1
            return
        if tag in _HTML_SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag in ("br", "wbr"):
            self.b.add(" ", self._pos(), verbatim=False)
            return
        if tag in _HTML_BLOCKS:
            self._flush()
            kind = _HTML_BLOCKS[tag]
            if kind:
                self.kinds.append((tag, kind))
        elif tag == "img":
            return

    def handle_startendtag(self, tag, attrs):
        if tag in ("br", "hr", "wbr") and not self.skip:
            self.b.add(" ", self._pos(), verbatim=False)

    def handle_endtag(self, tag):
        if tag in ("main", "article"):
            self.inside = max(0, self.inside - 1)
        if tag == "a" and self.headerlink:
            self.headerlink = False
            self.skip = max(0, self.skip - 1)
            return
        if tag in _HTML_SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in _HTML_BLOCKS:
            self._flush()
            if _HTML_BLOCKS[tag] and len(self.kinds) > 1:
                for k in range(len(self.kinds) - 1, 0, -1):
                    if self.kinds[k][0] == tag:
                        del self.kinds[k:]
                        break

    def handle_data(self, data):
        if self._hidden():
            return
        pos = self._pos()
        for m in re.finditer(r"\s+|\S+", data):
            self.b.add(" " if m.group().isspace() else m.group(), pos + m.start(), verbatim=not m.group().isspace())

    def _hidden(self) -> bool:
        return bool(self.skip) or (self.scoped and not self.inside)

    def handle_entityref(self, name):
        if not self._hidden():
            self.b.add(html.unescape(f"&{name};"), self._pos(), verbatim=False)

    def handle_charref(self, name):
        if not self._hidden():
            self.b.add(html.unescape(f"&#{name};"), self._pos(), verbatim=False)

    def close(self):
        super().close()
        self._flush()


def html_units(source: str) -> list[Unit]:
    parser = _HtmlUnits(source)
    parser.feed(source)
    parser.close()
    return assign_sections(parser.units)


#: A line that ends a sentence (or introduces what follows): its last character, closing quotes
#: and brackets aside, is one of these.
_LINE_END = re.compile(r"[.!?\u2026:][\"'\u2019\u201d)\]]*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+")


def text_units(source: str) -> list[Unit]:
    """Plain text: each line is a paragraph, as in a policy pasted from a word processor or a web
    page (one paragraph a line), unless it ends mid-sentence and the next line starts in lower case
    (a paragraph wrapped by hand: "We collect your name" / "and email."). Blank lines separate
    paragraphs too; a line starting with a bullet or "1." is a list item."""
    units: list[Unit] = []
    frags: list[tuple[str, int]] = []
    kind = "paragraph"
    off = 0
    for text in source.split("\n"):
        off, at_line = off + len(text) + 1, off
        if not text.strip():
            if frags:
                _emit_plain(units, kind, frags)
            frags, kind = [], "paragraph"
            continue
        m = _BULLET.match(text)
        body = text[m.end() :] if m else text.lstrip()
        at = at_line + (m.end() if m else len(text) - len(text.lstrip()))
        joins = bool(frags) and not m and body[:1].islower() and not _LINE_END.search(frags[-1][0])
        if not joins and frags:
            _emit_plain(units, kind, frags)
            frags = []
        if not joins:
            kind = "item" if m else "paragraph"
        frags.append((body, at))
    if frags:
        _emit_plain(units, kind, frags)
    return units


def _emit_plain(units: list[Unit], kind: str, frags: list[tuple[str, int]]) -> None:
    b = TextBuilder()
    for k, (text, src) in enumerate(frags):
        if k:
            b.add(" ", src - 1, verbatim=False)
        b.add(text, src)
    unit = b.unit(kind)
    if unit is not None:
        units.append(unit)
