"""Rules the EU GDPR and the UK GDPR share (Art. 9, 13, 14, 22), and the representative check both
laws run with their own lists (:func:`representative_hits`, used by :mod:`.eu` and :mod:`.uk`; the
transfer checks are in :mod:`.transfers`).

The EEA and the adequacy lists are data (:mod:`generator.inventory.geography`), each with its
source and the date it was checked. This is engineering help, not legal advice.
"""

from __future__ import annotations

from typing import Iterator

from generator.inventory.geography import country_from_address, eea
from generator.inventory.vocab import SourceKind
from generator.rules.engine import Hit, Rule, and_list, first_written, gdpr, rule

RULES: list[Rule] = []


def established_in(inv) -> tuple[set | None, tuple]:
    """Where the controller is established, and the inventory path that says so."""
    org = inv.organization
    if org.established_in:
        return set(org.established_in), ("organization", "established_in")
    code = country_from_address(org.address)
    return ({code} if code else None), ("organization", "address")


def _special(d) -> bool:
    """Special-category data under GDPR Art. 9(1)."""
    return d.special_category if d.special_category is not None else d.sensitive


@rule(
    RULES,
    "gdpr.controller",
    gdpr("Art. 13(1)(a), 14(1)(a)"),
    "who the controller is and how to contact it",
    "give organization.name, organization.address and organization.contact_email",
)
def _controller(inv) -> Iterator[Hit]:
    org = inv.organization
    missing = [k for k in ("name", "address") if getattr(org, k) is None]
    if not (org.contact_email or org.phone):
        missing.append("contact_email")
    if missing:
        yield Hit(("organization",), f"the controller's {and_list(missing)} {'is' if len(missing) == 1 else 'are'} missing")


@rule(
    RULES,
    "gdpr.dpo_contact",
    gdpr("Art. 13(1)(b), 14(1)(b)"),
    "how to contact the data protection officer, where there is one",
    "add organization.dpo.email (or phone, address or url)",
)
def _dpo(inv) -> Iterator[Hit]:
    dpo = inv.organization.dpo
    if dpo is not None and not (dpo.email or dpo.phone or dpo.address or dpo.url):
        yield Hit(("organization", "dpo"), "the data protection officer has no contact details")


@rule(
    RULES,
    "gdpr.legal_basis",
    gdpr("Art. 13(1)(c), 14(1)(c)"),
    "the legal basis (Art. 6(1)) for each purpose",
    "add 'legal_basis:' with one of consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests",
)
def _legal_basis(inv) -> Iterator[Hit]:
    for i, p in enumerate(inv.purposes):
        if p.legal_basis is None:
            yield Hit(("purposes", i), f"purpose '{p.id}' has no legal basis")


@rule(
    RULES,
    "gdpr.legitimate_interest",
    gdpr("Art. 13(1)(d), 14(2)(b)"),
    "the legitimate interest pursued, where the basis is legitimate_interests",
    "add 'legitimate_interest:' saying whose interest it is and what it is, in one plain sentence",
)
def _legitimate_interest(inv) -> Iterator[Hit]:
    for i, p in enumerate(inv.purposes):
        if p.legal_basis is not None and p.legal_basis.value == "legitimate_interests" and p.legitimate_interest is None:
            yield Hit(("purposes", i, "legal_basis"), f"purpose '{p.id}' relies on legitimate interests but does not say which interest")


@rule(
    RULES,
    "gdpr.withdraw_consent",
    gdpr("Art. 13(2)(c), 14(2)(d)"),
    "how to withdraw consent, where the basis is consent (Art. 6(1)(a) or 9(2)(a))",
    "add 'withdraw:' saying how to withdraw consent, e.g. the setting to turn off",
)
def _withdraw(inv) -> Iterator[Hit]:
    for i, p in enumerate(inv.purposes):
        if p.withdraw is not None:
            continue
        if p.legal_basis is not None and p.legal_basis.value == "consent":
            yield Hit(("purposes", i, "legal_basis"), f"purpose '{p.id}' relies on consent but does not say how to withdraw it")
            continue
        explicit = [d.id for d in p.data_items if d.special_category_basis is not None and d.special_category_basis.value == "explicit_consent"]
        if explicit:
            yield Hit(
                ("purposes", i),
                f"purpose '{p.id}' uses {and_list(explicit)}, which relies on explicit consent, but does not say how to withdraw it",
            )


