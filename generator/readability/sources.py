"""The source-map reader: where a sentence of a rendered page came from.

A sentence mostly inside one inventory value (a span of the page's source map) is reported at
the inventory's ``file:line:column``, moved to the words concerned; any other sentence at the
template line that wrote its words (the page's template points, :mod:`generator.notice.sourcemap`),
at the column where those words start. Without template points (a page made by other code) the
template place is found by searching the templates for the sentence's literal words.
"""

from __future__ import annotations

import bisect
import itertools
import re

from generator.errors import InputError, Loc, display_path
from generator.inventory.load import LIMITS
from generator.inventory.model import Inventory
from generator.inventory.userfiles import TooLarge, read_limited
from generator.notice.pages import Page, RenderResult
from generator.readability.textprep import WORD, Unit


#: Values longer than this (Markdown characters) are followed sentence by sentence (see
#: :meth:`Sources.follow`) instead of being searched from their start for every sentence.
LONG_SPAN = 2000

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def _line_col(text_lines: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(text_lines, offset)
    return line, offset - text_lines[line - 1] + 1


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


#: What may stand between two words of a phrase: anything but letters (spaces, punctuation, numbers).
_BETWEEN = re.compile(r"(?:[^\w\x00]|[\d_])+")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches


def find_phrase(text: str, words: list[str], begin: int, end: int) -> int | None:
    r"""Offset of the first place in ``text[begin:end]`` where ``words`` stand in order, whole
    words, with only non-letters between them; None if nowhere. (The same as searching for the
    pattern ``(?<!\w)w1(?:[^\w\x00]|[\d_])+w2...(?!\w)``, without compiling a pattern per phrase.)"""
    if not words:
        return None
    first = words[0]
    i = text.find(first, begin, end)
    while i >= 0:
        if i == 0 or not _is_word_char(text[i - 1]):
            pos = i + len(first)
            for w in words[1:]:
                m = _BETWEEN.match(text, pos, end)
                if m is None or not text.startswith(w, m.end(), end):
                    break
                pos = m.end() + len(w)
            else:
                if pos >= end or not _is_word_char(text[pos]):
                    return i
        i = text.find(first, i + 1, end)
    return None


class Sources:
    """Finds the inventory or template location of text in a rendered page."""

    def __init__(self, result: RenderResult, inv: Inventory | None = None):
        self.result = result
        self.inv = inv
        self._files: dict[str, tuple[str, list[int]]] = {}
        self._templates: list[tuple[str, str, str, list[int]]] | None = None
        self._span_starts: dict[str, tuple] = {}
        #: (id(unit), sentence start) -> (id(span), offset in the inventory file) for sentences in long values
        self._anchors: dict[tuple[int, int], tuple[int, int]] = {}
        self._point_offsets: dict[int, list[int]] = {}

    # inventory -----------------------------------------------------------------------------
    def _file(self, name: str) -> tuple[str, list[int]] | None:
        if name not in self._files:
            text = None
            doc = getattr(self.inv, "document", None) if self.inv is not None else None
            if doc is not None and getattr(doc, "file", None) == name and getattr(doc, "text", ""):
                text = doc.text
            else:
                try:
                    text = read_limited(name, LIMITS["max_bytes"], timeout=0).decode("utf-8")
                except (InputError, TooLarge, UnicodeDecodeError):
                    text = None
            self._files[name] = (text, _line_starts(text)) if text is not None else None  # type: ignore[assignment]
        return self._files[name]

    def span_at(self, page: Page, offset: int):
        """The span of ``page`` that holds Markdown offset ``offset`` (spans do not overlap)."""
        cached = self._span_starts.get(page.path)
        if cached is None:
            spans = sorted(page.spans, key=lambda s: (s.start, s.end))
            cached = self._span_starts[page.path] = ([s.start for s in spans], spans)  # type: ignore[assignment]
        starts, spans = cached  # type: ignore[misc]
        k = bisect.bisect_right(starts, offset) - 1
        if k >= 0 and spans[k].start <= offset < spans[k].end:
            return spans[k]
        return None

    def _value_start(self, span) -> tuple[str, list[int], int, int] | None:
        """(file text, line starts, offset where the value of ``span`` starts, search limit)."""
        loc = span.loc
        f = self._file(loc.file) if loc.line else None
        if f is None:
            return None
        text, starts = f
        if loc.line - 1 >= len(starts):
            return None
        base = starts[loc.line - 1] + max(loc.col - 1, 0)
        return text, starts, base, min(base + 4 * (span.end - span.start) + 400, len(text))

    def inventory_loc(self, span, find_words: list[str], begin: int | None = None, end: int | None = None) -> Loc:
        """Location in the inventory file of ``find_words`` inside the value of ``span``: the first
        place they stand in the value (or between ``begin`` and ``end``, offsets in the file)."""
        loc = span.loc
        where = self._value_start(span)
        if where is None or not find_words:
            return loc
        text, starts, base, limit = where
        at = find_phrase(text, find_words[:5], base if begin is None else begin, limit if end is None else min(end, limit))
        if at is None:
            return loc
        line, col = _line_col(starts, at)
        return Loc(loc.file, line, col)

    def follow(self, page: Page, sentences: list) -> None:
        """Find where each sentence of ``page`` that starts in a long value (more than
        :data:`LONG_SPAN` characters) stands in the inventory file, in one pass over the value:
        each search starts where the sentence before it was found. (Searching a long value from
        its start for every sentence would take time in the square of its length.)"""
        if not any(sp.end - sp.start > LONG_SPAN for sp in page.spans):
            return
        cursor: dict[int, tuple[int, int]] = {}  # id(span) -> (offset in the file, Markdown offset)
        for s in sentences:
            unit = s.unit
            found = list(itertools.islice(WORD.finditer(unit.text, s.start, s.end), 5))
            if not found:
                continue
            md = unit.source_offset(found[0].start())
            sp = self.span_at(page, md)
            if sp is None or sp.end - sp.start <= LONG_SPAN:
                continue
            where = self._value_start(sp)
            if where is None:
                continue
            text, _starts, base, limit = where
            src, md_at = cursor.get(id(sp), (base, sp.start))
            words = [m.group() for m in found if sp.start <= unit.source_offset(m.start()) < sp.end]
            md_end = unit.source_offset(max(s.end - 1, s.start))
            hit = find_phrase(text, words, src, min(src + 4 * max(md_end - md_at, 0) + 400, limit))
            if hit is not None:
                cursor[id(sp)] = (hit, md)
                self._anchors[(id(unit), s.start)] = (id(sp), hit)
            else:  # not found (escapes in the YAML): move on by what the value must at least have advanced
                cursor[id(sp)] = (src + max(md - md_at, 0) // 6, md)

    def word_loc(self, page: Page, unit: Unit, sentence_start: int, span, find_words: list[str]) -> Loc:
        """Location of words of a sentence inside ``span``. In a long value, the search runs from
        where :meth:`follow` found the sentence, through the sentence's own length."""
        if span.end - span.start <= LONG_SPAN:
            return self.inventory_loc(span, find_words)
        anchor = self._anchors.get((id(unit), sentence_start))
        if anchor is None or anchor[0] != id(span):
            return span.loc
        return self.inventory_loc(span, find_words, anchor[1], anchor[1] + 4 * (len(unit.text) - sentence_start) + 400)

    # templates -----------------------------------------------------------------------------
    def point_loc(self, page: Page, offset: int, find_words: list[str]) -> Loc | None:
        """The template line that wrote Markdown offset ``offset`` of ``page`` (its template points),
        at the column of ``find_words`` on that line; None without points."""
        points = getattr(page, "points", None)
        if not points:
            return None
        offsets = self._point_offsets.get(id(page))
        if offsets is None:  # once per page: a list per sentence would cost points x sentences
            offsets = self._point_offsets[id(page)] = [p.offset for p in points]
        k = bisect.bisect_right(offsets, offset) - 1
        if k < 0:
            return None
        point = points[k]
        t = self.result.templates.get(point.template)
        if t is None:
            return None
        lines = t.source.splitlines()
        text = lines[point.line - 1] if 0 < point.line <= len(lines) else ""
        masked = _JINJA.sub(lambda m: "\x00" * len(m.group()), text)
        col = len(text) - len(text.lstrip()) + 1
        at = find_phrase(masked, find_words[:3], 0, len(masked)) if find_words else None
        if at is None and find_words:
            at = find_phrase(masked, find_words[:1], 0, len(masked))
        if at is not None:
            col = at + 1
        return Loc(display_path(t.path), point.line, col)

    def _template_index(self):
        """Per template: its words (Jinja tags become breaks), their offsets, and where each word is."""
        if self._templates is None:
            self._templates = []
            token = re.compile(WORD.pattern + "|\x00+")
            for name, t in sorted(self.result.templates.items()):
                masked = _JINJA.sub(lambda m: "\x00" * len(m.group()), t.source)
                words, offsets, first = [], [], {}
                for m in token.finditer(masked):
                    first.setdefault(m.group(), []).append(len(words))
                    words.append(m.group())
                    offsets.append(m.start())
                self._templates.append((name, display_path(t.path), words, offsets, first, _line_starts(t.source)))
        return self._templates

    def template_loc(self, page: Page, chunks: list[list[str]], fallback: Loc | None = None, near: Loc | None = None) -> Loc:
        """Template ``file:line:column`` of the literal words ``chunks`` (tried longest first).

        With ``near`` (the sentence's own place), the first match at or after it wins.
        """
        index = self._template_index()
        ordered = sorted(index, key=lambda t: (t[0] != page.template, t[0]))
        for words in chunks:
            for size in (6, 3, 2, 1):
                if len(words) < size and size > 1:
                    continue
                want = words[:size]
                if not want:
                    continue
                found: list[Loc] = []
                for name, path, toks, offsets, first, starts in ordered:
                    for i in first.get(want[0], ()):
                        if toks[i : i + len(want)] == want:
                            line, col = _line_col(starts, offsets[i])
                            found.append(Loc(path, line, col))
                            if near is None:
                                return found[0]
                if found:
                    after = [f for f in found if near and f.file == near.file and (f.line, f.col) >= (near.line, near.col)]
                    return min(after) if after else found[0]
                if size <= 2:
                    break
        if fallback is not None:
            return fallback
        top = self.result.templates.get(page.template)
        if top is not None:
            return Loc(display_path(top.path))
        return Loc(page.path)

    # sentences -----------------------------------------------------------------------------
    def locate(self, page: Page, unit: Unit, start: int, end: int) -> tuple[Loc, str]:
        """Source of ``unit.text[start:end]``: (Loc, field) with field "" for template text."""
        text = unit.text
        spans_seen: dict[int, int] = {}
        by_id: dict[int, object] = {}
        chunks: list[list[str]] = []
        current: list[str] = []
        starts: dict[int, int] = {}  # id of a chunk -> Markdown offset of its first word
        first_span_words: dict[int, list[str]] = {}
        total = 0
        for m in WORD.finditer(text, start, end):
            total += 1
            sp = self.span_at(page, unit.source_offset(m.start())) if page.spans else None
            if sp is None:
                if not current:
                    starts[id(current)] = unit.source_offset(m.start())
                current.append(m.group())
                continue
            key = id(sp)
            by_id[key] = sp
            spans_seen[key] = spans_seen.get(key, 0) + 1
            first_span_words.setdefault(key, [])
            if len(first_span_words[key]) < 5:
                first_span_words[key].append(m.group())
            if current:
                chunks.append(current)
                current = []
        if current:
            chunks.append(current)
        if spans_seen:
            key, n = max(spans_seen.items(), key=lambda kv: kv[1])
            if n * 2 >= total:
                sp = by_id[key]
                if sp.end - sp.start > LONG_SPAN:
                    anchor = self._anchors.get((id(unit), start))
                    if anchor is None or anchor[0] != key:
                        return sp.loc, sp.field
                    _text, starts, _base, _limit = self._value_start(sp)
                    return Loc(sp.loc.file, *_line_col(starts, anchor[1])), sp.field
                return self.inventory_loc(sp, first_span_words[key]), sp.field
        chunks.sort(key=len, reverse=True)
        if chunks:
            loc = self.point_loc(page, starts[id(chunks[0])], chunks[0])
            if loc is not None:
                return loc, ""
        return self.template_loc(page, chunks), ""
