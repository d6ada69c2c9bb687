"""Bounded work (issue 9, item 3): every stage is linear in its input, and nothing is read without bound.

The reproductions of the issue, each of which hung or took minutes before:

* a 150 KB value of short sentences (32 s), a 40,000-character token in ``retention.after`` (125 s);
* ``/dev/zero`` or ``/dev/urandom`` as the inventory (all memory), a FIFO with no writer (forever);
* ``plainnotice score`` with no size limit.

Timing tests compare a size with four times that size in the same process (min of three runs),
so a slow or busy machine slows both: linear work takes about 4x, the old quadratic work 16x.
"""

from __future__ import annotations

import json
import os
import threading
import time

import pytest

from conftest import REFERENCE, variant
from generator.cli import main
from generator.errors import InputError
from generator.inventory import userfiles
from generator.inventory.load import LIMITS, load_file
from generator.readability.gate import _outside
from generator.readability.score import read_input
from generator.readability.sentences import LONG_TOKEN, name_spans, sentences
from generator.readability.textprep import Unit


def best_of(fn, *args, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - start)
    return min(times)


def growth(fn, small, large) -> float:
    """Time for ``large`` over time for ``small`` (``large`` is 4x the input)."""
    return best_of(fn, large) / max(best_of(fn, small), 1e-4)


# -- the stages are linear --------------------------------------------------------------------


def split(text: str) -> int:
    return len(sentences(Unit("paragraph", text)))


def test_sentence_splitter_is_linear():
    small, large = "We keep it. " * 4000, "We keep it. " * 16000
    assert split(small) == 4000
    assert growth(split, small, large) < 8


def test_name_scan_is_linear_on_a_long_token():
    for token in ("a" * 40_000, "a." * 20_000 + "com", "x@" * 20_000, "1" + "a" * 40_000):
        start = time.perf_counter()
        spans = name_spans(f"We keep {token} for you.")
        assert time.perf_counter() - start < 1, token[:10]
        assert spans == [(8, 8 + len(token))]  # a run of over LONG_TOKEN characters is one name
    assert name_spans("see " + "a" * LONG_TOKEN) == []  # a long word is still a word
    assert growth(name_spans, "abcdefgh." * 2_000, "abcdefgh." * 8_000) < 8


def test_names_between_tokens_are_a_sweep():
    toks = [("w", i * 10, i * 10 + 4) for i in range(20_000)]
    names = [(i * 10 + 5, i * 10 + 8) for i in range(20_000)]
    assert _outside(toks, names) == toks
    assert _outside(toks, [(0, 2), (12, 22)]) == toks[3:]


def test_check_a_sentence_of_many_names(tmp_path, capsys):
    """Every word of a sentence was compared with every name in it (25 s for 80 KB of e-mail addresses)."""
    code, took = _check_value(tmp_path, " ".join(f"a{i}@example.com" for i in range(10_000)), "names")
    capsys.readouterr()
    assert code == 1 and took < 15


def _check_value(tmp_path, value: str, name: str):
    path = tmp_path / f"{name}.yml"
    path.write_text(variant(("after: you close your account", "after: '" + value + "'")), encoding="utf-8")
    start = time.perf_counter()
    code = main(["check", str(path), "--format", "json"])
    return code, time.perf_counter() - start


def test_check_a_150kb_value_of_short_sentences(tmp_path, capsys):
    """32 s before (the splitter sliced the rest of the text at every full stop)."""
    code, took = _check_value(tmp_path, " ".join(["We keep it."] * 12_500), "short")
    capsys.readouterr()
    assert code == 0 and took < 20


def test_check_a_40k_token(tmp_path, capsys):
    """125 s before (the name pattern backtracked through the token at every character)."""
    code, took = _check_value(tmp_path, "a" * 40_000, "token")
    capsys.readouterr()
    assert code == 0 and took < 10


def test_check_long_sentences_are_located_in_one_pass(tmp_path, capsys):
    """Each long sentence of a long value was searched for from the value's start (45 s for 200 KB)."""
    words = "we keep your data safe and only use it to run the service for you".split()
    text = " ".join(f"Item {i} " + " ".join(words[(i + k) % len(words)] for k in range(30)) + "." for i in range(300))
    path = tmp_path / "long.yml"
    path.write_text(variant(("after: you close your account", "after: '" + text + "'")), encoding="utf-8")
    start = time.perf_counter()
    assert main(["check", str(path), "--format", "json"]) == 1
    assert time.perf_counter() - start < 20
    found = json.loads(capsys.readouterr().out)["findings"]
    places = {(f["line"], f["column"]) for f in found if f["rule"] in ("RD002", "RD003") and f.get("field") == "data[0].retention.after"}
    assert len(places) == 300  # each long sentence at its own place, not all at the value's start


# -- reading: never more than the limit, never forever ----------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_read_up_to_the_limit(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        load_file(device)
    assert time.perf_counter() - start < 5
    (p,) = info.value.problems
    assert p.message == "more than 4 MiB came from this device or pipe, over the 4 MiB limit (limit: max_bytes)"
    with pytest.raises(InputError) as info:
        read_input(device)
    assert info.value.problems[0].message == "more than 4 MiB came from this device or pipe, over the 4 MiB limit of 'plainnotice score'"


def test_a_fifo_with_no_writer_is_an_error_not_a_hang(tmp_path, monkeypatch):
    fifo = tmp_path / "inventory.yml"
    os.mkfifo(fifo)
    monkeypatch.setattr(userfiles, "PIPE_TIMEOUT", 0.5)
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        load_file(fifo)
    assert time.perf_counter() - start < 5
    (p,) = info.value.problems
    assert p.message == "nothing came from this pipe or device within 0.5 seconds"
    assert p.fix == "give the path to a regular file, or start the program that writes to the pipe first"
    with pytest.raises(InputError):
        read_input(str(fifo))


def test_a_fifo_with_a_writer_is_read(tmp_path, monkeypatch):
    fifo = tmp_path / "inventory.yml"
    os.mkfifo(fifo)
    monkeypatch.setattr(userfiles, "PIPE_TIMEOUT", 20)

    def write():
        time.sleep(0.3)  # the writer comes after plainnotice opened the FIFO
        with open(fifo, "wb") as out:
            out.write(REFERENCE.read_bytes())

    t = threading.Thread(target=write)
    t.start()
    doc = load_file(fifo)
    t.join()
    assert doc.data["organization"]["name"] == "Fernway"


def test_a_pipe_that_sends_too_much_is_cut_off(tmp_path, monkeypatch):
    fifo = tmp_path / "big.yml"
    os.mkfifo(fifo)
    stop = threading.Event()

    def write():
        try:
            with open(fifo, "wb") as out:
                while not stop.is_set():
                    out.write(b"a" * 65536)
        except (BrokenPipeError, OSError):
            pass

    t = threading.Thread(target=write, daemon=True)
    t.start()
    with pytest.raises(InputError) as info:
        load_file(fifo)
    stop.set()
    assert "over the 4 MiB limit" in info.value.problems[0].message


def test_score_has_the_size_limit(tmp_path, capsys):
    big = tmp_path / "big.md"
    with big.open("wb") as out:
        out.truncate(LIMITS["max_bytes"] + 1)  # sparse: no time spent writing it
    assert main(["score", str(big)]) == 2
    err = capsys.readouterr().err
    assert "the file is 4.0 MiB, larger than the 4 MiB limit of 'plainnotice score'" in err


def test_a_folder_is_named(tmp_path):
    with pytest.raises(InputError) as info:
        load_file(tmp_path)
    assert info.value.problems[0].message == "this is a folder, not a file"
