"""Field types of the inventory format: free text, the checked string types, and walking the model.

* :class:`Text`: free text, one string or a map of language code -> string, that knows where it
  stood in the file;
* checked strings (``Id``, ``Email``, ``Url``, ``Phone``, ``Country``, ``Period``, ``Lang``) and
  strict ``Bool``/``Int``/``Num``, each check raising a message that names the value and the fix;
* :class:`Strict`: the base of every model class (unknown keys are errors);
* :func:`shape` takes a field's annotation apart (the one annotation walker), :func:`walk` visits a
  model's values with their paths, :func:`field_path` writes a path as ``data[2].retention``.
"""

from __future__ import annotations

import datetime as _dt
import re
import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Callable, Iterator

from pydantic_core import PydanticCustomError, core_schema

from generator.errors import Loc
from generator.inventory.decl import AfterValidator, Field, Model, StrictType
from generator.inventory.chars import visible
from generator.inventory.geography import countries, country_by_name

# --------------------------------------------------------------------------------------------
# Free text: a string, or a map of language code -> string.
# --------------------------------------------------------------------------------------------

_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class Text:
    """Free text from the inventory: one string, or one per language. Knows where it came from."""

    __slots__ = ("values", "loc", "locs")

    def __init__(self, values: dict[str, str], loc: Loc | None = None, locs: dict[str, Loc] | None = None):
        self.values = values  # {"": text} for a plain string
        self.loc = loc
        self.locs = locs or {}

    @property
    def is_map(self) -> bool:
        return "" not in self.values

    def get(self, lang: str | None = None) -> str:
        if "" in self.values:
            return self.values[""]
        if lang and lang in self.values:
            return self.values[lang]
        return next(iter(self.values.values()))

    def loc_for(self, lang: str | None = None) -> Loc | None:
        if lang and lang in self.locs:
            return self.locs[lang]
        return self.loc

    def __str__(self) -> str:
        return self.get()

    def __repr__(self) -> str:
        return f"Text({self.values!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Text):
            return self.values == other.values
        if isinstance(other, str):
            return self.get() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.values.items())))

    @classmethod
    def _validate(cls, value: Any) -> "Text":
        if isinstance(value, Text):
            return value
        if isinstance(value, str):
            if not value.strip():
                raise PydanticCustomError("empty_text", "the text is empty")
            _not_invisible(value)
            return cls({"": str(value)}, getattr(value, "loc", None))
        if isinstance(value, dict) and value:
            out, locs = {}, {}
            for lang, text in value.items():
                if text is None and isinstance(lang, str) and not _LANG.fullmatch(lang):
                    raise PydanticCustomError(
                        "text_comma",
                        "'{lang}' looks like the end of a text cut off at a comma: inside {...} a comma starts a new key",
                        {"lang": str(lang)},
                    )
                if not isinstance(lang, str) or not _LANG.fullmatch(lang):
                    raise PydanticCustomError(
                        "text_lang",
                        "'{lang}' is not a language code; a map of texts uses codes like en, de, pt-BR",
                        {"lang": str(lang)},
                    )
                if not isinstance(text, str) or not text.strip():
                    raise PydanticCustomError(
                        "text_type", "the '{lang}' text must be a non-empty string", {"lang": lang}
                    )
                _not_invisible(text, lang)
                out[str(lang)] = str(text)
                if getattr(text, "loc", None):
                    locs[str(lang)] = text.loc
            first = next(iter(locs.values()), None)
            return cls(out, first, locs)
        raise PydanticCustomError(
            "text_type",
            "expected text (or a map of language code to text), got {got}",
            {"got": describe(value)},
        )

    @classmethod
    def __core_schema__(cls) -> dict:
        """How pydantic-core validates a Text (see :mod:`.decl`)."""
        return core_schema.no_info_plain_validator_function(cls._validate)

    @staticmethod
    def __dump__(t: "Text"):
        """A Text as plain data: the string, or the map of language -> string."""
        return t.get() if not t.is_map else dict(t.values)

    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler):  # for the JSON Schema (pydantic)
        return core_schema.no_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(cls.__dump__),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema, handler):
        return {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "description": "One text per language: language code -> text.",
                    "additionalProperties": {"type": "string", "minLength": 1},
                    "minProperties": 1,
                },
            ]
        }


def _not_invisible(value: str, lang: str = "") -> None:
    """A text that shows nothing (only U+200B, say) would satisfy a required field with nothing."""
    if not visible(value):
        codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in value if not c.isspace()}))
        raise PydanticCustomError(
            "invisible_text",
            "the {what}text has only invisible characters ({codes}): readers would see nothing",
            {"what": f"'{lang}' " if lang else "", "codes": codes},
        )


