"""Measuring a document: its units -> sentences with their counts, and counts per section."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from generator.readability.formulas import Counts, count
from generator.readability.sentences import name_spans, score_text, sentences
from generator.readability.textprep import Sentence, Unit


@dataclass(eq=False, repr=False)
class Measured:
    """One sentence, ready for scoring and rules."""

    sentence: Sentence
    text: str  # as readers see it
    scored: str  # as the formulas get it ("" for labels)
    counts: Counts
    page: str = ""
    names: list | None = None  # URL/number/code ranges in the sentence


@dataclass(eq=False, repr=False)
class Section:
    """The counts of one section of a page (the text under one heading of level 1 or 2)."""

    page: str
    title: str
    index: int
    counts: Counts = field(default_factory=Counts)
    anchor: str = ""


def textstat_lang(lang: str | None) -> str:
    if not lang or lang.split("-")[0].split("_")[0] == "en":
        return "en_US"
    return lang.replace("-", "_")


def measure_units(
    units: list[Unit],
    page: str = "",
    lang: str = "en_US",
    counter: Callable[[str], Counts] | None = None,
    abbreviations: frozenset[str] | None = None,
) -> tuple[list[Measured], list[Section]]:
    """Sentences with their counts, and counts per section. ``counter`` counts a sentence with a
    language's own rules (default: textstat's, for ``lang``); ``abbreviations`` are the language's
    that never end a sentence (default: English's)."""
    out: list[Measured] = []
    sections: dict[int, Section] = {}
    for unit in units:
        sec = sections.get(unit.section_index)
        if sec is None:
            sec = sections[unit.section_index] = Section(page, unit.section, unit.section_index)
        label = unit.is_label
        spans, k = unit.protected, 0  # in text order, like the sentences: one sweep for the unit
        for s in sentences(unit, abbreviations):
            while k < len(spans) and spans[k][1] <= s.start:
                k += 1
            protected = []
            for a, z in spans[k:]:
                if a >= s.end:
                    break
                protected.append((max(a, s.start) - s.start, min(z, s.end) - s.start))
            raw = unit.text[s.start : s.end]
            names = name_spans(raw, protected)
            seen = score_text(raw, names=names)
            scored = "" if label else seen
            n = (counter(scored) if counter is not None else count(scored, lang)) if scored else Counts()
            n.reading_words = len(seen.split()) if seen else 0
            s.index = len(out)
            out.append(Measured(s, s.text, scored, n, page, names))
            sec.counts = sec.counts + n
    return out, [sections[k] for k in sorted(sections)]
