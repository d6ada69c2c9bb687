"""Rules every jurisdiction shares."""

from __future__ import annotations

from typing import Iterator

from generator.rules.engine import Hit, Rule, ca, gdpr, rule

RULES: list[Rule] = []


@rule(
    RULES,
    "data.purpose",
    {**gdpr("Art. 13(1)(c), 14(1)(c)"), **ca("Cal. Civ. Code 1798.100(a)(1), 1798.110(c)(3)")},
    "why each kind of data is collected",
    "add the data's id to the 'data:' list of the purpose that uses it, or remove the entry",
)
def _data_purpose(inv) -> Iterator[Hit]:
    for i, d in enumerate(inv.data):
        if not d.purposes:
            yield Hit(("data", i), f"no purpose uses data '{d.id}'")
