"""The filters templates use (documented in docs/templates.md from these docstrings).

Every filter escapes what it prints and keeps the source map: a value from the inventory stays
marked with its place. Jinja filters that would skip the escape are removed (:data:`REMOVED_FILTERS`);
Jinja's string filters keep a value's origin (:data:`KEEP_SRC_FILTERS`).

A filter given a value it cannot take (``{{ "x"|date }}``) raises :class:`FilterArgumentError`, a
template error naming the template file and line; any other exception from here is a bug.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Callable

import jinja2
from jinja2.exceptions import FilterArgumentError
from markupsafe import Markup

from generator.inventory.decl import Model
from generator.inventory.fields import field_path
from generator.inventory.vocab import CcpaCategory, LegalBasis, SpecialCategoryBasis, TransferSafeguard
from generator.notice.escape import HTML_ENTITIES, MD_ESCAPED, md_escape, safe_url, title_safe
from generator.notice.sourcemap import around, mark
from generator.notice.values import Src, SrcDate, finalize


def _kind(value) -> str:
    """What a value is, in a template writer's words."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return f"the boolean {value}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        text = str(value)
        return f"the text {text[:40]!r}" + ("..." if len(text) > 40 else "")
    if isinstance(value, Model):
        return f"a {type(value).__name__} entry"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, Iterable):
        return "a list"
    return f"a {type(value).__name__}"


def _refuse(name: str, what: str, value) -> FilterArgumentError:
    return FilterArgumentError(f"the filter '{name}' takes {what}, not {_kind(value)}")


def _need_text(name: str, value, what: str = "text") -> None:
    if not isinstance(value, str):
        raise _refuse(name, what, value)


def _need_list(name: str, value) -> None:
    if isinstance(value, (str, Mapping)) or not isinstance(value, Iterable):
        raise _refuse(name, "a list", value)


@jinja2.pass_environment
def f_t(env, value) -> Markup:
    """Print a value as escaped text (the same as plain ``{{ value }}``)."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return env.finalize(value) if value is not None else Markup("")


def _escaped(value) -> Markup:
    """A value as escaped text, for labels (a link's, an address's)."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return finalize(value) if value is not None else Markup("")


def f_link(url, label=None) -> Markup:
    """``url|link(label)``: a Markdown link. Only https, http and mailto URLs become links; anything
    else prints the label (or the URL) as text. The label defaults to the URL itself."""
    label_out = _escaped(label if label is not None else url)
    target = safe_url(url) if url is not None else None
    if target is None:
        return label_out
    if isinstance(url, Src):
        target = around(target, url.loc, url.field)
    return Markup(f"[{label_out}]({target})")


def f_mailto(email, label=None) -> Markup:
    """``email|mailto``: a mailto link showing the address."""
    if email is None:
        return Markup("")
    label_out = _escaped(label if label is not None else email)
    target = safe_url("mailto:" + str(email))
    if target is None:
        return label_out
    address = target[len("mailto:") :]
    if isinstance(email, Src):
        address = around(address, email.loc, email.field)
    return Markup(f"[{label_out}](mailto:{address})")


def f_heading(value) -> Markup:
    """Text for a page's ``# `` title: escaped, and safe for ``<title>`` (see :func:`title_safe`)."""
    loc = getattr(value, "loc", None)
    if loc is None:
        return Markup(md_escape(title_safe(str(value))))
    return mark(str(value), loc, getattr(value, "field", ""), title_safe)


@jinja2.pass_environment
def f_date(env, value, months=None) -> Markup:
    """``d|date``: the language's long date ("1 November 2026", "1. November 2026"; the profile's
    ``long_date`` and ``months``); ``d|date("iso")``: YYYY-MM-DD; ``d|date(months)`` with 12 month
    names: "1 November 2026" in that order."""
    if value is None:
        return Markup("")
    if not isinstance(value, _dt.date):
        raise _refuse("date", "a date", value)
    if months not in (None, "iso") and (not isinstance(months, (list, tuple)) or len(months) != 12 or not all(isinstance(m, str) for m in months)):
        raise _refuse("date", '"iso" or the 12 month names as its argument', months)
    if months == "iso":
        text = value.isoformat()
    elif months:
        text = f"{value.day} {months[value.month - 1]} {value.year}"
    else:
        text = env.grammar.long_date(value)
    if isinstance(value, SrcDate):
        return mark(text, value.loc, value.field)
    return Markup(md_escape(text))


