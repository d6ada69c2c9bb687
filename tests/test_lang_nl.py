"""The Dutch templates (generator/templates/nl/): facts in Dutch, the reader addressed as "je",
the AVG's own terms where the English page uses the GDPR's, and no English word of our own.

Every fixture is rendered in Dutch (``render(inv, lang="nl")``): the inventories' free texts are
English there, so the checks read only the template's own words (inventory spans blanked), the way
tests/test_languages_site.py does for the stub languages.
"""

from __future__ import annotations

import re

import pytest

from conftest import ALL_FIXTURES, REFERENCE
from generator.inventory.parse import load_inventory
from generator.inventory.vocab import CcpaCategory, CcpaSensitive
from generator.notice.render import render
from parity import template_text as shared_template_text

FIXTURES = dict(ALL_FIXTURES)


@pytest.fixture(scope="module")
def rendered():
    out = {}
    for name, path in FIXTURES.items():
        inv = load_inventory(path)
        out[name] = (inv, render(inv, lang="nl"), render(inv, lang="en"))
    return out


# English names the Dutch pages keep on purpose: laws and bodies with no official Dutch name, the
# CCPA's statutory link texts and category names (printed where the page cites the law's wording),
# and the CCPA role words kept in parentheses.
KEPT_ENGLISH = sorted(
    [
        "Do Not Sell or Share My Personal Information",
        "Limit the Use of My Sensitive Personal Information",
        "UK Extension to the EU-US Data Privacy Framework",
        "EU-US Data Privacy Framework",
        "California Consumer Privacy Act",
        "Information Commissioner's Office",
        "International Data Transfer Agreement",
        "cross-context behavioral advertising",
        "Data Protection Act 2018",
        "Global Privacy Control",
        "Do Not Track",
        "UK Addendum",
        "UK GDPR",
        "adequacy regulations",
        "recognised legitimate interest",
        "service providers",
        "service provider",
        "third parties",
        "third party",
        "authorized agent",
        "contractors",
        "contractor",
        "neural data",
        "business",
        "controller",
        "ico.org.uk",
        "opt-out",
        "opt-in",
        *(c.statute_name for c in CcpaCategory),
        *(s.statute_name for s in CcpaSensitive),
    ],
    key=len,
    reverse=True,
)

ENGLISH_WORDS = set(
    "the and you your our with from this that what who how when why data notice privacy yes years year days "
    "months month weeks united states germany poland ireland netherlands january february march april june july "
    "august october november december or are not by email sold shared sell share right rights delete "
    "request ask limit consent purpose purposes processor complain".split()
)  # not "we", "is", "of": Dutch words too


def template_text(page) -> str:
    """The page's own words (tests/parity.py), e-mail addresses and Markdown escapes dropped."""
    return re.sub(r"\S+@\S+", " ", shared_template_text(page)).replace("\\", "")


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-zÀ-ž]+", text)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_no_english_word_of_our_own_on_any_dutch_page(rendered, name):
    inv, nl, en = rendered[name]
    for path, page in nl.pages.items():
        text = template_text(page)
        for kept in KEPT_ENGLISH:
            text = text.replace(kept, " ")
        english = sorted({w for w in words(text) if w.lower() in ENGLISH_WORDS})
        assert english == [], (name, path, english)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_the_reader_is_je_never_u(rendered, name):
    """docs/languages.md: Dutch addresses the reader as "je"; "u" and "uw" never appear as address."""
    inv, nl, en = rendered[name]
    seen_je = False
    for path, page in nl.pages.items():
        ws = words(template_text(page))
        assert not {"u", "U", "uw", "Uw", "UW"} & set(ws), (name, path)
        seen_je = seen_je or bool({"je", "Je", "jij", "jou", "jouw"} & set(ws))
    assert seen_je, name


def test_inserted_facts_are_dutch_on_the_reference(rendered):
    inv, nl, en = rendered["reference"]
    notice = nl.pages["notice.md"].markdown
    english = en.pages["notice.md"].markdown
    assert "United States" in english and "Verenigde Staten" in notice  # |country (CLDR)
    assert "1 November 2026" in english and "1 november 2026" in notice  # |date, Dutch month
    assert "2 jaar na " in notice and "7 jaar na " in notice  # |period: "jaar" in the plural too
    assert "2 years" not in template_text(nl.pages["notice.md"])
    # |article in the AVG's own style, after the Dutch name of the law
    assert "(artikel 6, lid 1, punt a), AVG en UK GDPR)" in notice
    assert "artikel 9, lid 2, punt a), AVG en UK GDPR" in notice
    assert "Art. 6(1)" not in template_text(nl.pages["notice.md"])


def test_transfer_citations_and_instruments_are_dutch():
    inv = load_inventory(FIXTURES["nl_travel_agency"])
    notice = render(inv, lang="nl").pages["notice.md"].markdown
    assert "artikel 46, lid 2, punt b\\) en artikel 47, AVG" in notice  # "Art. 46(2)(b), 47"
    assert "Uitvoeringsbesluit (EU) 2021/914" in notice  # the SCC decision's Dutch title (EUR-Lex)
    assert "Beschikking 2000/518/EG" in notice  # Switzerland, a Decision of before 2009
    assert "Uitvoeringsbesluit \\(EU\\) 2019/419" in notice  # Japan
    assert "bedrijven die onder PIPEDA vallen" in notice  # the partial scope in Dutch
    assert "businesses subject to PIPEDA" not in notice
    assert "Decision " not in notice


