"""The readability formula of each language, against its publication, on texts counted by hand.

No publication found gives a worked example with full counts (notes/lang/formulas.md), so each test
(a) counts a small text by hand here, word by word, (b) re-types the published formula, and (c)
checks that plainnotice's counts (the same path the gate takes: Markdown -> sentences -> the
language's counter) and its formula give the same number. Where a source gives counts only
(Amstad's book, as Readability Studio's tests encode it), those are tested as arithmetic.
Sources: generator/readability/langformulas.py and docs/languages.md.
"""

from __future__ import annotations

import pytest

from generator.notice.profile import load_profile
from generator.readability.formulas import Counts
from generator.readability.langcount import LanguageCounter, words_of
from generator.readability.langformulas import FORMULAS
from generator.readability.measure import measure_units
from generator.readability.textprep import markdown_units


def counted(lang: str, markdown: str) -> Counts:
    """plainnotice's counts of ``markdown`` in ``lang``, the way the gate counts a page."""
    p = load_profile(lang)
    measured, _ = measure_units(markdown_units(markdown), "", counter=LanguageCounter(p), abbreviations=p.abbreviations)
    total = Counts()
    for m in measured:
        total = total + m.counts
    return total


def approx(x):
    return pytest.approx(x, abs=1e-9)


# --------------------------------------------------------------------------------------------
# German: Wiener Sachtextformel (gate) and Amstad
# --------------------------------------------------------------------------------------------

DE_TEXT = "Wir können dann kein Konto für Sie anlegen und Ihre Buchungen nicht bestätigen. Unser System kann eine Buchung sperren, die nach Betrug aussieht.\n"
# by hand: syllables per word
DE_SYLLABLES = [1, 2, 1, 1, 2, 1, 1, 3, 1, 2, 3, 1, 4] + [2, 2, 1, 2, 2, 2, 1, 1, 2, 2]
# words of more than six letters: anlegen, Buchungen, bestätigen; Buchung, sperren, aussieht
DE_LONG = 6


def test_german_counts_by_hand():
    n = counted("de", DE_TEXT)
    assert (n.words, n.sentences, n.syllables) == (23, 2, sum(DE_SYLLABLES)) == (23, 2, 40)
    assert n.polysyllables == sum(1 for s in DE_SYLLABLES if s >= 3) == 3
    assert n.monosyllables == sum(1 for s in DE_SYLLABLES if s == 1) == 10
    assert n.long_words == DE_LONG


def test_wiener_sachtextformel_1_on_the_hand_counts():
    """Bamberger & Vanecek 1984: WSTF1 = 0.1935 MS + 0.1672 SL + 0.1297 IW - 0.0327 ES - 0.875."""
    ms, sl, iw, es = 100 * 3 / 23, 23 / 2, 100 * 6 / 23, 100 * 10 / 23
    expected = 0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875
    assert FORMULAS["wiener_sachtextformel"].compute(counted("de", DE_TEXT)) == approx(expected)
    assert round(expected, 2) == 5.53


def test_wiener_sachtextformel_on_textstats_german_samples():
    """textstat's test texts (MIT), counted by hand in notes/lang/formulas.md: 3.770 and 13.913."""
    a = "Alle meine Entchen schwimmen auf dem See, Köpfchen unters Wasser, Schwänzchen in die Höh.\n"
    b = ("Alle Parteien widmen dem Thema rein quantitativ betrachtet nennenswerte Aufmerksamkeit, "
         "die Grünen wenig überraschend am meisten.\n")
    assert round(FORMULAS["wiener_sachtextformel"].compute(counted("de", a)), 3) == 3.770
    assert round(FORMULAS["wiener_sachtextformel"].compute(counted("de", b)), 3) == 13.913
    # Amstad on sample A: 14 words, 1 sentence, 22 syllables by hand -> 180 - 14 - 58.5 * 22 / 14
    assert FORMULAS["amstad"].compute(counted("de", a)) == approx(180 - 14 - 58.5 * 22 / 14)


