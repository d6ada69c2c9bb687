"""The shipped Polish templates (generator/templates/pl/): inserted facts in Polish, the "Ty" form of
address and nothing gendered, the official terms of RODO where the English page has the GDPR's, no
English template words, the CCPA categories in Polish with the statute's words beside them, and
the Polish/English shop scored by FOG-PL within its targets.

Every page is rendered from the package's templates (not the test stubs in tests/languages/) for
every fixture, including the US and UK ones: a Polish page must say what the English one says.
"""

from __future__ import annotations

import re

import pytest

from conftest import ALL_FIXTURES, MULTILINGUAL, REFERENCE
from generator.inventory.parse import load_inventory
from generator.notice.render import render
from generator.notice.templates import available_languages
from parity import template_text

FIXTURES = {**ALL_FIXTURES, **{p.stem: p for p in MULTILINGUAL.values()}}


@pytest.fixture(scope="module")
def rendered():
    """fixture stem -> (English result, Polish result), both from the package templates."""
    out = {}
    for stem, path in sorted(FIXTURES.items()):
        inv = load_inventory(path)
        out[stem] = (render(inv, lang="en"), render(inv, lang="pl"))
    return out


def test_polish_ships_with_the_package():
    assert "pl" in available_languages()


# --------------------------------------------------------------------------------------------
# Inserted facts in Polish
# --------------------------------------------------------------------------------------------


def test_inserted_facts_are_polish_on_the_polish_shop(rendered):
    en, pl = rendered["pl_en_shop"]
    notice, summary = pl.pages["notice.md"].markdown, pl.pages["index.md"].markdown
    assert "United States" in en.pages["notice.md"].markdown
    assert "Stany Zjednoczone" in notice and "United States" not in notice  # |country
    assert "1 września 2026" in notice and "September" not in notice  # |date, genitive month
    assert "5 lat" in notice and "5 years" not in notice  # |period, CLDR "many"
    assert "14 miesięcy" in notice  # |period, "many" of month
    assert "art. 6 ust. 1 lit. a) RODO" in notice  # |article in the Regulation's style
    assert "art. 6 ust. 1 lit. f) RODO" in notice
    assert "GDPR Art." not in notice
    assert "1 września 2026" in summary


def test_few_form_of_periods(rendered):
    """3 years is "3 lata" (CLDR few), never "3 lat" (many) or "3 roku" (other)."""
    _, pl = rendered["pl_en_shop"]
    notice = pl.pages["notice.md"].markdown
    assert "3 lata" in notice and "3 lat " not in notice and "3 roku" not in notice


def test_transfer_rows_cite_polish_articles(rendered):
    """The EU-US Data Privacy Framework row of the Polish shop: art. 45 RODO and the decision in
    Polish; no English 'Decision' or 'GDPR Art.' in the transfer table."""
    _, pl = rendered["pl_en_shop"]
    notice = pl.pages["notice.md"].markdown
    table = notice[notice.index("{: #transfers-eu }") :]
    assert "art. 45 RODO" in table
    assert "decyzja \\(UE\\) 2023/1795" in table or "decyzja (UE) 2023/1795" in table
    assert "Decision" not in table and "GDPR Art." not in table


def test_uk_transfer_rows_cite_the_uk_gdpr_in_polish_style(rendered):
    _, pl = rendered["reference"]
    notice = pl.pages["notice.md"].markdown
    if "{: #transfers-uk }" not in notice:
        pytest.skip("the reference has no UK transfer table")
    uk = notice[notice.index("{: #transfers-uk }") :]
    assert "UK GDPR Art." not in uk
    assert re.search(r"art\. (45A|46|49)[^|]* UK GDPR", uk)


# --------------------------------------------------------------------------------------------
# The form of address: Ty, never Pan/Pani, never a gendered 2nd-person past tense
# --------------------------------------------------------------------------------------------

FORBIDDEN = re.compile(r"\b(Pan|Pani|Panu|Panią|Pana|Państwo|Państwa|Państwu)\b|\w+(łeś|łaś)(?!\w)")
GENDERED_ADJECTIVE = re.compile(r"\b(sam|sama)\b")  # "the part you give us yourself": never gendered


@pytest.mark.parametrize("stem", sorted(FIXTURES))
def test_no_forbidden_address_form_on_any_page(rendered, stem):
    _, pl = rendered[stem]
    for path, page in pl.pages.items():
        text = template_text(page)
        assert FORBIDDEN.findall(text) == [], (stem, path)
        assert GENDERED_ADJECTIVE.findall(text) == [], (stem, path)


