"""Which folders plainnotice may write, replace or delete: only its own.

An output folder is ours when it carries our marker file (``.plainnotice-render`` in a docs or
``render --out`` folder, ``.plainnotice-site`` in a site folder), or when it is new or empty. Next
to the marker, ``<marker>.json`` lists every file we wrote there with its SHA-256 (:class:`Marker`).
The marker itself never changes, so a project can commit it (MkDocs wants docs_dir to exist). Every check here runs on the paths
as given, before anything is resolved, written or built:

* :func:`locate`: an empty path, a path ending in ``.`` or ``..``, and a symbolic link are refused;
  the result is the real path (its parent folders resolved, its own name kept);
* :func:`guard`: the folder may not be, contain or (for the site) sit inside a folder the user
  keeps (the project, the working folder, the docs folder, ``custom_dir``, the templates, the
  inventory), may not be a file or a mount point;
* :func:`check_replace` (the site folder, replaced whole): every file in it is one we wrote,
  unchanged since;
* :func:`check_merge` (``docs_dir`` and ``render --out``, where your own pages may live): the files
  we are about to write or delete are ours and unchanged; files we did not write are kept.

A folder without a marker but with files in it is never written to.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import InputError, Loc, Problem

#: The marker of a docs folder or a ``render --out`` folder (the name earlier versions used).
DOCS_MARKER = ".plainnotice-render"
#: The marker of a built site folder.
SITE_MARKER = ".plainnotice-site"

#: The list of the files we wrote, next to the marker: ``<marker>.json``.
LIST_SUFFIX = ".json"
_NOTES = {
    DOCS_MARKER: "This folder is written by plainnotice (render, build). It replaces or deletes only the files it lists in .plainnotice-render.json; any other file here is yours and is kept.\n",
    SITE_MARKER: "This folder is built by 'plainnotice build'. It is replaced whole on each build, and only while it holds nothing but the files listed in .plainnotice-site.json.\n",
}
#: The messages earlier versions gave for a file where a folder should be.
_NOT_A_FOLDER = {
    "site folder": ("the site folder is not a folder", "remove it or choose another --site-dir"),
    "output folder": ("the output path is a file", "give a folder for --out"),
}
#: How many file names a message lists before "and N more".
_SHOW = 5


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def data_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Marker:
    """What a marker's list says: each file we wrote (relative path -> SHA-256 of what we wrote, and
    while a write is under way the hash it is being replaced with). ``files`` is None for a marker
    without a list (earlier versions, a new project): then our own page names are ours and no
    other file is deleted."""

    files: dict[str, list[str]] | None = field(default_factory=dict)

    def owns(self, rel: str, actual: str | None) -> bool:
        """Whether the file ``rel`` with content hash ``actual`` is one we wrote, unchanged."""
        if self.files is None:
            return False
        return rel in self.files and actual in self.files[rel]


def read_marker(folder: Path, name: str) -> Marker | None:
    """The marker in ``folder`` and its list, or None when there is no marker."""
    path = folder / name
    if path.is_symlink() or not path.is_file():
        return None
    listing = folder / (name + LIST_SUFFIX)
    try:
        data = json.loads(listing.read_text(encoding="utf-8")) if listing.is_file() and not listing.is_symlink() else None
    except (ValueError, UnicodeDecodeError):
        data = None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return Marker(files=None)  # no list: an earlier version's marker, or a new project's
    out: dict[str, list[str]] = {}
    for rel, hashes in files.items():
        if isinstance(hashes, str):
            hashes = [hashes]
        if isinstance(rel, str) and isinstance(hashes, list):
            out[rel] = [h for h in hashes if isinstance(h, str)]
    return Marker(out)


def marker_bytes(name: str) -> bytes:
    """The marker file ``name``."""
    return _NOTES[name].encode("utf-8")


def list_bytes(files: dict[str, str | list[str]]) -> bytes:
    """The list of our files, ``<marker>.json`` (relative path -> hash, or hashes)."""
    return (json.dumps({"files": {k: files[k] for k in sorted(files)}}, indent=1) + "\n").encode("utf-8")


def bookkeeping(target_marker: str) -> set[str]:
    """The marker and its list: files of ours that are in no list."""
    return {target_marker, target_marker + LIST_SUFFIX}


def walk(folder: Path) -> tuple[list[str], list[str]]:
    """(files, folders) under ``folder`` as relative POSIX paths; links are files, never followed."""
    files, dirs = [], []
    for root, dirnames, filenames in os.walk(folder, followlinks=False):
        base = Path(root).relative_to(folder)
        for d in list(dirnames):
            p = Path(root) / d
            if p.is_symlink():
                dirnames.remove(d)
                files.append((base / d).as_posix())
            else:
                dirs.append((base / d).as_posix())
        files += [(base / f).as_posix() for f in filenames]
    return sorted(files), sorted(dirs)


def _names(items: list[str]) -> str:
    shown = ", ".join(items[:_SHOW])
    return shown + (f" and {len(items) - _SHOW} more" if len(items) > _SHOW else "")


# --------------------------------------------------------------------------------------------
# Where a folder is
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """An output folder: where it was given (``source``, for messages), what it is for (``role``:
    "site folder", "docs folder", "output folder"), its real path and its marker's name."""

    raw: str
    path: Path
    role: str
    source: str
    marker: str
    example: str


