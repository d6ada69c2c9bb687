"""The folder for derived data plainnotice keeps between runs: compiled templates (here) and the
syllable tables of the readability stage. Deleting it only costs time.

``$PLAINNOTICE_CACHE_DIR``, else ``$XDG_CACHE_HOME/plainnotice``, else ``~/.cache/plainnotice``.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    env = os.environ.get("PLAINNOTICE_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "plainnotice"
