"""Stage 6: the published site. ``plainnotice build``, ``serve`` and ``init``.

``build`` runs validate -> render -> check, and only when all of that passes writes anything:

1. the rendered Markdown (and the machine-readable files) into MkDocs' ``docs_dir``, so any engine
   that reads ``mkdocs.yml`` can build the same site from plain files;
2. a MkDocs build of that folder *without* the plainnotice plugin into a temporary folder next to
   ``site/``;
3. the machine-readable files again into the temporary folder (``.well-known/`` is a dot folder,
   which MkDocs skips unless told otherwise);
4. an atomic swap of the temporary folder with ``site/`` (``renameat2(RENAME_EXCHANGE)`` on Linux),
   so a failed or killed build leaves the previous ``site/`` exactly as it was.

Builds are byte-identical for the same inputs: every page's date (sitemap ``lastmod``, the gzip
header of ``sitemap.xml.gz``) is the notice's effective date, never the clock.

The MkDocs plugin (:mod:`generator.plugin`) is the other front over :func:`prepare`; both apply the
same settings with :func:`configure`, so both give the same pages.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as _dt
import html
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import Finding, InputError, Loc, Problem
from generator.notice import export
from generator.notice.render import render
from generator.notice.templates import default_templates
from generator.notice.write import RENDER_MARKER, RENDER_MARKER_TEXT, swap_in

THEME_DIR = Path(__file__).resolve().parents[1] / "theme"
SCAFFOLD_DIR = Path(__file__).resolve().parents[1] / "scaffold"
PLUGIN_NAME = "plainnotice"

#: Test hook: seconds to sleep while MkDocs writes pages (used to kill a build mid-way in tests).
PAUSE_ENV = "PLAINNOTICE_TEST_PAUSE_IN_MKDOCS"

log = logging.getLogger("plainnotice.site")


# --------------------------------------------------------------------------------------------
# The shared core of both fronts: inventory -> files of the site
# --------------------------------------------------------------------------------------------


class BuildStopped(Exception):
    """Valid input, but findings at level "error" stop the build (exit code 1)."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        errors = [f for f in findings if f.level == "error"]
        n = len(errors)
        super().__init__(
            "\n".join(str(f) for f in findings)
            + f"\n{n} error finding{'s' if n != 1 else ''}: nothing was written."
        )


@dataclass
class Prepared:
    """Everything a site build needs from the inventory, as plain data."""

    inventory_path: str
    templates: str | None
    inv: Any
    result: Any  # generator.notice.pages.RenderResult
    report: Any = None  # generator.readability.CheckReport
    findings: list[Finding] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)  # docs-relative path -> content

    @property
    def lang(self) -> str:
        return self.result.lang or self.inv.notice.languages[0]

    @property
    def effective_date(self) -> _dt.date:
        return self.inv.notice.effective_date


def prepare(inventory: str | os.PathLike, templates: str | None = None, *, check: bool = True) -> Prepared:
    """validate -> render -> check. Raises InputError (bad input) or BuildStopped (error findings)."""
    from generator.inventory.parse import load_inventory

    inv = load_inventory(inventory)
    findings: list[Finding] = []
    try:
        from generator.rules import check_completeness
    except ImportError:  # pragma: no cover - rules stage always present
        check_completeness = None
    if check_completeness is not None:
        findings.extend(check_completeness(inv))
    if any(f.level == "error" for f in findings):
        raise BuildStopped(findings)
    result = render(inv, templates=templates)
    report = None
    if check:
        from generator.readability.gate import check as readability_check

        report = readability_check(result, inv)
        findings.extend(report.findings)
        if not report.ok or any(f.level == "error" for f in report.findings):
            raise BuildStopped(findings)
    prep = Prepared(str(inventory), templates, inv, result, report, findings)
    prep.files = site_files(prep)
    return prep


