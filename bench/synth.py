"""Deterministic synthetic inventories at N times the reference, for the scaling benchmark.

``make_inventory(n)`` takes the shipped ``data_inventory.yml`` and repeats its four growing sections
(``data``, ``purposes``, ``parties``, ``cookies``) ``n`` times. Copy 1 keeps the original ids and
names; copy ``c`` (2..n) gets ids like ``contact_c`` and names like ``Contact details c``, and every
reference inside a copy (shared_with, sources, inferred_from, purposes -> data, cookie providers)
points at that copy's ids, so each inventory is valid and referentially consistent. Beyond copy 1,
each data entry also shares with the matching party of the previous copy, so the copies link up
like one big company rather than n separate ones. A seeded random generator varies retention
periods and the order of examples; the same ``n`` and ``seed`` always give the same bytes.

Everything else (organization, notice, security, requests, controls, children, AI systems,
changes) stays as it is, because a bigger company still has one of each.

Command line: ``python bench/synth.py 10 --out DIR`` writes ``DIR/inventory-10x.yml``.
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
REFERENCE = REPO / "data_inventory.yml"
SCALED = ("data", "purposes", "parties", "cookies")
#: Sources that are kinds, not party ids (see generator.inventory.vocab.SourceKind).
SOURCE_KINDS = {"you", "your_device", "inferred", "public_sources"}




def load_reference(path: Path = REFERENCE) -> dict:
    """The reference inventory as plain data, read the way plainnotice reads it (YAML 1.2 booleans)."""
    sys.path.insert(0, str(REPO))
    try:
        from generator.inventory.load import load_file, plain
    finally:
        sys.path.remove(str(REPO))
    return plain(load_file(path).data)


def _suffix(c: int) -> str:
    return "" if c == 1 else f"_{c}"


def _name(text, c: int):
    """Suffix a free-text name with the copy number; language maps get it in every language."""
    if c == 1:
        return text
    if isinstance(text, dict):
        return {lang: f"{t} {c}" for lang, t in text.items()}
    return f"{text} {c}"


_PERIOD_UNITS = ("days", "months", "years")


def _vary_period(period: str, rng: random.Random) -> str:
    n, unit = period.split()
    n = max(1, int(n) + rng.randint(-1, 2))
    unit = unit if unit.endswith("s") else unit + "s"
    if n == 1:
        unit = unit[:-1]
    return f"{n} {unit}"


def make_inventory(n: int, seed: int = 0, reference: dict | None = None) -> dict:
    """The reference with data, purposes, parties and cookies repeated ``n`` times."""
    if n < 1:
        raise ValueError("n must be 1 or more")
    ref = reference if reference is not None else load_reference()
    out = copy.deepcopy(ref)
    if n == 1:
        return out
    rng = random.Random(f"plainnotice-bench:{n}:{seed}")
    data_ids = {d["id"] for d in ref["data"]}
    party_ids = {p["id"] for p in ref.get("parties", [])}

    def did(i: str, c: int) -> str:
        return i + _suffix(c) if i in data_ids else i

    def pid(i: str, c: int) -> str:
        return i + _suffix(c) if i in party_ids else i

    out_data, out_purposes, out_parties, out_cookies = [], [], [], []
    for c in range(1, n + 1):
        for d in ref["data"]:
            d = copy.deepcopy(d)
            if c > 1:
                d["id"] = did(d["id"], c)
                d["name"] = _name(d["name"], c)
                d["sources"] = [s if s in SOURCE_KINDS else pid(s, c) for s in d.get("sources", [])]
                shared = [pid(p, c) for p in d.get("shared_with", [])]
                # also share with the same party of the previous copy: links the copies together
                shared += [pid(p, c - 1) for p in d.get("shared_with", []) if pid(p, c - 1) not in shared]
                d["shared_with"] = shared
                for key in ("sold_to", "shared_for_ads_with"):
                    if key in d:
                        d[key] = [pid(p, c) for p in d[key]]
                if "inferred_from" in d:
                    d["inferred_from"] = [did(x, c) for x in d["inferred_from"]]
                ret = d.get("retention", {})
                if "period" in ret:
                    ret["period"] = _vary_period(ret["period"], rng)
                if isinstance(d.get("examples"), list) and len(d["examples"]) > 1:
                    rng.shuffle(d["examples"])
            out_data.append(d)
        for p in ref["purposes"]:
            p = copy.deepcopy(p)
            if c > 1:
                p["id"] = p["id"] + _suffix(c)
                p["name"] = _name(p["name"], c)
                p["data"] = [did(x, c) for x in p["data"]]
            out_purposes.append(p)
        for p in ref.get("parties", []):
            p = copy.deepcopy(p)
            if c > 1:
                p["id"] = pid(p["id"], c)
                p["name"] = _name(p["name"], c)
            out_parties.append(p)
        for k in ref.get("cookies", []):
            k = copy.deepcopy(k)
            if c > 1:
                k["name"] = f"{k['name']}_{c}"
                if k.get("provider"):
                    k["provider"] = pid(k["provider"], c)
            out_cookies.append(k)
    out["data"], out["purposes"] = out_data, out_purposes
    if "parties" in ref:
        out["parties"] = out_parties
    if "cookies" in ref:
        out["cookies"] = out_cookies
    # n copies of every entry make a summary n times as long: no reader gets through it in the
    # default two minutes, so the length gate would stop every build. The figure measures time, so
    # the gate is off (null), as a file may say; the grade targets stay.
    summary = out.setdefault("notice", {}).setdefault("readability", {}).setdefault("summary", {})
    summary["max_minutes"] = None
    return out


def dump(inv: dict, n: int) -> str:
    """YAML text for an inventory, with a header that says what it is."""
    head = (
        f"# Synthetic inventory: the reference with data, purposes, parties and cookies repeated {n}x.\n"
        "# Made by bench/synth.py for the benchmark. Deterministic: same n, same bytes.\n"
    )
    return head + yaml.safe_dump(inv, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def write(n: int, out_dir: Path, seed: int = 0, reference: dict | None = None) -> Path:
    """Write ``out_dir/inventory-<n>x.yml`` and return its path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"inventory-{n}x.yml"
    path.write_text(dump(make_inventory(n, seed, reference), n), encoding="utf-8")
    return path


