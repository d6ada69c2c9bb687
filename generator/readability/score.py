"""Scoring any file (``plainnotice score``): Markdown, HTML or plain text, the same measure as
the gate's, per file and per section, with no targets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import InputError, Loc, Problem
from generator.inventory.load import LIMITS
from generator.inventory.userfiles import TooLarge, read_limited
from generator.readability.formulas import Counts, Scores
from generator.readability.gate import save_cache
from generator.readability.htmltext import html_units, text_units
from generator.readability.measure import measure_units
from generator.readability.report import SectionReport
from generator.readability.textprep import Unit, markdown_units


@dataclass(eq=False, repr=False)
class FileScore:
    path: str
    kind: str
    scores: Scores
    sections: list[SectionReport]

    def as_dict(self) -> dict:
        return {"file": self.path, "format": self.kind, **self.scores.as_dict(), "sections": [s.as_dict() for s in self.sections]}


def detect_kind(path: str, text: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".md", ".markdown", ".mdown", ".mkd"):
        return "markdown"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".txt", ".text"):
        return "text"
    head = text.lstrip()[:500].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    return "text"


def units_for(kind: str, text: str) -> list[Unit]:
    if kind == "markdown":
        return markdown_units(text)
    if kind == "html":
        return html_units(text)
    return text_units(text)


def score_document(path: str, text: str, kind: str | None = None, lang: str = "en_US") -> FileScore:
    kind = kind or detect_kind(path, text)
    measured, secs = measure_units(units_for(kind, text), path, lang)
    total = Counts()
    sections = []
    for sec in secs:
        total = total + sec.counts
        if sec.counts.reading_words:
            sections.append(SectionReport(path, sec.title or "(start)", Scores.of(sec.counts)))
    return FileScore(path, kind, Scores.of(total), sections)


def read_input(path: str) -> str:
    """The text of a file to score: UTF-8 (with or without a byte-order mark), UTF-16 with a
    byte-order mark, else Windows-1252. A missing, binary or unreadable file is an InputError."""
    limit = LIMITS["max_bytes"]
    try:
        data = read_limited(path, limit)
    except TooLarge as big:
        mib = limit // (1024 * 1024)
        if big.size is not None:
            what = f"the file is {big.size / (1024 * 1024):.1f} MiB, larger than the {mib} MiB limit"
        else:
            what = f"more than {mib} MiB came from this device or pipe, over the {mib} MiB limit"
        raise InputError(
            Problem(Loc(path), f"{what} of 'plainnotice score'", "score the pages one by one")
        ) from None
    except InputError as err:
        (p,) = err.problems
        if p.message.startswith("this is a folder"):
            p = Problem(p.loc, p.message, "give a Markdown, HTML or text file")
        elif p.message.startswith("cannot read"):
            p = Problem(p.loc, p.message, "check its permissions")
        raise InputError(p) from None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with a byte-order mark (Windows exports)
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(Problem(Loc(path), "the file starts like UTF-16 but is not", "save it as UTF-8")) from None
    if b"\x00" in data[:8192]:
        raise InputError(Problem(Loc(path), "this looks like a binary file", "give a Markdown, HTML or text file"))
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise InputError(Problem(Loc(path), "the file is not UTF-8 text", "save it as UTF-8"))


def score_files(paths: list[str]) -> list[FileScore]:
    """Scores of each file; an InputError listing every file that could not be read."""
    problems: list[Problem] = []
    results: list[FileScore] = []
    for path in paths:
        try:
            text = read_input(path)
        except InputError as err:
            problems.extend(err.problems)
            continue
        results.append(score_document(path, text))
    save_cache()
    if problems:
        raise InputError(problems)
    return results