def site_files(prep: Prepared) -> dict[str, bytes]:
    """The docs folder of the site: rendered pages (the home page with its badge), extra files from
    the render stage and the machine-readable exports."""
    out: dict[str, bytes] = {}
    for path, page in sorted(prep.result.pages.items()):
        text = page.markdown
        if path == "index.md":
            text = add_badge(text, badge_html(prep))
        out[path] = text.encode("utf-8")
    for path, data in sorted(prep.result.files.items()):
        out[path] = data if isinstance(data, bytes) else str(data).encode("utf-8")
    out.update(export.files(prep.inv))
    return out


# --------------------------------------------------------------------------------------------
# The reading-time and grade badge on the home page
# --------------------------------------------------------------------------------------------

def reading_figures(prep: Prepared) -> tuple[float | None, float | None, str]:
    """(minutes, score, metric) of the summary layer, from the readability report."""
    report = prep.report
    layers = getattr(report, "layers", None) or {}
    layer = layers.get("summary")
    if layer is None:
        return None, None, ""
    scores = layer.scores
    return scores.reading_minutes, layer.score, layer.target.metric


def badge_html(prep: Prepared) -> str:
    """A one-line badge: reading time and readability of the summary. Only numbers and our words."""
    minutes, score, metric = reading_figures(prep)
    if minutes is None:
        return ""
    whole = max(1, round(minutes))
    bits = [f'<span class="pn-badge__item">{whole} minute{"s" if whole != 1 else ""} to read</span>']
    if score is not None:
        if metric == "flesch_reading_ease":
            bits.append(f'<span class="pn-badge__item">Reading ease: {score:.0f} of 100</span>')
        else:
            bits.append(f'<span class="pn-badge__item">Reading level: grade {max(score, 1):.0f}</span>')
    return '<p class="pn-badge">' + "".join(bits) + "</p>"


def add_badge(markdown: str, badge: str) -> str:
    """Put the badge right after the page's first level-1 heading (or at the top)."""
    if not badge:
        return markdown
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: i + 1] + ["", badge, ""] + lines[i + 1 :])
    return badge + "\n\n" + markdown


# --------------------------------------------------------------------------------------------
# MkDocs settings both fronts apply
# --------------------------------------------------------------------------------------------


def _theme_language(lang: str) -> str:
    """A Material UI language for the notice language: the code itself, else its base (de-AT -> de)."""
    from material import templates as _mt

    base = Path(_mt.__file__).resolve().parent / "partials" / "languages"
    for cand in (lang, lang.split("-")[0].lower()):
        if (base / f"{cand}.html").is_file():
            return cand
    return "en"


def configure(config, prep: Prepared) -> None:
    """Settings from the inventory, applied to a loaded MkDocs config (plugin and CLI alike):
    the site name (HTML-escaped: Material prints it raw), the page language, and the
    plainnotice theme layer between the user's ``custom_dir`` and Material."""
    inv = prep.inv
    config["site_name"] = html.escape(inv.notice.title.get(prep.lang), quote=True)
    org = inv.organization
    holder = (org.legal_name or org.name).get(prep.lang)
    config["copyright"] = html.escape(f"\u00a9 {holder}", quote=True)
    theme = config["theme"]
    if theme.name == "material":
        theme["language"] = _theme_language(prep.lang)
        theme["font"] = False
        dirs = theme.dirs
        theme_dir = str(THEME_DIR)
        if theme_dir not in dirs:
            from mkdocs.utils import get_theme_dir

            material = get_theme_dir("material")
            pos = dirs.index(material) if material in dirs else len(dirs)
            dirs.insert(pos, theme_dir)
    _add_markdown_extensions(config)
    if not config.get("nav"):
        config["nav"] = _nav(config, prep)
    extra = config["extra"]
    extra["generator"] = False
    extra["plainnotice"] = {
        "lang": prep.lang,
        "effective_date": prep.effective_date.isoformat(),
        "files": {"gpc": ".well-known/gpc.json", "inventory": "inventory.json", "dpv": "dpv.jsonld"},
    }


