"""The shipped German templates (generator/templates/de/): facts in German, the form of address
("Sie", never "du"), no English words of ours, the DSGVO's own terms and citation style, and the
two rights German pages most often confuse (Widerspruch, Art. 21; Widerruf, Art. 7(3)).

Every check reads the words the templates print (inventory text blanked out by its source spans),
on every fixture company, so a sentence that appears only for one kind of company is covered."""

from __future__ import annotations

import re

import pytest

from conftest import ALL_FIXTURES, MULTILINGUAL
from generator.inventory.parse import load_inventory
from generator.notice.render import render
from parity import template_text

FIXTURES = {**ALL_FIXTURES, "de_en_app": MULTILINGUAL["de"]}


@pytest.fixture(scope="module")
def rendered():
    """fixture name -> (German result, English result), with the package's templates."""
    out = {}
    for name, path in FIXTURES.items():
        inv = load_inventory(path)
        out[name] = (render(inv, lang="de"), render(inv, lang="en"))
    return out


def _pages(rendered):
    for name, (de, _) in rendered.items():
        for path, page in de.pages.items():
            yield name, path, page


# --------------------------------------------------------------------------------------------
# Inserted facts speak German
# --------------------------------------------------------------------------------------------


def test_inserted_facts_are_german_on_the_german_app(rendered):
    de, en = rendered["de_en_app"]
    notice, summary = de.pages["notice.md"].markdown, de.pages["index.md"].markdown
    assert "Vereinigte Staaten" in notice and "United States" not in notice  # |country (CLDR)
    assert "1\\. Oktober 2026" in notice and "**Stand:** 1\\. Oktober 2026" in summary  # |date
    assert "8 Jahre" in notice and "8 years" in en.pages["notice.md"].markdown  # |period
    assert "(Art. 6 Abs. 1 lit. a DSGVO)" in notice  # |article, then the law, as German cites it
    assert "(Art. 6 Abs. 1 lit. f DSGVO)" in notice


def test_transfer_articles_and_instruments_are_cited_in_german(rendered):
    notice = rendered["reference"][0].pages["notice.md"].markdown
    assert "Art\\. 46 Abs\\. 2 lit\\. c DSGVO" in notice  # the safeguard row (vocabulary text, our macro)
    assert "Art. 45 DSGVO; Beschluss \\(EU\\) 2023/1795" in notice  # adequacy: Decision -> Beschluss
    assert "Decision" not in notice


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_no_english_style_article_citation(rendered, name):
    """DSGVO and UK GDPR articles are cited "Art. 6 Abs. 1 lit. a", never "Art. 6(1)(a)"."""
    for path, page in rendered[name][0].pages.items():
        text = template_text(page).replace("\\", "")
        assert not re.search(r"Art\. \d+[A-Z]?\(\d", text), (name, path)


# --------------------------------------------------------------------------------------------
# Sie, never du
# --------------------------------------------------------------------------------------------

FORBIDDEN = re.compile(r"(?<![\w-])(du|dich|dir|dein|deine|deinen|deinem|deiner|deines|euch|euer|eure|euren|eurem|eurer|eures)(?![\w-])", re.I)


def test_no_informal_address_on_any_page_of_any_fixture(rendered):
    seen = 0
    for name, path, page in _pages(rendered):
        text = template_text(page)
        assert not FORBIDDEN.search(text), (name, path, FORBIDDEN.search(text).group(0))
        seen += len(re.findall(r"\bSie\b|\bIhre?[mnrs]?\b", text))
    assert seen > 1000  # the pages do address the reader, as "Sie"


def test_the_forbidden_forms_are_caught():
    assert FORBIDDEN.search("Wenn du willst") and FORBIDDEN.search("deine Daten") and FORBIDDEN.search("Euer Konto")
    assert not FORBIDDEN.search("Dirk und Dublin, Dienstag")


# --------------------------------------------------------------------------------------------
# No English words of ours
# --------------------------------------------------------------------------------------------

ENGLISH = set(
    "the and you your we our with from this that what who how when why data notice privacy yes no years year "
    "days months month weeks of or is are not by email sold shared share sell opt out delete right rights "
    "request requests contact phone legal basis purpose purposes".split()
)
# names with no official German name (laws, bodies, standards), and the CCPA's own words, which the
# templates quote („…“) next to the German
NAMES = re.compile(
    r"„[^“]*“|Information Commissioner's Office|California Consumer Privacy Act|Data Protection Act 2018"
    r"|Global-Privacy-Control-Signal|Global Privacy Control|Do Not Track|UK GDPR|UK Addendum|Cal\. Civ\. Code"
    r"|\(Do Not Sell or Share My Personal Information\)|\(Limit the Use of My Sensitive Personal Information\)"
)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_no_english_word_on_the_german_pages(rendered, name):
    for path, page in rendered[name][0].pages.items():
        text = NAMES.sub(" ", template_text(page).replace("\\", ""))
        english = sorted({w for w in re.findall(r"[A-Za-zÀ-ž']+", text) if w.lower() in ENGLISH})
        assert english == [], (name, path)


