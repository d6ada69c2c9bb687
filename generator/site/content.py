"""What the site publishes, as plain data: the docs folder (the rendered pages of every language,
each home page with its reading-time badge, the machine-readable exports) and the few facts the
MkDocs settings need.

Layout: the first language of ``notice.languages`` at the root (``index.md``, ``notice.md``,
``cookies.md``, ``changes.md``), every other language under ``<lang>/`` with the same page names;
the exports once, at the root (they are language-neutral).

Both fronts build the site from a :class:`SiteContent`: ``plainnotice build`` writes it to disk and
runs MkDocs (:mod:`.build`), the plugin hands it to MkDocs as generated files. No MkDocs here.
"""

from __future__ import annotations

import datetime as _dt
import html
from dataclasses import dataclass, field

from generator.inventory.datafiles import PACKAGE_DIR
from generator.inventory.model import Inventory
from generator.notice import export
from generator.notice.pages import Rendered, RenderResult
from generator.notice.profile import Profile
from generator.readability.langformulas import bound
from generator.readability.report import CheckReport, LayerReport


@dataclass(frozen=True)
class SiteLanguage:
    """One language of the site."""

    lang: str  # the code in notice.languages
    name: str  # its own name ("Deutsch"), for the language switcher
    prefix: str  # "" for the first language, "de/" for the others
    title: str  # the notice's title in this language
    holder: str  # the copyright holder's name in this language
    pages: tuple[str, ...]  # page paths relative to the language's folder, in render order


#: Our stylesheet (label, timeline, badge, print, contrast fixes), written into the docs folder so
#: an engine without our theme layer still has it: the layer links it, a Zensical config names it.
STYLESHEET = "assets/plainnotice.css"


@dataclass
class SiteContent:
    """Everything a site build needs from the inventory, as plain data."""

    title: str  # the notice's title, in the first language (plain text)
    holder: str  # who holds the copyright: the legal name, else the name
    lang: str  # the first language
    effective_date: _dt.date
    pages: list[str]  # the rendered pages (docs-relative paths), in render order
    files: dict[str, bytes] = field(default_factory=dict)  # the docs folder: path -> content
    exports: dict[str, bytes] = field(default_factory=dict)  # machine-readable files, also copied into the built site
    languages: list[SiteLanguage] = field(default_factory=list)  # every language, the first first

    def language_of(self, src_path: str) -> SiteLanguage | None:
        """The language whose page ``src_path`` (docs-relative) is, if it is one of ours."""
        for language in self.languages[1:]:
            if src_path.startswith(language.prefix) and src_path[len(language.prefix) :] in language.pages:
                return language
        first = self.languages[0] if self.languages else None
        return first if first is not None and src_path in first.pages else None


def site_content(inv: Inventory, result: RenderResult | Rendered, report: CheckReport | None = None) -> SiteContent:
    """The site of ``inv``: every language's pages (each home page with its badge, from
    ``report``), extra files from the render stage and the machine-readable exports."""
    rendered = result if isinstance(result, Rendered) else Rendered({result.lang or inv.notice.languages[0]: result})
    org = inv.organization
    exports = export.files(inv)
    files: dict[str, bytes] = {}
    languages, pages = [], []
    for lang, res in rendered.results.items():
        prefix = rendered.prefix(lang)
        lang_report = report.languages.get(lang) if report is not None and report.languages else None
        summary = lang_report.layers.get("summary") if lang_report else (report.layers.get("summary") if report and lang == rendered.languages[0] else None)
        for path, page in sorted(res.pages.items()):
            text = page.markdown
            if path == "index.md":
                text = add_badge(text, badge_html(summary, res.profile))
            files[prefix + path] = text.encode("utf-8")
        for path, data in sorted(res.files.items()):
            files[prefix + path] = data if isinstance(data, bytes) else str(data).encode("utf-8")
        pages += [prefix + p for p in res.pages]
        languages.append(
            SiteLanguage(
                lang, res.profile.name if res.profile else lang, prefix, inv.notice.title.get(lang),
                (org.legal_name or org.name).get(lang), tuple(res.pages),
            )
        )
    files.update(exports)
    files[STYLESHEET] = (PACKAGE_DIR / "theme" / STYLESHEET).read_bytes()
    first = languages[0]
    return SiteContent(
        title=first.title,
        holder=first.holder,
        lang=first.lang,
        effective_date=inv.notice.effective_date,
        pages=pages,
        files=files,
        exports=exports,
        languages=languages,
    )


# --------------------------------------------------------------------------------------------
# The reading-time and grade badge on the home page
# --------------------------------------------------------------------------------------------


def reading_figures(summary: LayerReport | None) -> tuple[float | None, float | None, str]:
    """(minutes, score, metric) of a summary layer; score None when the language is not scored."""
    if summary is None:
        return None, None, ""
    return summary.scores.reading_minutes, summary.score, summary.target.metric if summary.target else ""


def badge_html(summary: LayerReport | None, profile: Profile | None = None) -> str:
    """A one-line badge: reading time and readability of a language's summary, in the words of its
    profile (``site``; a phrase the profile lacks is left out). Only numbers and those words."""
    minutes, score, metric = reading_figures(summary)
    words = profile.site if profile is not None else {}
    if minutes is None:
        return ""
    whole = max(1, round(minutes))
    bits = []
    phrase = words.get("minute" if whole == 1 else "minutes")
    if phrase:
        bits.append(phrase.format(n=whole))
    if score is not None:
        if bound(metric) == "min" and words.get("ease"):
            bits.append(words["ease"].format(score=f"{score:.0f}"))
        elif bound(metric) == "max" and words.get("grade"):
            bits.append(words["grade"].format(score=f"{max(score, 1):.0f}"))
    if not bits:
        return ""
    return '<p class="pn-badge">' + "".join(f'<span class="pn-badge__item">{html.escape(b, quote=False)}</span>' for b in bits) + "</p>"


def add_badge(markdown: str, badge: str) -> str:
    """Put the badge right after the page's first level-1 heading (or at the top)."""
    if not badge:
        return markdown
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: i + 1] + ["", badge, ""] + lines[i + 1 :])
    return badge + "\n\n" + markdown
