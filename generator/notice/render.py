"""Render: the inventory model -> Markdown pages, through the templates.

``render(inv)`` returns a :class:`~generator.notice.pages.RenderResult` (one language) with four or five pages:

* ``index.md``: the short summary (first layer, ``layer="summary"``), the site's home page;
* ``notice.md``: the full notice (``layer="full"``);
* ``cookies.md`` and ``changes.md`` (``layer=None``);
* ``collection.md``: the California notice at collection (11 CCR 7012), only for a notice that covers us_ca.

``render_all(inv)`` renders every language of ``notice.languages`` (a
:class:`~generator.notice.pages.Rendered`), after refusing any language without templates.

Each page carries its source map (:mod:`.sourcemap`). Nothing here reads the clock or the
network: the same model gives byte-identical pages. A mistake in a template is an
:class:`~generator.errors.InputError` naming the template file and line; an error raised by our
own Python code is a bug, and stays a traceback.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import jinja2
from jinja2 import TemplateNotFound
from jinja2.exceptions import FilterArgumentError

from generator.errors import InputError, Loc, Problem
from generator.inventory.datafiles import PACKAGE_DIR
from generator.inventory.model import Inventory
from generator.notice.context import build_context
from generator.notice.escape import title_safe
from generator.notice.grammar import Grammar
from generator.notice.limits import MAX_PAGE_CHARS, LimitError
from generator.notice.lint import page_problems
from generator.notice.pages import Page, Rendered, RenderResult
from generator.notice.profile import load_profile
from generator.notice.sandbox import make_environment
from generator.notice.sourcemap import extract_spans, recording
from generator.notice.templates import TemplateLoader, check_folder, choose_language, override_notes, require_languages, template_dirs
from generator.notice.values import Values

#: page path -> (top template name, readability layer)
PAGES: dict[str, tuple[str, str | None]] = {
    "index.md": ("index.md.j2", "summary"),
    "notice.md": ("notice.md.j2", "full"),
    "cookies.md": ("cookies.md.j2", None),
    "changes.md": ("changes.md.j2", None),
    "collection.md": ("collection.md.j2", None),
}

#: Pages rendered only for some inventories: page path -> the context variable that must be true.
#: The California notice at collection (11 CCR 7012) exists only when the notice covers us_ca.
PAGE_WHEN: dict[str, str] = {"collection.md": "ca"}

#: Errors a template can cause in its own expressions ({{ 1 + "a" }}, {% for x in 5 %}, a range
#: over the sandbox's limit, a float too large).
_EXPRESSION_ERRORS = (TypeError, ValueError, AttributeError, KeyError, IndexError, OverflowError, ZeroDivisionError)

# --------------------------------------------------------------------------------------------
# Post-processing
# --------------------------------------------------------------------------------------------

_BLANKS = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+\n")


def tidy(markdown: str) -> str:
    """Deterministic whitespace: no trailing spaces, at most one blank line, one final newline."""
    markdown = _TRAILING.sub("\n", markdown.replace("\r\n", "\n"))
    markdown = _BLANKS.sub("\n\n", markdown)
    return markdown.strip("\n") + "\n"


_H1 = re.compile(r"^# (.+?)\s*$", re.M)
_ATTR_TAIL = re.compile(r"\s*(?<!\\)\{[:#.][^{}]*(?<!\\)\}\s*$")
_BACKSLASH = re.compile(r"\\(.)")


def plain_title(markdown: str) -> str:
    """The page's first ``# `` heading as plain, markup-free text."""
    m = _H1.search(markdown)
    if not m:
        return ""
    text = _ATTR_TAIL.sub("", m.group(1))
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = _BACKSLASH.sub(r"\1", text)
    return title_safe(html.unescape(text))


# --------------------------------------------------------------------------------------------
# render()
# --------------------------------------------------------------------------------------------


def render(
    inv: Inventory, templates: str | Path | None = None, lang: str | None = None, summary_layout: tuple[str, int] | None = None
) -> RenderResult:
    """Render the notice pages for ``inv`` (a parsed :class:`~generator.inventory.model.Inventory`).

    ``templates`` is the user's override folder (or None); ``lang`` picks the language (default: the
    first of ``notice.languages`` that has templates). Raises :class:`InputError` for template errors,
    naming the template file and line.
    """
    check_folder(templates)
    lang = choose_language(inv, templates, lang)
    profile = load_profile(lang, templates)
    values = Values(inv, lang)
    loader = TemplateLoader(template_dirs(templates, lang), templates)
    env = make_environment(loader, values, Grammar(profile))
    context = build_context(inv, values, lang, profile.countries())
    chosen: list[tuple[str, int]] = []
    context["summary_layout"] = tuple(summary_layout) if summary_layout else None
    context["note_layout"] = lambda name, who: chosen.append((str(name), int(who))) or ""
    pages: dict[str, Page] = {}
    for path, (name, layer) in PAGES.items():
        if path in PAGE_WHEN and (not context[PAGE_WHEN[path]] or loader.find(name) is None):
            continue  # not for this inventory, or a language whose templates do not have the page yet
        env.ranges.reset()
        with recording() as registry:
            try:
                marked = _render_page(env.get_template(name), dict(context, page=path), loader, name)
            except jinja2.TemplateError as exc:
                raise InputError(template_problem(exc, loader, name)) from None
            except RecursionError as exc:
                raise InputError(template_problem(exc, loader, name, "the template calls itself without end (a macro or an include that never stops)")) from None
            except MemoryError as exc:
                raise InputError(template_problem(exc, loader, name, "the template needs more memory than there is")) from None
            except _EXPRESSION_ERRORS as exc:
                if _raised_by_our_code(exc):
                    raise  # a bug in plainnotice, not in the template
                raise InputError(template_problem(exc, loader, name)) from None
        markdown, spans, points = extract_spans(tidy(marked), registry)
        pages[path] = Page(
            path=path, title=plain_title(markdown), markdown=markdown, layer=layer, spans=spans, template=name, points=points
        )
    used = {k: loader.used[k] for k in sorted(loader.used)}
    if os.environ.get("PLAINNOTICE_CHECK_PAGES"):
        problems = [p for page in pages.values() for p in page_problems(page)]
        if problems:  # the test suite's guard: a page with an empty slot is a bug in our templates
            raise AssertionError("the templates wrote broken text:\n" + "\n".join(problems))
    return RenderResult(pages=pages, templates=used, lang=lang, profile=profile, summary_layout=chosen[-1] if chosen else None)


