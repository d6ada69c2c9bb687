"""The model is validated by pydantic-core on a schema of ours (generator/inventory/decl.py), not by
pydantic. That must change nothing: for every inventory here -- the exact-message rows of
test_model_errors.py, the fixtures, each row's mutations, drawn inventories with values of the
wrong type in every field -- pydantic (on the same declarations, generator/inventory/jsonschema.py)
and our path report the same errors, or build the same data.
"""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError as PydanticError
from pydantic_core import ValidationError

from conftest import COMPANIES, REFERENCE, SHIPPED
from generator.inventory import model
from generator.inventory.decl import Model, core_schema
from generator.inventory.schemagen import pydantic_model
from generator.inventory.load import load_file, load_text
from strategies import inventories
from test_model_errors import CASES, build

Inventory = model.Inventory
PydanticInventory = pydantic_model(Inventory)


def _errors(exc) -> list:
    return sorted(
        (e["type"], tuple(e["loc"]), e["msg"], repr(e.get("input")), repr(sorted((e.get("ctx") or {}).items())))
        for e in exc.errors(include_url=False)
    )


def _fields_set(obj, path=()) -> list:
    """Every model's ``model_fields_set`` (which fields the data gave), by place: the truth rules read it."""
    if isinstance(obj, list):
        return [x for i, v in enumerate(obj) for x in _fields_set(v, path + (i,))]
    if not hasattr(type(obj), "model_fields"):
        return []
    out = [(path, sorted(obj.model_fields_set))]
    for name in type(obj).model_fields:
        out += _fields_set(getattr(obj, name), path + (name,))
    return out


def both(data):
    """(errors or dump) from our path and from pydantic, for the same data."""
    out = []
    for validate, error in ((Inventory.model_validate, ValidationError), (PydanticInventory.model_validate, PydanticError)):
        try:
            inv = validate(copy.deepcopy(data))
        except error as exc:
            out.append(("errors", _errors(exc)))
        else:
            out.append(("ok", inv.model_dump(mode="json", exclude_none=True), _fields_set(inv)))
    return out


def same(data) -> None:
    ours, theirs = both(data)
    assert ours == theirs


@pytest.mark.parametrize("edits", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_every_error_row_is_pydantics(edits):
    try:
        doc = load_text(build(edits), "inv.yml")
    except Exception:  # the loader's own errors come before validation
        pytest.skip("a loader error")
    if not isinstance(doc.data.get("format"), int):
        pytest.skip("format is checked before the model")
    same(doc.data)


@pytest.mark.parametrize("path", [REFERENCE, SHIPPED, *COMPANIES.values()], ids=lambda p: p.name)
def test_fixtures_build_the_same_data(path):
    data = load_file(path).data
    ours, theirs = both(data)
    assert ours[0] == "ok" and ours == theirs


#: Values of every kind, put into every place of the reference: each must fail (or pass) the same way.
ODD = [None, "", " ", "x", "\u200b", "2 years", "02 years", "GB", "gb", "en", "https://a.example", "a@b.example",
       "+1 800 555 0100", 0, 1, -1, 91, 1.5, float("inf"), True, False, dt.date(2026, 1, 1), "2026-01-01",
       dt.datetime(2026, 1, 1, 12, 0), [], ["x"], [1], {}, {"en": "x"}, {"xx": "y"}, {"en": None}]


def _places(data, path=()):
    if isinstance(data, dict):
        for k, v in data.items():
            yield path + (k,)
            yield from _places(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data[:1]):
            yield path + (i,)
            yield from _places(v, path + (i,))


def _set(data, path, value):
    for p in path[:-1]:
        data = data[p]
    data[path[-1]] = value


def test_every_place_fails_the_same_way_with_every_kind_of_value():
    base = load_file(REFERENCE).data
    places = list(_places(base))
    assert len(places) > 100
    n = 0
    for k, path in enumerate(places):
        for value in (ODD * 2)[k % len(ODD) : k % len(ODD) + 12]:  # 12 kinds per place, each kind in many places
            data = copy.deepcopy(base)
            _set(data, path, value)
            same(data)
            n += 1
        data = copy.deepcopy(base)  # and a key nobody knows, next to it
        parent = data
        for p in path[:-1]:
            parent = parent[p]
        if isinstance(parent, dict):
            parent["zzz_" + str(path[-1])] = 1
            same(data)
    assert n > 1200


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inventories(), st.data())
def test_drawn_inventories_build_the_same_data(inv, data):
    same(inv)
    # and with one field dropped (a missing required key, or a default)
    places = [p for p in _places(inv) if len(p) <= 3]
    path = data.draw(st.sampled_from(places))
    broken = copy.deepcopy(inv)
    parent = broken
    for p in path[:-1]:
        parent = parent[p]
    if isinstance(parent, dict):
        del parent[path[-1]]
    same(broken)


def test_the_schema_covers_every_model_class():
    """Each model class validates on its own too (defaults such as ReadabilityTarget(max=8))."""
    seen = []

    def visit(cls):
        if cls in seen:
            return
        seen.append(cls)
        core_schema(cls)
        for f in cls.model_fields.values():
            for t in getattr(f.annotation, "__args__", ()) + (f.annotation,):
                if isinstance(t, type) and issubclass(t, Model):
                    visit(t)

    visit(Inventory)
    assert len(seen) >= 20
    assert model.ReadabilityTarget(max=8).max == 8.0
    with pytest.raises(ValidationError):
        model.ReadabilityTarget(max="x")


def test_class_hints_equal_typing_get_type_hints_for_every_model_class():
    """The one-compile-per-class resolution gives exactly what typing.get_type_hints gives."""
    import typing

    import generator.inventory.model  # noqa: F401  (defines every model class)
    from generator.inventory.decl import Model, class_hints

    classes, todo = [], [Model]
    while todo:
        c = todo.pop()
        classes.append(c)
        todo.extend(c.__subclasses__())
    assert len(classes) > 20
    for c in classes:
        assert class_hints(c) == typing.get_type_hints(c, include_extras=True), c.__name__
