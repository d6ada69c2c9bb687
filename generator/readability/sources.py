"""The source-map reader: where a sentence of a rendered page came from.

A sentence mostly inside one inventory value (a span of the page's source map) is reported at
the inventory's ``file:line:column``, moved to the words concerned; any other sentence at the
template line that wrote its words (the page's template points, :mod:`generator.notice.sourcemap`),
at the column where those words start. Without template points (a page made by other code) the
template place is found by searching the templates for the sentence's literal words.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from generator.errors import Loc, display_path
from generator.inventory.model import Inventory
from generator.notice.pages import Page, RenderResult
from generator.readability.textprep import WORD, Unit


_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def _line_col(text_lines: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(text_lines, offset)
    return line, offset - text_lines[line - 1] + 1


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _words_regex(words: list[str]) -> re.Pattern | None:
    if not words:
        return None
    return re.compile(r"(?<!\w)" + r"[^\w\x00]+".join(re.escape(w) for w in words) + r"(?!\w)")


class Sources:
    """Finds the inventory or template location of text in a rendered page."""

    def __init__(self, result: RenderResult, inv: Inventory | None = None):
        self.result = result
        self.inv = inv
        self._files: dict[str, tuple[str, list[int]]] = {}
        self._templates: list[tuple[str, str, str, list[int]]] | None = None
        self._span_starts: dict[str, tuple] = {}

    # inventory -----------------------------------------------------------------------------
    def _file(self, name: str) -> tuple[str, list[int]] | None:
        if name not in self._files:
            text = None
            doc = getattr(self.inv, "document", None) if self.inv is not None else None
            if doc is not None and getattr(doc, "file", None) == name and getattr(doc, "text", ""):
                text = doc.text
            else:
                try:
                    text = Path(name).read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
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

    def inventory_loc(self, span, find_words: list[str]) -> Loc:
        """Location in the inventory file of ``find_words`` inside the value of ``span``."""
        loc = span.loc
        f = self._file(loc.file) if loc.line else None
        rx = _words_regex(find_words[:5])
        if f is None or rx is None:
            return loc
        text, starts = f
        if loc.line - 1 >= len(starts):
            return loc
        base = starts[loc.line - 1] + max(loc.col - 1, 0)
        limit = base + 4 * (span.end - span.start) + 400
        m = rx.search(text, base, min(limit, len(text)))
        if not m:
            return loc
        line, col = _line_col(starts, m.start())
        return Loc(loc.file, line, col)

    # templates -----------------------------------------------------------------------------
    def point_loc(self, page: Page, offset: int, find_words: list[str]) -> Loc | None:
        """The template line that wrote Markdown offset ``offset`` of ``page`` (its template points),
        at the column of ``find_words`` on that line; None without points."""
        points = getattr(page, "points", None)
        if not points:
            return None
        k = bisect.bisect_right([p.offset for p in points], offset) - 1
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
        rx = _words_regex(find_words[:3])
        m = rx.search(masked) if rx is not None else None
        if m is None and find_words:
            m = _words_regex(find_words[:1]).search(masked)
        if m is not None:
            col = m.start() + 1
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
                return self.inventory_loc(sp, first_span_words[key]), sp.field
        chunks.sort(key=len, reverse=True)
        if chunks:
            loc = self.point_loc(page, starts[id(chunks[0])], chunks[0])
            if loc is not None:
                return loc, ""
        return self.template_loc(page, chunks), ""
