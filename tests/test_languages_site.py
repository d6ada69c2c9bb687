"""Several languages end to end: page sets, parity, per-language readability and grammar, the site
(layout, <html lang>, hreflang, the language switcher, per-language nav), both fronts alike.

The German/English and Polish/English fixtures are rendered with the shipped German and Polish
templates (generator/templates/de, pl), as a company would get them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ALL_FIXTURES, MULTILINGUAL, PACKAGE_TEMPLATES, REPO
from generator.cli import main
from generator.inventory.parse import load_inventory
from generator.notice.render import render, render_all
from generator.notice.templates import available_languages
from parity import anchors, parity_problems, template_text

PY = sys.executable
SHIPPED = available_languages()  # languages whose templates ship in the package


@pytest.fixture(scope="module", params=sorted(MULTILINGUAL))
def multi(request):
    inv = load_inventory(MULTILINGUAL[request.param])
    return request.param, inv, render_all(inv)


# --------------------------------------------------------------------------------------------
# Parity: the same sections and checklist items in every language
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", [*ALL_FIXTURES.values(), *MULTILINGUAL.values()], ids=lambda p: p.stem)
def test_every_shipped_language_renders_every_fixture_with_the_same_sections_and_checklist(fixture):
    """Runs over every language that ships templates (en, de, es, fr, it, nl, pl)."""
    inv = load_inventory(fixture)
    results = {lang: render(inv, lang=lang) for lang in SHIPPED}
    assert parity_problems(inv, results) == []
    assert all(anchors(r)["notice.md"] for r in results.values())


def test_the_german_and_polish_notices_carry_the_first_languages_sections_and_checklist(multi):
    lang, inv, rendered = multi
    assert rendered.languages == [lang, "en"]
    assert parity_problems(inv, rendered) == []


def test_parity_names_a_missing_section_and_checklist_item(tmp_path):
    (tmp_path / "t" / "de" / "notice").mkdir(parents=True)
    notice = tmp_path / "t" / "de" / "notice" / "rights.md.j2"  # a user's copy of the German one
    text = (PACKAGE_TEMPLATES / "de" / "notice" / "rights.md.j2").read_text(encoding="utf-8")
    assert "### Widerspruch {: #right-to-object }\n" in text
    notice.write_text(text.replace("### Widerspruch {: #right-to-object }\n", "### Widerspruch\n"), encoding="utf-8")
    inv = load_inventory(MULTILINGUAL["de"])
    problems = parity_problems(inv, {"en": render(inv, tmp_path / "t", "en"), "de": render(inv, tmp_path / "t", "de")})
    assert "de: notice.md lacks #right-to-object" in problems
    assert any(p.startswith("de: does not tell checklist item") for p in problems)


# --------------------------------------------------------------------------------------------
# Grammar: no English word on a German or Polish page
# --------------------------------------------------------------------------------------------

ENGLISH_ONLY = set(
    "the and you your we our with from this that what who how when why data notice privacy yes years year days "
    "months month weeks united states germany poland ireland january february march april june july august "
    "october november december of or is are not by email".split()
)


def _template_words(page) -> list[str]:
    text = NAMES.sub(" ", template_text(page))  # names that have no translation (decision D4)
    return re.findall(r"[A-Za-zÀ-ž]+", text)


#: proper names kept in English on every page: a framework's, a signal's, a statute's
NAMES = re.compile(r"(?:EU-US |UK Extension to the EU-US )?Data Privacy Framework|Global Privacy Control|Do Not Track|"
                   r"California (?:Consumer Privacy|Privacy Rights) Act|Information Commissioner's Office|"
                   r"Do Not Sell or Share My Personal Information|Limit the Use of My Sensitive Personal Information")

#: English words that are also words of the language ("Data ostatniej zmiany": the date of the last change)
ALSO_THEIRS = {"pl": {"data"}}


def test_no_english_word_on_the_other_languages_pages(multi):
    lang, inv, rendered = multi
    words = ENGLISH_ONLY - ALSO_THEIRS.get(lang, set())
    for path, page in rendered.results[lang].pages.items():
        english = sorted({w for w in _template_words(page) if w.lower() in words})
        assert english == [], (lang, path)


def test_inserted_facts_speak_the_pages_language(multi):
    lang, inv, rendered = multi
    notice = rendered.results[lang].pages["notice.md"].markdown
    english = rendered.results["en"].pages["notice.md"].markdown
    assert "United States" in english
    assert {"de": "Vereinigte Staaten", "pl": "Stany Zjednoczone"}[lang] in notice
    assert {"de": "1\\. Oktober 2026", "pl": "1 września 2026"}[lang] in notice  # the long date, months from CLDR
    assert {"de": "8 Jahre", "pl": "5 lat"}[lang] in notice  # |period with the language's plural rules
    assert {"de": "Art. 6 Abs. 1 lit. a DSGVO", "pl": "art. 6 ust. 1 lit. a) RODO"}[lang] in notice  # |article


# --------------------------------------------------------------------------------------------
# Readability per language
# --------------------------------------------------------------------------------------------


def test_each_language_is_scored_by_its_own_formula(multi):
    from generator.readability.gate import check

    lang, inv, rendered = multi
    report = check(rendered, inv)
    formulas = {k: v.formula for k, v in report.languages.items()}
    assert formulas == {lang: {"de": "wiener_sachtextformel", "pl": "fog_pl"}[lang], "en": "flesch_kincaid_grade"}
    first = report.languages[lang].layers["summary"]
    assert first.target.metric == formulas[lang] and first.target.value == 8
    assert "flesch_kincaid_grade" not in first.scores.metrics  # never scored as English
    assert report.layers is report.languages[lang].layers  # the first language's layers
    for f in report.findings:
        assert f.message.startswith(f"[{f.detail.language}] ")


def test_check_reports_each_language_and_names_the_language_of_findings(tmp_path, capsys):
    code = main(["check", str(MULTILINGUAL["de"]), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == (0 if data["ok"] else 1)
    assert list(data["languages"]) == ["de", "en"]
    assert data["languages"]["de"]["formula"] == "wiener_sachtextformel"
    assert data["languages"]["de"]["layers"]["summary"]["metric"] == "wiener_sachtextformel"
    assert data["languages"]["en"]["layers"]["full"]["pages"] == ["notice.md"]
    assert {f["language"] for f in data["findings"]} <= {"de", "en"}
    main(["check", str(MULTILINGUAL["de"])])
    text = capsys.readouterr().out
    assert re.search(r"^de summary \(index\.md\): Wiener Sachtextformel [\d.]+, target Wiener Sachtextformel 8 or lower", text, re.M)
    assert re.search(r"^en full \(en/notice\.md\): Flesch-Kincaid grade", text, re.M)


def test_findings_point_at_the_template_and_inventory_line_of_their_language(tmp_path):
    from generator.readability.gate import check

    stubs = tmp_path / "t"
    (stubs / "de" / "notice").mkdir(parents=True)
    notice = stubs / "de" / "notice" / "who.md.j2"  # a user's copy of the German one
    shutil.copy(PACKAGE_TEMPLATES / "de" / "notice" / "who.md.j2", notice)
    long = ("Wir verarbeiten Ihre personenbezogenen Daten ausschließlich im Rahmen der gesetzlichen Bestimmungen "
            "und der datenschutzrechtlichen Verpflichtungen unter Berücksichtigung sämtlicher einschlägigen "
            "Vorschriften des Datenschutzrechts und unserer Geschäftsbedingungen.")
    notice.write_text(notice.read_text(encoding="utf-8").replace("## Wer wir sind {: #who-we-are }\n", "## Wer wir sind {: #who-we-are }\n\n" + long + "\n"), encoding="utf-8")
    inv = load_inventory(MULTILINGUAL["de"])
    report = check(render_all(inv, stubs), inv)
    hit = next(f for f in report.findings if f.rule in ("RD002", "RD003", "RD004") and "ausschließlich" in f.message)
    assert hit.loc.file.endswith("de/notice/who.md.j2") and hit.message.startswith("[de] ")
    line = notice.read_text(encoding="utf-8").splitlines()[hit.loc.line - 1]
    assert line.startswith("Wir verarbeiten Ihre personenbezogenen")
    # a sentence from the inventory is reported at the line of its German text
    from_inv = [f for f in report.findings if f.detail.language == "de" and f.loc.file.endswith("de_en_app.yml")]
    lines = MULTILINGUAL["de"].read_text(encoding="utf-8").splitlines()
    assert from_inv and all(lines[f.loc.line - 1].lstrip().startswith("de:") or lines[f.loc.line - 2].lstrip().startswith("de:") for f in from_inv)


def test_a_language_without_a_formula_is_not_scored_never_as_english(tmp_path, capsys):
    user = tmp_path / "templates"
    shutil.copytree(PACKAGE_TEMPLATES / "de", user / "sv")
    profile = (PACKAGE_TEMPLATES / "de" / "_profile.yml").read_text(encoding="utf-8")
    profile = profile.replace("language: de", "language: sv").replace("formula: wiener_sachtextformel", "formula: none")
    shutil.copy(PACKAGE_TEMPLATES / "de" / "countries.tsv", user / "sv" / "countries.tsv")
    (user / "sv" / "_profile.yml").write_text(profile, encoding="utf-8")
    inv_text = MULTILINGUAL["de"].read_text(encoding="utf-8").replace("  languages: [de, en]", "  languages: [sv, en]")
    inv_text = re.sub(r"(?m)^([\s-]+)de:", r"\1sv:", inv_text)
    inv = tmp_path / "data_inventory.yml"
    inv.write_text(inv_text, encoding="utf-8")
    main(["check", str(inv), "--templates", str(user), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    sv = data["languages"]["sv"]
    assert sv["scored"] is False and sv["formula"] is None
    assert sv["layers"]["summary"]["score"] is None and sv["layers"]["summary"]["scores"]["words"] > 0
    assert not any(f["rule"] == "RD001" and f["language"] == "sv" for f in data["findings"])
    main(["check", str(inv), "--templates", str(user)])
    assert "sv summary (index.md): not scored: no validated readability formula for 'sv'" in capsys.readouterr().out


# --------------------------------------------------------------------------------------------
# Nothing dropped silently: one-language overrides are reported
# --------------------------------------------------------------------------------------------


def test_a_template_replaced_in_one_language_only_is_a_warning(tmp_path, capsys):
    user = tmp_path / "templates"
    (user / "de").mkdir(parents=True)
    shutil.copy(PACKAGE_TEMPLATES / "de" / "cookies.md.j2", user / "de" / "cookies.md.j2")
    assert main(["validate", str(MULTILINGUAL["de"]), "--templates", str(user)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"templates/de/cookies\.md\.j2: warning: your template cookies\.md\.j2 replaces the package's for de only; en still uses the package's", out)
    # the same file for every language is no warning
    shutil.copy(PACKAGE_TEMPLATES / "de" / "cookies.md.j2", user / "cookies.md.j2")
    (user / "de" / "cookies.md.j2").unlink()
    assert main(["validate", str(MULTILINGUAL["de"]), "--templates", str(user)]) == 0
    assert "replaces the package's" not in capsys.readouterr().out


# --------------------------------------------------------------------------------------------
# render --out and the site
# --------------------------------------------------------------------------------------------


def test_render_out_puts_the_first_language_at_the_root(tmp_path, capsys):
    out = tmp_path / "pages"
    assert main(["render", str(MULTILINGUAL["pl"]), "--out", str(out)]) == 0
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    assert files == ["changes.md", "cookies.md", "en/changes.md", "en/cookies.md", "en/index.md", "en/notice.md", "index.md", "notice.md"]
    assert "Twoje prawa" in (out / "notice.md").read_text(encoding="utf-8")
    assert "Your rights" in (out / "en" / "notice.md").read_text(encoding="utf-8")


def _project(tmp: Path, fixture: Path) -> Path:
    """A project with the shipped templates and a templates/ folder next to the inventory (both
    fronts find it there). The site is under test here, not the wording: the targets are relaxed
    (English in the inventory, the first language in a profile of the project's own, which
    replaces the package's)."""
    tmp.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(REPO / "site_overrides", tmp / "site_overrides", dirs_exist_ok=True)
    text = fixture.read_text(encoding="utf-8")
    relaxed = "  readability:\n    summary: {metric: flesch_kincaid_grade, max: 30}\n    full: {metric: flesch_kincaid_grade, max: 30}\n"
    text = re.sub(r"(?m)^(  languages: \[(\w+), en\]\n)", lambda m: m.group(1) + relaxed, text)
    (tmp / "data_inventory.yml").write_text(text, encoding="utf-8")
    lang = re.search(r"(?m)^  languages: \[(\w+),", text).group(1)
    profile = (PACKAGE_TEMPLATES / lang / "_profile.yml").read_text(encoding="utf-8")
    (tmp / "templates" / lang).mkdir(parents=True, exist_ok=True)
    (tmp / "templates" / lang / "_profile.yml").write_text(re.sub(r"targets: \{summary: \d+, full: \d+\}", "targets: {summary: 30, full: 30}", profile), encoding="utf-8")
    shutil.copy(PACKAGE_TEMPLATES / lang / "countries.tsv", tmp / "templates" / lang / "countries.tsv")
    return tmp


@pytest.fixture(scope="module")
def de_site(tmp_path_factory):
    proj = _project(tmp_path_factory.mktemp("de_site"), MULTILINGUAL["de"])
    assert main(["build", "-i", str(proj / "data_inventory.yml"), "-f", str(proj / "mkdocs.yml")]) == 0
    return proj / "site"


def test_site_layout_first_language_at_the_root_others_below(de_site):
    pages = sorted(p.relative_to(de_site).as_posix() for p in de_site.rglob("*.html"))
    assert pages == ["404.html", "changes.html", "cookies.html", "en/changes.html", "en/cookies.html", "en/index.html", "en/notice.html", "index.html", "notice.html"]
    # the exports are language-neutral: once, at the root
    assert (de_site / "inventory.json").is_file() and (de_site / ".well-known" / "gpc.json").is_file()
    assert not (de_site / "en" / "inventory.json").exists() and not (de_site / "en" / ".well-known").exists()


@pytest.mark.parametrize("page", ["index.html", "notice.html", "cookies.html", "changes.html"])
def test_every_page_has_its_language_hreflang_alternates_and_a_switcher_to_the_same_page(de_site, page):
    for lang, path, other in (("de", page, "en/" + page), ("en", "en/" + page, page)):
        html = (de_site / path).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        hreflang = {lg: href for href, lg in re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html)}
        here = Path(path).parent
        resolve = lambda href: os.path.normpath((here / href).as_posix())  # noqa: E731
        assert resolve(hreflang["de"]) == page and resolve(hreflang["en"]) == "en/" + page
        assert resolve(hreflang["x-default"]) == page
        switch = dict((lg, href) for href, lg in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+" class="md-select__link">', html))
        assert set(switch) == {"de", "en"} and resolve(switch["en"]) == "en/" + page and resolve(switch["de"]) == page


def test_each_language_has_its_own_ui_words_title_badge_and_nav(de_site):
    de, en = (de_site / "index.html").read_text(encoding="utf-8"), (de_site / "en" / "index.html").read_text(encoding="utf-8")
    assert "Zum Inhalt" in de and "Skip to content" not in de  # Material's UI words in German
    assert "Skip to content" in en
    assert "<title>Datenschutzhinweise von Sprachpfad</title>" in de and "<title>Sprachpfad privacy notice</title>" in en
    assert re.search(r'<p class="pn-badge"><span class="pn-badge__item">\d+ Minuten? Lesezeit</span><span class="pn-badge__item">Lesbarkeit: Schulstufe \d+</span></p>', de)
    assert re.search(r"\d+ minutes? to read.*Reading level: grade \d+", en)
    # the nav lists the page's own language only
    nav = lambda html: {h for h in re.findall(r'<a href="([^"#]+)" class="md-nav__link', html)}  # noqa: E731
    assert nav(de) == {"index.html", "notice.html", "cookies.html", "changes.html"}
    assert nav(en) == {"index.html", "notice.html", "cookies.html", "changes.html"}  # en/ pages, relative
    # previous and next stay inside the language
    assert '<link rel="prev"' not in en and '<link rel="next" href="notice.html">' in en
    last = (de_site / "changes.html").read_text(encoding="utf-8")
    assert '<link rel="next"' not in last


def test_mkdocs_plugin_builds_the_same_multilingual_site_as_the_cli(tmp_path, de_site):
    plug = _project(tmp_path / "plugin", MULTILINGUAL["de"])
    (plug / "pages").mkdir()
    r = subprocess.run([PY, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml"], cwd=plug, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    def contents(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    a, b = contents(de_site), contents(plug / "site")
    # the marker and list plainnotice build writes into its site folder (mkdocs build keeps its own)
    assert a.pop(".plainnotice-site") and a.pop(".plainnotice-site.json")
    assert sorted(a) == sorted(b)
    assert [k for k in a if a[k] != b[k]] == []


def test_a_polish_english_site_builds(tmp_path):
    proj = _project(tmp_path, MULTILINGUAL["pl"])
    assert main(["build", "-i", str(proj / "data_inventory.yml"), "-f", str(proj / "mkdocs.yml")]) == 0
    html = (proj / "site" / "notice.html").read_text(encoding="utf-8")
    assert '<html lang="pl"' in html and "Stany Zjednoczone" in html
    assert re.search(r"Trudność tekstu \(FOG-PL\): \d+", (proj / "site" / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang, minutes", [("de", 1.3), ("pl", 1.7), ("de", 1.0)])
def test_every_language_takes_the_first_languages_summary_layout(lang, minutes):
    """German words are fewer than English ones for the same facts: left to itself, at this length
    the German summary keeps the table and names everyone who works for us while the English one
    lists and counts them. The first language chooses, and every other language says the same."""
    from conftest import variant
    from generator.inventory.load import load_text
    from generator.inventory.parse import parse

    def length(d):
        d["notice"]["readability"] = {"summary": {"metric": "flesch_kincaid_grade", "max": 8, "max_minutes": minutes}}

    inv = parse(load_text(variant(length, base=MULTILINGUAL[lang]), "x.yml"))
    alone = {lg: render(inv, lang=lg).summary_layout for lg in (lang, "en")}
    assert alone[lang] != alone["en"]  # what would differ if each language chose for itself
    rendered = render_all(inv)
    assert rendered.results["en"].summary_layout == rendered.results[lang].summary_layout == alone[lang]
    assert parity_problems(inv, rendered) == []
