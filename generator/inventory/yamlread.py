"""The YAML readers under the loader (:mod:`.load`): PyYAML's safe loader with YAML 1.2 booleans
and the depth and node limits checked while composing, and the same loader on libyaml's C scanner
and parser, which reads a valid inventory about ten times faster. :func:`_compose` uses the fast one
when it can, and the pure-Python one for every error, so messages and locations are PyYAML's.
"""

from __future__ import annotations

import re

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

#: Limits for pathological input. Each is far above what a real inventory needs: the reference
#: inventory is 10 KB, 300 lines, nests 5 deep and has about 600 values; the 100x synthetic
#: inventory of the benchmark is 0.7 MB, 28,000 lines and 50,000 values. The pure-Python YAML
#: reader handles about 20,000-40,000 values a second, so the node limit also bounds the time spent.
LIMITS = {
    "max_bytes": 4 * 1024 * 1024,  # 4 MiB of YAML, checked before reading
    "max_lines": 100_000,  # lines, counted before parsing
    "max_depth": 64,  # nested mappings/lists, checked while parsing
    "max_nodes": 100_000,  # values, counted while parsing and again after expanding aliases
    "max_aliases": 1_000,  # alias uses (*name): stops "billion laughs" bombs
}

class _LimitHit(Exception):
    def __init__(self, message: str, mark):
        self.message = message
        self.mark = mark


class _DepthLimit:
    """The nesting-depth and node-count limits, checked as each node is composed."""

    def _start_limits(self) -> None:
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent, index):
        self._depth += 1
        self._nodes += 1
        try:
            if self._nodes > LIMITS["max_nodes"]:
                raise _LimitHit(
                    f"the file has more than {LIMITS['max_nodes']:,} values (limit: max_nodes)",
                    self.peek_event().start_mark,
                )
            if self._depth > LIMITS["max_depth"]:
                raise _LimitHit(
                    f"the file nests more than {LIMITS['max_depth']} levels deep (limit: max_depth)",
                    self.peek_event().start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Loader(_DepthLimit, yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans and a nesting-depth limit while composing."""

    yaml_implicit_resolvers = {k: list(v) for k, v in Resolver.yaml_implicit_resolvers.items()}

    def __init__(self, stream):
        super().__init__(stream)
        self._start_limits()


try:  # PyYAML built with libyaml (the wheels on PyPI are)
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - a PyYAML without libyaml: the pure-Python loader only
    _CParser = None


if _CParser is not None:

    class _FastLoader(_DepthLimit, Composer, _CParser, SafeConstructor, Resolver):
        """The same loader with libyaml's scanner and parser (C, about 10x faster) under our own
        Python composer, so the depth, node and alias limits are checked exactly as in
        :class:`_Loader` -- libyaml's own composer recurses in C and crashes on deep nesting; its
        parser does not recurse. Used only for a successful read: see :func:`_compose`."""

        yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers

        def __init__(self, stream):
            _CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self._start_limits()

        def compose_node(self, parent, index):
            if parent is not None and parent.flow_style and self.check_event(yaml.ScalarEvent):
                event = self.peek_event()
                if event.value == "" and event.style in ("", None) and event.implicit[0]:
                    raise _Differs  # libyaml marks an empty value in {...} / [...] one place further on
            return super().compose_node(parent, index)

        def dispose(self) -> None:
            pass


class _Differs(Exception):
    """Text the two readers read differently: the pure-Python loader reads it."""

#: What either reader refuses; a byte order mark inside the text (libyaml skips one at the start of
#: any line, PyYAML only at the start of the file); a tab (libyaml accepts some that PyYAML
#: refuses, "a:<tab>b"). Text with one of these goes the pure-Python way, and so does text that
#: does not end with a line break (libyaml marks what ends the file on a line of its own).
_SLOW_ONLY = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
#: (Written as the characters it finds, not as the complement of what YAML allows: that class,
#: with its ranges up to U+10FFFF, takes about 20 ms to compile, in every process.)


def _compose(text: str):
    """(loader, root node) for ``text``, composed by libyaml when it can read the text without an
    error, else by the pure-Python loader (which then raises its own error, so every message and
    location is the one PyYAML gives). ``tests/test_load_fast.py`` checks that both give the same
    nodes, marks included."""
    if _CParser is not None and text.endswith("\n") and not _SLOW_ONLY.search(text):
        loader = _FastLoader(text)
        try:
            return loader, loader.get_single_node()
        except _LimitHit:
            raise  # the same limit at the same place as the pure-Python loader (tests/test_load_fast.py)
        except (yaml.YAMLError, _Differs, RecursionError, UnicodeError):
            pass  # read it again the slow way, for the error as PyYAML words it
    loader = _Loader(text)
    return loader, loader.get_single_node()


# YAML 1.2 core schema booleans: only true/false. "yes", "no", "on", "off" stay strings.
for _first in list(_Loader.yaml_implicit_resolvers):
    _Loader.yaml_implicit_resolvers[_first] = [
        (tag, rx) for tag, rx in _Loader.yaml_implicit_resolvers[_first] if tag != "tag:yaml.org,2002:bool"
    ]
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
