"""Turn rendered Markdown (or HTML, or plain text) into the text readers see.

Readability formulas only mean something on running text, so this module:

1. splits a page into **units**: headings, paragraphs, list items and table cells, each on its own
   (a heading or a bullet without a full stop never runs into the next sentence);
2. strips Markdown syntax (emphasis, links, escapes, attribute lists, HTML tags and entities) while
   keeping, for every character, the offset it came from in the Markdown, so a sentence can be traced
   back to an inventory value or a template line;
3. splits units into **sentences** (:mod:`.sentences`); abbreviations such as "e.g.", "U.S." and
   "Inc." do not end one;
4. prepares each sentence for the formulas (:func:`.sentences.score_text`): URLs, e-mail
   addresses, numbers, dates and code count as one short, easy word each.

HTML and plain text (for ``plainnotice score``) become units in :mod:`.htmltext`.

How each kind of unit counts is documented in ``docs/readability.md``.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field

#: Unit kinds. Labels (headings, table header cells) are read but not scored by the formulas.
LABEL_KINDS = frozenset({"heading", "header"})

#: Units with this many words or fewer are labels too ("Contact details", "2 years").
LABEL_MAX_WORDS = 2

#: A word as readers count it (no numbers or punctuation); words of the word lists match the same way.
WORD = re.compile(r"[^\W\d_](?:[\w'\u2019-]*\w)?")


def words(text: str) -> list[str]:
    """Words as a reader counts them (no numbers or punctuation)."""
    return WORD.findall(text)


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
    #: Markdown (our rendered pages, or a Markdown file given to ``score``): "; " separates the items
    #: of a list the templates join, so every semicolon ends a sentence. Plain text and HTML keep the
    #: clause rule of :mod:`.sentences` (a semicolon there usually joins the parts of one sentence).
    semicolon_items: bool = False

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

    def source_offsets(self, a: int, z: int) -> list[int]:
        """``[self.source_offset(i) for i in range(a, z)]`` in one sweep over the segments (the
        hard-sentence rule maps every character of a sentence)."""
        segs = self.segs
        if not segs:
            return [0] * max(0, z - a)
        starts = self.__dict__.get("_starts")
        if starts is None or len(starts) != len(segs):
            starts = self.__dict__["_starts"] = [s[0] for s in segs]
        out: list[int] = []
        k, last = max(0, bisect.bisect_right(starts, a) - 1), len(segs) - 1  # from the segment of ``a``, not the first
        for i in range(a, z):
            while k < last and segs[k + 1][0] <= i:  # bisect_right(starts, i) - 1, never below 0
                k += 1
            plain, src, length = segs[k]
            if length == 0:
                out.append(src)
            elif i < plain + length:
                out.append(src + min(max(i - plain, 0), length - 1))
            else:
                out.append(src + length)
        return out

    @property
    def is_label(self) -> bool:
        return self.kind in LABEL_KINDS or len(words(self.text)) <= LABEL_MAX_WORDS


@dataclass(eq=False)
class Sentence:
    """One sentence: a range of its unit's text."""

    unit: Unit
    start: int  # in unit.text
    end: int
    index: int = 0  # position in the page

    @property
    def text(self) -> str:
        return " ".join(self.unit.text[self.start : self.end].split())


# --------------------------------------------------------------------------------------------
# Building plain text with a source map
# --------------------------------------------------------------------------------------------


class TextBuilder:
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


def _inline(b: TextBuilder, raw: str, pieces: list[tuple[int, int]]) -> None:
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

    return assign_sections(units)


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
    b = TextBuilder()
    _inline(b, raw, pieces)
    unit = b.unit(kind, level)
    if unit is not None:
        unit.semicolon_items = True
        units.append(unit)


def assign_sections(units: list[Unit]) -> list[Unit]:
    """Give every unit its section: the title and number of the nearest heading of level 1 or 2."""
    title, index = "", 0
    for u in units:
        if u.kind == "heading" and u.level <= 2:
            title, index = u.text, index + 1
        u.section, u.section_index = title, index
    return units
