"""Readability formulas on given counts (published worked examples), and counting on its own."""

from __future__ import annotations

import pytest

from generator.readability import formulas as R
from generator.readability.formulas import Counts, scores_from_counts

GETTYSBURG = (
    "Four score and seven years ago our fathers brought forth on this continent, a new nation, conceived in "
    "Liberty, and dedicated to the proposition that all men are created equal. Now we are engaged in a great "
    "civil war, testing whether that nation, or any nation so conceived and so dedicated, can long endure. We "
    "are met on a great battle-field of that war. We have come to dedicate a portion of that field, as a final "
    "resting place for those who here gave their lives that that nation might live. It is altogether fitting "
    "and proper that we should do this. But, in a larger sense, we can not dedicate -- we can not consecrate "
    "-- we can not hallow -- this ground. The brave men, living and dead, who struggled here, have consecrated "
    "it, far above our poor power to add or detract. The world will little note, nor long remember what we say "
    "here, but it can never forget what they did here. It is for us the living, rather, to be dedicated here to "
    "the unfinished work which they who fought here have thus far so nobly advanced. It is rather for us to be "
    "here dedicated to the great task remaining before us -- that from these honored dead we take increased "
    "devotion to that cause for which they gave the last full measure of devotion -- that we here highly "
    "resolve that these dead shall not have died in vain -- that this nation, under God, shall have a new birth "
    "of freedom -- and that government of the people, by the people, for the people, shall not perish from the earth."
)


# --- formulas on given counts -----------------------------------------------------------------


def test_cat_sat_on_the_mat_formulas():
    # 6 words, 1 sentence, 6 syllables
    assert R.flesch_reading_ease(6, 1, 6) == pytest.approx(116.145, abs=1e-9)
    assert R.flesch_kincaid_grade(6, 1, 6) == pytest.approx(-1.45, abs=1e-9)


def test_gettysburg_formulas_on_published_counts():
    # 271 words, 10 sentences, 367 syllables
    assert round(R.flesch_reading_ease(271, 10, 367), 2) == 64.76
    assert round(R.flesch_kincaid_grade(271, 10, 367), 2) == 10.96


def test_formulas_on_no_text_are_zero():
    assert R.flesch_kincaid_grade(0, 0, 0) == 0.0
    assert R.flesch_reading_ease(0, 1, 0) == 0.0
    assert scores_from_counts(Counts()) == {m: 0.0 for m in R.METRICS}


def test_other_formulas_on_given_counts():
    n = Counts(words=100, sentences=5, syllables=150, letters=450, chars=480, tokens=100, polysyllables=10, hard_dale_chall=8, hard_fog=6)
    s = scores_from_counts(n)
    # SMOG: 1.043 * sqrt(30 * polysyllables / sentences) + 3.1291
    assert s["smog_index"] == pytest.approx(1.043 * (30 * 10 / 5) ** 0.5 + 3.1291)
    # Coleman-Liau: 0.058 L - 0.296 S - 15.8, L and S per 100 words
    assert s["coleman_liau_index"] == pytest.approx(0.058 * 450 - 0.296 * 5 - 15.8)
    # ARI: 4.71 chars/word + 0.5 words/sentence - 21.43
    assert s["automated_readability_index"] == pytest.approx(4.71 * 4.8 + 0.5 * 20 - 21.43)
    # Dale-Chall: 0.1579 % hard + 0.0496 words/sentence, + 3.6365 when over 5 % hard
    assert s["dale_chall_readability_score"] == pytest.approx(0.1579 * 8 + 0.0496 * 20 + 3.6365)
    # Gunning fog: 0.4 (words/sentence + % hard 3-syllable words)
    assert s["gunning_fog"] == pytest.approx(0.4 * (20 + 6))


def test_dale_chall_adjustment_only_above_five_percent():
    low = scores_from_counts(Counts(words=100, sentences=10, syllables=120, tokens=100, chars=400, letters=400, hard_dale_chall=5))
    assert low["dale_chall_readability_score"] == pytest.approx(0.1579 * 5 + 0.0496 * 10)


# --- counting, on its own ---------------------------------------------------------------------


def test_count_cat_sat_on_the_mat():
    n = R.count("The cat sat on the mat.")
    assert (n.words, n.sentences, n.syllables) == (6, 1, 6)
    s = scores_from_counts(n)
    assert s["flesch_reading_ease"] == pytest.approx(116.145)
    assert s["flesch_kincaid_grade"] == pytest.approx(-1.45)


def test_count_gettysburg():
    n = R.count(GETTYSBURG)
    assert n.words == 271
    assert n.sentences == 10
    # The published 367 was counted by hand; the pinned CMU dictionary and Pyphen give 369. Within 1 %.
    assert abs(n.syllables - 367) <= 3
    s = scores_from_counts(n)
    assert s["flesch_kincaid_grade"] == pytest.approx(10.96, abs=0.1)
    assert s["flesch_reading_ease"] == pytest.approx(64.76, abs=1.0)


def test_counts_add_up_like_the_joined_text():
    a, b = "We keep your data safe.", "Only staff who need it for their job can see it, and we log every access."
    assert R.count(a) + R.count(b) == R.count(a + " " + b)


def test_short_sentences_are_not_counted_as_sentences_like_textstat():
    # textstat ignores "sentences" of two words or fewer when it counts sentences, not when it counts words
    n = R.count("Stop fraud. We check every booking for fraud.")
    assert (n.words, n.sentences) == (8, 1)


def test_reading_minutes_use_238_words_per_minute():
    n = Counts(words=476, sentences=10, syllables=600, tokens=476, chars=2000, letters=1900, reading_words=476)
    assert R.Scores.of(n).reading_minutes == pytest.approx(2.0)


def test_adding_counts_adds_every_field():
    """Counts.__add__ names its fields one by one (it runs for every sentence): a field added to
    Counts but not to __add__ fails here."""
    from dataclasses import fields

    from generator.readability.formulas import Counts

    names = [f.name for f in fields(Counts)]
    a = Counts(**{n: i + 1 for i, n in enumerate(names)})
    b = Counts(**{n: 100 * (i + 1) for i, n in enumerate(names)})
    total = a + b
    assert {n: getattr(total, n) for n in names} == {n: 101 * (i + 1) for i, n in enumerate(names)}
    assert total.astuple() == tuple(getattr(total, n) for n in names)