@rule(
    RULES,
    "gdpr.special_category",
    gdpr("Art. 9(1)-(2)"),
    "for special-category data, the Art. 9(2) condition relied on",
    "add 'special_category_basis:' (e.g. explicit_consent), or 'special_category: false' if it is sensitive only under the CCPA",
)
def _special_category(inv) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        if _special(d) and d.special_category_basis is None:
            path = first_written(inv, ("data", i, "special_category"), ("data", i, "sensitive"), ("data", i))
            yield Hit(path, f"data '{d.id}' is special-category data but names no Art. 9(2) condition")


@rule(
    RULES,
    "gdpr.required",
    gdpr("Art. 13(2)(e)"),
    "for data people give you: whether they must give it",
    "add 'required: true' (with 'required_by:' and 'if_not_provided:') or 'required: false'",
)
def _required(inv) -> Iterator[Hit]:
    """Asked only of data the person gives (`you` in sources): Art. 13(2)(e) is about data "collected
    from the data subject"; Art. 14 has no such point. Data ``about_others`` (referees, emergency
    contacts) is given by the reader but is about other people, so for them it is not collected from
    the data subject: not asked. Without an answer the notice says nothing, so nothing is printed from
    a default."""
    for i, d in enumerate(inv.data):
        if d.given_by_person and d.required is None and not d.about_others:
            yield Hit(("data", i), f"data '{d.id}' comes from the person, but the inventory does not say whether they must give it")


@rule(
    RULES,
    "gdpr.if_not_provided",
    gdpr("Art. 13(2)(e)"),
    "whether people must give the data, and what happens if they do not",
    "add 'if_not_provided:' saying what happens if people do not give it",
)
def _if_not_provided(inv) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        if d.required and d.if_not_provided is None:
            yield Hit(("data", i, "required"), f"data '{d.id}' is required but the inventory does not say what happens without it")


@rule(
    RULES,
    "gdpr.data_source",
    gdpr("Art. 14(2)(f)"),
    "where data not given by the person comes from",
    "add 'inferred_from:' with the ids of the data it is worked out from",
)
def _data_source(inv) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        if SourceKind.inferred.value in d.sources and not d.inferred_from:
            j = list(d.sources).index(SourceKind.inferred.value)
            yield Hit(("data", i, "sources", j), f"data '{d.id}' is inferred but does not say from which data")


@rule(
    RULES,
    "gdpr.recipients",
    gdpr("Art. 13(1)(e), 14(1)(e)"),
    "the recipients of the data",
    "add 'provider:' with the id of that company under parties",
)
def _recipients(inv) -> Iterator[Hit]:
    """The recipients of a kind of data are everyone in its shared_with, sold_to and
    shared_for_ads_with; the notice lists them all. A third-party cookie's recipient is its provider."""
    for i, c in enumerate(inv.cookies):
        if c.party.value == "third" and not c.provider:
            yield Hit(
                ("cookies", i, "party"),
                f"third-party cookie '{c.name}' does not name the company that sets it",
                "add 'provider:' with the id of that company under parties",
            )


def _decision_rights(inv, ad) -> bool:
    """The law gives a person stepping in, their view and a challenge: GDPR Art. 22(3) for
    22(2)(a)/(c) decisions, UK GDPR Art. 22C(2) for every solely automated significant decision."""
    if ad.solely_automated is not True:
        return False
    juris = inv.jurisdiction_set
    if "uk_gdpr" in juris:
        return True
    return ad.exception is not None and ad.exception.value in ("contract", "explicit_consent")


