"""Characters: the ones an inventory text may not contain, the invisible ones, and scripts.

* :func:`forbidden` finds a character that would crash a later stage or mislead a reader: a lone
  surrogate (``"\\ud800"``), a Unicode non-character (U+FFFE, U+FDD0 ...), a control character
  other than tab and line break (ESC reaches terminals), a bidirectional embedding, override or
  isolate (U+202A-202E, U+2066-2069: "We do not sell" can display as something else), or a tag
  character (U+E0000-E007F: invisible text). Such characters are **rejected** with their
  ``file:line:column`` (not removed): a notice must say what its author sees. Zero-width joiners
  and non-joiners stay allowed (emoji sequences, Persian and Indic words need them), and so do the
  tag characters of a flag emoji (U+1F3F4 followed by tags and U+E007F CANCEL TAG).
* :func:`visible` is a text without its invisible characters (spaces, zero-width and format
  characters, fillers): a name made only of U+200B is empty.
* :func:`same_key` is how names are compared in duplicate checks: NFC-normalised, invisible
  characters removed.
* :func:`mixed_scripts` names the scripts of a domain label that mixes them (``раураl``:
  Cyrillic and Latin), after Unicode TS #39's "highly restrictive" level.
"""

from __future__ import annotations

import re
import unicodedata

#: Flag emoji: a black flag, tag letters, CANCEL TAG (e.g. the flag of England).
_FLAG = re.compile("\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F")

_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # control characters but tab and line break
    "\ud800-\udfff"  # surrogates: only an escape such as "\ud800" can bring one in
    "\ufdd0-\ufdef\ufffe\uffff"  # non-characters (and those of the other planes, below)
    "\u202a-\u202e\u2066-\u2069"  # bidirectional embeddings, overrides and isolates
    "\U000E0000-\U000E007F"  # tag characters
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17))
    + "]"
)


def forbidden(text: str) -> tuple[int, str, str] | None:
    """(offset, message, fix) for the first character of ``text`` that is not allowed, or None."""
    m = _FORBIDDEN.search(text)
    while m is not None and "\U000E0000" <= m.group() <= "\U000E007F":
        flag = next((f for f in _FLAG.finditer(text) if f.start() <= m.start() < f.end()), None)
        if flag is None:
            break
        m = _FORBIDDEN.search(text, flag.end())
    if m is None:
        return None
    ch = m.group()
    code = f"U+{ord(ch):04X}"
    name = unicodedata.name(ch, "")
    named = f"{code} ({name})" if name else code
    if "\ud800" <= ch <= "\udfff":
        return m.start(), (
            f"the text contains {code}, half of a UTF-16 surrogate pair, which is not a character"
        ), "write the character itself, or its full code in a double-quoted text, e.g. \"\\U0001F600\" for an emoji"
    if ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        return m.start(), (
            f"the text contains the bidirectional control {named}, which can make the text display in another order than it reads"
        ), "delete it (editors often hide it: retype the text); plainnotice sets each language's direction itself"
    if ch >= "\U000E0000":
        return m.start(), (
            f"the text contains the invisible tag character {named}, which hides text from readers"
        ), "delete it (editors often hide it: retype the text)"
    if ch <= "\x9f":
        return m.start(), (
            f"the text contains the control character {code}, which is not text"
        ), "delete it; texts may contain tabs and line breaks but no other control characters"
    return m.start(), (
        f"the text contains {code}, which Unicode reserves as a non-character"
    ), "delete it; it is often left over from a conversion between encodings"


#: Fillers that display as nothing though Unicode calls them letters or symbols.
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")


def _invisible(ch: str) -> bool:
    if ch.isspace() or ch in _FILLERS:
        return True
    cat = unicodedata.category(ch)
    if cat == "Cf":
        return True
    return "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"  # variation selectors


def visible(text: str) -> str:
    """``text`` without invisible characters: whitespace, format characters (U+200B, U+200D, U+00AD,
    U+FEFF ...), variation selectors and the Hangul and Braille fillers."""
    if text.isascii():
        return "".join(text.split())
    return "".join(ch for ch in text if not _invisible(ch))


