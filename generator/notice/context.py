"""The template context: the variables every template receives (documented in
:data:`CONTEXT_DOC`, and in docs/templates.md from it). Facts worked out once in Python (which
transfers leave the EEA or the UK and what makes each lawful, retention order, CCPA groups ...) so
templates only print.

Nothing here turns an absence into a fact: a list such as ``sold_data`` holds what the inventory
states, and a yes/no that the inventory leaves out stays None (``none_sold`` is True only when
every entry says ``sold: false``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from generator.inventory.fields import period_days
from generator.inventory.geography import countries, eea
from generator.inventory.transfers import transfer_rows
from generator.inventory.model import WORDS_PER_MINUTE, Inventory
from generator.inventory.vocab import CcpaCategory, CookieKind
from generator.notice.values import Values
from generator.rules.gdpr import established_in

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
    "withdraw_ids": "The ids of `withdraw_purposes`: `p.id in withdraw_ids` asks it of one purpose in one step, "
    "however many purposes there are.",
    "withdraw_data": "Purpose id -> the data entries it uses under explicit consent (Art. 9(2)(a)), for each purpose of "
    "`withdraw_purposes` whose legal basis is not `consent`: only that data rests on consent, not the purpose "
    "(GDPR Art. 7(3), 13(2)(c)). Purposes based on `consent` are not keys.",
    "withdraw_sensitive": "The ids of the `withdraw_data` purposes whose data under explicit consent is all the "
    "special-category data they use (`special_data`, the summary's \"Sensitive data\"): the summary says \"only its "
    "sensitive data\" for them instead of naming each kind.",
    "parent_opt_in": "True where `children.minimum_age` is left out or below 13: a company that sells or shares the "
    "data of people under 16 then says that a parent or guardian opts in for a child under 13 (Cal. Civ. Code "
    "1798.120(c); 11 CCR 7070, 7072(a) apply only to a business that has such data).",
    "li_purposes": "Purposes whose legal basis is `legitimate_interests`.",
    "public_task_purposes": "Purposes whose legal basis is `public_task`.",
    "recognised_li_purposes": "Purposes whose legal basis is `recognised_legitimate_interest` (UK GDPR Art. 6(1)(ea)).",
    "objectable_purposes": "Purposes based on `legitimate_interests`, `public_task` or `recognised_legitimate_interest` "
    "(right to object, GDPR Art. 21(1); UK GDPR Art. 21(1) includes (ea)).",
    "portable_purposes": "Purposes based on `consent` or `contract`, or that use data under explicit consent "
    "(right to data portability, Art. 20(1)(a)).",
    "marketing_possible": "True when a purpose rests on `consent` or `legitimate_interests`, the bases direct "
    "marketing can rest on (so the Art. 21(2) right to object to it can matter).",
    "bases_stated": "True when every purpose has a `legal_basis`.",
    "profiling_purposes": "Purposes with `profiling: true`.",
    "decision_purposes": "Purposes with an `automated_decision`.",
    "computer_decision_purposes": "Of `decision_purposes`, those not marked `solely_automated: false` (a person who "
    "checks every result decides those).",
    "decision_rights_purposes": "Solely automated decisions (`solely_automated: true`) that give people the right to a "
    "person stepping in, their view and a challenge: for eu_gdpr those with `exception` contract or explicit_consent "
    "(GDPR Art. 22(3)); for uk_gdpr all of them (UK GDPR Art. 22C).",
    "published_data": "Data entries with `published_to` (made public by design).",
    "lead_authority": "True when `organization.supervisory_authority.lead` is true (GDPR Art. 56(1)).",
    "complaint_methods": "`inv.requests.complaint_methods`, or an empty list (DPA 2018 s.164A).",
    "contract_data": "Data entries used by a purpose whose basis is `contract` or `legal_obligation`.",
    "third_party_data": "Data entries that do not all come from the person (GDPR Art. 14).",
    "source_parties": "Parties named as a source of any data entry.",
    "recipients": "Parties that get any data (in `shared_with`, `sold_to` or `shared_for_ads_with`), in inventory order.",
    "cookie_parties": "Parties that run a cookie (`provider`) and get no data entry.",
    "cookies_by_provider": "Party id -> the cookies it runs (`provider`), in inventory order; an empty list for a party "
    "that runs none. One look-up however many parties and cookies there are.",
    "other_parties": "Parties that get no data entry, give none and run no cookie.",
    "transfer_tables": "One per listed GDPR law, EU first: objects with `law` (`eu`/`uk`), `rows`, "
    "`kinds` (the set of row kinds), `copies` (rows with a copy, one per party and copy text) and "
    "`countries` (codes, first-seen). Each row (from generator.inventory.transfers, sorted by country "
    "name): `law`, `region` (`EEA` for `eu`, `UK` for `uk`: whose data leaves), `party`, `country` (code, "
    "source-mapped), `kind` (`adequacy`, `safeguard`, `derogation`, or None when the inventory names no "
    "valid basis: a rule finding), `basis` (the vocabulary value; `adequacy` for a country the list covers "
    "in full), `article`, `instrument` (the decision or regulations), `scope` (whom a partial decision "
    "covers), `copy` (how to get a copy of a safeguard, only for a safeguard). Only parties that get data "
    "(or run a cookie) are rows; a recipient in the law's own area (the EEA, the UK) is no transfer under it.",
    "transfers": "The rows of every table of `transfer_tables`, EU first.",
    "transfer_countries": "The distinct country codes of `transfers`, in first-seen order.",
    "transfer_countries_eea": "The distinct country codes of the EU table (data sent outside the EEA).",
    "transfer_countries_uk": "The distinct country codes of the UK table (data sent outside the UK); when the "
    "notice covers eu_gdpr too, only those outside the EEA as well.",
    "controller_countries": "Where the controller is established (`organization.established_in`, else "
    "the country of its address), when that is outside the home of a listed law (the EEA, the UK); else [].",
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
    "summary_words": "The words the summary may have: `notice.readability.summary.max_minutes` (default 2) at 238 "
    "words a minute, or None when the length gate is off. The summary chooses its layout with it.",
    "summary_layout": "The summary layout another language chose: `(\"table\" or \"lists\", 1-3)` (the recipients r1-r3), "
    "given to every language after the first of `notice.languages`, so each names and counts the same things; None "
    "for the first language, which chooses.",
    "note_layout": "`note_layout(name, n)` records the layout the summary chose (prints nothing); render passes the "
    "first language's choice to the others as `summary_layout`.",
    "summary_named": "Recipients the summary always names: objects with `party` and `shared`, `sold`, `ads` (True "
    "when the party gets some data that way). Those who buy data, get it for cross-context ads, or use it for their "
    "own purposes (any role but processor, service provider or contractor), in inventory order.",
    "summary_abroad": "Processors, service providers and contractors that get data only in `shared_with` and get "
    "it outside the EEA or the UK (`transfers`). The summary names them when it has room, else counts them.",
    "summary_helpers": "The other processors, service providers and contractors that get data only in "
    "`shared_with`. The summary may count them instead of naming them.",
}

#: Roles of parties that work for us (GDPR Art. 4(8), 28; CCPA 1798.140(ag), (j)).
HELPER_ROLES = frozenset({"processor", "service_provider", "contractor"})

@dataclass
class TransferTable:
    """The transfers under one law (``law``): its rows, the set of row kinds, the rows with a copy
    (one per party and copy text) and the countries data goes to."""

    law: str
    rows: list
    kinds: set
    copies: list
    countries: list


@dataclass
class TransferLine:
    """One line of a transfer table: whose data leaves (``region``), to which party and country, and
    what the law allows it on."""

    law: str
    region: str  # "EEA" or "UK": whose data leaves
    party: Any
    country: Any
    kind: Any
    basis: Any
    article: str
    instrument: Any
    scope: Any
    copy: Any


@dataclass
class SummaryParty:
    """A recipient as the summary names it, with whether we share with, sell to or advertise through it."""

    party: Any
    shared: bool
    sold: bool
    ads: bool


def _summary_parties(inv: Inventory, recipients: list, transfers: list) -> tuple[list, list, list]:
    """(named, abroad, helpers): see ``summary_named`` ... in :data:`CONTEXT_DOC`."""
    outside = {id(t.party) for t in transfers}
    named, abroad, helpers = [], [], []
    for party in recipients:
        receipts = [r for d in inv.data for r in d.receipts if r.party is party]
        row = SummaryParty(party, any(r.shared for r in receipts), any(r.sold for r in receipts), any(r.ads for r in receipts))
        role = getattr(party.role, "value", party.role)
        if row.sold or row.ads or role not in HELPER_ROLES:
            named.append(row)
        else:
            (abroad if id(party) in outside else helpers).append(party)
    return named, abroad, helpers


@dataclass
class CcpaGroup:
    """One CCPA category of personal information (``category``) and the data entries in it."""

    category: str
    items: list


def _cookies_by_provider(inv: Inventory) -> dict[str, list]:
    by: dict[str, list] = {p.id: [] for p in inv.parties}
    for c in inv.cookies:
        if c.provider is not None:
            by.setdefault(c.provider, []).append(c)
    return by


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


def _collation_key(name: str) -> str:
    """A country name as it sorts in a list: accents and case do not count (Österreich with O)."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def _transfers(inv, values: Values, eu: bool, uk: bool, names: dict[str, str]) -> list[TransferTable]:
    """The per-law transfer tables (generator.inventory.transfers), for the listed laws, EU first,
    each sorted by the country's name in the page's language (``names``: code -> name)."""
    tables: list[TransferTable] = []
    for law, listed in (("eu", eu), ("uk", uk)):
        if not listed:
            continue
        region = "EEA" if law == "eu" else "UK"
        lines = []
        for r in transfer_rows(inv, law):
            party_path = values.path_of(r.party)
            country = values.wrap(r.country, party_path + r.country_path[2:])
            copy = values.wrap(r.copy, party_path + r.copy_path[2:]) if r.copy is not None else None
            lines.append(
                TransferLine(law, region, r.party, country, r.kind, r.basis, r.article, r.instrument, r.scope, copy)
            )
        codes = _distinct(line.country for line in lines)
        lines.sort(key=lambda x: _collation_key(names.get(str(x.country), str(x.country))))
        copies, seen = [], set()
        for line in lines:
            if line.copy is not None and (id(line.party), str(line.copy)) not in seen:
                seen.add((id(line.party), str(line.copy)))
                copies.append(line)
        tables.append(TransferTable(law, lines, {x.kind for x in lines}, copies, codes))
    return tables


