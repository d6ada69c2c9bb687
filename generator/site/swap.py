"""One writer at a time, temporary folders, and the atomic folder swap.

* :func:`locked`: an ``fcntl`` lock on the file ``.plainnotice-lock`` in the parent folder of each
  output folder, held from the ownership checks to the swap. A second ``build`` or ``render``
  writing next to the same folders waits for the first (it works across processes, PID namespaces
  and containers that share the disk). The lock file is empty and stays.
* :func:`new_temp`: a temporary folder next to its target, ``.plainnotice-<kind>-<random>``.
  Temporary folders are made only under the lock of their parent folder, so when a run holds that
  lock every such folder there is a leftover of a killed run: :func:`locked` removes them. No PID
  is involved, so a live run in another container can never lose its folder.
* :func:`swap`: the new folder takes the target's place in one ``renameat2(RENAME_EXCHANGE)``
  (Linux; elsewhere two renames a few microseconds apart), then :func:`retire` deletes from the
  old folder only what we wrote, and moves anything else back.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import re
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from generator.errors import EnvironmentProblem, Loc, Problem

LOCK_NAME = ".plainnotice-lock"
#: Seconds a run waits for another to release the lock (test hook: the environment variable).
LOCK_TIMEOUT_ENV = "PLAINNOTICE_LOCK_TIMEOUT"
LOCK_TIMEOUT = 600.0
_TEMP = re.compile(r"^\.plainnotice-(?:build|old|render|write)-[a-z0-9_]{8}$")

# --------------------------------------------------------------------------------------------
# The lock
# --------------------------------------------------------------------------------------------


def _timeout() -> float:
    try:
        return float(os.environ.get(LOCK_TIMEOUT_ENV, "") or LOCK_TIMEOUT)
    except ValueError:
        return LOCK_TIMEOUT


@contextmanager
def locked(folders: list[Path], on_wait: Callable[[Path], None] | None = None) -> Iterator[None]:
    """Hold the lock of each folder's parent (each parent once, in sorted order), then remove the
    leftovers of killed runs there."""
    parents = sorted({Path(f).parent for f in folders})
    fds: list[int] = []
    try:
        for parent in parents:
            parent.mkdir(parents=True, exist_ok=True)
            lock = parent / LOCK_NAME
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644)
            fds.append(fd)
            _acquire(fd, lock, on_wait)
        for parent in parents:
            clean_stale(parent)
        yield
    finally:
        for fd in fds:
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)


def _acquire(fd: int, lock: Path, on_wait: Callable[[Path], None] | None) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    if on_wait is not None:
        on_wait(lock)
    deadline = time.monotonic() + _timeout()
    while True:
        time.sleep(0.05)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise EnvironmentProblem(
                    Problem(Loc(str(lock)), "another plainnotice run still holds this lock: wait for it to finish (or stop it), then run again")
                ) from None


def clean_stale(parent: Path) -> list[str]:
    """Remove the temporary folders killed runs left in ``parent``; call only under its lock."""
    removed = []
    try:
        entries = list(os.scandir(parent))
    except FileNotFoundError:
        return removed
    for entry in entries:
        if _TEMP.match(entry.name) and entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path)
            removed.append(entry.name)
    return removed


def new_temp(parent: Path, kind: str) -> Path:
    """A new, empty temporary folder in ``parent`` (call under its lock)."""
    return Path(tempfile.mkdtemp(prefix=f".plainnotice-{kind}-", dir=parent))


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def public_mode(path: Path) -> None:
    """A new folder as ``mkdir`` would make it (mkdtemp makes 0700; published folders are readable)."""
    os.chmod(path, 0o777 & ~_umask())


def file_mode() -> int:
    """The mode ``open`` gives a new file (mkstemp makes 0600)."""
    return 0o666 & ~_umask()


# --------------------------------------------------------------------------------------------
# The swap
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
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # no renameat2, or the file system does not support the exchange
    raise OSError(err, os.strerror(err), str(b))


def swap(new: Path, target: Path, ours: set[str]) -> Path | None:
    """Make the folder ``new`` the folder ``target``. The old folder's files named in ``ours`` are
    deleted; any other file is moved back into ``target`` (a file that appeared during the run),
    or left in the old folder, whose path is then returned. With RENAME_EXCHANGE there is no moment
    without a complete ``target``."""
    if not target.exists():
        os.rename(new, target)
        return None
    if _exchange(new, target):
        old = new
    else:
        old = new_temp(target.parent, "old")
        os.rename(target, old)  # replaces the empty placeholder
        os.rename(new, target)
    return retire(old, target, ours)


def _same(a: Path, b: Path) -> bool:
    try:
        sa, sb = os.lstat(a), os.lstat(b)
    except FileNotFoundError:
        return False
    return (sa.st_ino, sa.st_dev) == (sb.st_ino, sb.st_dev)


def retire(old: Path, new: Path, ours: set[str]) -> Path | None:
    """Empty the swapped-out folder ``old``: delete the files in ``ours`` and the links of files also
    in ``new``; move any other file to ``new`` (if its place there is free); remove emptied folders.
    Returns ``old`` if something had to stay in it, else None."""
    for root, dirnames, filenames in os.walk(old, topdown=False, followlinks=False):
        base = Path(root)
        names = list(filenames) + [d for d in dirnames if (base / d).is_symlink()]
        for name in names:
            o = base / name
            rel = o.relative_to(old).as_posix()
            n = new / rel
            if rel in ours or _same(o, n):
                o.unlink()
            elif not n.exists() and not n.is_symlink():
                n.parent.mkdir(parents=True, exist_ok=True)
                os.rename(o, n)
        for d in dirnames:
            try:
                (base / d).rmdir()
            except OSError:
                pass
    try:
        old.rmdir()
    except OSError:
        return old
    return None


def link_or_copy(src: Path, dest: Path) -> None:
    """``dest`` becomes another name of the file ``src`` (a hard link: same content, same inode),
    or a copy where the file system has no hard links. Links are linked, never followed."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dest, follow_symlinks=False)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EMLINK, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise
        shutil.copy2(src, dest, follow_symlinks=False)
