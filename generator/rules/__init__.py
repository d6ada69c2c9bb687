"""Stage 3: completeness rules per jurisdiction.

The model (stage 2) already knows the inventory is well formed. These rules ask a different
question: does it hold everything the law asks a notice to tell, for the places listed in
``notice.jurisdictions``? Each rule is a small unit: data (an id, the laws it applies to with the
article for each, what the notice must tell, what to add) plus a check function that yields
:class:`Hit` objects. :func:`check_completeness` turns hits into :class:`~generator.errors.Finding`
objects with the ``file:line:column`` of the inventory entry concerned. Every finding is an error
(exit code 1): something the notice must tell is missing.

A rule runs only when the notice lists one of its jurisdictions. Rules shared by the EU GDPR and
the UK GDPR cite both when both are listed ("GDPR / UK GDPR Art. 13(1)(d)").

The EEA and the adequacy lists are data (``generator/data/eea.yml``, ``generator/data/adequacy.yml``),
each with its source and the date it was checked. This is engineering help, not legal advice.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Iterator

from generator.errors import Finding, Loc
from generator.inventory.geography import adequacy, countries, country_from_address, eea
from generator.inventory.vocab import SourceKind

# --------------------------------------------------------------------------------------------
# Rule machinery
# --------------------------------------------------------------------------------------------

#: Order in which jurisdictions are cited.
_ORDER = ("eu_gdpr", "uk_gdpr", "us_ca")


@dataclass(frozen=True)
class Hit:
    """One thing a rule found missing: where (a path into the inventory), what, and optionally a
    more specific fix than the rule's default."""

    path: tuple
    message: str
    fix: str = ""


@dataclass(frozen=True)
class Ctx:
    """What a check may need besides the inventory: the rule's jurisdictions the notice lists."""

    active: frozenset


@dataclass(frozen=True)
class Rule:
    """A completeness rule: data plus a check."""

    id: str
    citations: dict  # jurisdiction -> citation, e.g. {"eu_gdpr": "GDPR Art. 13(1)(d)"}
    asks: str  # what the notice must tell, in one line (shown in the format reference)
    fix: str  # what to add, unless the hit says more precisely
    check: Callable = field(compare=False, repr=False)

    @property
    def jurisdictions(self) -> tuple:
        return tuple(j for j in _ORDER if j in self.citations)

    def citation(self, active: Iterable[str] | None = None) -> str:
        """The citation for the listed jurisdictions; EU and UK GDPR articles merge when equal."""
        active = set(self.citations if active is None else active)
        parts = [self.citations[j] for j in _ORDER if j in active and j in self.citations]
        eu, uk = self.citations.get("eu_gdpr"), self.citations.get("uk_gdpr")
        if eu in parts and uk in parts and uk == "UK " + eu:
            parts[parts.index(eu)] = "GDPR / UK GDPR" + eu[len("GDPR"):]
            parts.remove(uk)
        return "; ".join(parts)


RULES: list[Rule] = []


def rule(id: str, citations: dict, asks: str, fix: str):
    """Register ``check(inv, ctx) -> Iterable[Hit]`` as a rule."""

    def register(check):
        RULES.append(Rule(id, dict(citations), asks, fix, check))
        return check

    return register


def gdpr(article: str) -> dict:
    return {"eu_gdpr": f"GDPR {article}", "uk_gdpr": f"UK GDPR {article}"}


def eu(article: str) -> dict:
    return {"eu_gdpr": f"GDPR {article}"}


def uk(article: str) -> dict:
    return {"uk_gdpr": f"UK GDPR {article}"}


def ca(reference: str) -> dict:
    return {"us_ca": reference}


def check_completeness(inv) -> list[Finding]:
    """Run every rule that applies to the notice's jurisdictions. Sorted by place, then rule."""
    listed = {j.value for j in inv.notice.jurisdictions}
    findings: list[Finding] = []
    for r in RULES:
        active = frozenset(j for j in r.citations if j in listed)
        if not active:
            continue
        citation = r.citation(active)
        for hit in r.check(inv, Ctx(active)):
            findings.append(
                Finding(
                    rule=r.id,
                    level="error",
                    message=hit.message,
                    loc=_loc(inv, hit.path),
                    fix=hit.fix or r.fix,
                    citation=citation,
                    extra={"jurisdictions": [j for j in _ORDER if j in active]},
                )
            )
    findings.sort(key=lambda f: (f.loc.file, f.loc.line, f.loc.col, f.rule, f.message))
    return findings


