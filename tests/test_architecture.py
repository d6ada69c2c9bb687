"""The package's layout is checked from the source, not left to habit.

``generator/`` is five stages, lowest first, plus the fronts and a base every stage may use::

    inventory -> rules -> notice -> readability -> site        (stages)
    errors, __init__                                           (base: imported by all, imports none)
    cli, plugin, pipeline, __main__                            (fronts: may import every stage)

Read from the AST of every module (imports inside functions included):

* there is no import cycle;
* a stage imports only from stages below it and the base, never from a front;
* only ``site/`` and ``plugin.py`` import MkDocs or Material;
* only ``cli.py`` imports our own modules inside a function (so a command loads its stage only
  when it runs); everywhere else our imports are at the top, where readers and type checkers see them;
* no module is over 500 lines.

The checker is tested on a small synthetic package too, so it is known to fail when a rule breaks.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO

STAGES = ("inventory", "rules", "notice", "readability", "site")
BASE = ("errors", "__init__")
FRONTS = ("cli", "plugin", "pipeline", "__main__")
MKDOCS = ("mkdocs", "material")
MAX_LINES = 500
#: modules that may import our own modules inside functions (lazily, for start-up speed)
LAZY_OK = ("cli",)


@dataclass(frozen=True)
class Import:
    source: str  # importing module, e.g. "generator.notice.render"
    target: str  # imported module, e.g. "generator.inventory.model", or a third-party name
    line: int
    in_function: bool


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Module name -> file, for every .py file of the package under ``root``."""
    out = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(path: Path, name: str, modules: dict[str, Path]) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"
    found: list[Import] = []

    def visit(node, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                for alias in child.names:
                    found.append(Import(name, alias.name, child.lineno, in_function))
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:  # relative: from . import x, from ..y import z
                    anchor = name.split(".") if is_package else name.split(".")[:-1]
                    anchor = anchor[: len(anchor) - (child.level - 1)]
                    base = ".".join(anchor + ([base] if base else []))
                for alias in child.names:
                    sub = f"{base}.{alias.name}"
                    found.append(Import(name, sub if sub in modules else base, child.lineno, in_function))
            visit(child, nested)

    visit(tree, False)
    return found


def imports(root: Path, package: str = "generator") -> list[Import]:
    modules = module_names(root, package)
    return [imp for name, path in modules.items() for imp in _imports(path, name, modules)]


def kind(module: str, package: str) -> tuple[str, int]:
    """('stage', index), ('base', 0), ('front', 0) or ('other', 0) for a module name."""
    parts = module.split(".")
    if parts[0] != package:
        return "other", 0
    first = parts[1] if len(parts) > 1 else "__init__"
    if first in STAGES:
        return "stage", STAGES.index(first)
    if first in BASE:
        return "base", 0
    if first in FRONTS:
        return "front", 0
    return "other", 0


def cycles(found: list[Import], package: str) -> list[list[str]]:
    """Import cycles among our own modules (strongly connected components of two or more, or a self-import)."""
    graph: dict[str, set[str]] = {}
    for imp in found:
        if imp.target.split(".")[0] == package:
            graph.setdefault(imp.source, set()).add(imp.target)
            graph.setdefault(imp.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def strong(v: str) -> None:  # Tarjan
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1 or v in graph[v]:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def problems(root: Path, package: str = "generator") -> list[str]:
    """Every broken layout rule under ``root/package``, one line each (empty when all hold)."""
    found = imports(root, package)
    out = [f"import cycle: {' <-> '.join(c)}" for c in cycles(found, package)]
    for imp in found:
        src, src_i = kind(imp.source, package)
        dst, dst_i = kind(imp.target, package)
        where = f"{imp.source} line {imp.line}"
        if imp.target.split(".")[0] in MKDOCS and not (
            (src == "stage" and STAGES[src_i] == "site") or imp.source == f"{package}.plugin"
        ):
            out.append(f"{where}: imports {imp.target}; only site/ and plugin.py may import MkDocs")
        if dst == "other":
            continue
        if src == "base" and dst != "base":
            out.append(f"{where}: the base imports {imp.target}; errors and __init__ import nothing of ours")
        elif src == "stage" and dst == "front":
            out.append(f"{where}: the {STAGES[src_i]} stage imports the front {imp.target}")
        elif src == "stage" and dst == "stage" and dst_i > src_i:
            out.append(f"{where}: upward import: the {STAGES[src_i]} stage imports {imp.target} ({STAGES[dst_i]} is above it)")
        if imp.in_function and imp.source.split(".")[-1] not in LAZY_OK and imp.target.startswith(package + "."):
            out.append(f"{where}: imports {imp.target} inside a function; import it at the top (only cli.py imports lazily)")
    for name, path in module_names(root, package).items():
        n = len(path.read_text(encoding="utf-8").splitlines())
        if n > MAX_LINES:
            out.append(f"{name}: {n} lines, more than {MAX_LINES}; split it by job")
    return list(dict.fromkeys(out))  # one line per broken rule, in the order found


# --------------------------------------------------------------------------------------------
# The real package
# --------------------------------------------------------------------------------------------


def test_the_package_follows_its_layout():
    assert problems(REPO) == []


def test_the_checker_sees_the_whole_package():
    found = imports(REPO)
    modules = module_names(REPO, "generator")
    assert {f"generator.{s}" for s in STAGES} <= set(modules)
    assert {"generator.cli", "generator.plugin", "generator.pipeline", "generator.errors"} <= set(modules)
    # cli.py loads stages inside its command functions; the checker counts those imports too
    lazy = {i.target for i in found if i.source == "generator.cli" and i.in_function}
    assert any(t.startswith("generator.readability") for t in lazy) and any(t.startswith("generator.site") for t in lazy)
    assert len(modules) >= 40


def test_ls_generator_shows_the_pipeline():
    names = sorted(p.name for p in (REPO / "generator").iterdir() if not p.name.startswith((".", "__pycache__")))
    code = [n for n in names if n.endswith(".py") or (REPO / "generator" / n / "__init__.py").is_file()]
    assert code == ["__init__.py", "__main__.py", "cli.py", "errors.py", "inventory", "notice", "pipeline.py", "plugin.py", "readability", "rules", "site"]


# --------------------------------------------------------------------------------------------
# The checker itself, on a synthetic package
# --------------------------------------------------------------------------------------------


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    base = {
        "pkg/__init__.py": "",
        "pkg/errors.py": "",
        "pkg/cli.py": "def main():\n    from pkg.site import build\n",
        "pkg/plugin.py": "import mkdocs\nfrom pkg import pipeline\n",
        "pkg/pipeline.py": "from pkg.inventory import load\nfrom pkg.site import build\n",
        "pkg/inventory/__init__.py": "",
        "pkg/inventory/load.py": "from pkg.errors import X\n",
        "pkg/rules/__init__.py": "from pkg.rules import engine\n",
        "pkg/rules/engine.py": "from pkg.inventory.load import load\n",
        "pkg/notice/__init__.py": "",
        "pkg/notice/render.py": "from ..inventory import load\nfrom . import escape\n",
        "pkg/notice/escape.py": "",
        "pkg/readability/__init__.py": "",
        "pkg/readability/gate.py": "from pkg.notice.render import render\n",
        "pkg/site/__init__.py": "",
        "pkg/site/build.py": "import mkdocs.commands.build\nfrom pkg.readability import gate\n",
    }
    base.update(files)
    for rel, text in base.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_checker_passes_a_well_formed_tree(tmp_path):
    assert problems(_tree(tmp_path, {}), "pkg") == []


@pytest.mark.parametrize(
    "files,expected",
    [
        ({"pkg/rules/engine.py": "from pkg.notice.render import render\n"}, "upward import: the rules stage imports pkg.notice.render"),
        ({"pkg/inventory/load.py": "from ..site import build\n"}, "upward import: the inventory stage imports pkg.site.build"),
        ({"pkg/notice/escape.py": "def f():\n    import pkg.readability.gate\n"}, "upward import: the notice stage imports pkg.readability.gate"),
        ({"pkg/notice/escape.py": "def f():\n    from pkg.notice import render\n"}, "imports pkg.notice.render inside a function"),
        ({"pkg/inventory/load.py": "from pkg import cli\n"}, "the inventory stage imports the front pkg.cli"),
        ({"pkg/errors.py": "from pkg.inventory import load\n"}, "the base imports pkg.inventory.load"),
        ({"pkg/notice/render.py": "import material.templates\n"}, "only site/ and plugin.py may import MkDocs"),
        ({"pkg/notice/escape.py": "x = 1\n" * 501}, "pkg.notice.escape: 501 lines"),
    ],
    ids=["upward", "upward-relative", "upward-in-function", "lazy-outside-cli", "stage-imports-front", "base-imports-stage", "mkdocs", "long"],
)
def test_checker_reports_a_broken_rule(tmp_path, files, expected):
    found = problems(_tree(tmp_path, files), "pkg")
    assert any(expected in p for p in found), found


def test_checker_finds_a_cycle_through_a_function_level_import(tmp_path):
    files = {
        "pkg/notice/escape.py": "from pkg.notice.render import render\n",
        "pkg/notice/render.py": "def render():\n    from pkg.notice import escape\n",
    }
    found = problems(_tree(tmp_path, files), "pkg")
    assert "import cycle: pkg.notice.escape <-> pkg.notice.render" in found
