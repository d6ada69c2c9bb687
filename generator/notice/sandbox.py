"""The Jinja environment templates run in: sandboxed, strict, escaping, with our filters.

Templates cannot call methods on inventory strings or read around the model: only model fields,
the properties in :data:`~generator.notice.values.PROPERTIES` and a few attributes of inventory
values are visible, and every value read is wrapped (:class:`~generator.notice.values.Values`).
Jinja never sees data as template code. Compiled templates are cached on disk.
"""

from __future__ import annotations

import functools
import hashlib
import os

import jinja2
from jinja2 import BaseLoader
from jinja2.sandbox import SandboxedEnvironment

from generator.errors import Loc
from generator.inventory.decl import Model
from generator.notice.cache import cache_dir
from generator.notice.filters import FILTERS, KEEP_SRC_FILTERS, REMOVED_FILTERS, keep_src
from generator.notice.grammar import Grammar
from generator.notice.limits import RangeBudget, bounded_filter, check_arguments, check_binop, check_brace_format
from generator.notice.sourcemap import LINE_MARKS_VERSION, LineMarks
from generator.notice.values import PROPERTIES, Src, SrcDate, Values, finalize


class Sandbox(SandboxedEnvironment):
    """Sandboxed Jinja environment that wraps inventory values on every attribute access and
    bounds the work a template may ask for (:mod:`.limits`)."""

    values: Values
    grammar: Grammar | None
    ranges: RangeBudget
    intercepted_binops = frozenset(["*", "**", "%"])

    def call_binop(self, context, operator, left, right):
        check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        check_arguments(args, kwargs, f"{getattr(__obj, '__name__', 'a function')}()")
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value):
        fmt = super().wrap_str_format(value)
        if fmt is not None:
            check_brace_format(getattr(value, "__self__", None))
        return fmt

    def is_safe_attribute(self, obj, attr, value) -> bool:
        if isinstance(obj, (Src, SrcDate)):
            return attr in ("loc", "field", "year", "month", "day")
        if isinstance(obj, Model):
            return attr in type(obj).model_fields or attr in PROPERTIES.get(type(obj).__name__, ())
        if isinstance(obj, Loc):
            return attr in ("file", "line", "col")
        return super().is_safe_attribute(obj, attr, value)

    def getattr(self, obj, attribute):
        value = super().getattr(obj, attribute)
        if isinstance(value, jinja2.Undefined):
            return value
        return self.values.attr(obj, attribute, value)

    def getitem(self, obj, argument):
        value = super().getitem(obj, argument)
        if isinstance(argument, str) and isinstance(obj, Model) and not isinstance(value, jinja2.Undefined):
            return self.values.attr(obj, argument, value)
        return value


class SafeBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, except that a cache file that cannot be read (cut short, not a pickle,
    not code) means compiling the template as without a cache, and one that cannot be written is
    skipped: derived data never stops a run."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged file: compile as before
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # full disk, folder removed...: go on without a cache
            pass


def _bytecode_cache(env: Sandbox) -> jinja2.BytecodeCache | None:
    """Compiled templates cached on disk (keyed by template name and a hash of its source), so
    each run does not recompile all templates. Falls back to no cache if the folder is not
    writable. Same cache folder as the readability tables.

    Compiled code depends on how each filter and test is called (with the environment or
    not) and on how template lines are marked (``LINE_MARKS_VERSION``), so the folder is named
    after those: a plainnotice that changes a filter never runs code compiled for the old one."""
    calls = sorted((kind, name, str(getattr(f, "jinja_pass_arg", ""))) for kind, table in (("f", env.filters), ("t", env.tests)) for name, f in table.items())
    calls.append(("binops", ",".join(sorted(env.intercepted_binops)), ",".join(sorted(env.intercepted_unops))))
    calls.append(("marks", LINE_MARKS_VERSION, ""))
    folder = cache_dir() / "jinja" / hashlib.sha1(repr(calls).encode()).hexdigest()[:16]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    return SafeBytecodeCache(str(folder), "pn-%s.cache")


def make_environment(loader: BaseLoader, values: Values, grammar: Grammar | None = None) -> Sandbox:
    """The environment for one language: ``grammar`` holds its tables (the filters ``country``,
    ``andjoin``, ``orjoin``, ``date``, ``article`` and printed booleans use them)."""
    yes_no = ("yes", "no") if grammar is None else (grammar.profile.yes_no if all(grammar.profile.yes_no) else None)
    env = Sandbox(
        loader=loader,
        autoescape=True,
        finalize=functools.partial(finalize, yes_no=yes_no),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        extensions=[LineMarks],
    )
    env.values = values
    env.grammar = grammar
    for name in REMOVED_FILTERS:
        env.filters.pop(name, None)
    for name in KEEP_SRC_FILTERS:
        env.filters[name] = keep_src(env.filters[name])
    env.filters.update(FILTERS)
    env.filters = {name: bounded_filter(name, f) for name, f in env.filters.items()}
    env.ranges = RangeBudget(env.globals["range"])
    env.globals["range"] = env.ranges
    env.tests["contains"] = lambda seq, item: seq is not None and str(item) in [str(x) for x in seq]
    env.bytecode_cache = _bytecode_cache(env)
    return env
