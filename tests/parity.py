"""The parity harness: every language's pages carry the same sections (anchors) and tell the same
checklist items as the first language's. Used by tests/test_languages_site.py over every shipped
language, on every fixture company.
"""

from __future__ import annotations

import re

from generator.notice.checklist import checklist_status
from generator.notice.pages import Rendered, RenderResult

_MARKUP = re.compile(r"<[^>]+>|\]\([^)]*\)|\{:[^}]*\}|https?://\S+")
_ANCHOR = re.compile(r"(?<!\\)\{:[^{}]*?#([A-Za-z0-9_-]+)[^{}]*\}")


def anchors(result: RenderResult) -> dict[str, set[str]]:
    """page -> the heading ids written on it (``{: #id }``)."""
    return {path: set(_ANCHOR.findall(page.markdown)) for path, page in result.pages.items()}


def template_text(page) -> str:
    """What the templates themselves say on ``page``: every inventory span blanked out, HTML tags,
    link targets, attribute lists and URLs removed (the per-language tests read it for words of
    the wrong language or the wrong form of address)."""
    md = list(page.markdown)
    for span in page.spans:
        md[span.start : span.end] = [" "] * (span.end - span.start)
    return _MARKUP.sub(" ", "".join(md))


def told(inv, result: RenderResult) -> dict[str, bool]:
    """checklist item id -> rendered, for the items that apply."""
    return {s.item.id: s.rendered for s in checklist_status(inv, result) if s.applicable}


def parity_problems(inv, rendered: Rendered | dict[str, RenderResult]) -> list[str]:
    """What differs between each language and the first: pages, anchors per page, checklist items
    that apply, checklist items told. Empty when every language says the same things."""
    results = rendered.results if isinstance(rendered, Rendered) else rendered
    langs = list(results)
    first = results[langs[0]]
    base_anchors, base_told = anchors(first), told(inv, first)
    problems = []
    for lang in langs[1:]:
        res = results[lang]
        if set(res.pages) != set(first.pages):
            problems.append(f"{lang}: pages {sorted(res.pages)} != {sorted(first.pages)}")
        for page, ids in anchors(res).items():
            missing, extra = base_anchors.get(page, set()) - ids, ids - base_anchors.get(page, set())
            if missing:
                problems.append(f"{lang}: {page} lacks #{', #'.join(sorted(missing))}")
            if extra:
                problems.append(f"{lang}: {page} has #{', #'.join(sorted(extra))} that {langs[0]} has not")
        items = told(inv, res)
        if set(items) != set(base_told):
            problems.append(f"{lang}: checklist items that apply differ: {sorted(set(items) ^ set(base_told))}")
        for item, ok in items.items():
            if base_told.get(item) and not ok:
                problems.append(f"{lang}: does not tell checklist item {item}")
    return problems