def _controller_countries(inv, eu: bool, uk: bool, names: dict[str, str]) -> list:
    where, _ = established_in(inv)
    if not where:
        return []
    outside = (eu and any(c not in eea() for c in where)) or (uk and any(c != "GB" for c in where))
    return sorted(where, key=lambda c: _collation_key(names.get(c, c))) if outside else []


def _decision_rights(p, eu: bool, uk: bool) -> bool:
    """A person stepping in, your view, a challenge: GDPR Art. 22(3) for 22(2)(a)/(c), UK GDPR Art. 22C for all."""
    ad = p.automated_decision
    if ad is None or ad.solely_automated is not True:
        return False
    return uk or (eu and ad.exception is not None and ad.exception.value in ("contract", "explicit_consent"))


def build_context(inv: Inventory, values: Values, lang: str, country_names: dict[str, str] | None = None) -> dict:
    """The variables every template receives (see :data:`CONTEXT_DOC`). ``country_names`` (code ->
    name in the page's language; the English ISO names without it) orders the country lists."""
    names = country_names if country_names is not None else countries()
    juris = {j.value for j in inv.notice.jurisdictions}
    eu, uk, ca = "eu_gdpr" in juris, "uk_gdpr" in juris, "us_ca" in juris

    recipients = _unique(p for d in inv.data for p in d.recipients)
    sources = _unique(p for d in inv.data for p in d.source_parties)
    providers = _unique(c.provider_party for c in inv.cookies if c.provider_party is not None)
    cookie_parties = [p for p in providers if all(p is not q for q in recipients)]
    known = {id(p) for p in recipients + sources + providers}
    other = [p for p in inv.parties if id(p) not in known]

    transfer_tables = _transfers(inv, values, eu, uk, names)
    transfers = [row for table in transfer_tables for row in table.rows]
    eu_codes = next((t.countries for t in transfer_tables if t.law == "eu"), [])
    uk_codes = next((t.countries for t in transfer_tables if t.law == "uk"), [])

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
    explicit_ids = {d.id for d in explicit}
    withdraw = [p for p in inv.purposes if _basis_is(p, "consent") or any(d.id in explicit_ids for d in p.data_items)]
    withdraw_data = {p.id: [d for d in p.data_items if d.id in explicit_ids] for p in withdraw if not _basis_is(p, "consent")}
    sensitive_ccpa = [d for d in inv.data if d.ca_sensitive]
    children = inv.children
    named, abroad, helpers = _summary_parties(inv, recipients, transfers)
    minutes = inv.notice.readability.summary.max_minutes
    return {
        "summary_words": int(minutes * WORDS_PER_MINUTE) if minutes else None,
        "summary_layout": None,
        "note_layout": lambda name, who: "",
        "summary_named": named,
        "summary_abroad": abroad,
        "summary_helpers": helpers,
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
        "withdraw_ids": frozenset(p.id for p in withdraw),
        "withdraw_data": withdraw_data,
        "withdraw_sensitive": frozenset(
            p.id for p in withdraw if p.id in withdraw_data and all(d.id in explicit_ids for d in p.data_items if d.special)
        ),
        "parent_opt_in": children is not None and (not children.minimum_age or children.minimum_age < 13),
        "li_purposes": [p for p in inv.purposes if _basis_is(p, "legitimate_interests")],
        "public_task_purposes": [p for p in inv.purposes if _basis_is(p, "public_task")],
        "recognised_li_purposes": [p for p in inv.purposes if _basis_is(p, "recognised_legitimate_interest")],
        "objectable_purposes": [
            p for p in inv.purposes if _basis_is(p, "legitimate_interests", "public_task", "recognised_legitimate_interest")
        ],
        "portable_purposes": [p for p in inv.purposes if _basis_is(p, "consent", "contract") or any(p is q for q in withdraw)],
        "marketing_possible": any(_basis_is(p, "consent", "legitimate_interests") for p in inv.purposes),
        "bases_stated": all(p.legal_basis is not None for p in inv.purposes),
        "profiling_purposes": [p for p in inv.purposes if p.profiling],
        "decision_purposes": [p for p in inv.purposes if p.automated_decision is not None],
        "computer_decision_purposes": [
            p for p in inv.purposes if p.automated_decision is not None and p.automated_decision.solely_automated is not False
        ],
        "decision_rights_purposes": [p for p in inv.purposes if _decision_rights(p, eu, uk)],
        "published_data": [d for d in inv.data if d.published_to is not None],
        "lead_authority": bool(inv.organization.supervisory_authority and inv.organization.supervisory_authority.lead),
        "complaint_methods": list(inv.requests.complaint_methods) if inv.requests else [],
        "contract_data": [d for d in inv.data if any(_basis_is(p, "contract", "legal_obligation") for p in d.purposes)],
        "third_party_data": [d for d in inv.data if not d.from_person],
        "source_parties": sources,
        "recipients": recipients,
        "cookie_parties": cookie_parties,
        "cookies_by_provider": _cookies_by_provider(inv),
        "other_parties": other,
        "transfers": transfers,
        "transfer_tables": transfer_tables,
        "transfer_countries": _distinct(t.country for t in transfers),
        "transfer_countries_eea": eu_codes,
        "transfer_countries_uk": [c for c in uk_codes if not (eu and str(c) in eea())],
        "controller_countries": _controller_countries(inv, eu, uk, names),
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
