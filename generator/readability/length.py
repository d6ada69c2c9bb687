"""The length gate: a layer that reads longer than ``notice.readability.<layer>.max_minutes``
(summary: 2 minutes unless the file says otherwise; full notice: no limit unless given) fails
``check`` (RD009), and the finding names what takes the space: the sections, and the biggest
blocks in them (a table counts as one block, a list item or paragraph as one)."""

from __future__ import annotations

from generator.inventory.model import WORDS_PER_MINUTE
from generator.readability.textprep import Unit, markdown_units

#: How many sections and blocks a finding names.
NAMED = 3


def max_minutes(inv, layer: str) -> float | None:
    """The layer's reading-time limit in minutes, or None."""
    readability = getattr(getattr(inv, "notice", None), "readability", None)
    target = getattr(readability, layer, None) if readability is not None else None
    value = getattr(target, "max_minutes", None)
    return float(value) if value else None


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def blocks(markdown: str) -> list[tuple[str, int]]:
    """(what, words) for each block readers see; the cells of one table are one block."""
    out: list[tuple[str, int]] = []
    table_at: int | None = None
    units: list[Unit] = markdown_units(markdown)
    for u in units:
        n = len(u.text.split())
        if u.kind in ("header", "cell"):
            if table_at is None:
                out.append((f"the table in \"{u.section}\"" if u.section else "a table", 0))
                table_at = len(out) - 1
            out[table_at] = (out[table_at][0], out[table_at][1] + n)
            continue
        table_at = None
        if u.kind != "heading":
            out.append((f"\"{_short(u.text)}\"", n))
    return out


def space_report(pages, sections) -> str:
    """What takes the space: the biggest sections and blocks, with their words."""
    secs = sorted(((s.scores.words, s.title) for s in sections if s.scores.words), reverse=True)[:NAMED]
    parts = [f"\"{title}\" {words} words" for words, title in secs]
    blk = sorted(((n, what) for page in pages for what, n in blocks(page.markdown) if n), key=lambda x: -x[0])[:NAMED]
    text = "sections: " + "; ".join(parts) if parts else ""
    if blk:
        text += ("; " if text else "") + "biggest blocks: " + "; ".join(f"{what} {n} words" for n, what in blk)
    return text


def words_allowed(minutes: float) -> int:
    return int(minutes * WORDS_PER_MINUTE)
