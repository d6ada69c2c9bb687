"""The machinery of the completeness rules: a rule is data (an id, the article for each law it
applies to, what the notice must tell, what to add) plus a check that yields :class:`Hit` objects;
:func:`run` turns hits into :class:`~generator.errors.Finding` objects with the ``file:line:column``
of the inventory entry concerned. Every finding is an error (exit code 1): something the notice
must tell is missing.

A rule runs only when the notice lists one of its jurisdictions. Rules shared by the EU GDPR and
the UK GDPR cite both when both are listed ("GDPR / UK GDPR Art. 13(1)(d)").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from generator.errors import Detail, Finding, Loc
from generator.inventory.model import Inventory
from generator.inventory.vocab import Jurisdiction

#: Order in which jurisdictions are cited: the vocabulary's order.
ORDER = tuple(j.value for j in Jurisdiction)


@dataclass(frozen=True)
class Hit:
    """One thing a rule found missing: where (a path into the inventory), what, and optionally a
    more specific fix than the rule's default."""

    path: tuple
    message: str
    fix: str = ""


@dataclass(frozen=True)
class LawDetail(Detail):
    """A completeness finding's detail: the listed jurisdictions the rule applies to, in citation order."""

    jurisdictions: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    """A completeness rule: data plus a check."""

    id: str
    citations: dict  # jurisdiction -> citation, e.g. {"eu_gdpr": "GDPR Art. 13(1)(d)"}
    asks: str  # what the notice must tell, in one line (shown in the format reference)
    fix: str  # what to add, unless the hit says more precisely
    check: Callable[[Inventory], Iterable[Hit]] = field(compare=False, repr=False)

    @property
    def jurisdictions(self) -> tuple:
        return tuple(j for j in ORDER if j in self.citations)

    def citation(self, active: Iterable[str] | None = None) -> str:
        """The citation for the listed jurisdictions; EU and UK GDPR articles merge when equal."""
        active = set(self.citations if active is None else active)
        parts = [self.citations[j] for j in ORDER if j in active and j in self.citations]
        eu, uk = self.citations.get("eu_gdpr"), self.citations.get("uk_gdpr")
        if eu in parts and uk in parts and uk == "UK " + eu:
            parts[parts.index(eu)] = "GDPR / UK GDPR" + eu[len("GDPR"):]
            parts.remove(uk)
        return "; ".join(parts)


def rule(registry: list[Rule], id: str, citations: dict, asks: str, fix: str):
    """Add ``check(inv) -> Iterable[Hit]`` to ``registry`` (a law module's ``RULES``) as a rule."""

    def register(check):
        registry.append(Rule(id, dict(citations), asks, fix, check))
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


def run(inv: Inventory, rules: Iterable[Rule]) -> list[Finding]:
    """Run every rule that applies to the notice's jurisdictions. Sorted by place, then rule."""
    listed = {j.value for j in inv.notice.jurisdictions}
    findings: list[Finding] = []
    for r in rules:
        active = frozenset(j for j in r.citations if j in listed)
        if not active:
            continue
        citation = r.citation(active)
        for hit in r.check(inv):
            findings.append(
                Finding(
                    rule=r.id,
                    level="error",
                    message=hit.message,
                    loc=_loc(inv, hit.path),
                    fix=hit.fix or r.fix,
                    citation=citation,
                    detail=LawDetail(tuple(j for j in ORDER if j in active)),
                )
            )
    findings.sort(key=lambda f: (f.loc.file, f.loc.line, f.loc.col, f.rule, f.message))
    return findings


# --------------------------------------------------------------------------------------------
# Helpers for checks: places in the file, wording
# --------------------------------------------------------------------------------------------


def _loc(inv, path: tuple) -> Loc:
    doc = inv.document
    if doc is None:
        return Loc("<inventory>")
    return doc.loc(path)


def _written(inv, path: tuple) -> bool:
    doc = inv.document
    return doc is not None and (tuple(path) in doc.locs or tuple(path) in doc.key_locs)


def first_written(inv, *paths: tuple) -> tuple:
    """The first of ``paths`` that is written in the file; else the first one (its parent is shown)."""
    for path in paths:
        if _written(inv, path):
            return path
    return paths[0]


def jurisdiction_path(inv, value: str) -> tuple:
    """The path of ``value`` in ``notice.jurisdictions`` (or of the list)."""
    for i, j in enumerate(inv.notice.jurisdictions):
        if j.value == value:
            return ("notice", "jurisdictions", i)
    return ("notice", "jurisdictions")


def party_label(p) -> str:
    """'payments' (Stripe Payments Europe Ltd), for messages."""
    return f"'{p.id}' ({'' if p.name is None else str(p.name)})"


def and_list(items: Iterable[str]) -> str:
    """"a, b and c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
