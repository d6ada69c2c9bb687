"""Writing the Markdown folders: ``plainnotice render --out DIR`` and the docs folder of
``plainnotice build``. Both keep every file they did not write (your own pages) and replace or
delete only their own, as listed in the folder's marker (:mod:`.folders`).

* ``render --out``: a new folder is filled next to the old one (your files hard-linked into it,
  so they are the same files) and swapped in whole (:func:`.swap.swap`): a reader never sees a
  half-written folder, and a failed or killed run leaves the old one as it was.
* the docs folder of ``build``: each file is replaced atomically, and unchanged files are left
  alone (so ``mkdocs serve`` and other watchers do not fire); the marker lists both the old and
  the new content while the files are replaced, so a killed run is never mistaken for your edit.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Callable

from generator.errors import InputError, Loc, Problem, environment_problem
from generator.notice import export
from generator.notice.pages import Rendered, RenderResult
from generator.notice.render import PAGES
from generator.site.content import STYLESHEET
from generator.site.folders import DOCS_MARKER, LIST_SUFFIX, Merge, Target, bookkeeping, check_merge, data_hash, file_hash, guard, locate, list_bytes, marker_bytes
from generator.site.swap import file_mode, link_or_copy, locked, new_temp, public_mode, swap

#: The files ``build`` writes into the docs folder, known before anything is rendered.
DOCS_FILES = frozenset(PAGES) | {export.GPC_PATH, export.INVENTORY_PATH, export.DPV_PATH, STYLESHEET}
RENDER_FILES = frozenset(PAGES)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as f:
        f.write(data)


# --------------------------------------------------------------------------------------------
# plainnotice render --out DIR
# --------------------------------------------------------------------------------------------


def render_target(out: str | os.PathLike | None, inventory: str | Path, templates: str | Path | None) -> Target:
    """The ``--out`` folder, checked before anything is rendered: not empty, ``.``, a link, the
    working folder, the inventory's folder or a folder holding them, a file, a mount point, or a
    folder with files of yours but no marker; nor one where a page we write is a file of yours."""
    target = locate(out, Path.cwd(), "output folder", "--out", DOCS_MARKER, "--out pages")
    keep = [(Path.cwd(), "the working folder"), (Path(inventory).resolve().parent, "the inventory's folder"), (Path(inventory), "the inventory")]
    if templates is not None:
        keep.append((Path(templates), "the templates folder"))
    guard(target, keep)
    _check_render(target, RENDER_FILES)
    return target


def _check_render(target: Target, writes: set[str]) -> Merge:
    if target.path.exists() and not target.path.is_dir():
        raise InputError(Problem(Loc(str(target.path)), "the output path is a file", "give a folder for --out"))
    try:
        return check_merge(target, writes, "render")
    except InputError as err:
        p = err.problems[0]
        if "has no" in p.message:  # the message earlier versions gave for a folder that is not ours
            raise InputError(
                Problem(p.loc, p.message.replace(f"the {target.role} has files plainnotice did not write", "the output folder has files this command did not write"), "choose a new or empty folder for --out")
            ) from None
        raise


def write_pages(result: RenderResult | Rendered, target: Target, on_wait: Callable[[Path], None] | None = None) -> list[str]:
    """Write the pages into the ``--out`` folder atomically; the files written, in order. Every
    language of a :class:`Rendered`: the first at the root, the others under ``<lang>/``."""
    rendered = result if isinstance(result, Rendered) else Rendered({result.lang: result})
    files: dict[str, bytes] = {}
    for lang, res in rendered.results.items():
        prefix = rendered.prefix(lang)
        for path, page in sorted(res.pages.items()):
            files[prefix + path] = page.markdown.encode("utf-8")
        for path, content in sorted(res.files.items()):
            files[prefix + path] = content if isinstance(content, bytes) else str(content).encode("utf-8")
    kept = "the previous pages were left as they were"
    try:
        with locked([target.path], on_wait):
            merge = _check_render(target, set(files))
            tmp = new_temp(target.path.parent, "render")
            try:
                for rel in merge.yours:
                    link_or_copy(target.path / rel, tmp / rel)
                for rel in merge.folders:
                    (tmp / rel).mkdir(parents=True, exist_ok=True)
                for rel, data in files.items():
                    _write(tmp / rel, data)
                _write(tmp / DOCS_MARKER, marker_bytes(DOCS_MARKER))
                _write(tmp / (DOCS_MARKER + LIST_SUFFIX), list_bytes({rel: data_hash(data) for rel, data in files.items()}))
                if target.path.is_dir():
                    os.chmod(tmp, os.stat(target.path).st_mode & 0o7777)
                else:
                    public_mode(tmp)
                ours = _previous(merge, set(files)) | bookkeeping(DOCS_MARKER)
                swap(tmp, target.path, ours)
            finally:
                if tmp.exists():
                    shutil.rmtree(tmp, ignore_errors=True)
    except OSError as exc:
        problem = environment_problem(exc, target.path, "writing the pages", kept)
        if problem is None:
            raise
        raise problem from None
    return list(files)


def _previous(merge: Merge, writes: set[str]) -> set[str]:
    """Our files of the last run: the marker's list (an earlier version's marker: our page names)."""
    if merge.marker is None:
        return set()
    if merge.marker.files is None:
        return set(writes)
    return set(merge.marker.files)


# --------------------------------------------------------------------------------------------
# The docs folder of plainnotice build (and zensical)
# --------------------------------------------------------------------------------------------


def _custom_dir(config_file: Path, raw: dict) -> Path | None:
    theme = raw.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    return (config_file.parent / str(custom)) if custom else None


def docs_target(config_file: Path, raw: dict, inventory=None, templates=None) -> tuple[Target, list, list]:
    """mkdocs.yml's docs folder, checked before any work (:func:`.folders.locate`, :func:`.folders.guard`),
    and what the site folder must keep clear of: (target, folders to keep, folders to stay out of)."""
    value = raw.get("docs_dir", "docs")
    docs = locate("" if value is None else value, config_file.parent, "docs folder", f"{config_file} (docs_dir)", DOCS_MARKER, "docs_dir: pages")
    custom = _custom_dir(config_file, raw)
    keep = [(config_file.parent, "the project folder (where mkdocs.yml is)"), (Path.cwd(), "the working folder")]
    keep += [(p, what) for p, what in ((custom, "the theme's custom_dir"), (inventory, "the inventory"), (templates, "the templates folder")) if p]
    inside = [(custom, "the theme's custom_dir")] if custom else []
    guard(docs, keep, inside)
    return docs, keep, inside


def write_docs(target: Target, files: dict[str, bytes]) -> None:
    """Write ``files`` into the docs folder (call under its lock, after :func:`check_merge`): each
    file replaced atomically, unchanged ones left alone, our files of the last run that are no
    longer written deleted, your files kept."""
    docs = target.path
    merge = check_merge(target, set(files), "build")
    previous = _previous(merge, set(files))
    new = {rel: data_hash(data) for rel, data in files.items()}
    docs.mkdir(parents=True, exist_ok=True)
    pending: dict[str, list[str]] = {}
    for rel in sorted(previous | set(new)):
        old = file_hash(docs / rel) if (docs / rel).is_file() and not (docs / rel).is_symlink() else None
        pending[rel] = sorted({h for h in (old, new.get(rel)) if h})
    listing = DOCS_MARKER + LIST_SUFFIX
    tmp = new_temp(docs.parent, "write")
    try:
        if not (docs / DOCS_MARKER).is_file() or (docs / DOCS_MARKER).read_bytes() != marker_bytes(DOCS_MARKER):
            _replace(tmp, docs, DOCS_MARKER, marker_bytes(DOCS_MARKER))
        _replace(tmp, docs, listing, list_bytes(pending))
        for rel, data in files.items():
            dest = docs / rel
            if dest.is_file() and not dest.is_symlink() and file_hash(dest) == new[rel]:
                continue
            _replace(tmp, docs, rel, data)
        for rel in sorted(previous - set(new)):
            (docs / rel).unlink(missing_ok=True)
            _prune(docs, (docs / rel).parent)
        _replace(tmp, docs, listing, list_bytes(new))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _replace(tmp: Path, docs: Path, rel: str, data: bytes) -> None:
    staged = tmp / rel
    staged.parent.mkdir(parents=True, exist_ok=True)
    staged.unlink(missing_ok=True)
    _write(staged, data)
    os.chmod(staged, file_mode())
    dest = docs / rel
    dest.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staged, dest)


def _prune(docs: Path, folder: Path) -> None:
    """Remove folders emptied by deleting our files, up to (not including) the docs folder."""
    while folder != docs and docs in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
