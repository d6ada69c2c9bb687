"""Hypothesis strategies that build VALID inventories (as plain dicts), varied in every direction.

``inventories()`` draws a dict that ``generator.inventory.parse.parse`` accepts: 1-6 data entries, 1-5 purposes,
0-4 parties, any non-empty subset of jurisdictions (or the one given), one to three languages (free texts
are then plain strings or language maps), and every optional field present, absent or (for lists) empty:
the three-valued yes/no fields (``required``, ``sold``, ``shared_for_ads``, ``sensitive_use_limited``,
``children.sells_or_shares_under_16``) are true, false or left out; ``cookies``, ``parties``, ``changes``
and each entry's recipient lists are a list, ``[]`` or left out. Texts mix letters with the characters
that matter to HTML and Markdown, so renderers are exercised on awkward input.

``inventories(big=True)`` draws the longest lists the format allows in practice (up to 30 kinds of
data, 20 purposes and 12 parties, every party getting every kind of data three ways, long names),
for the guard that our own sentences pass the readability gate whatever the lists hold.

``to_yaml(d)`` dumps a drawn dict; ``to_model(d)`` goes through the real loader and model (with
locations), which is how the tool reads a file.

Shared by the render, rules and readability tests.
"""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import strategies as st

from generator.inventory.vocab import (
    CcpaCategory,
    CookieKind,
    LegalBasis,
    PartyKind,
    PartyRole,
    SpecialCategoryBasis,
    EuTransferBasis,
    TransferSafeguard,
    UkTransferBasis,
)
from generator.inventory.transfers import kind_of

LANG_SETS = (["en"], ["en", "de"], ["de", "en"], ["fr", "en", "pt-BR"])
JURISDICTIONS = ("eu_gdpr", "uk_gdpr", "us_ca")
COUNTRIES = ("PT", "DE", "IE", "ES", "FR", "NO", "GB", "US", "JP", "IN", "BR", "CH", "CA", "AU", "SG")

#: Letters plus the characters that are syntax in HTML, Markdown, attribute lists and Jinja.
_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    + list(" ,.;:!?'\"()[]{}<>&#*_|`\\-+=~/@%$^")
    + ["é", "ü", "ß", "ç", "中", "ж", "\n"]
)


@st.composite
def words(draw, min_size: int = 1, max_size: int = 40) -> str:
    """A non-empty string with at least one letter (so it is never blank)."""
    body = draw(st.text(_ALPHABET, min_size=0, max_size=max_size))
    first = draw(st.sampled_from(list("AbcXyzMnQé")))
    return first + body


def text_value(langs: list[str]):
    """A free-text value: a plain string, or a map with exactly the notice's languages."""
    plain = words()
    mapped = st.fixed_dictionaries({lang: words() for lang in langs})
    return st.one_of(plain, mapped)


@st.composite
def _transfer_entries(draw, countries: list, text):
    """A valid party `transfers` list: some countries per entry (the last may name none: the rest),
    each entry with an `eu` and/or a `uk` basis, and a copy only next to a safeguard."""
    eu_values, uk_values = [v.value for v in EuTransferBasis], [v.value for v in UkTransferBasis]
    rest = list(countries)
    entries = []
    while rest and draw(st.booleans()):
        take = rest[: draw(st.integers(1, len(rest)))]
        rest = rest[len(take):]
        entries.append({"countries": take})
    if not entries or draw(st.booleans()):
        entries.append({})
    for e in entries:
        laws = draw(st.sampled_from([("eu",), ("uk",), ("eu", "uk")]))
        for law in laws:
            e[law] = draw(st.sampled_from(eu_values if law == "eu" else uk_values))
        if any(kind_of(e[law]) == "safeguard" for law in laws):
            _put(e, "safeguard_copy", _maybe(draw, text))
    return entries


def _maybe(draw, strategy, p: bool | None = None):
    present = draw(st.booleans()) if p is None else p
    return draw(strategy) if present else None


def _put(d: dict, key: str, value) -> None:
    if value is not None:
        d[key] = value


slugs = st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True)
emails = st.builds(lambda a, b: f"{a}@{b}.example", slugs, slugs)
urls = st.builds(lambda a, b: f"https://{a}.example/{b}", slugs, slugs)
phones = st.builds(lambda n: f"+351 21 {n:03d} {n % 1000:04d}", st.integers(0, 999))
periods = st.builds(
    lambda n, u: f"{n} {u}{'s' if n != 1 else ''}", st.integers(1, 40), st.sampled_from(["day", "week", "month", "year"])
)
dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


