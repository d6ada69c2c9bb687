"""Counting a sentence with a language's own rules, for the formulas made for that language
(:mod:`.langformulas`). English keeps textstat 0.7.8's counts (:func:`.formulas.count`).

* a **word** is a run of characters between spaces that holds a letter or a digit, without the
  punctuation around it; a hyphenated compound ("E-Mail-Adresse") and an elided form
  ("l'application", "dell'app") are one word, as they are written without a space;
* a **sentence** is what :func:`.sentences.sentences` splits (with the profile's abbreviations):
  every sentence counts, however short (textstat's rule of dropping sentences of two words or
  fewer is textstat's own, not the published formulas');
* a **letter** is a character for which ``str.isalpha`` holds (Gulpease counts letters; textstat
  counts every character but spaces);
* **syllables** come from the profile's method (:class:`SyllableCounter`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.notice.profile import Profile, Syllables
from generator.readability.formulas import Counts
from generator.readability.syllables import pyphen_for

_EDGE = re.compile(r"^[^\w]+|[^\w]+$")


def words_of(text: str) -> list[str]:
    """The words of ``text``: space-separated runs with a letter or digit, edge punctuation removed."""
    out = []
    for token in text.split():
        word = _EDGE.sub("", token)
        if any(c.isalnum() for c in word):
            out.append(word)
    return out


class SyllableCounter:
    """Syllables of a word by a profile's method.

    ``vowels``: the word in lower case, letters only, after the profile's rewrites (regular
    expressions, e.g. the silent u of Spanish "que"); then, left to right, a listed vowel group
    (longest first) or a single vowel letter is one nucleus. A word with vowel letters has at least
    one syllable; a word without any (Polish "w", "z") has none.
    ``pyphen``: Pyphen's hyphenation points + 1, with the profile's dictionary and margins.
    ``none``: no syllables (the formula counts letters).
    """

    def __init__(self, spec: Syllables):
        self.spec = spec
        self.memo: dict[str, int] = {}
        self.vowels = frozenset(spec.vowels)
        self.nuclei = tuple(sorted(spec.nuclei, key=len, reverse=True))
        self.rewrite = tuple((re.compile(a), b) for a, b in spec.rewrite)
        self._pyphen = None

    def __call__(self, word: str) -> int:
        n = self.memo.get(word)
        if n is None:
            n = self.memo[word] = self._count(word)
        return n

    def _count(self, word: str) -> int:
        method = self.spec.method
        if method == "none":
            return 0
        w = "".join(c for c in word.lower() if c.isalpha())
        if method == "pyphen":
            return len(self._hyphenator().positions(w)) + 1 if w else 0
        for rx, repl in self.rewrite:
            w = rx.sub(repl, w)
        n = i = 0
        while i < len(w):
            for group in self.nuclei:
                if w.startswith(group, i):
                    n += 1
                    i += len(group)
                    break
            else:
                n += w[i] in self.vowels
                i += 1
        if n == 0 and any(c in self.vowels for c in word.lower()):
            return 1  # a mute e was the only vowel: "que", "le"
        return n

    def _hyphenator(self):
        if self._pyphen is None:
            import pyphen  # slow to import: only when a profile counts with Pyphen

            pyphen_for(self.spec.dictionary)  # loads the patterns through the cache
            self._pyphen = pyphen.Pyphen(lang=self.spec.dictionary, left=self.spec.left, right=self.spec.right)
        return self._pyphen


@lru_cache(maxsize=16)
def syllable_counter(spec: Syllables) -> SyllableCounter:
    return SyllableCounter(spec)


class LanguageCounter:
    """``counter(sentence) -> Counts`` with a profile's rules (one sentence, as the gate measures)."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self.syllables = syllable_counter(profile.syllables)

    def __call__(self, text: str) -> Counts:
        words = words_of(text)
        if not words:
            return Counts()
        per_word = [self.syllables(w) for w in words]
        return Counts(
            words=len(words),
            sentences=1,
            syllables=sum(per_word),
            letters=sum(1 for w in words for c in w if c.isalpha()),
            polysyllables=sum(1 for n in per_word if n >= 3),
            monosyllables=sum(1 for n in per_word if n == 1),
            syllables4=sum(1 for n in per_word if n >= 4),
            long_words=sum(1 for w in words if sum(c.isalpha() for c in w) > 6),
        )