def _loc(inv, path: tuple) -> Loc:
    doc = inv.document
    if doc is None:
        return Loc("<inventory>")
    return doc.loc(path)


def _has(inv, path: tuple) -> bool:
    doc = inv.document
    return doc is not None and (tuple(path) in doc.locs or tuple(path) in doc.key_locs)


def _where(inv, *paths: tuple) -> tuple:
    """The first of ``paths`` that is written in the file; else the first one (its parent is shown)."""
    for path in paths:
        if _has(inv, path):
            return path
    return paths[0]


def _jurisdiction_path(inv, value: str) -> tuple:
    for i, j in enumerate(inv.notice.jurisdictions):
        if j.value == value:
            return ("notice", "jurisdictions", i)
    return ("notice", "jurisdictions")


def _text(value) -> str:
    return "" if value is None else str(value)


def _party_label(p) -> str:
    return f"'{p.id}' ({_text(p.name)})"


def _list(items: list[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --------------------------------------------------------------------------------------------
# Reference data: EEA and adequacy lists
# --------------------------------------------------------------------------------------------


#: Safeguards that work for transfers under each law. For the UK we assume, as is common
#: practice, that standard_contractual_clauses are used with the UK Addendum and that a company
#: certified under the EU-US Data Privacy Framework also joined its UK Extension.
_SAFEGUARDS = {
    "eu": {
        "eu_us_data_privacy_framework",
        "standard_contractual_clauses",
        "uk_addendum",  # an addendum to the EU clauses: the EU clauses are in place
        "binding_corporate_rules",
        "code_of_conduct",
        "certification",
        "derogation_explicit_consent",
        "derogation_contract",
    },
    "uk": {
        "eu_us_data_privacy_framework",
        "standard_contractual_clauses",
        "uk_idta",
        "uk_addendum",
        "binding_corporate_rules",
        "code_of_conduct",
        "certification",
        "derogation_explicit_consent",
        "derogation_contract",
    },
}

def established_in(inv) -> tuple[set | None, tuple]:
    """Where the controller is established, and the inventory path that says so."""
    org = inv.organization
    if org.established_in:
        return set(org.established_in), ("organization", "established_in")
    code = country_from_address(org.address)
    return ({code} if code else None), ("organization", "address")


# --------------------------------------------------------------------------------------------
# Helpers over the inventory
# --------------------------------------------------------------------------------------------


def _receiving_party_ids(inv) -> set[str]:
    """Parties that receive data: in shared_with, sold_to, shared_for_ads_with, or cookie providers."""
    ids: set[str] = set()
    for d in inv.data:
        ids.update(d.shared_with)
        ids.update(d.sold_to)
        ids.update(d.shared_for_ads_with)
    ids.update(c.provider for c in inv.cookies if c.provider)
    return ids


def _special(d) -> bool:
    """Special-category data under GDPR Art. 9(1)."""
    return d.special_category if d.special_category is not None else d.sensitive


def _ca_sensitive(d) -> bool:
    """Sensitive personal information under CCPA 1798.140(ae)."""
    return d.sensitive or (d.ccpa_category is not None and d.ccpa_category.value == "sensitive_personal_information")


def _sold_or_shared(inv) -> list:
    return [d for d in inv.data if d.sold or d.shared_for_ads]


# --------------------------------------------------------------------------------------------
# EU GDPR and UK GDPR
# --------------------------------------------------------------------------------------------


@rule(
    "gdpr.controller",
    gdpr("Art. 13(1)(a), 14(1)(a)"),
    "who the controller is and how to contact it",
    "give organization.name, organization.address and organization.contact_email",
)
def _controller(inv, ctx) -> Iterator[Hit]:
    org = inv.organization
    missing = [k for k in ("name", "address") if getattr(org, k) is None]
    if not (org.contact_email or org.phone):
        missing.append("contact_email")
    if missing:
        yield Hit(("organization",), f"the controller's {_list(missing)} {'is' if len(missing) == 1 else 'are'} missing")


@rule(
    "gdpr.dpo_contact",
    gdpr("Art. 13(1)(b), 14(1)(b)"),
    "how to contact the data protection officer, where there is one",
    "add organization.dpo.email (or phone, address or url)",
)
def _dpo(inv, ctx) -> Iterator[Hit]:
    dpo = inv.organization.dpo
    if dpo is not None and not (dpo.email or dpo.phone or dpo.address or dpo.url):
        yield Hit(("organization", "dpo"), "the data protection officer has no contact details")


@rule(
    "gdpr.legal_basis",
    gdpr("Art. 13(1)(c), 14(1)(c)"),
    "the legal basis (Art. 6(1)) for each purpose",
    "add 'legal_basis:' with one of consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests",
)
def _legal_basis(inv, ctx) -> Iterator[Hit]:
    for i, p in enumerate(inv.purposes):
        if p.legal_basis is None:
            yield Hit(("purposes", i), f"purpose '{p.id}' has no legal basis")


@rule(
    "gdpr.legitimate_interest",
    gdpr("Art. 13(1)(d), 14(2)(b)"),
    "the legitimate interest pursued, where the basis is legitimate_interests",
    "add 'legitimate_interest:' saying whose interest it is and what it is, in one plain sentence",
)
def _legitimate_interest(inv, ctx) -> Iterator[Hit]:
    for i, p in enumerate(inv.purposes):
        if p.legal_basis is not None and p.legal_basis.value == "legitimate_interests" and p.legitimate_interest is None:
            yield Hit(("purposes", i, "legal_basis"), f"purpose '{p.id}' relies on legitimate interests but does not say which interest")


@rule(
    "gdpr.withdraw_consent",
    gdpr("Art. 13(2)(c), 14(2)(d)"),
    "how to withdraw consent, where the basis is consent (Art. 6(1)(a) or 9(2)(a))",
    "add 'withdraw:' saying how to withdraw consent, e.g. the setting to turn off",
)
def _withdraw(inv, ctx) -> Iterator[Hit]:
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
                f"purpose '{p.id}' uses {_list(explicit)}, which relies on explicit consent, but does not say how to withdraw it",
            )


@rule(
    "gdpr.special_category",
    gdpr("Art. 9(1)-(2)"),
    "for special-category data, the Art. 9(2) condition relied on",
    "add 'special_category_basis:' (e.g. explicit_consent), or 'special_category: false' if it is sensitive only under the CCPA",
)
def _special_category(inv, ctx) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        if _special(d) and d.special_category_basis is None:
            path = _where(inv, ("data", i, "special_category"), ("data", i, "sensitive"), ("data", i))
            yield Hit(path, f"data '{d.id}' is special-category data but names no Art. 9(2) condition")


@rule(
    "gdpr.if_not_provided",
    gdpr("Art. 13(2)(e)"),
    "whether people must give the data, and what happens if they do not",
    "add 'if_not_provided:' saying what happens if people do not give it",
)
def _if_not_provided(inv, ctx) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        if d.required and d.if_not_provided is None:
            yield Hit(("data", i, "required"), f"data '{d.id}' is required but the inventory does not say what happens without it")


@rule(
    "gdpr.data_source",
    gdpr("Art. 14(2)(f)"),
    "where data not given by the person comes from",
    "add 'inferred_from:' with the ids of the data it is worked out from",
)
def _data_source(inv, ctx) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        if SourceKind.inferred.value in d.sources and not d.inferred_from:
            j = list(d.sources).index(SourceKind.inferred.value)
            yield Hit(("data", i, "sources", j), f"data '{d.id}' is inferred but does not say from which data")


@rule(
    "gdpr.recipients",
    gdpr("Art. 13(1)(e), 14(1)(e)"),
    "the recipients of the data",
    "list the party in the data's shared_with as well",
)
def _recipients(inv, ctx) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        for key in ("sold_to", "shared_for_ads_with"):
            for j, pid in enumerate(getattr(d, key)):
                if pid not in d.shared_with:
                    yield Hit(
                        ("data", i, key, j),
                        f"'{pid}' receives data '{d.id}' (in {key}) but is not in its shared_with, so the recipients list would miss it",
                    )
    for i, c in enumerate(inv.cookies):
        if c.party.value == "third" and not c.provider:
            yield Hit(
                ("cookies", i, "party"),
                f"third-party cookie '{c.name}' does not name the company that sets it",
                "add 'provider:' with the id of that company under parties",
            )


def _transfer_hits(inv, region: str) -> Iterator[Hit]:
    ad = adequacy(region)
    who = "EU" if region == "eu" else "UK"
    home = "the EEA" if region == "eu" else "the UK"
    receiving = _receiving_party_ids(inv)
    names = countries()

    def covered(code: str, sg: str | None) -> bool:
        if sg is None or sg == "adequacy_decision" or sg not in _SAFEGUARDS[region]:
            return False
        if sg == "eu_us_data_privacy_framework":
            return code == "US"
        return True

    def label(codes) -> str:
        return _list([f"{names.get(c, c)} ({c})" for c in codes])

    for i, p in enumerate(inv.parties):
        if p.id not in receiving:
            continue  # a party that only gives you data receives no transfer
        sg = p.transfer_safeguard.value if p.transfer_safeguard is not None else None
        path = ("parties", i, "transfer_safeguard") if sg else ("parties", i)
        bad = [c for c in p.all_countries if not ad.covers(c) and not covered(c, sg)]
        if not bad:
            continue
        if sg is None and all(c in ad.partial for c in bad):
            need = ad.partial[bad[0]]["only_with"]
            yield Hit(
                path,
                f"party {_party_label(p)} receives data in {label(bad)}, where the {who} adequacy decision covers "
                f"{ad.partial[bad[0]]['note']}, and names no safeguard",
                f"if the company is certified, add 'transfer_safeguard: {need}'; otherwise name the safeguard "
                "you use, e.g. standard_contractual_clauses",
            )
        elif sg is None:
            yield Hit(
                path,
                f"party {_party_label(p)} receives data in {label(bad)}, outside {home}, without {'an' if who == 'EU' else 'a'} {who} adequacy "
                f"decision (list checked {ad.checked}) and names no safeguard",
            )
        elif sg == "adequacy_decision":
            detail = "; ".join(
                f"for {names.get(c, c)} it covers {ad.partial[c]['note']}" if c in ad.partial else f"{names.get(c, c)} has none"
                for c in bad
            )
            yield Hit(
                path,
                f"party {_party_label(p)} names an adequacy decision, but the {who} list (checked {ad.checked}) "
                f"does not cover this transfer: {detail}",
                "name the safeguard you use instead, e.g. standard_contractual_clauses",
            )
        elif sg not in _SAFEGUARDS[region]:
            yield Hit(
                path,
                f"party {_party_label(p)} relies on {sg}, which covers transfers from the UK only, not from the EU",
                "use the EU standard contractual clauses; with the UK Addendum for UK data: 'transfer_safeguard: uk_addendum'",
            )
        else:  # the Data Privacy Framework outside the US
            yield Hit(
                path,
                f"party {_party_label(p)} relies on the EU-US Data Privacy Framework, which covers US companies "
                f"only, but also receives data in {label(bad)}",
                "name a safeguard that covers every country, e.g. standard_contractual_clauses",
            )


@rule(
    "eu.transfers",
    eu("Art. 13(1)(f), 44-46, 49"),
    "transfers outside the EEA: the adequacy decision, or the safeguard used",
    "add 'transfer_safeguard:' to the party (e.g. standard_contractual_clauses), and 'safeguard_copy:' to say how to get a copy",
)
def _eu_transfers(inv, ctx) -> Iterator[Hit]:
    """EEA -> third country. Adequacy list: data/adequacy.yml ``eu``. The US is adequate only
    for companies certified under the EU-US Data Privacy Framework."""
    yield from _transfer_hits(inv, "eu")


@rule(
    "uk.transfers",
    uk("Art. 13(1)(f), 44-46, 49"),
    "transfers outside the UK: the adequacy regulations, or the safeguard used",
    "add 'transfer_safeguard:' to the party (e.g. uk_idta or uk_addendum), and 'safeguard_copy:' to say how to get a copy",
)
def _uk_transfers(inv, ctx) -> Iterator[Hit]:
    """UK -> third country. Adequacy list: data/adequacy.yml ``uk`` (EEA included).

    Assumptions, because the format has one safeguard per party for both laws: a party with
    ``eu_us_data_privacy_framework`` is taken to have joined the UK Extension to the Data Privacy
    Framework (the "UK-US data bridge"), and ``standard_contractual_clauses`` are taken to be
    used with the UK Addendum. Say so in the notice; use ``uk_idta``/``uk_addendum`` to be exact.
    """
    yield from _transfer_hits(inv, "uk")


@rule(
    "eu.supervisory_authority",
    eu("Art. 13(2)(d), 14(2)(e), 77"),
    "the supervisory authority people can complain to",
    "add organization.supervisory_authority with the name and website of your lead authority",
)
def _authority(inv, ctx) -> Iterator[Hit]:
    """EU only: under the UK GDPR the authority is always the ICO, so the notice names it without a field."""
    if inv.organization.supervisory_authority is None:
        yield Hit(("organization",), "the inventory does not name the supervisory authority for EU complaints")


def _representative_hits(inv, region: str) -> Iterator[Hit]:
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
        f"you are established in {_list(sorted(where))}, outside {place}, and name no representative with region {region}",
        f"add a representative under organization.representatives with 'region: {region}'",
    )


