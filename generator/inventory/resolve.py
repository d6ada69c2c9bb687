"""Cross-references and language maps: the part of validation pydantic cannot do.

After the model accepted the data, :func:`resolve` turns ids into objects (data -> parties,
purposes -> data, cookies -> providers, ...) so later stages never look ids up, and reports ids
that name nothing, duplicate ids and cookies, and language maps that do not match ``notice.languages``.
"""

from __future__ import annotations

from generator.errors import Problem
from generator.inventory.chars import same_key
from generator.inventory.entries import WAYS, Receipt
from generator.inventory.fields import Text, field_path, walk
from generator.inventory.load import Document
from generator.inventory.model import Inventory
from generator.inventory.problems import suggest
from generator.inventory.transfers import kind_of
from generator.inventory.vocab import SourceKind


def resolve(inv: Inventory, doc: Document) -> list[Problem]:
    """Fill in ``inv``'s cross-references and check its language maps; the problems found (an
    unknown or duplicate id, a language map that does not match ``notice.languages``, ...)."""
    problems: list[Problem] = []

    def dup_ids(items, section: str) -> dict:
        seen: dict = {}
        for i, item in enumerate(items):
            if item.id in seen:
                first = doc.loc((section, seen[item.id], "id"))
                problems.append(
                    Problem(
                        doc.loc((section, i, "id")),
                        f"duplicate id '{item.id}' in {section} (first at line {first.line})",
                        "give each entry its own id",
                    )
                )
            else:
                seen[item.id] = i
        return {item.id: item for item in items}

    data = dup_ids(inv.data, "data")
    purposes = dup_ids(inv.purposes, "purposes")
    parties = dup_ids(inv.parties, "parties")
    del purposes

    def ref(path: tuple, target: str, table: dict, what: str):
        if target in table:
            return table[target]
        problems.append(
            Problem(
                doc.loc(path),
                f"'{target}' is not a known {what} id.{suggest(target, table)} Known: {', '.join(table) or '(none)'}",
                f"use one of the ids under '{what if what != 'data' else 'data'}', or add an entry with id '{target}'",
            )
        )
        return None

    kinds = {k.value for k in SourceKind}
    for i, d in enumerate(inv.data):
        for j, src in enumerate(d.sources):
            if src in kinds:
                continue
            if src in parties:
                d._source_parties.append(parties[src])
                if not any(x is d for x in parties[src]._supplied):
                    parties[src]._supplied.append(d)
                continue
            choices = sorted(kinds) + list(parties)
            problems.append(
                Problem(
                    doc.loc(("data", i, "sources", j)),
                    f"'{src}' is not a source.{suggest(src, choices)} Use you, your_device, inferred, public_sources or a party id",
                    "use one of those, or add the party under 'parties'",
                )
            )
        ways: dict[str, list] = {}  # party id -> [party, ways], in the order of WAYS
        for way, field in WAYS.items():
            for j, pid in enumerate(getattr(d, field)):
                party = ref(("data", i, field, j), pid, parties, "parties")
                if party is not None:
                    entry = ways.setdefault(pid, [party, []])
                    if way not in entry[1]:
                        entry[1].append(way)
        for party, got in ways.values():
            receipt = Receipt(d, party, tuple(got))
            d._receipts.append(receipt)
            party._receipts.append(receipt)
        for j, did in enumerate(d.inferred_from):
            target = ref(("data", i, "inferred_from", j), did, data, "data")
            if target is d:
                problems.append(Problem(doc.loc(("data", i, "inferred_from", j)), f"'{did}' is inferred from itself", "name the data it is worked out from"))
            elif target is not None:
                d._inferred_from.append(target)
        if d.inferred_from and "inferred" not in d.sources:
            problems.append(
                Problem(doc.loc(("data", i, "sources")), f"data '{d.id}' has 'inferred_from' but 'inferred' is not in its sources", "add 'inferred' to sources")
            )
    for i, p in enumerate(inv.purposes):
        for j, did in enumerate(p.data):
            item = ref(("purposes", i, "data", j), did, data, "data")
            # identity, not ==: pydantic's == walks the private cross-references and can recurse forever
            if item is not None and all(item is not x for x in p._data):
                p._data.append(item)
                item._purposes.append(p)
    for i, p in enumerate(inv.parties):
        problems.extend(_transfer_problems(p, i, doc))
    for i, c in enumerate(inv.cookies):
        if c.provider is not None:
            c._provider = ref(("cookies", i, "provider"), c.provider, parties, "parties")
    for i, a in enumerate(inv.ai_systems):
        for j, did in enumerate(a.data):
            item = ref(("ai_systems", i, "data", j), did, data, "data")
            if item is not None:
                a._data.append(item)
    for i, f in enumerate(inv.notice.financial_incentives):
        for j, did in enumerate(f.data):
            item = ref(("notice", "financial_incentives", i, "data", j), did, data, "data")
            if item is not None and all(item is not x for x in f._data):
                f._data.append(item)
    seen_cookies: dict[str, int] = {}
    for i, c in enumerate(inv.cookies):
        key = same_key(c.name)  # "sid" and "sid\u200b", NFC and NFD spellings: one cookie
        if key in seen_cookies:
            first = inv.cookies[seen_cookies[key]].name
            line = doc.loc(("cookies", seen_cookies[key], "name")).line
            how = "" if first == c.name else ", written differently: the two names differ only in invisible characters or in how accents are encoded"
            problems.append(
                Problem(doc.loc(("cookies", i, "name")), f"cookie '{c.name}' is listed twice (first at line {line}{how})", "keep one entry per cookie")
            )
        seen_cookies.setdefault(key, i)
    seen_j: set = set()
    for j, jur in enumerate(inv.notice.jurisdictions):
        if jur in seen_j:
            problems.append(Problem(doc.loc(("notice", "jurisdictions", j)), f"'{jur.value}' is listed twice", "list each jurisdiction once"))
        seen_j.add(jur)

    # language maps: every map has exactly the notice's languages
    langs = list(inv.notice.languages)
    for path, text in walk(inv):
        if not isinstance(text, Text) or not text.is_map:
            continue
        have = list(text.values)
        missing = [lang for lang in langs if lang not in text.values]
        extra = [lang for lang in have if lang not in langs]
        if missing or extra:
            bits = []
            if missing:
                bits.append(f"missing {', '.join(missing)}")
            if extra:
                bits.append(f"has {', '.join(extra)} which notice.languages does not list")
            problems.append(
                Problem(
                    doc.loc(path),
                    f"the texts for '{field_path(path)}' do not match notice.languages [{', '.join(langs)}]: {'; '.join(bits)}",
                    "give one text per language in notice.languages, or add the language there",
                )
            )
    return problems


