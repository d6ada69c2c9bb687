"""Transfers out of the EEA (GDPR Chapter V) and out of the UK (UK GDPR Chapter 5), worked out once
for the rules and the notice.

For each law, :func:`transfer_rows` gives one row per party that receives data and each of its
countries outside that law's home (the EEA for the EU GDPR, the UK for the UK GDPR), with what the
law allows the transfer on: an adequacy decision (EU Art. 45) or adequacy regulations (UK Art. 45A),
a safeguard (Art. 46, 47) or a derogation (Art. 49). So:

* a recipient in the law's home is no transfer (data sent from the EEA to the UK is an EU transfer,
  covered by the EU adequacy decision for the UK, and no UK transfer at all);
* the controller itself is no recipient, so where it is established is never a row;
* a party that only gives us data receives nothing, so it is never a row;
* a country the law's adequacy list covers in full is covered by the decision, whatever else the
  inventory names: a derogation applies only "in the absence of" a decision or a safeguard (Art. 49(1));
* a safeguard is named per law: `transfers` entries say it per country; the older single
  `transfer_safeguard` counts only under the law whose own tools include it
  (:data:`LEGACY`), so the EU clauses are never taken to cover UK data, nor the EU-US Data Privacy
  Framework to mean the UK Extension.

The adequacy lists are data (:mod:`generator.inventory.geography`). Not legal advice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from generator.inventory.decl import Field

from generator.inventory.fields import Country, Strict, Text
from generator.inventory.geography import adequacy
from generator.inventory.vocab import EuTransferBasis, UkTransferBasis

LAWS = ("eu", "uk")
#: The vocabulary of each law.
VOCABULARY = {"eu": EuTransferBasis, "uk": UkTransferBasis}
#: The values that say the recipient is within an adequacy decision (EU) or regulations (UK).
ADEQUACY = {
    "eu": frozenset({"adequacy_decision", "eu_us_data_privacy_framework"}),
    "uk": frozenset({"adequacy_regulations", "uk_us_data_bridge"}),
}
#: The values that cover US recipients only.
US_ONLY = frozenset({"eu_us_data_privacy_framework", "uk_us_data_bridge"})
#: What the older single `transfer_safeguard` means under each law: only the tools of that law.
LEGACY = {
    "eu": {
        "adequacy_decision": "adequacy_decision",
        "eu_us_data_privacy_framework": "eu_us_data_privacy_framework",
        "standard_contractual_clauses": "standard_contractual_clauses",
        "binding_corporate_rules": "binding_corporate_rules",
        "code_of_conduct": "code_of_conduct",
        "certification": "certification",
        "derogation_explicit_consent": "derogation_explicit_consent",
        "derogation_contract": "derogation_contract",
    },
    "uk": {
        "adequacy_decision": "adequacy_regulations",
        "uk_idta": "uk_idta",
        "uk_addendum": "uk_addendum",
        "derogation_explicit_consent": "derogation_explicit_consent",
        "derogation_contract": "derogation_contract",
    },
}
#: The article of the law behind an adequacy row, per law.
ADEQUACY_ARTICLE = {"eu": "Art. 45", "uk": "UK GDPR Art. 45A"}

# Descriptions of the Party fields about transfers (generator.inventory.model.Party).
SAFEGUARD_DOC = (
    "One basis for every transfer to this party (Art. 45-49). It counts only under the law whose "
    "tools include it (see the values). To name one per country and per law, use `transfers`."
)
TRANSFERS_DOC = (
    "Why each law allows the transfers to this party, per country: an adequacy decision, a "
    "safeguard or a derogation. Use it instead of `transfer_safeguard`."
)
COPY_DOC = (
    "How to get a copy of this party's safeguards (Art. 46, 47), or where they are published "
    "(Art. 13(1)(f), 14(1)(f))."
)


class TransferBasis(Strict):
    """Why the law allows the transfers to this party, for some or all of its countries: one value
    per law (GDPR / UK GDPR Art. 13(1)(f), 14(1)(f); GDPR Art. 44-49; UK GDPR Art. 44A-49). A
    country the law's adequacy list covers in full needs no value; a recipient in the law's own area
    (the EEA for `eu`, the UK for `uk`) is no transfer under it."""

    countries: Optional[list[Country]] = Field(
        None,
        description="Which of the party's countries this entry is for (ISO codes). Left out: every "
        "country of the party that no other entry names.",
    )
    eu: Optional[EuTransferBasis] = Field(None, description="For transfers from the EEA (EU GDPR).")
    uk: Optional[UkTransferBasis] = Field(None, description="For transfers from the UK (UK GDPR).")
    safeguard_copy: Optional[Text] = Field(
        None,
        description="How to get a copy of the safeguard named here, or where it is published "
        "(Art. 13(1)(f), 14(1)(f)). Only a safeguard (Art. 46, 47) has one: an adequacy decision and "
        "a derogation do not. Left out: the party's `safeguard_copy`.",
    )


def kind_of(value: str) -> str:
    """'adequacy', 'derogation' or 'safeguard', for a value of either law's vocabulary."""
    if value in ADEQUACY["eu"] | ADEQUACY["uk"]:
        return "adequacy"
    if value.startswith("derogation_"):
        return "derogation"
    return "safeguard"


def article_of(law: str, value: str) -> str:
    return VOCABULARY[law](value).article


