"""The French templates (generator/templates/fr/): facts in French, the reader addressed as "vous"
only, the RGPD's official terms where the English page uses the GDPR's, French typography, and the
same sections and checklist items as English on every fixture (also those the shared parity test
does not render: the library, the sole trader, the California stores ...).
"""

from __future__ import annotations

import html
import re

import pytest

from conftest import ALL_FIXTURES, MULTILINGUAL
from generator.inventory.parse import load_inventory
from generator.notice.profile import load_profile
from generator.notice.render import render
from parity import parity_problems, template_text as shared_template_text

FIXTURES = {**ALL_FIXTURES, **{f"multi_{k}": v for k, v in MULTILINGUAL.items()}}


@pytest.fixture(scope="module", params=sorted(FIXTURES))
def pages(request):
    inv = load_inventory(FIXTURES[request.param])
    return request.param, inv, {"en": render(inv, lang="en"), "fr": render(inv, lang="fr")}


@pytest.fixture(scope="module")
def reference():
    inv = load_inventory(ALL_FIXTURES["reference"])
    return render(inv, lang="fr")


def template_text(page) -> str:
    """The page's own words (tests/parity.py), e-mail addresses and Markdown escapes dropped."""
    return html.unescape(re.sub(r"\S+@\S+", " ", shared_template_text(page)).replace("\\", ""))


def plain(md: str) -> str:
    """Markdown escapes removed, so a test can look for "États-Unis" (written "États\\-Unis")."""
    return md.replace("\\", "")


# --------------------------------------------------------------------------------------------
# Facts inserted through the filters print in French
# --------------------------------------------------------------------------------------------


def test_inserted_facts_are_french_on_the_reference(reference):
    notice = plain(reference.pages["notice.md"].markdown)
    assert "- **Où\u00a0:** États-Unis" in notice  # |country, CLDR French
    assert "United States" not in notice
    assert "**Date d'application\u00a0:** 1er novembre 2026" in notice  # |date, with "1er"
    assert "2 ans après" in notice and "7 ans après" in notice  # |period, French plural
    assert "years" not in notice
    # |article in the Regulation's own style, with the law after it
    assert "(article 6, paragraphe 1, point b), du RGPD et du RGPD britannique)" in notice
    assert "(article 9, paragraphe 2, point a), du RGPD et du RGPD britannique)" in notice
    assert "Art. 6(1)" not in notice and "GDPR Art." not in notice
    # the transfer table: French names of the EU decisions and of the safeguard's article
    assert "décision (UE) 2023/1795" in notice
    assert "article 46, paragraphe 2, point c), du RGPD" in notice.replace("&#44;", ",")


def test_the_yes_no_and_country_lists_of_the_summary_are_french(reference):
    summary = plain(reference.pages["index.md"].markdown)
    assert "Royaume-Uni (depuis l'EEE)\u00a0; États-Unis." in summary  # one list for the EEA and the UK
    assert "| Oui |" in summary and "| Non |" in summary
    assert "| Yes |" not in summary


# --------------------------------------------------------------------------------------------
# The form of address: vous, never tu
# --------------------------------------------------------------------------------------------

FORBIDDEN = re.compile(r"\b(tu|toi|ton|ta|tes|t'|te)\b", re.IGNORECASE)


def test_no_page_of_any_fixture_says_tu(pages):
    name, inv, results = pages
    for path, page in results["fr"].pages.items():
        found = FORBIDDEN.findall(template_text(page))
        assert found == [], (name, path, found)
        if path in ("index.md", "notice.md"):
            assert re.search(r"\bvous\b|\bvotre\b|\bvos\b", template_text(page)), (name, path)


def test_the_address_check_would_catch_tu():
    assert FORBIDDEN.search("Tu peux retirer ton consentement")
    assert not FORBIDDEN.search("Vous pouvez retirer votre consentement à tout moment.")


# --------------------------------------------------------------------------------------------
# The RGPD's official terms where the English page has the GDPR's
# --------------------------------------------------------------------------------------------

TERMS = {  # English term on the English page -> the official French term (glossary fr.md, V rows)
    "controller": "responsable du traitement",
    "processor": "sous-traitant",
    "supervisory authority": "autorité de contrôle",
    "legitimate interests": "intérêts légitimes",
    "data protection officer": "délégué à la protection des données",
    "withdraw your consent": "retirer",  # the summary: "Vous pouvez le retirer"
    "direct marketing": "prospection",
    "adequacy decision": "décision d'adéquation",
    "legal basis": "base juridique",
}
FALSE_FRIENDS = ["contrôleur", "processeur", "marketing direct", "responsable de la protection", "autorité de surveillance", "base légale"]