@rule(
    "eu.representative",
    eu("Art. 27, 13(1)(a)"),
    "the EU representative, where the controller is not established in the EU",
    "add a representative with 'region: EU' under organization.representatives",
)
def _eu_representative(inv, ctx) -> Iterator[Hit]:
    """Establishment comes from organization.established_in, else from the country at the end of
    organization.address. EEA states count as establishment (the GDPR applies there through the
    EEA Agreement). Art. 27(2) exemptions (occasional, low-risk processing) are not modelled."""
    yield from _representative_hits(inv, "EU")


@rule(
    "uk.representative",
    uk("Art. 27, 13(1)(a)"),
    "the UK representative, where the controller is not established in the UK",
    "add a representative with 'region: UK' under organization.representatives",
)
def _uk_representative(inv, ctx) -> Iterator[Hit]:
    yield from _representative_hits(inv, "UK")


@rule(
    "gdpr.automated_decision",
    gdpr("Art. 13(2)(f), 14(2)(g), 22(3)"),
    "for automated decisions: what is decided, the logic, the effect, and how to get human review",
    "add the missing keys under automated_decision",
)
def _automated(inv, ctx) -> Iterator[Hit]:
    for i, p in enumerate(inv.purposes):
        ad = p.automated_decision
        if ad is None:
            continue
        missing = [k for k in ("what", "logic", "effect", "human_review") if getattr(ad, k) is None]
        if missing:
            yield Hit(
                ("purposes", i, "automated_decision"),
                f"the automated decision in purpose '{p.id}' does not say {_list(missing)}",
                f"add {_list([repr(k + ':') for k in missing])} under automated_decision",
            )


