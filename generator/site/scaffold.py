"""``plainnotice init DIR``: a new project (inventory with comments, mkdocs.yml, overrides folder,
.gitignore) that builds with no edits, from ``generator/scaffold/``. It never overwrites a file."""

from __future__ import annotations

from pathlib import Path

from generator.errors import InputError, Loc, Problem
from generator.inventory.datafiles import PACKAGE_DIR

SCAFFOLD_DIR = PACKAGE_DIR / "scaffold"


def scaffold_files() -> dict[str, bytes]:
    """The files of a new project: relative path -> content (``dot-x`` is stored for ``.x``)."""
    out = {}
    for path in sorted(SCAFFOLD_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            rel = path.relative_to(SCAFFOLD_DIR).as_posix()
            rel = "/".join("." + part[4:] if part.startswith("dot-") else part for part in rel.split("/"))
            out[rel] = path.read_bytes()
    return out


def init_project(target: Path) -> list[str]:
    """Write a new project into ``target`` (new or without any of its files); the paths written."""
    files = scaffold_files()
    if target.exists() and not target.is_dir():
        raise InputError(Problem(Loc(str(target)), "exists and is not a folder", "choose a new folder name"))
    clashes = [rel for rel in files if (target / rel.split("/")[0]).exists()]
    if clashes:
        first = sorted({rel.split("/")[0] for rel in clashes})
        raise InputError(
            Problem(
                Loc(str(target / first[0])),
                f"{target} already has {', '.join(first)}; init does not overwrite files",
                "choose an empty or new folder",
            )
        )
    for rel, data in files.items():
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
    return list(files)