@jinja2.pass_environment
def f_period(env, value) -> Markup:
    """``d.retention.period|period``: the period in the page's language ("2 years", "2 Jahre",
    "2 lata"), with the unit words and plural rules of its profile."""
    if value is None:
        return Markup("")
    text = env.grammar.period(str(value))
    if isinstance(value, Src):
        return mark(text, value.loc, value.field)
    return Markup(md_escape(text))


@jinja2.pass_environment
def f_country(env, code, form: str = "label") -> Markup:
    """``code|country``: the country's name in the page's language for a label or a table cell, from
    its profile (US -> United States; German: Vereinigte Staaten); ``code|country("text")``: the
    form for running text, where the table has one (English: US -> the United States)."""
    name = env.grammar.country(str(code), "text" if form == "text" else "label")
    if isinstance(code, Src):
        return mark(name, code.loc, code.field)
    return Markup(md_escape(name))


def f_anchor(value, prefix: str = "") -> str:
    """``d.id|anchor("data-")``: an id safe for ``{: #... }`` and URLs (lowercase letters, digits, -)."""
    _need_text("anchor", prefix, "text as its prefix")
    slug = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "x"
    return Markup(re.sub(r"[^a-z0-9-]", "", prefix) + slug)


@jinja2.pass_environment
def f_andjoin(env, items, last: str | None = None, sep: str = ", ") -> Markup:
    """``items|andjoin``: "a, b and c" with the language's list pattern (the profile's ``and``:
    "a, b und c"); ``items|andjoin("plus")`` uses that word instead. Each item is escaped."""
    _need_list("andjoin", items)
    if last is not None:
        _need_text("andjoin", last, "text as the last word")
    _need_text("andjoin", sep, "text as the separator")
    parts = [f_t(env, i) for i in items]
    if last is None:
        return env.grammar.join(parts, "and")
    if not parts:
        return Markup("")
    if len(parts) == 1:
        return parts[0]
    return Markup(sep).join(parts[:-1]) + Markup(f" {last} ") + parts[-1]


@jinja2.pass_environment
def f_orjoin(env, items) -> Markup:
    """``items|orjoin``: "a, b or c" with the language's list pattern (the profile's ``or``)."""
    _need_list("orjoin", items)
    return env.grammar.join([f_t(env, i) for i in items], "or")


@jinja2.pass_environment
def f_join(env, items, sep: str = "") -> Markup:
    """``items|join(", ")``: like Jinja's join, but every item is escaped as text."""
    _need_list("join", items)
    _need_text("join", sep, "text as the separator")
    glue = "".join(HTML_ENTITIES.get(c, "\\" + c if c in MD_ESCAPED else c) for c in str(sep).replace("\n", " "))
    return Markup(glue).join(f_t(env, i) for i in items)


@jinja2.pass_environment
def f_ccpa_name(env, item) -> Markup:
    """``d|ccpa_name``: the statute's name for data entry ``d``'s CCPA category
    (``CcpaCategory.statute_name``), mapped to the entry's ``ccpa_category`` in the inventory."""
    if isinstance(item, Model):
        if "ccpa_category" not in type(item).model_fields:
            raise _refuse("ccpa_name", "a data entry (or a CCPA category)", item)
        category = item.ccpa_category
        if category is None:
            return Markup("")
        path = env.values.path_of(item) + ("ccpa_category",)
        return mark(category.statute_name, env.values.loc(path), field_path(path))
    key = item.value if isinstance(item, Enum) else str(item)
    names = {c.value: c.statute_name for c in CcpaCategory}
    return Markup(md_escape(names.get(key, key)))


@jinja2.pass_environment
def f_ccpa_sensitive_name(env, item) -> Markup:
    """``d|ccpa_sensitive_name``: the statute's term for data entry ``d``'s kind of sensitive personal
    information (CCPA 1798.140(ae); ``CcpaSensitive.statute_name``), mapped to the entry's
    ``ccpa_sensitive`` in the inventory (so the readability gate knows it is the law's wording)."""
    if not isinstance(item, Model) or "ccpa_sensitive" not in type(item).model_fields:
        raise _refuse("ccpa_sensitive_name", "a data entry", item)
    kind = item.ccpa_sensitive
    if kind is None:
        return Markup("")
    path = env.values.path_of(item) + ("ccpa_sensitive",)
    return mark(kind.statute_name, env.values.loc(path), field_path(path))


