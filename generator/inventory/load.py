"""Read the inventory YAML into plain Python data, remembering where every value came from.

Only PyYAML's pure-Python *safe* loader is used (the C loader can crash the interpreter on very
deep nesting). On top of it this module:

* rejects duplicate keys (PyYAML keeps the last one silently) and names both lines;
* reads YAML 1.2 booleans only (``true``/``false``), so ``country: NO`` stays the string "NO";
* returns every string as a :class:`LocatedStr` that knows its ``file:line:column``, and a table
  from each value's path (``("data", 0, "name")``) to its location, for error messages;
* enforces the limits in :data:`LIMITS` so hostile files fail fast with a message that says which
  limit was hit.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import InputError, Loc, Problem
from generator.inventory.chars import forbidden
from generator.inventory.userfiles import TooLarge, read_limited
from generator.inventory.yamlread import LIMITS, _compose, _LimitHit, _Loader  # noqa: F401 - LIMITS is read from here

#: What each limit means, for messages and the format reference.
LIMIT_NOTES = {
    "max_bytes": "largest file, in bytes",
    "max_lines": "most lines in the file",
    "max_depth": "deepest nesting of mappings and lists",
    "max_nodes": "most values (keys, texts, numbers, lists, mappings), counting each use of an alias; lines plus commas are checked first, as an upper bound",
    "max_aliases": "most uses of aliases (*name)",
}


class LocatedStr(str):
    """A string that remembers where it stood in the inventory."""

    loc: Loc

    def __new__(cls, value: str, loc: Loc) -> "LocatedStr":
        obj = super().__new__(cls, value)
        obj.loc = loc
        return obj

    def __reduce__(self):  # keep pickling/copying working
        return (LocatedStr, (str(self), self.loc))


@dataclass
class Document:
    """The loaded inventory: plain data plus where each piece was."""

    file: str
    data: dict
    locs: dict = field(default_factory=dict)  # path -> Loc of the value
    key_locs: dict = field(default_factory=dict)  # path -> Loc of the key that introduces it
    text: str = ""
    warnings: list = field(default_factory=list)  # Findings about a valid file (inventory.warnings)

    def loc(self, path: tuple) -> Loc:
        """Best location for ``path``: the value, else its key, else the nearest parent."""
        path = tuple(path)
        while True:
            if path in self.locs:
                return self.locs[path]
            if path in self.key_locs:
                return self.key_locs[path]
            if not path:
                return Loc(self.file, 1, 1)
            path = path[:-1]

    def key_loc(self, path: tuple) -> Loc:
        path = tuple(path)
        return self.key_locs.get(path) or self.loc(path)


_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


def _tag(tag: str) -> str:
    """'tag:yaml.org,2002:python/object' -> '!!python/object', as it is written in the file."""
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def _loc(file: str, mark) -> Loc:
    return Loc(file, mark.line + 1, mark.column + 1)


def _loc_at(file: str, text: str | bytes, i: int) -> Loc:
    """The line and column of offset ``i`` in ``text`` (characters, or bytes for a file that is not UTF-8)."""
    newline = "\n" if isinstance(text, str) else b"\n"
    return Loc(file, text.count(newline, 0, i) + 1, i - (text.rfind(newline, 0, i) + 1) + 1)


def load_text(text: str, file: str = "data_inventory.yml") -> Document:
    """Parse an inventory's YAML text. Raises :class:`InputError` for every kind of bad input."""
    return _load(text, file, inventory=True)


def load_data(text: str, file: str) -> Any:
    """Parse a shipped data file's YAML text with the same rules (YAML 1.2, no duplicate keys, the
    limits); its top level may be a mapping or a list. Returns the data (strings are LocatedStr)."""
    return _load(text, file, inventory=False).data