def test_the_official_terms_appear_where_english_has_them(pages):
    name, inv, results = pages
    for path, page in results["en"].pages.items():
        english = template_text(page).lower()
        french = template_text(results["fr"].pages[path]).lower()
        for en, fr in TERMS.items():
            if re.search(rf"\b{en}\b", english):
                assert fr in french, (name, path, en, fr)
        for wrong in FALSE_FRIENDS:
            assert wrong not in french, (name, path, wrong)


# --------------------------------------------------------------------------------------------
# No English words of the templates' own (names of laws, bodies and the CCPA's link texts aside)
# --------------------------------------------------------------------------------------------

ENGLISH = set(
    "the and you your we our with from this that what who how when why data notice privacy yes years year days "
    "months month weeks of or is are not by email it they their us get gets keep sell share".split()
)
NAMES = [
    "Do Not Sell or Share My Personal Information",  # Cal. Civ. Code 1798.135(a)(1): the link's own words
    "Limit the Use of My Sensitive Personal Information",  # 1798.135(a)(2)
    "Global Privacy Control",
    "Do Not Track",
    "Data Protection Act 2018",
    "International Data Transfer Agreement",
    "UK Addendum",
]


def test_no_english_template_word_on_a_french_page(pages):
    name, inv, results = pages
    names = NAMES + list(load_profile("fr").legal_names)
    for path, page in results["fr"].pages.items():
        text = template_text(page)
        for n in sorted(names, key=len, reverse=True):
            text = text.replace(n, " ")
        english = sorted({w for w in re.findall(r"[A-Za-zÀ-ÿ']+", text) if w.lower() in ENGLISH})
        assert english == [], (name, path, english)


# --------------------------------------------------------------------------------------------
# Typography: a no-break space before : ; ? ! (never a plain one, never none)
# --------------------------------------------------------------------------------------------


def test_french_punctuation_has_a_no_break_space_before_it(pages):
    name, inv, results = pages
    for path, page in results["fr"].pages.items():
        text = template_text(page)
        glued = re.findall(r"\w[:;?!](?=\s|\*|$)", text)
        assert glued == [], (name, path, glued)
        assert not re.search(r" [:;?!](?=\s|\*|$)", text), (name, path)


# --------------------------------------------------------------------------------------------
# The same sections and checklist items as English, on every fixture
# --------------------------------------------------------------------------------------------


def test_french_tells_what_english_tells_on_every_fixture(pages):
    name, inv, results = pages
    assert parity_problems(inv, results) == []


# --------------------------------------------------------------------------------------------
# The CCPA link texts (lead's decision D1): the French words, then the statute's title
# --------------------------------------------------------------------------------------------

CCPA_LINKS = {
    "Do Not Sell or Share My Personal Information": "Ne pas vendre ni partager mes informations personnelles",
    "Limit the Use of My Sensitive Personal Information": "Limiter l'utilisation de mes informations personnelles sensibles",
}


def test_the_ccpa_links_read_in_french_then_in_the_statutes_words(pages):
    name, inv, results = pages
    seen = 0
    for path, en_page in results["en"].pages.items():
        en = html.unescape(plain(en_page.markdown))
        fr = html.unescape(plain(results["fr"].pages[path].markdown))
        for title, french in CCPA_LINKS.items():
            n = en.count(f"[{title}](")
            assert fr.count(f"[{french} ({title})](") == n, (name, path, title)
            assert fr.count(f"[{title}](") == 0, (name, path, title)  # never the English words alone
            seen += n
    if name == "us_ca_stores":
        assert seen == 7  # both links: summary, notice (sharing, opt-out, limit), notice at collection


def test_the_california_table_says_its_parentheses_hold_the_laws_english_words(pages):
    """The table prints "nom français (the statute's English name)"; the sentence above it says so
    (as in de, es, it, nl, pl), or "the law's category names" would be untrue of the French ones."""
    name, inv, results = pages
    en = plain(results["en"].pages["notice.md"].markdown)
    fr = plain(results["fr"].pages["notice.md"].markdown)
    n = en.count("The table uses the category names from the law (Cal. Civ. Code 1798.140(v)(1)).")
    assert fr.count("Le tableau utilise les noms de catégories de la loi (Cal. Civ. Code 1798.140(v)(1)), "
                    "avec entre parenthèses les termes anglais de la loi.") == n
    if name in ("reference", "us_ca_stores"):
        assert n == 1
