"""Rules of the EU GDPR only: transfers out of the EEA, the supervisory authority, the EU representative."""

from __future__ import annotations

from typing import Iterator

from generator.rules.engine import Hit, Rule, eu, rule
from generator.inventory.geography import eea
from generator.rules.gdpr import established_in, representative_hits
from generator.rules.transfers import basis_hits, copy_hits

RULES: list[Rule] = []


@rule(
    RULES,
    "eu.transfers",
    eu("Art. 13(1)(f), 14(1)(f), 44-46, 49"),
    "each transfer out of the EEA, per country: the EU adequacy decision, the safeguard, or the derogation it relies on",
    "add 'transfers:' to the party: per country, 'eu:' with the safeguard (e.g. standard_contractual_clauses) or the derogation",
)
def _eu_transfers(inv) -> Iterator[Hit]:
    """EEA -> a third country (the UK included: the EU adequacy decision covers it). Adequacy list:
    data/adequacy.yml ``eu``; where a decision covers only some recipients (the US: companies
    certified under the EU-US Data Privacy Framework; Canada: PIPEDA), the inventory must say the
    recipient is one of them. A derogation counts only where no decision covers the country (Art.
    49(1)). In the single ``transfer_safeguard`` only the EU tools count (uk_idta and uk_addendum do not)."""
    yield from basis_hits(inv, "eu")


@rule(
    RULES,
    "eu.safeguard_copy",
    eu("Art. 13(1)(f), 14(1)(f)"),
    "for a transfer under a safeguard (Art. 46, 47): how to get a copy of it, or where it is published",
    "add 'safeguard_copy:' to the party",
)
def _eu_safeguard_copy(inv) -> Iterator[Hit]:
    """Only safeguards have a copy: an adequacy decision and a derogation do not."""
    yield from copy_hits(inv, "eu")


@rule(
    RULES,
    "eu.supervisory_authority",
    eu("Art. 13(2)(d), 14(2)(e), 77"),
    "the supervisory authority people can complain to",
    "add organization.supervisory_authority with the name and website of the authority in your country",
)
def _authority(inv) -> Iterator[Hit]:
    """Asked only of a controller established in the EEA: it has an authority of its own country to
    name. Art. 13(2)(d) asks for the right to complain, which the notice always states (Art. 77: in
    particular where the person lives or works, or where the problem happened); a controller with no
    EEA establishment has no authority of its own to name. EU only: under the UK GDPR the authority is
    always the ICO, so the notice names it without a field."""
    where, _ = established_in(inv)
    if where is not None and not (where & set(eea())):
        return
    if inv.organization.supervisory_authority is None:
        yield Hit(("organization",), "the inventory does not name the supervisory authority for EU complaints")


@rule(
    RULES,
    "eu.representative",
    eu("Art. 27, 13(1)(a)"),
    "the EU representative, where the controller is not established in the EU",
    "add a representative with 'region: EU' under organization.representatives",
)
def _eu_representative(inv) -> Iterator[Hit]:
    """Establishment comes from organization.established_in, else from the country at the end of
    organization.address. EEA states count as establishment (the GDPR applies there through the
    EEA Agreement). Art. 27(2) exemptions (occasional, low-risk processing) are not modelled."""
    yield from representative_hits(inv, "EU")
