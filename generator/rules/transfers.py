"""The transfer checks the EU GDPR (:mod:`.eu`) and the UK GDPR (:mod:`.uk`) run, each with its own
adequacy list and its own tools: every transfer needs a basis under the law it leaves
(:func:`basis_hits`), and every safeguard a way to get a copy (:func:`copy_hits`).

The transfers themselves come from :func:`generator.inventory.transfers.transfer_rows`, which the
notice uses too, so a finding and a table row always agree. Not legal advice.
"""

from __future__ import annotations

from typing import Iterator

from generator.inventory.geography import adequacy, countries
from generator.inventory.transfers import transfer_rows
from generator.rules.engine import Hit, and_list, party_label

_HOME = {"eu": "the EEA", "uk": "the UK"}
_DECISION = {"eu": "an EU adequacy decision", "uk": "UK adequacy regulations"}
_NONE = {"eu": "where there is no EU adequacy decision", "uk": "where no UK adequacy regulations apply"}
_PARTIAL = {"eu": "where the EU adequacy decision covers", "uk": "where the UK adequacy regulations cover"}
_EXAMPLE = {"eu": "standard_contractual_clauses", "uk": "uk_idta"}
_LIST = {"eu": "the EU adequacy list", "uk": "the UK adequacy list"}

#: What an EU-only tool named in the single `transfer_safeguard` means for UK data, and the fix.
_NOT_FOR_UK = {
    "standard_contractual_clauses": (
        "the EU standard contractual clauses alone do not cover transfers from the UK",
        "replace 'transfer_safeguard' with the tool per law: 'transfers: [{eu: standard_contractual_clauses, "
        "uk: uk_addendum}]' (the EU clauses with the UK Addendum), or 'uk: uk_idta'",
    ),
    "eu_us_data_privacy_framework": (
        "the EU-US Data Privacy Framework covers transfers from the EEA; transfers from the UK need the UK Extension to it",
        "if the company takes part in the UK Extension, replace 'transfer_safeguard' with "
        "'transfers: [{eu: eu_us_data_privacy_framework, uk: uk_us_data_bridge}]'; otherwise name a UK safeguard, e.g. 'uk: uk_idta'",
    ),
    "binding_corporate_rules": (
        "binding corporate rules approved under the EU GDPR do not cover transfers from the UK",
        "if the ICO approved the rules too, replace 'transfer_safeguard' with "
        "'transfers: [{eu: binding_corporate_rules, uk: uk_binding_corporate_rules}]'",
    ),
    "code_of_conduct": (
        "an EU code of conduct does not cover transfers from the UK",
        "replace 'transfer_safeguard' with 'transfers: [{eu: code_of_conduct, uk: uk_idta}]' (or another UK tool)",
    ),
    "certification": (
        "an EU certification does not cover transfers from the UK",
        "replace 'transfer_safeguard' with 'transfers: [{eu: certification, uk: uk_idta}]' (or another UK tool)",
    ),
}
#: The same for a UK-only tool and EU data.
_NOT_FOR_EU = {
    "uk_idta": (
        "the UK International Data Transfer Agreement covers transfers from the UK only, not from the EEA",
        "replace 'transfer_safeguard' with the tool per law: 'transfers: [{eu: standard_contractual_clauses, uk: uk_idta}]'",
    ),
    "uk_addendum": (
        "the UK Addendum covers transfers from the UK only; for data from the EEA, name the EU clauses it is added to",
        "replace 'transfer_safeguard' with 'transfers: [{eu: standard_contractual_clauses, uk: uk_addendum}]'",
    ),
}


def _names(rows) -> str:
    names = countries()
    return and_list([f"{names.get(r.country, r.country)} ({r.country})" for r in rows])


def basis_hits(inv, law: str) -> Iterator[Hit]:
    """One hit per party and kind of problem: the transfers under ``law`` with no valid basis."""
    ad = adequacy(law)
    groups: dict = {}
    for r in transfer_rows(inv, law):
        if r.problem:
            groups.setdefault((r.party_index, r.problem, r.stated_path), []).append(r)
    for (_, problem, path), rows in groups.items():
        p, first = rows[0].party, rows[0]
        where = _names(rows)
        if problem == "none":
            yield Hit(
                path,
                f"party {party_label(p)} receives data in {where}, outside {_HOME[law]}, {_NONE[law]} "
                f"({_LIST[law]} was checked {ad.checked}), and names no safeguard or derogation for it",
                f"add to the party 'transfers: [{{countries: [{first.country}], {law}: ...}}]' with the safeguard "
                f"(e.g. {_EXAMPLE[law]}) or the derogation you rely on",
            )
        elif problem == "partial":
            part = ad.partial[first.country]
            yield Hit(
                path,
                f"party {party_label(p)} receives data in {where}, {_PARTIAL[law]} only {part['note']}, and names no basis for it",
                f"if the recipient is one of them, add 'transfers: [{{countries: [{first.country}], {law}: {part['only_with']}}}]'; "
                f"otherwise name the safeguard you use, e.g. '{law}: {_EXAMPLE[law]}'",
            )
        elif problem == "false_adequacy":
            detail = "; ".join(
                f"for {ad.partial[r.country]['name']} it covers only {ad.partial[r.country]['note']}"
                if r.country in ad.partial
                else f"{countries().get(r.country, r.country)} has none"
                for r in rows
            )
            yield Hit(
                path,
                f"party {party_label(p)} names {_DECISION[law]} for {where}, but {_LIST[law]} (checked {ad.checked}) "
                f"does not cover this transfer: {detail}",
                f"name the safeguard or derogation you rely on instead, e.g. '{law}: {_EXAMPLE[law]}'",
            )
        elif problem == "us_only":
            what = "the EU-US Data Privacy Framework" if law == "eu" else "the UK Extension to the EU-US Data Privacy Framework"
            yield Hit(
                path,
                f"party {party_label(p)} relies on {what}, which covers US companies only, but receives data in {where}",
                "give the other countries their own 'transfers' entry, with a basis that covers them",
            )
        else:  # wrong_law: the single transfer_safeguard names a tool of the other law
            message, fix = (_NOT_FOR_UK if law == "uk" else _NOT_FOR_EU)[first.stated]
            yield Hit(path, f"party {party_label(p)} relies on {first.stated} for {where}: {message}", fix)


def copy_hits(inv, law: str) -> Iterator[Hit]:
    """A safeguard (Art. 46, 47) with no word on how to get a copy: one hit per party."""
    missing: dict = {}
    for r in transfer_rows(inv, law):
        if r.kind == "safeguard" and r.copy is None:
            missing.setdefault(r.party_index, []).append(r)
    for rows in missing.values():
        first = rows[0]
        yield Hit(
            first.stated_path,
            f"party {party_label(first.party)} receives data in {_names(rows)} under a safeguard ({first.basis}), "
            "but the inventory does not say how people can get a copy of it",
            "add 'safeguard_copy:' to the party (or to its 'transfers' entry): how to ask for a copy, or where it is published",
        )