# The glossary's key terms (notes/lang-glossary/nl.md): where the English page uses the GDPR's term,
# the Dutch page uses the AVG's (roles are false friends: never "verantwoordelijke voor de
# verwerking" or "bewerker", the Wbp's old words).
KEY_TERMS = [
    (r"\bcontroller", "verwerkingsverantwoordelijke"),
    (r"\bprocessors?\b", "verwerker"),
    (r"supervisory authority", "toezichthoudende autoriteit"),
    (r"legitimate interests?", "gerechtvaardigd"),
    (r"data protection officer", "functionaris voor gegevensbescherming"),
    (r"withdraw your consent", "toestemming altijd intrekken"),
    (r"right to object", "recht van bezwaar"),
    (r"Special category data", "Bijzondere categorie"),
    (r"[Aa]dequacy decision", "dequaatheidsbesluit"),
]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_the_avg_terms_appear_where_the_english_page_has_the_gdpr_terms(rendered, name):
    inv, nl, en = rendered[name]
    for path, page in en.pages.items():
        english = template_text(page)
        dutch = nl.pages[path].markdown
        for pattern, term in KEY_TERMS:
            if re.search(pattern, english):
                assert term in dutch, (name, path, pattern)
        assert "verantwoordelijke voor de verwerking" not in dutch
        assert not re.search(r"\bbewerker", dutch)


def test_ccpa_categories_are_dutch_with_the_statute_name_where_the_law_is_cited():
    inv = load_inventory(FIXTURES["us_ca_stores"])
    nl = render(inv, lang="nl")
    notice, collection = nl.pages["notice.md"].markdown, nl.pages["collection.md"].markdown
    assert "Identificatoren (Identifiers)" in notice  # the table cites 1798.140(v)(1)
    assert "Identificatoren (Identifiers)" in collection
    assert "**Categorie in Californië:** Identificatoren\n" in notice  # a label: Dutch only


def test_the_summary_names_rights_and_the_ico_in_dutch(rendered):
    inv, nl, en = rendered["reference"]
    summary = nl.pages["index.md"].markdown
    assert "## Je keuzes en rechten {: #your-choices }" in summary
    assert "Je kunt je toestemming altijd intrekken." in summary
    assert "Klagen in het VK:" in summary and "bij ons of de [ICO](notice.md#ico)." in summary


def test_no_default_is_printed_as_a_fact():
    """A Dutch sentence keeps its English condition: no cookies section when the inventory says
    nothing about cookies, and the 'no cookies' sentence only for cookies: []."""
    from conftest import variant

    text = variant(lambda d: d.pop("cookies", None))
    inv = load_inventory_text(text)
    notice = render(inv, lang="nl").pages["notice.md"].markdown
    assert "{: #cookies }" not in notice
    inv = load_inventory_text(variant(lambda d: d.__setitem__("cookies", [])))
    notice = render(inv, lang="nl").pages["notice.md"].markdown
    assert "We gebruiken geen cookies of vergelijkbare technieken." in notice


def load_inventory_text(text: str):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "inv.yml"
        path.write_text(text, encoding="utf-8")
        return load_inventory(path)


assert REFERENCE == FIXTURES["reference"]


def test_ccpa_link_texts_are_dutch_with_the_statute_title_in_parentheses(rendered):
    """Lead's decision D1 (notes/tr/DECISIONS.md): the link text is the Dutch title followed by
    the English title of 1798.135(a)(1) and (2) in parentheses, on every page that links."""
    inv, nl, en = rendered["us_ca_stores"]
    opt_out = "[Mijn persoonsgegevens niet verkopen of delen \\(Do Not Sell or Share My Personal Information\\)]("
    limit = "[Het gebruik van mijn gevoelige persoonsgegevens beperken \\(Limit the Use of My Sensitive Personal Information\\)]("
    for path in ("index.md", "notice.md", "collection.md"):
        page = nl.pages[path].markdown
        assert opt_out in page and limit in page, path
        assert "[Do Not Sell" not in page and "[Limit the Use" not in page, path
    assert "[Do Not Sell or Share My Personal Information](" in en.pages["index.md"].markdown


def test_wording_fixed_in_review(rendered):
    """notes/review-tr/nl.md: the AVG's "buitensporig" (12(5)); the CCPA's non-retaliation covers
    employees, applicants and independent contractors (1798.125(a)(1)), not the CCPA "contractor"
    of 1798.140(j); a UK citation without a paragraph takes no comma before the law's name."""
    inv, nl, en = rendered["us_ca_stores"]
    notice = nl.pages["notice.md"].markdown
    assert "werk je als zelfstandige voor ons? Dan benadelen we je niet" in notice
    assert "onze contractant" not in notice
    inv, nl, en = rendered["reference"]
    assert "duidelijk ongegrond of buitensporig" in nl.pages["notice.md"].markdown
    notice = render(load_inventory(FIXTURES["big_health_app"]), lang="nl").pages["notice.md"].markdown
    assert "(artikel 49 UK GDPR)" in notice and "artikel 49, UK GDPR" not in notice
    assert "(artikel 49, lid 1, punt a\\), AVG)" in notice
