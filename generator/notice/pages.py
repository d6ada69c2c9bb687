"""The plain data that `render` hands to `readability` and `site`.

A :class:`Page` is Markdown plus a source map: for every piece of text that came from the
inventory, a :class:`Span` with its offsets in ``markdown`` and the inventory ``Loc``. Text not
covered by a span came from a template; :class:`TemplateSource` lets a later stage find the
template file and line that wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.errors import Finding, Loc
from generator.notice.profile import Profile


@dataclass(frozen=True)
class Span:
    """``markdown[start:end]`` is the (escaped) rendering of the inventory value at ``loc``."""

    start: int
    end: int
    loc: Loc
    field: str = ""  # e.g. "data[0].name", for messages


@dataclass(frozen=True)
class TemplatePoint:
    """Template text from line ``line`` of template ``template`` starts at ``markdown[offset]``."""

    offset: int
    template: str  # the template's name, e.g. "notice/rights.md.j2"
    line: int


@dataclass(frozen=True)
class TemplateSource:
    """A template as it was used: its name, the file it was read from, and its text."""

    name: str
    path: str
    source: str


@dataclass
class Page:
    """One rendered page."""

    path: str  # e.g. "index.md", "notice.md"
    title: str  # plain text title (not escaped)
    markdown: str
    layer: str | None = None  # "summary", "full" or None (pages not gated by readability)
    spans: list[Span] = field(default_factory=list)
    template: str = ""  # name of the top template that produced the page
    points: list[TemplatePoint] = field(default_factory=list)  # where each template line's text starts


@dataclass
class RenderResult:
    """Everything `render` produces: pages plus extra files (e.g. JSON exports) and templates used."""

    pages: dict[str, Page]
    files: dict[str, bytes] = field(default_factory=dict)  # path -> content, copied as they are
    templates: dict[str, TemplateSource] = field(default_factory=dict)
    lang: str = "en"
    profile: Profile | None = None  # the language's profile (readability, grammar, badge words)
    summary_layout: tuple[str, int] | None = None  # the summary's layout: ("table" or "lists", recipients 1-3)


@dataclass
class Rendered:
    """Every language of the notice: one :class:`RenderResult` per language of
    ``notice.languages``, in that order. The first language's pages sit at the root of the site and
    of ``render --out``; every other language's under ``<lang>/`` (:meth:`prefix`)."""

    results: dict[str, RenderResult]
    notes: list[Finding] = field(default_factory=list)  # warnings about the templates (one-language overrides)

    @property
    def languages(self) -> list[str]:
        return list(self.results)

    @property
    def first(self) -> RenderResult:
        return self.results[self.languages[0]]

    def prefix(self, lang: str) -> str:
        """Where ``lang``'s pages go: "" for the first language, "<lang>/" for the others."""
        return "" if lang == self.languages[0] else f"{lang}/"

    def files(self) -> list[tuple[str, str, Page]]:
        """(path from the root, language, page) for every page of every language."""
        return [(self.prefix(lang) + path, lang, page) for lang, r in self.results.items() for path, page in sorted(r.pages.items())]