@rule(
    RULES,
    "gdpr.automated_decision",
    {"eu_gdpr": "GDPR Art. 13(2)(f), 14(2)(g), 22(3)", "uk_gdpr": "UK GDPR Art. 13(2)(f), 14(2)(g), 22C"},
    "for automated decisions: what is decided, the logic, the effect, and how to get a person to step in where "
    "the law gives that right",
    "add the missing keys under automated_decision",
)
def _automated(inv) -> Iterator[Hit]:
    for i, p in enumerate(inv.purposes):
        ad = p.automated_decision
        if ad is None:
            continue
        keys = ["what", "logic", "effect"] + (["human_review"] if _decision_rights(inv, ad) else [])
        missing = [k for k in keys if getattr(ad, k) is None]
        if missing:
            yield Hit(
                ("purposes", i, "automated_decision"),
                f"the automated decision in purpose '{p.id}' does not say {and_list(missing)}",
                f"add {and_list([repr(k + ':') for k in missing])} under automated_decision",
            )


@rule(
    RULES,
    "gdpr.solely_automated",
    {"eu_gdpr": "GDPR Art. 22(1), 13(2)(f)", "uk_gdpr": "UK GDPR Art. 22A(1), 13(2)(f)"},
    "whether an automated decision is made by a computer alone, or a person checks every result",
    "add 'solely_automated: true' (no person takes part in a meaningful way) or 'solely_automated: false' (a person checks every result and decides)",
)
def _solely(inv) -> Iterator[Hit]:
    """Art. 22 and its rights apply only to decisions based solely on automated processing; a person who
    checks every result means they do not, and the notice says so. Without the fact neither can be said."""
    for i, p in enumerate(inv.purposes):
        if p.automated_decision is not None and p.automated_decision.solely_automated is None:
            yield Hit(("purposes", i, "automated_decision"), f"the automated decision in purpose '{p.id}' does not say whether a person takes part in it")


@rule(
    RULES,
    "gdpr.decision_exception_needs_solely",
    {"eu_gdpr": "GDPR Art. 22(1)-(2)", "uk_gdpr": "UK GDPR Art. 22A(1), 22B"},
    "an exception (contract, law, explicit consent) only for a decision made by computer alone",
    "set 'solely_automated: true' if no person takes part in the decision in a meaningful way, or remove 'exception' (and 'law')",
)
def _decision_exception_needs_solely(inv) -> Iterator[Hit]:
    """With ``solely_automated: false`` the notice says a person decides and Art. 22 does not apply, and
    it leaves the exception out: an exception there says the opposite of that, so the inventory must
    choose."""
    for i, p in enumerate(inv.purposes):
        ad = p.automated_decision
        if ad is not None and ad.solely_automated is False and ad.exception is not None:
            yield Hit(
                ("purposes", i, "automated_decision", "exception"),
                f"the decision in purpose '{p.id}' is made by a person (solely_automated: false), but it gives an exception, which only a decision made by computer alone needs",
            )


@rule(
    RULES,
    "gdpr.decision_law",
    gdpr("Art. 22(2)(b)"),
    "for a decision a law allows, the law",
    "add 'law:' under automated_decision, naming the law that allows the decision",
)
def _decision_law(inv) -> Iterator[Hit]:
    for i, p in enumerate(inv.purposes):
        ad = p.automated_decision
        if ad is not None and ad.solely_automated and ad.exception is not None and ad.exception.value == "law" and ad.law is None:
            yield Hit(("purposes", i, "automated_decision", "exception"), f"the automated decision in purpose '{p.id}' relies on a law but does not name it")