# --------------------------------------------------------------------------------------------
# Every jurisdiction
# --------------------------------------------------------------------------------------------


@rule(
    "data.purpose",
    {**gdpr("Art. 13(1)(c), 14(1)(c)"), **ca("Cal. Civ. Code 1798.100(a)(1), 1798.110(c)(3)")},
    "why each kind of data is collected",
    "add the data's id to the 'data:' list of the purpose that uses it, or remove the entry",
)
def _data_purpose(inv, ctx) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        if not d.purposes:
            yield Hit(("data", i), f"no purpose uses data '{d.id}'")


# --------------------------------------------------------------------------------------------
# California (CCPA as amended by the CPRA; 11 CCR 7000 ff.)
# --------------------------------------------------------------------------------------------


@rule(
    "ca.category",
    ca("Cal. Civ. Code 1798.110(c), 1798.130(a)(5); 11 CCR 7011(e)"),
    "the CCPA category of each kind of personal information",
    "add 'ccpa_category:' (e.g. identifiers, commercial_information, internet_activity)",
)
def _ca_category(inv, ctx) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        if d.ccpa_category is None:
            yield Hit(("data", i), f"data '{d.id}' has no CCPA category")


@rule(
    "ca.sold_shared_stated",
    ca("Cal. Civ. Code 1798.100(a)(1), 1798.115(c), 1798.130(a)(5); 11 CCR 7011(e)"),
    "whether each category is sold or shared for cross-context behavioral advertising",
    "add 'sold: false' or 'sold: true', and 'shared_for_ads: false' or 'shared_for_ads: true'",
)
def _ca_sold_stated(inv, ctx) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        missing = [k for k in ("sold", "shared_for_ads") if getattr(d, k) is None]
        if missing:
            yield Hit(("data", i), f"data '{d.id}' does not say whether it is {' or '.join(m.replace('_for_ads', ' for ads') for m in missing)}")


