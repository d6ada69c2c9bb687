"""Stage 1, the loader: locations, YAML 1.2 booleans, duplicate keys, encodings and the limits for
pathological input (each must fail fast, with the limit named)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from conftest import REFERENCE, REPO
from generator.errors import InputError, Loc
from generator.inventory.load import LIMITS, LocatedStr, load_file, load_text



def one_problem(fn, *args):
    with pytest.raises(InputError) as info:
        fn(*args)
    (p,) = info.value.problems
    return p


# -- locations and values --------------------------------------------------------------------


def test_every_value_knows_its_place():
    doc = load_text("a:\n  b: [x, 'y']\n  c:\n    - d: 1\n", "f.yml")
    assert doc.data["a"]["b"][1] == "y"
    assert doc.data["a"]["b"][1].loc == Loc("f.yml", 2, 10)
    assert doc.loc(("a", "b", 0)) == Loc("f.yml", 2, 7)
    assert doc.key_loc(("a", "c")) == Loc("f.yml", 3, 3)
    assert doc.loc(("a", "c", 0, "d")) == Loc("f.yml", 4, 10)
    # a path that is not in the file falls back to its nearest parent
    assert doc.loc(("a", "c", 0, "nope")) == Loc("f.yml", 4, 7)
    assert doc.loc(("zzz",)) == Loc("f.yml", 1, 1)


def test_located_str_is_a_str_and_survives_copying():
    import copy
    import pickle

    s = LocatedStr("hi", Loc("f", 1, 2))
    assert isinstance(s, str) and s == "hi"
    for clone in (copy.deepcopy(s), pickle.loads(pickle.dumps(s))):
        assert clone == "hi" and clone.loc == Loc("f", 1, 2)


@pytest.mark.parametrize(
    "text,value",
    [
        ("NO", "NO"),  # Norway stays a country code
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("true", True),
        ("False", False),
        ("2026-11-01", dt.date(2026, 11, 1)),
        ("'2026-11-01'", "2026-11-01"),
        ("30", 30),
        ("~", None),
    ],
)
def test_yaml_1_2_scalars(text, value):
    got = load_text(f"k: {text}\n").data["k"]
    assert got == value and type(got) is type(value) or isinstance(got, str) and isinstance(value, str)


def test_bom_is_ignored():
    assert load_text("\ufeffk: v\n").data == {"k": "v"}


def test_reference_inventory_loads_with_locations():
    doc = load_file(REFERENCE)
    assert doc.data["format"] == 1
    line = doc.text.splitlines()[doc.loc(("organization", "name")).line - 1]
    assert line.strip() == "name: Fernway"


# -- duplicate keys and odd YAML ---------------------------------------------------------------


def test_duplicate_key_names_both_lines():
    p = one_problem(load_text, "a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n", "f.yml")
    assert p.loc == Loc("f.yml", 5, 3)
    assert p.message == "duplicate key 'c' (first at line 3, again at line 5); YAML would silently keep only the last one"


def test_duplicate_key_in_flow_mapping():
    p = one_problem(load_text, "a: {x: 1, x: 2}\n", "f.yml")
    assert p.loc == Loc("f.yml", 1, 11)
    assert p.message.startswith("duplicate key 'x' (first at line 1, again at line 1)")


def test_anchors_and_aliases_are_allowed_in_moderation():
    doc = load_text("a: &x [1, 2]\nb: *x\n")
    assert doc.data["b"] == [1, 2]


# -- files ------------------------------------------------------------------------------------


def test_not_utf8(tmp_path):
    f = tmp_path / "latin1.yml"
    f.write_bytes("format: 1\nname: Caf\u00e9\n".encode("latin-1"))
    p = one_problem(load_file, f)
    assert p.loc == Loc(str(f), 2, 10)
    assert p.message == "the file is not valid UTF-8 (byte 0xe9)"
    assert "UTF-8" in p.fix


def test_nul_character(tmp_path):
    f = tmp_path / "nul.yml"
    f.write_bytes(b"format: 1\nna\x00me: x\n")
    p = one_problem(load_file, f)
    assert (p.loc.line, p.loc.col) == (2, 3)
    assert p.message == "the file contains a NUL character"


def test_missing_file_and_folder(tmp_path):
    assert one_problem(load_file, tmp_path / "nope.yml").message == "file not found"
    assert one_problem(load_file, tmp_path).message == "this is a folder, not a file"


# -- limits: each pathological input fails fast and names its limit ------------------------------


def timed(fn, *args):
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        fn(*args)
    return time.perf_counter() - start, info.value.problems[0]


BOMB = "\n".join(
    [f"l0: &l0 [{', '.join(['lol'] * 10)}]"]
    + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 10)]
)


def test_alias_bomb():
    took, p = timed(load_text, BOMB, "bomb.yml")
    assert took < 2
    assert "(limit: max_aliases)" in p.message
    assert p.message == "the file reuses anchored values more than 1,000 times (limit: max_aliases)"


def test_alias_bomb_with_few_aliases_hits_the_node_limit():
    # 20 levels of 2 aliases each: only ~40 alias uses in the text, 2**20 values once expanded
    lines = ["l0: &l0 [a, b]"] + [f"l{i}: &l{i} [*l{i - 1}, *l{i - 1}]" for i in range(1, 21)]
    took, p = timed(load_text, "\n".join(lines))
    assert took < 2
    assert "limit: max_aliases" in p.message or "limit: max_nodes" in p.message


def test_alias_loop():
    _, p = timed(load_text, "a: &a [1, *a]\n")
    assert p.message == "an alias refers to the value that contains it (a loop)"


@pytest.mark.parametrize(
    "kind,text",
    [
        ("flow lists", "[" * 50_000 + "]" * 50_000),
        ("flow mappings", "{a: " * 50_000 + "1" + "}" * 50_000),
        ("block lists", "- " * 50_000 + "x\n"),
        ("block mappings", "".join(" " * i + f"k{i}:\n" for i in range(200)) + " " * 200 + "v\n"),
    ],
)
def test_deep_nesting(kind, text):
    took, p = timed(load_text, text, "deep.yml")
    assert took < 2, kind
    assert p.message == "the file nests more than 64 levels deep (limit: max_depth)"
    assert p.loc.line >= 1 and p.loc.col >= 1


def test_huge_file_is_refused_before_reading(tmp_path):
    f = tmp_path / "big.yml"
    with f.open("wb") as out:
        out.write(b"format: 1\nnotes: '")
        out.write(b"a" * (20 * 1024 * 1024))
        out.write(b"'\n")
    took, p = timed(load_file, f)
    assert took < 2
    assert p.message == "the file is 20.0 MiB, larger than the 4 MiB limit (limit: max_bytes)"
    assert p.loc == Loc(str(f))


def test_huge_text_is_refused():
    took, p = timed(load_text, "k: '" + "a" * (LIMITS["max_bytes"] + 1) + "'\n")
    assert took < 2
    assert p.message == "the file is larger than 4 MiB (limit: max_bytes)"


def test_too_many_lines():
    took, p = timed(load_text, "k: 1\n" * 150_000)
    assert took < 2
    assert p.message == "the file has 150,001 lines, more than the 100,000 line limit (limit: max_lines)"


def test_too_many_values_on_one_line():
    text = "k: [" + "1," * (LIMITS["max_nodes"] + 10) + "1]\n"
    took, p = timed(load_text, text)
    assert took < 2  # refused before parsing: lines + commas bound the number of values
    assert p.message == (
        "the file has 100,012 lines and commas, so it can hold more than the 100,000 values plainnotice reads (limit: max_nodes)"
    )


def test_too_many_values_counted_while_parsing():
    # 40,000 lines of '- {a: 1}' are 160,000 values but only 40,000 lines and no commas
    text = "k:\n" + "- {a: 1}\n" * 40_000
    took, p = timed(load_text, text)
    assert took < 20  # pure-Python YAML reads ~40,000 values a second; the limit bounds the time
    assert p.message == "the file has more than 100,000 values (limit: max_nodes)"


def test_limits_leave_room_for_large_real_inventories():
    """The benchmark's 100x inventory (0.7 MB, ~50,000 values) must stay well inside every limit."""
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    try:
        from synth import dump, make_inventory
    except ImportError:  # pragma: no cover - bench is optional
        pytest.skip("bench/synth.py not available")
    finally:
        sys.path.remove(str(REPO / "bench"))
    text = dump(make_inventory(100), 100)
    assert len(text.encode()) < LIMITS["max_bytes"] / 2
    assert text.count("\n") < LIMITS["max_lines"] / 2
    doc = load_text(text, "100x.yml")
    assert len(doc.locs) < LIMITS["max_nodes"]


def test_control_character_is_a_clean_error():
    p = one_problem(load_text, "a: b\nc: d\x07e\n", "f.yml")
    assert p.loc == Loc("f.yml", 2, 5)
    assert p.message == "the file contains the control character U+0007, which YAML does not allow"