def describe(value: Any) -> str:
    """How to name a received value in a message: its type and, when short, the value itself."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, _dt.datetime):
        return f"the date and time {value.isoformat(sep=' ')}"
    if isinstance(value, _dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{short}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


# --------------------------------------------------------------------------------------------
# Checked string types
# --------------------------------------------------------------------------------------------


def _named(singular: str, plural: str) -> Callable:
    """Name what a check accepts (``check.kind``), for the format reference: "id" / "ids"."""

    def mark(check: Callable) -> Callable:
        check.kind = (singular, plural)
        return check

    return mark

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_EMAIL = re.compile(r"^[^@\s<>()\[\]\\,;:\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
_URL = re.compile(r"^(https?)://[^\s/?#<>\"'`]+(?:[/?#][^\s<>\"'`]*)?$", re.I)
_PERIOD = re.compile(r"^(\d+)\s+(day|week|month|year)s?$")
_PHONE = re.compile(r"^(\+|\(?)[0-9][0-9 ().\-]*$")


@_named("id", "ids")
def _check_id(value: str) -> str:
    if not _ID.fullmatch(value):
        raise PydanticCustomError(
            "bad_id",
            "'{value}' is not a valid id; ids use lowercase letters, digits and '_' and start with a letter",
            {"value": value},
        )
    if "__" in value or value.endswith("_"):
        raise PydanticCustomError(
            "bad_id",
            "'{value}' is not a valid id: '_' must stand between letters or digits (the id makes the entry's "
            "link anchor, and 'a__b', 'a_b_' and 'a_b' would make the same one)",
            {"value": value},
        )
    return value


@_named("e-mail address", "e-mail addresses")
def check_email(value: str) -> str:
    if not _EMAIL.fullmatch(value):
        raise PydanticCustomError(
            "bad_email", "'{value}' is not an e-mail address (expected name@example.com)", {"value": value}
        )
    return value


@_named("link", "links")
def _check_url(value: str) -> str:
    if value.lower().startswith("mailto:"):
        check_email(value[7:].split("?", 1)[0])
        return value
    if not _URL.fullmatch(value):
        scheme = value.split(":", 1)[0].lower() if ":" in value else ""
        if scheme and scheme not in ("http", "https"):
            raise PydanticCustomError(
                "bad_url_scheme",
                "'{value}' uses the '{scheme}:' scheme; only https, http and mailto links are allowed",
                {"value": value, "scheme": scheme},
            )
        raise PydanticCustomError(
            "bad_url", "'{value}' is not a full web address (expected https://example.com/page)", {"value": value}
        )
    authority = value.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if "@" in authority:
        user, host = authority.rsplit("@", 1)
        raise PydanticCustomError(
            "url_userinfo",
            "'{value}' has '{user}@' before the host: a browser opens {host}, not {user}",
            {"value": value, "user": user, "host": host},
        )
    return value


@_named("phone number", "phone numbers")
def _check_phone(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    if not _PHONE.fullmatch(value) or not 6 <= len(digits) <= 15:
        raise PydanticCustomError(
            "bad_phone",
            "'{value}' is not a phone number (expected digits with an optional leading +, e.g. +1 800 555 0100)",
            {"value": value},
        )
    return value


@_named("country code", "country codes")
def _check_country(value: str) -> str:
    if value not in countries():
        upper = value.upper()
        hint = ""
        if upper in countries():
            hint = f"; write it in capitals: {upper}"
        elif upper == "UK":
            hint = "; the code for the United Kingdom is GB"
        elif upper == "EL":
            hint = "; the ISO code for Greece is GR"
        elif value.lower() in country_by_name():
            hint = f"; the code for {value} is {country_by_name()[value.lower()]}"
        raise PydanticCustomError(
            "bad_country",
            "'{value}' is not an ISO 3166-1 alpha-2 country code{hint}",
            {"value": value, "hint": hint},
        )
    return value


#: The longest period the model takes, in days (1,000 years): it orders periods and states them.
MAX_PERIOD_DAYS = 365_000


@_named("period", "periods")
def _check_period(value: str) -> str:
    m = _PERIOD.fullmatch(value.strip())
    if not m:
        raise PydanticCustomError(
            "bad_period",
            "'{value}' is not a period; write '<number> <days|weeks|months|years>', e.g. '2 years', or use 'criteria' instead",
            {"value": value},
        )
    number = m.group(1)
    if len(number) > 1 and number.startswith("0"):
        raise PydanticCustomError(
            "bad_period", "'{value}' starts its number with 0; write the number plainly, e.g. '2 years'",
            {"value": value if len(value) <= 40 else value[:37] + "..."},
        )
    if len(number) > 6 or period_days(value) > MAX_PERIOD_DAYS:
        shown = value if len(value) <= 40 else value[:37] + "..."
        raise PydanticCustomError(
            "long_period",
            "'{value}' is longer than 1,000 years, the longest period plainnotice takes",
            {"value": shown},
        )
    return value


@_named("text", "texts")
def _check_name(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("empty_text", "the text is empty")
    _not_invisible(value)
    return value


@_named("language code", "language codes")
def _check_lang(value: str) -> str:
    if not _LANG.fullmatch(value):
        raise PydanticCustomError(
            "bad_lang",
            "'{value}' is not a language code; use codes like en, de, pt-BR",
            {"value": value},
        )
    return value


# true/false only (no "yes", 1 or "false" as text), whole numbers only (no "30" as text).
Bool = Annotated[bool, StrictType()]
Int = Annotated[int, StrictType()]
Num = Annotated[float, StrictType(), Field(allow_inf_nan=False)]
Lang = Annotated[str, AfterValidator(_check_lang), Field(json_schema_extra={"pattern": _LANG.pattern})]
#: What the JSON Schema says of an id: the pattern and the '_' rule of ``_check_id`` in one.
_ID_SCHEMA = r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"
Id = Annotated[str, AfterValidator(_check_id), Field(json_schema_extra={"pattern": _ID_SCHEMA})]
Name = Annotated[str, AfterValidator(_check_name)]
Email = Annotated[str, AfterValidator(check_email), Field(json_schema_extra={"format": "email"})]
Url = Annotated[
    str, AfterValidator(_check_url), Field(json_schema_extra={"pattern": r"^(https?://|mailto:)"})
]
Phone = Annotated[str, AfterValidator(_check_phone), Field(json_schema_extra={"pattern": _PHONE.pattern})]
Country = Annotated[str, AfterValidator(_check_country), Field(json_schema_extra={"pattern": "^[A-Z]{2}$"})]
Period = Annotated[str, AfterValidator(_check_period), Field(json_schema_extra={"pattern": _PERIOD.pattern})]


def period_parts(period: str) -> tuple[int, str]:
    """'2 years' -> (2, "year"), for a value the ``Period`` type accepted."""
    n, unit = _PERIOD.fullmatch(period.strip()).groups()
    return int(n.lstrip("0") or "0"), unit


def period_days(period: str) -> int:
    """'2 years' -> 730; used to order retention periods."""
    n, unit = period_parts(period)
    return n * {"day": 1, "week": 7, "month": 30, "year": 365}[unit]


class Strict(Model):
    """The base of every model class: unknown keys are errors; the validator is built on first use
    (:mod:`.decl`)."""


# --------------------------------------------------------------------------------------------
# Walking the model: annotations, values, paths
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    """A field's annotation taken apart: ``Optional[list[Country]]`` is ``base=str``,
    ``is_list=True``, ``optional=True``, ``checks=(the country check,)``."""

    base: Any  # str, int, float, bool, date, Text, an Enum or a model class
    is_list: bool = False
    optional: bool = False
    checks: tuple = ()  # the AfterValidator functions that check the value


def _checks(metadata) -> list:
    return [m.func for m in metadata if isinstance(m, AfterValidator)]


def shape(annotation: Any, metadata: tuple | list = ()) -> Shape:
    """Take ``annotation`` apart (``metadata``: pydantic's ``FieldInfo.metadata``, where it keeps
    the outermost ``Annotated`` extras). Fields are ``X``, ``list[X]`` or ``Optional`` of those."""
    checks = _checks(metadata)
    optional = is_list = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = typing.get_args(annotation)
            checks += _checks(extra)
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                raise TypeError(f"unsupported field type {annotation!r}: use Optional[X]")
            optional, annotation = True, args[0]
        elif origin is list:
            is_list, annotation = True, typing.get_args(annotation)[0]
        else:
            return Shape(annotation, is_list, optional, tuple(checks))


def field_path(path: tuple) -> str:
    """('data', 2, 'retention') -> "data[2].retention"; () -> ""."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else ("." if out else "") + str(step)
    return out


def walk(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every value in a model, depth first, with its path: the model itself, each field's value,
    each list item (private cross-references are not followed)."""
    yield path, obj
    if isinstance(obj, Model):
        for name in type(obj).model_fields:
            yield from walk(getattr(obj, name), path + (name,))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from walk(item, path + (i,))