@rule(
    "ca.sale_recipients",
    ca("Cal. Civ. Code 1798.110(c), 1798.115(c), 1798.130(a)(5); 11 CCR 7011(e)"),
    "the categories of third parties to whom data is sold or shared",
    "list the parties in 'sold_to' / 'shared_for_ads_with'",
)
def _ca_sale_recipients(inv, ctx) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        if d.sold and not d.sold_to:
            yield Hit(("data", i, "sold"), f"data '{d.id}' is sold but 'sold_to' names no party")
        if d.shared_for_ads and not d.shared_for_ads_with:
            yield Hit(("data", i, "shared_for_ads"), f"data '{d.id}' is shared for ads but 'shared_for_ads_with' names no party")
        if d.sold_to and not d.sold:
            yield Hit(
                ("data", i, "sold_to"),
                f"data '{d.id}' lists parties in 'sold_to' but does not say 'sold: true'",
                "set 'sold: true', or empty 'sold_to'",
            )
        if d.shared_for_ads_with and not d.shared_for_ads:
            yield Hit(
                ("data", i, "shared_for_ads_with"),
                f"data '{d.id}' lists parties in 'shared_for_ads_with' but does not say 'shared_for_ads: true'",
                "set 'shared_for_ads: true', or empty 'shared_for_ads_with'",
            )


