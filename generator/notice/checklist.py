"""The legal checklist (``generator/data/checklist.yml``): which items apply to an inventory, and
does the rendered notice tell them?

Each item names the law's citation, the section(s) that must tell it (``page#anchor``), when it
applies (a Jinja expression over the template context) and the inventory values that must appear
in its first section (checked through the page's source map, not by searching text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.inventory.datafiles import data_yaml
from generator.inventory.model import Inventory
from generator.notice.context import build_context
from generator.notice.escape import md_escape
from generator.notice.pages import RenderResult
from generator.notice.sandbox import make_environment
from generator.notice.templates import TemplateLoader
from generator.notice.values import Values


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    item: str
    citation: str
    jurisdiction: tuple
    renders: tuple  # "page#anchor" or "page"
    applies: str  # Jinja expression over the template context
    evidence: str = ""  # Jinja expression: inventory values that must appear in the first section
    note: str = ""
    checked: str = ""


@dataclass
class ChecklistStatus:
    item: ChecklistItem
    applicable: bool
    rendered: bool
    missing: list  # what is missing: anchors or values


def load_checklist() -> list[ChecklistItem]:
    """The legal checklist shipped in generator/data/checklist.yml."""
    items = []
    for raw in data_yaml("checklist.yml"):
        items.append(
            ChecklistItem(
                id=str(raw["id"]),
                item=str(raw["item"]),
                citation=str(raw["citation"]),
                jurisdiction=tuple(raw["jurisdiction"]),
                renders=tuple(raw.get("renders") or ()),
                applies=str(raw["applies"]),
                evidence=str(raw.get("evidence") or ""),
                note=str(raw.get("note") or ""),
                checked=str(raw.get("checked") or ""),
            )
        )
    return items


_HEADING = re.compile(r"^(#{1,6}) (.*?)$", re.M)
_HEADING_ID = re.compile(r"(?<!\\)\{:?[^{}]*?#([A-Za-z0-9_-]+)[^{}]*(?<!\\)\}\s*$")


def find_section(markdown: str, anchor: str | None) -> tuple[int, int] | None:
    """Offsets of the section whose heading has ``{: #anchor }`` (to the next heading of the same
    or a higher level); the whole page when ``anchor`` is None; None when there is no such heading."""
    if not anchor:
        return (0, len(markdown))
    headings = [(m.start(), len(m.group(1)), _HEADING_ID.search(m.group(2))) for m in _HEADING.finditer(markdown)]
    for i, (start, level, idm) in enumerate(headings):
        if idm and idm.group(1) == anchor:
            end = next((s for s, lv, _ in headings[i + 1 :] if lv <= level), len(markdown))
            return (start, end)
    return None


def _flatten(value) -> list:
    if value is None or value is False:
        return []
    if isinstance(value, (list, tuple)):
        out = []
        for v in value:
            out.extend(_flatten(v))
        return out
    return [value]


def checklist_status(inv: Inventory, result: RenderResult) -> list[ChecklistStatus]:
    """For each checklist item: does it apply to ``inv``, and does ``result`` render it?"""
    juris = {j.value for j in inv.notice.jurisdictions}
    values = Values(inv, result.lang)
    env = make_environment(TemplateLoader([]), values)
    context = build_context(inv, values, result.lang, result.profile.countries())
    out = []
    for item in load_checklist():
        in_scope = "any" in item.jurisdiction or bool(juris & set(item.jurisdiction))
        applicable = in_scope and bool(env.compile_expression(item.applies)(**context))
        missing: list = []
        if applicable:
            sections = []
            for target in item.renders:
                page_name, _, anchor = target.partition("#")
                page = result.pages.get(page_name)
                section = find_section(page.markdown, anchor) if page else None
                if section is None:
                    missing.append(f"section {target}")
                sections.append((page, section))
            if item.evidence and sections and sections[0][1] is not None:
                page, (start, end) = sections[0]
                for value in _flatten(env.compile_expression(item.evidence)(**context)):
                    field = getattr(value, "field", None)
                    if field:
                        ok = any(sp.field == field and start <= sp.start < end for sp in page.spans)
                    else:
                        ok = md_escape(str(value)) in page.markdown[start:end]
                    if not ok:
                        missing.append(f"{field or str(value)!r} in {item.renders[0]}")
        out.append(ChecklistStatus(item, applicable, applicable and not missing, missing))
    return out
