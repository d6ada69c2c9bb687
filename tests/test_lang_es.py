"""The Spanish templates (generator/templates/es/): the facts they insert speak Spanish, they
address the reader as "usted" only, they use the official terms of the RGPD's Spanish text and
the CCPA terms of California's Spanish materials, and they keep the English control structure.

Every fixture is rendered in Spanish (``render(inv, lang="es")``; a single-language fixture's
plain strings stand for every language). Template words are the page's words outside the
inventory's spans, so an inventory text never hides or fakes a template word.
"""

from __future__ import annotations

import re

import pytest

from conftest import ALL_FIXTURES, FIXTURES, MULTILINGUAL, PACKAGE_TEMPLATES, REFERENCE
from generator.inventory.parse import load_inventory
from generator.notice.render import render, render_all
from parity import template_text

FIXTURE_PATHS = sorted({*ALL_FIXTURES.values(), *MULTILINGUAL.values()})
ES = PACKAGE_TEMPLATES / "es"
EN = PACKAGE_TEMPLATES / "en"


@pytest.fixture(scope="module", params=FIXTURE_PATHS, ids=lambda p: p.stem)
def both(request):
    inv = load_inventory(request.param)
    return request.param.stem, inv, render(inv, lang="en"), render(inv, lang="es")


# --------------------------------------------------------------------------------------------
# Inserted facts in Spanish
# --------------------------------------------------------------------------------------------


def test_inserted_facts_are_spanish_on_the_reference():
    inv = load_inventory(REFERENCE)
    notice = render(inv, lang="es").pages["notice.md"].markdown
    english = render(inv, lang="en").pages["notice.md"].markdown
    assert "United States" in english and "Estados Unidos" in notice  # |country (CLDR)
    assert "United States" not in notice
    assert re.search(r"\b1 de [a-z]+ de 20\d\d\b", notice)  # |date: "1 de noviembre de 2026"
    assert not re.search(r"\b(January|February|March|April|June|July|August|September|October|November|December)\b", notice)
    page = render(inv, lang="es").pages["notice.md"]
    periods = {page.markdown[s.start : s.end] for s in page.spans if s.field.endswith("retention.period")}
    assert periods and all(re.fullmatch(r"\d+ (año|años|mes|meses|día|días|semana|semanas)", p) for p in periods), periods
    # |article in the Regulation's own style, followed by the law's Spanish name
    assert "artículo 6, apartado 1, letra a), del RGPD" in notice
    assert "Art. 6(1)" not in notice


def test_us_saas_builds_in_spanish_with_californias_words():
    """us_saas (en, es) was refused until Spanish shipped; now every language renders."""
    inv = load_inventory(FIXTURES / "us_saas.yml")
    rendered = render_all(inv)
    assert rendered.languages == ["en", "es"]
    es = rendered.results["es"].pages
    notice, summary = es["notice.md"].markdown, es["index.md"].markdown
    assert "collection.md" in es
    # D1 (notes/tr/DECISIONS.md): the Spanish title, then the statute's English title, both on the link
    assert "[No vender ni compartir mi información personal \\(Do Not Sell or Share My Personal Information\\)](https://ledgerly.example.com/do-not-sell)" in notice
    assert "[Limitar el uso de mi información personal confidencial \\(Limit the Use of My Sensitive Personal Information\\)](https://ledgerly.example.com/limit)" in summary
    assert "[No vender ni compartir mi información personal](" not in notice + summary
    assert "información personal confidencial" in template_text(es["notice.md"]).lower()
    assert "información personal sensible" not in notice.lower()
    assert "Estados Unidos; Canadá" in notice  # the broker's countries
    assert "1 de julio de 2026" in notice


# --------------------------------------------------------------------------------------------
# The form of address
# --------------------------------------------------------------------------------------------

FORBIDDEN = re.compile(r"\b(tú|ti|contigo|tu|tus)\b", re.IGNORECASE)


