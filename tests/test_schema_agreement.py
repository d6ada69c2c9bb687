"""The JSON Schema (``plainnotice schema``, for editors) and ``validate`` agree.

* Every inventory we ship or test with passes both.
* Every value of a wrong shape that ``validate``'s model rejects (a type reason: a number where
  text goes, a language map where one e-mail address goes, a text where a list goes, ...) the
  schema rejects too. The wrong shapes are made from the model itself: for each field of each
  class, at the first place an inventory uses it, a handful of values of other types.

The schema is checked as editors check it: JSON Schema draft 2020-12 with its formats asserted.
What the schema cannot see is left out on purpose: cross-references (``shared_with: [nobody]``),
language maps that do not match ``notice.languages``, and impossible phone numbers are not type
reasons, and ``validate`` reports them after the model (resolve and phones).
"""

from __future__ import annotations

import copy
import functools
import datetime as dt
from enum import Enum

import pytest
from pydantic_core import ValidationError

from generator.inventory.decl import Model as BaseModel  # the model classes are declared on decl.Model

from conftest import COMPANIES, FIXTURES, REFERENCE, SHIPPED
from generator.inventory.fields import Text, shape
from generator.inventory.load import load_file
from generator.inventory.model import Inventory
from generator.inventory.schemagen import json_schema
from generator.inventory.parse import parse

jsonschema = pytest.importorskip("jsonschema")

INVENTORIES = sorted({SHIPPED, REFERENCE, *COMPANIES.values(), *FIXTURES.glob("*.yml")})


def _json_ready(value):
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)
    return value


@functools.lru_cache(maxsize=1)
def _validator():
    cls = jsonschema.Draft202012Validator
    return cls(json_schema(), format_checker=cls.FORMAT_CHECKER)


@functools.lru_cache(maxsize=None)
def _data(path):
    return load_file(path).data


def _wrong(base, is_list: bool, langs: list[str]) -> list[tuple[str, object]]:
    """Values of other shapes for a field (named, for the test ids)."""
    if is_list:
        return [("a text for a list", "x"), ("a mapping for a list", {"a": "b"}), ("a number for a list", 3)]
    if isinstance(base, type) and issubclass(base, BaseModel):
        return [("a text for a mapping", "x"), ("a list for a mapping", ["x"]), ("a number for a mapping", 3)]
    if base is bool:
        return [("yes for a boolean", "yes"), ("the text 'true'", "true"), ("1 for a boolean", 1)]
    if base is int:
        return [("a quoted number", "30"), ("a fraction", 1.5), ("a boolean for a number", True)]
    if base is float:
        return [("a quoted number", "8"), ("a boolean for a number", True), ("a list for a number", [8])]
    if base is dt.date:
        return [("a number for a date", 20260101), ("a word for a date", "tomorrow"), ("a wrong date", "2026-02-30")]
    if isinstance(base, type) and issubclass(base, Enum):
        return [("an unknown value", "nonsense"), ("a number for a value", 3), ("a list for a value", ["x"])]
    maps = [("a map with a number", {lang: 3 for lang in langs}), ("a map with an empty text", {lang: "" for lang in langs})]
    common = [("a number for a text", 3), ("a boolean for a text", True), ("a list for a text", ["x"]), ("an empty text", "")]
    if base is Text:  # a well-formed map: right for most texts, wrong where one e-mail address goes
        return common + maps + [("a language map", {lang: "x@example.com" for lang in langs})]
    # a checked string (e-mail, link, id, country, ...) or a plain string: one value, never a map
    return common + maps + [("a language map", {lang: "x@example.com" for lang in langs})]


def _sites(data, cls: type[BaseModel], path: tuple, kind: str = ""):
    """(path, class, field, shape, kind) for every field that ``data`` (of class ``cls``) writes."""
    for name, info in cls.model_fields.items():
        if name not in data:
            continue
        sh = shape(info.annotation, info.metadata)
        value = data[name]
        yield path + (name,), cls, name, sh, kind, sh.is_list
        items = value if sh.is_list and isinstance(value, list) else [value] if not sh.is_list else []
        is_model = isinstance(sh.base, type) and issubclass(sh.base, BaseModel)
        for i, item in enumerate(items if is_model else items[:1]):  # every entry: kinds differ
            at = path + (name, i) if sh.is_list else path + (name,)
            if is_model and isinstance(item, dict):
                yield from _sites(item, sh.base, at, str(item.get("kind", "")))
            elif sh.is_list:
                yield at, cls, name, sh, kind, False


def _put(data, path: tuple, value):
    """``data`` with ``value`` at ``path``; only the containers along the path are copied."""
    if not path:
        return value
    out = copy.copy(data)
    out[path[0]] = _put(data[path[0]], path[1:], value)
    return out


def _model_accepts(data) -> bool:
    try:
        Inventory.model_validate(data)
    except ValidationError:
        return False
    return True


def _cases():
    seen, cases = set(), []
    for inv_path in INVENTORIES:
        data = _data(inv_path)
        langs = list(data["notice"].get("languages", ["en"]))
        for path, cls, name, sh, kind, whole_list in _sites(data, Inventory, ()):
            for label, value in _wrong(sh.base, whole_list, langs):
                key = (cls.__name__, kind, name, whole_list, label)
                if key in seen:
                    continue
                seen.add(key)
                if _model_accepts(_put(data, path, value)):
                    continue  # not a wrong shape here (e.g. a language map for a text)
                where = f"{cls.__name__}{'[' + kind + ']' if kind else ''}.{name}{'' if whole_list else ('[]' if sh.is_list else '')}"
                cases.append(pytest.param(inv_path, path, value, id=f"{where}: {label}"))
    return cases


CASES = _cases()


def test_the_wrong_shapes_cover_the_model():
    assert len(CASES) > 300
    ids = {c.id for c in CASES}
    assert "RequestMethod[email].address: a language map" in ids  # the case
    assert {"Inventory.format: a quoted number", "Notice.effective_date: a word for a date", "DataItem.sold: yes for a boolean"} <= ids


@pytest.mark.parametrize("path", INVENTORIES, ids=[p.name for p in INVENTORIES])
def test_every_inventory_passes_validate_and_the_schema(path):
    doc = load_file(path)
    parse(doc)  # raises InputError if validate rejects it
    errors = [e.message for e in _validator().iter_errors(_json_ready(doc.data))]
    assert errors == []


def test_what_validate_rejects_for_its_type_the_schema_rejects():
    accepted = []
    for case in CASES:
        inv_path, path, value = case.values
        data = _put(_data(inv_path), path, value)
        if not _validator().is_valid(_json_ready(data)):
            continue
        accepted.append(f"{case.id} ({inv_path.name} {path}: {value!r})")
    assert accepted == [], "the schema accepts what validate rejects"


@pytest.mark.parametrize(
    "method",
    [
        {"kind": "phone"},
        {"kind": "email", "address": "privacy@example.com", "url": "https://example.com/form"},
        {"kind": "web", "url": "https://example.com/form", "toll_free": True},
        {"kind": "email", "address": {"en": "privacy@example.com", "es": "privacidad@example.com"}},
        {"kind": "email", "address": "not an address"},
    ],
    ids=["phone without number", "email with url", "web with toll_free", "email as a language map", "email not an address"],
)
def test_request_methods_of_each_kind_agree(method):
    data = _put(_data(COMPANIES["us"]), ("requests", "methods", 0), method)
    with pytest.raises(ValidationError):
        Inventory.model_validate(data)
    assert list(_validator().iter_errors(_json_ready(data)))
