"""The shipped Italian templates (generator/templates/it/): facts printed in Italian, the reader
addressed as "tu" only, the official terms of the Italian GDPR text where the English page has the
English term (titolare del trattamento = controller; responsabile del trattamento = PROCESSOR, a
false friend), and no English words outside inventory text and names that have no Italian name.

Every fixture is rendered in Italian with the package's templates (a fixture's free texts are
English, so only the template's own words are checked: inventory spans are blanked out).
"""

from __future__ import annotations

import re

import pytest

from conftest import ALL_FIXTURES, REFERENCE
from generator.inventory.parse import load_inventory
from generator.notice.render import render
from parity import template_text

FIXTURES = sorted(ALL_FIXTURES.items())


@pytest.fixture(scope="module")
def rendered():
    out = {}
    for name, path in FIXTURES:
        inv = load_inventory(path)
        out[name] = (render(inv, lang="it"), render(inv, lang="en"))
    return out


def pages(result):
    return result.pages.items()


# ------------------------------------------------------------------------------------------
# Inserted facts speak Italian
# ------------------------------------------------------------------------------------------


def test_inserted_facts_are_italian_on_the_reference(rendered):
    it, en = rendered["reference"]
    notice = it.pages["notice.md"].markdown
    assert "United States" in en.pages["notice.md"].markdown
    assert "Stati Uniti" in notice and "United States" not in notice  # |country (CLDR)
    assert "1 novembre 2026" in notice and "November" not in notice  # |date, Italian months
    assert "2 anni dopo" in notice and "7 anni dopo" in notice  # |period with Italian plurals, "dopo"
    assert "1 anno dopo" in notice  # the singular
    # |article in the Regulation's own style, then the law's name
    assert "(articolo 6, paragrafo 1, lettera a) del GDPR e del UK GDPR)" in notice
    assert "(articolo 46, paragrafo 2, lettera d) del UK GDPR)" in notice  # a UK GDPR article
    assert "Art. 6(1)" not in notice


def test_transfer_table_cites_articles_and_instruments_in_italian(rendered):
    for name, (it, _) in rendered.items():
        notice = template_text(it.pages["notice.md"])
        assert "Art. 4" not in notice and "Art. 46" not in notice and "Art. 49" not in notice, name
        assert "Decision " not in notice and "/EC" not in notice, name
    it, _ = rendered["reference"]
    notice = it.pages["notice.md"].markdown
    assert "articolo 46, paragrafo 2, lettera c) del GDPR" in notice  # standard contractual clauses
    assert "decisione \\(UE\\) 2021/1772, rinnovata dalla decisione \\(UE\\) 2025/2574" in notice  # the adequacy instrument


# ------------------------------------------------------------------------------------------
# The form of address: tu, never Lei or voi
# ------------------------------------------------------------------------------------------

FORMAL = re.compile(r"\b(Lei|Suo|Sua|Suoi|Sue|Loro)\b")  # capitalised courtesy forms, anywhere
PLURAL = re.compile(r"\b(voi|vostro|vostra|vostri|vostre)\b", re.IGNORECASE)
# a capitalised clitic after a lowercase word or a comma: "per La informiamo", "Le chiediamo" mid-sentence
COURTESY_CLITIC = re.compile(r"(?<=[a-zàèéìòù,] )(La|Le|Li|Lo)\b")


@pytest.mark.parametrize("name", [n for n, _ in FIXTURES])
def test_no_formal_or_plural_address_on_any_page(rendered, name):
    it, _ = rendered[name]
    for path, page in pages(it):
        text = template_text(page)
        assert FORMAL.findall(text) == [], (name, path)
        assert PLURAL.findall(text) == [], (name, path)
        assert COURTESY_CLITIC.findall(text) == [], (name, path)


def test_the_reader_is_tu(rendered):
    it, _ = rendered["reference"]
    text = template_text(it.pages["notice.md"])
    for form in ("tuoi dati", "Puoi ", "ti diciamo", "hai il diritto"):
        assert form.lower() in text.lower(), form


# ------------------------------------------------------------------------------------------
# The official terms of the Italian GDPR text
# ------------------------------------------------------------------------------------------

TERMS = [
    # (English term on the English page, Italian term on the Italian page)
    ("controller", "titolare del trattamento"),
    ("processor", "responsabile del trattamento"),
    ("supervisory authority", "autorità di controllo"),
    ("legitimate interests", "legittimo interesse"),
    ("data protection officer", "responsabile della protezione dei dati"),
    ("your right to object", "diritto di opposizione"),
    ("withdraw your consent", "revocare il tuo consenso"),
]


