"""Transfers per law and per country (issue 16 point 3), read from the rendered notice: each test
reads the rows of the EU and the UK tables (country, recipient, what allows it, details) and the
sentences around them, for one combination of where the controller is, where the recipients are
and what the inventory names.
"""

from __future__ import annotations

import re

import pytest

from conftest import COMPANIES, FIXTURES as COMPANIES_NEW, REFERENCE, variant
from generator.inventory.load import load_file, load_text
from generator.inventory.parse import parse
from generator.inventory.vocab import EuTransferBasis, UkTransferBasis
from generator.notice.checklist import find_section
from generator.notice.render import render
from generator.rules import check_completeness

TRAVEL = COMPANIES["travel"]
_UNESCAPE = re.compile(r"\\(.)")


def _plain(text: str) -> str:
    """Markdown cell text as a reader sees it: escapes and links removed."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return _UNESCAPE.sub(r"\1", text).replace("&#39;", "'").replace("&#58;", ":").replace("**", "").strip()


def notice(inv_or_text) -> str:
    inv = inv_or_text if not isinstance(inv_or_text, str) else parse(load_text(inv_or_text, "inv.yml"))
    return render(inv, lang="en").pages["notice.md"].markdown  # the English page (the clinic lists de first)


def section(md: str, anchor: str) -> str:
    span = find_section(md, anchor)
    return md[span[0] : span[1]] if span else ""


def rows(md: str, law: str) -> list[tuple[str, str, str, str]]:
    """(country, recipient, allowed by, details) of the table under #transfers-<law>."""
    out = []
    for line in section(md, f"transfers-{law}").splitlines():
        if line.startswith("| Term |"):
            break
        if line.startswith("| ") and not line.startswith("| Country |"):
            cells = [_plain(c) for c in line.strip().strip("|").split(" | ")]
            out.append(tuple(cells))
    return out


def terms(md: str, law: str) -> dict[str, str]:
    """The 'Term | What it means' table under #transfers-<law>."""
    out, inside = {}, False
    for line in section(md, f"transfers-{law}").splitlines():
        if line.startswith("| Term |"):
            inside = True
        elif inside and line.startswith("| ") :
            term, meaning = [_plain(c) for c in line.strip().strip("|").split(" | ")]
            out[term] = meaning
        elif inside and not line.startswith("|"):
            break
    return out


def test_terms_say_what_the_articles_say(travel):
    assert terms(travel, "eu") == {
        "Adequacy decision": "The European Commission has found the protection there good enough, for the recipients shown. No other permission is needed (GDPR Art. 45).",
        "Safeguard": "A contract or a set of rules, approved under the law, that binds the recipient to protect your data (GDPR Art. 46).",
        "Exception": "No adequacy decision and no safeguard cover the transfer. The law still allows it in the case shown (GDPR Art. 49).",
    }
    assert terms(travel, "uk") == {
        "Adequacy regulations": "UK law approves transfers to the country, for the recipients shown (UK GDPR Art. 45A).",
        "Safeguard": "A contract or a set of rules, approved under the law, that binds the recipient to protect your data (UK GDPR Art. 46).",
        "Exception": "No adequacy regulations and no safeguard cover the transfer. The law still allows it in the case shown (UK GDPR Art. 49).",
    }


def by_party(md: str, law: str, name: str) -> dict[str, tuple[str, str]]:
    return {c: (kind, details) for c, who, kind, details in rows(md, law) if who == name}


@pytest.fixture(scope="module")
def travel() -> str:
    return notice(parse(load_file(TRAVEL)))


# -- who is a row, and under which law ---------------------------------------------------------


def test_eea_only_company_sends_nothing_abroad():
    clinic = variant(("    country: US\n    transfer_safeguard: standard_contractual_clauses\n", "    country: FR\n"),
                     ("    safeguard_copy: {de: Schreiben Sie uns., en: Write to us.}\n", ""), base=COMPANIES["clinic"])
    md = notice(clinic)
    assert rows(md, "eu") == []
    assert "No one outside the EEA gets your data from us." in section(md, "transfers-eu")
    assert "transfers-uk" not in md  # the clinic lists only the EU GDPR
    assert "Where we are:" not in md  # the controller is in Germany, inside the EEA


