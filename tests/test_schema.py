"""The JSON Schema and the format reference are generated from the model and committed.

If a test here fails after a model change, regenerate both:

    .venv/bin/python -m generator schema --out generator/schema/inventory.schema.json
    .venv/bin/python -m generator.rules.refdoc > docs/inventory-format.md
"""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum

import pytest

from conftest import COMPANIES, REFERENCE, REPO, SHIPPED
from generator.inventory.decl import Model
from generator.rules import refdoc
from generator.cli import main
from generator.inventory.fields import shape
from generator.inventory.load import LIMITS, load_file
from generator.inventory.model import Inventory
from generator.inventory.schemagen import json_schema
from generator.rules import RULES

SCHEMA = REPO / "generator" / "schema" / "inventory.schema.json"
REFERENCE_DOC = REPO / "docs" / "inventory-format.md"
INVENTORIES = [SHIPPED, *COMPANIES.values()]


def test_committed_schema_is_the_generated_one():
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == json_schema()


def test_schema_command_prints_the_committed_schema(capsys):
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == SCHEMA.read_text(encoding="utf-8")


def _properties(node, path=""):
    """Every (path, property schema) in the schema, however deeply nested."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{path}/{name}", sub
        for key, sub in node.items():
            if key != "properties":
                yield from _properties(sub, f"{path}/{key}")
        for name, sub in node.get("properties", {}).items():
            yield from _properties(sub, f"{path}/{name}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            yield from _properties(sub, f"{path}[{i}]")


def test_every_field_has_a_description():
    schema = json_schema()
    props = list(_properties(schema))
    assert len(props) > 100
    missing = [p for p, sub in props if not sub.get("description")]
    assert missing == []
    for name, definition in schema["$defs"].items():
        assert definition.get("description"), name


def test_every_enum_value_has_a_meaning_for_editors():
    schema = json_schema()
    enums = {k: v for k, v in schema["$defs"].items() if "enum" in v}
    assert {"LegalBasis", "Jurisdiction", "TransferSafeguard", "RequestKind"} <= set(enums)
    for name, d in enums.items():
        notes = d["markdownEnumDescriptions"]
        assert len(notes) == len(d["enum"]), name
        for value, note in zip(d["enum"], notes):
            assert note.startswith(f"`{value}`: ") and len(note) > len(value) + 10, (name, value)


@pytest.mark.parametrize("path", INVENTORIES, ids=[p.name for p in INVENTORIES])
def test_schema_accepts_valid_inventories(path):
    jsonschema = pytest.importorskip("jsonschema")
    data = _json_ready(load_file(path).data)
    jsonschema.validate(data, json_schema(), cls=jsonschema.Draft202012Validator)


def test_schema_rejects_an_unknown_key_and_a_bad_enum():
    jsonschema = pytest.importorskip("jsonschema")
    data = _json_ready(load_file(REFERENCE).data)
    validator = jsonschema.Draft202012Validator(json_schema())
    data["organization"]["nmae"] = "x"
    data["purposes"][0]["legal_basis"] = "because"
    messages = sorted(e.message for e in validator.iter_errors(data))
    assert any("'nmae' was unexpected" in m for m in messages)
    assert any(m.startswith("'because' is not") for m in messages)


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


def test_shipped_inventory_points_editors_at_the_schema():
    first = SHIPPED.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=generator/schema/inventory.schema.json"
    assert (REPO / "generator/schema/inventory.schema.json").is_file()


# -- the format reference ------------------------------------------------------------------------


def test_committed_reference_is_the_generated_one():
    assert REFERENCE_DOC.read_text(encoding="utf-8") == refdoc.render()


def _models():
    seen, todo = [], [Inventory]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.append(cls)
        for f in cls.model_fields.values():
            base = shape(f.annotation).base
            if isinstance(base, type) and issubclass(base, Model):
                todo.append(base)
    return seen


def test_reference_lists_every_field_with_its_description():
    text = refdoc.render()
    for cls in _models():
        for name, f in cls.model_fields.items():
            row = next((line for line in text.splitlines() if line.startswith(f"| `{name}` |") and refdoc._cell(f.description or "")[:30] in line), None)
            assert row, f"{cls.__name__}.{name} is missing from the reference"
            assert ("| yes |" in row) == f.is_required(), f"{cls.__name__}.{name}: required column"


def test_reference_lists_every_enum_value_with_its_meaning():
    text = refdoc.render()
    enums = set()
    for cls in _models():
        for f in cls.model_fields.values():
            base = shape(f.annotation).base
            if isinstance(base, type) and issubclass(base, Enum):
                enums.add(base)
    assert len(enums) >= 10
    for e in enums:
        assert f"### {e.__name__}" in text
        for member in e:
            assert f"| `{member.value}` | {member.note} |" in text


def test_reference_lists_rules_and_limits():
    text = refdoc.render()
    for r in RULES:
        assert f"| `{r.id}` |" in text and r.citation() in text
    for name, value in LIMITS.items():
        assert f"| `{name}` |" in text
    assert "| `max_bytes` | 4 MiB |" in text and "| `max_depth` | 64 |" in text


def test_reference_sections_cover_every_model():
    text = refdoc.render()
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    for title in ("Top level", "organization", "data[]", "data[].retention", "requests.methods[]", "purposes[].automated_decision"):
        assert title in headings
