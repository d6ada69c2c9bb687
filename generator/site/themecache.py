"""Compiled theme templates kept between builds.

MkDocs compiles every template of the theme (Material: 30 of them, about 0.25 s) in every build and
``serve`` reload; it keeps no compiled code. The theme's Jinja environment gets a bytecode cache
here, in the cache folder plainnotice already keeps (:func:`generator.notice.cache.cache_dir`),
so a template is compiled again only when its source changes.

Jinja's own cache key is the template's name, file and source; compiled code also depends on the
environment (syntax settings, extensions, which filters and tests exist and what they are passed),
so the key here adds a fingerprint of all of that, taken when the first template is loaded (after
every plugin's ``on_env``). A folder that cannot be written, or a damaged cache file, only means
the template is compiled as before.
"""

from __future__ import annotations

import hashlib
import os

import jinja2

from generator.notice.cache import cache_dir
from generator.notice.sandbox import SafeBytecodeCache

FORMAT = 1  # bump when the fingerprint or the layout changes


def _name(obj) -> str:
    if obj is None or isinstance(obj, (bool, int, str)):
        return repr(obj)
    return f"{getattr(obj, '__module__', '')}.{getattr(obj, '__qualname__', type(obj).__qualname__)}"


def fingerprint(env: jinja2.Environment) -> str:
    """Everything about ``env`` that changes the code Jinja compiles a template to."""
    parts = [
        f"plainnotice-theme-cache {FORMAT}",
        f"jinja2 {jinja2.__version__}",
        _name(type(env)),
        repr((env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
              env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
              env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
              env.optimized, env.is_async, getattr(env, "newstyle_gettext", None))),
        "autoescape " + _name(env.autoescape),
        "finalize " + _name(env.finalize),
        "undefined " + _name(env.undefined),
        "extensions " + ",".join(sorted(env.extensions)),
    ]
    for kind, table in (("filter", env.filters), ("test", env.tests)):
        for name in sorted(table):
            parts.append(f"{kind} {name} {getattr(table[name], 'jinja_pass_arg', '')}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


class ThemeBytecodeCache(SafeBytecodeCache):
    def __init__(self, env: jinja2.Environment, directory: str):
        super().__init__(directory, "mk-%s.cache")
        self.env = env
        self._fingerprint: str | None = None

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        if self._fingerprint is None:
            self._fingerprint = fingerprint(self.env)
        return hashlib.sha1(f"{self._fingerprint}|{name}|{filename}".encode("utf-8")).hexdigest()


def add_theme_cache(env: jinja2.Environment) -> jinja2.Environment:
    """Give MkDocs' theme environment a bytecode cache (unless it has one or none can be written)."""
    if env.bytecode_cache is not None:
        return env
    folder = cache_dir() / "jinja-theme"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env
    if os.access(folder, os.W_OK):
        env.bytecode_cache = ThemeBytecodeCache(env, str(folder))
    return env