# --------------------------------------------------------------------------------------------
# The DSGVO's terms where the English page has the GDPR's
# --------------------------------------------------------------------------------------------

TERMS = [
    ("processor", "Auftragsverarbeiter"),
    ("controller", "Verantwortliche"),
    ("supervisory authority", "Aufsichtsbehörde"),
    ("legitimate interests", "berechtigte"),
    ("data protection officer", "Datenschutzbeauftragte"),
    ("legal basis", "Rechtsgrundlage"),
    ("consent", "Einwilligung"),
    ("special category data", "Besondere Kategorie personenbezogener Daten"),
    ("adequacy decision", "Angemessenheitsbeschluss"),
    ("direct marketing", "Direktwerbung"),
    # the CCPA has no official German text: the German word, with the statute's term quoted
    ("service provider", "Dienstleister („service provider“)"),
    ("sensitive personal information", "sensible personenbezogene Informationen"),
    ("cross-context behavioral advertising", "kontextübergreifende verhaltensbasierte Werbung („cross-context behavioral advertising“)"),
]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_official_terms_where_the_english_page_has_them(rendered, name):
    de, en = rendered[name]
    checked = 0
    for path, page in en.pages.items():
        english, german = template_text(page).lower(), template_text(de.pages[path]).lower()
        for term, official in TERMS:
            if term in english:
                assert official.lower() in german, (name, path, term, official)
                checked += 1
    assert checked  # every fixture has at least one of them


def test_the_terms_are_checked_on_companies_that_have_them(rendered):
    """The reference has every role and right above, so the term test is not vacuous."""
    english = template_text(rendered["reference"][1].pages["notice.md"]).lower()
    assert all(term in english for term, _ in TERMS if term not in ("special category data", "cross-context behavioral advertising"))


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_objection_says_widerspruch_and_withdrawal_says_widerruf(rendered, name):
    """Art. 21 is "Widerspruch", Art. 7(3) "Widerruf": two letters apart, and often confused."""
    notice = rendered[name][0].pages["notice.md"].markdown
    sections = dict(re.findall(r"\{: #([\w-]+) \}\n(.*?)(?=\n#+ |\Z)", notice, re.S))
    if "right-to-object" in sections:
        assert "widersprechen" in sections["right-to-object"] and "Widerruf" not in sections["right-to-object"]
    if "withdraw-consent" in sections:
        assert "widerrufen" in sections["withdraw-consent"] and "Widerspruch" not in sections["withdraw-consent"]


def test_the_uk_recognised_legitimate_interest_is_cited_in_german(tmp_path):
    """UK GDPR Art. 6(1)(ea): a two-letter point, which the citation pattern does not convert, so
    the template writes it out."""
    from conftest import FIXTURES as DIR, variant

    path = tmp_path / "blog.yml"
    path.write_text(variant(("legal_basis: legitimate_interests", "legal_basis: recognised_legitimate_interest"), base=DIR / "uk_sole_trader_blog.yml"), encoding="utf-8")
    notice = render(load_inventory(path), lang="de").pages["notice.md"].markdown.replace("\\", "")
    assert "ein anerkanntes berechtigtes Interesse (Art. 6 Abs. 1 lit. ea UK GDPR)" in notice
    assert "(ea)" not in notice


# --------------------------------------------------------------------------------------------
# The lead's decision D1: the 1798.135 link text is the German words, then the statute's title
# --------------------------------------------------------------------------------------------


def test_the_ccpa_links_carry_the_statutes_english_title_inside_the_link(rendered):
    md = rendered["us_ca_stores"][0].pages["index.md"].markdown.replace("\\", "")
    assert "[Meine personenbezogenen Informationen nicht verkaufen oder teilen (Do Not Sell or Share My Personal Information)](https://" in md
    assert "[Die Nutzung meiner sensiblen personenbezogenen Informationen einschränken (Limit the Use of My Sensitive Personal Information)](https://" in md
    assert "im Gesetz:" not in md  # the title is on the link, not after it


def test_pre_lisbon_adequacy_decisions_are_entscheidungen_of_the_eg(rendered):
    """Decision 2000/518/EC (Switzerland) is "Entscheidung 2000/518/EG" in German, never "Beschluss …/EC"."""
    notice = rendered["big_health_app"][0].pages["notice.md"].markdown.replace("\\", "")
    assert "Entscheidung 2000/518/EG" in notice
    assert "/EC" not in notice and "Beschluss 2011/61/EU" in notice


def test_ccpa_business_days_are_arbeitstage_and_the_agent_is_no_gdpr_vertreter(rendered):
    """11 CCR 7021(a): 10 business days (Mon-Fri); German „Werktage“ counts Saturdays and would
    shorten the period. The authorized agent is „bevollmächtigt“, not the Art. 27 „Vertreter“."""
    text = template_text(rendered["us_ca_stores"][0].pages["notice.md"])
    assert "innerhalb von 10 Arbeitstagen" in text and "15 Arbeitstagen" in text
    assert "Werktag" not in text
    agents = text.split("Anfragen für eine andere Person")[1][:400]
    assert "bevollmächtig" in agents and "Vertreter" not in agents
