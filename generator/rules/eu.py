"""Rules of the EU GDPR only: transfers out of the EEA, the supervisory authority, the EU representative."""

from __future__ import annotations

from typing import Iterator

from generator.rules.engine import Hit, Rule, eu, rule
from generator.inventory.geography import eea
from generator.rules.gdpr import established_in, representative_hits, transfer_hits

RULES: list[Rule] = []


@rule(
    RULES,
    "eu.transfers",
    eu("Art. 13(1)(f), 44-46, 49"),
    "transfers outside the EEA: the adequacy decision, or the safeguard used",
    "add 'transfer_safeguard:' to the party (e.g. standard_contractual_clauses), and 'safeguard_copy:' to say how to get a copy",
)
def _eu_transfers(inv) -> Iterator[Hit]:
    """EEA -> third country. Adequacy list: data/adequacy.yml ``eu``. The US is adequate only
    for companies certified under the EU-US Data Privacy Framework."""
    yield from transfer_hits(inv, "eu")


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
