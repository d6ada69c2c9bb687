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

_ARTICLE = re.compile(r"^Art\. (\d+)(?:\((\d+)\))?(?:\(([a-z])\))?$")


@lru_cache(maxsize=64)
def _euphony_rx(pattern: str) -> re.Pattern:
    return re.compile(pattern)


class Grammar:
    """One language's tables (from its profile)."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self.lang = profile.lang
        self._countries: dict[str, str] | None = None

    def missing(self, what: str) -> InputError:
        """A template uses a table the profile does not have: the profile must say it."""
        return InputError(Problem(Loc(self.profile.file), f"the profile of '{self.lang}' has no {what}, and a template needs it", "add it to the profile (docs/languages.md)"))

    # countries -----------------------------------------------------------------------------
    def country(self, code: str) -> str:
        """The country's name in this language; the code itself when the table lacks it."""
        if self._countries is None:
            self._countries = self.profile.countries()
            if not self._countries:
                raise self.missing("country names (grammar.countries)")
        return self._countries.get(code, code)

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