def test_uk_controller_sending_to_the_eea():
    shop = variant(("  address: 80 State Street, Albany, NY 12207, USA\n", "  address: 1 Mill Lane, Leeds LS1 1AA, United Kingdom\n"),
                   ("  representatives:\n    - region: UK\n      name: Rep Services UK Ltd\n      address: 1 King Street, Manchester M2 6AZ, UK\n      email: maple@repservices.example.co.uk\n", ""),
                   base=COMPANIES["uk"])
    inv = parse(load_text(shop, "inv.yml"))
    assert check_completeness(inv) == []
    md = notice(inv)
    got = rows(md, "uk")
    assert ("Ireland", "Couriers in the UK and Ireland", "Adequacy regulations", "UK GDPR Art. 45A; DPA 2018 Sch. 21 para. 5") in got
    assert not any(c == "United Kingdom" for c, *_ in got)  # the couriers in the UK get no transfer
    assert "Where we are:" not in md
    assert "transfers-eu" not in md


def test_eu_controller_sending_to_the_uk(travel):
    eu = by_party(travel, "eu", "Tulip Trips London desk (London Travel Services Ltd)")
    assert eu == {"United Kingdom": ("Adequacy decision", "GDPR Art. 45; Decision (EU) 2021/1772, as renewed by (EU) 2025/2574")}
    # data the EEA sends to the UK does not leave the UK: no UK row for any recipient in the UK
    assert not any(c == "United Kingdom" for c, *_ in rows(travel, "uk"))


def test_controller_country_and_source_only_party_are_no_rows(travel):
    every = rows(travel, "eu") + rows(travel, "uk")
    assert not any(who.startswith("Booking websites") for _, who, *_ in every)  # it only gives us data
    assert not any(c == "Netherlands" for c, *_ in rows(travel, "eu"))
    assert "- **Where we are:** Netherlands\n" in section(travel, "transfers")  # outside the UK, so said


def test_controller_outside_both_areas_is_named_not_a_transfer():
    md = notice(parse(load_file(COMPANIES["uk"])))
    assert "- **Where we are:** United States\n" in md
    assert [r[0] for r in rows(md, "uk")] == ["India", "Ireland"]  # sorted by country


# -- what allows each transfer, per law and per country ---------------------------------------


def test_us_company_on_the_dpf_and_its_uk_extension(travel):
    assert by_party(travel, "eu", "Postbird Inc.") == {"United States": (
        "Adequacy decision",
        "EU-US Data Privacy Framework: the recipient takes part in it (GDPR Art. 45; Decision (EU) 2023/1795)")}
    assert by_party(travel, "uk", "Postbird Inc.") == {"United States": (
        "Adequacy regulations",
        "UK Extension to the EU-US Data Privacy Framework: the recipient takes part in it (UK GDPR Art. 45A; SI 2023/1028)")}


def test_one_party_in_five_countries_gets_an_answer_per_country_and_law(travel):
    contract = "It is needed for our contract with you, or for steps you asked for before one"
    assert by_party(travel, "eu", "The hotels you stay at") == {
        "Switzerland": ("Adequacy decision", "GDPR Art. 45; Decision 2000/518/EC"),
        "Japan": ("Adequacy decision", "GDPR Art. 45; Decision (EU) 2019/419"),
        "Thailand": ("Exception", f"{contract} (GDPR Art. 49(1)(b))"),
        "United States": ("Exception", f"{contract} (GDPR Art. 49(1)(b))"),
    }  # Spain is in the EEA: no EU transfer
    assert by_party(travel, "uk", "The hotels you stay at") == {
        "Spain": ("Adequacy regulations", "UK GDPR Art. 45A; DPA 2018 Sch. 21 para. 5"),
        "Switzerland": ("Adequacy regulations", "UK GDPR Art. 45A; DPA 2018 Sch. 21 para. 5"),
        "Japan": ("Adequacy regulations", "Covers only data covered by the APPI, a Japanese privacy law; this transfer is within that scope (UK GDPR Art. 45A; DPA 2018 Sch. 21 para. 5)"),
        "Thailand": ("Exception", f"{contract} (UK GDPR Art. 49)"),
        "United States": ("Exception", f"{contract} (UK GDPR Art. 49)"),
    }


def test_a_safeguard_per_law(travel):
    assert by_party(travel, "eu", "Helpdesk India Pvt Ltd") == {"India": ("Safeguard", "The EU standard contractual clauses of Decision (EU) 2021/914 (GDPR Art. 46(2)(c))")}
    assert by_party(travel, "uk", "Helpdesk India Pvt Ltd") == {"India": ("Safeguard", "The EU standard contractual clauses, with the UK Addendum issued by the ICO (UK GDPR Art. 46(2)(d))")}
    assert by_party(travel, "eu", "CloudCRM group") == {"United States": ("Safeguard", "Binding corporate rules approved under the GDPR (GDPR Art. 46(2)(b), 47)")}
    assert by_party(travel, "uk", "CloudCRM group") == {
        "Ireland": ("Adequacy regulations", "UK GDPR Art. 45A; DPA 2018 Sch. 21 para. 5"),
        "United States": ("Safeguard", "Binding corporate rules approved by the ICO (UK GDPR Art. 46(2)(b), 47)"),
    }