def test_the_reader_is_ty_capitalised(rendered):
    _, pl = rendered["pl_en_shop"]
    text = " ".join(template_text(p) for p in pl.pages.values())
    for form in ("Twoje", "Twoich", "Ci", "Cię"):
        assert re.search(rf"\b{form}\b", text), form
    for stem, (_, result) in rendered.items():
        every = " ".join(template_text(p) for p in result.pages.values())
        for lower in ("twoje", "twoich", "twoja", "twój", "twoim", "tobie", "ciebie", "tobą"):
            assert not re.search(rf"\b{lower}\b", every), (stem, lower)  # the reader's pronoun is always capitalised


# --------------------------------------------------------------------------------------------
# The official terms of RODO where the English page uses the GDPR's
# --------------------------------------------------------------------------------------------

TERMS = [  # English term on the English page -> the Polish text's term (glossary pl.md, rows V), any case or number
    (r"\bcontroller\b", r"\badministrator"),
    (r"\bprocessors?\b", r"\bpodmio(t|ty) przetwarzając(y|e)\b"),
    (r"\bsupervisory authority\b", r"\b(organ|organu) nadzorcz(y|ego)\b"),
    (r"\blegitimate interests\b", r"\bprawnie uzasadnion(e|ych) interes"),
    (r"\bdata protection officer\b", r"\binspektor(a|em)? ochrony danych\b"),
    (r"\bright to object\b", r"\bsprzeciw"),
    (r"\bwithdraw your consent\b", r"\bwycofać zgodę\b"),
]


@pytest.mark.parametrize("stem", sorted(FIXTURES))
def test_key_terms_appear_in_their_official_polish_form(rendered, stem):
    en, pl = rendered[stem]
    english = " ".join(template_text(p) for p in en.pages.values())
    polish = " ".join(template_text(p) for p in pl.pages.values())
    for pattern, term in TERMS:
        if re.search(pattern, english, re.I):
            assert re.search(term, polish, re.I), (stem, pattern, term)
    # the false friends of the glossary's traps
    assert not re.search(r"\b(procesor|kontroler|przetwarzacz)\w*", polish, re.I), stem


# --------------------------------------------------------------------------------------------
# No English template word; the CCPA's words only where the English page cites the statute
# --------------------------------------------------------------------------------------------

ENGLISH_ONLY = set(
    "the and you your our with from this that what who how when why notice privacy yes years year days "
    "months month weeks united states germany poland ireland january february march april june july august "
    "october november december of or is are not email sell share personal information delete correct "
    "processor controller consent right rights object legal basis".split()
)
# ("data", "we" and "by" are left out: they are Polish words too: "data" is a date, "we" the
# preposition w, "by" "so that".)
# Names that stay in English on a Polish page (laws, bodies, statute-fixed link texts, defined terms in parentheses)
NAMES = [
    "Do Not Sell or Share My Personal Information",
    "Limit the Use of My Sensitive Personal Information",
    "UK Extension to the EU-US Data Privacy Framework",
    "EU-US Data Privacy Framework",
    "International Data Transfer Agreement",
    "UK Addendum",
    "Information Commissioner's Office",
    "California Consumer Privacy Act",
    "Data Protection Act 2018",
    "Global Privacy Control",
    "Do Not Track",
    "service provider",
    "contractor",
    "third party",
    "authorized agent",
    "business",
]


@pytest.mark.parametrize("stem", sorted(FIXTURES))
def test_no_english_template_word_on_the_polish_pages(rendered, stem):
    _, pl = rendered[stem]
    for path, page in pl.pages.items():
        text = template_text(page)
        for name in NAMES:
            text = text.replace(name, " ")
        english = sorted({w for w in re.findall(r"[A-Za-zÀ-ž]+", text) if w.lower() in ENGLISH_ONLY})
        assert english == [], (stem, path)


def test_ccpa_categories_are_polish_with_the_statutes_words_beside_them(rendered):
    en, pl = rendered["us_ca_stores"]
    notice = pl.pages["notice.md"].markdown
    ca = notice[notice.index("{: #ca-categories }") : notice.index("{: #ca-sold-shared }")]
    assert "| Identyfikatory (Identifiers) |" in ca
    assert "Informacje handlowe (Commercial information)" in ca
    # outside the table that cites the statute, the category is Polish only
    collect = notice[notice.index("{: #what-we-collect }") : notice.index("{: #why-we-use-it }")]
    assert "Kategoria w Kalifornii:** Identyfikatory" in collect
    assert "Identifiers" not in collect
    # D1: the link text is the Polish title followed by the statute's English title, both inside the link
    summary = pl.pages["index.md"].markdown
    assert "[Nie sprzedawaj ani nie udostępniaj moich danych osobowych \\(Do Not Sell or Share My Personal Information\\)](" in summary
    assert "[Ogranicz użycie moich wrażliwych danych osobowych \\(Limit the Use of My Sensitive Personal Information\\)](" in summary


