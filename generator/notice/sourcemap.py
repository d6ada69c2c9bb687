"""The source-map writer: where each printed inventory value came from.

While a page renders (:func:`recording`), every inventory value printed is escaped and wrapped in
private-use markers carrying an index into a list of ``(Loc, field)`` (:func:`mark`). After
rendering, :func:`extract_spans` removes the markers; each marked value becomes a
:class:`~generator.notice.pages.Span`: its offsets in the clean page, its ``Loc`` and field path.
Readability (:mod:`generator.readability.sources`) reads the map to name the inventory place of a
sentence.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from typing import Callable, Iterator

from markupsafe import Markup

from generator.errors import Loc
from generator.notice.escape import MARK_CLOSE, MARK_MID, MARK_OPEN, MARKERS, md_escape
from generator.notice.pages import Span

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


def extract_spans(marked: str, registry: list) -> tuple[str, list[Span]]:
    """Remove span markers; return the clean text and the spans (offsets into the clean text)."""
    out: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for m in _SPAN.finditer(marked):
        before = MARKERS.sub("", marked[pos : m.start()])
        out.append(before)
        length += len(before)
        text = m.group(2)
        idx = int(m.group(1))
        if 0 <= idx < len(registry) and text:
            loc, field = registry[idx]
            spans.append(Span(length, length + len(text), loc, field))
        out.append(text)
        length += len(text)
        pos = m.end()
    out.append(MARKERS.sub("", marked[pos:]))
    return "".join(out), spans