def _table_regions_extension():
    """A Python-Markdown extension that puts every table in a focusable, named scroll region
    (``<div class="pn-table" role="region" tabindex="0" aria-label="Table: <heading>">``), so a
    table wider than a phone scrolls inside itself and keyboard users can scroll it (WCAG 2.1.1,
    axe "scrollable-region-focusable") -- with or without JavaScript."""
    import re as _re
    import xml.etree.ElementTree as etree

    from markdown.extensions import Extension
    from markdown.treeprocessors import Treeprocessor

    stash = _re.compile("\x02[^\x03]*\x03")

    def _text(el) -> str:
        if el.get("class") == "headerlink":
            return el.tail or ""
        out = el.text or ""
        for sub in el:
            out += _text(sub)
        return out + (el.tail or "")

    class Regions(Treeprocessor):
        def run(self, root):
            heading = ""
            for parent in list(root.iter()):
                for i, child in enumerate(list(parent)):
                    if child.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                        heading = " ".join(stash.sub("", _text(child)).split())
                    elif child.tag == "table" and parent.get("class") != "pn-table":
                        wrap = etree.Element("div", {"class": "pn-table", "role": "region", "tabindex": "0"})
                        wrap.set("aria-label", f"Table: {heading}" if heading else "Table")
                        parent.remove(child)
                        parent.insert(i, wrap)
                        wrap.append(child)
                        wrap.tail, child.tail = child.tail, None
            return None

    class TableRegions(Extension):
        def extendMarkdown(self, md):
            md.treeprocessors.register(Regions(md), "plainnotice_table_regions", 4)

    return TableRegions()


def _add_markdown_extensions(config) -> None:
    exts = config["markdown_extensions"]
    if not any(type(e).__name__ == "TableRegions" for e in exts):
        exts.append(_table_regions_extension())


PAGE_ORDER = ("index.md", "notice.md", "cookies.md", "changes.md")


def _nav(config, prep: Prepared) -> list[str]:
    """Reading order when mkdocs.yml has no ``nav``: summary, full notice, cookies, changes, then
    any other pages in docs_dir (alphabetically), instead of MkDocs' alphabetical default."""
    ours = [p for p in PAGE_ORDER if p in prep.result.pages]
    ours += sorted(p for p in prep.result.pages if p not in ours and p.endswith(".md"))
    others = []
    docs = Path(config["docs_dir"])
    if docs.is_dir():
        for path in sorted(docs.rglob("*.md")):
            rel = path.relative_to(docs)
            if any(part.startswith(".") for part in rel.parts):
                continue
            if rel.as_posix() not in ours:
                others.append(rel.as_posix())
    return ours + others


def set_page_date(page, prep: Prepared) -> None:
    """Every page's date is the notice's effective date (sitemap lastmod, sitemap.xml.gz header)."""
    page.update_date = prep.effective_date.isoformat()


# --------------------------------------------------------------------------------------------
# mkdocs.yml handling
# --------------------------------------------------------------------------------------------


def _read_raw_config(config_file: Path) -> dict:
    from mkdocs.utils.yaml import yaml_load

    try:
        with open(config_file, "rb") as f:
            raw = yaml_load(f) or {}
    except FileNotFoundError:
        raise InputError(
            Problem(Loc(str(config_file)), "the MkDocs config file does not exist", "run 'plainnotice init DIR' for a new project, or pass -f FILE")
        ) from None
    except Exception as exc:  # yaml errors, unknown tags
        mark = getattr(exc, "problem_mark", None)
        loc = Loc(str(config_file), mark.line + 1, mark.column + 1) if mark else Loc(str(config_file))
        raise InputError(Problem(loc, f"cannot read the MkDocs config: {exc}", "fix the YAML")) from None
    if not isinstance(raw, dict):
        raise InputError(Problem(Loc(str(config_file), 1, 1), "the MkDocs config is not a mapping", "write 'site_name: ...' and the other keys"))
    return raw


