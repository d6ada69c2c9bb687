"""Shared paths and the one helper that builds a variant inventory.

Tests that pin line numbers, columns or the example's wording read ``REFERENCE``, a frozen copy of
the shipped ``data_inventory.yml`` (tests/fixtures/reference.yml), so improving the shipped example
breaks no test. Tests that the shipped example itself validates, checks and builds read ``SHIPPED``.

Test modules import these names (``from conftest import REFERENCE, variant``); the browser tests
are a package (tests/browser/__init__.py), so their own conftest.py never shadows this one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Union

import yaml

#: In tests, a rendered page with an empty slot, a doubled stop or a glued block is an internal
#: error (generator/notice/lint.py), never a page: every render in every test is checked.
os.environ["PLAINNOTICE_CHECK_PAGES"] = "1"

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"
#: empty label/timeline partials for golden pages (the site stage owns the real ones)
STUBS = GOLDEN / "templates"
#: frozen copy of the shipped inventory: line numbers and wording tests rely on
REFERENCE = FIXTURES / "reference.yml"
#: the example the repository ships (and `plainnotice init` users start from)
SHIPPED = REPO / "data_inventory.yml"
#: other companies' complete inventories
COMPANIES = {
    "us": FIXTURES / "us_saas.yml",
    "clinic": FIXTURES / "eu_clinic.yml",
    "uk": FIXTURES / "uk_shop.yml",
    "travel": FIXTURES / "nl_travel_agency.yml",
}
#: companies the templates were not written for (reviews A and B, issue 11); see fixtures/README.md
NEW_FIXTURES = [
    FIXTURES / f"{name}.yml"
    for name in ("eu_public_library", "uk_sole_trader_blog", "eu_uk_hr_platform", "p2p_marketplace", "us_ca_stores", "big_health_app")
]
#: every fixture company, by short name (the reference first)
ALL_FIXTURES = {"reference": REFERENCE, **{p.stem: p for p in COMPANIES.values()}, **{p.stem: p for p in NEW_FIXTURES}}
PACKAGE_TEMPLATES = REPO / "generator" / "templates"
#: notices in two languages, the first not English (every free text is a map {de, en} / {pl, en})
MULTILINGUAL = {"de": FIXTURES / "de_en_app.yml", "pl": FIXTURES / "pl_en_shop.yml"}

Edit = Union[tuple, Callable[[dict], None]]


def variant(*edits: Edit, base: Union[Path, str] = REFERENCE) -> str:
    """The YAML of ``base`` (a file, or YAML text; default the frozen reference) with ``edits``
    applied in order, as text to write or parse.

    * ``(old, new)``: replace the text ``old``, which must occur exactly once, with ``new``;
      ``old=None`` replaces the whole text, ``old="$"`` appends ``new``;
    * a function: called with the parsed YAML data to change it in place; the data is then
      written back as YAML (comments and line numbers are not kept).
    """
    text = base.read_text(encoding="utf-8") if isinstance(base, Path) else base
    for edit in edits:
        if callable(edit):
            data = yaml.safe_load(text)
            edit(data)
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
            continue
        old, new = edit
        if old is None:
            text = new
        elif old == "$":
            text += new
        else:
            assert text.count(old) == 1, f"edit target not unique: {old!r}"
            text = text.replace(old, new)
    return text