@pytest.mark.parametrize("name", [n for n, _ in FIXTURES])
def test_glossary_terms_where_the_english_page_has_them(rendered, name):
    it, en = rendered[name]
    for path, page in pages(en):
        english = template_text(page).lower()
        italian = template_text(it.pages[path]).lower()
        for en_term, it_term in TERMS:
            # "joint controller" is "contitolare del trattamento", which holds "titolare del trattamento"
            if re.search(rf"\b{en_term}s?\b", english):
                assert it_term in italian, (name, path, en_term)


@pytest.mark.parametrize("name", [n for n, _ in FIXTURES])
def test_the_false_friend_is_never_the_controller(rendered, name):
    """We are the controller: "titolare del trattamento", never "responsabile del trattamento";
    a processor is never called "titolare"."""
    it, _ = rendered[name]
    notice = template_text(it.pages["notice.md"])
    who = notice[notice.index("## Chi siamo") : notice.index("## Cosa raccogliamo")]
    assert "responsabile del trattamento" not in who
    if "ci chiama" in who or "ci chiamano" in who:
        assert "«titolare del trattamento»" in who or "«impresa»" in who
    for line in notice.splitlines():
        if "lavora per noi e segue solo" in line or "lavorano per noi e seguono solo" in line:
            assert "titolare" not in line, line


def test_party_descriptions_agree_with_the_kind():
    inv = load_inventory(ALL_FIXTURES["p2p_marketplace"])
    notice = render(inv, lang="it").pages["notice.md"].markdown
    assert "Queste aziende usano i dati per i propri scopi (titolari del trattamento)" in notice
    assert "Queste persone usano i dati per i propri scopi (titolari del trattamento)" in notice
    assert "Contitolare del trattamento: decide con noi come vengono usati i dati" in notice


# ------------------------------------------------------------------------------------------
# No English words except names that have no Italian name
# ------------------------------------------------------------------------------------------

ENGLISH = set(
    "the and you your we our with from this that what who how when why data notice yes years year days "
    "months month weeks united states january february march april june july august october november december "
    "of or is are not by sell share personal information sensitive rights right delete correct know "
    "controller processor third party business service provider contractor opt out limit use".split()
)
# names of laws, bodies and instruments with no official Italian name, and the statutory CCPA link
# texts, which the Italian pages print after their Italian wording
NAMES = [
    "Information Commissioner's Office", "California Consumer Privacy Act", "Data Protection Act 2018",
    "UK Extension to the EU-US Data Privacy Framework", "International Data Transfer Agreement", "UK Addendum",
    "Do Not Sell or Share My Personal Information", "Limit the Use of My Sensitive Personal Information",
    "Global Privacy Control", "Do Not Track", "Cal. Civ. Code", "UK GDPR",
]


@pytest.mark.parametrize("name", [n for n, _ in FIXTURES])
def test_no_english_word_on_the_italian_pages(rendered, name):
    it, _ = rendered[name]
    for path, page in pages(it):
        text = template_text(page)
        for n in NAMES:
            text = text.replace(n, " ")
        words = {w for w in re.findall(r"[A-Za-zÀ-ž']+", text) if w.lower() in ENGLISH}
        assert words == set(), (name, path)


def test_ccpa_categories_in_italian_with_the_statutes_term_where_the_law_is_cited(rendered):
    it, _ = rendered["us_ca_stores"]
    notice = it.pages["notice.md"].markdown
    collection = it.pages["collection.md"].markdown
    for page in (notice, collection):
        assert "| Informazioni commerciali (Commercial information) |" in page
        assert "| Identificativi (Identifiers) |" in page
    # elsewhere the Italian name alone
    assert "**Categoria in California:** Informazioni commerciali\n" in notice


def test_the_reference_reads_within_the_italian_targets():
    """Gulpease, the Italian profile's gate (targets: summary 60, full 50), on the frozen reference
    rendered in Italian: scored by its own formula, never as English."""
    from generator.readability.gate import check

    inv = load_inventory(REFERENCE)
    report = check(render(inv, lang="it"), inv)
    assert list(report.languages) == ["it"]
    layers = report.languages["it"].layers
    assert layers["summary"].target.metric == "gulpease" and layers["summary"].target.value == 60
    assert layers["summary"].scores.metrics["gulpease"] >= 60
    assert layers["full"].scores.metrics["gulpease"] >= 50
    assert "flesch_kincaid_grade" not in layers["full"].scores.metrics


