"""`plainnotice score` on real policies agrees with textstat on the same blocks.

The texts (tests/texts/, each folder with its licence and a SOURCE.md) are public policies pasted as
plain text, one paragraph a line: the five Basecamp policies (CC BY 4.0), GitHub's General Privacy
Statement (CC0-1.0) and Automattic's Privacy Policy (CC BY-SA 4.0).

The reference is textstat 0.7.8's Flesch-Kincaid grade of the blocks plainnotice scores, written
so that textstat sees them as blocks: every line of three words or more, each ending a sentence
(a full stop added where the line has no final ``.``, ``!`` or ``?``). textstat's own sentence
split, word and syllable counts do the rest. Lines of one or two words ("Highrise", "Account
Terms") are headings and labels, which plainnotice reads but does not score (docs/readability.md,
"What is scored"); textstat cannot tell them from sentences, so they are left out of its input.
The reference never uses plainnotice's sentence split: that would test us against ourselves.

One text differs by more than 0.3 for a reason on textstat's side, and the test says so: textstat
ends a sentence at every dot ("Our websites include automattic.com and wordpress.com and many
others." is three sentences to textstat), so the domain names, "e.g." and "Automattic Inc." of
Automattic's policy add sentences a reader does not see, and lower textstat's grade.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import textstat

from conftest import TESTS
from generator.cli import main
from generator.readability.score import score_document
from generator.readability.textprep import LABEL_MAX_WORDS, words

TEXTS = TESTS / "texts"
FILES = [
    "basecamp-policies/terms.txt",
    "basecamp-policies/privacy.txt",
    "basecamp-policies/cancellation.txt",
    "basecamp-policies/refund.txt",
    "basecamp-policies/use-restrictions.txt",
    "github-site-policy/github-general-privacy-statement.txt",
    "automattic-legalmattic/privacy-policy.txt",
]
#: Texts where textstat's sentence split, not ours, is the reason for a gap over 0.3; the gap they may have.
TEXTSTAT_SPLITS_AT_DOTS = {"automattic-legalmattic/privacy-policy.txt": 0.8}
TOLERANCE = 0.3

_CLOSED = re.compile(r"[.!?][\"'\u2019\u201d)]*$")


def blocks(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def closed_prose(lines: list[str]) -> str:
    """The lines of three words or more, each ending a sentence, as textstat's input."""
    prose = [line for line in lines if len(words(line)) > LABEL_MAX_WORDS]
    return "\n".join(line if _CLOSED.search(line) else line + "." for line in prose)


def textstat_on_blocks(lines: list[str]) -> float:
    return textstat.flesch_kincaid_grade(closed_prose(lines))


def ours(path: Path) -> float:
    return score_document(str(path), path.read_text(encoding="utf-8")).scores.as_dict()["flesch_kincaid_grade"]


def test_every_text_has_its_licence_and_source():
    for folder in {f.split("/")[0] for f in FILES}:
        names = {p.name for p in (TEXTS / folder).iterdir()}
        assert "SOURCE.md" in names and any(n.startswith("LICENSE") for n in names), folder
        source = (TEXTS / folder / "SOURCE.md").read_text(encoding="utf-8")
        assert "commit" in source and "Changes made" in source
    assert "Attribution-ShareAlike 4.0" in (TEXTS / "automattic-legalmattic" / "LICENSE.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", FILES)
def test_score_agrees_with_textstat_on_the_same_blocks(name):
    path = TEXTS / name
    gap = ours(path) - textstat_on_blocks(blocks(path))
    allowed = TEXTSTAT_SPLITS_AT_DOTS.get(name, TOLERANCE)
    assert abs(gap) <= allowed, f"{name}: plainnotice - textstat = {gap:+.2f}"
    if name in TEXTSTAT_SPLITS_AT_DOTS:
        # the reason is textstat's: it counts more sentences than a reader sees
        example = "Our websites include automattic.com and wordpress.com and many others."
        assert textstat.sentence_count(example) == 3
        assert score_document("x.txt", example).scores.as_dict()["sentences"] == 1
        counted = textstat.sentence_count(closed_prose(blocks(path)))
        assert counted > score_document(str(path), path.read_text(encoding="utf-8")).scores.as_dict()["sentences"]


def test_the_known_gap_is_still_there():
    # if textstat or our rules change so that Automattic agrees within 0.3, tighten the test
    for name, allowed in TEXTSTAT_SPLITS_AT_DOTS.items():
        path = TEXTS / name
        assert abs(ours(path) - textstat_on_blocks(blocks(path))) > TOLERANCE


def test_joining_the_lines_would_score_higher(tmp_path):
    # the bug: a .txt file whose lines were joined as Markdown soft wraps scored 1.1-1.4
    # grades above textstat; as Markdown (no blank lines) the same text still joins
    path = TEXTS / "basecamp-policies/privacy.txt"
    as_md = tmp_path / "privacy.md"
    as_md.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert ours(as_md) - ours(path) > 1.0


def test_score_command_reads_a_txt_file_one_paragraph_a_line(capsys):
    path = TEXTS / "basecamp-policies/refund.txt"
    assert main(["score", str(path), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"format": "text"' in out
