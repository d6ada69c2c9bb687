"""How the model classes are declared and validated, without importing pydantic.

The model (:mod:`.model`) is written the way pydantic models are written -- ``Field(...)``,
``PrivateAttr``, ``model_validator``, ``field_validator``, ``Annotated[str, AfterValidator(f)]`` --
but on :class:`Model`, a small base class of ours. Validation runs in **pydantic-core** (the Rust
engine under pydantic) on a core schema built here from the declarations (:func:`core_schema`), so
every check, error type and message is pydantic's own, while a command does not pay for importing
pydantic and generating its schemas (about 0.15 s of every run, most of a quarter-second budget).
Full pydantic is used only where it is needed: the JSON Schema of the format (:mod:`.schemagen`).

``tests/test_schema.py`` checks that the core schema built here is the one pydantic builds from
the same declarations, so validation is pydantic's, exactly.
"""

from __future__ import annotations

import datetime as _dt
import functools
import sys
import types
import typing
from enum import Enum
from typing import Any, Annotated, Callable, ClassVar

from pydantic_core import PydanticUndefined, SchemaValidator
from pydantic_core import core_schema as cs

__all__ = [
    "AfterValidator", "FieldInfo", "Field", "Model", "PrivateAttr", "StrictType", "field_validator",
    "model_validator", "resolve_all", "resolved_fields",
]


class AfterValidator:
    """``Annotated[str, AfterValidator(check)]``: ``check(value)`` runs after the type's own check."""

    __slots__ = ("func",)

    def __init__(self, func: Callable):
        self.func = func

    def __repr__(self) -> str:
        return f"AfterValidator({self.func.__name__})"


class StrictType:
    """``Annotated[int, StrictType()]``: no conversion (``"30"`` is not a whole number, ``1`` is not ``true``)."""

    __slots__ = ()


class FieldInfo:
    """One field: its default, constraints and description. After :func:`resolved_fields`,
    ``annotation`` is the resolved type (its outer ``Annotated`` extras moved to ``metadata``),
    as pydantic's ``FieldInfo`` has them."""

    __slots__ = ("default", "default_factory", "description", "min_length", "ge", "le", "allow_inf_nan",
                 "json_schema_extra", "annotation", "metadata", "name")

    def __init__(self, default: Any = PydanticUndefined, *, default_factory: Callable | None = None,
                 description: str | None = None, min_length: int | None = None, ge: int | None = None,
                 le: int | None = None, allow_inf_nan: bool | None = None, json_schema_extra: dict | None = None):
        self.default = default
        self.default_factory = default_factory
        self.description = description
        self.min_length = min_length
        self.ge = ge
        self.le = le
        self.allow_inf_nan = allow_inf_nan
        self.json_schema_extra = json_schema_extra
        self.annotation: Any = None
        self.metadata: list = []
        self.name = ""

    def is_required(self) -> bool:
        return self.default is PydanticUndefined and self.default_factory is None

    def get_default(self, *, call_default_factory: bool = False) -> Any:
        if self.default_factory is not None:
            return self.default_factory() if call_default_factory else None
        return None if self.default is PydanticUndefined else self.default

    def constraints(self) -> dict:
        """The constraints set on this field, by pydantic's names."""
        return {k: getattr(self, k) for k in ("min_length", "ge", "le", "allow_inf_nan") if getattr(self, k) is not None}

    def __repr__(self) -> str:
        return f"FieldInfo({self.name}: {self.annotation!r})"


def Field(default: Any = PydanticUndefined, **kwargs) -> Any:  # noqa: N802 - pydantic's spelling
    """A field's default, constraints (``min_length``, ``ge``, ``le``, ``allow_inf_nan``), description
    and ``json_schema_extra``; used as a class attribute or inside ``Annotated``."""
    return FieldInfo(default, **kwargs)


class _Private:
    __slots__ = ("default", "default_factory")

    def __init__(self, default: Any = None, default_factory: Callable | None = None):
        self.default, self.default_factory = default, default_factory

    def make(self) -> Any:
        return self.default_factory() if self.default_factory is not None else self.default


def PrivateAttr(default: Any = None, *, default_factory: Callable | None = None) -> Any:  # noqa: N802
    """An attribute that is not part of the format (cross-references filled in later)."""
    return _Private(default, default_factory)


def model_validator(*, mode: str = "after") -> Callable:
    """``@model_validator(mode="after")``: ``check(self)`` runs once every field is valid; it raises
    ``PydanticCustomError`` or returns ``self``."""
    if mode != "after":
        raise ValueError("only mode='after' is supported")

    def mark(func: Callable) -> Callable:
        func.__model_validator__ = True
        return func

    return mark


def field_validator(*names: str, mode: str = "after") -> Callable:
    """``@field_validator("address") @classmethod def check(cls, value, info)``: runs after the
    field's own check, with ``info.data`` holding the fields validated before it.
    ``mode="wrap"``: ``check(cls, value, handler)`` gets the raw value and calls ``handler`` itself
    (an older form of a field read into the new one)."""
    if mode not in ("after", "wrap"):
        raise ValueError("only mode='after' or 'wrap' is supported")

    def mark(method):
        func = method.__func__ if isinstance(method, classmethod) else method
        func.__field_validator__ = names
        func.__field_validator_mode__ = mode
        return method

    return mark