@jinja2.pass_environment
def f_article(env, value) -> Markup:
    """``p.legal_basis|article``: the GDPR article for a legal basis, Art. 9 condition or safeguard,
    in the language's citation style ("Art. 6(1)(a)"; German "Art. 6 Abs. 1 lit. a")."""
    article = getattr(value, "article", "")  # the member's own: vital_interests is Art. 6(1)(d) or Art. 9(2)(c)
    if not article:
        key = str(value)
        for vocabulary in (LegalBasis, SpecialCategoryBasis, TransferSafeguard):
            if key in vocabulary.__members__:
                article = vocabulary[key].article
                break
        else:
            return Markup(md_escape(key))
    return Markup(env.grammar.citation(article))  # profile and vocabulary text, not the inventory's


@jinja2.pass_environment
def f_by_id(env, ids, section: str = "data") -> list:
    """``d.inferred_from|by_id("data")``: the objects (data entries, purposes or parties) with these ids."""
    _need_list("by_id", ids)
    if section not in ("data", "purposes", "parties"):
        return []
    items = getattr(env.values.inv, section)
    wanted = [str(i) for i in ids]
    return [next(x for x in items if x.id == i) for i in wanted if any(x.id == i for x in items)]


@jinja2.pass_environment
def f_cell(env, value) -> Markup:
    """Text for a table cell: escaped (``|`` included); empty values become a dash."""
    out = f_t(env, value)
    return out if str(out) else Markup("\u2013")


_MARKUP = re.compile(
    "\ue000\\d+\ue001|\ue002|\ue003[^\ue004]*\ue004"  # source-map markers
    r"|<[^>]*>"  # HTML tags (icons, chips)
    r"|\]\([^)\s]*\)"  # link targets: [text](target) reads as "text"
    r"|\{:[^}]*\}"  # attribute lists
)
_NOT_WORDS = re.compile(r"^[\W_]+$")


def f_reading_words(value) -> int:
    """How many words readers see in a piece of rendered Markdown (a block captured with
    ``{% set x %}...{% endset %}``): markup, link targets and table rules do not count. An estimate
    for choosing a layout; the readability gate makes the real count."""
    text = _MARKUP.sub(" ", str(value))
    return sum(1 for w in text.split() if not _NOT_WORDS.match(w))


def keep_src(func: Callable) -> Callable:
    """Make a string filter keep the inventory origin of its input (so it still escapes and maps)."""

    # Jinja passes the environment or eval context first to a filter marked for it (replace,
    # truncate, wordwrap): the wrapper keeps the mark, and the value is the argument after it.
    passed = getattr(func, "jinja_pass_arg", None)
    at = 0 if passed is None else 1

    def wrapper(*args, **kwargs):
        out = func(*args, **kwargs)
        value = args[at] if len(args) > at else None
        if isinstance(value, Src) and isinstance(out, str):
            return Src(str(out), value.loc, value.field)
        return out

    wrapper.__name__ = getattr(func, "__name__", "filter")
    wrapper.__doc__ = func.__doc__
    if passed is not None:
        wrapper.jinja_pass_arg = passed
    return wrapper


FILTERS = {
    "t": f_t,
    "link": f_link,
    "mailto": f_mailto,
    "heading": f_heading,
    "date": f_date,
    "country": f_country,
    "period": f_period,
    "anchor": f_anchor,
    "andjoin": f_andjoin,
    "orjoin": f_orjoin,
    "join": f_join,
    "ccpa_name": f_ccpa_name,
    "ccpa_sensitive_name": f_ccpa_sensitive_name,
    "article": f_article,
    "cell": f_cell,
    "by_id": f_by_id,
    "reading_words": f_reading_words,
    "safe": f_t,  # nothing is "safe" from the inventory: safe escapes too
    "e": f_t,
    "escape": f_t,
}
#: Jinja filters removed: they produce markup that skips the Markdown escape.
REMOVED_FILTERS = ("tojson", "xmlattr", "urlize", "forceescape", "indent")
#: Jinja string filters that keep an inventory value's origin.
KEEP_SRC_FILTERS = ("lower", "upper", "capitalize", "title", "trim", "truncate", "replace", "center", "striptags", "wordwrap", "string")
