"""Checks of what the templates wrote on a rendered page: no empty slot, no doubled stop, no block
glued to a paragraph, no empty section.

An empty slot is a place where a sentence expected a value and got none ("We sell ." , "Who gets
it: .", "( )", "A and ."). Inventory values are masked first (their text is the inventory's
business: it can never be empty), so only template text is judged. The test suite sets
``PLAINNOTICE_CHECK_PAGES=1``, which makes :func:`generator.notice.render.render` raise on any
problem: in tests a page with an empty slot is an internal error, never a page.
"""

from __future__ import annotations

import re

from generator.notice.pages import Page

_LABEL_END = re.compile(r"\*\*[^*\n]+:\*\*[ \t]*(?=$|[.;,)])")
_SPACE_PUNCT = re.compile(r"(?<=\S) +[.,;:!?](?=\s|$)")
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
_EMPTY_PARENS = re.compile(r"\(\s*\)")
_EMPTY_LINK = re.compile(r"\[\s*\]\(|\]\(\s*\)|\]\(#\)")
_DANGLING = re.compile(r"[;,][ \t]*(?:$|[.;,:)])|\b(?:and|or)[ \t]*(?:$|[.;,:)])")
_EMPTY_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s*$")
_DOUBLED_STOP = re.compile(r"\\[.!]\.(?!\.)|\?\.(?=\s|$|\*)|(?<![.\\])\.\.(?![.\w/])")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_GLUED_HEADING = re.compile(r"^#{1,6} .*?\{:[^}]*\}\S")
_BLOCK_START = re.compile(r"^(?:[-*+] |\d+[.)] |\|)")


def _masked(page: Page) -> str:
    chars = list(page.markdown)
    for span in page.spans:
        chars[span.start : span.end] = ["x"] * (span.end - span.start)
    return "".join(chars)


def page_problems(page: Page) -> list[str]:
    """What is wrong with the template text of ``page``, one line each (empty when nothing is)."""
    problems: list[str] = []
    masked = _masked(page).split("\n")
    raw = page.markdown.split("\n")

    def report(n: int, what: str) -> None:
        problems.append(f"{page.path}:{n + 1}: {what}: {raw[n][:160]!r}")

    for n, line in enumerate(masked):
        if line.lstrip().startswith("<"):
            continue  # an HTML block (the label's icons)
        nxt = masked[n + 1] if n + 1 < len(masked) else ""
        for m in _LABEL_END.finditer(line):
            if not (m.end() >= len(line.rstrip()) and re.match(r"^\s{2,}[-*+] ", nxt)):
                report(n, "a label with no value")
        for rx, what in (
            (_SPACE_PUNCT, "a space before punctuation (an empty value?)"),
            (_DOUBLE_SPACE, "two spaces in a row (an empty value?)"),
            (_EMPTY_PARENS, "empty brackets"),
            (_EMPTY_LINK, "an empty link"),
            (_DANGLING, "a list or sentence that ends on its joining word"),
            (_EMPTY_ITEM, "an empty list item"),
            (_GLUED_HEADING, "a heading glued to the next text"),
        ):
            if rx.search(line):
                report(n, what)
        if _DOUBLED_STOP.search(raw[n]):
            report(n, "a doubled full stop")
        heading = _HEADING.match(line)
        if heading and not re.sub(r"\{:[^}]*\}", "", heading.group(2)).strip():
            report(n, "an empty heading")
        prev = masked[n - 1] if n else ""
        if _BLOCK_START.match(line) and prev.strip() and not (
            _BLOCK_START.match(prev.lstrip()) or prev.startswith("#") or prev.startswith(" ") or prev.lstrip().startswith("<")
        ):
            report(n, "a list or table glued to the paragraph above it")
    # a section with nothing in it: a heading followed by a heading of the same or a higher level
    headings = [(n, len(m.group(1))) for n, line in enumerate(masked) if (m := _HEADING.match(line))]
    for (n, level), (m, next_level) in zip(headings, headings[1:]):
        if next_level <= level and not "".join(masked[n + 1 : m]).strip():
            report(n, "an empty section")
    return problems