def locate(raw, base: Path, role: str, source: str, marker: str, example: str) -> Target:
    """The folder ``raw`` (relative to ``base``), refused when it is an empty path, ends in ``.``
    or ``..``, or is a symbolic link -- before anything is resolved."""
    raw = "" if raw is None else str(raw)
    fix = f"give a folder of its own, for example {example}"
    if not raw.strip():
        raise InputError(Problem(Loc(source), f"the {role} is an empty path (an unset variable?)", fix))
    given = raw.rstrip("/") or "/"
    last = os.path.basename(given)
    joined = os.path.join(str(base), given)
    if last in (".", ".."):
        real = os.path.realpath(joined)
        raise InputError(Problem(Loc(source), f"the {role} '{raw}' is {real}, a folder that holds other files", fix))
    if os.path.islink(joined):
        dest = os.readlink(joined)
        raise InputError(
            Problem(
                Loc(joined),
                f"the {role} is a symbolic link (to {dest}); plainnotice does not write through links",
                f"give the real folder instead of the link, or remove the link; or {fix}",
            )
        )
    path = Path(os.path.realpath(os.path.dirname(joined))) / last
    return Target(raw, path, role, source, marker, example)


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def guard(target: Target, keep: list[tuple[Path, str]], outside: list[tuple[Path, str]] = ()) -> None:
    """Refuse a folder that is, or holds, one of ``keep`` (path, what it is), or lies inside one
    of ``outside``; that is a file; or that is a mount point."""
    t = target.path
    fix = f"give a folder of its own, for example {target.example}"
    for path, what in keep:
        path = Path(os.path.realpath(path))
        if t == path:
            raise InputError(Problem(Loc(str(t)), f"the {target.role} is {what}", fix))
        if t in path.parents:
            raise InputError(Problem(Loc(str(t)), f"the {target.role} holds {what} ({path})", fix))
    for path, what in outside:
        path = Path(os.path.realpath(path))
        if _within(t, path):
            raise InputError(Problem(Loc(str(t)), f"the {target.role} is inside {what} ({path})", fix))
    if t.exists() and not t.is_dir():
        message, fix = _NOT_A_FOLDER.get(target.role, (f"the {target.role} is a file, not a folder", fix))
        raise InputError(Problem(Loc(str(t)), message, fix))
    if t.is_dir() and os.path.ismount(t):
        raise InputError(
            Problem(
                Loc(str(t)),
                f"the {target.role} is a mount point; plainnotice swaps a new folder in whole, which a mount point cannot be",
                f"give a folder inside it (for example {t / 'site'}) or elsewhere",
            )
        )


# --------------------------------------------------------------------------------------------
# What is in a folder
# --------------------------------------------------------------------------------------------


_UNMARKED_FIX = {
    "docs folder": "set docs_dir in mkdocs.yml to a new folder (for example docs_dir: pages), build, then move your own pages into it: plainnotice keeps the files it did not write",
    "site folder": "choose a new or empty folder (site_dir in mkdocs.yml, or --site-dir), or move your files out of it; if it is a site an earlier plainnotice built, delete it",
}