def _subset(draw, items: list, min_size: int = 0) -> list:
    if not items:
        return []
    picked = draw(st.lists(st.sampled_from(items), min_size=min_size, max_size=len(items), unique=True))
    return [i for i in items if i in picked]  # keep inventory order


#: Every non-empty combination of jurisdictions.
JURISDICTION_SETS = tuple([j for k, j in enumerate(JURISDICTIONS) if mask & (1 << k)] for mask in range(1, 8))


def _list_or_absent(draw, d: dict, key: str, items: list) -> None:
    """``items`` under ``key`` when there are any; else ``[]`` or nothing (both are valid, and mean different things)."""
    if items:
        d[key] = items
    elif draw(st.booleans()):
        d[key] = []


@st.composite
def long_words(draw) -> str:
    """A long name: several plain words (the longest labels a notice shows)."""
    n = draw(st.integers(4, 9))
    return " ".join(draw(st.sampled_from(["Customer", "account", "details", "for", "the", "booking", "records", "service", "partner", "network", "information", "history", "provider"])) for _ in range(n)).capitalize()


@st.composite
def inventories(draw, juris: list[str] | None = None, big: bool = False) -> dict:
    """A valid inventory as a plain dict (keys as in data_inventory.yml). ``juris``: the
    jurisdictions (default: any non-empty subset); ``big``: the longest lists (see the module)."""
    langs = ["en"] if big else list(draw(st.sampled_from(LANG_SETS)))
    T = text_value(langs) if not big else st.one_of(long_words(), words())
    juris = list(juris) if juris is not None else _subset(draw, list(JURISDICTIONS), min_size=1)
    n_data = draw(st.integers(20, 30)) if big else draw(st.integers(1, 6))
    n_purposes = draw(st.integers(12, 20)) if big else draw(st.integers(1, 5))
    n_parties = draw(st.integers(8, 12)) if big else draw(st.integers(0, 4))
    data_ids = [f"d{i}" for i in range(n_data)]
    party_ids = [f"party{i}" for i in range(n_parties)]

    org: dict = {"name": draw(T), "address": draw(T), "contact_email": draw(emails)}
    _put(org, "legal_name", _maybe(draw, T))
    _put(org, "website", _maybe(draw, urls))
    _put(org, "phone", _maybe(draw, phones))
    if draw(st.booleans()):
        org["established_in"] = _subset(draw, list(COUNTRIES), min_size=1)[:3]
    if draw(st.booleans()):
        dpo: dict = {}
        _put(dpo, "name", _maybe(draw, T))
        _put(dpo, "email", _maybe(draw, emails, True))
        _put(dpo, "phone", _maybe(draw, phones))
        _put(dpo, "address", _maybe(draw, T))
        _put(dpo, "url", _maybe(draw, urls))
        org["dpo"] = dpo
    reps = []
    for region in _subset(draw, ["EU", "UK"]):
        rep: dict = {"region": region, "name": draw(T)}
        _put(rep, "address", _maybe(draw, T))
        _put(rep, "email", _maybe(draw, emails))
        _put(rep, "phone", _maybe(draw, phones))
        reps.append(rep)
    if reps:
        org["representatives"] = reps
    if draw(st.booleans()):
        auth: dict = {"name": draw(T)}
        _put(auth, "url", _maybe(draw, urls))
        _put(auth, "lead", _maybe(draw, st.booleans()))
        org["supervisory_authority"] = auth

    notice: dict = {
        "title": draw(T),
        "effective_date": draw(dates),
        "jurisdictions": juris,
        "languages": langs,
    }
    _put(notice, "audience", _maybe(draw, T))
    if draw(st.booleans()):
        notice["financial_incentives"] = draw(st.lists(T, min_size=1, max_size=2))

    data = []
    for i, did in enumerate(data_ids):
        kinds = ["you", "your_device", "observed", "public_sources"]
        sources = (kinds + party_ids) if big else _subset(draw, kinds + party_ids)
        inferred_from = []
        if i > 0 and draw(st.booleans()):
            sources.append("inferred")
            inferred_from = _subset(draw, data_ids[:i], min_size=1)
        if not sources:
            sources = ["you"]
        retention: dict = {"period": draw(periods)} if draw(st.booleans()) else {"criteria": draw(T)}
        _put(retention, "after", _maybe(draw, T))
        _put(retention, "reason", _maybe(draw, T))
        _put(retention, "law", _maybe(draw, T))
        if "period" in retention:
            _put(retention, "or_until", _maybe(draw, T))
        item: dict = {"id": did, "name": draw(T), "sources": sources, "retention": retention}
        if inferred_from:
            item["inferred_from"] = inferred_from
        if "public_sources" in sources and (big or draw(st.booleans())):
            item["public_source_names"] = draw(st.lists(T, min_size=1, max_size=3))
        if "observed" in sources:
            _put(item, "observed_how", _maybe(draw, T))
        _put(item, "about_others", _maybe(draw, T))
        _put(item, "published_to", _maybe(draw, T))
        if draw(st.booleans()):
            item["examples"] = draw(st.lists(T, min_size=1, max_size=3))
        _put(item, "ccpa_category", _maybe(draw, st.sampled_from([c.value for c in CcpaCategory])))
        if draw(st.booleans()):
            item["sensitive"] = True
            _put(item, "special_category", _maybe(draw, st.booleans()))
            _put(item, "special_category_basis", _maybe(draw, st.sampled_from([c.value for c in SpecialCategoryBasis])))
        _put(item, "sensitive_use_limited", _maybe(draw, st.booleans()))
        _put(item, "required", _maybe(draw, st.booleans()))
        _put(item, "required_by", _maybe(draw, st.sampled_from(["law", "contract", "entering_contract"])))
        _put(item, "if_not_provided", _maybe(draw, T))
        _list_or_absent(draw, item, "shared_with", list(party_ids) if big else _subset(draw, party_ids))
        sold = True if big else _maybe(draw, st.booleans())
        _put(item, "sold", sold)
        if sold and party_ids and (big or draw(st.booleans())):
            item["sold_to"] = list(party_ids) if big else _subset(draw, party_ids, min_size=1)
        elif draw(st.booleans()):
            item["sold_to"] = []
        ads = True if big else _maybe(draw, st.booleans())
        _put(item, "shared_for_ads", ads)
        if ads and party_ids and (big or draw(st.booleans())):
            item["shared_for_ads_with"] = list(party_ids) if big else _subset(draw, party_ids, min_size=1)
        elif draw(st.booleans()):
            item["shared_for_ads_with"] = []
        data.append(item)

    purposes = []
    for i in range(n_purposes):
        p: dict = {"id": f"p{i}", "name": draw(T), "data": list(data_ids) if big else _subset(draw, data_ids, min_size=1)}
        _put(p, "description", _maybe(draw, T))
        basis = _maybe(draw, st.sampled_from([b.value for b in LegalBasis]))
        _put(p, "legal_basis", basis)
        if basis == "legitimate_interests" or draw(st.booleans()):
            _put(p, "legitimate_interest", _maybe(draw, T))
        if basis == "consent" or draw(st.booleans()):
            _put(p, "withdraw", _maybe(draw, T))
        _put(p, "object", _maybe(draw, T))
        _put(p, "profiling", _maybe(draw, st.booleans()))
        _put(p, "law", _maybe(draw, T))
        if draw(st.booleans()):
            ad = {"what": draw(T), "logic": draw(T), "effect": draw(T), "human_review": draw(T)}
            _put(ad, "solely_automated", _maybe(draw, st.booleans()))
            _put(ad, "exception", _maybe(draw, st.sampled_from(["contract", "law", "explicit_consent"])))
            _put(ad, "law", _maybe(draw, T))
            p["automated_decision"] = ad
        purposes.append(p)

    parties = []
    for pid in party_ids:
        party: dict = {"id": pid, "name": draw(T), "role": draw(st.sampled_from([r.value for r in PartyRole]))}
        _put(party, "kind", _maybe(draw, st.sampled_from([k.value for k in PartyKind])))
        if draw(st.booleans()):
            party["country"] = draw(st.sampled_from(COUNTRIES))
        else:
            party["countries"] = list(COUNTRIES) if big else _subset(draw, list(COUNTRIES), min_size=1)[:4]
        _put(party, "purpose", _maybe(draw, T))
        _put(party, "privacy_policy", _maybe(draw, urls))
        if draw(st.booleans()):
            _put(party, "transfer_safeguard", _maybe(draw, st.sampled_from([s.value for s in TransferSafeguard])))
        else:
            _put(party, "transfers", _maybe(draw, _transfer_entries(party.get("countries") or [party["country"]], T)))
        _put(party, "safeguard_copy", _maybe(draw, T))
        parties.append(party)

    inv: dict = {"format": 1, "organization": org, "notice": notice, "data": data, "purposes": purposes}
    _list_or_absent(draw, inv, "parties", parties)
    if draw(st.booleans()):
        security: dict = {"measures": draw(st.lists(T, min_size=1, max_size=3))}
        _put(security, "breach", _maybe(draw, T))
        inv["security"] = security
    if draw(st.booleans()):
        methods = []
        for kind in (["web", "email", "phone", "app", "post"] if big else _subset(draw, ["web", "email", "phone", "app", "post"], min_size=1)):
            m: dict = {"kind": kind}
            if kind == "web":
                m["url"] = draw(urls)
            elif kind == "email":
                m["address"] = draw(emails)
            elif kind == "phone":
                m["number"] = draw(phones)
                _put(m, "toll_free", _maybe(draw, st.booleans()))
            elif kind == "app":
                m["where"] = draw(T)
            else:
                m["address"] = draw(T)
            methods.append(m)
        req: dict = {"methods": methods}
        _put(req, "response_days", _maybe(draw, st.integers(1, 90)))
        _put(req, "verification", _maybe(draw, T))
        _put(req, "authorized_agents", _maybe(draw, st.booleans()))
        _put(req, "appeal", _maybe(draw, T))
        _put(req, "online_only", _maybe(draw, st.booleans()))
        if big or draw(st.booleans()):
            req["complaint_methods"] = methods if big else methods[:1]
        inv["requests"] = req
    if draw(st.booleans()):
        controls: dict = {}
        _put(controls, "settings_url", _maybe(draw, urls))
        _put(controls, "global_privacy_control", _maybe(draw, st.booleans()))
        _put(controls, "do_not_track", _maybe(draw, T))
        _put(controls, "opt_out_url", _maybe(draw, urls))
        _put(controls, "limit_sensitive_url", _maybe(draw, urls))
        inv["controls"] = controls
    cookie_names = draw(st.lists(words(max_size=12), max_size=3, unique_by=lambda s: s.strip()))
    cookies = []
    for name in cookie_names:
        c: dict = {
            "name": name,
            "purpose": draw(T),
            "kind": draw(st.sampled_from([k.value for k in CookieKind])),
            "duration": draw(T),
            "party": draw(st.sampled_from(["first", "third"])),
        }
        _put(c, "provider", _maybe(draw, st.sampled_from(party_ids)) if party_ids else None)
        cookies.append(c)
    _list_or_absent(draw, inv, "cookies", cookies)
    if draw(st.booleans()):
        children: dict = {}
        _put(children, "minimum_age", _maybe(draw, st.integers(0, 21)))
        _put(children, "statement", _maybe(draw, T))
        _put(children, "sells_or_shares_under_16", _maybe(draw, st.booleans()))
        _put(children, "information_society_service", _maybe(draw, st.booleans()))
        inv["children"] = children
    ais = []
    for _ in range(draw(st.integers(0, 2))):
        a: dict = {"name": draw(T), "what": draw(T)}
        if draw(st.booleans()):
            a["data"] = _subset(draw, data_ids)
        _put(a, "human_option", _maybe(draw, T))
        for flag in ("emotion_recognition", "biometric_categorisation", "generates_content"):
            _put(a, flag, _maybe(draw, st.booleans()))
        ais.append(a)
    if ais:
        inv["ai_systems"] = ais
    changes = sorted(draw(st.lists(dates, max_size=3, unique=True)), reverse=True)
    _list_or_absent(draw, inv, "changes", [{"date": d, "summary": draw(T)} for d in changes])
    return inv


def to_yaml(inv: dict) -> str:
    return yaml.safe_dump(inv, allow_unicode=True, sort_keys=False, width=10_000)


def to_model(inv: dict, file: str = "generated.yml"):
    """Load a drawn dict through the real loader and model (so values carry locations)."""
    from generator.inventory.load import load_text
    from generator.inventory.parse import parse

    return parse(load_text(to_yaml(inv), file))
