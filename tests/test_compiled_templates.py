"""Shipped compiled templates (generator/data/compiled/): current, used on a first run, and never a
different page. A first run (an empty cache folder, as on a fresh CI machine) takes each package
template's code from the file Jinja generated ahead of time; anything that does not match exactly
is compiled as before."""

from __future__ import annotations

import shutil

import jinja2
import pytest

from conftest import ALL_FIXTURES, MULTILINGUAL
from generator.inventory.parse import load_inventory
from generator.notice import precompile, sandbox
from generator.notice.languages import PACKAGE_TEMPLATES, available_languages
from generator.notice.render import render

LANGS = available_languages(None)


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("PLAINNOTICE_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def generated(monkeypatch):
    """The names of the templates Jinja generates code for (parses and compiles from source)."""
    names: list[str] = []
    orig = jinja2.Environment._generate

    def spy(self, source, name, filename=None, defer_init=False):
        names.append(name)
        return orig(self, source, name, filename, defer_init)

    monkeypatch.setattr(jinja2.Environment, "_generate", spy)
    return names


def pages(result):
    return {path: (p.markdown, p.spans, p.points) for path, p in result.pages.items()}


def test_shipped_compiled_templates_are_current():
    diff = precompile.differences(precompile.expected())
    assert not diff, "run `python -m generator.notice.precompile`:\n" + "\n".join(diff)
    assert len(precompile.expected()) == sum(1 for lang in LANGS for _ in (PACKAGE_TEMPLATES / lang).rglob("*.j2"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_first_run_generates_no_code_for_package_templates(lang, fresh_cache, generated):
    inv = load_inventory(MULTILINGUAL["de"] if lang != "en" else ALL_FIXTURES["reference"])
    result = render(inv, None, lang)
    assert result.pages and generated == []
    # and what it loaded is kept: the next run reads the cache folder, not the shipped files
    kept = list(fresh_cache.rglob("pn-*.cache"))
    assert len(kept) == len(result.templates)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fixture", ["reference", "us_ca_stores", "eu_uk_hr_platform"])
def test_pages_from_shipped_code_equal_pages_compiled_now(fixture, lang, tmp_path, monkeypatch, generated):
    inv = load_inventory(ALL_FIXTURES[fixture])
    monkeypatch.setenv("PLAINNOTICE_CACHE_DIR", str(tmp_path / "shipped"))
    shipped = pages(render(inv, None, lang))
    assert generated == []
    monkeypatch.setattr(sandbox, "COMPILED", tmp_path / "none")  # no shipped files: Jinja compiles every template
    monkeypatch.setenv("PLAINNOTICE_CACHE_DIR", str(tmp_path / "compiled"))
    compiled = pages(render(inv, None, lang))
    assert generated  # it really compiled them
    assert shipped == compiled


def test_a_compiled_template_that_does_not_match_is_compiled_again(tmp_path, monkeypatch, fresh_cache, generated):
    copy = tmp_path / "compiled"
    shutil.copytree(sandbox.COMPILED, copy)
    monkeypatch.setattr(sandbox, "COMPILED", copy)
    en = copy / "en"
    other_jinja = en / "notice" / "contact.md.j2.pysrc"
    head, _, body = other_jinja.read_text().partition("\n")
    other_jinja.write_text(head.replace(f"jinja2={jinja2.__version__}", "jinja2=0.0.1") + "\n" + body)
    other_source = en / "notice" / "rights.md.j2.pysrc"
    head, _, body = other_source.read_text().partition("\n")
    other_source.write_text(head.replace("source=", "source=0", 1) + "\n" + body)  # made from another source
    cut_short = en / "notice" / "sharing.md.j2.pysrc"
    text = cut_short.read_text()
    cut_short.write_text(text[: text.index("\n", len(text) // 2) + 1])  # cut after a whole line: still valid Python
    (en / "notice" / "who.md.j2.pysrc").unlink()
    (en / "changes.md.j2.pysrc").write_bytes(b"\xff\xfe not text")
    garbled = en / "notice" / "ai.md.j2.pysrc"
    head, _, body = garbled.read_text().partition("\n")
    garbled.write_text(head + "\n" + body.replace("def root", "def root(:", 1))  # the code hash is checked before Python sees it
    inv = load_inventory(ALL_FIXTURES["reference"])
    result = render(inv, None, "en")
    assert sorted(generated) == sorted(["changes.md.j2", "notice/ai.md.j2", "notice/contact.md.j2", "notice/rights.md.j2", "notice/sharing.md.j2", "notice/who.md.j2"])
    monkeypatch.setattr(sandbox, "COMPILED", tmp_path / "none")
    monkeypatch.setenv("PLAINNOTICE_CACHE_DIR", str(tmp_path / "again"))
    assert pages(result) == pages(render(inv, None, "en"))


def test_a_users_template_is_never_taken_from_shipped_code(tmp_path, fresh_cache, generated):
    user = tmp_path / "templates"
    (user / "notice").mkdir(parents=True)
    # the same text as the package's template, in the user's folder: still the user's, compiled from it
    shutil.copy(PACKAGE_TEMPLATES / "en" / "notice" / "contact.md.j2", user / "notice" / "contact.md.j2")
    render(load_inventory(ALL_FIXTURES["reference"]), user, "en")
    assert generated == ["notice/contact.md.j2"]


def test_without_a_cache_folder_the_shipped_code_is_still_used(tmp_path, monkeypatch, generated):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PLAINNOTICE_CACHE_DIR", str(blocker / "cache"))
    result = render(load_inventory(ALL_FIXTURES["reference"]), None, "en")
    assert result.pages and generated == []