@dataclass(frozen=True)
class TransferRow:
    """One transfer under one law: a party, one of its countries, and what the law allows it on."""

    law: str  # "eu" or "uk"
    party: Any
    party_index: int
    country: str
    country_path: tuple  # where the country is written: ("parties", i, "country") or (..., "countries", j)
    adequacy: str  # what the law's list says about the country: "full", "partial" or "none"
    basis: Optional[str]  # the value that allows the transfer (None: no valid basis, see problem)
    kind: Optional[str]  # "adequacy", "safeguard" or "derogation"; None when there is no valid basis
    article: str  # the article behind the basis ("" when there is none)
    instrument: Optional[str]  # the decision or regulations, for an adequacy row
    scope: Optional[str]  # for a partial decision: whom it covers
    stated: Optional[str]  # the value the inventory names for this law and country, as written
    stated_path: tuple  # where it is named (the party, when nothing is)
    copy: Any  # Text: how to get a copy of the safeguard, or None
    copy_path: Optional[tuple]
    problem: Optional[str]  # None, or "none", "partial", "false_adequacy", "wrong_law", "us_only"


def receiving_party_ids(inv) -> set[str]:
    """Parties that receive data: in shared_with, sold_to, shared_for_ads_with, or cookie providers."""
    ids: set[str] = set()
    for d in inv.data:
        ids.update(d.shared_with)
        ids.update(d.sold_to)
        ids.update(d.shared_for_ads_with)
    ids.update(c.provider for c in inv.cookies if c.provider)
    return ids


def _countries(party, i: int) -> list[tuple[str, tuple]]:
    if party.country:
        return [(party.country, ("parties", i, "country"))]
    return [(c, ("parties", i, "countries", j)) for j, c in enumerate(party.countries or [])]


def _entry(party, code: str) -> tuple[Optional[TransferBasis], Optional[int]]:
    """The `transfers` entry for ``code``: the one that names it, else the one that names no country."""
    entries = list(party.transfers or [])
    for k, e in enumerate(entries):
        if e.countries and code in e.countries:
            return e, k
    for k, e in enumerate(entries):
        if not e.countries:
            return e, k
    return None, None


def _stated(law: str, party, i: int, code: str):
    """(value for this law, its path, copy text, copy path, legacy value that has no meaning under this law)."""
    entry, k = _entry(party, code)
    if entry is not None:
        value = getattr(entry, law)
        copy, copy_path = entry.safeguard_copy, ("parties", i, "transfers", k, "safeguard_copy")
        if copy is None and party.safeguard_copy is not None:
            copy, copy_path = party.safeguard_copy, ("parties", i, "safeguard_copy")
        path = ("parties", i, "transfers", k, law) if value is not None else ("parties", i, "transfers", k)
        return (value.value if value is not None else None), path, copy, copy_path, None
    copy, copy_path = party.safeguard_copy, ("parties", i, "safeguard_copy")
    if copy is None:
        copy_path = None
    if party.transfer_safeguard is None:
        return None, ("parties", i), copy, copy_path, None
    legacy = party.transfer_safeguard.value
    path = ("parties", i, "transfer_safeguard")
    if legacy in LEGACY[law]:
        return LEGACY[law][legacy], path, copy, copy_path, None
    return None, path, copy, copy_path, legacy


def transfer_rows(inv, law: str) -> list[TransferRow]:
    """The transfers under ``law`` ("eu" or "uk"), in the order of the parties and their countries.
    Computed whether or not the notice lists the law; callers ask only for the laws it lists."""
    ad = adequacy(law)
    receiving = receiving_party_ids(inv)
    rows: list[TransferRow] = []
    for i, p in enumerate(inv.parties):
        if p.id not in receiving:
            continue  # a party that only gives us data receives no transfer
        for code, cpath in _countries(p, i):
            if code in ad.home:
                continue
            stated, spath, copy, copy_path, legacy = _stated(law, p, i, code)
            part = ad.partial.get(code)
            state = "full" if code in ad.countries else "partial" if part else "none"
            basis = kind = instrument = problem = None
            scope = part["note"] if part else None
            if state == "full":  # the decision covers it, whatever else is named
                basis, kind, instrument = "adequacy", "adequacy", ad.instruments[code]
            elif stated is None:
                problem = "wrong_law" if legacy else ("partial" if part else "none")
                stated = legacy
            elif stated in ADEQUACY[law]:
                if part and part["only_with"] == stated:
                    basis, kind, instrument = stated, "adequacy", ad.instruments[code]
                elif stated in US_ONLY:
                    problem = "us_only"
                else:
                    problem = "false_adequacy"
            else:
                basis, kind = stated, kind_of(stated)
            if kind == "adequacy":
                article = ADEQUACY_ARTICLE[law] if basis == "adequacy" else article_of(law, basis)
            else:
                article = article_of(law, basis) if basis else ""
            keep_copy = kind == "safeguard"
            rows.append(
                TransferRow(
                    law=law,
                    party=p,
                    party_index=i,
                    country=code,
                    country_path=cpath,
                    adequacy=state,
                    basis=basis,
                    kind=kind,
                    article=article,
                    instrument=instrument,
                    scope=scope if kind in ("adequacy", None) else None,
                    stated=stated,
                    stated_path=spath,
                    copy=copy if keep_copy else None,
                    copy_path=copy_path if keep_copy and copy is not None else None,
                    problem=problem,
                )
            )
    return rows
