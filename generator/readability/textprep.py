"""Turn rendered Markdown (or HTML, or plain text) into the text readers see.

Readability formulas only mean something on running text, so this module:

1. splits a page into **units**: headings, paragraphs, list items and table cells, each on its own
   (a heading or a bullet without a full stop never runs into the next sentence);
2. strips Markdown syntax (emphasis, links, escapes, attribute lists, HTML tags and entities) while
   keeping, for every character, the offset it came from in the Markdown, so a sentence can be traced
   back to an inventory value or a template line;
3. splits units into **sentences**; abbreviations such as "e.g.", "U.S." and "Inc." do not end one;
4. prepares each sentence for the formulas (:func:`score_text`): URLs, e-mail addresses, numbers,
   dates and code count as one short, easy word each.

How each kind of unit counts is documented in ``docs/readability.md``.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Unit kinds. Labels (headings, table header cells) are read but not scored by the formulas.
LABEL_KINDS = frozenset({"heading", "header"})

#: Units with this many words or fewer are labels too ("Contact details", "2 years").
LABEL_MAX_WORDS = 2

#: What a URL, e-mail address, number, date or code counts as in the formulas: one word of one
#: syllable and three letters that is on the Dale-Chall list of easy words.
PLACEHOLDER = "ten"


@dataclass(eq=False)
class Unit:
    """One block readers see: its plain text and where each character came from."""

    kind: str  # heading, header (table header cell), paragraph, item, cell
    text: str
    segs: list[tuple[int, int, int]] = field(default_factory=list, repr=False)  # (plain, source, length)
    protected: list[tuple[int, int]] = field(default_factory=list, repr=False)  # code spans, autolinks
    level: int = 0  # heading level
    section: str = ""  # title of the section (nearest heading of level 1-2)
    section_index: int = 0

    def source_offset(self, i: int) -> int:
        """Offset in the source (Markdown) of plain-text character ``i``."""
        if not self.segs:
            return 0
        starts = self.__dict__.get("_starts")
        if starts is None or len(starts) != len(self.segs):
            starts = self.__dict__["_starts"] = [s[0] for s in self.segs]
        k = max(0, bisect.bisect_right(starts, i) - 1)
        plain, src, length = self.segs[k]
        if length == 0:
            return src
        return src + min(max(i - plain, 0), length - 1) if i < plain + length else src + length

    @property
    def is_label(self) -> bool:
        return self.kind in LABEL_KINDS or len(words(self.text)) <= LABEL_MAX_WORDS


@dataclass(eq=False)
class Sentence:
    unit: Unit
    start: int  # in unit.text
    end: int
    index: int = 0  # position in the page

    @property
    def text(self) -> str:
        return " ".join(self.unit.text[self.start : self.end].split())

    @property
    def source_start(self) -> int:
        return self.unit.source_offset(self.start)

    @property
    def source_end(self) -> int:
        return self.unit.source_offset(max(self.start, self.end - 1)) + 1


# --------------------------------------------------------------------------------------------
# Building plain text with a source map
# --------------------------------------------------------------------------------------------


class _Builder:
    """Accumulates plain text; each piece remembers its source offset."""

    def __init__(self):
        self.parts: list[str] = []
        self.segs: list[tuple[int, int, int]] = []
        self.protected: list[tuple[int, int]] = []
        self.n = 0

    def add(self, text: str, src: int, verbatim: bool = True, protect: bool = False) -> None:
        if not text:
            return
        if self.n == 0 or (self.parts and self.parts[-1][-1:].isspace()):
            stripped = text.lstrip()
            if not stripped:
                return  # no leading or doubled spaces
            if verbatim:
                src += len(text) - len(stripped)
            text = stripped
        self.parts.append(text)
        self.segs.append((self.n, src, len(text) if verbatim else 0))
        if protect:
            self.protected.append((self.n, self.n + len(text)))
        self.n += len(text)

    def unit(self, kind: str, level: int = 0) -> Unit | None:
        text = "".join(self.parts)
        stripped = text.rstrip()
        if not stripped.strip():
            return None
        return Unit(kind, stripped, self.segs, self.protected, level)


_INLINE = re.compile(
    r"""
    (?P<esc>\\[!-/:-@\[-`{-~])
  | (?P<code>(?P<ticks>`+)(?P<codetext>.+?)(?P=ticks))
  | (?P<image>!\[[^\]\n]*\]\([^)\n]*\))
  | (?P<fnref>\[\^[^\]\n]+\])
  | (?P<linkend>\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)|\]\[[^\]\n]*\])
  | (?P<autolink><(?P<url>(?:https?|mailto|ftp):[^\s<>]+|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>)
  | (?P<comment><!--.*?-->)
  | (?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>)
  | (?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
  | (?P<attr>\s*\{\s*[:#.][^{}\n]*\})
  | (?P<emph>\*+|_+|~~|==|\^\^)
  | (?P<bracket>[\[\]])
  | (?P<br>\s*\n\s*|\ {2,})
  | (?P<text>[^\\`!\[\]<&{*_~=^\n]+|.)
    """,
    re.VERBOSE | re.DOTALL,
)

_BREAK_TAGS = re.compile(r"</?(?:br|p|div|li|td|th|tr|h[1-6]|dt|dd)\b", re.I)


def _inline(b: _Builder, raw: str, pieces: list[tuple[int, int]]) -> None:
    """Add the visible text of inline Markdown ``raw`` to ``b``.

    ``pieces`` maps ``raw`` back to the source: (raw_start, source_start) for each contiguous piece.
    """
    starts = [p[0] for p in pieces]

    def src(i: int) -> int:
        k = max(0, bisect.bisect_right(starts, i) - 1)
        return pieces[k][1] + (i - pieces[k][0])

    n = len(raw)
    for m in _INLINE.finditer(raw):
        kind = m.lastgroup
        s = m.start()
        if kind == "text":
            # A run of plain characters; it never crosses a piece boundary (pieces join at "\n").
            b.add(m.group(), src(s))
        elif kind == "esc":
            b.add(m.group()[1], src(s + 1))
        elif kind == "code":
            b.add(m.group("codetext"), src(m.start("codetext")), protect=True)
        elif kind == "autolink":
            b.add(m.group("url"), src(m.start("url")), protect=True)
        elif kind == "entity":
            b.add(html.unescape(m.group()), src(s), verbatim=False)
        elif kind == "tag":
            if _BREAK_TAGS.match(m.group()):
                b.add(" ", src(s), verbatim=False)
        elif kind == "br":
            b.add(" ", src(s), verbatim=False)
        elif kind == "emph":
            tok = m.group()
            before = raw[s - 1] if s > 0 else " "
            after = raw[m.end()] if m.end() < n else " "
            if tok[0] == "_" and before.isalnum() and after.isalnum():
                b.add(tok, src(s))  # snake_case: part of the word
            elif tok[0] in "=^" and not (after.isalnum() or before.isalnum()):
                b.add(tok, src(s))  # "a == b": not markup
        # image, fnref, linkend, comment, attr, bracket: nothing visible
        elif kind in ("image", "fnref", "linkend", "comment", "attr"):
            if kind == "attr" and m.group()[:1].isspace():
                b.add(" ", src(s), verbatim=False)
        # a lone "[" or "]" is link markup (inventory text arrives escaped)


# --------------------------------------------------------------------------------------------
# Markdown blocks
# --------------------------------------------------------------------------------------------

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_HR = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_LIST = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])(?:\s+\[[ xX]\])?(?:\s+|$)")
_DEF = re.compile(r"^(\s*):\s+")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*(?:\s+\"(?P<title>[^\"]*)\")?\s*$")
_TABLE_DELIM = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_LINKDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_ABBRDEF = re.compile(r"^\s{0,3}\*\[[^\]]+\]:")
_FOOTDEF = re.compile(r"^\s{0,3}\[\^[^\]]+\]:\s*")
_HTML_BLOCK = re.compile(r"^\s*</?[A-Za-z][^>]*>")


def _split_cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell in a table row; ``\\|`` and ``|`` inside code stay in the cell."""
    cuts = []
    i, n, in_code = 0, len(line), False
    while i < n:
        c = line[i]
        if c == "\\":
            i += 2
            continue
        if c == "`":
            in_code = not in_code
        elif c == "|" and not in_code:
            cuts.append(i)
        i += 1
    bounds = [-1] + cuts + [n]
    cells = [(a + 1, z) for a, z in zip(bounds, bounds[1:])]
    if cells and not line[: cells[0][1]].strip():
        cells = cells[1:]  # leading pipe
    if cells and not line[cells[-1][0] :].strip():
        cells = cells[:-1]  # trailing pipe
    return cells


def markdown_units(md: str) -> list[Unit]:
    """Split Markdown into units with a source map into ``md``."""
    units: list[Unit] = []
    lines: list[tuple[str, int]] = []
    pos = 0
    for line in md.splitlines(keepends=True):
        lines.append((line.rstrip("\r\n"), pos))
        pos += len(line)

    pending: dict | None = None  # {"kind", "level", "frags": [(text, src)]}

    def flush():
        nonlocal pending
        if pending and pending["frags"]:
            _emit(units, pending["kind"], pending["frags"], pending.get("level", 0))
        pending = None

    def start(kind, text, src, level=0):
        nonlocal pending
        flush()
        pending = {"kind": kind, "level": level, "frags": [(text, src)] if text.strip() else []}

    i = 0
    if lines and lines[0][0].strip() == "---":  # YAML front matter
        for j in range(1, len(lines)):
            if lines[j][0].strip() in ("---", "..."):
                i = j + 1
                break
    fence = None
    in_comment = False
    in_table = False
    while i < len(lines):
        text, off = lines[i]
        i += 1
        if fence:
            if text.strip().startswith(fence):
                fence = None
            continue
        if in_comment:
            if "-->" in text:
                in_comment = False
            continue
        m = _FENCE.match(text)
        if m:
            flush()
            fence = m.group(1)
            continue
        if text.lstrip().startswith("<!--") and "-->" not in text:
            flush()
            in_comment = True
            continue
        if not text.strip():
            flush()
            in_table = False
            continue
        q = _QUOTE.match(text)
        if q:
            off += q.end()
            text = text[q.end() :]
            if not text.strip():
                flush()
                continue
        if in_table:
            if "|" in text:
                flush()
                for a, z in _split_cells(text):
                    _emit(units, "cell", [(text[a:z], off + a)])
                continue
            in_table = False
        if "|" in text and i < len(lines) and _TABLE_DELIM.match(lines[i][0]) and "-" in lines[i][0]:
            flush()
            for a, z in _split_cells(text):
                _emit(units, "header", [(text[a:z], off + a)])
            i += 1
            in_table = True
            continue
        m = _ATX.match(text)
        if m:
            flush()
            _emit(units, "heading", [(m.group(2), off + m.start(2))], level=len(m.group(1)))
            continue
        m = _SETEXT.match(text)
        if m and pending and pending["kind"] == "paragraph" and len(pending["frags"]) == 1:
            pending["kind"], pending["level"] = "heading", 1 if m.group(1)[0] == "=" else 2
            flush()
            continue
        if _HR.match(text):
            flush()
            continue
        m = _ADMONITION.match(text)
        if m:
            flush()
            if m.group("title"):
                _emit(units, "heading", [(m.group("title"), off + m.start("title"))], level=6)
            continue
        if _ABBRDEF.match(text) or (_LINKDEF.match(text) and not _FOOTDEF.match(text)):
            flush()
            continue
        m = _FOOTDEF.match(text)
        if m:
            start("paragraph", text[m.end() :], off + m.end())
            continue
        m = _LIST.match(text) or _DEF.match(text)
        if m:
            start("item", text[m.end() :], off + m.end())
            continue
        if _HTML_BLOCK.match(text) and pending is None:
            start("paragraph", text, off)
            flush()  # a line of HTML is its own block
            continue
        stripped = len(text) - len(text.lstrip())
        if pending is None:
            start("paragraph", text[stripped:], off + stripped)
        else:
            pending["frags"].append((text[stripped:], off + stripped))
    flush()

    # sections: the nearest heading of level 1 or 2
    title, index = "", 0
    for u in units:
        if u.kind == "heading" and u.level <= 2:
            title, index = u.text, index + 1
        u.section, u.section_index = title, index
    return units


def _emit(units: list[Unit], kind: str, frags: list[tuple[str, int]], level: int = 0) -> None:
    raw_parts, pieces, n = [], [], 0
    for k, (text, src) in enumerate(frags):
        if k:
            raw_parts.append("\n")
            pieces.append((n, src - 1))  # the "\n" maps to just before the next line
            n += 1
        pieces.append((n, src))
        raw_parts.append(text)
        n += len(text)
    raw = "".join(raw_parts)
    if kind == "heading":
        raw = re.sub(r"\s*\{\s*[:#.][^{}]*\}\s*$", lambda m: " " * len(m.group()), raw)
    b = _Builder()
    _inline(b, raw, pieces)
    unit = b.unit(kind, level)
    if unit is not None:
        units.append(unit)


# --------------------------------------------------------------------------------------------
# HTML and plain text (for `plainnotice score`)
# --------------------------------------------------------------------------------------------

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
        self.b = _Builder()
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
        self.b = _Builder()

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
    title, index = "", 0
    for u in parser.units:
        if u.kind == "heading" and u.level <= 2:
            title, index = u.text, index + 1
        u.section, u.section_index = title, index
    return parser.units


def text_units(source: str) -> list[Unit]:
    """Plain text: blank lines separate paragraphs; lines starting with a bullet are list items."""
    units: list[Unit] = []
    for block in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", source):
        frags: list[tuple[str, int]] = []
        kind = "paragraph"
        for line in re.finditer(r"[^\n]+", block.group()):
            text, off = line.group(), block.start() + line.start()
            m = re.match(r"^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+", text)
            if m:
                if frags:
                    _emit_plain(units, kind, frags)
                frags, kind = [(text[m.end() :], off + m.end())], "item"
            else:
                lead = len(text) - len(text.lstrip())
                frags.append((text[lead:], off + lead))
        if frags:
            _emit_plain(units, kind, frags)
    return units


def _emit_plain(units: list[Unit], kind: str, frags: list[tuple[str, int]]) -> None:
    b = _Builder()
    for k, (text, src) in enumerate(frags):
        if k:
            b.add(" ", src - 1, verbatim=False)
        b.add(text, src)
    unit = b.unit(kind)
    if unit is not None:
        units.append(unit)


# --------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------

#: Abbreviations that never end a sentence (case-insensitive).
ABBREVIATIONS_NEVER_FINAL = frozenset(
    "e.g. i.e. cf. vs. viz. approx. incl. esp. etc.al. mr. mrs. ms. dr. prof. st. no. nos. art. arts. "
    "para. paras. sec. secs. p. pp. vol. fig. ch. ref. dept. min. max. ca. c. approx. jan. feb. mar. "
    "apr. jun. jul. aug. sep. sept. oct. nov. dec. mon. tue. wed. thu. fri. sat. sun. "
    "cal. civ. proc. reg. regs. stat. subd. cl. u.s.c. c.f.r. o.j. sch. reg.".split()
)
#: Abbreviations that end a sentence only when the next word starts a sentence ("Zendesk Inc. We ...").
ABBREVIATIONS_MAYBE_FINAL = frozenset(
    "inc. ltd. lda. llc. llp. plc. corp. co. gmbh. ag. s.a. b.v. n.v. sarl. s.l. s.p.a. pty. ab. oy. "
    "bros. etc. u.s. u.k. e.u. u.s.a. jr. sr.".split()
)
#: Words that usually start a sentence; after "Inc." or "etc." they mean a new sentence began.
SENTENCE_STARTERS = frozenset(
    "we you they it this that these those the our your their if when for to in a an he she there "
    "here what how why who where please you'll we'll it's".split()
)

_CANDIDATE = re.compile(r"[.!?\u2026]+[\"'\u2019\u201d)\]]*(?=\s|$)|;(?=\s)")
_TOKEN_BEFORE = re.compile(r"(\S+)$")


def _ends_sentence(text: str, m: re.Match) -> bool:
    after = text[m.end() :].lstrip()
    if not after:
        return True
    if m.group()[0] == ";":
        return True  # a semicolon joins two sentences or separates list items
    first = after[0]
    if first.islower():
        return False  # "approx. two", "e.g. email"
    if m.group()[0] != ".":
        return True
    token = _TOKEN_BEFORE.search(text[: m.start() + 1])
    word = token.group(1).lstrip("(\"'\u201c\u2018[").lower() if token else ""
    next_word = re.match(r"[\w'\u2019]+", after)
    starter = bool(next_word) and next_word.group().lower().replace("\u2019", "'") in SENTENCE_STARTERS
    if word in ABBREVIATIONS_NEVER_FINAL:
        return False
    if word in ABBREVIATIONS_MAYBE_FINAL or re.fullmatch(r"(?:[a-z]\.)+", word):
        return starter  # "U.S. law" vs "in the U.S. We ..."; initials like "J."
    return True


def sentences(unit: Unit) -> list[Sentence]:
    """Split a unit into sentences. A unit always ends its last sentence."""
    text = unit.text
    out: list[Sentence] = []
    start = len(text) - len(text.lstrip())
    for m in _CANDIDATE.finditer(text):
        if m.end() <= start:
            continue
        if _ends_sentence(text, m):
            if text[start : m.end()].strip():
                out.append(Sentence(unit, start, m.end()))
            start = m.end()
            while start < len(text) and text[start].isspace():
                start += 1
    if text[start:].strip():
        out.append(Sentence(unit, start, len(text.rstrip())))
    return out


# --------------------------------------------------------------------------------------------
# Words and the text handed to the formulas
# --------------------------------------------------------------------------------------------

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_NAME_TOKENS = re.compile(
    rf"""
    (?:https?://|ftp://|mailto:|www\.)[^\s<>"]+?(?=[.,;:!?)\]"']*(?:\s|$))   # URLs
  | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                                  # e-mail addresses
  | \b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+\d{{4}}\b            # 1 November 2026
  | \b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b           # November 1, 2026
  | \b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|eu|uk|de|fr|es|pt|it|nl|ie|us|ca|example|app|dev|info|co)\b(?:/[^\s]*[^\s.,;:!?)])?  # bare domains
  | [^\s]*\d[^\s]*                                                 # numbers, dates, codes: 72, 1.3, AES-256, 2026-11-01
    """,
    re.VERBOSE | re.IGNORECASE,
)
_MAYBE_NAME = re.compile(r"\d|@|:/|www\.|\.[a-z]", re.I)  # cheap test before _NAME_TOKENS
_WORD = re.compile(r"[^\W\d_](?:[\w'\u2019-]*\w)?")


def words(text: str) -> list[str]:
    """Words as a reader counts them (no numbers or punctuation)."""
    return _WORD.findall(text)


def name_spans(text: str, protected: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Ranges of ``text`` that are URLs, e-mail addresses, numbers, dates or code: not hard words."""
    spans = list(protected)
    if not _MAYBE_NAME.search(text):
        return spans
    for m in _NAME_TOKENS.finditer(text):
        a, z = m.start(), m.end()
        while z > a and text[z - 1] in ".,;:!?)]\"'\u2019\u201d":
            z -= 1  # trailing punctuation belongs to the sentence
        while a < z and text[a] in "([\"'\u2018\u201c":
            a += 1
        if z > a:
            spans.append((a, z))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, z in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(z, merged[-1][1]))
        else:
            merged.append((a, z))
    return merged


_ABBR_DOTS = re.compile(r"(?<![\w.])(?:[A-Za-z]{1,2}\.){2,}|(?<![\w.])[A-Za-z]{1,6}\.(?=\s+\S)")


def score_text(text: str, protected: list[tuple[int, int]] = (), names: list[tuple[int, int]] | None = None) -> str:
    """The sentence as the formulas get it.

    * URLs, e-mail addresses, numbers, dates and code become ``PLACEHOLDER`` (one easy word);
    * dots inside abbreviations go ("e.g." -> "eg") so they do not end a sentence;
    * any other ``.``, ``!`` or ``?`` inside the sentence becomes a space, and the sentence ends
      with exactly one full stop, so textstat counts it as one sentence.
    """
    out, last = [], 0
    for a, z in (names if names is not None else name_spans(text, protected)):
        out.append(text[last:a])
        out.append(PLACEHOLDER)
        last = z
    out.append(text[last:])
    s = "".join(out).strip()
    s = re.sub(r"[.!?\u2026:;,\"'\u2019\u201d)\]\s]+$", "", s)
    s = _ABBR_DOTS.sub(lambda m: m.group().replace(".", ""), s)
    s = re.sub(r"[.!?\u2026]", " ", s)
    s = " ".join(s.split())
    return s + "." if s else ""
