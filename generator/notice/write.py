"""Writing output folders: ``plainnotice render --out DIR``, and the one atomic folder swap that
it and the site build (:mod:`generator.site.build`) use.

A folder is filled next to its target and swapped in whole, so a reader (a web server, MkDocs, a
person) never sees a half-written folder, and a failed run leaves the previous one as it was.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import sys
import tempfile
from pathlib import Path

from generator.errors import InputError, Loc, Problem
from generator.notice.pages import Rendered, RenderResult

#: The file that marks a folder as written by ``plainnotice render`` (so it may be replaced whole).
RENDER_MARKER = ".plainnotice-render"
RENDER_MARKER_TEXT = "Written by 'plainnotice render'. The whole folder is replaced on each run.\n"

# --------------------------------------------------------------------------------------------
# The atomic swap
# --------------------------------------------------------------------------------------------

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE). False when not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return rc == 0


def swap_in(new: Path, target: Path) -> None:
    """Make the folder ``new`` the folder ``target``; the old content is removed afterwards.

    With RENAME_EXCHANGE there is no moment without a complete ``target``. Elsewhere two renames
    leave a window of microseconds in which ``target`` is missing, never a half-written one.
    """
    if not target.exists():
        os.rename(new, target)
        return
    if _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the old content
        return
    old = target.parent / f".plainnotice-old-{os.getpid()}-{new.name.rsplit('-', 1)[-1]}"
    os.rename(target, old)
    os.rename(new, target)
    shutil.rmtree(old, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# plainnotice render --out DIR
# --------------------------------------------------------------------------------------------


def write_pages(result: RenderResult | Rendered, out: str | Path) -> list[str]:
    """Write pages into ``out`` atomically: a temp folder is filled, then swapped in. Every
    language of a :class:`Rendered`: the first at the root, the others under ``<lang>/``.

    ``out`` must be missing, empty, or a folder this command wrote before (it holds ``.plainnotice-render``).
    """
    rendered = result if isinstance(result, Rendered) else Rendered({result.lang: result})
    out = Path(out)
    if out.exists():
        if not out.is_dir():
            raise InputError(Problem(Loc(str(out)), "the output path is a file", "give a folder for --out"))
        if any(out.iterdir()) and not (out / RENDER_MARKER).exists():
            raise InputError(
                Problem(
                    Loc(str(out)),
                    "the output folder has files this command did not write; it replaces the whole folder",
                    "choose a new or empty folder for --out",
                )
            )
    parent = out.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=parent))
    written = []
    try:
        for lang, res in rendered.results.items():
            prefix = rendered.prefix(lang)
            for path, page in sorted(res.pages.items()):
                target = tmp / (prefix + path)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(page.markdown, encoding="utf-8", newline="\n")
                written.append(prefix + path)
            for path, content in sorted(res.files.items()):
                target = tmp / (prefix + path)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(content)
                written.append(prefix + path)
        (tmp / RENDER_MARKER).write_text(RENDER_MARKER_TEXT, encoding="utf-8")
        swap_in(tmp, out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return written