@rule(
    "ca.opt_out_link",
    ca("Cal. Civ. Code 1798.120, 1798.135(a); 11 CCR 7013"),
    "the 'Do Not Sell or Share My Personal Information' link, where data is sold or shared",
    "add controls.opt_out_url: the page where people opt out of sale and sharing",
)
def _ca_opt_out(inv, ctx) -> Iterator[Hit]:
    """1798.135(b) lets a business that honours opt-out preference signals frictionlessly skip the
    link, on conditions the inventory cannot show, so the link is asked for whenever data is sold or shared."""
    sold = _sold_or_shared(inv)
    if sold and inv.controls.opt_out_url is None:
        i = inv.data.index(sold[0])
        yield Hit(
            ("data", i, "sold" if sold[0].sold else "shared_for_ads"),
            f"you sell or share {_list([repr(d.id) for d in sold])} but give no opt-out link",
        )


@rule(
    "ca.gpc_honoured",
    ca("11 CCR 7025(b)"),
    "a business that sells or shares treats opt-out preference signals (Global Privacy Control) as an opt-out",
    "set controls.global_privacy_control: true and honour the Sec-GPC header",
)
def _ca_gpc_required(inv, ctx) -> Iterator[Hit]:
    if _sold_or_shared(inv) and not inv.controls.global_privacy_control:
        yield Hit(
            _where(inv, ("controls", "global_privacy_control"), ("controls",), _jurisdiction_path(inv, "us_ca")),
            "you sell or share personal information but do not treat Global Privacy Control as an opt-out",
        )


@rule(
    "ca.gpc_statement",
    ca("11 CCR 7011(e), 7025"),
    "how opt-out preference signals such as Global Privacy Control are handled",
    "set controls.global_privacy_control: true, or say how you handle the signal in controls.gpc_statement",
)
def _ca_gpc(inv, ctx) -> Iterator[Hit]:
    c = inv.controls
    if not c.global_privacy_control and c.gpc_statement is None:
        yield Hit(
            _where(inv, ("controls", "global_privacy_control"), ("controls",), _jurisdiction_path(inv, "us_ca")),
            "the inventory does not say how you handle Global Privacy Control signals",
        )


@rule(
    "ca.limit_sensitive",
    ca("Cal. Civ. Code 1798.121, 1798.135(a); 11 CCR 7014, 7027(m)"),
    "the 'Limit the Use of My Sensitive Personal Information' link, where sensitive data is used beyond the permitted purposes",
    "add controls.limit_sensitive_url, or set 'sensitive_use_limited: true' if you use the data only for the purposes 11 CCR 7027(m) lists",
)
def _ca_limit(inv, ctx) -> Iterator[Hit]:
    if inv.controls.limit_sensitive_url is not None:
        return
    for i, d in enumerate(inv.data):
        if _ca_sensitive(d) and not d.sensitive_use_limited:
            yield Hit(
                _where(inv, ("data", i, "sensitive_use_limited"), ("data", i)),
                f"data '{d.id}' is sensitive personal information used beyond the permitted purposes, and there is no 'Limit the Use' link",
            )