def _load(text: str, file: str, inventory: bool) -> Document:
    if text.startswith("\ufeff"):
        text = text[1:]
    if len(text.encode("utf-8", "surrogatepass")) > LIMITS["max_bytes"]:
        raise InputError(
            Problem(
                Loc(file),
                f"the file is larger than {LIMITS['max_bytes'] // (1024 * 1024)} MiB (limit: max_bytes)",
                "split it or remove what a privacy notice does not need; a real inventory is a few hundred KB at most",
            )
        )
    lines = text.count("\n") + 1
    if lines > LIMITS["max_lines"]:
        raise InputError(
            Problem(
                Loc(file),
                f"the file has {lines:,} lines, more than the {LIMITS['max_lines']:,} line limit (limit: max_lines)",
                "a real inventory has a few thousand lines at most; remove generated or pasted content",
            )
        )
    # Each line and each comma can start a value: a cheap upper bound that stops long flow lists
    # ([1, 1, 1, ...]) before the slow pure-Python reader sees them.
    starts = lines + text.count(",")
    if starts > LIMITS["max_nodes"]:
        raise InputError(
            Problem(
                Loc(file),
                f"the file has {starts:,} lines and commas, so it can hold more than the "
                f"{LIMITS['max_nodes']:,} values plainnotice reads (limit: max_nodes)",
                "a real inventory has a few thousand values; remove generated or pasted content",
            )
        )
    loader = None
    try:
        try:
            loader, root = _compose(text)
        except _LimitHit as hit:
            fix = (
                "flatten the structure; the inventory format needs about 5 levels"
                if "max_depth" in hit.message
                else "a real inventory has a few thousand values; remove generated or pasted content"
            )
            raise InputError(Problem(_loc(file, hit.mark), hit.message, fix)) from None
        except yaml.reader.ReaderError as exc:
            raise _reader_problem(file, text, exc) from None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            what = exc.problem or "invalid YAML"
            if exc.context:
                what = f"{exc.context}: {what}" if "expected" not in what else what
            problem = exc.problem or ""
            if "'\\t'" in problem or "tab" in problem.lower():
                what = "a tab character where YAML expects spaces"
            elif problem.startswith("mapping values are not allowed"):
                what = "a ': ' inside a value; YAML reads it as the start of a new key"
            elif problem.startswith("expected ',' or ']'"):
                what = "a list in [...] is not closed, or one of its items contains ': '"
            elif problem.startswith("expected ',' or '}'"):
                what = "a mapping in {...} is not closed, or one of its texts contains ': '"
            elif "another document" in problem:
                what = "the file holds a second YAML document (after '---')"
            if "another document" in (exc.problem or ""):
                fix = "the inventory is one YAML document: remove the second '---' and what follows, or merge it"
            elif what.startswith("a tab"):
                fix = "indent with spaces, not tabs"
            else:
                fix = "check indentation, colons and quotes on this line and the one before it; quote text that contains ': ' or starts with a special character"
            raise InputError(
                Problem(_loc(file, mark) if mark else Loc(file, 1, 1), f"YAML syntax error: {what}", fix)
            ) from None
        except yaml.YAMLError as exc:  # pragma: no cover - reader errors without marks
            raise InputError(Problem(Loc(file, 1, 1), f"YAML error: {exc}", "fix the YAML syntax")) from None
        except RecursionError:  # pragma: no cover - depth limit triggers first
            raise InputError(
                Problem(Loc(file, 1, 1), "the file nests too deep (limit: max_depth)", "flatten the structure")
            ) from None
        if root is None:
            raise InputError(
                Problem(
                    Loc(file, 1, 1),
                    "the file is empty",
                    "start from the shipped data_inventory.yml or run 'plainnotice init DIR'",
                )
            )
        doc = Document(file=file, data={}, text=text)
        builder = _Builder(loader, doc)
        data = builder.build(root, ())
        if inventory and not isinstance(data, dict):
            kind = "a list" if isinstance(data, list) else "a single value"
            raise InputError(
                Problem(
                    _loc(file, root.start_mark),
                    f"the top level of the inventory must be a mapping of keys (format, organization, notice, ...), not {kind}",
                    "start the file with 'format: 1' followed by the sections, each as 'key: value'",
                )
            )
        doc.data = data
        return doc
    finally:
        if loader is not None:
            loader.dispose()


def _reader_problem(file: str, text: str, exc) -> InputError:
    """A character YAML does not allow (control characters other than tab and newline)."""
    i = min(max(exc.position, 0), len(text))
    return InputError(
        Problem(
            _loc_at(file, text, i),
            f"the file contains the control character U+{exc.character:04X}, which YAML does not allow",
            "delete it; it is often pasted in by accident from another program",
        )
    )


def load_file(path: str | Path) -> Document:
    """Read and parse an inventory file (at most ``max_bytes`` of it, whatever the path is: see
    :mod:`.userfiles`)."""
    path = Path(path)
    name = str(path)
    limit = LIMITS["max_bytes"]
    try:
        raw = read_limited(path, limit)
    except TooLarge as big:
        mib = limit // (1024 * 1024)
        if big.size is not None:
            what = f"the file is {big.size / (1024 * 1024):.1f} MiB, larger than the {mib} MiB limit"
        else:
            what = f"more than {mib} MiB came from this device or pipe, over the {mib} MiB limit"
        raise InputError(
            Problem(
                Loc(name),
                f"{what} (limit: max_bytes)",
                "a real inventory is a few hundred KB at most; remove generated or pasted content",
            )
        ) from None
    except InputError as err:
        (p,) = err.problems
        if p.message == "file not found":
            p = Problem(p.loc, p.message, "give the path to your inventory, e.g. 'plainnotice validate data_inventory.yml'")
        elif p.message.startswith("this is a folder"):
            p = Problem(p.loc, p.message, "give the path to the inventory YAML file")
        raise InputError(p) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            Problem(
                _loc_at(name, raw, exc.start),
                f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                "save the file as UTF-8 (most editors: 'Save with encoding' > UTF-8)",
            )
        ) from None
    if "\x00" in text:
        raise InputError(Problem(_loc_at(name, text, text.index("\x00")), "the file contains a NUL character", "save the file as UTF-8 text"))
    return load_text(text, name)


