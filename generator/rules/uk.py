"""Rules of the UK GDPR only: transfers out of the UK, the UK representative."""

from __future__ import annotations

from typing import Iterator

from generator.rules.engine import Hit, Rule, jurisdiction_path, rule, uk
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
    "uk.complaints",
    {"uk_gdpr": "DPA 2018 s.164A(2); UK GDPR Art. 13(2)(ca), 14(2)(da)"},
    "how to complain to you (the notice lists it before the ICO)",
    "add 'complaint_methods:' under requests, e.g. a complaint form that works online and offline (kind: web, email, post ...)",
)
def _complaints(inv) -> Iterator[Hit]:
    """From 19 June 2026 people can complain to the controller (DPA 2018 s.164A(1)), the notice says so
    (UK GDPR Art. 13(2)(ca)), and the controller must make it easy, "such as providing a complaint form
    which can be completed electronically and by other means" (s.164A(2))."""
    if inv.requests is None or not inv.requests.complaint_methods:
        yield Hit(("requests",) if inv.requests is not None else jurisdiction_path(inv, "uk_gdpr"), "the inventory does not say how people can complain to you")


@rule(
    RULES,
    "uk.recognised_legitimate_interest",
    uk("Art. 6(1)(ea), 6(5), 13(1)(c)"),
    "for a recognised legitimate interest, which one (a condition of UK GDPR Annex 1)",
    "add 'legitimate_interest:' naming the Annex 1 condition, e.g. 'Detecting and preventing crime'",
)
def _recognised_condition(inv) -> Iterator[Hit]:
    for i, p in enumerate(inv.purposes):
        if p.legal_basis is not None and p.legal_basis.value == "recognised_legitimate_interest" and p.legitimate_interest is None:
            yield Hit(("purposes", i, "legal_basis"), f"purpose '{p.id}' relies on a recognised legitimate interest but does not say which")


@rule(
    RULES,
    "uk.decision_recognised_interest",
    uk("Art. 22B(4)"),
    "no decision by computer alone that relies on a recognised legitimate interest",
    "have a person check every result ('solely_automated: false'), or rest the purpose on another basis",
)
def _decision_ea(inv) -> Iterator[Hit]:
    for i, p in enumerate(inv.purposes):
        ad = p.automated_decision
        if ad is not None and ad.solely_automated is True and p.legal_basis is not None and p.legal_basis.value == "recognised_legitimate_interest":
            yield Hit(("purposes", i, "automated_decision", "solely_automated"), f"the decision in purpose '{p.id}' is made by computer alone and relies on a recognised legitimate interest")


@rule(
    RULES,
    "uk.representative",
    uk("Art. 27, 13(1)(a)"),
    "the UK representative, where the controller is not established in the UK",
    "add a representative with 'region: UK' under organization.representatives",
)
def _uk_representative(inv) -> Iterator[Hit]:
    yield from representative_hits(inv, "UK")
