"""Word lists and the word-level style rules: legalese with plainer words, hedges, hidden verbs
(``generator/data/*.tsv``, read once) and a small passive-voice detector. Which of them a language
has is its profile's ``word_lists`` (:func:`style_for`): English has all four; a language whose
profile says ``none`` for a list gets no findings from it (no list is better than an invented one)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.inventory.datafiles import data_rows
from generator.notice.profile import Profile
from generator.readability.textprep import WORD


@dataclass(eq=False, repr=False)
class Phrases:
    """A list of phrases matched word by word (faster than one big regular expression).

    A phrase's last word may end in ``*`` to match any ending ("utiliz*").
    """

    by_first: dict[str, list[tuple[tuple[str, ...], bool, str]]]  # first word -> [(words, wildcard, value)]
    wild_first: list[tuple[str, tuple[str, ...], str]]  # one-word wildcard phrases: (prefix, words, value)

    @classmethod
    def of(cls, table: dict[str, str]) -> "Phrases":
        by_first: dict[str, list] = {}
        wild_first: list = []
        for phrase, value in table.items():
            words = tuple(phrase.lower().split())
            wild = words[-1].endswith("*")
            if wild and len(words) == 1:
                wild_first.append((words[0][:-1], words, value))
            else:
                by_first.setdefault(words[0], []).append((words, wild, value))
        for entries in by_first.values():
            entries.sort(key=lambda e: -len(e[0]))  # longest phrase first
        return cls(by_first, wild_first)

    def __post_init__(self) -> None:
        # every one-word wildcard prefix at once: most words start with none of them
        self._wild_prefixes = tuple(prefix for prefix, _, _ in self.wild_first)

    def find(self, tokens: list[tuple[str, int, int]], text: str):
        """Yield (start token, end token, phrase, value); phrases need only spaces between words."""
        n = len(tokens)
        i = 0
        while i < n:
            word = tokens[i][0]
            hit = None
            for words, wild, value in self.by_first.get(word, ()):
                j = i + len(words)
                if j > n:
                    continue
                ok = all(tokens[i + k][0] == words[k] for k in range(1, len(words) - 1))
                last = tokens[j - 1][0]
                ok = ok and (last.startswith(words[-1][:-1]) if wild else last == words[-1] or len(words) == 1)
                if ok and all(text[tokens[k][2] : tokens[k + 1][1]].isspace() for k in range(i, j - 1)):
                    hit = (i, j, " ".join(words), value)
                    break
            if hit is None and word.startswith(self._wild_prefixes):
                for prefix, words, value in self.wild_first:
                    if word.startswith(prefix):
                        hit = (i, i + 1, words[0], value)
                        break
            if hit:
                yield hit
                i = hit[1]
            else:
                i += 1


@lru_cache(maxsize=1)
def plain_words() -> Phrases:
    """Legalese -> plain alternative (``generator/data/plain_words.tsv``)."""
    return Phrases.of({r[0]: r[1] for r in data_rows("plain_words.tsv") if len(r) >= 2})


@lru_cache(maxsize=1)
def hedges() -> Phrases:
    """Vague qualifiers -> what to write instead (``generator/data/readability_hedges.tsv``)."""
    return Phrases.of({r[0]: r[1] for r in data_rows("readability_hedges.tsv") if len(r) >= 2})


@lru_cache(maxsize=1)
def hidden_verbs() -> dict[str, str]:
    """Noun -> verb (``generator/data/readability_hidden_verbs.tsv``)."""
    return {r[0].lower(): r[1] for r in data_rows("readability_hidden_verbs.tsv") if len(r) >= 2}


LIGHT_VERBS = frozenset(
    "make makes made making give gives gave given giving take takes took taken taking have has had having "
    "provide provides provided providing perform performs performed performing conduct conducts conducted "
    "conducting reach reaches reached reaching undertake undertakes undertook undertaken undertaking "
    "submit submits submitted submitting effect effects effected effecting issue issues issued issuing "
    "do does did done doing offer offers offered offering carry carries carried carrying".split()
)
SMALL_WORDS = frozenset("a an the any your our their its this that these those such no out full formal written final prompt".split())
BE_FORMS = frozenset("am is are was were be been being get gets got gotten getting".split())
ADVERBS = frozenset("not never also only always then still now all automatically".split())
IRREGULAR_PARTICIPLES = frozenset(
    "given taken made kept sent shown known done seen written held sold told found paid chosen stolen built "
    "bought brought caught taught thought left lost meant met set put run cut shut spent understood won "
    "forgotten hidden driven begun broken spoken worn torn drawn grown thrown shaken bound sought fed led "
    "lent dealt heard laid said shot struck stuck swept withdrawn overridden undertaken forbidden read".split()
)
NOT_PASSIVE = frozenset(
    "interested located based concerned supposed married tired pleased satisfied excited worried scared "
    "bored need needed indeed speed feed seed shed bed red able allowed limited closed open aged advanced "
    "detailed skilled qualified experienced licensed sure free committed dedicated".split()
)
#: Words of NOT_PASSIVE that are participles after "been" or "being" ("has been closed").
PARTICIPLE_AFTER_BEEN = frozenset("closed limited allowed advanced detailed qualified licensed committed".split())
#: What follows "is used to" when it means "is accustomed to", not "is used (by us) to do".
_ACCUSTOMED_TO = frozenset("it this that them him her me us the a an being having".split())

def tokens(text: str) -> list[tuple[str, int, int]]:
    """Lower-case words of ``text`` with their offsets."""
    return [(m.group().lower().replace("\u2019", "'"), m.start(), m.end()) for m in WORD.finditer(text)]


def find_passive(toks: list[tuple[str, int, int]]):
    """(start token, end token) of the first passive construction: a form of "be" or "get", up to two
    adverbs, then a past participle ("is shared", "are not sold", "was automatically deleted")."""
    n = len(toks)
    for i, (w, _, _) in enumerate(toks):
        if w not in BE_FORMS:
            continue
        j = i + 1
        while j < n and j - i <= 2 and (toks[j][0] in ADVERBS or (toks[j][0].endswith("ly") and len(toks[j][0]) > 4)):
            j += 1
        if j >= n:
            continue
        part = toks[j][0]
        if part in NOT_PASSIVE and not (w in ("been", "being") and part in PARTICIPLE_AFTER_BEEN):
            continue
        if (part.endswith("ed") and len(part) >= 5) or part in IRREGULAR_PARTICIPLES or part == "used":
            if part == "used" and j + 1 < n and toks[j + 1][0] == "to":
                # "is used to keep you logged in" is passive; "got used to it" / "is used to the app" is not
                if w.startswith("g") or j + 2 >= n or toks[j + 2][0] in _ACCUSTOMED_TO or toks[j + 2][0].endswith("ing"):
                    continue
            return i, j + 1
    return None


#: Who "may" can grant a right to: "you may ask", "an authorized agent may ask for you".
READER_SUBJECTS = frozenset("you agent agents parent parents guardian".split())
#: After "you may": what happens *to* the reader is the notice hedging about what the business does
#: ("you may receive offers", "you may be asked"); anything else is a permission or a wish.
HAPPENS_TO_READER = frozenset("be receive get see hear notice experience have lose".split())
#: "may" and "might" are the modal words the rule treats this way.
MODALS = frozenset({"may", "might"})


def _reader_modal(toks: list[tuple[str, int, int]], i: int) -> bool:
    """True for "may"/"might" at ``toks[i]`` whose subject is the reader ("you may ask", "services
    you may like", "your agent may send it"): a permission or a wish, not a hedge about what the
    business does -- unless what follows happens to the reader ("you may receive e-mails")."""
    if i == 0 or toks[i - 1][0] not in READER_SUBJECTS:
        return False
    k = i + 1
    while k < len(toks) and toks[k][0] in ("also", "still", "always", "then", "now", "not"):
        k += 1
    return k < len(toks) and toks[k][0] not in HAPPENS_TO_READER


def find_hedges(toks: list[tuple[str, int, int]], text: str, phrases: "Phrases | None" = None):
    """Yield (start token, end token, phrase, what to write instead) for the vague qualifiers of
    ``generator/data/readability_hedges.tsv`` (rule RD006; ``phrases``: another language's list),
    except "May" the month ("1 May 2026") and "may"/"might" as a permission or wish of the reader
    (:func:`_reader_modal`)."""
    for i, j, key, instead in (hedges() if phrases is None else phrases).find(toks, text):
        if key in MODALS:
            if text[toks[i][1]] == "M" and (re.match(r"\s*\d", text[toks[j - 1][2] :]) or re.search(r"\d\s*$", text[: toks[i][1]])):
                continue  # the month
            if _reader_modal(toks, i):
                continue
        elif key == "often" and i >= 2 and toks[i - 2][0] == "you":
            continue  # "salons you book often": how often the reader does something
        yield i, j, key, instead


def find_hidden_verbs(toks: list[tuple[str, int, int]], table: dict[str, str] | None = None):
    """Yield (start token, end token, noun, verb) for "make a decision" and the like."""
    table = hidden_verbs() if table is None else table
    n = len(toks)
    for i, (w, _, _) in enumerate(toks):
        if w not in LIGHT_VERBS:
            continue
        j = i + 1
        while j < n and j - i <= 3 and toks[j][0] in SMALL_WORDS:
            j += 1
        if j >= n:
            continue
        noun = toks[j][0]
        base = noun if noun in table else (noun[:-1] if noun.endswith("s") and noun[:-1] in table else None)
        if base and (j > i + 1 or base in ("use", "reference")):
            yield i, j + 1, base, table[base]


@dataclass(frozen=True)
class Style:
    """The style rules a language has: each list, or None where its profile has none."""

    legalese: Phrases | None
    hedges: Phrases | None
    hidden_verbs: dict[str, str] | None
    passive: bool  # the English passive-voice detector
    legalese_source: str = "US Federal Plain Language Guidelines"
    hedges_source: str = "WP260 rev.01 para. 13"
    #: Names the law gives that no plainer word can replace ("Information Commissioner's Office",
    #: "cross-context behavioral advertising"): the profile's ``readability.legal_names``, lower case.
    legal_names: tuple[str, ...] = ()


@lru_cache(maxsize=32)
def _rows(name: str, folder: str) -> dict[str, str]:
    """A two-column list: a file in the language's folder, else one in generator/data/."""
    path = Path(folder) / name if folder else None
    if path is not None and path.is_file():
        lines = path.read_text(encoding="utf-8").splitlines()
        rows = [tuple(p.strip() for p in line.split("\t")) for line in lines if line.strip() and not line.startswith("#")]
    else:
        rows = list(data_rows(name))
    return {r[0]: r[1] for r in rows if len(r) >= 2}


def style_for(profile: Profile | None) -> Style:
    """The style rules of a language (English's when there is no profile)."""
    if profile is None:
        return Style(plain_words(), hedges(), hidden_verbs(), True)
    names = tuple(sorted({n.lower() for n in profile.legal_names}, key=len, reverse=True))
    own = {k: v for k, v in profile.word_lists.items() if v and v not in ("plain_words.tsv", "readability_hedges.tsv")}
    lists, folder = profile.word_lists, profile.folder

    def phrases(key: str, default) -> Phrases | None:
        name = lists.get(key)
        if not name:
            return None
        builtin = {"legalese": "plain_words.tsv", "hedges": "readability_hedges.tsv"}[key]
        return default() if name == builtin else Phrases.of(_rows(name, folder))

    hidden = lists.get("hidden_verbs")
    return Style(
        phrases("legalese", plain_words),
        phrases("hedges", hedges),
        None if not hidden else hidden_verbs() if hidden == "readability_hidden_verbs.tsv" else {k.lower(): v for k, v in _rows(hidden, folder).items()},
        lists.get("passive") == "english",
        own.get("legalese", "US Federal Plain Language Guidelines"),
        own.get("hedges", "WP260 rev.01 para. 13"),
        names,
    )
