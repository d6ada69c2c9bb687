"""The one reader of files the user names (the inventory, the files ``plainnotice score`` reads).

It reads at most ``limit + 1`` bytes from whatever the path is -- a regular file, a device such as
``/dev/zero`` or ``/dev/urandom``, a pipe or FIFO -- so nothing is read without bound: the size a
device or pipe reports (``st_size`` is 0 for them) is never trusted. It opens without blocking and
waits at most :data:`PIPE_TIMEOUT` seconds for a pipe to deliver, so a FIFO with no writer is a
clean error instead of a hang. Every failure is an :class:`~generator.errors.InputError` that
names the path and the fix.
"""

from __future__ import annotations

import errno
import os
import select
import stat
import time
from pathlib import Path

from generator.errors import InputError, Loc, Problem

#: Seconds to wait for a pipe, FIFO or terminal to deliver its data (all of it).
PIPE_TIMEOUT = 10.0

_CHUNK = 1 << 16


class TooLarge(Exception):
    """More than ``limit`` bytes: ``size`` is the file's size when the file says it truthfully
    (a regular file), else None."""

    def __init__(self, size: int | None):
        self.size = size


def read_limited(path: str | Path, limit: int, *, timeout: float | None = None) -> bytes:
    """The bytes of ``path``, at most ``limit`` of them; :class:`TooLarge` if there are more.

    Raises :class:`InputError` for a missing file, a folder, a socket, permissions, and a pipe
    that delivers nothing (or not all of it) within ``timeout`` seconds (default :data:`PIPE_TIMEOUT`).
    """
    name = str(path)
    timeout = PIPE_TIMEOUT if timeout is None else timeout
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise InputError(Problem(Loc(name), "file not found", "check the path")) from None
    except IsADirectoryError:
        raise _folder(name) from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
            raise InputError(Problem(Loc(name), "this is not a file plainnotice can read (a socket or an unconnected device)", "give the path to a regular file")) from None
        raise InputError(Problem(Loc(name), f"cannot read the file: {exc.strerror}", "check the path and permissions")) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise _folder(name)
        regular = stat.S_ISREG(st.st_mode)
        if regular and st.st_size > limit:
            raise TooLarge(st.st_size)
        chunks: list[bytes] = []
        got = 0
        deadline = time.monotonic() + timeout
        waited = False  # a FIFO opened without blocking reads as empty until a writer opens it
        while got <= limit:
            try:
                chunk = os.read(fd, min(_CHUNK, limit + 1 - got))
            except BlockingIOError:  # a pipe or terminal with nothing to read yet
                _wait(fd, deadline, name, timeout, got)
                continue
            except IsADirectoryError:
                raise _folder(name) from None
            except OSError as exc:
                raise InputError(Problem(Loc(name), f"cannot read the file: {exc.strerror}", "check the path and permissions")) from None
            if not chunk:
                if regular or got or waited:
                    break
                waited = True
                _wait(fd, deadline, name, timeout, got)
                continue
            chunks.append(chunk)
            got += len(chunk)
            if not regular and time.monotonic() > deadline:
                raise _silent(name, timeout, got)
        if got > limit:
            raise TooLarge(st.st_size if regular else None)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _wait(fd: int, deadline: float, name: str, timeout: float, got: int) -> None:
    """Wait until ``fd`` can be read (data, end of file, or a writer connecting), at most until ``deadline``."""
    left = deadline - time.monotonic()
    if left <= 0 or not select.select([fd], [], [], left)[0]:
        raise _silent(name, timeout, got)


def _folder(name: str) -> InputError:
    return InputError(Problem(Loc(name), "this is a folder, not a file", "give the path to a file"))


def _silent(name: str, timeout: float, got: int) -> InputError:
    what = "nothing came" if not got else f"only {got:,} bytes came"
    return InputError(
        Problem(
            Loc(name),
            f"{what} from this pipe or device within {timeout:g} seconds",
            "give the path to a regular file, or start the program that writes to the pipe first",
        )
    )
