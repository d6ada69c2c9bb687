"""Locations and the two kinds of trouble the tool reports.

* ``InputError``: the inventory (or a command line) is wrong. Exit code 2.
* ``EnvironmentProblem``: the machine is in the way (disk full, read-only, permission denied, busy
  mount). Exit code 2, one line naming the path and what to do (:func:`environment_problem`).
* ``Finding``: the inventory is valid but something is missing or hard to read. Exit code 1
  when any finding is at level "error".

Both carry a ``Loc`` so every message can name ``file:line:column``. A finding's stage-specific
facts (the laws a rule applies to, a sentence's readability score) are a typed :class:`Detail`.
This module imports nothing else of plainnotice: every stage may use it.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass, field, fields
from pathlib import Path

#: What a terminal, a CI log or an XML file must not get raw: control characters (ESC starts
#: terminal escape sequences, CR and LF start new lines), line separators, bidirectional controls,
#: surrogates and non-characters (not allowed in XML).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str, keep: str = "") -> str:
    """``text`` safe to print: each character above becomes a visible escape (``\\x1b``, ``\\n``,
    ``\\u202e``), except those in ``keep``. A message, a path or a value from the inventory goes
    through this before a terminal, a log or a JUnit file sees it; JSON output needs no such step."""
    if text.isprintable() and not keep:
        return text

    def esc(m: re.Match) -> str:
        ch = m.group()
        if ch in keep:
            return ch
        if ch in _NAMED:
            return _NAMED[ch]
        return f"\\x{ord(ch):02x}" if ord(ch) <= 0xFF else f"\\u{ord(ch):04x}"

    return _UNPRINTABLE.sub(esc, text)


@dataclass(frozen=True, order=True)
class Loc:
    """A place in a file. ``line`` and ``col`` are 1-based; 0 means "unknown"."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        file = printable(self.file)
        if self.line and self.col:
            return f"{file}:{self.line}:{self.col}"
        if self.line:
            return f"{file}:{self.line}"
        return file

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "column": self.col}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, with where it is and how to fix it."""

    loc: Loc
    message: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.loc}: error: {printable(self.message)}"
        if self.fix:
            text += f"\n  fix: {printable(self.fix)}"
        return text

    def as_dict(self) -> dict:
        return {**self.loc.as_dict(), "message": self.message, "fix": self.fix}


class InputError(Exception):
    """Bad input: one or more problems. The CLI prints them and exits with 2."""

    def __init__(self, problems: list[Problem] | Problem):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems = sorted(problems, key=lambda p: (p.loc.file, p.loc.line, p.loc.col, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class EnvironmentProblem(InputError):
    """The machine, not the input, stopped the run: each problem is one line (no separate fix)."""


#: errno -> (what happened, what to do). Anything else from the operating system is a bug (a traceback).
_ENVIRONMENT_ERRNOS = {
    errno.ENOSPC: ("no space left on the device", "free some space, or choose a folder on another disk, then run again"),
    errno.EDQUOT: ("the disk quota is used up", "free some space, or choose a folder on another disk, then run again"),
    errno.EROFS: ("the file system is read-only", "choose a folder on a writable disk, or remount it read-write"),
    errno.EACCES: ("permission denied", "make the folder writable for this user, or choose another folder"),
    errno.EPERM: ("the operation is not permitted", "make the folder writable for this user, or choose another folder"),
    errno.EBUSY: ("the folder is busy (a mount point, or in use)", "choose a folder that is not a mount point, or stop what holds it"),
    errno.EXDEV: ("the folder is on another file system than its parent", "choose a folder that is not a mount point"),
    errno.EIO: ("an input/output error", "check the disk, then run again"),
    errno.EMFILE: ("too many open files", "raise the limit (ulimit -n), then run again"),
    errno.ENFILE: ("too many open files on the system", "close some programs, then run again"),
    errno.ENAMETOOLONG: ("a file name is too long", "choose a shorter folder path"),
    errno.EMLINK: ("too many links", "choose another folder"),
}


def environment_problem(exc: OSError, path: str | Path, action: str, kept: str = "") -> EnvironmentProblem | None:
    """An :class:`EnvironmentProblem` for an operating-system error that is about the machine (disk
    full, read-only, permission, busy, ...), naming ``path`` (the folder or file being written:
    the error's own file name may be a temporary or a source file; given no path, that name) and
    what to do; ``kept`` says what was left as it was. None for any other error (a bug)."""
    if not isinstance(exc, OSError) or exc.errno not in _ENVIRONMENT_ERRNOS:
        return None
    what, todo = _ENVIRONMENT_ERRNOS[exc.errno]
    name = errno.errorcode.get(exc.errno, str(exc.errno))
    where = path or exc.filename or "?"
    tail = f"; {kept}" if kept else ""
    return EnvironmentProblem(Problem(Loc(str(where)), f"{what} ({name}) while {action}: {todo}{tail}"))


class Detail:
    """What a stage knows about a finding beyond the common fields, as typed data. Subclasses are
    dataclasses; :meth:`as_dict` gives the fields that are set (not None), in field order, which
    become extra keys of the finding in JSON output."""

    def as_dict(self) -> dict:
        out = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if value is not None:
                out[f.name] = list(value) if isinstance(value, (tuple, list)) else value
        return out


@dataclass(frozen=True)
class Finding:
    """A completeness or readability finding about valid input."""

    rule: str
    level: str  # "error" or "warning"
    message: str
    loc: Loc
    fix: str = ""
    citation: str = ""
    detail: Detail | None = field(default=None, compare=False, hash=False)

    def __str__(self) -> str:
        text = f"{self.loc}: {self.level}: {printable(self.message)}"
        if self.citation:
            text += f" [{printable(self.citation)}]"
        if self.fix:
            text += f"\n  fix: {printable(self.fix)}"
        return text

    def as_dict(self) -> dict:
        out = {"rule": self.rule, "level": self.level, "message": self.message, "fix": self.fix, "citation": self.citation}
        out.update(self.loc.as_dict())
        if self.detail is not None:
            out.update(self.detail.as_dict())
        return out


def display_path(path: str | Path) -> str:
    """A path as messages show it: relative to the working folder when it is inside it, else as given."""
    try:
        p = Path(path)
        if p.is_absolute():
            return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        pass
    return str(path)