def test_no_familiar_address_on_any_page_of_any_fixture(both):
    name, inv, _, es = both
    for path, page in es.pages.items():
        found = sorted({m.group(0) for m in FORBIDDEN.finditer(template_text(page))})
        assert found == [], (name, path, found)


def test_the_forbidden_forms_would_be_found():
    assert FORBIDDEN.findall("Puede retirar tu consentimiento; a ti te lo decimos") == ["tu", "ti"]
    assert FORBIDDEN.findall("Puede retirar su consentimiento; usted decide") == []


# --------------------------------------------------------------------------------------------
# The RGPD's official terms where the English page has the concept
# --------------------------------------------------------------------------------------------

TERMS = [  # English template words -> the official Spanish term (notes/lang-glossary/es.md)
    ("controller", "responsable del tratamiento"),
    ("processor", "encargado del tratamiento"),
    ("supervisory authority", "autoridad de control"),
    ("legitimate interests", "intereses legítimos"),
    ("data protection officer", "delegado de protección de datos"),
    ("withdraw your consent", "retirar su consentimiento"),
    ("right to object", ("derecho a oponerse", "derecho de oposición")),
]
FALSE_FRIENDS = ["procesador", "controlador", "autoridad supervisora", "oficial de protección"]


def test_official_terms_where_the_english_page_has_them(both):
    name, inv, en, es = both
    checked = 0
    for path, page in en.pages.items():
        english = template_text(page).lower()
        spanish = template_text(es.pages[path]).lower()
        for en_term, es_terms in TERMS:
            if en_term in english:
                checked += 1
                es_terms = (es_terms,) if isinstance(es_terms, str) else es_terms
                assert any(t in spanish for t in es_terms), (name, path, en_term, es_terms)
        for wrong in FALSE_FRIENDS:
            assert wrong not in spanish, (name, path, wrong)
    if inv.notice.jurisdictions and any(j.value != "us_ca" for j in inv.notice.jurisdictions):
        assert checked, name  # a GDPR notice names at least one of these roles or rights


def test_ccpa_terms_on_every_california_notice(both):
    name, inv, en, es = both
    english = template_text(en.pages["notice.md"])
    spanish = template_text(es.pages["notice.md"])
    if "California Consumer Privacy Act" not in english:
        return
    assert "California Consumer Privacy Act (CCPA, Ley de Privacidad del Consumidor de California)" in spanish
    if "sensitive personal information" in english.lower():
        assert "información personal confidencial" in spanish.lower()
    if "service provider" in english:
        assert "proveedor de servicios" in spanish
    # the GDPR's "supresión" and the CCPA's "eliminar" stay in their own sections
    if "Delete it" in english:
        assert "Eliminar su información" in spanish


# --------------------------------------------------------------------------------------------
# The same control structure as English (docs/languages.md, rule 2 of the translation brief)
# --------------------------------------------------------------------------------------------

_TAG = re.compile(r"\{%[-+]?\s*(.*?)\s*[-+]?%\}", re.S)


def _tags(path) -> list[str]:
    tags = [" ".join(t.split()) for t in _TAG.findall(path.read_text(encoding="utf-8"))]
    return [t for t in tags if t.split()[0] not in ("set", "endset")]


ENGLISH_TEMPLATES = sorted(p.relative_to(EN) for p in EN.rglob("*.j2") if p.name != "_words.md.j2")


@pytest.mark.parametrize("rel", ENGLISH_TEMPLATES, ids=str)
def test_every_template_keeps_the_english_tags_and_anchors(rel):
    es = ES / rel
    assert es.exists(), rel
    assert _tags(es) == _tags(EN / rel)
    anchors = lambda p: sorted(re.findall(r"\{: #([^ }]+)", p.read_text(encoding="utf-8")))  # noqa: E731
    assert anchors(es) == anchors(EN / rel)