# "Udostępniać" is the RODO's word for any disclosure (Art. 4(2)); the CCPA's "share" is only a
# disclosure for cross-context behavioral advertising (1798.140(ah)). A bare "nie udostępniamy"
# would say that no one gets the data, which the same page contradicts.
BARE_SHARE = re.compile(r"\b(nie udostępnia\w*|udostępnian\w*|udostępniane)\b(?! (do reklam|ich (świadomie )?do reklam))")


@pytest.mark.parametrize("stem", sorted(FIXTURES))
def test_ccpa_share_is_always_for_ads(rendered, stem):
    _, pl = rendered[stem]
    for path, page in pl.pages.items():
        text = re.sub(r"\s+", " ", template_text(page))
        text = text.replace("Nie sprzedawaj ani nie udostępniaj moich danych osobowych", " ")  # the statute's link title
        assert BARE_SHARE.findall(text) == [], (stem, path)


def test_every_ccpa_category_and_sensitive_kind_has_a_polish_name():
    """A new CcpaCategory or CcpaSensitive member without a Polish name would print nothing."""
    from jinja2 import Environment, FileSystemLoader

    from conftest import PACKAGE_TEMPLATES
    from generator.inventory.vocab import CcpaCategory, CcpaSensitive

    env = Environment(loader=FileSystemLoader(str(PACKAGE_TEMPLATES / "pl")))
    env.filters.update({"article": lambda v: v, "period": lambda v: v, "link": lambda v, t=None: v, "mailto": lambda v: v, "anchor": lambda v, p="": v})
    words = env.get_template("_words.md.j2").module
    for c in CcpaCategory:
        assert str(words.ccpa_category(c.value)).strip(), c
    for k in CcpaSensitive:
        assert str(words.ccpa_sensitive(k.value)).strip(), k


def test_citations_of_transfer_articles():
    from jinja2 import Environment, FileSystemLoader

    from conftest import PACKAGE_TEMPLATES

    env = Environment(loader=FileSystemLoader(str(PACKAGE_TEMPLATES / "pl")))
    env.filters.update({"article": lambda v: v, "period": lambda v: v, "link": lambda v, t=None: v, "mailto": lambda v: v, "anchor": lambda v, p="": v})
    words = env.get_template("_words.md.j2").module
    assert str(words.cite("Art. 46(2)(c)")) == "art. 46 ust. 2 lit. c) RODO"
    assert str(words.cite("Art. 46(2)(b), 47")) == "art. 46 ust. 2 lit. b) i art. 47 RODO"
    assert str(words.cite("UK GDPR Art. 46(2)(d)", False)) == "art. 46 ust. 2 lit. d) UK GDPR"
    assert str(words.cite("UK GDPR Art. 49", False)) == "art. 49 UK GDPR"
    assert str(words.cite("Art. 45; Decision (EU) 2023/1795")) == "art. 45 RODO; decyzja (UE) 2023/1795"
    assert str(words.instrument("Decision 2002/2/EC")) == "decyzja 2002/2/WE"
    # the profile's citation pattern knows one-letter points only: UK GDPR Art. 6(1)(ea) is converted here
    assert str(words.art("Art. 6(1)(ea)")) == "art. 6 ust. 1 lit. ea)"
    assert str(words.art("art. 6 ust. 1 lit. f)")) == "art. 6 ust. 1 lit. f)"


# --------------------------------------------------------------------------------------------
# Readability: FOG-PL within the profile's targets on the Polish/English shop
# --------------------------------------------------------------------------------------------


def test_the_polish_shop_meets_the_fog_pl_targets(tmp_path, capsys):
    import json

    from generator.cli import main

    main(["check", str(MULTILINGUAL["pl"]), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    layers = report["languages"]["pl"]["layers"]
    assert report["languages"]["pl"]["formula"] == "fog_pl"
    for name in ("summary", "full"):
        assert layers[name]["metric"] == "fog_pl"
        assert layers[name]["passed"], (name, layers[name]["score"])