class Model:
    """The base of every model class: declared fields (``model_fields``), unknown keys refused,
    validated by pydantic-core (``model_validate``), dumped like pydantic (``model_dump``)."""

    __slots__ = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")

    model_fields: ClassVar[dict[str, FieldInfo]] = {}
    __private__: ClassVar[dict[str, _Private]] = {}
    __validators__: ClassVar[tuple[list, dict]] = ([], {})

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        fields: dict[str, FieldInfo] = {}
        private: dict[str, _Private] = {}
        for base in reversed(cls.__mro__[1:]):
            fields.update(getattr(base, "model_fields", {}))
            private.update(getattr(base, "__private__", {}))
        for name in cls.__dict__.get("__annotations__", {}):
            value = cls.__dict__.get(name, PydanticUndefined)
            if isinstance(value, _Private) or name.startswith("_"):
                private[name] = value if isinstance(value, _Private) else _Private(None if value is PydanticUndefined else value)
            else:
                info = value if isinstance(value, FieldInfo) else FieldInfo(value)
                info.name = name
                fields[name] = info
            if name in cls.__dict__:
                delattr(cls, name)
        model_checks, field_checks = [], {}
        for attr in cls.__dict__.values():
            func = attr.__func__ if isinstance(attr, classmethod) else attr
            if getattr(func, "__model_validator__", False):
                model_checks.append(func)
            for name in getattr(func, "__field_validator__", ()):
                field_checks.setdefault(name, []).append(functools.partial(func, cls) if isinstance(attr, classmethod) else func)
        cls.model_fields = fields
        cls.__private__ = private
        cls.__validators__ = (model_checks, field_checks)
        cls.__schema_validator__ = None

    def __init__(self, **data):
        type(self)._validator().validate_python(data, self_instance=self)

    def model_post_init(self, _context) -> None:
        for name, p in type(self).__private__.items():
            object.__setattr__(self, name, p.make())

    @classmethod
    def _validator(cls) -> SchemaValidator:
        if cls.__dict__.get("__schema_validator__") is None:
            cls.__schema_validator__ = SchemaValidator(core_schema(cls))
        return cls.__schema_validator__

    @classmethod
    def model_validate(cls, data: Any):
        """Validate ``data`` into an instance; raises ``pydantic_core.ValidationError``."""
        return cls._validator().validate_python(data)

    @property
    def model_fields_set(self) -> set[str]:
        """The fields the data gave (not filled from a default), as pydantic's ``model_fields_set``."""
        return self.__pydantic_fields_set__

    def model_dump(self, *, mode: str = "python", exclude_none: bool = False) -> dict:
        """The fields as plain data (``mode="json"``: enums as values, dates as ISO text), like pydantic's."""
        return {k: v for k, v in ((name, _dump(getattr(self, name), mode, exclude_none)) for name in type(self).model_fields)
                if not (exclude_none and v is None)}

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in type(self).model_fields)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={getattr(self, k)!r}" for k in type(self).model_fields)
        return f"{type(self).__name__}({inner})"


def _dump(value: Any, mode: str, exclude_none: bool) -> Any:
    if isinstance(value, Model):
        return value.model_dump(mode=mode, exclude_none=exclude_none)
    if isinstance(value, list):
        return [_dump(v, mode, exclude_none) for v in value]
    dump = getattr(type(value), "__dump__", None)  # Text: its own serialiser
    if dump is not None:
        return dump(value)
    if mode == "json":
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, (_dt.date, _dt.datetime)):
            return value.isoformat()
    if isinstance(value, str) and type(value) is not str and not isinstance(value, Enum):
        return str(value)
    return value


# --------------------------------------------------------------------------------------------
# Declarations -> resolved types -> pydantic-core schema
# --------------------------------------------------------------------------------------------


def class_hints(cls: type) -> dict[str, Any]:
    """``typing.get_type_hints(cls, include_extras=True)`` for our declarations, whose annotations are
    plain expressions (``from __future__ import annotations``, no quoted names inside): each class's
    annotations are compiled as one expression, not one each (about 7 ms of every command that
    imports the model). The names are looked up as ``get_type_hints`` looks them up: the class's own
    namespace first, then its module's."""
    hints: dict[str, Any] = {}
    for base in reversed(cls.__mro__):
        ann = base.__dict__.get("__annotations__")
        if not ann or isinstance(ann, types.GetSetDescriptorType):
            continue
        names, exprs = list(ann), list(ann.values())
        strings = [i for i, e in enumerate(exprs) if isinstance(e, str)]
        if strings:
            module = getattr(sys.modules.get(base.__module__), "__dict__", {})
            code = compile("(" + ", ".join(f"({exprs[i]})" for i in strings) + ",)", f"<annotations of {base.__qualname__}>", "eval")
            for i, value in zip(strings, eval(code, dict(vars(base)), module)):  # noqa: S307 (our own source)
                exprs[i] = value
        for name, value in zip(names, exprs):
            hints[name] = type(None) if value is None else value  # as get_type_hints writes None
    return hints


