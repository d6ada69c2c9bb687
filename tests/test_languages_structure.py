"""Every shipped translation keeps the English templates' conditions, one for one.

A translated sentence must say what the English one says, under the same condition (issue 11:
every sentence is either what the law gives everyone or conditioned on an inventory field). The
conditions live in the control tags: so every translated template (but ``_words.md.j2``) has the
same ``{% if %}``/``{% elif %}``/``{% else %}``/``{% for %}``/``{% include %}``/``{% import %}``/
``{% macro %}`` tags as the English one, with the same expressions, in the same order; only
``{% set %}`` may differ (a translation may need its own helper variables). Grammar a language
needs (gender, case, agreement) goes into macros of its ``_words.md.j2``, which must define every
macro the English one defines, with the same parameters.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import PACKAGE_TEMPLATES
from generator.notice.templates import available_languages

ENGLISH = PACKAGE_TEMPLATES / "en"
TRANSLATIONS = sorted(lang for lang in available_languages() if lang != "en")
WORDS = "_words.md.j2"

_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_TAG = re.compile(r"\{%[-+]?\s*(.*?)\s*[-+]?%\}", re.S)
_MACRO = re.compile(r"\{%[-+]?\s*macro\s+(\w+)\s*\(([^)]*)\)", re.S)
_FREE = {"set", "endset"}  # tags a translation may add, drop or change


def control_tags(text: str) -> list[str]:
    """The template's control tags in order, whitespace normalised, ``set`` tags left out."""
    tags = []
    for body in _TAG.findall(_COMMENT.sub("", text)):
        body = " ".join(body.split())
        if body.split(" ", 1)[0] not in _FREE:
            tags.append(body)
    return tags


def macros(text: str) -> dict[str, str]:
    """macro name -> its parameters, whitespace normalised."""
    return {m: " ".join(p.split()) for m, p in _MACRO.findall(_COMMENT.sub("", text))}


def english_templates() -> list[str]:
    return sorted(str(p.relative_to(ENGLISH)) for p in ENGLISH.rglob("*.j2"))


def structure_problems(lang_dir: Path, english_dir: Path = ENGLISH) -> list[str]:
    """What differs between a translation's control structure and English's (empty when none)."""
    problems = []
    for rel in sorted(str(p.relative_to(english_dir)) for p in english_dir.rglob("*.j2")):
        theirs = lang_dir / rel
        if not theirs.is_file():
            problems.append(f"{rel}: missing")
            continue
        en_text, text = (english_dir / rel).read_text(encoding="utf-8"), theirs.read_text(encoding="utf-8")
        if rel == WORDS:
            en_macros, their_macros = macros(en_text), macros(text)
            for name, params in en_macros.items():
                if name not in their_macros:
                    problems.append(f"{rel}: lacks macro {name}({params})")
                elif their_macros[name] != params:
                    problems.append(f"{rel}: macro {name}({their_macros[name]}) has other parameters than ({params})")
            continue
        en_tags, tags = control_tags(en_text), control_tags(text)
        if en_tags != tags:
            at = next((i for i, (a, b) in enumerate(zip(en_tags, tags)) if a != b), min(len(en_tags), len(tags)))
            want = en_tags[at] if at < len(en_tags) else "(end)"
            got = tags[at] if at < len(tags) else "(end)"
            problems.append(f"{rel}: control tag {at + 1} is {{% {got} %}} where English has {{% {want} %}}")
    extra = sorted(str(p.relative_to(lang_dir)) for p in lang_dir.rglob("*.j2") if not (english_dir / p.relative_to(lang_dir)).is_file())
    problems += [f"{rel}: not in English (it would never be read)" for rel in extra]
    return problems


@pytest.mark.parametrize("lang", TRANSLATIONS or [pytest.param("none", marks=pytest.mark.skip(reason="no translation ships yet"))])
def test_a_translation_keeps_every_english_condition_one_for_one(lang):
    assert structure_problems(PACKAGE_TEMPLATES / lang) == []


# The comparison itself, on a copy of English changed the ways a translation could go wrong.


@pytest.fixture
def copy_of_english(tmp_path):
    shutil.copytree(ENGLISH, tmp_path / "xx")
    return tmp_path / "xx"


def test_an_exact_copy_of_english_has_no_problem(copy_of_english):
    assert structure_problems(copy_of_english) == []


def test_translated_words_and_set_tags_are_free(copy_of_english):
    page = copy_of_english / "notice" / "security.md.j2"
    text = page.read_text(encoding="utf-8")
    words = re.sub(r"\bwe\b", "wir", text)
    assert words != text
    page.write_text("{% set extra = 1 %}" + words, encoding="utf-8")
    assert structure_problems(copy_of_english) == []


def test_a_dropped_condition_is_named_with_its_place(copy_of_english):
    page = copy_of_english / "notice" / "rights.md.j2"
    text = page.read_text(encoding="utf-8")
    first = text.index("{% if uk %}**In the EU:** {% endif %}")
    page.write_text(text[:first] + "**In the EU:** " + text[first + len("{% if uk %}**In the EU:** {% endif %}") :], encoding="utf-8")
    problems = structure_problems(copy_of_english)
    assert len(problems) == 1 and problems[0].startswith("notice/rights.md.j2: control tag ")
    assert "where English has {% if uk %}" in problems[0]


def test_a_changed_condition_is_named(copy_of_english):
    page = copy_of_english / "notice" / "rights.md.j2"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("{% if objectable_purposes %}", "{% if purposes %}", 1), encoding="utf-8")
    assert any("{% if purposes %} where English has {% if objectable_purposes %}" in p for p in structure_problems(copy_of_english))


def test_a_missing_file_a_missing_macro_and_an_extra_file_are_named(copy_of_english):
    (copy_of_english / "notice" / "ai.md.j2").unlink()
    words = copy_of_english / WORDS
    words.write_text(re.sub(r"\{% macro basis\(b\) %\}", "{% macro basis_label(b) %}", words.read_text(encoding="utf-8")), encoding="utf-8")
    (copy_of_english / "notice" / "extra.md.j2").write_text("x", encoding="utf-8")
    problems = structure_problems(copy_of_english)
    assert "notice/ai.md.j2: missing" in problems
    assert "_words.md.j2: lacks macro basis(b)" in problems
    assert "notice/extra.md.j2: not in English (it would never be read)" in problems


def test_every_english_template_is_compared():
    """The comparison reads every English template; English has the ones the pages need."""
    names = english_templates()
    assert {"index.md.j2", "notice.md.j2", "cookies.md.j2", "changes.md.j2", "collection.md.j2", WORDS} <= set(names)
    assert sum(len(control_tags((ENGLISH / n).read_text(encoding="utf-8"))) for n in names if n != WORDS) > 200
