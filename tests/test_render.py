"""The renderer: golden pages, source map, titles, overrides, languages, errors and the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GOLDEN, REFERENCE, REPO, STUBS, variant
from generator.notice.context import CONTEXT_DOC, build_context
from generator.notice.contextdoc import doc_context
from generator.notice.escape import md_escape, safe_url, title_safe
from generator.notice.render import PAGES, render
from generator.notice.languages import PACKAGE_TEMPLATES
from generator.notice.values import Values
from generator.site.folders import DOCS_MARKER as RENDER_MARKER
from generator.errors import InputError
from generator.inventory.load import load_text
from generator.inventory.fields import Text
from generator.inventory.parse import load_inventory, parse
from generator.inventory.geography import countries
from generator.inventory.vocab import CcpaCategory



@pytest.fixture(scope="module")
def inv():
    return load_inventory(REFERENCE)


@pytest.fixture(scope="module")
def result(inv):
    return render(inv, STUBS)


def _inventory(mutate, file="inventory.yml"):
    return parse(load_text(variant(mutate), file))


# --------------------------------------------------------------------------------------------
# Golden files
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["index.md", "notice.md", "cookies.md", "changes.md", "collection.md"])
def test_golden(result, page):
    path = GOLDEN / page
    got = result.pages[page].markdown
    if os.environ.get("PLAINNOTICE_UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8", newline="\n")
    assert path.exists(), "no golden file: run with PLAINNOTICE_UPDATE_GOLDEN=1 (see tests/golden/README.md)"
    assert got == path.read_text(encoding="utf-8"), f"{page} differs from tests/golden/{page}; see tests/golden/README.md"


def test_same_bytes_in_another_process_with_another_hash_seed(result):
    code = (
        "from generator.inventory.parse import load_inventory; from generator.notice.render import render; import sys;"
        f"r = render(load_inventory({str(REFERENCE)!r}), {str(STUBS)!r});"
        "sys.stdout.write(r.pages['notice.md'].markdown + r.pages['index.md'].markdown)"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True).stdout
    assert out == result.pages["notice.md"].markdown + result.pages["index.md"].markdown


# --------------------------------------------------------------------------------------------
# Pages, titles, layers, templates used
# --------------------------------------------------------------------------------------------


def test_pages_layers_and_titles(result):
    # the reference covers us_ca, so it also gets the California notice at collection (11 CCR 7012)
    assert list(result.pages) == ["index.md", "notice.md", "cookies.md", "changes.md", "collection.md"]
    layers = {p: page.layer for p, page in result.pages.items()}
    assert layers == {"index.md": "summary", "notice.md": "full", "cookies.md": None, "changes.md": None, "collection.md": None}
    assert result.pages["index.md"].title == "Fernway privacy notice"
    assert result.pages["notice.md"].title == "Fernway privacy notice: full version"
    for page in result.pages.values():
        assert page.markdown.startswith("# "), page.path
        assert page.template == PAGES[page.path][0]
    assert result.lang == "en"


def test_templates_used_are_recorded_with_their_source(result):
    assert {"index.md.j2", "notice.md.j2", "notice/rights.md.j2", "_words.md.j2", "partials/label.md.j2"} <= set(result.templates)
    rights = result.templates["notice/rights.md.j2"]
    assert Path(rights.path) == PACKAGE_TEMPLATES / "en" / "notice" / "rights.md.j2"
    assert rights.source == Path(rights.path).read_text(encoding="utf-8")
    assert Path(result.templates["partials/label.md.j2"].path) == STUBS / "partials" / "label.md.j2"


def test_title_with_markup_is_escaped_and_title_safe():
    inv = _inventory(lambda d: d["notice"].update(title="</title><script>x</script> & Co &amp; more"))
    page = render(inv, STUBS).pages["index.md"]
    assert page.title == "\u2039/title\u203a\u2039script\u203ax\u2039/script\u203a & Co \uff06amp; more"
    first = page.markdown.splitlines()[0]
    assert "<" not in first and "&amp;amp;" not in first and "\uff06amp;" in first


# --------------------------------------------------------------------------------------------
# The source map
# --------------------------------------------------------------------------------------------


def _value_at(inv, field: str):
    obj = inv
    for part in field.replace("]", "").replace("[", ".").split("."):
        obj = obj[int(part)] if part.isdigit() else getattr(obj, part)
    return obj


def _renderings(value, lang="en") -> set[str]:
    import datetime as dt

    text = value.get(lang) if isinstance(value, Text) else str(value.value if hasattr(value, "value") else value)
    out = {md_escape(text), md_escape(title_safe(text))}
    if safe_url(text):
        out.add(safe_url(text))  # a link target
    if "@" in text and safe_url("mailto:" + text):
        out.add(safe_url("mailto:" + text)[len("mailto:") :])  # the address in a mailto: target
    if text in countries():
        out.add(md_escape(countries()[text]))
    if text in {c.value for c in CcpaCategory}:
        out.add(md_escape(CcpaCategory(text).statute_name))
    from generator.inventory.vocab import CcpaSensitive

    if text in {c.value for c in CcpaSensitive}:
        out.add(md_escape(CcpaSensitive(text).statute_name))  # |ccpa_sensitive_name
    if isinstance(value, dt.date):
        months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        out.add(f"{value.day} {months[value.month - 1]} {value.year}")
    return out


def test_every_span_covers_exactly_its_value_and_points_at_it(inv, result):
    lines = inv.document.text.splitlines()
    total = 0
    for page in result.pages.values():
        last_end = -1
        for span in page.spans:
            total += 1
            assert span.start >= last_end, "spans are in order and do not overlap"
            last_end = span.end
            value = _value_at(inv, span.field)
            assert page.markdown[span.start : span.end] in _renderings(value), (page.path, span)
            assert span.loc.file == str(REFERENCE)
            line = lines[span.loc.line - 1][span.loc.col - 1 :]
            raw = value.get("en") if isinstance(value, Text) else str(getattr(value, "value", value))
            assert line.lstrip("'\"").startswith(raw[:12]) or isinstance(value, (int,)) or hasattr(value, "isoformat"), (span, line)
    assert total > 400


def test_every_inventory_string_in_the_pages_is_inside_a_span(inv, result):
    """Blank out every span: no inventory text may remain (so readability never counts it as ours)."""
    page = result.pages["notice.md"]
    md = list(page.markdown)
    for span in page.spans:
        md[span.start : span.end] = [" "] * (span.end - span.start)
    rest = "".join(md)
    for probe in ["Rua Augusta", "Stripe Payments", "tax law requires it", "fw\\_session", "Booking assistant chat", "Ana Costa"]:
        assert probe in page.markdown and probe not in rest, probe


def test_language_maps_use_the_location_of_that_language(tmp_path):
    def mutate(d):
        d["notice"]["languages"] = ["de", "en"]
        d["data"][0]["name"] = {"de": "Kontaktdaten", "en": "Contact details"}

    inv = _inventory(mutate)
    page = render(inv, STUBS, lang="en").pages["index.md"]
    span = next(s for s in page.spans if s.field == "data[0].name")
    assert page.markdown[span.start : span.end] == "Contact details"
    assert span.loc == inv.data[0].name.loc_for("en") and span.loc != inv.data[0].name.loc_for("de")


# --------------------------------------------------------------------------------------------
# Overrides and languages
# --------------------------------------------------------------------------------------------


def test_user_template_replaces_package_template_by_name(inv, tmp_path):
    (tmp_path / "notice").mkdir()
    (tmp_path / "notice" / "children.md.j2").write_text("## Kids {: #children }\n\nOur own words for {{ org.name }}.\n", encoding="utf-8")
    (tmp_path / "cookies.md.j2").write_text("# Our cookies\n\nNone worth a table.\n", encoding="utf-8")
    result = render(inv, tmp_path)
    notice = result.pages["notice.md"].markdown
    assert "## Kids {: #children }\n\nOur own words for Fernway." in notice
    assert "Fernway is not for children under 16" not in notice
    assert "## Who we are" in notice  # everything else still comes from the package
    assert result.pages["cookies.md"].markdown == "# Our cookies\n\nNone worth a table.\n"
    assert result.pages["cookies.md"].title == "Our cookies"
    assert result.templates["notice/children.md.j2"].path == str(tmp_path / "notice" / "children.md.j2")


def test_language_folder_override_wins_over_shared_override(inv, tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "changes.md.j2").write_text("# Shared\n", encoding="utf-8")
    (tmp_path / "en" / "changes.md.j2").write_text("# English only\n", encoding="utf-8")
    assert render(inv, tmp_path).pages["changes.md"].markdown == "# English only\n"


def test_a_second_language_is_a_folder_of_templates(tmp_path):
    shutil.copytree(PACKAGE_TEMPLATES / "en", tmp_path / "de")
    (tmp_path / "de" / "_profile.yml").unlink()  # the package's German profile applies
    index = tmp_path / "de" / "index.md.j2"
    index.write_text(index.read_text(encoding="utf-8").replace("## What we collect and why", "## Was wir erheben"), encoding="utf-8")

    def mutate(d):
        d["notice"]["languages"] = ["de", "en"]
        d["notice"]["title"] = {"de": "Datenschutzhinweis", "en": "Privacy notice"}

    inv = _inventory(mutate)
    result = render(inv, tmp_path)
    assert result.lang == "de"
    assert result.pages["index.md"].title == "Datenschutzhinweis"
    assert "## Was wir erheben {: #at-a-glance }" in result.pages["index.md"].markdown
    english = render(inv, tmp_path, lang="en")
    assert english.pages["index.md"].title == "Privacy notice"


def test_unknown_language_is_an_input_error(inv):
    with pytest.raises(InputError) as err:
        render(inv, lang="xx")
    assert "no templates for language 'xx'" in err.value.problems[0].message


def test_template_mistake_names_file_and_line_and_writes_nothing(tmp_path):
    project = tmp_path / "project"
    (project / "templates").mkdir(parents=True)
    shutil.copy(REFERENCE, project / "data_inventory.yml")
    (project / "templates" / "changes.md.j2").write_text("# Changes\n\n{% for c in inv.changes %}\n{{ c.nope }}\n{% endfor %}\n", encoding="utf-8")
    out = tmp_path / "out"
    from generator.cli import main

    code = main(["render", "-i", str(project / "data_inventory.yml"), "--out", str(out)])
    assert code == 2
    assert not out.exists()
    (project / "templates" / "changes.md.j2").write_text("# Changes\n\n{% if %}\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        render(load_inventory(project / "data_inventory.yml"), project / "templates")
    p = err.value.problems[0]
    assert p.loc.file == str(project / "templates" / "changes.md.j2") and p.loc.line == 3


def test_undefined_variable_is_reported_with_template_line(inv, tmp_path):
    (tmp_path / "changes.md.j2").write_text("# C\n\nline\n{{ no_such_thing }}\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        render(inv, tmp_path)
    p = err.value.problems[0]
    assert p.loc.line == 4 and p.loc.file.endswith("changes.md.j2") and "no_such_thing" in p.message


def test_a_mistake_in_a_template_expression_is_a_message(inv, tmp_path):
    (tmp_path / "changes.md.j2").write_text("# C\n\n{{ 1 + org.name }}\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        render(inv, tmp_path)
    p = err.value.problems[0]
    assert p.loc.line == 3 and p.loc.file.endswith("changes.md.j2") and p.message.startswith("template error (TypeError)")


def test_a_bug_in_our_own_filter_is_a_traceback_not_a_template_error(inv, tmp_path, monkeypatch):
    from generator.notice import filters

    monkeypatch.setattr(filters, "safe_url", None)  # the link filter now fails inside our own code
    (tmp_path / "changes.md.j2").write_text("# C\n\n{{ org.website|link }}\n", encoding="utf-8")
    with pytest.raises(TypeError):
        render(inv, tmp_path)


def test_compiled_templates_are_cached_per_filter_calling_convention(monkeypatch):
    """Compiled template code depends on whether a filter takes the environment; a cache entry
    compiled for another plainnotice version must never be reused."""
    import jinja2

    from generator.notice import filters
    from generator.notice.sandbox import make_environment
    from generator.notice.templates import TemplateLoader

    inv = load_inventory(REFERENCE)
    before = make_environment(TemplateLoader([]), Values(inv, "en")).bytecode_cache.directory
    takes_env = getattr(filters.FILTERS["cell"], "jinja_pass_arg", None) is not None
    flipped = (lambda value: value) if takes_env else jinja2.pass_environment(lambda env, value: value)
    monkeypatch.setitem(filters.FILTERS, "cell", flipped)  # the other calling convention
    after = make_environment(TemplateLoader([]), Values(inv, "en")).bytecode_cache.directory
    assert before != after


# --------------------------------------------------------------------------------------------
# CLI: plainnotice render --out DIR
# --------------------------------------------------------------------------------------------


def test_cli_render_writes_pages_and_replaces_them_atomically(tmp_path, capsys):
    import hashlib
    import json

    from generator.cli import main

    out = tmp_path / "pages"
    assert main(["render", "-i", str(REFERENCE), "--templates", str(STUBS), "--out", str(out)]) == 0
    listing = out / (RENDER_MARKER + ".json")
    assert sorted(p.name for p in out.iterdir()) == [RENDER_MARKER, listing.name, "changes.md", "collection.md", "cookies.md", "index.md", "notice.md"]
    assert (out / "notice.md").read_text(encoding="utf-8") == (GOLDEN / "notice.md").read_text(encoding="utf-8")
    assert "wrote 5 files" in capsys.readouterr().out
    marker = json.loads(listing.read_text(encoding="utf-8"))
    assert marker["files"]["notice.md"] == hashlib.sha256((out / "notice.md").read_bytes()).hexdigest()
    # a page of ours from an earlier run that is no longer rendered goes; a file of yours stays
    (out / "retired.md").write_text("old page", encoding="utf-8")
    marker["files"]["retired.md"] = hashlib.sha256(b"old page").hexdigest()
    listing.write_text(json.dumps(marker), encoding="utf-8")
    (out / "yours.md").write_text("mine", encoding="utf-8")
    inode = (out / "yours.md").stat().st_ino
    assert main(["render", "-i", str(REFERENCE), "--templates", str(STUBS), "--out", str(out)]) == 0
    assert not (out / "retired.md").exists()
    assert (out / "yours.md").read_text(encoding="utf-8") == "mine" and (out / "yours.md").stat().st_ino == inode
    assert "yours.md" not in json.loads(listing.read_text(encoding="utf-8"))["files"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".") and p.name != ".plainnotice-lock"] == []  # no temp folders left


def test_cli_render_keeps_old_pages_when_the_inventory_is_bad(tmp_path):
    from generator.cli import main

    out = tmp_path / "pages"
    assert main(["render", "-i", str(REFERENCE), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = tmp_path / "bad.yml"
    bad.write_text(variant(("legal_basis: contract\n\n  - id: allergy_sharing", "legal_basis: contrakt\n\n  - id: allergy_sharing")), encoding="utf-8")
    assert main(["render", "-i", str(bad), "--out", str(out)]) == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_cli_render_refuses_a_folder_it_did_not_write(tmp_path, capsys):
    from generator.cli import main

    out = tmp_path / "docs"
    out.mkdir()
    (out / "mine.md").write_text("keep me", encoding="utf-8")
    assert main(["render", "-i", str(REFERENCE), "--out", str(out)]) == 2
    assert (out / "mine.md").read_text(encoding="utf-8") == "keep me"
    assert "choose a new or empty folder" in capsys.readouterr().err


def test_cli_uses_templates_folder_next_to_the_inventory(tmp_path):
    from generator.cli import main

    shutil.copy(REFERENCE, tmp_path / "data_inventory.yml")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "cookies.md.j2").write_text("# Cookies here\n", encoding="utf-8")
    assert main(["render", "-i", str(tmp_path / "data_inventory.yml"), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "cookies.md").read_text(encoding="utf-8") == "# Cookies here\n"
    assert main(["render", "-i", str(tmp_path / "data_inventory.yml"), "--templates", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 2


# --------------------------------------------------------------------------------------------
# docs/templates.md is generated
# --------------------------------------------------------------------------------------------


def test_template_context_reference_is_up_to_date():
    committed = (REPO / "docs" / "templates.md").read_text(encoding="utf-8")
    assert committed == doc_context(), "regenerate: .venv/bin/python -m generator.notice.contextdoc > docs/templates.md"


def test_every_context_variable_is_documented(inv):
    values = Values(inv, "en")
    context = build_context(inv, values, "en")
    assert set(context) | {"page"} == set(CONTEXT_DOC)


def _only_published(data: dict) -> None:
    """The reference with no other party at all: its one recipient is the public it publishes to."""
    data.pop("parties", None)
    for d in data["data"]:
        for key in ("shared_with", "sold_to", "shared_for_ads_with", "sold", "shared_for_ads"):
            d.pop(key, None)
        d["sources"] = [s for s in d.get("sources", []) if s in ("you", "your_device", "inferred", "public_sources")] or ["you"]
    for c in data.get("cookies") or []:
        c.pop("provider", None)
    data["data"][0]["published_to"] = "Everyone who visits your public profile"


@pytest.mark.parametrize("lang", sorted(__import__("generator.notice.templates", fromlist=["x"]).available_languages()))
def test_data_we_publish_is_told_when_it_is_the_only_recipient_and_every_summary_link_lands(lang):
    """GDPR Art. 13(1)(e): the public is a recipient. The full notice's 'Who gets your data' section
    (and its 'Data we publish') once needed a party; the summary linked to it anyway."""
    import re

    from generator.notice.checklist import find_section

    inv = parse(load_text(variant(_only_published, base=REFERENCE), "only_published.yml"))
    result = render(inv, lang=lang)
    notice = result.pages["notice.md"].markdown
    assert find_section(notice, "who-gets-it") is not None and find_section(notice, "published") is not None
    start, end = find_section(notice, "published")
    assert "Everyone who visits your public profile" in notice[start:end]
    for target, anchor in re.findall(r"\]\((\w+)\.md#([\w-]+)\)", result.pages["index.md"].markdown):
        assert find_section(result.pages[target + ".md"].markdown, anchor) is not None, (target, anchor)