_WORDS = (
    "we you your data keep use share it to for the and of in on with when our service account booking "
    "salon payment tax law needs ask delete copy time year month day help safe store send answer "
    "request right object complaint authority reason purpose partner processor contract consent"
).split()
_NAMES = ("e.g.", "U.S.", "Fernway Inc.", "privacy@fernway.example", "https://fernway.example/privacy", "30 days", "2026-11-01", "No. 7")


def text_block(size: int, seed: int = 0) -> str:
    """About ``size`` characters of seeded running text: sentences of 3 to 34 words (some long, so
    the readability rules fire), with abbreviations, e-mail addresses, URLs, dates and numbers."""
    rng = random.Random(f"plainnotice-bench-text:{seed}")
    out: list[str] = []
    n = 0
    while n < size:
        words = [rng.choice(_WORDS) for _ in range(rng.choice((3, 5, 8, 12, 16, 20, 34)))]
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), rng.choice(_NAMES))
        sentence = " ".join(words).capitalize() + rng.choice(".....?!;")
        out.append(sentence)
        n += len(sentence) + 1
    return " ".join(out)


def write_text_inventory(size: int, out_dir: Path, seed: int = 0) -> Path:
    """The shipped inventory with one long free-text value (``retention.after`` of the first data
    entry, as a folded block of 80-character lines) so that the file is ``size`` bytes or a few
    bytes less: ``inventory-text-<size>.yml``. For the benchmark of the size limit (4 MiB)."""
    base = REFERENCE.read_text(encoding="utf-8")
    anchor = "retention: {period: 2 years, after: you close your account}"
    if base.count(anchor) != 1:
        raise ValueError("the shipped inventory changed: update bench/synth.py")
    indent = " " * 8
    head, tail = base.split(anchor)
    room = size - len((head + tail).encode()) - 200
    text = text_block(max(room, 100) * 80 // 89, seed)  # 9 bytes a line go to indentation and the newline
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > 80:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    block = "retention:\n      period: 2 years\n      after: >-\n" + "".join(f"{indent}{x}\n" for x in lines)
    out = head + block.rstrip("\n") + tail
    data = out.encode()
    while len(data) > size:  # trim whole lines until it fits
        lines.pop()
        block = "retention:\n      period: 2 years\n      after: >-\n" + "".join(f"{indent}{x}\n" for x in lines)
        data = (head + block.rstrip("\n") + tail).encode()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"inventory-text-{size}.yml"
    path.write_bytes(data)
    return path


def counts(inv: dict) -> dict:
    """How many entries each scaled section has."""
    return {k: len(inv.get(k) or []) for k in SCALED}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="+", help="scale factors, e.g. 1 10 100")
    ap.add_argument("--out", default=".", help="folder to write to (default: current folder)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    ref = load_reference()
    for n in args.n:
        path = write(n, Path(args.out), args.seed, ref)
        print(f"{path}: {path.stat().st_size:,} bytes, {counts(make_inventory(n, args.seed, ref))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
