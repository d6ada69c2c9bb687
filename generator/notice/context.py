"""The template context: the variables every template receives (documented in
:data:`CONTEXT_DOC`, and in docs/templates.md from it). Facts worked out once in Python (which
transfers leave the EEA or the UK and what makes each lawful, retention order, CCPA groups ...) so
templates only print.

Nothing here turns an absence into a fact: a list such as ``sold_data`` holds what the inventory
states, and a yes/no that the inventory leaves out stays None (``none_sold`` is True only when
every entry says ``sold: false``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.inventory.fields import period_days
from generator.inventory.geography import adequacy, eea
from generator.inventory.model import Inventory
from generator.inventory.vocab import CcpaCategory, CookieKind
from generator.notice.values import Values

#: Context variables every template receives, with what they hold (docs/templates.md).
CONTEXT_DOC: dict[str, str] = {
    "inv": "The whole inventory (`Inventory`). Attribute names are the YAML keys; see the model below.",
    "org": "`inv.organization`.",
    "notice": "`inv.notice`.",
    "lang": "The language being rendered, e.g. `en`.",
    "page": "The page being rendered: `index.md`, `notice.md`, `cookies.md` or `changes.md`.",
    "links": "Page paths: `links.summary`, `links.notice`, `links.cookies`, `links.changes`, and `links.collection` "
    "(the California notice at collection, 11 CCR 7012: `collection.md` when the notice covers us_ca, else None).",
    "eu": "True when `notice.jurisdictions` has `eu_gdpr`.",
    "uk": "True when it has `uk_gdpr`.",
    "ca": "True when it has `us_ca`.",
    "gdpr": "`eu or uk`.",
    "gdpr_name": "How citations name the law: `GDPR` (eu_gdpr only), `UK GDPR` (uk_gdpr only), `GDPR and UK GDPR` "
    "(both), or empty.",
    "sold_data": "Data entries that are sold (`sold: true`, or parties in `sold_to`).",
    "ads_data": "Data entries shared for cross-context ads (`shared_for_ads: true`, or parties in `shared_for_ads_with`).",
    "none_sold": "True when every data entry says `sold: false` and has no `sold_to` (not sold now or in the last "
    "12 months); False otherwise, also when an entry leaves `sold` out.",
    "none_shared_for_ads": "The same for `shared_for_ads` and `shared_for_ads_with`.",
    "under_16": "`children.sells_or_shares_under_16`: True, False, or None when the inventory does not say.",
    "sensitive_data": "Data entries with `sensitive: true`.",
    "special_data": "Data entries that are special-category data under GDPR Art. 9(1) (`special_category`, which "
    "defaults to `sensitive`).",
    "sensitive_ccpa": "Data entries that are sensitive personal information under the CCPA (`sensitive: true` or "
    "`ccpa_category: sensitive_personal_information`).",
    "ca_only_sensitive": "Of `sensitive_ccpa`, those that are not in `special_data` (sensitive under the CCPA only).",
    "unlimited_sensitive": "Of `sensitive_ccpa`, those with `sensitive_use_limited: false`.",
    "limited_sensitive_all": "True when every entry of `sensitive_ccpa` says `sensitive_use_limited: true`.",
    "location_data": "Data entries with `ccpa_category: geolocation`.",
    "consent_purposes": "Purposes whose legal basis is `consent`.",
    "withdraw_purposes": "Purposes that rest on consent: legal basis `consent`, or they use special-category data "
    "whose Art. 9(2) condition is `explicit_consent` (GDPR Art. 13(2)(c)).",
    "li_purposes": "Purposes whose legal basis is `legitimate_interests`.",
    "public_task_purposes": "Purposes whose legal basis is `public_task`.",
    "objectable_purposes": "Purposes based on `legitimate_interests` or `public_task` (right to object, Art. 21(1)).",
    "portable_purposes": "Purposes based on `consent` or `contract`, or that use data under explicit consent "
    "(right to data portability, Art. 20(1)(a)).",
    "marketing_possible": "True when a purpose rests on `consent` or `legitimate_interests`, the bases direct "
    "marketing can rest on (so the Art. 21(2) right to object to it can matter).",
    "bases_stated": "True when every purpose has a `legal_basis`.",
    "profiling_purposes": "Purposes with `profiling: true`.",
    "decision_purposes": "Purposes with an `automated_decision`.",
    "contract_data": "Data entries used by a purpose whose basis is `contract` or `legal_obligation`.",
    "third_party_data": "Data entries that do not all come from the person (GDPR Art. 14).",
    "source_parties": "Parties named as a source of any data entry.",
    "recipients": "Parties that get any data (in `shared_with`, `sold_to` or `shared_for_ads_with`), in inventory order.",
    "cookie_parties": "Parties that run a cookie (`provider`) and get no data entry.",
    "other_parties": "Parties that get no data entry, give none and run no cookie.",
    "transfers": "Data sent outside the EEA (for eu_gdpr) or the UK (for uk_gdpr), one row per (party, country, "
    "region): objects with `party`, `country` (code), `region` (`EEA` or `UK`: whose data leaves), `basis` (what "
    "makes the transfer lawful: `adequacy`, `dpf`, `scc`, `scc_uk`, `idta`, `bcr`, `code`, `certification`, "
    "`consent`, `contract`, or `none` when the inventory names nothing that covers it) and `copy` (True for a "
    "safeguard people can get a copy of, GDPR Art. 13(1)(f)). Adequacy comes first: a derogation or safeguard is "
    "shown only where no adequacy decision covers the country (generator/data/adequacy.yml). Only parties that get "
    "data (or run a cookie) are listed.",
    "transfer_countries": "The distinct country codes of `transfers`, in first-seen order.",
    "transfer_countries_eea": "The distinct country codes of the `transfers` whose region is `EEA`.",
    "transfer_countries_uk": "The distinct country codes of the `transfers` whose region is `UK`; when the notice "
    "covers eu_gdpr too, only those outside the EEA as well.",
    "retention_rows": "Data entries ordered by how long they are kept (shortest first; criteria last).",
    "retention_days": "Data id -> its retention period in days (entries with a fixed period only).",
    "retention_max_days": "The longest fixed retention period in days (1 when there is none); scales the retention bars.",
    "ccpa_groups": "For California: objects with `category` (key) and `items` (the data entries), in "
    "statute order.",
    "ca_incentives": "For California: `notice.financial_incentives` (`FinancialIncentive` objects: `name`, `summary`, "
    "`material_terms`, `data_items`, `opt_in`, `withdraw`, `value`, `value_method`; 11 CCR 7016(d)), or an empty list "
    "when the notice does not cover us_ca.",
    "ca_collectors": "For California: parties that control the collection of personal information on our site (11 CCR "
    "7012(g)): providers of cookies on our site whose CCPA role (`ccpa_role`, or derived from `role`) is `third_party`.",
    "eu_rep": "The EU representative (`Representative`) or None.",
    "uk_rep": "The UK representative or None.",
    "latest_change": "`inv.changes[0]` (newest first) or None.",
    "cookie_kinds": "Cookie kinds present, in the order essential, preferences, analytics, advertising.",
    "request_methods": "`inv.requests.methods`, or an empty list.",
    "has_phone_request": "True when a request method is a phone number.",
}

#: Safeguards that people can get a copy of (GDPR / UK GDPR Art. 13(1)(f): Art. 46 and 47).
COPY_BASES = frozenset({"scc", "scc_uk", "idta", "bcr", "code", "certification"})

#: transfer_safeguard -> basis, per region (a value not listed covers nothing there).
_SAFEGUARD_BASIS = {
    "EEA": {
        "standard_contractual_clauses": "scc",
        "uk_addendum": "scc",  # an addendum to the EU clauses: the EU clauses are in place (vocabulary)
        "binding_corporate_rules": "bcr",
        "code_of_conduct": "code",
        "certification": "certification",
        "derogation_explicit_consent": "consent",
        "derogation_contract": "contract",
    },
    "UK": {
        "standard_contractual_clauses": "scc_uk",  # the vocabulary: for UK data, with the UK Addendum
        "uk_addendum": "scc_uk",
        "uk_idta": "idta",
        "binding_corporate_rules": "bcr",
        "code_of_conduct": "code",
        "certification": "certification",
        "derogation_explicit_consent": "consent",
        "derogation_contract": "contract",
    },
}


@dataclass
class Transfer:
    party: Any
    country: Any
    region: str  # "EEA" or "UK": whose data leaves
    basis: str
    copy: bool


@dataclass
class CcpaGroup:
    category: str
    items: list


def _basis(region: str, code: str, safeguard: str | None) -> str:
    """What makes a transfer of ``region``'s data to ``code`` lawful, adequacy first (GDPR Art. 45-49)."""
    table = adequacy("eu" if region == "EEA" else "uk")
    if code in table.countries:
        return "adequacy"
    partial = table.partial.get(code)
    if partial is not None and safeguard == partial["only_with"]:
        return "dpf" if safeguard == "eu_us_data_privacy_framework" else "adequacy"
    if safeguard == "adequacy_decision" and partial is not None:
        return "adequacy"  # the party says it is one of the recipients the decision covers
    return _SAFEGUARD_BASIS[region].get(safeguard or "", "none")


