"""The JSON Schema of the inventory format (``plainnotice schema``), generated from the model.

The model classes (:mod:`.model`, :mod:`.entries`) are declared on :class:`~.decl.Model`, which
pydantic-core validates without pydantic itself (:mod:`.decl`). For the JSON Schema,
:func:`pydantic_model` re-declares each class as the pydantic model it stands for -- the same
fields, types, defaults, constraints, descriptions and validators -- and pydantic writes the schema
of every class and field. Only this command (and the tests) import pydantic; ``tests/test_decl.py``
validates inventories with these pydantic models and with :mod:`.decl` and checks that both report
the same errors.

What the model checks in a validator, and that editors should know too, is added here: for each
kind of request method, the one field it takes (:data:`~generator.inventory.model.METHOD_FIELD`),
and that an e-mail method's address is one e-mail address, never a map of languages.
``tests/test_schema_agreement.py`` checks that every wrong shape the model rejects, the schema
rejects too.
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Annotated, Any

import pydantic

from generator.inventory.decl import AfterValidator, FieldInfo, Model, StrictType, resolved_fields
from generator.inventory.model import METHOD_FIELD, Inventory

_MODELS: dict[type, type[pydantic.BaseModel]] = {}


def _field(info: FieldInfo, **extra) -> Any:
    kwargs: dict[str, Any] = dict(extra)
    if info.default_factory is not None:
        kwargs["default_factory"] = info.default_factory
    elif not info.is_required():
        kwargs["default"] = info.default
    for key in ("description", "min_length", "ge", "le", "allow_inf_nan", "json_schema_extra"):
        value = getattr(info, key)
        if value is not None:
            kwargs[key] = value
    return pydantic.Field(**kwargs)


def _meta(m: Any) -> Any:
    if isinstance(m, AfterValidator):
        return pydantic.AfterValidator(m.func)
    if isinstance(m, StrictType):
        return pydantic.Strict()
    if isinstance(m, FieldInfo):
        return _field(m)
    return m


def _type(ann: Any) -> Any:
    origin = typing.get_origin(ann)
    if origin is Annotated:
        inner, *meta = typing.get_args(ann)
        return Annotated[(_type(inner), *(_meta(m) for m in meta))]
    if origin in (typing.Union, types.UnionType):
        return typing.Optional[_type(next(a for a in typing.get_args(ann) if a is not type(None)))]
    if origin is list:
        return list[_type(typing.get_args(ann)[0])]
    if isinstance(ann, type) and issubclass(ann, Model):
        return pydantic_model(ann)
    return ann


def pydantic_model(cls: type[Model]) -> type[pydantic.BaseModel]:
    """The pydantic model that ``cls`` declares."""
    if cls not in _MODELS:
        fields = {}
        for name, info in resolved_fields(cls).items():
            ann = _type(info.annotation)
            if info.metadata:
                ann = Annotated[(ann, *(_meta(m) for m in info.metadata))]
            fields[name] = (ann, _field(info))
        model_checks, field_checks = cls.__validators__
        validators: dict[str, Any] = {}
        for check in model_checks:
            validators[check.__name__] = pydantic.model_validator(mode="after")(check)
        for name, checks in field_checks.items():
            for i, check in enumerate(checks):
                func = check.func if isinstance(check, functools.partial) else check
                validators[f"{func.__name__}_{i}"] = pydantic.field_validator(name, mode=getattr(func, "__field_validator_mode__", "after"))(classmethod(func))
        _MODELS[cls] = pydantic.create_model(
            cls.__name__,
            __config__=pydantic.ConfigDict(extra="forbid", arbitrary_types_allowed=True, validate_default=False),
            __doc__=cls.__doc__,
            __module__=cls.__module__,
            __validators__=validators,
            **fields,
        )
    return _MODELS[cls]


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
    schema = pydantic_model(Inventory).model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://plainnotice.example/schema/inventory-1.json"
    schema["title"] = "plainnotice data inventory (format 1)"
    schema["$defs"]["RequestMethod"]["allOf"] = _method_kinds()
    return schema
