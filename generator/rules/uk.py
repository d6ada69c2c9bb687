"""Rules of the UK GDPR only: transfers out of the UK, the UK representative."""

from __future__ import annotations

from typing import Iterator

from generator.rules.engine import Hit, Rule, jurisdiction_path, rule, uk
from generator.rules.gdpr import representative_hits, transfer_hits

RULES: list[Rule] = []


@rule(
    RULES,
    "uk.transfers",
    uk("Art. 13(1)(f), 44-46, 49"),
    "transfers outside the UK: the adequacy regulations, or the safeguard used",
    "add 'transfer_safeguard:' to the party (e.g. uk_idta or uk_addendum), and 'safeguard_copy:' to say how to get a copy",
)
def _uk_transfers(inv) -> Iterator[Hit]:
    """UK -> third country. Adequacy list: data/adequacy.yml ``uk`` (EEA included).

    Assumptions, because the format has one safeguard per party for both laws: a party with
    ``eu_us_data_privacy_framework`` is taken to have joined the UK Extension to the Data Privacy
    Framework (the "UK-US data bridge"), and ``standard_contractual_clauses`` are taken to be
    used with the UK Addendum. Say so in the notice; use ``uk_idta``/``uk_addendum`` to be exact.
    """
    yield from transfer_hits(inv, "uk")


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
