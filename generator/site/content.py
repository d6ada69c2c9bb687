"""What the site publishes, as plain data: the docs folder (the rendered pages, the home page with
its reading-time badge, the machine-readable exports) and the few facts the MkDocs settings need.

Both fronts build the site from a :class:`SiteContent`: ``plainnotice build`` writes it to disk and
runs MkDocs (:mod:`.build`), the plugin hands it to MkDocs as generated files. No MkDocs here.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from generator.inventory.datafiles import PACKAGE_DIR
from generator.inventory.model import Inventory
from generator.notice import export
from generator.notice.pages import RenderResult
from generator.readability.report import CheckReport


#: Our stylesheet (label, timeline, badge, print, contrast fixes), written into the docs folder so
#: an engine without our theme layer still has it: the layer links it, a Zensical config names it.
STYLESHEET = "assets/plainnotice.css"


@dataclass
class SiteContent:
    """Everything a site build needs from the inventory, as plain data."""

    title: str  # the notice's title, in the page language (plain text)
    holder: str  # who holds the copyright: the legal name, else the name
    lang: str
    effective_date: _dt.date
    pages: list[str]  # the rendered pages (docs-relative paths), in render order
    files: dict[str, bytes] = field(default_factory=dict)  # the docs folder: path -> content
    exports: dict[str, bytes] = field(default_factory=dict)  # machine-readable files, also copied into the built site


def site_content(inv: Inventory, result: RenderResult, report: CheckReport | None = None) -> SiteContent:
    """The site of ``inv``: ``result``'s pages (the home page with its badge, from ``report``),
    extra files from the render stage and the machine-readable exports."""
    lang = result.lang or inv.notice.languages[0]
    org = inv.organization
    exports = export.files(inv)
    files: dict[str, bytes] = {}
    for path, page in sorted(result.pages.items()):
        text = page.markdown
        if path == "index.md":
            text = add_badge(text, badge_html(report))
        files[path] = text.encode("utf-8")
    for path, data in sorted(result.files.items()):
        files[path] = data if isinstance(data, bytes) else str(data).encode("utf-8")
    files.update(exports)
    files[STYLESHEET] = (PACKAGE_DIR / "theme" / STYLESHEET).read_bytes()
    return SiteContent(
        title=inv.notice.title.get(lang),
        holder=(org.legal_name or org.name).get(lang),
        lang=lang,
        effective_date=inv.notice.effective_date,
        pages=list(result.pages),
        files=files,
        exports=exports,
    )


# --------------------------------------------------------------------------------------------
# The reading-time and grade badge on the home page
# --------------------------------------------------------------------------------------------


def reading_figures(report: CheckReport | None) -> tuple[float | None, float | None, str]:
    """(minutes, score, metric) of the summary layer, from the readability report."""
    layers = getattr(report, "layers", None) or {}
    layer = layers.get("summary")
    if layer is None:
        return None, None, ""
    scores = layer.scores
    return scores.reading_minutes, layer.score, layer.target.metric


def badge_html(report: CheckReport | None) -> str:
    """A one-line badge: reading time and readability of the summary. Only numbers and our words."""
    minutes, score, metric = reading_figures(report)
    if minutes is None:
        return ""
    whole = max(1, round(minutes))
    bits = [f'<span class="pn-badge__item">{whole} minute{"s" if whole != 1 else ""} to read</span>']
    if score is not None:
        if metric == "flesch_reading_ease":
            bits.append(f'<span class="pn-badge__item">Reading ease: {score:.0f} of 100</span>')
        else:
            bits.append(f'<span class="pn-badge__item">Reading level: grade {max(score, 1):.0f}</span>')
    return '<p class="pn-badge">' + "".join(bits) + "</p>"


def add_badge(markdown: str, badge: str) -> str:
    """Put the badge right after the page's first level-1 heading (or at the top)."""
    if not badge:
        return markdown
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: i + 1] + ["", badge, ""] + lines[i + 1 :])
    return badge + "\n\n" + markdown