def _plugin_name(entry) -> str | None:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and len(entry) == 1:
        return next(iter(entry))
    return None


def plugins_without_ours(raw: dict) -> list:
    """The ``plugins`` list of mkdocs.yml without plainnotice (an absent key means MkDocs' default)."""
    plugins = raw.get("plugins", ["search"])
    if isinstance(plugins, dict):
        plugins = [{k: v} if v is not None else k for k, v in plugins.items()]
    return [p for p in plugins if _plugin_name(p) != PLUGIN_NAME]


def plugins_with_ours(raw: dict, inventory: str, templates: str | None) -> list:
    options = {"inventory": inventory}
    if templates:
        options["templates"] = templates
    return plugins_without_ours(raw) + [{PLUGIN_NAME: options}]


def _docs_dir(config_file: Path, raw: dict) -> Path:
    return (config_file.parent / str(raw.get("docs_dir", "docs"))).resolve()


# --------------------------------------------------------------------------------------------
# Atomic swap
# --------------------------------------------------------------------------------------------

def swap_site(new: Path, target: Path) -> None:
    """Swap the built site in (:func:`generator.notice.write.swap_in`); ``target`` must be a folder."""
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise InputError(Problem(Loc(str(target)), "the site folder is not a folder", "remove it or choose another --site-dir"))
    swap_in(new, target)