def test_the_sensitive_kind_line_passes_the_italian_gate():
    """The CCPA sensitive "Tipo" gives the plain kind and the subdivision, then the statute's term in
    its own sentence ("Nella legge: ..."): in one sentence, the Italian and English statutory terms of
    1798.140(ae)(1)(A) made a long, hard sentence, a gate error for any company that collects SSNs."""
    from generator.readability.gate import check

    inv = load_inventory(ALL_FIXTURES["us_saas"])
    result = render(inv, lang="it")
    assert "**Tipo:** Numeri di documenti d'identità (1798" in result.pages["notice.md"].markdown
    assert "Nella legge: Numero di previdenza sociale, di patente di guida" in result.pages["notice.md"].markdown
    errors = [f for f in check(result, inv).findings if f.level == "error" and "templates/it/" in str(f.loc)]
    assert errors == []


# ------------------------------------------------------------------------------------------
# Review (session 4): where the first Italian wording said more, less or other than English
# ------------------------------------------------------------------------------------------

REVIEWED = [
    # (English words on the English page, the Italian words that must then be on the Italian page)
    ("steps you asked for before one", "misure precontrattuali che hai chiesto"),  # Art. 6(1)(b), 49(1)(b)
    ("with official authority", "nell'esercizio di pubblici poteri"),  # Art. 6(1)(e)
    ("or a similarly significant one", "incide in modo analogo e significativo"),  # Art. 22(1)
    ("and no safeguard cover the transfer", "e nessuna garanzia coprono il trasferimento"),
    ("the time stops until you reply", "il termine è sospeso finché non rispondi"),  # UK Art. 12A(5)
    ("we can ask for more information to confirm it", "possiamo chiederti altre informazioni"),  # Art. 12(6)
    ("Within 30 days, we confirm that we got your complaint", "Entro 30 giorni ti confermiamo di aver ricevuto"),
    ("we confirm that we got your request to know, delete or correct", "ti confermiamo che la richiesta è arrivata"),  # 7021(a)
    ("We will not retaliate against you", "Non adottiamo ritorsioni nei tuoi confronti"),  # 1798.125(a)(1)
    ("we treat it as a request to opt out", "lo consideriamo una richiesta di non vendere"),  # 7025
    ("What the signal opts out", "A cosa si applica il segnale"),
    ("we send it to them directly", "li inviamo noi direttamente a quell'organizzazione"),  # Art. 20(2)
    ("those in [Know this first", "i dati in [Da sapere subito"),  # "quelli" had no noun to refer to
    ("those in [Your choices and rights", "le finalità in [Le tue scelte e i tuoi diritti"),
    ("Sold to:", "Vendita a:"),
    ("Shared for ads with:", "Condivisione per la pubblicità con:"),
]
# the first wording, which must not come back: a clock, revenge, approval, processing, the reverse of
# opting out, participles agreeing with no noun, a vaguer Art. 22(1)
REJECTED = [
    "passi che hai chiesto", "o con pubblici poteri", "un effetto simile e altrettanto importante",
    "nessuna garanzia copre il", "il tempo si ferma", "altri dati per confermarlo",
    "Confermiamo di aver ricevuto il tuo reclamo entro", "Confermiamo una richiesta", "vendichiamo",
    "lo trattiamo come", "deve trattare un segnale", "Cosa esclude il segnale", "Vendute a:",
    "Condivise per la pubblicità con:", "con un altro nel tuo interesse", "direttamente a loro", "quelli in [Da sapere", "quelle in [Le tue scelte",
]


@pytest.mark.parametrize("name", [n for n, _ in FIXTURES])
def test_reviewed_wording(rendered, name):
    it, en = rendered[name]
    for path, page in pages(en):
        english = template_text(page)
        italian = template_text(it.pages[path])
        for en_words, it_words in REVIEWED:
            if en_words in english:
                assert it_words in italian, (name, path, en_words)
        for old in REJECTED:
            assert old not in italian, (name, path, old)


def test_reviewed_wording_is_exercised(rendered):
    """Each reviewed sentence is rendered by at least one fixture, so the test above can fail."""
    english = "".join(template_text(page) for _, en in rendered.values() for page in en.pages.values())
    missing = [en_words for en_words, _ in REVIEWED if en_words not in english]
    assert missing == []
