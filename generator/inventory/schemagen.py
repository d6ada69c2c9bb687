"""The JSON Schema of the inventory format (``plainnotice schema``), generated from the model.

pydantic writes the schema of every class and field. What the model checks in a validator, and
that editors should know too, is added here: for each kind of request method, the one field it
takes (:data:`~generator.inventory.model.METHOD_FIELD`), and that an e-mail method's address is
one e-mail address, never a map of languages. ``tests/test_schema_agreement.py`` checks that every
wrong shape the model rejects, the schema rejects too.
"""

from __future__ import annotations

from generator.inventory.model import METHOD_FIELD, Inventory

#: Fields a request method may have besides ``kind``: the per-kind field, and toll_free for a phone.
_METHOD_FIELDS = ("url", "address", "number", "where", "toll_free")


def _method_kinds() -> list[dict]:
    rules = []
    for kind, need in METHOD_FIELD.items():
        allowed = {need} | ({"toll_free"} if kind == "phone" else set())
        refuse = {"not": {}, "description": f"A request method of kind '{kind}' takes '{need}', not this key."}
        then: dict = {"required": [need], "properties": {f: refuse for f in _METHOD_FIELDS if f not in allowed}}
        if kind == "email":
            then["properties"][need] = {"type": "string", "format": "email", "description": "One e-mail address."}
        when = {"const": kind, "description": f"A request method of kind '{kind}'."}
        rules.append({"if": {"properties": {"kind": when}, "required": ["kind"]}, "then": then})
    return rules


def json_schema() -> dict:
    """The JSON Schema of the inventory format, generated from the model."""
    schema = Inventory.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://plainnotice.example/schema/inventory-1.json"
    schema["title"] = "plainnotice data inventory (format 1)"
    schema["$defs"]["RequestMethod"]["allOf"] = _method_kinds()
    return schema
