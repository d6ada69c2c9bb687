"""Sentences, and each sentence as the formulas get it.

* :func:`sentences` splits a unit; abbreviations such as "e.g.", "U.S." and "Inc." do not end one
  (another language passes its own list: its profile's ``abbreviations``);
* :func:`name_spans` finds URLs, e-mail addresses, numbers, dates and code;
* :func:`score_text` is the sentence the formulas see: those names count as one easy word each.
"""

from __future__ import annotations

import re

from generator.readability.textprep import Sentence, Unit

#: What a URL, e-mail address, number, date or code counts as in the formulas: one word of one
#: syllable and three letters that is on the Dale-Chall list of easy words.
PLACEHOLDER = "ten"

#: Abbreviations that never end a sentence (case-insensitive).
ABBREVIATIONS_NEVER_FINAL = frozenset(
    "e.g. i.e. cf. vs. viz. approx. incl. esp. etc.al. mr. mrs. ms. dr. prof. st. no. nos. art. arts. "
    "para. paras. sec. secs. p. pp. vol. fig. ch. ref. dept. min. max. ca. c. approx. jan. feb. mar. "
    "apr. jun. jul. aug. sep. sept. oct. nov. dec. mon. tue. wed. thu. fri. sat. sun. "
    "cal. civ. proc. reg. regs. stat. subd. cl. u.s.c. c.f.r. o.j. sch. reg.".split()
)
#: Abbreviations that end a sentence only when the next word starts a sentence ("Zendesk Inc. We ...").
ABBREVIATIONS_MAYBE_FINAL = frozenset(
    "inc. ltd. lda. llc. llp. plc. corp. co. gmbh. ag. s.a. b.v. n.v. sarl. s.l. s.p.a. pty. ab. oy. "
    "bros. etc. u.s. u.k. e.u. u.s.a. jr. sr.".split()
)
#: Words that usually start a sentence; after "Inc." or "etc." they mean a new sentence began.
SENTENCE_STARTERS = frozenset(
    "we you they it this that these those the our your their if when for to in a an he she there "
    "here what how why who where please you'll we'll it's".split()
)

#: After a semicolon, words that start a clause of its own ("...of the Terms; however, that does
#: not mean..."): the semicolon then ends a sentence, as it does before a capital letter (items
#: such as "Stop fraud; Send offers by email"). Before anything else ("...of the business;
#: investments in security...; and in general...") it separates the items of one sentence.
CLAUSE_STARTERS_AFTER_SEMICOLON = frozenset(
    "we you they it this that he she there if when however therefore "
    "otherwise instead moreover thus hence consequently nevertheless nonetheless accordingly "
    "furthermore please you'll we'll it's".split()
)

_CANDIDATE = re.compile(r"[.!?\u2026]+[\"'\u2019\u201d)\]]*(?=\s|$)|;(?=\s)")
_SPACES = re.compile(r"\s*")
_NEXT_WORD = re.compile(r"[\w'\u2019]+")


def _token_start(text: str, i: int) -> int:
    """Start of the run of non-space characters that holds ``text[i]``."""
    j = i
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    return j


def _ends_sentence(text: str, m: re.Match, never: frozenset[str] | None = None, semicolon_items: bool = False) -> bool:
    """Whether the candidate ``m`` ends a sentence. ``never``: a language's abbreviations that never
    end one (None: English's, with its list of words that start a sentence). ``semicolon_items``:
    every semicolon ends one (Markdown: see :attr:`.textprep.Unit.semicolon_items`)."""
    # Every step looks at the text next to the candidate only (no slices to the ends of the
    # text), so splitting is linear in the length of the unit.
    k = _SPACES.match(text, m.end()).end()
    if k >= len(text):
        return True
    if semicolon_items and m.group()[0] == ";":
        return True
    if m.group()[0] == ";":  # two sentences, or the items of one: see CLAUSE_STARTERS_AFTER_SEMICOLON
        word = _NEXT_WORD.match(text, k)
        return bool(word) and (text[k].isupper() or word.group().lower().replace("\u2019", "'") in CLAUSE_STARTERS_AFTER_SEMICOLON)
    first = text[k]
    if first.islower():
        return False  # "approx. two", "e.g. email"
    if m.group()[0] != ".":
        return True
    word = text[_token_start(text, m.start()) : m.start() + 1].lstrip("(\"'\u201c\u2018[").lower()
    next_word = _NEXT_WORD.match(text, k)
    starter = bool(next_word) and next_word.group().lower().replace("\u2019", "'") in SENTENCE_STARTERS
    if word in (ABBREVIATIONS_NEVER_FINAL if never is None else never):
        return False
    if never is not None:
        if _INITIALS.fullmatch(word):
            return False  # initials ("M. Koch"); the next word is not lower case here
        return True  # a company suffix before a capital: "Sprachpfad GmbH. Wir ..."
    if word in ABBREVIATIONS_MAYBE_FINAL or _INITIALS.fullmatch(word):
        return starter  # "U.S. law" vs "in the U.S. We ..."; initials like "J."
    return True