@rule(
    "ca.request_methods",
    ca("Cal. Civ. Code 1798.130(a)(1)(A); 11 CCR 7020"),
    "at least two ways to send requests, one a toll-free number; an e-mail address is enough for a business that operates only online",
    "add methods under requests",
)
def _ca_methods(inv, ctx) -> Iterator[Hit]:
    """1798.130(a)(1)(A): two or more designated methods, including at a minimum a toll-free
    telephone number; a business that operates exclusively online and has a direct relationship
    with the consumer needs only an e-mail address.

    Reading used here: ``requests.online_only: true`` -> an e-mail method is required and enough.
    ``online_only: false`` -> two or more methods, one a toll-free phone. Left out -> the business
    is taken to be online-only when it offers no offline channel (no phone or post method), as an
    app or web service with web, e-mail and in-app methods does; offering a phone or post method
    signals offline dealings, and the toll-free number is then required. Set ``online_only``
    explicitly to override the inference.
    """
    req = inv.requests
    if req is None:
        yield Hit(
            _jurisdiction_path(inv, "us_ca"),
            "the inventory has no 'requests' section, so the notice cannot say how Californians send requests",
            "add requests.methods (e.g. a web form and an e-mail address) and requests.response_days",
        )
        return
    kinds = [m.kind.value for m in req.methods]
    online = req.online_only
    if online is None:
        online = not any(k in ("phone", "post") for k in kinds)
    if online:
        if "email" not in kinds:
            yield Hit(
                ("requests", "methods"),
                "a business that operates only online must offer an e-mail address for requests",
                "add '{kind: email, address: privacy@example.com}' to requests.methods",
            )
        return
    if len(kinds) < 2:
        yield Hit(
            ("requests", "methods"),
            f"requests offer {len(kinds)} method; California asks for at least two",
            "add a second method, e.g. a web form or an e-mail address",
        )
    if not any(m.kind.value == "phone" and m.toll_free for m in req.methods):
        phones = [i for i, m in enumerate(req.methods) if m.kind.value == "phone"]
        path = ("requests", "methods", phones[0]) if phones else ("requests", "methods")
        yield Hit(
            path,
            "a business that also deals with people offline must offer a toll-free phone number for requests",
            "add '{kind: phone, number: ..., toll_free: true}' to requests.methods, or set requests.online_only: true if you operate only online",
        )


@rule(
    "ca.website_requests",
    ca("Cal. Civ. Code 1798.130(a)(1)(B)"),
    "a business with a website lets people send requests through it",
    "add '{kind: web, url: https://...}' to requests.methods",
)
def _ca_web(inv, ctx) -> Iterator[Hit]:
    req = inv.requests
    if req is None or inv.organization.website is None:
        return
    if not any(m.kind.value == "web" for m in req.methods):
        yield Hit(("requests", "methods"), "you have a website but offer no web form for requests")


@rule(
    "ca.verification",
    ca("11 CCR 7011(e), 7060"),
    "how requests are verified",
    "add requests.verification: how you check who is asking, in one or two plain sentences",
)
def _ca_verification(inv, ctx) -> Iterator[Hit]:
    if inv.requests is not None and inv.requests.verification is None:
        yield Hit(("requests",), "the inventory does not say how you verify requests")


@rule(
    "ca.do_not_track",
    ca("Cal. Bus. & Prof. Code 22575(b)(5)"),
    "how the site responds to Do Not Track signals",
    "add controls.do_not_track: what your site does when a browser sends Do Not Track",
)
def _ca_dnt(inv, ctx) -> Iterator[Hit]:
    if inv.controls.do_not_track is None:
        yield Hit(
            _where(inv, ("controls",), _jurisdiction_path(inv, "us_ca")),
            "the inventory does not say how your site responds to Do Not Track",
        )


@rule(
    "ca.effective_date",
    ca("Cal. Civ. Code 1798.130(a)(5); 11 CCR 7011(e)(4)"),
    "the date the notice was last updated",
    "set notice.effective_date to the date of the newest change, or correct the change's date",
)
def _ca_date(inv, ctx) -> Iterator[Hit]:
    eff = inv.notice.effective_date
    for i, ch in enumerate(inv.changes):
        if ch.date > eff:
            yield Hit(
                ("changes", i, "date"),
                f"a change is dated {ch.date.isoformat()}, after the notice's effective date {eff.isoformat()}, so 'last updated' would be wrong",
            )


__all__ = ["RULES", "Rule", "Hit", "Ctx", "check_completeness", "country_from_address", "established_in", "adequacy", "eea"]
