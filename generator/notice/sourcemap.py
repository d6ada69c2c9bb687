"""The source-map writer: where each printed inventory value came from, and which template line
wrote the rest.

While a page renders (:func:`recording`), every inventory value printed is escaped and wrapped in
private-use markers carrying an index into a list of ``(Loc, field)`` (:func:`mark`). Template text
carries line marks: :class:`LineMarks`, a Jinja extension, puts one before the first character of
each template line's text when the template is compiled (:func:`line_marks`). After rendering,
:func:`extract_spans` removes every marker; each marked value becomes a
:class:`~generator.notice.pages.Span` (its offsets in the clean page, its ``Loc`` and field path)
and each line mark a :class:`~generator.notice.pages.TemplatePoint`. Readability
(:mod:`generator.readability.sources`) reads both to name the place of a sentence.

A stop that an inventory value ends with is not doubled: when the template writes a full stop
right after a value that ends with ``.``, ``!`` or ``?`` ("Inc." + "."), that full stop is dropped.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from typing import Callable, Iterator

from jinja2.ext import Extension
from jinja2.lexer import Token
from markupsafe import Markup

from generator.errors import Loc
from generator.notice.escape import LINE_CLOSE, LINE_MID, LINE_OPEN, MARK_CLOSE, MARK_MID, MARK_OPEN, MARKERS, md_escape
from generator.notice.pages import Span, TemplatePoint

#: Changes whenever line marks are written differently (part of the compiled-template cache key).
LINE_MARKS_VERSION = "1"

#: The page being rendered: index -> (Loc, field) of each marked value; None when not recording.
_SPANS: contextvars.ContextVar[list | None] = contextvars.ContextVar("plainnotice_render_spans", default=None)
_SPAN = re.compile(f"{MARK_OPEN}(\\d+){MARK_MID}([^{MARK_OPEN}{MARK_MID}{MARK_CLOSE}]*){MARK_CLOSE}")


@contextlib.contextmanager
def recording() -> Iterator[list]:
    """Record the values marked while the block runs (one page); yields the list of (Loc, field)."""
    spans: list = []
    token = _SPANS.set(spans)
    try:
        yield spans
    finally:
        _SPANS.reset(token)


def around(text: str, loc: Loc, field: str) -> str:
    """``text`` (already escaped) in span markers for the page being recorded; ``text`` itself when
    no page is being recorded or it is empty."""
    spans = _SPANS.get()
    if spans is None or not text:
        return text
    spans.append((loc, field))
    return f"{MARK_OPEN}{len(spans) - 1}{MARK_MID}{text}{MARK_CLOSE}"


def mark(value: str, loc: Loc, field: str, transform: Callable[[str], str] | None = None) -> Markup:
    """Escape ``value`` (after ``transform``) and mark it as coming from ``loc``."""
    return Markup(around(md_escape(transform(value) if transform else value), loc, field))


_LINE = re.compile(f"{LINE_OPEN}([^{LINE_OPEN}{LINE_MID}{LINE_CLOSE}]*){LINE_MID}(\\d+){LINE_CLOSE}")
_ANY = re.compile(f"{_SPAN.pattern}|{_LINE.pattern}")
_STOP_END = re.compile(r"(?:\\[.!]|\?)$")  # an escaped value that ends a sentence: "\." "\!" "?"


def line_marks(text: str, name: str, lineno: int) -> str:
    """Template text ``text`` (starting on line ``lineno`` of template ``name``) with a line mark
    before the first non-blank character of each of its lines."""
    out = []
    for i, part in enumerate(text.split("\n")):
        stripped = part.lstrip()
        if stripped:
            lead = part[: len(part) - len(stripped)]
            part = f"{lead}{LINE_OPEN}{name}{LINE_MID}{lineno + i}{LINE_CLOSE}{stripped}"
        out.append(part)
    return "\n".join(out)


class LineMarks(Extension):
    """Marks where each line of template text starts, so a sentence can be traced to its line."""

    def filter_stream(self, stream):
        name = stream.name or stream.filename or ""
        for token in stream:
            if token.type == "data" and not MARKERS.search(name):
                yield Token(token.lineno, "data", line_marks(token.value, name, token.lineno))
            else:
                yield token


def extract_spans(marked: str, registry: list) -> tuple[str, list[Span], list[TemplatePoint]]:
    """Remove every marker; return the clean text, the spans of inventory values and the template
    points (offsets into the clean text). A template full stop right after a value that already
    ends a sentence is dropped (see the module docstring)."""
    out: list[str] = []
    spans: list[Span] = []
    points: list[TemplatePoint] = []
    length = 0
    stop_before = False  # the text written so far ends with a value's own stop

    def text(piece: str) -> None:
        nonlocal length, stop_before
        piece = MARKERS.sub("", piece)
        if not piece:
            return
        if stop_before and piece[0] == "." and not piece.startswith(".."):
            piece = piece[1:]
        stop_before = False
        out.append(piece)
        length += len(piece)

    pos = 0
    for m in _ANY.finditer(marked):
        text(marked[pos : m.start()])
        pos = m.end()
        if m.group(1) is not None:  # an inventory value
            value, idx = m.group(2), int(m.group(1))
            if not value:
                continue
            if 0 <= idx < len(registry):
                loc, field = registry[idx]
                spans.append(Span(length, length + len(value), loc, field))
            out.append(value)
            length += len(value)
            stop_before = bool(_STOP_END.search(value))
        else:  # a template line mark
            points.append(TemplatePoint(length, m.group(3), int(m.group(4))))
    text(marked[pos:])
    return "".join(out), spans, points