_INITIALS = re.compile(r"(?:[a-z]\.)+")


def sentences(unit: Unit, never: frozenset[str] | None = None) -> list[Sentence]:
    """Split a unit into sentences. A unit always ends its last sentence. ``never``: a language's
    abbreviations that never end a sentence (None: English's rules)."""
    text = unit.text
    out: list[Sentence] = []
    start = len(text) - len(text.lstrip())
    for m in _CANDIDATE.finditer(text):
        if m.end() <= start:
            continue
        if _ends_sentence(text, m, never, unit.semicolon_items):
            if text[start : m.end()].strip():
                out.append(Sentence(unit, start, m.end()))
            start = _SPACES.match(text, m.end()).end()
    if text[start:].strip():
        out.append(Sentence(unit, start, len(text.rstrip())))
    return out


_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_NAME_TOKENS = re.compile(
    rf"""
    (?:https?://|ftp://|mailto:|www\.)[^\s<>"]+?(?=[.,;:!?)\]"']*(?:\s|$))   # URLs
  | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                                  # e-mail addresses
  | \b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+\d{{4}}\b            # 1 November 2026
  | \b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b           # November 1, 2026
  | \b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|eu|uk|de|fr|es|pt|it|nl|ie|us|ca|example|app|dev|info|co)\b(?:/[^\s]*[^\s.,;:!?)])?  # bare domains
  | [^\s]*\d[^\s]*                                                 # numbers, dates, codes: 72, 1.3, AES-256, 2026-11-01
    """,
    re.VERBOSE | re.IGNORECASE,
)
_MAYBE_NAME = re.compile(r"\d|@|:/|www\.|\.[a-z]", re.I)  # cheap test before _NAME_TOKENS

#: A run of more than this many non-space characters is code, a key or a pasted blob, not a word:
#: it counts as one name. (The longest English words are about 30 letters; a long URL is a name anyway.)
#: This also bounds the work per character of the scan below, so name_spans is linear in the text.
LONG_TOKEN = 100
_LONG = re.compile(r"(?<!\S)\S{%d,}" % (LONG_TOKEN + 1))
_OPENERS = "([\"'\u2018\u201c"
_CLOSERS = ".,;:!?)]\"'\u2019\u201d"


def _trimmed(text: str, a: int, z: int) -> tuple[int, int]:
    while z > a and text[z - 1] in _CLOSERS:
        z -= 1  # trailing punctuation belongs to the sentence
    while a < z and text[a] in _OPENERS:
        a += 1
    return a, z


def name_spans(text: str, protected: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Ranges of ``text`` that are URLs, e-mail addresses, numbers, dates or code: not hard words."""
    spans = list(protected)
    longs = [m.span() for m in _LONG.finditer(text)] if len(text) > LONG_TOKEN else []
    if not longs and not _MAYBE_NAME.search(text):
        return spans
    # The tokens between long ones go through the pattern (every match stays inside its stretch:
    # no alternative matches across the space before a long token).
    pos = 0
    for a0, z0 in [*longs, (len(text), len(text))]:
        for m in _NAME_TOKENS.finditer(text, pos, a0):
            a, z = _trimmed(text, m.start(), m.end())
            if z > a:
                spans.append((a, z))
        if z0 > a0:
            a, z = _trimmed(text, a0, z0)
            if z > a:
                spans.append((a, z))
        pos = z0
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, z in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(z, merged[-1][1]))
        else:
            merged.append((a, z))
    return merged


_ABBR_DOTS = re.compile(r"(?<![\w.])(?:[A-Za-z]{1,2}\.){2,}|(?<![\w.])[A-Za-z]{1,6}\.(?=\s+\S)")


def score_text(text: str, protected: list[tuple[int, int]] = (), names: list[tuple[int, int]] | None = None) -> str:
    """The sentence as the formulas get it.

    * URLs, e-mail addresses, numbers, dates and code become ``PLACEHOLDER`` (one easy word);
    * dots inside abbreviations go ("e.g." -> "eg") so they do not end a sentence;
    * any other ``.``, ``!`` or ``?`` inside the sentence becomes a space, and the sentence ends
      with exactly one full stop, so textstat counts it as one sentence.
    """
    out, last = [], 0
    for a, z in (names if names is not None else name_spans(text, protected)):
        out.append(text[last:a])
        out.append(PLACEHOLDER)
        last = z
    out.append(text[last:])
    s = "".join(out).strip()
    s = re.sub(r"[.!?\u2026:;,\"'\u2019\u201d)\]\s]+$", "", s)
    s = _ABBR_DOTS.sub(lambda m: m.group().replace(".", ""), s)
    s = re.sub(r"[.!?\u2026]", " ", s)
    s = " ".join(s.split())
    return s + "." if s else ""