def test_words_define_every_english_macro_with_its_parameters():
    macro = re.compile(r"\{%-?\s*macro\s+(\w+)\(([^)]*)\)")
    english = dict(macro.findall((EN / "_words.md.j2").read_text(encoding="utf-8")))
    spanish = dict(macro.findall((ES / "_words.md.j2").read_text(encoding="utf-8")))
    for name, params in english.items():
        assert name in spanish, name
        assert spanish[name].replace(" ", "") == params.replace(" ", ""), name


# --------------------------------------------------------------------------------------------
# No English word of the templates' own on a Spanish page
# --------------------------------------------------------------------------------------------

ENGLISH_ONLY = set(
    "the and you your we our with from this that what who how when why data notice privacy yes years year days "
    "months month weeks united states germany poland ireland january february march april june july august "
    "october november december of or is are not by email business sensitive sold shared opt out".split()
)
#: names of laws, bodies and instruments with no official Spanish name (they stay English)
NAMES = [
    "California Consumer Privacy Act", "Global Privacy Control", "Do Not Track", "Information Commissioner's Office",
    "International Data Transfer Agreement", "UK Addendum", "UK Extension", "UK GDPR", "Data Protection Act 2018",
    # the link titles Cal. Civ. Code 1798.135(a) fixes in English, after the Spanish ones (D1)
    "Do Not Sell or Share My Personal Information", "Limit the Use of My Sensitive Personal Information",
]


def test_no_english_template_word_on_the_spanish_pages(both):
    name, inv, _, es = both
    for path, page in es.pages.items():
        text = template_text(page)
        for n in NAMES:
            text = text.replace(n, " ")
        english = sorted({w for w in re.findall(r"[A-Za-zÀ-ž]+", text) if w.lower() in ENGLISH_ONLY})
        assert english == [], (name, path, english)


# --------------------------------------------------------------------------------------------
# Review fixes (notes/review-tr/es.md): contractions, the RAE's "EE. UU.", number-neutral labels
# --------------------------------------------------------------------------------------------

#: "de el" / "a el" must contract (del, al); "EE.UU." is spaced; "Vendida/Compartida" cannot agree
#: with a category whose gender the template does not know ("Identificadores", "Inferencias").
BAD_SPANISH = re.compile(r"\b(?:de|a) el\b|EE\.UU\.|\b(?:Vendida|Compartida)\b|Confidencial en California")


def test_review_fixes_hold_on_every_spanish_page(both):
    name, inv, _, es = both
    for path, page in es.pages.items():
        text = template_text(page)
        assert not BAD_SPANISH.search(text), (name, path, BAD_SPANISH.search(text).group())


def test_bad_spanish_pattern_finds_what_it_looks_for():
    for s in ["sobre la base de el hecho", "UE-EE.UU.", "**Vendida a:**", "Confidencial en California:"]:
        assert BAD_SPANISH.search(s), s
    for s in ["sobre la base del hecho", "UE-EE. UU.", "**Vendimos estos datos a:**", "del elemento"]:
        assert not BAD_SPANISH.search(s), s


def test_the_data_privacy_framework_is_spelt_as_the_rae_recommends():
    """big_health_app sends data to the US under the DPF: "UE-EE. UU." on the page, and the
    profile's abbreviations keep "EE." from ending a sentence for the readability counter."""
    import yaml

    from generator.readability.sentences import sentences
    from generator.readability.textprep import Unit

    es = render(load_inventory(FIXTURES / "big_health_app.yml"), lang="es")
    assert "Marco de Privacidad de Datos UE-EE. UU." in es.pages["notice.md"].markdown
    profile = yaml.safe_load((PACKAGE_TEMPLATES / "es" / "_profile.yml").read_text(encoding="utf-8"))
    never = frozenset(profile["readability"]["abbreviations"])
    # "EE." never ends a sentence (alone or in "UE-EE."); "UU." does when a new sentence follows
    for text in ["Cubre a las empresas del Marco de Privacidad de Datos UE-EE. UU. Otra frase.",
                 "Enviamos datos a EE. UU. Otra frase."]:
        assert len(sentences(Unit("paragraph", text), never)) == 2, text
