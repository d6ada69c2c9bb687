"""Languages as data: the profiles (generator/templates/<lang>/_profile.yml), their CLDR tables and
the grammar the filters print with; refusing a language without templates; one-language overrides."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from markupsafe import Markup

from cldr_tables import CLDR_LANGUAGES, country_table, grammar, plurals
from conftest import PACKAGE_TEMPLATES, REFERENCE, variant
from generator.errors import InputError
from generator.notice.grammar import Grammar
from generator.notice.profile import load_profile

SHIPPED_PROFILES = sorted(p.parent.name for p in PACKAGE_TEMPLATES.glob("*/_profile.yml"))


def test_every_shipped_language_has_a_profile():
    assert SHIPPED_PROFILES == ["de", "en", "es", "fr", "it", "nl", "pl"]
    for lang in SHIPPED_PROFILES:
        p = load_profile(lang)
        assert p.lang == lang and p.name and p.address and p.formula
        assert set(p.targets) == {"summary", "full"}


@pytest.mark.parametrize("lang", CLDR_LANGUAGES)
def test_cldr_tables_equal_the_pinned_babel(lang):
    """Country names, list patterns, months and the long date come from CLDR; regenerate with
    ``python tests/cldr_tables.py`` and review when Babel (CLDR) changes."""
    assert (PACKAGE_TEMPLATES / lang / "countries.tsv").read_text(encoding="utf-8") == country_table(lang)
    p, cldr = load_profile(lang), grammar(lang)
    assert p.lists["and"] == cldr["and"] and p.lists["or"] == cldr["or"]
    assert list(p.months) == cldr["months"]
    assert p.long_date == cldr["long_date"]


@pytest.mark.parametrize("lang", ["en", *CLDR_LANGUAGES])
def test_plural_rules_and_units_equal_the_pinned_babel(lang):
    p, cldr = load_profile(lang), plurals(lang)
    assert p.plural == cldr["plural"] and p.units == cldr["units"]


def test_periods_per_language():
    def period(lang, text):
        return Grammar(load_profile(lang)).period(text)

    assert [period("en", t) for t in ("1 year", "2 years", "30 days")] == ["1 year", "2 years", "30 days"]
    assert [period("de", t) for t in ("1 year", "8 years", "1 month")] == ["1 Jahr", "8 Jahre", "1 Monat"]
    # Polish: one, few (2-4, not 12-14), many
    assert [period("pl", f"{n} years") for n in (1, 2, 5, 12, 22, 25)] == ["1 rok", "2 lata", "5 lat", "12 lat", "22 lata", "25 lat"]
    assert [period("pl", f"{n} months") for n in (1, 3, 14)] == ["1 miesiąc", "3 miesiące", "14 miesięcy"]
    assert period("fr", "1 year") == "1\u00a0an" and period("es", "6 months") == "6 meses" and period("nl", "2 years") == "2 jaar"


def test_the_address_form_is_part_of_each_profile():
    forms = {lang: load_profile(lang).address for lang in SHIPPED_PROFILES}
    assert forms == {"en": "you", "de": "Sie", "fr": "vous", "es": "usted", "it": "tu", "nl": "je", "pl": "Ty"}


# --------------------------------------------------------------------------------------------
# Grammar
# --------------------------------------------------------------------------------------------


def _join(lang, items, kind="and"):
    return str(Grammar(load_profile(lang)).join([Markup(i) for i in items], kind))


def test_list_joining_per_language():
    assert _join("en", ["a", "b", "c"]) == "a, b and c"  # as the English templates always wrote it
    assert _join("en", ["a", "b"], "or") == "a or b"
    assert _join("de", ["Irland", "Deutschland", "Vereinigte Staaten"]) == "Irland, Deutschland und Vereinigte Staaten"
    assert _join("fr", ["a", "b", "c", "d"]) == "a, b, c et d"
    assert _join("pl", ["Irlandia", "Niemcy"], "or") == "Irlandia lub Niemcy"
    assert _join("nl", ["x"]) == "x" and _join("nl", []) == ""


def test_spanish_conjunctions_change_before_i_and_o():
    assert _join("es", ["Francia", "Italia"]) == "Francia e Italia"
    assert _join("es", ["agua", "hierro"]) == "agua y hierro"  # hie- is /je/, not /i/
    assert _join("es", ["Suecia", "Hungría", "Irlanda"]) == "Suecia, Hungría e Irlanda"
    assert _join("es", ["siete", "ocho"], "or") == "siete u ocho"
    assert _join("es", ["Irlanda", "Francia"]) == "Irlanda y Francia"


def test_country_names_per_language():
    assert Grammar(load_profile("en")).country("US") == "United States"
    assert Grammar(load_profile("de")).country("US") == "Vereinigte Staaten"
    assert Grammar(load_profile("pl")).country("GB") == "Wielka Brytania"
    assert Grammar(load_profile("fr")).country("XX") == "XX"  # unknown code: the code, never English


def test_long_dates_per_language():
    d, first = dt.date(2026, 3, 5), dt.date(2026, 10, 1)
    out = {lang: Grammar(load_profile(lang)).long_date(d) for lang in SHIPPED_PROFILES}
    assert out == {
        "en": "5 March 2026", "de": "5. März 2026", "fr": "5 mars 2026", "es": "5 de marzo de 2026",
        "it": "5 marzo 2026", "nl": "5 maart 2026", "pl": "5 marca 2026",
    }
    assert Grammar(load_profile("fr")).long_date(first) == "1er octobre 2026"
    assert Grammar(load_profile("de")).long_date(first) == "1. Oktober 2026"


def test_article_citations_per_language():
    g = {lang: Grammar(load_profile(lang)) for lang in SHIPPED_PROFILES}
    assert g["en"].citation("Art. 6(1)(a)") == "Art. 6(1)(a)"
    assert g["de"].citation("Art. 6(1)(f)") == "Art. 6 Abs. 1 lit. f"
    assert g["de"].citation("Art. 45") == "Art. 45"
    assert g["fr"].citation("Art. 9(2)(a)") == "article 9, paragraphe 2, point a)"
    assert g["pl"].citation("Art. 46(2)") == "art. 46 ust. 2"
    assert g["es"].citation("Art. 6(1)(b)") == "artículo 6, apartado 1, letra b)"
    assert g["nl"].citation("Art. 49(1)(a)") == "artikel 49, lid 1, punt a)"


# --------------------------------------------------------------------------------------------
# Profile mistakes
# --------------------------------------------------------------------------------------------


def _profile_error(tmp_path, lang: str, edit) -> str:
    folder = tmp_path / "templates" / lang
    folder.mkdir(parents=True)
    text = (PACKAGE_TEMPLATES / "de" / "_profile.yml").read_text(encoding="utf-8")
    shutil.copy(PACKAGE_TEMPLATES / "de" / "countries.tsv", folder / "countries.tsv")
    (folder / "_profile.yml").write_text(edit(text), encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_profile(lang, tmp_path / "templates")
    return str(err.value)


@pytest.mark.parametrize(
    "lang, edit, expected",
    [
        ("de", lambda t: t.replace("  formula: wiener_sachtextformel", "  formula: flesch_kincaid"), r"_profile.yml:\d+:\d+: error: unknown readability formula 'flesch_kincaid'"),
        ("de", lambda t: t.replace("  also: [amstad]", "  also: [amstad]\n  colour: blue"), r"_profile.yml:\d+:\d+: error: unknown key 'colour' in 'readability'"),
        ("sv", lambda t: t, r"error: this profile is for 'de', but its folder is for 'sv'"),
        ("de", lambda t: t.replace("November, Dezember]", "November]"), r"grammar.months has 11 names, not 12"),
        ("de", lambda t: t.replace('{two: "{0} und {1}", ', "{"), r"grammar.and needs 'two'"),
        ("de", lambda t: t.replace("countries: countries.tsv", "countries: laender.tsv"), r"the country table 'laender.tsv' is not in"),
        ("de", lambda t: t.replace("    method: vowels", "    method: guess"), r"unknown syllable method 'guess'"),
    ],
)
def test_profile_mistakes_name_the_place(tmp_path, lang, edit, expected):
    import re

    assert re.search(expected, _profile_error(tmp_path, lang, edit))


# --------------------------------------------------------------------------------------------
# A language without templates is refused before any work
# --------------------------------------------------------------------------------------------


def _with_languages(tmp_path, langs: str) -> Path:
    """The reference (plain-string texts) with ``notice.languages: [langs]``."""
    path = tmp_path / "data_inventory.yml"
    path.write_text(variant(("  languages: [en]\n", f"  languages: [{langs}]\n")), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["validate", "render", "check", "build"])
def test_a_language_without_templates_is_refused_naming_it_and_what_ships(tmp_path, capsys, command):
    from generator.cli import main

    from generator.notice.templates import available_languages

    inv = _with_languages(tmp_path, "en, sv")  # Swedish: neither templates nor a profile ship
    args = [command, str(inv)] + (["--out", str(tmp_path / "out")] if command == "render" else [])
    if command == "build":
        shutil.copy(Path(__file__).resolve().parents[1] / "mkdocs.yml", tmp_path / "mkdocs.yml")
        (tmp_path / "site_overrides").mkdir()  # its custom_dir: MkDocs now checks mkdocs.yml first, before the inventory work
        args += ["-f", str(tmp_path / "mkdocs.yml")]
    assert main(args) == 2
    err = capsys.readouterr().err
    shipped = ", ".join(sorted(available_languages()))
    assert f"notice.languages lists 'sv', but there are no templates for it; templates ship for: {shipped}\n" in err
    assert "fix: add templates/sv/ with translated templates and a _profile.yml" in err
    assert "data_inventory.yml:" in err
    assert not (tmp_path / "out").exists() and not (tmp_path / "site").exists() and not (tmp_path / "pages").exists()


@pytest.mark.parametrize("lang", ["de", "pl"])
def test_a_two_letter_point_is_cited_in_the_languages_style(lang):
    """UK GDPR Art. 6(1)(ea) (DPA 2025): its point has two letters."""
    from generator.notice.grammar import Grammar
    from generator.notice.profile import load_profile

    want = {"de": "Art. 6 Abs. 1 lit. ea", "pl": "art. 6 ust. 1 lit. ea)"}[lang]
    assert Grammar(load_profile(lang)).citation("Art. 6(1)(ea)") == want
