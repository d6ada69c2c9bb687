"""Inventory values as templates see them.

Inventory strings reach templates only as :class:`Src` (and dates as :class:`SrcDate`): the value
plus its ``loc`` and field path. Printing one, by any route (``{{ }}``, ``join``, ``~`` with
Markup, a macro), escapes it and marks it for the source map. :class:`Values` wraps model values
on every attribute access (the sandbox calls it); :func:`finalize` is how every ``{{ }}`` prints.
"""

from __future__ import annotations

import datetime as _dt
from enum import Enum

import jinja2
from markupsafe import Markup

from generator.errors import Loc
from generator.inventory.decl import Model
from generator.inventory.fields import Text, field_path, walk
from generator.inventory.model import Inventory
from generator.notice.escape import md_escape
from generator.notice.sourcemap import mark


class _FromInventory:
    """A value from the inventory that escapes itself when printed and records where it came from."""

    loc: Loc
    field: str

    def printed(self) -> str:
        return str(self)

    def __html__(self) -> str:
        return mark(self.printed(), self.loc, self.field)


class Src(_FromInventory, str):
    """An inventory string as a template sees it: the text plus its ``loc`` and ``field``.

    Printing it always escapes it (``__html__``) and records a span.
    """

    def __new__(cls, value: str, loc: Loc, field: str = "") -> "Src":
        obj = super().__new__(cls, value)
        obj.loc = loc
        obj.field = field
        return obj

    def __reduce__(self):
        return (Src, (str(self), self.loc, self.field))


class SrcDate(_FromInventory, _dt.date):
    """An inventory date with its ``loc`` and ``field``. Prints as YYYY-MM-DD; use the ``date`` filter."""

    @classmethod
    def of(cls, d: _dt.date, loc: Loc, field: str) -> "SrcDate":
        obj = cls(d.year, d.month, d.day)
        obj.loc = loc
        obj.field = field
        return obj

    def printed(self) -> str:
        return self.isoformat()


class SrcList(list):
    """A list from the inventory whose items are already wrapped."""


#: Properties (not fields) templates may read, per model class name.
PROPERTIES = {
    "DataItem": (
        "purposes", "receipts", "recipients", "recipients_stated", "special", "ca_sensitive", "source_parties", "from_person",
        "collected_from_person", "given_by_person",
    ),
    "Purpose": ("data_items",),
    "Party": ("all_countries", "receipts", "data_items", "data_from", "kind_or_derived", "ccpa_role_or_derived"),
    "FinancialIncentive": ("data_items",),
    "Cookie": ("provider_party",),
    "AiSystem": ("data_items",),
    "Inventory": ("gdpr", "cookies_stated", "parties_stated", "changes_stated"),
}


class Values:
    """Wraps model values for templates: strings become :class:`Src` with their location."""

    def __init__(self, inv: Inventory, lang: str):
        self.inv = inv
        self.lang = lang
        self.doc = getattr(inv, "document", None)
        self.file = self.doc.file if self.doc is not None else "data_inventory.yml"
        self.paths: dict[int, tuple] = {id(obj): path for path, obj in walk(inv) if isinstance(obj, Model)}

    def loc(self, path: tuple) -> Loc:
        if self.doc is not None:
            return self.doc.loc(path)
        return Loc(self.file)

    def path_of(self, model) -> tuple:
        return self.paths.get(id(model), ())

    def wrap(self, value, path: tuple):
        if isinstance(value, (Src, SrcDate, SrcList, Markup)):
            return value
        if isinstance(value, Text):
            return Src(value.get(self.lang), value.loc_for(self.lang) or self.loc(path), field_path(path))
        if isinstance(value, Enum) or isinstance(value, (bool, int, float)) or value is None:
            return value
        if isinstance(value, str):
            return Src(value, getattr(value, "loc", None) or self.loc(path), field_path(path))
        if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
            return SrcDate.of(value, self.loc(path), field_path(path))
        if isinstance(value, list):
            return SrcList(self.wrap(v, path + (i,)) if not isinstance(v, Model) else v for i, v in enumerate(value))
        return value

    def attr(self, obj, name: str, value):
        if not isinstance(obj, Model):
            return value
        path = self.paths.get(id(obj))
        if path is None:
            return value
        if name == "all_countries" and type(obj).__name__ == "Party":
            if obj.country:
                return SrcList([self.wrap(obj.country, path + ("country",))])
            return self.wrap(list(obj.countries or []), path + ("countries",))
        if name == "summary" and getattr(obj, "_from_text", False):
            return self.wrap(value, path)  # a financial incentive written as one text: the text is at the item
        if name in type(obj).model_fields:
            return self.wrap(value, path + (name,))
        return value

    def field(self, model, name: str):
        """Wrapped ``model.name`` (for context built in Python)."""
        return self.attr(model, name, getattr(model, name))


def finalize(value, yes_no: tuple[str, str] | None = ("yes", "no")):
    """Every ``{{ }}`` passes here before autoescape: plain strings get the Markdown escape.
    Booleans print as the language's words for yes and no (``yes_no``, from its profile)."""
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value  # Src/SrcDate escape themselves; Markup is template-written
    if isinstance(value, bool):
        if yes_no is None:
            raise jinja2.TemplateRuntimeError("a template prints yes or no, and the language's profile has no words for them (grammar.yes, grammar.no)")
        return yes_no[0] if value else yes_no[1]
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, Enum):
        return Markup(md_escape(str(value.value)))
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (Model, list, dict, tuple)):
        raise jinja2.TemplateRuntimeError(
            f"a template prints a whole {type(value).__name__}; print one of its fields instead"
        )
    return Markup(md_escape(str(value)))
