"""The one reader of files shipped inside the package.

Shipped data lives in ``generator/data/``: YAML is read through our own loader (YAML 1.2 booleans,
so the country code ``NO`` stays Norway, and the same limits and messages as an inventory), TSV as
rows of stripped fields. Each file is read once per process. :data:`PACKAGE_DIR` is the installed
package folder, where ``templates/``, ``theme/``, ``scaffold/`` and ``schema/`` live too.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.inventory.load import load_data, plain

#: The installed package folder: data/, templates/, theme/, scaffold/ and schema/ are in it.
PACKAGE_DIR = Path(__file__).resolve().parents[1]
DATA_DIR = PACKAGE_DIR / "data"


def data_text(name: str) -> str:
    """The text of ``generator/data/<name>``."""
    return (DATA_DIR / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def data_yaml(name: str) -> Any:
    """``generator/data/<name>`` read by our YAML loader, as plain data (dates as ISO text).
    The result is shared: do not change it."""
    return plain(load_data(data_text(name), f"generator/data/{name}"), dates_as_text=True)


@lru_cache(maxsize=None)
def data_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """``generator/data/<name>`` as tab-separated rows of stripped fields; blank lines and lines
    starting with ``#`` (comments, the file's source and date) are skipped."""
    rows = []
    for line in data_text(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(part.strip() for part in line.split("\t")))
    return tuple(rows)