def test_amstad_on_the_hand_counts_and_on_the_counts_from_his_book():
    assert FORMULAS["amstad"].compute(counted("de", DE_TEXT)) == approx(180 - 23 / 2 - 58.5 * 40 / 23)
    # (words, syllables, sentences) -> score, from Amstad's book as Readability Studio's tests give them
    for words, syllables, sentences, book in ((100, 135, 50, 99), (100, 220, 2, 1), (100, 185, 5, 52)):
        score = FORMULAS["amstad"].compute(Counts(words=words, syllables=syllables, sentences=sentences))
        assert round(score) == book
    assert FORMULAS["amstad"].compute(Counts(words=100, syllables=185, sentences=5)) == approx(51.775)


# --------------------------------------------------------------------------------------------
# French: Kandel-Moles
# --------------------------------------------------------------------------------------------

FR_TEXT = "Nous ne pouvons pas créer votre compte ni confirmer vos réservations. Notre système peut bloquer une réservation qui ressemble à une fraude.\n"
FR_SYLLABLES = [1, 1, 2, 1, 2, 1, 1, 1, 3, 1, 4] + [1, 2, 1, 2, 1, 4, 1, 2, 1, 1, 1]


def test_kandel_moles_on_the_hand_counts():
    """Kandel & Moles 1958: 207 - 1.015 words/sentence - 0.736 syllables per 100 words."""
    n = counted("fr", FR_TEXT)
    assert (n.words, n.sentences, n.syllables) == (22, 2, sum(FR_SYLLABLES)) == (22, 2, 35)
    expected = 207 - 1.015 * (22 / 2) - 0.736 * (100 * 35 / 22)
    assert FORMULAS["kandel_moles"].compute(n) == approx(expected)
    assert round(expected, 2) == 78.74


# --------------------------------------------------------------------------------------------
# Spanish: Szigriszt-Pazos (gate, INFLESZ) and Fernández-Huerta
# --------------------------------------------------------------------------------------------

ES_TEXT = "No podemos crear su cuenta ni confirmar sus reservas. Nuestro sistema puede bloquear una reserva que parezca fraudulenta.\n"
ES_SYLLABLES = [1, 3, 2, 1, 2, 1, 3, 1, 3] + [2, 3, 2, 3, 2, 3, 1, 3, 4]


def test_szigriszt_pazos_and_fernandez_huerta_on_the_hand_counts():
    n = counted("es", ES_TEXT)
    assert (n.words, n.sentences, n.syllables) == (18, 2, sum(ES_SYLLABLES)) == (18, 2, 40)
    # Szigriszt 1993: 206.835 - 62.3 syllables/words - words/sentences
    assert FORMULAS["szigriszt_pazos"].compute(n) == approx(206.835 - 62.3 * 40 / 18 - 18 / 2)
    # Fernández Huerta 1959, corrected (Law 2011): 206.84 - 0.60 syllables per 100 words - 1.02 words/sentence
    assert FORMULAS["fernandez_huerta"].compute(n) == approx(206.84 - 0.60 * (100 * 40 / 18) - 1.02 * (18 / 2))
    assert round(FORMULAS["szigriszt_pazos"].compute(n), 2) == 59.39  # INFLESZ 55-65: "normal"


# --------------------------------------------------------------------------------------------
# Italian: Gulpease
# --------------------------------------------------------------------------------------------

IT_TEXT = "Non possiamo creare il tuo account né confermare le tue prenotazioni. Puoi comunque prenotare e pagare in salone.\n"
IT_LETTERS = [3, 8, 6, 2, 3, 7, 2, 10, 2, 3, 12] + [4, 8, 9, 1, 6, 2, 6]


def test_gulpease_on_the_hand_counts():
    """Lucisano & Piemontese 1988: 89 + (300 sentences - 10 letters) / words."""
    n = counted("it", IT_TEXT)
    assert (n.words, n.sentences, n.letters) == (18, 2, sum(IT_LETTERS)) == (18, 2, 94)
    assert FORMULAS["gulpease"].compute(n) == approx(89 + (300 * 2 - 10 * 94) / 18)


def test_gulpease_counts_letters_not_characters_unlike_textstat():
    """textstat's own test text: 18 words (dell'omonima is one), 1 sentence, 114 letters by hand ->
    42.33; textstat 0.7.8 counts commas, the full stop and the apostrophe as letters (40.11)."""
    text = ("Roma è un comune italiano, capitale della Repubblica Italiana, nonché capoluogo dell'omonima "
            "città metropolitana e della regione Lazio.\n")
    n = counted("it", text)
    assert (n.words, n.sentences, n.letters) == (18, 1, 114)
    ours = FORMULAS["gulpease"].compute(n)
    assert round(ours, 2) == 42.33
    import textstat

    assert round(textstat.gulpease_index(text.strip()), 2) == 40.11 != round(ours, 2)


