"""The readability formulas made for other languages than English, from counts
(:mod:`.langcount`), implemented here from their publications rather than taken from textstat
0.7.8 (which counts Gulpease's letters as characters, has the wrong Szigriszt base for every
language but Spanish, raises for Polish Flesch, and falls back to English constants for ``de-DE``).

Each formula is tested on small texts counted by hand and, where a publication gives counts, on
those (tests/test_languages_formulas.py). ``bound`` says which way is easier: ``min`` for a
reading-ease scale (higher is easier), ``max`` for a grade (lower is easier).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from generator.notice.profile import Profile
from generator.readability.formulas import METRICS, Counts


@dataclass(frozen=True)
class Formula:
    """A language's readability formula: its id, which way is easier, how it is computed from the
    counts, and where it is published."""

    id: str
    bound: str  # "min": higher is easier; "max": lower is easier
    compute: Callable[[Counts], float]
    source: str


def _asl(n: Counts) -> float:
    return n.words / max(1, n.sentences)


def _asw(n: Counts) -> float:
    return n.syllables / n.words


def _pct(part: int, n: Counts) -> float:
    return 100.0 * part / n.words


def _guard(f: Callable[[Counts], float]) -> Callable[[Counts], float]:
    """No words, no score (0.0), as textstat does for an empty text."""
    return lambda n: f(n) if n.words else 0.0


FORMULAS: dict[str, Formula] = {
    f.id: f
    for f in (
        Formula(
            "amstad", "min", _guard(lambda n: 180 - _asl(n) - 58.5 * _asw(n)),
            "T. Amstad, Wie verständlich sind unsere Zeitungen?, Diss. Universität Zürich, 1978: 180 - ASL - 58.5 ASW",
        ),
        Formula(
            "wiener_sachtextformel", "max",
            _guard(lambda n: 0.1935 * _pct(n.polysyllables, n) + 0.1672 * _asl(n) + 0.1297 * _pct(n.long_words, n) - 0.0327 * _pct(n.monosyllables, n) - 0.875),
            "R. Bamberger, E. Vanecek, Lesen - Verstehen - Lernen - Schreiben, Wien 1984 (1. neue Wiener "
            "Sachtextformel): 0.1935 MS + 0.1672 SL + 0.1297 IW - 0.0327 ES - 0.875; MS % words of 3+ syllables, "
            "SL words per sentence, IW % words of more than 6 letters, ES % words of one syllable",
        ),
        Formula(
            "kandel_moles", "min", _guard(lambda n: 207 - 1.015 * _asl(n) - 73.6 * _asw(n)),
            "L. Kandel, A. Moles, Application de l'indice de Flesch à la langue française, Cahiers d'Études de "
            "Radio-Télévision 19 (1958): 207 - 1.015 ASL - 0.736 syllables per 100 words",
        ),
        Formula(
            "fernandez_huerta", "min", _guard(lambda n: 206.84 - 60 * _asw(n) - 1.02 * _asl(n)),
            "J. Fernández Huerta, Medidas sencillas de lecturabilidad, Consigna 214 (1959), in the corrected form "
            "(G. Law, LINGUIST List 22.2332, 2011; legible.es): 206.84 - 0.60 syllables per 100 words - 1.02 ASL",
        ),
        Formula(
            "szigriszt_pazos", "min", _guard(lambda n: 206.835 - 62.3 * _asw(n) - _asl(n)),
            "F. Szigriszt Pazos, Sistemas predictivos de legibilidad del mensaje escrito: fórmula de perspicuidad, "
            "tesis doctoral, 1993: 206.835 - 62.3 ASW - ASL; INFLESZ bands: I. M. Barrio-Cantalejo et al., "
            "An. Sist. Sanit. Navar. 31(2) (2008) 135-152",
        ),
        Formula(
            "gulpease", "min", _guard(lambda n: 89 + (300 * max(1, n.sentences) - 10 * n.letters) / n.words),
            "P. Lucisano, M. E. Piemontese, GULPEASE: una formula per la predizione della difficoltà dei testi in "
            "lingua italiana, Scuola e Città 39(3) (1988) 110-124: 89 + (300 sentences - 10 letters) / words",
        ),
        Formula(
            "flesch_douma", "min", _guard(lambda n: 206.835 - 0.93 * _asl(n) - 77 * _asw(n)),
            "W. H. Douma, De leesbaarheid van landbouwbladen, Landbouwhogeschool Wageningen, 1960: "
            "206.84 - 0.77 syllables per 100 words - 0.93 ASL",
        ),
        Formula(
            "fog_pl", "max", _guard(lambda n: 0.4 * (_asl(n) + _pct(n.syllables4, n))),
            "FOG-PL (Pracownia Prostej Polszczyzny, Uniwersytet Wrocławski; Logios, Jasnopis): "
            "0.4 (ASL + % words of 4+ syllables)",
        ),
    )
}


def bound(metric: str) -> str:
    """``min`` or ``max``: which way a metric is easier."""
    if metric in FORMULAS:
        return FORMULAS[metric].bound
    return "min" if metric == "flesch_reading_ease" else "max"


def scorer(profile: Profile | None) -> Callable[[Counts], dict[str, float]] | None:
    """How a language's counts become scores: None for textstat's seven English formulas (the
    default of :meth:`.formulas.Scores.of`), else the profile's formulas; ``{}`` when the language
    is not scored (its profile names no formula)."""
    if profile is None or profile.formula in METRICS:
        return None
    formulas = [FORMULAS[f] for f in profile.formulas if f in FORMULAS]
    return lambda n: {f.id: f.compute(n) for f in formulas}
