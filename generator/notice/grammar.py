"""The grammar tables of a language, as the filters use them: list joining (CLDR patterns, plus a
language's euphony rules such as Spanish "y" -> "e"), country names, long dates, yes/no and
article citations. All of it comes from the language's profile (:mod:`.profile`); nothing here
knows a language.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from markupsafe import Markup

from generator.errors import InputError, Loc, Problem
from generator.notice.profile import Profile

_ARTICLE = re.compile(r"^Art\. (\d+)(?:\((\d+)\))?(?:\(([a-z]{1,2})\))?$")  # UK GDPR Art. 6(1)(ea): two letters
_PERIOD = re.compile(r"^(\d+)\s+(day|week|month|year)s?$")
_RELATION = re.compile(r"^([niv]|[wfte])\s*(?:(?:mod|%)\s*(\d+))?\s*(not in|in|!=|=|is not|is)\s*([\d.,\s]+)$")


@lru_cache(maxsize=64)
def _euphony_rx(pattern: str) -> re.Pattern:
    return re.compile(pattern)


class Grammar:
    """One language's tables (from its profile)."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self.lang = profile.lang
        self._countries: dict[str, str] | None = None
        self._countries_text: dict[str, str] | None = None

    def missing(self, what: str) -> InputError:
        """A template uses a table the profile does not have: the profile must say it."""
        return InputError(Problem(Loc(self.profile.file), f"the profile of '{self.lang}' has no {what}, and a template needs it", "add it to the profile (docs/languages.md)"))

    # countries -----------------------------------------------------------------------------
    def country(self, code: str, form: str = "label") -> str:
        """The country's name in this language; the code itself when the table lacks it.
        ``form="text"``: the name as it stands in a sentence ("the United States"), where the table
        has a third column; else the label form."""
        if self._countries is None:
            self._countries = self.profile.countries()
            self._countries_text = self.profile.countries(form="text")
            if not self._countries:
                raise self.missing("country names (grammar.countries)")
        table = self._countries_text if form == "text" else self._countries
        return table.get(code, code)

    # lists ---------------------------------------------------------------------------------
    def join(self, parts: list, kind: str = "and") -> Markup:
        """``parts`` (already escaped Markup) joined with the language's list pattern ``kind``."""
        if not parts:
            return Markup("")
        if len(parts) == 1:
            return Markup(parts[0])
        pats = self.profile.lists.get(kind)
        if pats is None:
            raise self.missing(f"'{kind}' list pattern (grammar.{kind})")
        if len(parts) == 2:
            return self._fill(pats["two"], parts[0], parts[1])
        out = self._fill(pats["end"], parts[-2], parts[-1])
        for part in reversed(parts[1:-2]):
            out = self._fill(pats["middle"], part, out)
        return self._fill(pats["start"], parts[0], out)

    def _fill(self, pattern: str, a, b) -> Markup:
        head, _, rest = pattern.partition("{0}")
        mid, _, tail = rest.partition("{1}")
        mid = self._euphony(mid, str(b))
        # the glue is the profile's text (like a template's), the parts are escaped already
        return Markup(head) + Markup(a) + Markup(mid) + Markup(b) + Markup(tail)

    def _euphony(self, glue: str, following: str) -> str:
        """A conjunction changes before some sounds (es: "Francia e Italia", "siete u ocho")."""
        for word, becomes, before in self.profile.euphony:
            if glue.strip() == word and _euphony_rx(before).search(following.lstrip()):
                return glue.replace(word, becomes)
        return glue

    # plurals and periods -------------------------------------------------------------------
    def plural(self, n: int) -> str:
        """The CLDR plural category of the whole number ``n`` ("one", "few", "many", "other") by the
        profile's rules (CLDR's rule text, for whole numbers: i = n, v = w = f = t = e = 0)."""
        for category in ("zero", "one", "two", "few", "many"):
            rule = self.profile.plural.get(category)
            if rule and _holds(rule, n):
                return category
        return "other"

    def period(self, text: str) -> str:
        """A retention period ("2 years", the inventory's format) in the language: "2 Jahre"."""
        m = _PERIOD.match(str(text).strip())
        if not m:
            return str(text)
        n, unit = int(m.group(1)), m.group(2)
        forms = self.profile.units.get(unit)
        if not forms:
            raise self.missing(f"words for the unit '{unit}' (grammar.units)")
        return forms.get(self.plural(n), forms["other"]).replace("{0}", str(n))

    # dates, yes/no, citations --------------------------------------------------------------
    def long_date(self, d: _dt.date) -> str:
        if not (self.profile.long_date and self.profile.months):
            raise self.missing("long date (grammar.long_date and grammar.months)")
        day = self.profile.first_day if d.day == 1 and self.profile.first_day else str(d.day)
        return self.profile.long_date.format(day=day, month=self.profile.months[d.month - 1], year=d.year)

    def yes_no(self, value: bool) -> str:
        word = self.profile.yes_no[0 if value else 1]
        if not word:
            raise self.missing("words for yes and no (grammar.yes, grammar.no)")
        return word

    def citation(self, article: str) -> str:
        """"Art. 6(1)(a)" in the language's style ("Art. 6 Abs. 1 lit. a"); as it is without one."""
        m = _ARTICLE.match(article)
        if not m or not self.profile.citation:
            return article
        art, par, point = m.groups()
        key = "point" if point else "paragraph" if par else "article"
        pattern = self.profile.citation.get(key)
        return pattern.format(article=art, paragraph=par, point=point) if pattern else article


def _holds(rule: str, n: int) -> bool:
    """Whether a CLDR plural rule holds for the whole number ``n``: ``or`` of ``and`` of relations
    like ``i mod 10 in 2..4`` (operands i and n are n; v, w, f, t, e are 0)."""
    return any(all(_relation(r.strip(), n) for r in part.split(" and ")) for part in rule.split(" or "))


def _relation(text: str, n: int) -> bool:
    m = _RELATION.match(text)
    if not m:
        raise ValueError(f"cannot read the plural rule {text!r}")
    operand, mod, op, ranges = m.groups()
    value = n if operand in "ni" else 0
    if mod:
        value %= int(mod)
    hit = False
    for item in ranges.split(","):
        lo, _, hi = item.strip().partition("..")
        hit = hit or int(lo) <= value <= int(hi or lo)
    return not hit if op in ("not in", "!=", "is not") else hit
