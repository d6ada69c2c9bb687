"""Issue 13: the summary on a phone, in two minutes, for any company.

* every kind of data and every purpose is named in the summary, each linking to its full section,
  for every fixture company and for a generated inventory of 25 kinds of data;
* the summary of every fixture (big_health_app included: 24 kinds, 15 purposes, three laws) and of
  the 25-kind inventory reads in 2 minutes or less by our own count;
* the length gate (RD009): ``notice.readability.summary.max_minutes`` (default 2) and
  ``full.max_minutes`` (optional) fail ``check`` and name what takes the space;
* the layout: the table when it fits, else lists; tables get per-cell labels for the phone cards.
"""

from __future__ import annotations

import re

import markdown
import pytest

from conftest import ALL_FIXTURES, REFERENCE, variant
from generated import many_kinds
from generator.inventory.load import load_text
from generator.inventory.model import WORDS_PER_MINUTE
from generator.inventory.parse import load_inventory, parse
from generator.notice.filters import f_reading_words
from generator.notice.render import render
from generator.readability.gate import check
from generator.site.markdown_ext import TableRegions

LIMIT_WORDS = 2 * WORDS_PER_MINUTE  # 476


def _inv(text: str):
    return parse(load_text(text, "inv.yml"))


def _summary(inv):
    result = render(inv)
    report = check(result, inv)
    return result, report, report.layers["summary"].scores


def _named(page) -> set[str]:
    return {s.field for s in page.spans}


def _assert_names_every_kind_and_purpose(inv, page) -> None:
    fields = _named(page)
    for i, d in enumerate(inv.data):
        assert f"data[{i}].name" in fields, d.id
        anchor = "data-" + re.sub(r"[^a-z0-9]+", "-", d.id.lower()).strip("-")
        assert f"](notice.md#{anchor})" in page.markdown, d.id
    for j, p in enumerate(inv.purposes):
        assert f"purposes[{j}].name" in fields, p.id


@pytest.fixture(scope="module")
def k25():
    inv = _inv(many_kinds(25))
    assert len(inv.data) == 25
    return inv


# ------------------------------------------------------------------------------------------------
# Two minutes, every kind and purpose named
# ------------------------------------------------------------------------------------------------


def test_25_kinds_read_in_two_minutes_and_every_kind_and_purpose_is_named(k25):
    result, report, scores = _summary(k25)
    assert scores.words <= LIMIT_WORDS and scores.reading_minutes <= 2, scores.words
    assert not [f for f in report.findings if f.rule == "RD009"]
    _assert_names_every_kind_and_purpose(k25, result.pages["index.md"])
    # the 25 kinds do not fit in a table, so the summary lists them, each once
    md = result.pages["index.md"].markdown
    assert "**What we collect:**" in md and "| " not in md
    for d in k25.data:
        assert md.count(f"]({'notice.md#data-' + re.sub(r'[^a-z0-9]+', '-', d.id.lower()).strip('-')})") <= 2, d.id


@pytest.mark.parametrize("name", sorted(ALL_FIXTURES))
def test_every_fixture_names_every_kind_and_purpose_within_its_limit(name):
    inv = load_inventory(ALL_FIXTURES[name])
    result, report, scores = _summary(inv)
    _assert_names_every_kind_and_purpose(inv, result.pages["index.md"])
    over = [f for f in report.findings if f.rule == "RD009" and f.detail.layer == "summary"]
    assert scores.words <= LIMIT_WORDS, (name, scores.words)
    assert not over


def _anchor(prefix: str, ident: str) -> str:
    return f"](notice.md#{prefix}{re.sub(r'[^a-z0-9]+', '-', ident.lower()).strip('-')})"


