"""Rules of the UK GDPR only: transfers out of the UK, the UK representative."""

from __future__ import annotations

from typing import Iterator

from generator.rules.engine import Hit, Rule, rule, uk
from generator.rules.gdpr import representative_hits
from generator.rules.transfers import basis_hits, copy_hits

RULES: list[Rule] = []


@rule(
    RULES,
    "uk.transfers",
    uk("Art. 13(1)(f), 14(1)(f), 44A, 45A, 46, 49"),
    "each transfer out of the UK, per country: the UK adequacy regulations, the safeguard, or the derogation it relies on",
    "add 'transfers:' to the party: per country, 'uk:' with the safeguard (e.g. uk_idta or uk_addendum) or the derogation",
)
def _uk_transfers(inv) -> Iterator[Hit]:
    """UK -> a third country (the EEA included: UK adequacy regulations cover it; data the UK gets
    from the EEA is no UK transfer). Adequacy list: data/adequacy.yml ``uk``, regulations under UK
    GDPR Art. 45A (as amended by the Data (Use and Access) Act 2025). US recipients are covered only
    if it takes part in the UK Extension to the EU-US Data Privacy Framework (SI 2023/1028):
    ``uk: uk_us_data_bridge``. In the single ``transfer_safeguard`` only the UK tools count: the EU
    clauses alone, the EU-US Data Privacy Framework and EU-approved rules do not cover UK data."""
    yield from basis_hits(inv, "uk")


@rule(
    RULES,
    "uk.safeguard_copy",
    uk("Art. 13(1)(f), 14(1)(f)"),
    "for a transfer under a safeguard (UK GDPR Art. 46, 47): how to get a copy of it, or where it is published",
    "add 'safeguard_copy:' to the party",
)
def _uk_safeguard_copy(inv) -> Iterator[Hit]:
    """UK GDPR Art. 13(1)(f) as amended: "the safeguards relied on and the means by which to obtain a
    copy of them or where they have been made available"."""
    yield from copy_hits(inv, "uk")


@rule(
    RULES,
    "uk.representative",
    uk("Art. 27, 13(1)(a)"),
    "the UK representative, where the controller is not established in the UK",
    "add a representative with 'region: UK' under organization.representatives",
)
def _uk_representative(inv) -> Iterator[Hit]:
    yield from representative_hits(inv, "UK")