def _transfers(inv: Inventory, values: Values, receiving: list, eu: bool, uk: bool) -> list[Transfer]:
    eea_codes = eea()
    regions = (["EEA"] if eu else []) + (["UK"] if uk else [])
    out: list[Transfer] = []
    for party in receiving:
        safeguard = party.transfer_safeguard.value if party.transfer_safeguard is not None else None
        for code in values.attr(party, "all_countries", None):
            for region in regions:
                if (region == "EEA" and code in eea_codes) or (region == "UK" and str(code) == "GB"):
                    continue  # data stays where it is protected
                basis = _basis(region, str(code), safeguard)
                out.append(Transfer(party, code, region, basis, basis in COPY_BASES))
    return out


def _distinct(codes) -> list:
    out: list = []
    for c in codes:
        if str(c) not in [str(x) for x in out]:
            out.append(c)
    return out


def _unique(parties) -> list:
    # models compare by value through their cross-references: compare by identity
    out: list = []
    for p in parties:
        if all(p is not q for q in out):
            out.append(p)
    return out


def _basis_is(p, *values: str) -> bool:
    return p.legal_basis is not None and p.legal_basis.value in values


def build_context(inv: Inventory, values: Values, lang: str) -> dict:
    """The variables every template receives (see :data:`CONTEXT_DOC`)."""
    juris = {j.value for j in inv.notice.jurisdictions}
    eu, uk, ca = "eu_gdpr" in juris, "uk_gdpr" in juris, "us_ca" in juris

    recipients = _unique(p for d in inv.data for p in d.recipients)
    sources = _unique(p for d in inv.data for p in d.source_parties)
    providers = _unique(c.provider_party for c in inv.cookies if c.provider_party is not None)
    cookie_parties = [p for p in providers if all(p is not q for q in recipients)]
    known = {id(p) for p in recipients + sources + providers}
    other = [p for p in inv.parties if id(p) not in known]
    receiving = [p for p in inv.parties if any(p is q for q in recipients + cookie_parties)]

    transfers = _transfers(inv, values, receiving, eu, uk)

    def keep_days(d):
        if d.retention.period:
            return (0, period_days(d.retention.period))
        return (1, 0)

    groups = []
    for cat in CcpaCategory:  # statute order
        items = [d for d in inv.data if d.ccpa_category == cat]
        if items:
            groups.append(CcpaGroup(cat.value, items))

    reps = inv.organization.representatives
    methods = list(inv.requests.methods) if inv.requests else []
    present_kinds = {c.kind.value for c in inv.cookies}
    special = [d for d in inv.data if d.special]
    explicit = [d for d in special if d.special_category_basis is not None and d.special_category_basis.value == "explicit_consent"]
    withdraw = [p for p in inv.purposes if _basis_is(p, "consent") or any(d is e for d in p.data_items for e in explicit)]
    sensitive_ccpa = [d for d in inv.data if d.ca_sensitive]
    children = inv.children
    return {
        "inv": inv,
        "org": inv.organization,
        "notice": inv.notice,
        "lang": lang,
        "links": {
            "summary": "index.md",
            "notice": "notice.md",
            "cookies": "cookies.md",
            "changes": "changes.md",
            "collection": "collection.md" if ca else None,
        },
        "eu": eu,
        "uk": uk,
        "ca": ca,
        "gdpr": eu or uk,
        "gdpr_name": "GDPR and UK GDPR" if eu and uk else "GDPR" if eu else "UK GDPR" if uk else "",
        "sold_data": [d for d in inv.data if d.sold or d.sold_to],
        "ads_data": [d for d in inv.data if d.shared_for_ads or d.shared_for_ads_with],
        "none_sold": all(d.sold is False and not d.sold_to for d in inv.data),
        "none_shared_for_ads": all(d.shared_for_ads is False and not d.shared_for_ads_with for d in inv.data),
        "under_16": children.sells_or_shares_under_16 if children is not None else None,
        "sensitive_data": [d for d in inv.data if d.sensitive],
        "special_data": special,
        "sensitive_ccpa": sensitive_ccpa,
        "ca_only_sensitive": [d for d in sensitive_ccpa if all(d is not e for e in special)],
        "unlimited_sensitive": [d for d in sensitive_ccpa if d.sensitive_use_limited is False],
        "limited_sensitive_all": bool(sensitive_ccpa) and all(d.sensitive_use_limited is True for d in sensitive_ccpa),
        "location_data": [d for d in inv.data if d.ccpa_category is not None and d.ccpa_category.value == "geolocation"],
        "consent_purposes": [p for p in inv.purposes if _basis_is(p, "consent")],
        "withdraw_purposes": withdraw,
        "li_purposes": [p for p in inv.purposes if _basis_is(p, "legitimate_interests")],
        "public_task_purposes": [p for p in inv.purposes if _basis_is(p, "public_task")],
        "objectable_purposes": [p for p in inv.purposes if _basis_is(p, "legitimate_interests", "public_task")],
        "portable_purposes": [p for p in inv.purposes if _basis_is(p, "consent", "contract") or any(p is q for q in withdraw)],
        "marketing_possible": any(_basis_is(p, "consent", "legitimate_interests") for p in inv.purposes),
        "bases_stated": all(p.legal_basis is not None for p in inv.purposes),
        "profiling_purposes": [p for p in inv.purposes if p.profiling],
        "decision_purposes": [p for p in inv.purposes if p.automated_decision is not None],
        "contract_data": [d for d in inv.data if any(_basis_is(p, "contract", "legal_obligation") for p in d.purposes)],
        "third_party_data": [d for d in inv.data if not d.from_person],
        "source_parties": sources,
        "recipients": recipients,
        "cookie_parties": cookie_parties,
        "other_parties": other,
        "transfers": transfers,
        "transfer_countries": _distinct(t.country for t in transfers),
        "transfer_countries_eea": _distinct(t.country for t in transfers if t.region == "EEA"),
        "transfer_countries_uk": _distinct(
            t.country for t in transfers if t.region == "UK" and not (eu and str(t.country) in eea())
        ),
        "retention_rows": sorted(inv.data, key=keep_days),
        "retention_days": {d.id: keep_days(d)[1] for d in inv.data if d.retention.period},
        "retention_max_days": max([keep_days(d)[1] for d in inv.data if d.retention.period] or [1]),
        "ccpa_groups": groups,
        "ca_incentives": list(inv.notice.financial_incentives) if ca else [],
        "ca_collectors": [p for p in providers if p.ccpa_role_or_derived == "third_party"] if ca else [],
        "eu_rep": next((r for r in reps if r.region.value == "EU"), None),
        "uk_rep": next((r for r in reps if r.region.value == "UK"), None),
        "latest_change": inv.changes[0] if inv.changes else None,
        "cookie_kinds": [k.value for k in CookieKind if k.value in present_kinds],
        "request_methods": methods,
        "has_phone_request": any(m.kind.value == "phone" for m in methods),
    }
