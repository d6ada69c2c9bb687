"""Turning pydantic's validation errors into :class:`~generator.errors.Problem` objects: each names
``file:line:column`` (from the loaded document), says what is wrong in the words of the format, and
how to fix it. A misspelt key gives one problem, with a suggestion; at most :data:`MAX_PROBLEMS`
are reported at once.
"""

from __future__ import annotations

import re
from typing import Any


from generator.errors import Loc, Problem
from generator.inventory.decl import Model
from generator.inventory.fields import describe, field_path, shape
from generator.inventory.load import Document
from generator.inventory.model import Inventory

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "finite_number": "a finite number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (items starting with '- ', or [a, b])",
    "dict_type": "a mapping of keys",
    "model_type": "a mapping of keys",
    "model_attributes_type": "a mapping of keys",
    "date_type": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "a date without a time (YYYY-MM-DD)",
}


def model_at(path: tuple) -> type[Model] | None:
    """The model class that validates the mapping at ``path`` (indexes are skipped)."""
    cls: Any = Inventory
    for step in path:
        if isinstance(step, int):
            continue
        field = cls.model_fields.get(step) if isinstance(cls, type) and issubclass(cls, Model) else None
        if field is None:
            return None
        cls = shape(field.annotation).base
    return cls if isinstance(cls, type) and issubclass(cls, Model) else None


def _where(path: tuple) -> str:
    """('data', 2, 'retention') -> "data[2].retention"; () -> "the top level"."""
    return field_path(path) or "the top level"


def suggest(word: str, choices) -> str:
    """" Did you mean 'x'?" or ""."""
    import difflib  # only for a misspelt name (2 ms of every run otherwise)

    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


def _problem(doc: Document, err: dict) -> Problem:
    path = tuple(err["loc"])
    kind = err["type"]
    value = err.get("input")
    key = path[-1] if path else ""
    where = _where(path)
    if kind == "extra_forbidden":
        cls = model_at(path[:-1])
        known = list(cls.model_fields) if cls else []
        fix = f"remove '{key}' or correct its spelling"
        hint = suggest(key, known)
        if hint:
            fix = f"rename '{key}' to '{hint.split(chr(39))[1]}'"
        elif value is None and " " in str(key).strip():
            fix = "if this is the end of a text cut off at a comma, put the whole text in quotes: inside {...} a comma starts a new key"
        return Problem(
            doc.key_loc(path),
            f"unknown key '{key}' in {_where(path[:-1])}.{hint} Known keys: {', '.join(known)}",
            fix,
        )
    if kind == "missing":
        cls = model_at(path[:-1])
        desc = ""
        if cls and key in cls.model_fields:
            desc = cls.model_fields[key].description or ""
        parent_loc = doc.key_loc(path[:-1]) if path[:-1] else Loc(doc.file, 1, 1)
        return Problem(
            parent_loc,
            f"'{_where(path[:-1])}' is missing the required key '{key}'",
            f"add '{key}:'" + (f" ({desc.rstrip('.')})" if desc else ""),
        )
    loc = doc.loc(path)
    if kind in ("enum", "literal_error"):
        expected = err.get("ctx", {}).get("expected", "")
        allowed = [a.strip(" '") for a in re.split(r",| or ", expected) if a.strip(" '")]
        if not isinstance(value, str):
            return Problem(
                loc,
                f"'{where}' takes one of the allowed values, got {describe(value)}. Allowed: {', '.join(allowed)}",
                f"write one value, e.g. '{key if isinstance(key, str) else where}: {allowed[0] if allowed else ''}'",
            )
        return Problem(
            loc,
            f"'{value}' is not an allowed value for '{where}'.{suggest(value, allowed)} Allowed: {', '.join(allowed)}",
            f"use one of: {', '.join(allowed)}",
        )
    if kind == "string_type" and isinstance(value, (int, float)) and not isinstance(value, bool):
        if key in ("phone", "number"):
            return Problem(
                loc,
                f"'{where}' is a phone number that YAML read as the number {value}, which drops a leading + or 0",
                "put the number in quotes, e.g. '+1 800 555 0100'",
            )
        return Problem(loc, f"'{where}' should be text, got {describe(value)}", f"put it in quotes to keep it as text: '{value}'")
    if kind in _EXPECTED:
        return Problem(
            loc,
            f"'{where}' should be {_EXPECTED[kind]}, got {describe(value)}",
            f"write {_EXPECTED[kind]} here",
        )
    ctx = err.get("ctx") or {}
    if kind == "too_short":
        n = ctx.get("min_length", 1)
        return Problem(loc, f"'{where}' is empty; it needs at least {n} entr{'y' if n == 1 else 'ies'}", "add at least one entry")
    if kind == "too_long":
        return Problem(loc, f"'{where}' has too many entries; at most {ctx.get('max_length')}", "remove entries")
    bounds = {"greater_than_equal": ("ge", "at least"), "less_than_equal": ("le", "at most"),
              "greater_than": ("gt", "more than"), "less_than": ("lt", "less than")}
    if kind in bounds:
        key_, words = bounds[kind]
        return Problem(loc, f"'{where}' is {value}; it must be {words} {ctx.get(key_)}", f"use a number {words} {ctx.get(key_)}")
    if kind == "string_pattern_mismatch":
        return Problem(loc, f"'{value}' is not valid for '{where}'", f"match the pattern {err['ctx']['pattern']}")
    if kind == "string_too_short":
        return Problem(loc, f"'{where}' is empty", "write a value or remove the key")
    # our own PydanticCustomErrors carry a full sentence
    msg = err["msg"]
    if kind in ("text_lang", "text_comma"):  # point at the offending key inside the map
        lang = (err.get("ctx") or {}).get("lang")
        if path + (lang,) in doc.key_locs:
            loc = doc.key_locs[path + (lang,)]
    fixes = {
        "empty_text": "write the text, or remove the key if it is optional",
        "bad_url_scheme": "use an https:// address",
        "bad_url": "write the full address, starting with https://",
        "bad_email": "write the address as name@example.com",
        "bad_phone": "write the number with its country code, e.g. +351 21 000 0000",
        "bad_country": "use the two-letter ISO 3166-1 code, e.g. PT, DE, US, GB",
        "bad_period": "write e.g. '30 days', '13 months', '2 years', or replace 'period' with 'criteria: <text>'",
        "bad_id": "rename the id, e.g. 'email_service'",
        "text_lang": "use language codes as keys, e.g. {en: Contact details, de: Kontaktdaten}",
        "text_comma": "put the text in quotes, e.g. {en: \"Yes, we do.\"}",
        "text_type": "write plain text, or a map like {en: ..., de: ...}",
        "retention_missing": "add 'period: 2 years' or 'criteria: <what decides it>'",
        "retention_both": "remove one of them",
        "party_country": "add 'country: US' (or 'countries: [PT, ES]')",
        "party_country_both": "keep one of them",
        "method_field": f"add '{ctx.get('need')}:'" if kind == "method_field" else "",
        "method_extra": f"remove '{ctx.get('other')}:'" if kind == "method_extra" else "",
        "bad_bound": "set the bound the metric uses",
        "bad_lang": "write a language code such as en, de, fr or pt-BR",
        "invisible_text": "write the text in visible letters, or remove the key if it is optional",
        "url_userinfo": f"remove '{ctx.get('user')}@': a link in a notice needs no user name or password" if kind == "url_userinfo" else "",
        "long_period": "write the real period, or replace 'period' with 'criteria: <what decides it>'",
    }
    if kind == "text_type" and isinstance(value, (int, float, bool)):
        fixes["text_type"] = f"put it in quotes to keep it as text: '{value if not isinstance(value, bool) else str(value).lower()}'"
    return Problem(loc, f"{where}: {msg}" if not msg.startswith("'") else msg, fixes.get(kind, "correct the value"))