def _clean_stale(parent: Path) -> None:
    """Remove temporary folders left by builds that were killed (their process is gone)."""
    for p in parent.glob(".plainnotice-*"):
        m = re.match(r"\.plainnotice-(?:build|old)-(\d+)-", p.name)
        if not m or not p.is_dir():
            continue
        pid = int(m.group(1))
        if pid == os.getpid():
            continue
        try:
            os.kill(pid, 0)
            continue  # still running
        except ProcessLookupError:
            pass
        except PermissionError:
            continue
        shutil.rmtree(p, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# The CLI path: write Markdown, build without the plugin, swap
# --------------------------------------------------------------------------------------------




def write_docs(docs_dir: Path, files: dict[str, bytes]) -> None:
    """Write the generated files into docs_dir; each file is replaced atomically, unchanged files
    are left alone (keeps their timestamps, so watchers do not fire). Other files in docs_dir stay.

    When docs_dir is new or empty, it also gets the marker ``plainnotice render --out`` uses to
    know a folder is its own; a folder with files of yours never gets it (render replaces whole
    marked folders)."""
    if not docs_dir.exists() or not any(docs_dir.iterdir()):
        docs_dir.mkdir(parents=True, exist_ok=True)
        files = dict(files)
        files.setdefault(RENDER_MARKER, RENDER_MARKER_TEXT.encode("utf-8"))
    for rel, data in files.items():
        dest = docs_dir / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.is_file() and dest.read_bytes() == data:
            continue
        fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".plainnotice-tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, dest)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


class _CliHooks:
    """MkDocs events for the CLI build (not the plainnotice plugin: nothing is rendered here)."""

    def __init__(self, prep: Prepared):
        self.prep = prep
        self.pause = float(os.environ.get(PAUSE_ENV, "0") or 0)

    def on_pre_page(self, page, config, files):
        set_page_date(page, self.prep)
        return page

    def on_post_page(self, output, page, config):
        if self.pause:
            time.sleep(self.pause)
        return output


def _attach_hooks(config, hooks: _CliHooks) -> None:
    from mkdocs.plugins import BasePlugin

    class Hooks(BasePlugin):
        pass

    plugin = Hooks()
    plugin.on_pre_page = hooks.on_pre_page
    plugin.on_post_page = hooks.on_post_page
    config["plugins"]["plainnotice/build-hooks"] = plugin


class _MkDocsLog(logging.Handler):
    """Shows MkDocs warnings and errors on stderr, prefixed, and keeps them for the summary."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        msg = record.getMessage()
        self.messages.append(msg)
        print(f"mkdocs: {record.levelname.lower()}: {msg}", file=sys.stderr)


def build_site(
    prep: Prepared,
    config_file: str | os.PathLike = "mkdocs.yml",
    site_dir: str | os.PathLike | None = None,
    *,
    quiet: bool = False,
    raw: dict | None = None,
) -> Path:
    """The CLI path after the checks passed. Returns the site folder. ``raw`` is the config file
    as already read by the caller, if it was."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

    config_file = Path(config_file).resolve()
    if raw is None:
        raw = _read_raw_config(config_file)
    docs_dir = _docs_dir(config_file, raw)
    if site_dir is None:
        site_dir = config_file.parent / str(raw.get("site_dir", "site"))
    target = Path(site_dir).resolve()
    if target == docs_dir or docs_dir in target.parents:
        raise InputError(Problem(Loc(str(config_file)), f"the site folder {target} is inside docs_dir {docs_dir}", "put site_dir next to docs_dir"))
    target.parent.mkdir(parents=True, exist_ok=True)
    _clean_stale(target.parent)

    write_docs(docs_dir, prep.files)
    tmp = Path(tempfile.mkdtemp(prefix=f".plainnotice-build-{os.getpid()}-", dir=target.parent))
    handler = _MkDocsLog()
    mk_log = logging.getLogger("mkdocs")
    old_level, old_propagate = mk_log.level, mk_log.propagate
    mk_log.addHandler(handler)
    mk_log.setLevel(logging.WARNING)
    mk_log.propagate = False
    try:
        try:
            config = load_config(
                str(config_file),
                plugins=plugins_without_ours(raw),
                site_dir=str(tmp),
            )
        except (ConfigurationError, Abort) as exc:
            detail = "; ".join(handler.messages) or str(exc)
            raise InputError(Problem(Loc(str(config_file)), f"MkDocs cannot use this config: {detail}", "fix the setting MkDocs names")) from None
        configure(config, prep)
        _attach_hooks(config, _CliHooks(prep))
        try:
            build(config)
        except (Abort, MkDocsException) as exc:
            detail = "; ".join(handler.messages) or str(exc)
            raise InputError(Problem(Loc(str(config_file)), f"the MkDocs build failed: {detail}", "fix what MkDocs names; the previous site was left as it was")) from None
        for rel, data in export.files(prep.inv).items():
            dest = tmp / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
        os.chmod(tmp, 0o755)  # mkdtemp makes it 0700; a published folder is world-readable
        swap_site(tmp, target)
    finally:
        mk_log.removeHandler(handler)
        mk_log.setLevel(old_level)
        mk_log.propagate = old_propagate
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def _print_findings(findings: list[Finding]) -> None:
    for f in findings:
        print(f, file=sys.stderr)


def cli_build(args) -> int:
    templates = default_templates(args.inventory, getattr(args, "templates", None))
    templates = str(templates) if templates else None
    # a missing or unreadable mkdocs.yml is reported before the inventory work, not after it
    raw = _read_raw_config(Path(args.config_file).resolve())
    try:
        prep = prepare(args.inventory, templates)
    except BuildStopped as stop:
        _print_findings(stop.findings)
        n = sum(1 for f in stop.findings if f.level == "error")
        print(f"{n} error finding{'s' if n != 1 else ''}: nothing was written; the previous site is unchanged.", file=sys.stderr)
        return 1
    warnings = [f for f in prep.findings if f.level != "error"]
    if warnings:
        n = len(warnings)
        print(f"{n} warning{'s' if n != 1 else ''} (not blocking); 'plainnotice check' lists them.", file=sys.stderr)
    target = build_site(prep, args.config_file, args.site_dir, raw=raw)
    pages = len(prep.result.pages)
    print(f"Built {pages} page{'s' if pages != 1 else ''} into {_display(target)}.")
    return 0


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------------------------
# serve
# --------------------------------------------------------------------------------------------


SERVE_INVENTORY_ENV = "PLAINNOTICE_SERVE_INVENTORY"
SERVE_TEMPLATES_ENV = "PLAINNOTICE_SERVE_TEMPLATES"


def cli_serve(args) -> int:
    """``mkdocs serve`` with the plugin, so edits to the inventory or a template rebuild the site.

    The plugin reads ``-i`` and ``--templates`` from the environment. When mkdocs.yml does not
    list the plugin, a temporary config next to it (``INHERIT: mkdocs.yml``) adds it."""
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import Abort, ConfigurationError

    config_file = Path(args.config_file).resolve()
    raw = _read_raw_config(config_file)
    templates = default_templates(args.inventory, getattr(args, "templates", None))
    templates = str(templates) if templates else None
    # fail fast, with the usual messages, before the server starts
    try:
        prepare(args.inventory, templates)
    except BuildStopped as stop:
        _print_findings(stop.findings)
        print("Fix the findings above, then run serve again.", file=sys.stderr)
        return 1
    _docs_dir(config_file, raw).mkdir(parents=True, exist_ok=True)
    os.environ[SERVE_INVENTORY_ENV] = str(Path(args.inventory).resolve())
    if templates:
        os.environ[SERVE_TEMPLATES_ENV] = str(Path(templates).resolve())
    serve_config = config_file
    if not any(_plugin_name(p) == PLUGIN_NAME for p in _raw_plugins(raw)):
        import yaml

        serve_config = config_file.parent / f".plainnotice-serve-{os.getpid()}.yml"
        serve_config.write_text(
            yaml.safe_dump({"INHERIT": config_file.name, "plugins": plugins_with_ours(raw, os.environ[SERVE_INVENTORY_ENV], templates)}),
            encoding="utf-8",
        )
    def _stop(signum, frame):  # SIGTERM ends serve like Ctrl-C, so the temporary config goes
        raise KeyboardInterrupt

    import signal

    signal.signal(signal.SIGTERM, _stop)
    try:
        serve(config_file=str(serve_config), livereload=True, dev_addr=args.dev_addr)
    except (ConfigurationError, Abort) as exc:
        raise InputError(Problem(Loc(str(config_file)), f"MkDocs stopped: {exc}", "fix what MkDocs names")) from None
    finally:
        if serve_config != config_file:
            serve_config.unlink(missing_ok=True)
    return 0


def _raw_plugins(raw: dict) -> list:
    plugins = raw.get("plugins", ["search"])
    if isinstance(plugins, dict):
        return list(plugins)
    return list(plugins)


# --------------------------------------------------------------------------------------------
# init
# --------------------------------------------------------------------------------------------


def scaffold_files() -> dict[str, bytes]:
    """The files of a new project: relative path -> content."""
    out = {}
    for path in sorted(SCAFFOLD_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            rel = path.relative_to(SCAFFOLD_DIR).as_posix()
            rel = "/".join("." + part[4:] if part.startswith("dot-") else part for part in rel.split("/"))
            out[rel] = path.read_bytes()
    return out


def cli_init(args) -> int:
    target = Path(args.dir)
    files = scaffold_files()
    if target.exists() and not target.is_dir():
        raise InputError(Problem(Loc(str(target)), "exists and is not a folder", "choose a new folder name"))
    clashes = [rel for rel in files if (target / rel.split("/")[0]).exists()]
    if clashes:
        first = sorted({rel.split("/")[0] for rel in clashes})
        raise InputError(
            Problem(
                Loc(str(target / first[0])),
                f"{target} already has {', '.join(first)}; init does not overwrite files",
                "choose an empty or new folder",
            )
        )
    for rel, data in files.items():
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
    print(f"Created a plainnotice project in {target}:")
    for rel in files:
        print(f"  {rel}")
    print(f"Next: cd {target} && plainnotice build   (then edit data_inventory.yml and build again)")
    return 0