class _Builder:
    """Turns composed YAML nodes into data, with locations, duplicate-key checks and limits."""

    def __init__(self, loader: _Loader, doc: Document):
        self.loader = loader
        self.doc = doc
        self.file = doc.file
        self.nodes = 0
        self.aliases = 0
        self.stack: set[int] = set()
        self.seen: set[int] = set()

    def problem(self, mark, message: str, fix: str) -> InputError:
        return InputError(Problem(_loc(self.file, mark), message, fix))

    def build(self, node, path: tuple) -> Any:
        self.nodes += 1
        if self.nodes > LIMITS["max_nodes"]:
            raise self.problem(
                node.start_mark,
                f"the file expands to more than {LIMITS['max_nodes']:,} values (limit: max_nodes); aliases (*name) may be multiplying it",
                "remove the anchors (&name) and aliases (*name) that repeat large parts, and write the values out",
            )
        if id(node) in self.seen:
            self.aliases += 1
            if self.aliases > LIMITS["max_aliases"]:
                raise self.problem(
                    node.start_mark,
                    f"the file reuses anchored values more than {LIMITS['max_aliases']:,} times (limit: max_aliases)",
                    "write the values out instead of using aliases (*name)",
                )
        if id(node) in self.stack:
            raise self.problem(node.start_mark, "an alias refers to the value that contains it (a loop)", "remove the alias (*name) inside its own anchor (&name)")
        self.seen.add(id(node))
        self.doc.locs.setdefault(path, _loc(self.file, node.start_mark))
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP:
                raise self.problem(node.start_mark, f"unsupported YAML tag {_tag(node.tag)}", "remove the tag; plain mappings are enough")
            self.stack.add(id(node))
            try:
                return self.build_mapping(node, path)
            finally:
                self.stack.discard(id(node))
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self.problem(node.start_mark, f"unsupported YAML tag {_tag(node.tag)}", "remove the tag; plain lists are enough")
            self.stack.add(id(node))
            try:
                return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
            finally:
                self.stack.discard(id(node))
        return self.build_scalar(node)

    def build_mapping(self, node, path: tuple) -> dict:
        out: dict = {}
        first: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.problem(key_node.start_mark, "a key must be a plain word, not a list or mapping", "write the key as a single word followed by ':'")
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.problem(key_node.start_mark, "merge keys ('<<') are not supported", "write the keys out in full")
            key = key_node.value
            self.check_chars(key_node)
            if key_node.tag != _STR:
                # a key like 1 or true: keep its text so the "unknown key" message shows it
                key = str(key_node.value)
            if key in first:
                prev = first[key]
                raise self.problem(
                    key_node.start_mark,
                    f"duplicate key '{key}' (first at line {prev.line + 1}, again at line {key_node.start_mark.line + 1}); YAML would silently keep only the last one",
                    f"keep one '{key}' and delete or merge the other",
                )
            first[key] = key_node.start_mark
            child = path + (key,)
            self.doc.key_locs[child] = _loc(self.file, key_node.start_mark)
            out[key] = self.build(value_node, child)
        return out

    def check_chars(self, node) -> None:
        """Reject a character no text may contain (:func:`.chars.forbidden`), at its own place in
        the file when it is written there as itself (else at the start of the value: an escape)."""
        bad = forbidden(node.value)
        if bad is None:
            return
        i, message, fix = bad
        text = self.doc.text
        at = text.find(node.value[i], node.start_mark.index, node.end_mark.index)
        loc = _loc_at(self.file, text, at) if at >= 0 else _loc(self.file, node.start_mark)
        raise InputError(Problem(loc, message, fix))

    def build_scalar(self, node) -> Any:
        if node.tag == _STR:
            self.check_chars(node)
            return LocatedStr(node.value, _loc(self.file, node.start_mark))
        if node.tag not in _SCALAR_TAGS:
            raise self.problem(node.start_mark, f"unsupported YAML tag {_tag(node.tag)}", "remove the tag and write the value plainly")
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.constructor.ConstructorError) as exc:
            if node.tag == "tag:yaml.org,2002:timestamp":
                raise self.problem(
                    node.start_mark,
                    f"'{node.value}' is not a real date ({exc})",
                    "write dates as YYYY-MM-DD, e.g. 2026-11-01",
                ) from None
            raise self.problem(node.start_mark, f"cannot read the value '{node.value}': {exc}", "quote it to make it text") from None


def plain(value: Any, dates_as_text: bool = False) -> Any:
    """Loaded data -> plain Python data: LocatedStr -> str, keys -> str, lists and dicts copied.
    With ``dates_as_text``, dates become ISO strings (for JSON)."""
    if isinstance(value, dict):
        return {str(k): plain(v, dates_as_text) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v, dates_as_text) for v in value]
    if isinstance(value, str):
        return str(value)
    if dates_as_text and isinstance(value, _dt.date):
        return value.isoformat()
    return value