def test_big_health_app_24_kinds_reads_in_two_minutes_naming_each_kind_and_purpose_once():
    inv = load_inventory(ALL_FIXTURES["big_health_app"])
    assert len(inv.data) == 24 and len(inv.purposes) == 15
    result, report, scores = _summary(inv)
    assert scores.reading_minutes <= 2 and scores.words <= LIMIT_WORDS, scores.words
    assert not [f for f in report.findings if f.rule == "RD009"]
    page = result.pages["index.md"]
    _assert_names_every_kind_and_purpose(inv, page)
    md = page.markdown
    assert "**What we collect:**" in md and "| [" not in md  # the lists layout
    # every kind of data links to its section exactly once; every purpose once, or twice when
    # "Know this first" names it again as profiling
    for d in inv.data:
        assert md.count(_anchor("data-", d.id)) == 1, d.id
    for p in inv.purposes:
        assert md.count(_anchor("purpose-", p.id)) == 1 + bool(p.profiling), p.id
    glance = md[md.index("## What we collect and why") : md.index("## Know this first")]
    first = md[md.index("## Know this first") : md.index("## Your choices")]
    choices = md[md.index("## Your choices") :]
    # a sensitive kind that is not required is named in "Know this first" only, and the list says so
    assert "[Heart rate]" in first and "[Heart rate]" not in glance
    assert "[Workouts and GPS routes]" in first and "[Workouts and GPS routes]" not in glance
    assert "; and those in [Know this first](#know-this-first)." in glance
    # a required kind stays in "What we collect" with its chip
    assert '[Account details](notice.md#data-account) <span class="pn-chip">Required</span>' in glance
    # a purpose based on consent or open to objection is named under "Your choices and rights" only
    assert "[AI coach](notice.md#purpose-coach)" in choices and "[AI coach]" not in glance
    assert "[Keep accounts safe](notice.md#purpose-security)" in choices and "[Keep accounts safe]" not in glance
    assert "[Run your account](notice.md#purpose-account)" in glance
    assert "; and those in [Your choices and rights](#your-choices)." in glance
    # location already named as sensitive (California) is not listed again under "Location"
    assert "[**Location:**]" not in first
    # one list of countries for the EEA and the UK; the UK itself gets data from the EEA only
    assert "[**Data sent outside the EEA**](notice.md#transfers-eu) [**or the UK:**](notice.md#transfers-uk) " in first
    assert "United Kingdom (from the EEA)" in first and first.count("United States") == 1
    # the California opt-out and limit links name those rights; the rights list does not repeat them
    assert "[**Opt out (California):**](notice.md#right-to-opt-out) [Do Not Sell or Share My Personal Information](" in choices
    assert "stop us selling or sharing it" not in choices and "limit how we use and disclose sensitive information" not in choices
    # where data comes from is left to the full notice when who works for us is counted
    assert "We also get data from" not in md and "9 more (all outside the EEA or the UK)" in md


def test_the_california_rights_list_names_opt_out_and_limit_without_their_links():
    inv = load_inventory(ALL_FIXTURES["big_health_app"])
    inv.controls.opt_out_url = None
    inv.controls.limit_sensitive_url = None
    md = render(inv).pages["index.md"].markdown
    assert "    - stop us selling or sharing it\n" in md and "    - limit how we use and disclose sensitive information\n" in md
    assert "Do Not Sell or Share My Personal Information" not in md


def test_the_reference_keeps_its_table_with_how_long_for_each_kind():
    inv = load_inventory(REFERENCE)
    md = render(inv).pages["index.md"].markdown
    rows = [line for line in md.splitlines() if line.startswith("| [")]
    assert len(rows) == len(inv.data)
    assert "2 years after you close your account" in rows[0]


def test_a_shorter_limit_switches_to_lists_and_still_names_everything():
    text = variant(("    summary: {metric: flesch_kincaid_grade, max: 8}", "    summary: {metric: flesch_kincaid_grade, max: 8, max_minutes: 1.6}"))
    inv = _inv(text)
    result, report, scores = _summary(inv)
    md = result.pages["index.md"].markdown
    assert "**What we collect:**" in md and "**Why we use it:**" in md
    assert "[How long we keep it](notice.md#retention)." in md
    _assert_names_every_kind_and_purpose(inv, result.pages["index.md"])


def test_no_limit_keeps_the_table_for_25_kinds():
    text = variant(lambda d: d["notice"]["readability"]["summary"].update(max_minutes=None), base=many_kinds(25))
    inv = _inv(text)
    assert inv.notice.readability.summary.max_minutes is None
    md = render(inv).pages["index.md"].markdown
    assert len([line for line in md.splitlines() if line.startswith("| [")]) == 25


# ------------------------------------------------------------------------------------------------
# Recipients: who matters is named, who works for us is named or counted
# ------------------------------------------------------------------------------------------------


def test_big_health_app_names_buyers_ads_and_own_purposes_and_counts_who_works_for_us():
    inv = load_inventory(ALL_FIXTURES["big_health_app"])
    md = render(inv).pages["index.md"].markdown
    part = md[md.index("[**Who gets your data:**]") :].split("\n\n")[1]
    assert "(for their own purposes, shared for ads)" in part  # the ad networks
    assert "Partner health insurers](notice.md#party-" in part
    # nine processors, all in the United States, the Philippines or Israel: counted, and said so
    assert "[**Also working for us:**](notice.md#who-gets-it) 9 more (all outside the EEA or the UK)." in part
    assert "Amazon Web Services" not in md