def _unmarked(target: Target) -> InputError:
    files, dirs = walk(target.path)
    what = _names(files or dirs)
    return InputError(
        Problem(
            Loc(str(target.path)),
            f"the {target.role} has files plainnotice did not write (it has no {target.marker} file): {what}",
            _UNMARKED_FIX.get(target.role, "choose a new or empty folder, or move your files out of it"),
        )
    )


def check_replace(target: Target) -> Marker | None:
    """For a folder that is replaced whole (the site): None when it is missing or empty, else its
    marker, after checking that every file in it is one we wrote and unchanged."""
    if not target.path.is_dir():
        return None
    files, dirs = walk(target.path)
    if not files and not dirs:
        return None
    marker = read_marker(target.path, target.marker)
    if marker is None or marker.files is None:
        raise _unmarked(target)
    files = [rel for rel in files if rel not in bookkeeping(target.marker)]
    foreign = [rel for rel in files if rel not in marker.files]
    if foreign:
        raise InputError(
            Problem(
                Loc(str(target.path)),
                f"the {target.role} has files plainnotice did not write: {_names(foreign)}",
                "move them into docs_dir (MkDocs copies them into the site) or out of the folder, or delete them",
            )
        )
    changed = [rel for rel in files if not marker.owns(rel, _hash_or_none(target.path / rel))]
    if changed:
        raise InputError(
            Problem(
                Loc(str(target.path / changed[0])),
                f"{_names(changed)} in the {target.role} changed after plainnotice wrote {'it' if len(changed) == 1 else 'them'}; a build would lose the change",
                "move your change into docs_dir or custom_dir (then it is built in), or delete the file",
            )
        )
    return marker


def _hash_or_none(path: Path) -> str | None:
    if path.is_symlink() or not path.is_file():
        return None
    return file_hash(path)


@dataclass
class Merge:
    """A folder that holds our files and maybe yours: what we wrote before (relative path -> the
    hashes it may have) and the files we did not write (kept)."""

    marker: Marker | None
    yours: list[str]
    folders: list[str]  # empty folders (yours: we never make one)


def check_merge(target: Target, writes: set[str], command: str) -> Merge:
    """For a folder where your files may live (docs_dir, ``render --out``): refused when it has files
    but no marker, when a file we would write is one we did not write, or when one of ours changed
    since (we would overwrite or delete the change)."""
    if not target.path.is_dir():
        return Merge(None, [], [])
    files, dirs = walk(target.path)
    marker = read_marker(target.path, target.marker)
    if marker is None:
        if files or dirs:
            raise _unmarked(target)
        return Merge(None, [], [])
    files = [rel for rel in files if rel not in bookkeeping(target.marker)]
    dirs = [d for d in dirs if not any(f.startswith(d + "/") for f in files) and not any(e.startswith(d + "/") for e in dirs)]
    if marker.files is None:  # an earlier version's marker: our page names are ours, nothing else is
        return Merge(marker, [rel for rel in files if rel not in writes], dirs)
    ours = [rel for rel in files if rel in marker.files]
    yours = [rel for rel in files if rel not in marker.files]
    clash = [rel for rel in yours if rel in writes or any(w.startswith(rel + "/") for w in writes)]
    if clash:
        raise _clash(target, clash, command)
    changed = [rel for rel in ours if not marker.owns(rel, _hash_or_none(target.path / rel))]
    if changed:
        raise InputError(
            Problem(
                Loc(str(target.path / changed[0])),
                f"{_names(changed)} in the {target.role} changed after plainnotice wrote {'it' if len(changed) == 1 else 'them'}; {command} would overwrite or delete the change",
                "put your change in a template override (templates/) or in a page of your own, then delete the file",
            )
        )
    return Merge(marker, yours, dirs)


def _clash(target: Target, clash: list[str], command: str) -> InputError:
    return InputError(
        Problem(
            Loc(str(target.path / clash[0])),
            f"{_names(clash)} in the {target.role}: plainnotice did not write {'it' if len(clash) == 1 else 'them'}, and {command} writes a page of the same name",
            "rename or move your file (plainnotice keeps the files it did not write)",
        )
    )