def same_key(text: str) -> str:
    """The form names are compared in for duplicates: NFC, with invisible characters removed."""
    return visible(unicodedata.normalize("NFC", text))


# --------------------------------------------------------------------------------------------
# Scripts of domain labels
# --------------------------------------------------------------------------------------------

#: Scripts by a word of the character's Unicode name (letters only).
_SCRIPT_WORDS = {
    "LATIN": "Latin", "GREEK": "Greek", "COPTIC": "Coptic", "CYRILLIC": "Cyrillic", "ARMENIAN": "Armenian",
    "HEBREW": "Hebrew", "ARABIC": "Arabic", "SYRIAC": "Syriac", "THAANA": "Thaana", "DEVANAGARI": "Devanagari",
    "BENGALI": "Bengali", "GURMUKHI": "Gurmukhi", "GUJARATI": "Gujarati", "ORIYA": "Oriya", "TAMIL": "Tamil",
    "TELUGU": "Telugu", "KANNADA": "Kannada", "MALAYALAM": "Malayalam", "SINHALA": "Sinhala", "THAI": "Thai",
    "LAO": "Lao", "TIBETAN": "Tibetan", "MYANMAR": "Myanmar", "GEORGIAN": "Georgian", "HANGUL": "Hangul",
    "ETHIOPIC": "Ethiopic", "CHEROKEE": "Cherokee", "KHMER": "Khmer", "MONGOLIAN": "Mongolian",
    "HIRAGANA": "Hiragana", "KATAKANA": "Katakana", "BOPOMOFO": "Bopomofo", "CJK": "Han", "IDEOGRAPHIC": "Han",
}
#: Mixes that are normal (UTS #39, "highly restrictive"): Japanese, Chinese and Korean with Latin.
_ALLOWED_MIXES = (
    frozenset({"Latin", "Han", "Hiragana", "Katakana"}),
    frozenset({"Latin", "Han", "Bopomofo"}),
    frozenset({"Latin", "Han", "Hangul"}),
)


def script(ch: str) -> str | None:
    """The script of a letter, from its Unicode name; None for anything that is not a letter."""
    if not unicodedata.category(ch).startswith("L"):
        return None
    name = unicodedata.name(ch, "")
    for word in name.split():
        if word in _SCRIPT_WORDS:
            return _SCRIPT_WORDS[word]
    return name.split()[0].title() if name else "Unknown"


def mixed_scripts(label: str) -> list[str]:
    """The scripts of ``label`` when it mixes scripts in a way no language does; else []."""
    scripts = {s for s in map(script, label) if s}
    if len(scripts) <= 1 or any(scripts <= ok for ok in _ALLOWED_MIXES):
        return []
    return sorted(scripts)


# --------------------------------------------------------------------------------------------
# Domains that mix scripts, anywhere in the inventory
# --------------------------------------------------------------------------------------------

#: A host: after "://" (a URL) or "@" (an e-mail address), up to the next delimiter.
_HOST = re.compile(r"(?:://|@)([^\s/?#:@<>\"'\\\[\](){}|,;]+)")


def _labels(host: str) -> list[tuple[str, str]]:
    """(label as written, label as readers see it: xn-- labels decoded) for each label of ``host``."""
    out = []
    for label in host.strip(".").split("."):
        shown = label
        if label.lower().startswith("xn--"):
            try:
                shown = label.encode("ascii").decode("idna")
            except (UnicodeError, ValueError):
                pass
        out.append((label, shown))
    return out


def mixed_script_hosts(text: str) -> list[tuple[int, str, str, list[str]]]:
    """(offset in ``text``, host, label, scripts) for each host in ``text`` with a label that mixes scripts."""
    found = []
    for m in _HOST.finditer(text):
        for label, shown in _labels(m.group(1)):
            scripts = mixed_scripts(shown)
            if scripts:
                found.append((m.start(1), m.group(1), shown, scripts))
                break
    return found