def test_the_reference_names_every_recipient_when_there_is_room():
    inv = load_inventory(REFERENCE)
    md = render(inv).pages["index.md"].markdown
    for p in inv.parties:
        if any(p is q for d in inv.data for q in d.recipients):
            assert p.name.get() in md.replace("\\", ""), p.id


# ------------------------------------------------------------------------------------------------
# The length gate
# ------------------------------------------------------------------------------------------------


def test_summary_limit_defaults_to_two_minutes_also_when_the_block_is_written():
    inv = load_inventory(REFERENCE)  # writes notice.readability.summary without max_minutes
    assert inv.notice.readability.summary.max_minutes == 2
    assert inv.notice.readability.full.max_minutes is None


def test_summary_over_its_limit_fails_and_names_what_takes_the_space():
    text = variant(("    summary: {metric: flesch_kincaid_grade, max: 8}", "    summary: {metric: flesch_kincaid_grade, max: 8, max_minutes: 0.5}"))
    inv = _inv(text)
    report = check(render(inv), inv)
    [f] = [f for f in report.findings if f.rule == "RD009"]
    assert f.level == "error" and not report.ok
    assert f.detail.layer == "summary" and f.detail.target == 0.5 and f.detail.words > 119
    assert "the limit is 0.5 minutes (119 words at 238 a minute)" in f.message
    assert re.search(r'sections: "[^"]+" \d+ words', f.message)
    assert re.search(r"biggest blocks: .+ \d+ words", f.message)
    assert f.loc.line == inv.document.key_loc(("notice", "readability", "summary")).line


def test_full_notice_limit_is_optional_and_gated_when_given():
    inv = load_inventory(REFERENCE)
    assert not [f for f in check(render(inv), inv).findings if f.rule == "RD009"]
    text = variant(("    full: {metric: flesch_kincaid_grade, max: 11}", "    full: {metric: flesch_kincaid_grade, max: 11, max_minutes: 5}"))
    inv = _inv(text)
    [f] = [f for f in check(render(inv), inv).findings if f.rule == "RD009"]
    assert f.detail.layer == "full" and "the full takes" in f.message
    assert "the table in" in f.message or '"' in f.message


def test_the_table_counts_as_one_block():
    from generator.readability.length import blocks

    md = "## Data\n\n| A | B |\n|---|---|\n| one two | three |\n| four | five six |\n\nA paragraph of five words.\n"
    assert blocks(md) == [('the table in "Data"', 8), ('"A paragraph of five words."', 5)]


@pytest.mark.parametrize("bad", ["0", "-1", "two"])
def test_a_bad_limit_is_an_input_error(bad):
    from generator.errors import InputError

    text = variant(("    summary: {metric: flesch_kincaid_grade, max: 8}", f"    summary: {{metric: flesch_kincaid_grade, max: 8, max_minutes: {bad}}}"))
    with pytest.raises(InputError) as e:
        _inv(text)
    assert "max_minutes" in str(e.value)


# ------------------------------------------------------------------------------------------------
# Pieces
# ------------------------------------------------------------------------------------------------


def test_reading_words_counts_what_readers_see():
    md = '| [Account details](notice.md#data-account) <span class="pn-chip">Sensitive</span> | Run; Help |\n|---|---|'
    assert f_reading_words(md) == 5
    assert f_reading_words("**Who we are:** Fernway. {: #x }") == 4


def test_table_cells_carry_their_column_label_for_phone_cards():
    html = markdown.markdown("## Data\n\n| Data | Why |\n|---|---|\n| A | B |\n", extensions=["tables", TableRegions()])
    assert '<td data-label="Data">A</td>' in html and '<td data-label="Why">B</td>' in html
    assert 'aria-label="Table: Data"' in html


def test_css_reflows_tables_into_cards_on_phones():
    from conftest import REPO

    css = (REPO / "generator" / "theme" / "assets" / "plainnotice.css").read_text(encoding="utf-8")
    block = css[css.index("@media screen and (max-width: 44.9375em)") :]
    assert "td[data-label]:not(:first-child)::before" in block and "content: attr(data-label)" in block
    assert "display: block" in block
