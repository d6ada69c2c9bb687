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
    "eu.lead_authority",
    eu("Art. 56(1), 55(2)"),
    "a lead supervisory authority only where the one-stop shop applies",
    "remove 'lead: true' from organization.supervisory_authority",
)
def _lead(inv) -> Iterator[Hit]:
    """Art. 56(1): a lead authority exists for the cross-border processing of a controller with its main or
    single establishment in the EEA; a representative alone does not make one (EDPB Guidelines 8/2022);
    Art. 55(2): not for processing on Art. 6(1)(c) or (e). Cross-border processing (Art. 4(23)) is the
    company's own fact: the field says it."""
    auth = inv.organization.supervisory_authority
    if auth is None or not auth.lead:
        return
    where, _ = established_in(inv)
    path = ("organization", "supervisory_authority", "lead")
    if where is not None and not (where & set(eea())):
        yield Hit(path, "you are not established in the EEA, so no authority is your lead supervisory authority")
    elif inv.purposes and all(p.legal_basis is not None and p.legal_basis.value in ("legal_obligation", "public_task") for p in inv.purposes):
        yield Hit(path, "every purpose rests on a legal obligation or a public task, where the one-stop shop does not apply")


@rule(
    RULES,
    "eu.recognised_legitimate_interest",
    eu("Art. 6(1)"),
    "a legal basis the EU GDPR has",
    "for people in the EEA, use one of the Art. 6(1)(a)-(f) bases (e.g. legitimate_interests, with the balancing it needs)",
)
def _recognised_li(inv) -> Iterator[Hit]:
    """Recognised legitimate interests are UK law only (UK GDPR Art. 6(1)(ea), inserted by the Data (Use
    and Access) Act 2025); an EU notice cannot rest a purpose on them."""
    for i, p in enumerate(inv.purposes):
        if p.legal_basis is not None and p.legal_basis.value == "recognised_legitimate_interest":
            yield Hit(("purposes", i, "legal_basis"), f"purpose '{p.id}' relies on a recognised legitimate interest, which is a UK basis only")


@rule(
    RULES,
    "eu.decision_exception",
    eu("Art. 22(2), 13(2)(f)"),
    "for a decision made by a computer alone: the Art. 22(2) exception that allows it",
    "add 'exception:' under automated_decision (contract, law or explicit_consent); if none applies, have a person check every result ('solely_automated: false')",
)
def _decision_exception(inv) -> Iterator[Hit]:
    """Art. 22(1) forbids a solely automated decision with legal or similarly significant effect unless
    Art. 22(2) (a) contract, (b) law or (c) explicit consent applies; legitimate interests is not one."""
    for i, p in enumerate(inv.purposes):
        ad = p.automated_decision
        if ad is None or ad.solely_automated is not True or ad.exception is not None:
            continue
        basis = p.legal_basis.value if p.legal_basis is not None else None
        why = f"; its legal basis, {basis}, is not one of the exceptions" if basis in ("legitimate_interests", "public_task", "legal_obligation", "vital_interests") else ""
        yield Hit(("purposes", i, "automated_decision", "solely_automated"), f"the decision in purpose '{p.id}' is made by computer alone but names no Art. 22(2) exception{why}")


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