def render_all(inv: Inventory, templates: str | Path | None = None) -> Rendered:
    """Every language of ``notice.languages``, in order. Raises :class:`InputError` before any
    rendering when a language has no templates or no profile; one-language template overrides
    come back as warnings in ``notes``."""
    require_languages(inv, templates)
    first, *others = inv.notice.languages
    results = {first: render(inv, templates, first)}
    for lang in others:  # the summary's layout is the first language's: every language names the same things
        results[lang] = render(inv, templates, lang, results[first].summary_layout)
    return Rendered(results, override_notes(inv, templates))


def _render_page(template: jinja2.Template, context: dict, loader: TemplateLoader, name: str) -> str:
    """The page, piece by piece, stopped with an error naming the template and line that is
    writing when the page grows over :data:`~generator.notice.limits.MAX_PAGE_CHARS`."""
    pieces, size = [], 0
    stream = template.generate(context)
    for piece in stream:
        size += len(piece)
        if size > MAX_PAGE_CHARS:
            where = _writing(stream) or Loc(loader.used[name].path if name in loader.used else name)
            stream.close()
            raise InputError(
                Problem(
                    where,
                    f"the page {name[: -len('.j2')]} grows over {MAX_PAGE_CHARS // (1024 * 1024)} MiB here (a loop that does not end, or prints too much)",
                    "make the template print less",
                )
            )
        pieces.append(piece)
    return "".join(pieces)


def _writing(stream) -> Loc | None:
    """The template file and line a running render is at: the innermost template generator
    (blocks are ``yield from``, includes a local ``gen``), mapped back to the template's lines."""
    gen, found = stream, None
    for _ in range(1000):
        if getattr(gen, "gi_yieldfrom", None) is not None:
            gen = gen.gi_yieldfrom
            continue
        frame = getattr(gen, "gi_frame", None)
        if frame is None:
            break
        template = frame.f_globals.get("__jinja_template__")
        if template is not None and template.filename:
            found = Loc(template.filename, template.get_corresponding_lineno(frame.f_lineno))
        inner = frame.f_locals.get("gen")
        if inner is None or inner is gen or getattr(inner, "gi_frame", None) is None:
            break
        gen = inner
    return found


def _raised_by_our_code(exc: BaseException) -> bool:
    """True when the innermost frame of the traceback is plainnotice's own Python code (a filter,
    the context, the sandbox), not the template, Jinja or the standard library."""
    import traceback  # only on an error (3 ms of every run otherwise)

    frames = list(traceback.walk_tb(exc.__traceback__))
    if not frames:
        return False
    innermost = Path(frames[-1][0].f_code.co_filename)
    return innermost.suffix == ".py" and PACKAGE_DIR in innermost.resolve().parents


# --------------------------------------------------------------------------------------------
# Template errors
# --------------------------------------------------------------------------------------------


def template_problem(exc: BaseException, loader: TemplateLoader, name: str, message: str | None = None) -> Problem:
    """Turn a template error into a Problem naming the template file and line (``message``
    replaces the exception's own)."""
    file, line = "", 0
    if isinstance(exc, jinja2.TemplateSyntaxError):
        file = exc.filename or ""
        line = exc.lineno or 0
    else:
        import traceback  # only on an error

        for frame, lineno in traceback.walk_tb(exc.__traceback__):
            fname = frame.f_code.co_filename
            if fname.endswith(".j2"):
                file, line = fname, lineno
    if not file:
        src = loader.used.get(name)
        file = src.path if src else name
    kind = type(exc).__name__
    if message is not None:
        return Problem(Loc(file, line), message, "fix the template; docs/templates.md lists the variables, filters and limits")
    message = getattr(exc, "message", None) or str(exc)
    if isinstance(exc, LimitError):
        return Problem(Loc(file, line), f"the template asks for too much work: {message}", "make the template do less (docs/templates.md lists the limits)")
    if isinstance(exc, FilterArgumentError):
        return Problem(Loc(file, line), message, "docs/templates.md says what each filter takes")
    if isinstance(exc, TemplateNotFound):
        return Problem(Loc(file, line), f"template not found: {exc.name}", "check the name in {% include %} / {% extends %}, or restore the file")
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return Problem(
            Loc(file, line),
            f"the template uses something templates may not: {message}",
            "use the fields listed in docs/templates.md",
        )
    return Problem(Loc(file, line), f"template error ({kind}): {message}", "fix the template; docs/templates.md lists the variables and filters")
