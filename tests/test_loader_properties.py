"""Property tests: whatever the file holds, load + parse returns an Inventory or raises InputError
(exit 2 with a message), never anything else; and the rules run on every Inventory without
crashing. Random YAML-ish text, and the reference inventory mutated at the data level (keys
deleted, types swapped, junk inserted) and at the text level (lines duplicated, deleted, cut).
"""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, REFERENCE
from generator.errors import Finding, InputError
from generator.inventory.load import load_text, plain
from generator.inventory.model import Inventory
from generator.inventory.parse import parse
from generator.rules import check_completeness

REFERENCE_TEXT = REFERENCE.read_text(encoding="utf-8")
FIXTURE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.yml")) if p != REFERENCE]

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


def outcome(text: str):
    """load + parse (+ rules). Returns "ok" or "error"; any other exception fails the test."""
    try:
        inv = parse(load_text(text, "fuzz.yml"))
    except InputError as err:
        assert err.problems, "an InputError must carry at least one problem"
        for p in err.problems:
            assert p.message and p.fix and p.loc.file == "fuzz.yml"
        return "error"
    assert isinstance(inv, Inventory)
    findings = check_completeness(inv)
    assert all(isinstance(f, Finding) and f.citation for f in findings)
    return "ok"




REFERENCE_DATA = plain(load_text(REFERENCE_TEXT).data)

# -- random text ----------------------------------------------------------------------------------

TOKENS = [
    "format: 1\n", "organization:\n", "notice:\n", "data:\n", "purposes:\n", "parties:\n", "  - ", "  ", "\n",
    "- ", ": ", "id: x", "name: ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!!python/object ", "<<: ",
    "'", '"', "#", "---\n", "...\n", "\t", "? ", "|\n", ">\n", "~", "true", "NO", "2026-02-30", "1e9",
    "jurisdictions: [eu_gdpr]", "sources: [you]", "\ufeff", "\x85", "\u2028", "%YAML 1.2\n", "@", "`",
]


@SETTINGS
@given(st.text(max_size=300))
def test_random_text_never_crashes(text):
    outcome(text)


@SETTINGS
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join))
def test_yaml_like_text_never_crashes(text):
    outcome(text)


# -- mutated inventories ---------------------------------------------------------------------------

JUNK = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**20), 10**20),
        st.floats(allow_nan=True),
        st.text(max_size=20),
        st.dates(min_value=dt.date(1, 1, 1)),
        st.sampled_from(["", "eu_gdpr", "consent", "US", "GB", "you", "contact", "2 years", "mailto:x", "https://x.example"]),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, path + (i,))


ALL_PATHS = [p for p in _paths(REFERENCE_DATA) if p]


def _mutate(data, path, action, junk):
    import copy

    data = copy.deepcopy(data)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "replace":
        parent[last] = junk
    elif action == "insert" and isinstance(parent, dict):
        parent[f"{last}_x"] = junk
    elif action == "insert" and isinstance(parent, list):
        parent.insert(last, junk)
    elif action == "rename" and isinstance(parent, dict):
        parent[str(last)[::-1] or "k"] = parent.pop(last)
    elif action == "empty":
        parent[last] = type(parent[last])() if isinstance(parent[last], (dict, list, str)) else None
    return data


@settings(SETTINGS, max_examples=150)
@given(
    st.lists(
        st.tuples(st.sampled_from(ALL_PATHS), st.sampled_from(["delete", "replace", "insert", "rename", "empty"]), JUNK),
        min_size=1,
        max_size=3,
    )
)
def test_mutated_reference_never_crashes(mutations):
    data = REFERENCE_DATA
    for path, action, junk in mutations:
        try:
            data = _mutate(data, path, action, junk)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or reshaped this path
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    outcome(text)


@settings(SETTINGS, max_examples=120)
@given(
    st.sampled_from([REFERENCE_TEXT, *FIXTURE_TEXTS]),
    st.lists(st.tuples(st.sampled_from(["dup", "del", "cut", "insert"]), st.integers(0, 10**6), st.text(max_size=10)), min_size=1, max_size=4),
)
def test_text_edits_never_crash(source, edits):
    lines = source.splitlines(keepends=True)
    for action, where, junk in edits:
        i = where % len(lines)
        if action == "dup":  # duplicate keys, duplicate list items
            lines.insert(i, lines[i])
        elif action == "del" and len(lines) > 1:
            del lines[i]
        elif action == "cut":
            lines[i] = lines[i][: where % (len(lines[i]) + 1)] + "\n"
        elif action == "insert":
            pos = where % (len(lines[i]) + 1)
            lines[i] = lines[i][:pos] + junk + lines[i][pos:]
    outcome("".join(lines))


def test_duplicated_line_is_a_clean_error():
    lines = REFERENCE_TEXT.splitlines(keepends=True)
    i = next(n for n, line in enumerate(lines) if line.startswith("  legal_name:"))
    lines.insert(i, lines[i])
    assert outcome("".join(lines)) == "error"


def test_unmutated_inputs_are_ok():
    assert outcome(REFERENCE_TEXT) == "ok"
    assert outcome(yaml.safe_dump(REFERENCE_DATA, allow_unicode=True, sort_keys=False)) == "ok"
    for text in FIXTURE_TEXTS:
        assert outcome(text) == "ok"
