"""The libyaml fast path of the loader (:func:`generator.inventory.load._compose`, in :mod:`generator.inventory.yamlread`) reads exactly
what the pure-Python loader reads: the same nodes, tags, values, styles and marks (line, column,
index: every location and the character checks use them). Where libyaml cannot read a text the
pure-Python loader reads it again, so every error is PyYAML's own; so the one thing to check is
that libyaml never *accepts* a text differently from PyYAML, or accepts one that PyYAML refuses.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, REFERENCE, REPO
from generator.inventory import yamlread as load  # the readers
from generator.inventory.load import LIMITS, load_text
from test_loader_properties import FIXTURE_TEXTS, REFERENCE_TEXT, SETTINGS, TOKENS

pytestmark = pytest.mark.skipif(load._CParser is None, reason="PyYAML without libyaml")


def _marks(m) -> tuple:
    return (m.line, m.column, m.index)


def _tree(node) -> tuple:
    """A node as data. Styles are compared as the builder could see them: a plain scalar and a
    block collection have style None in PyYAML, "" and False in libyaml (unused by the builder)."""
    head = (type(node).__name__, node.tag, _marks(node.start_mark), _marks(node.end_mark))
    if isinstance(node, yaml.ScalarNode):
        return head + (node.value, node.style or None)  # a plain scalar: libyaml "", PyYAML None
    if isinstance(node, yaml.SequenceNode):
        return head + (bool(node.flow_style), tuple(_tree(c) for c in node.value))
    return head + (bool(node.flow_style), tuple((_tree(k), _tree(v)) for k, v in node.value))


def _read(cls, text: str):
    loader = cls(text)
    try:
        root = loader.get_single_node()
        return ("ok", None if root is None else _tree(root))
    except (yaml.YAMLError, load._LimitHit, load._Differs, RecursionError, UnicodeError):
        return ("error",)
    finally:
        loader.dispose()


def agree(text: str) -> bool:
    """True when libyaml read ``text``. Either way its reading may not differ from PyYAML's."""
    if load._SLOW_ONLY.search(text) or not text.endswith("\n"):
        return False  # never given to libyaml
    fast = _read(load._FastLoader, text)
    if fast[0] == "error":
        return False  # the pure-Python loader reads it again: its own error or its own data
    assert fast == _read(load._Loader, text)
    return True


SHIPPED_YAML = sorted((REPO / "generator").rglob("*.yml")) + sorted(FIXTURES.glob("*.yml"))


@pytest.mark.parametrize("path", SHIPPED_YAML, ids=lambda p: str(p.relative_to(REPO)))
def test_every_shipped_file_reads_the_same_and_fast(path):
    assert agree(path.read_text(encoding="utf-8"))


TRICKY = [
    "a: 1\nb: [1, 2, {c: d}]\n", "a: 'it''s'\n", 'a: "\\u00e9\\/\\x41\\N\\_\\L\\P"\n', "a: |\n  x\n   y\n\n", "a: >-\n  x\n  y\n",
    "a: é ü 漢字 😀\nb: \"😀\"\n", "a: x\r\nb: y\r\n", "a: x\x85b: y\n", "a: x\u2028b: y\n", "? a\n: b\n",
    "a: &x [1]\nb: *x\n", "a: !!str 1\n", "a: !!binary aGVsbG8=\n", "%YAML 1.1\n---\na: 1\n", "--- a\n...\n",
    "a: 1 # c\n#x\n", "a:\n- 1\n-  - 2\n", "a: {x: 1, y}\n", "a: [x: 1]\n", "- ? a\n  : b\n", "a: b: c\n",
    "a:\tb\n", "\ta: 1\n", "a: 'x\n  y'\n", 'a: "x\\\n  y"\n', "a: x\n  y\n", "'a': 1\n\"b\": 2\n", "a: ~\nb: null\n",
    "a: 2026-01-01\nb: 1e3\nc: 0x1f\nd: .inf\ne: yes\n", "a: '" + "x" * 2000 + "'\n", "k" * 1100 + ": 1\n",
    "[" * (LIMITS["max_depth"] + 5) + "]" * (LIMITS["max_depth"] + 5), "a: @x\n", "a: `x`\n", "a: %x\n", "", " ", "#\n",
    "a: \"\\ud800\"\n", "a: \"\\U0010ffff\"\n", "a: -\n", "- - - x\n", "a:\n  - b\n c\n", "a: [1,\n2]\n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_read_the_same(text):
    agree(text)


def test_deep_nesting_is_refused_by_our_depth_limit_not_by_a_crash():
    for text in ("[" * 100_000 + "\n", "{a: " * 100_000 + "\n", "".join(" " * i + "- \n" for i in range(1000))):
        with pytest.raises(Exception) as err:
            load_text(text, "deep.yml")
        assert "max_depth" in str(err.value.problems[0].message) or "YAML syntax error" in str(err.value.problems[0].message)


def test_a_limit_is_hit_at_the_same_place_without_reading_twice():
    """A limit the fast path hits is final: it is the one the pure-Python loader hits, at the same mark."""
    texts = ["k:\n" + "- {a: 1}\n" * 40_000, "[" * 100 + "\n", "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 80)),
             "- " * 70 + "x\n", "k:\n" + "- x\n" * 100_001]
    for text in texts:
        hits = []
        for cls in (load._FastLoader, load._Loader):
            with pytest.raises(load._LimitHit) as hit:
                cls(text).get_single_node()
            hits.append((hit.value.message, _marks(hit.value.mark)))
        assert hits[0] == hits[1], text[:20]


def test_errors_are_pythons_own(monkeypatch):
    """An error found on the fast path is reported as the pure-Python loader reports it."""
    for text in ("a: [1, 2\n", "a: b: c\n", "a: 1\na: 2\n", "a:\tb\n\tc: d\n", "[" * 200, "a: \"\\ud800\"\n"):
        with pytest.raises(Exception) as fast:
            load_text(text, "e.yml")
        monkeypatch.setattr(load, "_CParser", None)
        with pytest.raises(Exception) as slow:
            load_text(text, "e.yml")
        monkeypatch.undo()
        assert type(fast.value) is type(slow.value) and str(fast.value) == str(slow.value)


@settings(SETTINGS, max_examples=1500)
@given(st.lists(st.sampled_from(TOKENS + ["\n", "  ", "x", "a: ", "- ", "{", "[", ", "]), max_size=60).map(lambda t: "".join(t) + "\n"))
def test_yaml_like_text_reads_the_same(text):
    agree(text)


@settings(SETTINGS, max_examples=500)
@given(st.text(max_size=200).map(lambda t: t + "\n"))
def test_random_text_reads_the_same(text):
    agree(text)


@settings(SETTINGS, max_examples=200)
@given(
    st.sampled_from([REFERENCE_TEXT, *FIXTURE_TEXTS]),
    st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(TOKENS + ["x", " ", "  "])), min_size=1, max_size=4),
)
def test_edited_inventories_read_the_same(source, edits):
    for where, token in edits:
        i = where % (len(source) + 1)
        source = source[:i] + token + source[i:]
    agree(source)
