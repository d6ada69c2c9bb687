"""A Python-Markdown extension that puts every table in a focusable, named scroll region
(``<div class="pn-table" role="region" tabindex="0" aria-label="Table: <heading>">``), so a table
wider than a phone scrolls inside itself and keyboard users can scroll it (WCAG 2.1.1, axe
"scrollable-region-focusable") -- with or without JavaScript. Every body cell also gets its
column's header text as ``data-label``: on a phone the stylesheet turns each row into a card whose
cells show their label (``td::before``), so nothing scrolls sideways (issue 13)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_STASH = re.compile("\x02[^\x03]*\x03")  # Python-Markdown's placeholders for stashed HTML
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _text(el) -> str:
    if el.get("class") == "headerlink":
        return el.tail or ""
    out = el.text or ""
    for sub in el:
        out += _text(sub)
    return out + (el.tail or "")


class _Regions(Treeprocessor):
    def run(self, root):
        heading = ""
        for parent in list(root.iter()):
            for i, child in enumerate(list(parent)):
                if child.tag in _HEADINGS:
                    heading = " ".join(_STASH.sub("", _text(child)).split())
                elif child.tag == "table" and parent.get("class") != "pn-table":
                    wrap = etree.Element("div", {"class": "pn-table", "role": "region", "tabindex": "0"})
                    wrap.set("aria-label", f"Table: {heading}" if heading else "Table")
                    parent.remove(child)
                    parent.insert(i, wrap)
                    wrap.append(child)
                    wrap.tail, child.tail = child.tail, None
                    _label_cells(child)
        return None


def _label_cells(table) -> None:
    """Copy each column's header text to the ``data-label`` of the body cells below it."""
    head = table.find("thead")
    row = head.find("tr") if head is not None else None
    if row is None:
        return
    labels = [" ".join(_STASH.sub("", _text(th)).split()) for th in row.findall("th")]
    body = table.find("tbody")
    for tr in body.findall("tr") if body is not None else ():
        for i, td in enumerate(tr.findall("td")):
            if i < len(labels) and labels[i]:
                td.set("data-label", labels[i])


class TableRegions(Extension):
    """Every table in a named, focusable scroll region (each region is labelled with the heading above it)."""

    def extendMarkdown(self, md):
        md.treeprocessors.register(_Regions(md), "plainnotice_table_regions", 4)


def makeExtension(**kwargs) -> TableRegions:
    """Python-Markdown's entry point: ``markdown_extensions: [generator.site.markdown_ext]`` (the Zensical config)."""
    return TableRegions(**kwargs)