#: At most this many problems are reported at once; the rest are counted in one last line.
MAX_PROBLEMS = 50


def from_pydantic(doc: Document, errors: list[dict]) -> list[Problem]:
    """pydantic errors -> Problems, deduplicated and capped. A misspelt key (``nmae``) gives one problem, not two: the
    "missing 'name'" error is dropped when an unknown key in the same mapping is close to 'name'."""
    suggested: set[tuple] = set()
    for err in errors:
        if err["type"] == "extra_forbidden" and err["loc"]:
            path = tuple(err["loc"])
            cls = model_at(path[:-1])
            if cls is not None:
                import difflib

                close = difflib.get_close_matches(str(path[-1]), list(cls.model_fields), n=1, cutoff=0.6)
                if close:
                    suggested.add((path[:-1], close[0]))
    out = []
    for err in errors:
        path = tuple(err["loc"])
        if err["type"] == "missing" and path and (path[:-1], path[-1]) in suggested:
            continue
        out.append(_problem(doc, err))
    return cap(dedupe(out))


def cap(problems: list[Problem]) -> list[Problem]:
    """At most MAX_PROBLEMS problems, in file order, and a last one saying how many more there are."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    ordered = sorted(problems, key=lambda p: (p.loc.file, p.loc.line, p.loc.col, p.message))
    kept = ordered[:MAX_PROBLEMS]
    last = ordered[MAX_PROBLEMS]
    rest = len(ordered) - MAX_PROBLEMS
    kept.append(
        Problem(
            last.loc,
            f"{rest:,} more problem{'s' if rest != 1 else ''} not shown (plainnotice shows the first {MAX_PROBLEMS})",
            "fix the problems above and run the command again",
        )
    )
    return kept


def dedupe(problems: list[Problem]) -> list[Problem]:
    """The problems without repeats (same place, same message), in order."""
    seen, out = set(), []
    for p in problems:
        if (p.loc, p.message) not in seen:
            seen.add((p.loc, p.message))
            out.append(p)
    return out