def _transfer_problems(p, i: int, doc: Document) -> list[Problem]:
    """A party's `transfers` entries: each names some of its countries (at most one names none, and
    no country is named twice), says something for a law, and has a copy only for a safeguard."""
    if not p.transfers:
        return []
    out: list[Problem] = []
    at = lambda *rest: doc.loc(("parties", i, "transfers") + rest)  # noqa: E731
    if p.transfer_safeguard is not None:
        out.append(Problem(doc.loc(("parties", i, "transfer_safeguard")), f"party '{p.id}' has both 'transfer_safeguard' and 'transfers'", "keep 'transfers' (it says the basis per country and per law) and remove 'transfer_safeguard'"))
    own = list(p.all_countries)
    seen: dict = {}
    open_entries = []
    for k, e in enumerate(p.transfers):
        if not e.countries:
            open_entries.append(k)
        for j, code in enumerate(e.countries or []):
            if code not in own:
                out.append(Problem(at(k, "countries", j), f"{code} is not a country of party '{p.id}' ({', '.join(own)})", "name only countries listed in the party's 'country' or 'countries'"))
            elif code in seen:
                out.append(Problem(at(k, "countries", j), f"{code} is named in two 'transfers' entries of party '{p.id}' (entries {seen[code] + 1} and {k + 1})", "name each country in one entry"))
            else:
                seen[code] = k
        if e.eu is None and e.uk is None:
            out.append(Problem(at(k), f"this 'transfers' entry of party '{p.id}' names no basis", "add 'eu:' (transfers from the EEA) or 'uk:' (transfers from the UK), or remove the entry"))
        elif e.safeguard_copy is not None and not any(v is not None and kind_of(v.value) == "safeguard" for v in (e.eu, e.uk)):
            out.append(Problem(at(k, "safeguard_copy"), "only a safeguard (Art. 46, 47) has a copy; an adequacy decision or a derogation has none", "remove 'safeguard_copy' from this entry"))
    for k in open_entries[1:]:
        out.append(Problem(at(k), f"party '{p.id}' has more than one 'transfers' entry without 'countries'", "give 'countries:' to each entry but one (that one covers the rest)"))
    return out
