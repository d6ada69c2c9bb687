"""The template context: the variables every template receives (documented in
:data:`CONTEXT_DOC`, and in docs/templates.md from it). Facts worked out once in Python (which
transfers leave the EEA or the UK, retention order, CCPA groups ...) so templates only print.
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
    "links": "Page paths: `links.summary`, `links.notice`, `links.cookies`, `links.changes`.",
    "eu": "True when `notice.jurisdictions` has `eu_gdpr`.",
    "uk": "True when it has `uk_gdpr`.",
    "ca": "True when it has `us_ca`.",
    "gdpr": "`eu or uk`.",
    "never": "What the inventory proves you never do: a list of keys, from `sell` (every data entry has "
    "`sold: false` and no `sold_to`), `share_for_ads` (every entry has `shared_for_ads: false` and no "
    "`shared_for_ads_with`), `sell_children` (children.sells_or_shares_under_16 is false; only when "
    "`sell` or `share_for_ads` is missing).",
    "sold_data": "Data entries that are sold (`sold: true`).",
    "ads_data": "Data entries shared for cross-context ads (`shared_for_ads: true`).",
    "sensitive_data": "Data entries with `sensitive: true`.",
    "location_data": "Data entries with `ccpa_category: geolocation`.",
    "consent_purposes": "Purposes whose legal basis is `consent`.",
    "li_purposes": "Purposes whose legal basis is `legitimate_interests`.",
    "objectable_purposes": "Purposes based on `legitimate_interests` or `public_task` (right to object, Art. 21).",
    "profiling_purposes": "Purposes with `profiling: true`.",
    "decision_purposes": "Purposes with an `automated_decision`.",
    "contract_data": "Data entries used by a purpose whose basis is `contract` or `legal_obligation`.",
    "third_party_data": "Data entries that do not all come from the person (GDPR Art. 14).",
    "source_parties": "Parties named as a source of any data entry.",
    "recipients": "Parties that receive any data (`shared_with`), in inventory order.",
    "other_parties": "Parties that neither receive data nor are a source (e.g. cookie providers).",
    "transfers": "Transfers outside the EEA or the UK, one per (party, country): objects with `party`, "
    "`country` (code), `outside` (list of `EEA`/`UK`), `safeguard` (the party's `transfer_safeguard` or "
    "None), `adequacy` (the regions in `outside` whose adequacy list fully covers the country; "
    "from generator/data/adequacy.yml via generator.inventory.geography).",
    "transfer_countries": "The distinct country codes of `transfers`, in first-seen order.",
    "uk_to_eea": "With uk_gdpr: EEA country codes that get data (UK adequacy regulations cover them).",
    "retention_rows": "Data entries ordered by how long they are kept (shortest first; criteria last).",
    "retention_days": "Data id -> its retention period in days (entries with a fixed period only).",
    "retention_max_days": "The longest fixed retention period in days (1 when there is none); scales the retention bars.",
    "ccpa_groups": "For California: objects with `category` (key) and `items` (the data entries), in "
    "statute order.",
    "sensitive_ccpa": "Data entries with `ccpa_category: sensitive_personal_information` or `sensitive: true`.",
    "eu_rep": "The EU representative (`Representative`) or None.",
    "uk_rep": "The UK representative or None.",
    "latest_change": "`inv.changes[0]` (newest first) or None.",
    "cookie_kinds": "Cookie kinds present, in the order essential, preferences, analytics, advertising.",
    "request_methods": "`inv.requests.methods`, or an empty list.",
    "has_phone_request": "True when a request method is a phone number.",
}

@dataclass
class Transfer:
    party: Any
    country: Any
    outside: list
    safeguard: Any
    adequacy: list


@dataclass
class CcpaGroup:
    category: str
    items: list


def _never(inv) -> list[str]:
    out = []
    sells = all(d.sold is False and not d.sold_to for d in inv.data)
    ads = all(d.shared_for_ads is False and not d.shared_for_ads_with for d in inv.data)
    if sells:
        out.append("sell")
    if ads:
        out.append("share_for_ads")
    if not (sells and ads) and inv.children is not None and not inv.children.sells_or_shares_under_16:
        out.append("sell_children")
    return out


def build_context(inv: Inventory, values: Values, lang: str) -> dict:
    """The variables every template receives (see :data:`CONTEXT_DOC`)."""
    juris = {j.value for j in inv.notice.jurisdictions}
    eu, uk, ca = "eu_gdpr" in juris, "uk_gdpr" in juris, "us_ca" in juris
    eea_codes = eea()

    transfers: list[Transfer] = []
    uk_to_eea: list = []
    for party in inv.parties:
        for code in values.attr(party, "all_countries", None):
            outside = []
            if eu and code not in eea_codes:
                outside.append("EEA")
            # From the UK, the EEA is covered by UK adequacy regulations (adequacy.yml, uk list).
            if uk and code != "GB" and code not in eea_codes:
                outside.append("UK")
            if uk and code in eea_codes and str(code) not in [str(c) for c in uk_to_eea]:
                uk_to_eea.append(code)
            if not outside:
                continue
            covered = []
            for region in outside:
                table = adequacy("eu" if region == "EEA" else "uk")
                if code in table.countries:
                    covered.append(region)
            transfers.append(
                Transfer(party, code, outside, values.field(party, "transfer_safeguard"), covered)
            )
    transfer_countries: list = []
    for tr in transfers:
        if str(tr.country) not in [str(c) for c in transfer_countries]:
            transfer_countries.append(tr.country)

    # models compare by value through their cross-references: compare by identity
    recipients, sources = [], []
    for d in inv.data:
        for p in d.recipients:
            if all(p is not q for q in recipients):
                recipients.append(p)
        for p in d.source_parties:
            if all(p is not q for q in sources):
                sources.append(p)
    named = {id(p) for p in recipients} | {id(p) for p in sources}
    other = [p for p in inv.parties if id(p) not in named]

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
    contract_data = [
        d for d in inv.data if any(p.legal_basis is not None and p.legal_basis.value in ("contract", "legal_obligation") for p in d.purposes)
    ]
    return {
        "inv": inv,
        "org": inv.organization,
        "notice": inv.notice,
        "lang": lang,
        "links": {"summary": "index.md", "notice": "notice.md", "cookies": "cookies.md", "changes": "changes.md"},
        "eu": eu,
        "uk": uk,
        "ca": ca,
        "gdpr": eu or uk,
        "never": _never(inv),
        "sold_data": [d for d in inv.data if d.sold or d.sold_to],
        "ads_data": [d for d in inv.data if d.shared_for_ads or d.shared_for_ads_with],
        "sensitive_data": [d for d in inv.data if d.sensitive],
        "location_data": [d for d in inv.data if d.ccpa_category is not None and d.ccpa_category.value == "geolocation"],
        "consent_purposes": [p for p in inv.purposes if p.legal_basis is not None and p.legal_basis.value == "consent"],
        "li_purposes": [p for p in inv.purposes if p.legal_basis is not None and p.legal_basis.value == "legitimate_interests"],
        "objectable_purposes": [
            p for p in inv.purposes if p.legal_basis is not None and p.legal_basis.value in ("legitimate_interests", "public_task")
        ],
        "profiling_purposes": [p for p in inv.purposes if p.profiling],
        "decision_purposes": [p for p in inv.purposes if p.automated_decision is not None],
        "contract_data": contract_data,
        "third_party_data": [d for d in inv.data if not d.from_person],
        "source_parties": sources,
        "recipients": recipients,
        "other_parties": other,
        "transfers": transfers,
        "transfer_countries": transfer_countries,
        "uk_to_eea": uk_to_eea,
        "retention_rows": sorted(inv.data, key=keep_days),
        "retention_days": {d.id: keep_days(d)[1] for d in inv.data if d.retention.period},
        "retention_max_days": max([keep_days(d)[1] for d in inv.data if d.retention.period] or [1]),
        "ccpa_groups": groups,
        "sensitive_ccpa": [
            d
            for d in inv.data
            if d.sensitive or (d.ccpa_category is not None and d.ccpa_category.value == "sensitive_personal_information")
        ],
        "eu_rep": next((r for r in reps if r.region.value == "EU"), None),
        "uk_rep": next((r for r in reps if r.region.value == "UK"), None),
        "latest_change": inv.changes[0] if inv.changes else None,
        "cookie_kinds": [k.value for k in CookieKind if k.value in present_kinds],
        "request_methods": methods,
        "has_phone_request": any(m.kind.value == "phone" for m in methods),
    }
