"""Every sentence true (issue 11): on every fixture company and on generated inventories, the pages
state only what the inventory says, in sentences that read.

* **No fact from a default or an absence**: a yes/no the inventory leaves out gives no sentence;
  every printed inventory value is one the file states (its span's field is written in the file).
* **Every recipient shown**: each party in shared_with, sold_to or shared_for_ads_with appears, labelled,
  in the summary row, the data's section, the party's section and the California table.
* **Grammar by construction**: no empty slot, doubled stop or glued block (``generator/notice/lint.py``
  runs on every render in the test suite: see conftest), no spliced names, curated country names.
* **Our sentences pass the gate**: no template sentence over 25 words or failing the layer's target.
* **The examples of the issue's "Why"** each have a test that fails if they come back.

The checks read the English pages (``lang="en"``, whatever the inventory lists first): every other
language keeps each English sentence's condition one for one (tests/test_languages_structure.py)
and its sections and checklist items (tests/parity.py).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings

from conftest import ALL_FIXTURES, REFERENCE, variant
from generator.inventory.fields import field_path
from generator.inventory.load import load_text
from generator.inventory.parse import load_inventory, parse
from generator.notice.checklist import find_section
from generator.notice.render import render
from generator.readability.gate import check
from generator.rules import check_completeness
from strategies import JURISDICTION_SETS, inventories, to_model

# derandomize: CI runs the same 25 examples every time. A random search once found a real fault (a joint
# controller that also buys data got a label too long to read): explore with derandomize=False now and then.
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


def _inv(text: str, name: str = "inv.yml"):
    return parse(load_text(text, name))


def _section(md: str, anchor: str) -> str:
    found = find_section(md, anchor)
    assert found is not None, anchor
    return md[found[0] : found[1]]


def _spans_in(page, start: int, end: int) -> set[str]:
    return {s.field for s in page.spans if start <= s.start < end}


def _line_of(page, field: str) -> tuple[int, int]:
    """The Markdown line (start, end) that holds the span of ``field``."""
    span = next(s for s in page.spans if s.field == field)
    start = page.markdown.rfind("\n", 0, span.start) + 1
    end = page.markdown.find("\n", span.end)
    return start, end if end >= 0 else len(page.markdown)


# ------------------------------------------------------------------------------------------------
# Checks shared by the fixtures and the generated inventories
# ------------------------------------------------------------------------------------------------


def assert_values_are_stated(inv, result) -> None:
    """Every inventory value printed on any page is written in the file (no default printed as a fact)."""
    written = {field_path(p) for p in inv.document.locs}
    for page in result.pages.values():
        for span in page.spans:
            assert span.field in written, (page.path, span.field)


def assert_summary_recipients(inv, result) -> None:
    """Issue 13: the summary names everyone who buys data, gets it for ads or uses it for their own
    purposes, each with how; the others (processors, service providers, contractors) are named or
    counted, and the count is theirs."""
    index = result.pages["index.md"]
    named = {sp.field for sp in index.spans}
    unnamed = []
    for k, party in enumerate(inv.parties):
        receipts = [r for d in inv.data for r in d.receipts if r.party is party]
        if not receipts:
            continue
        role = getattr(party.role, "value", party.role)
        works_for_us = role in ("processor", "service_provider", "contractor") and not any(r.sold or r.ads for r in receipts)
        if f"parties[{k}].name" in named:
            continue
        assert works_for_us, ("summary must name", party.id)
        unnamed.append(party.id)
    if unnamed:
        n = len(unnamed)
        assert re.search(rf"\*\*(Also working for us|Working for us):\*\*\]\(notice\.md#who-gets-it\) (.*; )?{n}( more)?[ .]", index.markdown), (unnamed, index.markdown)


def assert_every_recipient_shown(inv, result) -> None:
    assert_summary_recipients(inv, result)
    index, notice = result.pages["index.md"], result.pages["notice.md"]
    ca = "us_ca" in inv.jurisdiction_set
    for i, d in enumerate(inv.data):
        for r in d.receipts:
            k = inv.parties.index(r.party) if any(r.party is p for p in inv.parties) else None
            k = next(n for n, p in enumerate(inv.parties) if p is r.party)
            name = f"parties[{k}].name"
            # the data's own section of the full notice, and the party's section
            sec = find_section(notice.markdown, "data-" + re.sub(r"[^a-z0-9]+", "-", d.id.lower()).strip("-"))
            assert name in _spans_in(notice, *sec), ("data section", d.id, r.party.id)
            psec = find_section(notice.markdown, "party-" + re.sub(r"[^a-z0-9]+", "-", r.party.id.lower()).strip("-"))
            assert f"data[{i}].name" in _spans_in(notice, *psec), ("party section", d.id, r.party.id)
            if ca and d.ccpa_category is not None:
                table = find_section(notice.markdown, "ca-categories")
                rows = [ln for ln in notice.markdown[table[0] : table[1]].splitlines() if ln.startswith("|")]
                offset = table[0]
                found = False
                for row in rows:
                    a = notice.markdown.index(row, offset)
                    fields = _spans_in(notice, a, a + len(row))
                    if f"data[{i}].name" in fields:
                        found = name in fields
                        break
                assert found, ("California table", d.id, r.party.id)


def assert_template_sentences_pass_the_gate(inv, result) -> None:
    report = check(result, inv)
    ours = [f for f in report.findings if f.rule in ("RD002", "RD003") and not f.detail.field]
    assert not ours, [(str(f.loc), f.message) for f in ours]


def assert_nothing_from_absence(inv, result) -> None:
    """The three-valued facts: left out, no sentence about them."""
    notice = result.pages["notice.md"].markdown
    index = result.pages["index.md"].markdown
    for d in inv.data:
        sec = _section(notice, "data-" + re.sub(r"[^a-z0-9]+", "-", d.id.lower()).strip("-"))
        says_required = "**Must you give it?**" in sec
        assert says_required == (d.given_by_person and d.required is not None), d.id
    if not all(d.sold is False and not d.sold_to for d in inv.data):
        assert "We do not sell" not in notice + index and "did not sell" not in notice
    if not all(d.shared_for_ads is False and not d.shared_for_ads_with for d in inv.data):
        assert "We do not share your personal information for" not in notice + index
    if not inv.cookies_stated:
        assert "cookies" not in notice.lower().split("## cookies")[0][-1:]  # no section heading
        assert "do not use cookies" not in notice + result.pages["cookies.md"].markdown
    if inv.children is None or inv.children.sells_or_shares_under_16 is None:
        assert "knowingly sell" not in notice + index
    sensitive = [d for d in inv.data if d.ca_sensitive]
    if not (sensitive and all(d.sensitive_use_limited is True for d in sensitive)):
        assert "only for the purposes 11 CCR 7027(m) allows" not in notice
    # a time limit is a law's own (CCPA 1798.130(a)(2): 45 days), never requests.response_days
    assert {m.group(1) for m in re.finditer(r"answer within (\d+) days", notice, re.I)} <= {"45"}


def assert_descriptions_fit_the_kind(inv, result) -> None:
    notice = result.pages["notice.md"].markdown
    for p in inv.parties:
        sec = _section(notice, "party-" + re.sub(r"[^a-z0-9]+", "-", p.id.lower()).strip("-"))
        if p.kind_or_derived != "company":
            assert "This company" not in sec, p.id
        if p.kind_or_derived in ("individual", "individuals"):
            assert "company" not in sec.split("\n", 1)[1].lower().replace(str(p.name).lower(), ""), p.id
        if p.kind_or_derived is None:
            # one named party is never described in the plural (review C #11: "Stripe, Inc. ... (processors)")
            assert not re.search(r"\((processors|controllers|joint controllers|third parties|service providers|contractors)\)", sec), p.id


#: Sentences the tool used to write for every company, with no inventory basis (the issue's "Why"
#: and the two reviews); none may come back, on any page of any fixture.
INVENTED = [
    "It is as easy as saying yes",
    "We review it at least once a year",
    "We keep data only as long as we need it",
    "Then we delete it or make it anonymous",
    "We ask the agent for your signed permission",
    "You can join or leave a program at any time",
    "Using them is free",
    "We never",
    "We answer within 30 days",
    "It is your choice",
    "We need it for our service",
    "predict what suits you",
    "The law there can protect data less well",
    "each transfer has a legal safeguard",
    "strong legal grounds",
    "Change your mind in",
    "You can change your cookie choices",
    "so you cannot turn them off",
    "We do not act on Global Privacy Control",
    "We ask you for details that match what we hold",
    "contact us first",
    "We update this notice when",
    "We are not based in",
    "Our lead authority",
    "The companies that get your data",
    "We do not give your data to other companies",
    "gives you more rights",
]

#: Broken English the issue and the reviews quote.
BROKEN = [
    re.compile(r"We (sell|share)\s+\.", re.I),
    re.compile(r"We share\s{2,}"),
    re.compile(r"It goes to [A-Z]"),
    re.compile(r"contact [A-Z][a-z]+ (Data|Beauftragte|Protection)"),
    re.compile(r"\*\* is sensitive"),
    re.compile(r"\bis sensitive\."),
    re.compile(r"we use it to [A-Z]"),
    re.compile(r"You can object to: [A-Z]"),
    re.compile(r"if we use your data to: "),
    re.compile(r"\\\.\."),
    re.compile(r", The [A-Z]"),  # ISO names in inverted order: "Congo, The Democratic Republic of the"
    re.compile(r"use (a call|a letter|email) to", re.I),
    re.compile(r"email to \[", re.I),
    re.compile(r"Who (else )?gets it:\*\* (No one|no one outside)[^\n]*\n[^\n]*we sell", re.I),
]


def _template_text(page) -> str:
    """The page with every inventory value blanked out: what our templates wrote."""
    chars = list(page.markdown)
    for span in page.spans:
        chars[span.start : span.end] = ["\x00"] * (span.end - span.start)
    return "".join(chars)


def assert_no_invented_or_broken_text(result) -> None:
    for page in result.pages.values():
        ours = _template_text(page)
        for phrase in INVENTED:
            assert phrase not in ours, (page.path, phrase)
        for rx in BROKEN:
            assert not rx.search(page.markdown), (page.path, rx.pattern, rx.search(page.markdown).group(0))


# ------------------------------------------------------------------------------------------------
# Every fixture company
# ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=sorted(ALL_FIXTURES))
def company(request):
    inv = load_inventory(ALL_FIXTURES[request.param])
    return request.param, inv, render(inv, lang="en")


def test_fixture_is_complete(company):
    name, inv, _ = company
    assert check_completeness(inv) == [], name


def test_fixture_prints_only_stated_values(company):
    _, inv, result = company
    assert_values_are_stated(inv, result)


def test_fixture_says_nothing_from_an_absence(company):
    _, inv, result = company
    assert_nothing_from_absence(inv, result)


def test_fixture_shows_every_recipient(company):
    _, inv, result = company
    assert_every_recipient_shown(inv, result)


def test_fixture_template_sentences_pass_the_gate(company):
    _, inv, result = company
    assert_template_sentences_pass_the_gate(inv, result)


def test_fixture_has_no_invented_or_broken_text(company):
    _, _, result = company
    assert_no_invented_or_broken_text(result)


def test_fixture_describes_parties_by_kind(company):
    _, inv, result = company
    assert_descriptions_fit_the_kind(inv, result)


# ------------------------------------------------------------------------------------------------
# Generated inventories: every combination of jurisdictions, every optional field present/absent/empty
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("juris", JURISDICTION_SETS, ids=lambda j: "+".join(j))
def test_generated_inventories_are_true(juris):
    @SETTINGS
    @given(inventories(juris=juris))
    def run(d):
        inv = to_model(d)
        result = render(inv, lang="en")  # the page lint runs inside (conftest)
        assert_values_are_stated(inv, result)
        assert_nothing_from_absence(inv, result)
        assert_every_recipient_shown(inv, result)
        assert_no_invented_or_broken_text(result)
        assert_descriptions_fit_the_kind(inv, result)

    run()


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(inventories())
def test_template_sentences_pass_the_gate_for_generated_inventories(d):
    inv = to_model(d)
    assert_template_sentences_pass_the_gate(inv, render(inv, lang="en"))


@pytest.mark.parametrize("juris", [JURISDICTION_SETS[-1], ["us_ca"], ["uk_gdpr"]], ids=lambda j: "+".join(j))
def test_the_longest_lists_keep_our_sentences_short(juris):
    """30 kinds of data, 20 purposes, 12 parties, each getting every kind of data three ways: no
    sentence we write grows with a list (each list item is its own sentence)."""

    @settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
    @given(inventories(juris=juris, big=True))
    def run(d):
        inv = to_model(d)
        result = render(inv, lang="en")
        assert_template_sentences_pass_the_gate(inv, result)
        assert_every_recipient_shown(inv, result)

    run()


# ------------------------------------------------------------------------------------------------
# The examples of the "Why", one by one
# ------------------------------------------------------------------------------------------------


def _pages(text: str, name: str = "inv.yml"):
    inv = _inv(text, name)
    return inv, render(inv, lang="en")


def _fixture_text(name: str) -> str:
    return ALL_FIXTURES[name].read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["eu_clinic", "uk_shop"])
def test_no_selling_sentence_without_us_ca_or_a_stated_fact(name):
    _, result = _pages(_fixture_text(name))
    for page in result.pages.values():
        assert "We sell" not in page.markdown and "We share" not in page.markdown
        assert "sell" not in page.markdown.lower().replace("selling-and", "")


def test_sold_and_ads_recipients_are_recipients_everywhere():
    inv, result = _pages(_fixture_text("us_saas"))
    index, notice = result.pages["index.md"].markdown, result.pages["notice.md"].markdown
    # issue 13: the summary names each recipient once, in its list, with every way it gets data
    people = index[index.index("[**Who gets your data:**]") :].split("\n\n")[1].splitlines()
    assert "- [Data brokers](notice.md#party-broker) (we sell it to them)" in people
    assert "- [Advertising networks](notice.md#party-adnet) (for their own purposes, shared for ads)" in people
    assert "No one" not in index
    device = _section(notice, "data-device")
    assert "[Data brokers](#party-broker) (we sell it to them)" in device
    broker = _section(notice, "party-broker")
    assert "**Data we sell to them:** [Device and usage data](#data-device)" in broker
    table = _section(notice, "ca-categories")
    # the California table labels each recipient by its CCPA role (issue 16): a buyer is a third party
    assert re.search(r"\| \[Device and usage data\][^\n]*Data brokers \(third party, we sell it to them\)", table)


def test_required_left_out_says_nothing_and_is_asked_only_of_data_people_give():
    text = variant(("    required: true\n    if_not_provided: We cannot create your account or confirm your bookings.\n", ""))
    inv, result = _pages(text)
    contact = _section(result.pages["notice.md"].markdown, "data-contact")
    assert "Must you give it" not in contact
    row = next(line for line in result.pages["index.md"].markdown.splitlines() if "[Contact details]" in line)
    assert row.rstrip().endswith("| – |")
    assert [f.rule for f in check_completeness(inv)] == ["gdpr.required"]
    # inferred data never gets the question, even when the file answers it
    prefs = _section(render(load_inventory(REFERENCE)).pages["notice.md"].markdown, "data-preferences")
    assert "Must you give it" not in prefs


def test_cookies_key_left_out_differs_from_an_empty_list():
    _, result = _pages(_fixture_text("uk_shop"))
    assert "cookies" not in result.pages["notice.md"].markdown.lower()
    assert "do not use cookies" not in result.pages["cookies.md"].markdown
    _, result = _pages(_fixture_text("eu_public_library"))
    assert "We do not use cookies or similar technologies." in result.pages["notice.md"].markdown
    assert "We do not use cookies or similar technologies." in result.pages["cookies.md"].markdown


def test_no_requests_block_gives_the_laws_time_limit_not_a_default():
    text = _fixture_text("uk_shop")
    text = text[: text.index("\n# How to ask and how to complain")] + "\n"
    assert "requests:" not in text
    _, result = _pages(text)
    rights = _section(result.pages["notice.md"].markdown, "your-rights")
    answer = rights.split("### Complain")[0]  # 30 days is the s.164A acknowledgement of a complaint, not an answer
    assert "within one month" in answer and "30 days" not in answer


def test_sensitive_use_limited_left_out_gives_no_statement():
    text = variant(("    sensitive_use_limited: true\n", ""))
    inv, result = _pages(text)
    notice = result.pages["notice.md"].markdown
    assert "7027(m) allows" not in notice and "limit" not in _section(notice, "ca-sensitive").lower()
    assert [f.rule for f in check_completeness(inv)] == ["ca.sensitive_use_stated"]
    _, result = _pages(variant())
    assert "only for the purposes 11 CCR 7027(m) allows" in result.pages["notice.md"].markdown


def test_sold_false_is_about_the_last_12_months_not_a_promise():
    _, result = _pages(variant())
    index = result.pages["index.md"].markdown
    assert "We do not sell or share your personal information, and we have not in the last 12 months." in index
    assert "never" not in index.lower()
    under_16 = "We do not knowingly sell or share the personal information of people under 16."
    assert under_16 in index
    # without us_ca, the under-16 statement is not made; without the field, nowhere
    _, eu = _pages(variant(("jurisdictions: [eu_gdpr, uk_gdpr, us_ca]", "jurisdictions: [eu_gdpr]")))
    assert under_16 not in eu.pages["index.md"].markdown


def test_sensitive_items_are_a_labelled_list():
    _, result = _pages(_fixture_text("big_health_app"))
    index = result.pages["index.md"].markdown
    assert "[**Sensitive data:**](notice.md#what-we-collect) [Step counts]" in index
    # sensitive only under the CCPA is labelled as such for EU and UK readers
    assert "**Sensitive personal information (California):**](notice.md#ca-sensitive) [Workouts and GPS routes]" in index


def test_parties_are_described_from_their_kind():
    _, result = _pages(_fixture_text("eu_uk_hr_platform"))
    managers = _section(result.pages["notice.md"].markdown, "party-hiring-managers")
    assert "These people use the data for their own purposes (controllers)." in managers
    _, result = _pages(_fixture_text("eu_public_library"))
    police = _section(result.pages["notice.md"].markdown, "party-police")
    assert "A public authority" in police and "company" not in police
    ocmw = _section(result.pages["notice.md"].markdown, "party-ocmw")
    assert "What they are to us" not in ocmw  # it only gives data
    _, result = _pages(_fixture_text("uk_shop"))
    couriers = _section(result.pages["notice.md"].markdown, "party-couriers")
    # no kind: the number is not known, so the role is a label and nothing is plural
    assert "**What they are to us:** Controller: uses the data for their own purposes." in couriers


def test_country_names_in_running_text_and_labels():
    from generator.notice.profile import load_profile
    from conftest import REPO

    names = load_profile("en").countries("label")
    text = load_profile("en").countries("text")
    assert text["US"] == "the United States" and names["US"] == "United States"
    assert text["CD"] == "the Democratic Republic of the Congo"
    assert text["NL"] == "the Netherlands" and text["DE"] == "Germany"
    assert names["KN"] == "Saint Kitts and Nevis"  # CLDR's "St. Kitts & Nevis", curated
    pytest.importorskip("babel")
    from cldr_tables import english_country_table

    committed = (REPO / "generator" / "templates" / "en" / "countries.tsv").read_text(encoding="utf-8")
    assert committed == english_country_table(), "regenerate: python tests/cldr_tables.py"


def test_ways_to_ask_are_a_list_and_four_methods_stay_short():
    text = variant(("    - {kind: app, where: Settings > Privacy > Your data}\n",
                    "    - {kind: app, where: Settings > Privacy > Your data}\n"
                    "    - {kind: phone, number: \"+44 20 7946 0000\"}\n"
                    "    - {kind: post, address: 'Data protection officer, Fernway, Rua Augusta 100, 1100-053 Lisboa, Portugal'}\n"))
    inv, result = _pages(text)
    index = result.pages["index.md"].markdown
    line = next(x for x in index.splitlines() if x.startswith("- [**Ways to ask:**]"))
    # +44 20 is a London number: toll-free only from the number's type (issue 15), never from the flag
    assert "; Phone: +44 20 7946 0000; Post:" in line.replace("\\+", "+")
    assert_template_sentences_pass_the_gate(inv, result)


def test_eight_kinds_of_data_shared_for_ads_stay_short():
    def many(d):
        d["data"] = [
            dict(d["data"][0], id=f"kind{i}", name=f"Kind of customer data number {i} of eight", shared_for_ads=True,
                 shared_for_ads_with=["salons"], sold=True, sold_to=["salons"])
            for i in range(8)
        ]
        for p in d["purposes"]:
            p["data"] = [x["id"] for x in d["data"]]
        d["controls"]["opt_out_url"] = "https://fernway.example/opt-out"
        d["ai_systems"][0]["data"] = []
    inv, result = _pages(variant(many))
    assert_template_sentences_pass_the_gate(inv, result)
    assert "[**Data we share for cross-context ads:**]" in result.pages["index.md"].markdown


def test_template_findings_name_the_line_that_wrote_the_sentence(tmp_path):
    """The same long sentence in two branches: the finding names the branch that was rendered."""
    long = "We write this sentence on purpose with many more words than any reader would like to read in one go, so that it is far too long for the gate today."
    (tmp_path / "notice").mkdir()
    (tmp_path / "notice" / "contact.md.j2").write_text(
        f"## Contact us {{: #contact }}\n\n{{% if false %}}\n{long}\n{{% else %}}\n{long}\n{{% endif %}}\n", encoding="utf-8"
    )
    inv = load_inventory(REFERENCE)
    report = check(render(inv, tmp_path), inv)
    (f,) = [f for f in report.findings if f.rule in ("RD002", "RD003") and "on purpose" in f.message]
    assert f.loc.file.endswith("contact.md.j2") and (f.loc.line, f.loc.col) == (6, 1)


def test_a_stop_the_inventory_ends_with_is_not_doubled():
    _, result = _pages(_fixture_text("eu_clinic"))
    index = result.pages["index.md"].markdown
    assert "Physiotherapie Lindenhof GmbH. **Email:**" in index
    text = variant(("  legal_name: Fernway Technologies, Lda.", "  legal_name: Fernway Technologies Inc."))
    _, result = _pages(text)
    assert "**Legal name:** Fernway Technologies Inc\\. **Email:**" in result.pages["index.md"].markdown


def test_addresses_keep_their_line_breaks_as_commas():
    _, result = _pages(_fixture_text("eu_public_library"))
    assert "- **Address:** Marktplein 1, 2999 Lindeveld, Belgium" in result.pages["notice.md"].markdown


def test_transfers_adequacy_comes_first_and_source_only_parties_are_no_transfer():
    # issue 16: one table per law (tests/test_transfers.py reads every row); here the rows issue 11 pinned
    _, result = _pages(_fixture_text("big_health_app"))
    eu_table = _section(result.pages["notice.md"].markdown, "transfers-eu")
    assert "| United Kingdom | [Partner health insurers](#party-insurers) | Adequacy decision | GDPR Art. 45; Decision \\(EU\\) 2021/1772" in eu_table
    assert "| Switzerland | [Makers of connected watches and scales \\(Garmin, Withings, Fitbit\\)](#party-wearables) | Adequacy decision |" in eu_table
    _, result = _pages(_fixture_text("eu_uk_hr_platform"))
    transfers = _section(result.pages["notice.md"].markdown, "transfers")
    assert "Recruitment agencies" not in transfers  # they only send data
    assert "The EU standard contractual clauses, with the UK Addendum issued by the ICO (UK GDPR Art\\. 46\\(2\\)\\(d\\))" in transfers
    _, result = _pages(_fixture_text("uk_sole_trader_blog"))
    transfers = _section(result.pages["notice.md"].markdown, "transfers")
    assert "UK Extension to the EU-US Data Privacy Framework: the recipient takes part in it (UK GDPR Art. 45A; SI 2023/1028)" in transfers
    assert "Decision \\(EU\\) 2023/1795" not in transfers and "copy" not in transfers


def test_uk_only_notice_cites_the_uk_gdpr_and_the_ico_not_eu_article_77():
    _, result = _pages(_fixture_text("uk_sole_trader_blog"))
    notice = result.pages["notice.md"].markdown
    assert "(UK GDPR Art. 6(1)(a))" in notice and "(GDPR Art." not in notice
    complain = _section(notice, "complain")
    assert "Information Commissioner's Office" in complain and "where you live or work" not in complain


def test_rights_name_only_the_bases_present():
    _, result = _pages(_fixture_text("uk_shop"))  # contract only: no objection basis, no consent
    rights = _section(result.pages["notice.md"].markdown, "your-rights")
    assert "You have the right to object" not in rights and "withdraw your consent" not in rights
    assert "We do not use your data for any of these." in rights
    _, result = _pages(_fixture_text("eu_public_library"))  # public task, legal duty, one consent purpose
    obj = _section(result.pages["notice.md"].markdown, "right-to-object")
    assert "for a public task, you can object" in obj and "legitimate interests" not in obj


def test_must_you_give_it_is_asked_only_where_the_person_gives_the_data():
    # review C #3: step counts come from the phone and a watch maker; the person gives nothing, so
    # Art. 13(2)(e) has nothing to ask, even where the file states `required`
    inv, result = _pages(_fixture_text("big_health_app"))
    notice = result.pages["notice.md"].markdown
    assert "If you give it yourself" not in notice
    for d in inv.data:
        sec = _section(notice, "data-" + re.sub(r"[^a-z0-9]+", "-", d.id.lower()).strip("-"))
        if "you" not in d.sources:
            assert "Must you give it" not in sec, d.id
        elif d.required is not None and not d.from_person:
            assert "**Must you give it?** The part you give us yourself: " + ("yes" if d.required else "no") in sec, d.id


def test_the_cookie_consent_exemption_is_claimed_only_under_eu_or_uk_law():
    # review C #15: ePrivacy Art. 5(3) / PECR reg. 6 do not apply to a California-only business
    needed = "so the law lets us use them without asking you"
    _, ca_only = _pages(_fixture_text("us_ca_stores"))
    assert "essential" in _fixture_text("us_ca_stores")
    assert needed not in ca_only.pages["notice.md"].markdown
    _, both = _pages(variant())
    assert needed in both.pages["notice.md"].markdown
