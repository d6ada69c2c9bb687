"""Escaping: inventory text shows as text, never as Markdown or HTML.

* :func:`md_escape`: one line of text, safe anywhere in Markdown (paragraph, list, table, heading);
* :func:`title_safe`: text for ``<title>`` that stays markup-free however often it is un-escaped;
* :func:`safe_url`: a link target, only for https, http and mailto URLs.
"""

from __future__ import annotations

import re

#: Characters Python-Markdown accepts a backslash escape for (plus "|" from the tables extension).
MD_ESCAPED = frozenset("\\`*_[]()#+-.!|")
#: Characters written as HTML entities. Braces too: a backslash keeps "{%" and "{{" together, which
#: a page-templating MkDocs plugin would still read as Jinja; "&#123;" stops attribute lists as well.
HTML_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;", "{": "&#123;", "}": "&#125;"}

#: Private-use characters that bracket a printed inventory value in the running render (the
#: source map, :mod:`.sourcemap`); inventory text can never contain them.
MARK_OPEN, MARK_MID, MARK_CLOSE = "\ue000", "\ue001", "\ue002"
#: Private-use characters of a template line mark (:mod:`.sourcemap`): where template text starts.
LINE_OPEN, LINE_MID, LINE_CLOSE = "\ue003", "\ue005", "\ue004"
#: Every marker character (value and line marks): inventory text that holds one is shown with U+FFFD
#: in its place, so it can never open, close or forge a mark.
MARKERS = re.compile(f"[{MARK_OPEN}-{LINE_MID}]")
#: Characters Markdown extensions MkDocs users enable read as markup, written as numeric entities
#: wherever they are: ``~`` (pymdownx.tilde: ~~struck~~, H~2~O), ``^`` (pymdownx.caret), ``=``
#: (pymdownx.mark ==x==, smartsymbols =/=) and ``$`` (arithmatex). ``@`` too where it starts a word
#: (magiclink's @mentions); inside an e-mail address it stays.
EXTENSION_ENTITIES = frozenset("~^=$")
#: ``:`` is written as an entity when a word or a ``/`` follows it (pymdownx.emoji :smile:,
#: magiclink's bare https://...), and left alone before a space ("Note: ...").
_COLON_OPENS = re.compile(r"[\w/+\-]")
#: Removed from printed text: controls, zero-width spaces, direction marks, bidirectional
#: embeddings, overrides and isolates, invisible operators, BOM. Not the zero-width joiner and
#: non-joiner (U+200C, U+200D): emoji sequences and Persian or Indic words need them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_SPACE = re.compile(r"\s+")
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;?)")


#: Every character :func:`md_escape` may change anywhere but at the start.
_NEEDS_ESCAPE = re.compile("[" + re.escape("".join(sorted(set(HTML_ENTITIES) | MD_ESCAPED | EXTENSION_ENTITIES | {":", "@"}))) + "]")

_LINE_BREAK = re.compile(r"(?<=[^\W_]|[)\]])[ \t]*\r?\n\s*(?=\S)")


def clean_text(value: str) -> str:
    """One line of visible text: controls and marker characters out, whitespace runs to one space.
    A line break after a word ends a line of a list such as a postal address, so it becomes ", "
    ("Marktplein 1\\n2999 Lindeveld" -> "Marktplein 1, 2999 Lindeveld"); after punctuation, a space."""
    value = MARKERS.sub("\ufffd", str(value)).strip()
    value = _LINE_BREAK.sub(", ", value)
    value = _SPACE.sub(" ", value)  # newlines inside a value must never start a new block
    value = _CONTROL.sub("", value)
    return value.strip()


def md_escape(value: str) -> str:
    """Escape ``value`` so Markdown (and HTML inside it) shows it as plain text, on one line.

    * ``< > & " ' { }`` become HTML entities;
    * ``\\ ` * _ [ ] ( ) # + - . ! |`` get a backslash;
    * any other ASCII punctuation at the start (``=``, ``?``, ``~``, ``:`` ...) becomes a numeric
      entity, so a value at the start of a line cannot open a block (setext heading, details, fence);
    * ``~ ^ = $`` anywhere, ``:`` before a word or ``/`` and ``@`` after a space become numeric
      entities, so Markdown
      extensions (pymdownx tilde, caret, mark, emoji, magiclink, smartsymbols' ``=/=``) find no
      markup in them (:data:`EXTENSION_ENTITIES`);
    * whitespace (including newlines) collapses to single spaces; control characters are removed.
    """
    text = clean_text(value)
    if not _NEEDS_ESCAPE.search(text) and not (text[:1].isascii() and not text[:1].isalnum()):
        return text  # nothing below would change a character (most values: names, plain words)
    out = []
    for i, ch in enumerate(text):
        if ch in HTML_ENTITIES:
            out.append(HTML_ENTITIES[ch])
        elif ch in MD_ESCAPED:
            out.append("\\" + ch)
        elif (i == 0 and ch.isascii() and not ch.isalnum()) or ch in EXTENSION_ENTITIES:
            out.append(f"&#{ord(ch)};")
        elif ch == ":" and _COLON_OPENS.match(text, i + 1):
            out.append("&#58;")
        elif ch == "@" and not text[i - 1].isalnum():
            out.append("&#64;")
        else:
            out.append(ch)
    return "".join(out)


def title_safe(value: str) -> str:
    """Plain text for a page title that stays markup-free however often it is un-escaped.

    Material puts the title into ``<title>`` after ``striptags`` (which decodes entities), so ``<``
    and ``>`` become look-alike angle quotes and an ``&`` that starts an entity becomes a full-width
    ampersand.
    """
    text = clean_text(value).replace("<", "\u2039").replace(">", "\u203a")
    return _ENTITY_LIKE.sub("\uff06", text)


_URL_OK = re.compile(r"^(?:https?://[^\s]+|mailto:[^\s]+)$", re.I)
_URL_ENCODE = {c: f"%{ord(c):02X}" for c in " \"'<>`\\()[]{}|^"}


def safe_url(url: str) -> str | None:
    """``url`` ready for a Markdown link destination, or None if it is not https, http or mailto."""
    url = str(url)
    if _CONTROL.search(url) or MARKERS.search(url):
        return None
    url = url.strip()
    if not _URL_OK.match(url):
        return None
    scheme = url.split(":", 1)[0].lower()
    if scheme not in ("https", "http", "mailto"):
        return None
    return "".join(_URL_ENCODE.get(c, c) for c in url)