def test_adequacy_for_some_recipients_and_an_exception_for_one_law_only(travel):
    assert by_party(travel, "eu", "Maple Tours Inc.") == {"Canada": (
        "Adequacy decision",
        "Covers only businesses subject to PIPEDA, a Canadian privacy law; this transfer is within that scope (GDPR Art. 45; Decision 2002/2/EC)")}
    assert by_party(travel, "eu", "Seguro Viagem S.A.") == {"Brazil": ("Adequacy decision", "GDPR Art. 45; Decision (EU) 2026/179")}
    assert by_party(travel, "uk", "Seguro Viagem S.A.") == {"Brazil": ("Exception", "You explicitly agreed to this transfer (UK GDPR Art. 49)")}


def test_adequacy_is_a_decision_and_never_a_safeguard(travel):
    for law in ("eu", "uk"):
        for _, _, kind, details in rows(travel, law):
            if kind.startswith("Adequacy"):
                assert "safeguard" not in details.lower()
    assert terms(travel, "eu")["Adequacy decision"].startswith("The European Commission has found the protection there good enough")
    assert terms(travel, "uk")["Adequacy regulations"].startswith("UK law approves transfers to the country")
    assert "Exception" not in terms(travel, "eu")["Adequacy decision"]


def test_copies_only_for_safeguards(travel):
    for law in ("eu", "uk"):
        sec = section(travel, f"transfers-{law}")
        copies = sec[sec.index("How to get a copy of a safeguard:"):]
        assert _plain(copies).splitlines()[2:] == [
            "- Helpdesk India Pvt Ltd: Email privacy@tuliptrips.example and we send you the clauses.",
            "- CloudCRM group: The rules are published at https://cloudcrm.example/bcr.",
        ]
    # a derogation or an adequacy decision has no copy: none for the hotels, the mailer, Brazil
    assert "Postbird" not in copies and "hotels" not in copies


def test_terms_are_defined_only_when_a_row_uses_them():
    md = notice(parse(load_file(COMPANIES["uk"])))  # an IDTA and adequacy regulations, no exception
    assert sorted(terms(md, "uk")) == ["Adequacy regulations", "Safeguard"]
    assert "How to get a copy of a safeguard:" in section(md, "transfers-uk")


def test_no_basis_says_only_what_the_list_says():
    """With a finding (the build stops), the preview still says nothing the inventory does not."""
    text = variant(("    transfers: [{eu: eu_us_data_privacy_framework, uk: uk_us_data_bridge}]\n", ""))
    md = notice(text)
    assert by_party(md, "eu", "Postmark (ActiveCampaign LLC)") == {"United States": (
        "–", "The EU adequacy decision here covers only companies certified under the EU-US Data Privacy Framework")}
    assert "The table shows why" not in section(md, "transfers-eu")  # it does not, for this row
    assert "The table shows why the EU GDPR allows each transfer." in section(notice(parse(load_file(REFERENCE))), "transfers-eu")
    shop = variant(("    transfer_safeguard: uk_idta\n", ""), base=COMPANIES["uk"])
    assert by_party(notice(shop), "uk", "Helpline Services Pvt Ltd") == {"India": ("–", "No UK adequacy regulations cover this transfer")}


def test_the_old_single_field_for_both_laws():
    """The reference before issue 16 had `transfer_safeguard` per party: the EU clauses and the DPF
    now count under the EU GDPR only, and the UK rows say no more than the adequacy list."""
    text = variant(("    transfers: [{eu: eu_us_data_privacy_framework, uk: uk_us_data_bridge}]\n", "    transfer_safeguard: eu_us_data_privacy_framework\n"))
    md = notice(text)
    assert by_party(md, "eu", "Postmark (ActiveCampaign LLC)")["United States"][0] == "Adequacy decision"
    assert by_party(md, "uk", "Postmark (ActiveCampaign LLC)")["United States"][0] == "–"
    assert [f.rule for f in check_completeness(parse(load_text(text, "inv.yml")))] == ["uk.transfers"]


# -- every value of both vocabularies renders its own words -----------------------------------


def _one_party(law: str, value: str, country: str) -> str:
    entry = f"{{{law}: {value}" + (", safeguard_copy: Ask us." if not value.startswith(("derogation", "adequacy", "eu_us", "uk_us")) else "") + "}"
    return variant(
        ("  - id: helpdesk\n    name: Zendesk Inc.\n    role: processor\n    purpose: To manage support messages.\n    country: US\n",
         f"  - id: helpdesk\n    name: Zendesk Inc.\n    role: processor\n    purpose: To manage support messages.\n    country: {country}\n"),
        ("    transfers: [{eu: standard_contractual_clauses, uk: uk_addendum, safeguard_copy: Email privacy@fernway.example and we send you a copy.}]\n",
         f"    transfers: [{entry}]\n"),
    )