@rule(
    RULES,
    "gdpr.decision_special_category",
    {"eu_gdpr": "GDPR Art. 22(4), 9(2)(a), (g)", "uk_gdpr": "UK GDPR Art. 22B(1)-(3)"},
    "a decision by computer alone that uses special-category data: explicit consent, or a substantial public interest in law",
    "use the data under 'special_category_basis: explicit_consent' (or substantial_public_interest, with a contract or law behind the decision), or have a person check every result",
)
def _decision_special(inv) -> Iterator[Hit]:
    """GDPR Art. 22(4): such a decision may use Art. 9(1) data only under Art. 9(2)(a) or (g). UK GDPR
    Art. 22B(2)-(3): explicit consent, or a contract or a law and Art. 9(2)(g)."""
    uk = "uk_gdpr" in inv.jurisdiction_set
    for i, p in enumerate(inv.purposes):
        ad = p.automated_decision
        if ad is None or ad.solely_automated is not True:
            continue
        special = [d for d in p.data_items if _special(d)]
        bases = [d.special_category_basis.value if d.special_category_basis is not None else None for d in special]
        # UK Art. 22B(2): the decision is "based entirely on processing of personal data to which the
        # data subject has given explicit consent": every special-category input, and the purpose itself.
        entirely_consent = all(b == "explicit_consent" for b in bases) and p.legal_basis is not None and p.legal_basis.value == "consent"
        by_contract_or_law = ad.exception is not None and ad.exception.value in ("contract", "law")  # 22B(3)(a)
        for d, basis in zip(special, bases):
            if basis is None:
                continue
            ok = basis in ("explicit_consent", "substantial_public_interest")  # Art. 22(4): 9(2)(a) or (g)
            if ok and uk:
                ok = entirely_consent or (basis == "substantial_public_interest" and by_contract_or_law)
            if not ok:
                why = "which does not allow that"
                if uk and basis == "explicit_consent":
                    own = p.legal_basis.value if p.legal_basis is not None else "not given"
                    why = f"but the purpose's own legal basis is {own}: UK GDPR Art. 22B(2) allows such a decision only when it rests entirely on explicit consent"
                yield Hit(
                    ("purposes", i, "automated_decision"),
                    f"the decision in purpose '{p.id}' is made by computer alone and uses special-category data "
                    f"'{d.id}' under {basis}, {why}",
                )


@rule(
    RULES,
    "gdpr.purpose_law",
    gdpr("Art. 6(3), 13(1)(c)"),
    "for a purpose based on a legal obligation or a public task, the law behind it",
    "add 'law:' to the purpose, naming the law (e.g. 'Portuguese VAT Code, Art. 52')",
)
def _purpose_law(inv) -> Iterator[Hit]:
    """Art. 6(3): the basis of 6(1)(c) and (e) processing is laid down by Union or Member State law, so the
    legal basis the notice gives (Art. 13(1)(c)) is that law."""
    for i, p in enumerate(inv.purposes):
        if p.legal_basis is not None and p.legal_basis.value in ("legal_obligation", "public_task") and p.law is None:
            yield Hit(("purposes", i, "legal_basis"), f"purpose '{p.id}' relies on {p.legal_basis.value} but does not name the law")


@rule(
    RULES,
    "gdpr.public_source_names",
    gdpr("Art. 14(2)(f)"),
    "which public sources data comes from",
    "add 'public_source_names:' with the sources, e.g. ['the national business register']",
)
def _public_sources(inv) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        if SourceKind.public_sources.value in d.sources and not d.public_source_names:
            j = list(d.sources).index(SourceKind.public_sources.value)
            yield Hit(("data", i, "sources", j), f"data '{d.id}' comes from public sources but does not say which")


def representative_hits(inv, region: str) -> Iterator[Hit]:
    where, path = established_in(inv)
    home = eea() if region == "EU" else {"GB"}
    place = "the EU/EEA" if region == "EU" else "the UK"
    if where is None:
        yield Hit(
            path,
            f"plainnotice cannot tell from the address which country you are established in, so it cannot check whether you need a representative in {place}",
            "add 'established_in: [XX]' (ISO codes) to organization",
        )
        return
    if where & set(home):
        return
    if any(r.region.value == region for r in inv.organization.representatives):
        return
    yield Hit(
        path,
        f"you are established in {and_list(sorted(where))}, outside {place}, and name no representative with region {region}",
        f"add a representative under organization.representatives with 'region: {region}'",
    )