# --------------------------------------------------------------------------------------------
# Dutch: Flesch-Douma
# --------------------------------------------------------------------------------------------

NL_TEXT = "We kunnen dan geen account voor je aanmaken en je boekingen niet bevestigen. Ons systeem kan een boeking blokkeren die op fraude lijkt.\n"
NL_SYLLABLES = [1, 2, 1, 1, 2, 1, 1, 3, 1, 1, 3, 1, 4] + [1, 2, 1, 1, 2, 3, 1, 1, 2, 1]


def test_flesch_douma_on_the_hand_counts():
    """Douma 1960: 206.84 - 0.77 syllables per 100 words - 0.93 words/sentence."""
    n = counted("nl", NL_TEXT)
    assert (n.words, n.sentences, n.syllables) == (23, 2, sum(NL_SYLLABLES)) == (23, 2, 37)
    assert FORMULAS["flesch_douma"].compute(n) == approx(206.835 - 0.77 * (100 * 37 / 23) - 0.93 * (23 / 2))


# --------------------------------------------------------------------------------------------
# Polish: FOG-PL
# --------------------------------------------------------------------------------------------

PL_TEXT = "Nie możemy założyć Ci konta ani potwierdzić Twoich rezerwacji. Nasz system może zablokować rezerwację, która wygląda na oszustwo.\n"
PL_SYLLABLES = [1, 3, 3, 1, 2, 2, 3, 2, 4] + [1, 2, 2, 4, 4, 2, 3, 1, 3]


def test_fog_pl_on_the_hand_counts():
    """FOG-PL: 0.4 (words/sentence + 100 hard words/words), hard = 4 or more syllables."""
    n = counted("pl", PL_TEXT)
    hard = sum(1 for s in PL_SYLLABLES if s >= 4)
    assert (n.words, n.sentences, n.syllables4) == (18, 2, hard) == (18, 2, 3)
    assert FORMULAS["fog_pl"].compute(n) == approx(0.4 * (18 / 2 + 100 * 3 / 18))


# --------------------------------------------------------------------------------------------
# Counting rules shared by the formulas
# --------------------------------------------------------------------------------------------


def test_words_are_runs_between_spaces_with_a_letter_or_digit():
    assert words_of("Sie – und „wir“ … E-Mail-Adresse, l'application.") == ["Sie", "und", "wir", "E-Mail-Adresse", "l'application"]


def test_every_sentence_counts_even_a_short_one():
    """textstat drops sentences of two words or fewer; the published formulas do not."""
    assert counted("de", "Ja. Nein. Wir speichern das.\n").sentences == 3


def test_abbreviations_of_the_language_do_not_end_a_sentence():
    n = counted("de", "Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO. Sie können jederzeit widersprechen.\n")
    assert n.sentences == 2
    assert counted("pl", "Podajesz np. adres. Możesz to zmienić.\n").sentences == 2


def test_no_words_no_score():
    assert all(f.compute(Counts()) == 0.0 for f in FORMULAS.values())


@pytest.mark.parametrize("formula, bound", [("amstad", "min"), ("wiener_sachtextformel", "max"), ("kandel_moles", "min"),
                                            ("szigriszt_pazos", "min"), ("fernandez_huerta", "min"), ("gulpease", "min"),
                                            ("flesch_douma", "min"), ("fog_pl", "max")])
def test_harder_text_moves_each_score_the_hard_way(formula, bound):
    easy = Counts(words=100, sentences=10, syllables=140, letters=450, polysyllables=5, monosyllables=60, syllables4=2, long_words=10)
    hard = Counts(words=100, sentences=4, syllables=200, letters=650, polysyllables=30, monosyllables=30, syllables4=20, long_words=40)
    e, h = FORMULAS[formula].compute(easy), FORMULAS[formula].compute(hard)
    assert (e > h) if bound == "min" else (e < h)
    assert FORMULAS[formula].bound == bound