def resolved_fields(cls: type[Model]) -> dict[str, FieldInfo]:
    """``cls.model_fields`` with every annotation resolved (forward references too), once."""
    if not cls.__dict__.get("__resolved__"):
        hints = class_hints(cls)
        for name, info in cls.model_fields.items():
            ann = hints[name]
            meta: list = []
            if typing.get_origin(ann) is Annotated:
                ann, *meta = typing.get_args(ann)
            info.annotation, info.metadata = ann, meta
        cls.__resolved__ = True
    return cls.model_fields


def resolve_all(cls: type[Model]) -> None:
    """:func:`resolved_fields` for ``cls`` and every model class its fields hold."""
    todo, seen = [cls], set()
    while todo:
        c = todo.pop()
        if c in seen:
            continue
        seen.add(c)
        for f in resolved_fields(c).values():
            todo.extend(t for t in _leaves(f.annotation) if isinstance(t, type) and issubclass(t, Model))


def _leaves(ann: Any) -> list:
    args = typing.get_args(ann)
    if typing.get_origin(ann) is Annotated:
        args = args[:1]
    return [x for a in args for x in _leaves(a)] if args else [ann]


def core_schema(cls: type[Model]) -> dict:
    """The pydantic-core schema that validates ``cls``: the schema pydantic generates for the same
    declarations (without the parts only its JSON Schema uses), written with pydantic-core's own
    schema functions."""
    fields = {}
    model_checks, field_checks = cls.__validators__
    for name, info in resolved_fields(cls).items():
        schema = _type_schema(info.annotation, info.metadata, info.constraints())
        for check in field_checks.get(name, ()):
            func = check.func if isinstance(check, functools.partial) else check
            if getattr(func, "__field_validator_mode__", "after") == "wrap":
                schema = cs.no_info_wrap_validator_function(check, schema)
            else:
                schema = cs.with_info_after_validator_function(check, schema)
        if info.default_factory is not None:
            schema = cs.with_default_schema(schema, default_factory=info.default_factory)
        elif not info.is_required():
            schema = cs.with_default_schema(schema, default=info.default)
        fields[name] = cs.model_field(schema)
    schema = cs.model_schema(
        cls,
        cs.model_fields_schema(fields, model_name=cls.__name__, computed_fields=[]),
        custom_init=False,
        root_model=False,
        post_init="model_post_init" if cls.__private__ else None,
        config=cs.CoreConfig(extra_fields_behavior="forbid", title=cls.__name__, validate_default=False),
    )
    for check in model_checks:
        schema = cs.no_info_after_validator_function(check, schema)
    return schema


def _type_schema(ann: Any, metadata: list, constraints: dict) -> dict:
    checks: list[Callable] = []
    strict = False
    for m in metadata:
        if isinstance(m, AfterValidator):
            checks.append(m.func)
        elif isinstance(m, StrictType):
            strict = True
        elif isinstance(m, FieldInfo):
            constraints = {**m.constraints(), **constraints}
    origin = typing.get_origin(ann)
    if origin is Annotated:
        inner, *extra = typing.get_args(ann)
        return _wrap(_type_schema(inner, extra + [m for m in metadata if not isinstance(m, AfterValidator)], constraints), checks)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(ann) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"unsupported field type {ann!r}: use Optional[X]")
        return _wrap(cs.nullable_schema(_type_schema(args[0], metadata, constraints)), checks)
    if origin is list:
        (item,) = typing.get_args(ann)
        return _wrap(cs.list_schema(_type_schema(item, [], {}), min_length=constraints.get("min_length")), checks)
    if isinstance(ann, type) and issubclass(ann, Model):
        return _wrap(core_schema(ann), checks)
    if isinstance(ann, type) and issubclass(ann, Enum):
        return _wrap(cs.enum_schema(ann, list(ann), sub_type="str"), checks)
    hook = getattr(ann, "__core_schema__", None)  # Text validates itself
    if hook is not None:
        return _wrap(hook(), checks)
    c = constraints
    strict_or_none = True if strict else None
    if ann is str:
        schema = cs.str_schema(min_length=c.get("min_length"), strict=strict_or_none)
    elif ann is bool:
        schema = cs.bool_schema(strict=strict_or_none)
    elif ann is int:
        schema = cs.int_schema(ge=c.get("ge"), le=c.get("le"), strict=strict_or_none)
    elif ann is float:
        schema = cs.float_schema(allow_inf_nan=c.get("allow_inf_nan"), ge=c.get("ge"), le=c.get("le"), strict=strict_or_none)
    elif ann is _dt.date:
        schema = cs.date_schema(strict=strict_or_none)
    else:
        raise TypeError(f"unsupported field type {ann!r}")
    return _wrap(schema, checks)


def _wrap(schema: dict, checks: list[Callable]) -> dict:
    for check in checks:
        schema = cs.no_info_after_validator_function(check, schema)
    return schema