@pytest.mark.parametrize("law,value", [("eu", v.value) for v in EuTransferBasis] + [("uk", v.value) for v in UkTransferBasis])
def test_every_basis_has_its_words_and_article(law, value):
    country = "US" if value in ("eu_us_data_privacy_framework", "uk_us_data_bridge") else "CA" if value.startswith("adequacy") else "IN"
    md = notice(_one_party(law, value, country))
    (kind, details), = by_party(md, law, "Zendesk Inc.").values()
    vocabulary = EuTransferBasis if law == "eu" else UkTransferBasis
    article = vocabulary(value).article
    expected_kind = {"eu": "Adequacy decision", "uk": "Adequacy regulations"}[law] if value.startswith(("adequacy", "eu_us", "uk_us")) else "Exception" if value.startswith("derogation") else "Safeguard"
    assert kind == expected_kind
    cite = ("GDPR Art. 45" if law == "eu" else "UK GDPR Art. 45A") if expected_kind.startswith("Adequacy") else ("GDPR " if law == "eu" else "") + article
    assert cite in details and len(details) > len(cite) + 10, details
    assert "  " not in details and ".." not in details and "()" not in details


@pytest.mark.parametrize("path", [REFERENCE, *COMPANIES.values()], ids=lambda p: p.stem)
def test_every_table_and_list_stands_on_its_own(path):
    """Markdown reads a table or a list only after a blank line: the tables, the terms and the copy
    list never run into the sentence before them."""
    md = section(notice(parse(load_file(path))), "transfers")
    lines = md.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(("| Country |", "| Term |", "How to get a copy")) or (line.startswith("- ") and not lines[i - 1].startswith("- ")):
            assert lines[i - 1] == "", f"{path.name}: no blank line before {line!r}"


@pytest.mark.parametrize("lang", sorted(__import__("generator.notice.templates", fromlist=["x"]).available_languages()))
def test_transfer_rows_are_in_the_order_of_the_pages_own_country_names(lang):
    """Dutch readers look for Zwitserland after Verenigde Staten, not where English puts Switzerland."""
    import unicodedata

    from generator.notice.context import build_context
    from generator.notice.profile import load_profile
    from generator.notice.values import Values

    inv = parse(load_file(COMPANIES_NEW / "eu_uk_hr_platform.yml"))
    names = load_profile(lang).countries()
    context = build_context(inv, Values(inv, lang), lang, names)
    shown = [names[str(row.country)] for row in context["transfer_tables"][0].rows]
    assert len(set(shown)) >= 3

    def key(n):
        return "".join(c for c in unicodedata.normalize("NFKD", n) if not unicodedata.combining(c)).casefold()

    assert shown == sorted(shown, key=key)


def _no_bases(data: dict) -> None:
    """Recipients in India (no adequacy decision or regulations) that state no safeguard."""
    for p in data.get("parties") or []:
        p.pop("transfers", None)
        if "country" in p:
            p["country"] = "IN"
        if "countries" in p:
            p["countries"] = ["IN"]


def _tables_without_rows(markdown: str) -> list[str]:
    lines = markdown.split("\n")
    return [lines[i] for i in range(len(lines) - 2) if re.fullmatch(r"\|(---\|)+", lines[i + 1]) and not lines[i + 2].startswith("|")]


@pytest.mark.parametrize("lang", sorted(__import__("generator.notice.templates", fromlist=["x"]).available_languages()))
def test_no_table_of_terms_without_a_term_when_no_transfer_states_its_basis(lang):
    """A transfer table whose rows state no basis ("No EU adequacy decision covers this transfer")
    once printed the 'Term | What it means' header with nothing under it."""
    inv = parse(load_text(variant(_no_bases, base=REFERENCE), "no_bases.yml"))
    notice = render(inv, lang=lang).pages["notice.md"].markdown
    start, end = find_section(notice, "transfers")
    assert "|" in notice[start:end]  # the transfer table itself is there
    assert _tables_without_rows(notice) == []


@pytest.mark.parametrize("name", ["reference", *sorted(p.stem for p in COMPANIES.values())])
def test_no_page_has_a_table_without_rows(name):
    inv = parse(load_file(REFERENCE if name == "reference" else COMPANIES_NEW / f"{name}.yml"))
    for path, page in render(inv).pages.items():
        assert _tables_without_rows(page.markdown) == [], path
