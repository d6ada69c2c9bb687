#!/usr/bin/env python3
"""plainnotice benchmark: speed, size and reading cost, each with its baseline from the same run.

    python bench/run.py            # full run: 5 measured runs after 1 warm-up, sizes 1x 10x 100x
    python bench/run.py --quick    # short run: 3 measured runs, sizes 1x 10x; still every figure

Prints a table and writes JSON to bench/results/latest.json (and to --json PATH if given).

How it measures (see bench/README.md for the why):
* every timed thing is a whole process: wall time from spawn to exit, peak memory (max RSS) and
  CPU time from os.wait4() for that process;
* a figure and its baseline run interleaved, round by round, and the order flips each round
  (A B, B A, A B, ...), so drift on a noisy machine hits both the same way;
* we report the median and the spread (min-max and quartiles) of the measured runs, and the
  ratio as the median of the per-round ratios (each round's A over the same round's B);
* everything runs in a temporary copy of the project; nothing is written into the repository.

A command that crashes or exits with an unexpected code is reported as "failed", with the last
lines of its output, and the run goes on; the browser cross-check is "unavailable" without Chromium.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from collections import Counter
from urllib.parse import unquote, urlsplit

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))  # the checklist and the page layers come from the package itself

from generator.inventory.parse import load_inventory  # noqa: E402
from generator.notice.checklist import checklist_status  # noqa: E402
from generator.notice.render import PAGES, render  # noqa: E402
from generator.notice.templates import default_templates  # noqa: E402

VENV = REPO / ".venv"
RESULTS = HERE / "results" / "latest.json"

# project files copied into the temporary project (when they exist)
PROJECT_FILES = ("mkdocs.yml", "data_inventory.yml", "site_overrides", "templates", "docs")

TARGETS = {
    "check_wall_s": 0.25,
    "check_cold_wall_s": 0.5,
    "validate_wall_s": 0.15,
    "build_ratio": 1.25,
    "memory_10x_ratio": 2.0,
    "summary_gzip_kb": 50.0,
    "summary_requests": 4,
}


def _ensure_venv() -> None:
    """Run under the project's venv, which has the dependencies, when we were started by another Python."""
    py = VENV / "bin" / "python"
    if not py.exists() or os.environ.get("PLAINNOTICE_BENCH_NO_REEXEC"):
        return
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    os.environ["PLAINNOTICE_BENCH_NO_REEXEC"] = "1"
    os.execv(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]])


# --------------------------------------------------------------------------------------------
# Running one process and measuring it
# --------------------------------------------------------------------------------------------


@dataclass
class Sample:
    wall: float  # seconds
    rss_kb: int  # peak resident set size of the process (ru_maxrss, KiB on Linux)
    user: float
    sys: float
    rc: int


@dataclass
class Tools:
    python: str
    plainnotice: list[str]
    mkdocs: list[str]
    env: dict
    how: str  # how plainnotice is run, for the report


def find_tools() -> Tools:
    py = VENV / "bin" / "python"
    python = str(py) if py.exists() else sys.executable
    env = dict(os.environ)
    env.pop("PLAINNOTICE_BENCH_NO_REEXEC", None)
    # An installed plainnotice has .pyc files (pip writes them); with PYTHONDONTWRITEBYTECODE set
    # (some shells and CI images set it) every run would compile every changed module from source
    # again, 0.1-0.2 s that no user pays. The warm-up run writes them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["NO_COLOR"] = "1"
    script = VENV / "bin" / "plainnotice"
    if script.exists():
        plainnotice, how = [str(script)], str(script.relative_to(REPO))
    else:
        # not pip-installed: run the package from the source tree
        plainnotice, how = [python, "-m", "generator"], f"{Path(python).name} -m generator (PYTHONPATH=repo)"
        env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    mk = VENV / "bin" / "mkdocs"
    mkdocs = [str(mk)] if mk.exists() else [python, "-m", "mkdocs"]
    return Tools(python, plainnotice, mkdocs, env, how)


_counter = 0


def run_once(cmd: list[str], cwd: Path, env: dict, logs: Path, timeout: float = 900) -> tuple[Sample, Path]:
    """Run ``cmd`` as one process; wall time around spawn..exit, rusage of exactly that process."""
    global _counter
    _counter += 1
    log = logs / f"{_counter:05d}.log"
    with open(log, "wb") as out:
        out.write(("$ " + " ".join(cmd) + "\n").encode())
        out.flush()
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, ru = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
    rc = os.waitstatus_to_exitcode(status)
    proc.returncode = rc  # already reaped by wait4; tell Popen so it does not wait again
    return Sample(wall, ru.ru_maxrss, ru.ru_utime, ru.ru_stime, rc), log


def _tail(path: Path, n: int = 12) -> str:
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError:
        return ""
    return "\n".join(lines[-n:])


@dataclass
class Case:
    """One command to time. ``ok_rc``: exit codes that mean the command did its whole job."""

    name: str
    cmd: list[str]
    cwd: Path
    ok_rc: tuple = (0,)
    samples: list[Sample] = field(default_factory=list)
    status: str = "ok"  # ok | failed
    reason: str = ""
    cold_cache: bool = False  # run every time with a new, empty cache folder


def _env_for(case: Case, env: dict, logs: Path) -> dict:
    if not case.cold_cache:
        return env
    fresh = Path(tempfile.mkdtemp(prefix="cold-cache-", dir=logs))
    return dict(env, XDG_CACHE_HOME=str(fresh), PLAINNOTICE_CACHE_DIR=str(fresh / "plainnotice"))


def _judge(s: Sample, log: Path, ok_rc: tuple) -> tuple[str, str] | None:
    """None if the run did its whole job; else (status, reason). A traceback is never a finding."""
    if s.rc == 0:
        return None
    text = log.read_text(errors="replace")
    if "Traceback (most recent call last)" in text:
        return "failed", f"crashed (exit code {s.rc}): " + _tail(log, 3).replace("\n", " | ")
    if s.rc not in ok_rc:
        return "failed", f"exit code {s.rc}: " + _tail(log, 6).replace("\n", " | ")
    return None


def measure(cases: list[Case], env: dict, logs: Path, repeats: int, warmup: int, say) -> None:
    """Warm up each case, then run all cases round by round, flipping the order every round.

    With ``warmup=0`` there is no untimed run: the first measured round also finds a failing command.
    """
    for case in cases:
        for _ in range(warmup):
            s, log = run_once(case.cmd, case.cwd, _env_for(case, env, logs), logs)
            bad = _judge(s, log, case.ok_rc)
            if bad:
                case.status, case.reason = bad
                say(f"    {case.name}: {case.status}: {case.reason[:200]}")
                break
    _interleave([c for c in cases if c.status == "ok"], env, logs, repeats, say)


def _interleave(live: list[Case], env: dict, logs: Path, repeats: int, say) -> None:
    """The measured rounds: every case once per round, the order flipped every other round."""
    if not live:
        return
    for r in range(repeats):
        order = [c for c in (live if r % 2 == 0 else live[::-1]) if c.status == "ok"]
        if not order:
            return
        for case in order:
            s, log = run_once(case.cmd, case.cwd, _env_for(case, env, logs), logs)
            case.samples.append(s)
            bad = _judge(s, log, case.ok_rc)
            if bad:
                case.status, case.reason = bad[0], f"run {r + 1}: {bad[1]}"
                say(f"    {case.name}: {case.status}: {case.reason[:200]}")
        say("    round %d/%d: %s" % (r + 1, repeats, ", ".join(f"{c.name} {c.samples[-1].wall:.3f}s" for c in order)))


def _spread(values: list[float]) -> dict:
    values = sorted(values)
    if not values:
        return {}
    if len(values) >= 4:
        q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    else:
        q1, q3 = values[0], values[-1]
    return {
        "median": statistics.median(values),
        "min": values[0],
        "max": values[-1],
        "q1": q1,
        "q3": q3,
        "n": len(values),
    }


def stats(case: Case) -> dict:
    out: dict = {"command": " ".join(_short(a) for a in case.cmd), "status": case.status}
    if case.reason:
        out["reason"] = case.reason
    if case.samples and case.status == "ok":
        out["wall_s"] = _spread([s.wall for s in case.samples])
        out["peak_rss_mb"] = _spread([s.rss_kb / 1024 for s in case.samples])
        out["cpu_s"] = _spread([s.user + s.sys for s in case.samples])
        out["exit_codes"] = sorted({s.rc for s in case.samples})
        out["samples_wall_s"] = [round(s.wall, 4) for s in case.samples]
    return out


def ratio(a: Case, b: Case, attr: str = "wall") -> dict | None:
    """Per-round ratios a/b (same round, so the same noise), summarised."""
    if a.status != "ok" or b.status != "ok" or not a.samples or not b.samples:
        return None
    n = min(len(a.samples), len(b.samples))
    get = {"wall": lambda s: s.wall, "cpu": lambda s: s.user + s.sys, "rss": lambda s: s.rss_kb}[attr]
    return _spread([get(a.samples[i]) / get(b.samples[i]) for i in range(n)])


def _short(arg: str) -> str:
    """Shorten temp-dir and repo paths in printed commands."""
    arg = arg.replace(str(REPO) + "/", "")
    return re.sub(r"^/tmp/[^/]+/", "$TMP/", arg)


# --------------------------------------------------------------------------------------------
# The temporary project
# --------------------------------------------------------------------------------------------


def make_project(tmp: Path) -> Path:
    """A copy of the project's inputs (inventory, mkdocs.yml, overrides, templates) in a temp folder."""
    proj = tmp / "project"
    proj.mkdir()
    for name in PROJECT_FILES:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, proj / name)
        elif src.is_file():
            shutil.copy2(src, proj / name)
    return proj


def mkdocs_docs_dir(config: Path) -> str:
    """docs_dir from mkdocs.yml, read as text (the file can hold !!python tags safe_load rejects)."""
    if not config.exists():
        return "docs"
    m = re.search(r"(?m)^docs_dir:\s*['\"]?([^'\"#\n]+?)['\"]?\s*(#.*)?$", config.read_text())
    return m.group(1).strip() if m else "docs"


def baseline_config(proj: Path) -> tuple[Path, str]:
    """mkdocs.yml for the plain-MkDocs baseline: the project's own, minus the plainnotice plugin.

    With the plugin, `mkdocs build` would render the notice itself; the baseline is MkDocs alone
    on Markdown that is already rendered. Everything else in the file is kept as it is.
    """
    cfg = proj / "mkdocs.yml"
    text = cfg.read_text()
    new = re.sub(r"(?m)^(\s*)-\s*plainnotice\s*(:\s*)?$\n?((\1\s+.*\n)*)", "", text)
    note = "the project's mkdocs.yml"
    if new != text:
        note += " without the plainnotice plugin"
        # a list left empty means no plugins (as the CLI path does), not MkDocs' default [search]
        new = re.sub(r"(?m)^plugins:[ \t]*\n(?=\s*\n|\S|\Z)", "plugins: []\n", new)
    out = proj / "mkdocs.baseline.yml"
    out.write_text(new)
    return out, note


# --------------------------------------------------------------------------------------------
# Page cost: bytes and requests, from the built site
# --------------------------------------------------------------------------------------------


class _Refs(HTMLParser):
    """Collects the subresources a browser fetches while loading the page."""

    LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "mask-icon"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str]] = []  # (kind, url)
        self.inline_css: list[str] = []
        self.config_json: str | None = None
        self._in_style = False
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "link":
            rels = set(a.get("rel", "").lower().split())
            if rels & self.LINK_RELS and a.get("href"):
                kind = "stylesheet" if "stylesheet" in rels else ("icon" if rels & {"icon", "shortcut", "apple-touch-icon", "mask-icon"} else "preload")
                self.refs.append((kind, a["href"]))
        elif tag == "script":
            if a.get("src"):
                self.refs.append(("script", a["src"]))
            elif a.get("id") == "__config":
                self._in_config = True
                self.config_json = ""
        elif tag in ("img", "source", "input", "iframe", "embed", "audio", "video", "track"):
            if a.get("src") and not (tag == "input" and a.get("type", "").lower() != "image"):
                self.refs.append(("image" if tag in ("img", "source", "input") else tag, a["src"]))
            if a.get("srcset"):
                first = a["srcset"].split(",")[0].strip().split(" ")[0]
                self.refs.append(("image", first))
            if tag == "video" and a.get("poster"):
                self.refs.append(("image", a["poster"]))
        elif tag == "object" and a.get("data"):
            self.refs.append(("object", a["data"]))
        elif tag == "style":
            self._in_style = True
        if a.get("style") and "url(" in a["style"]:
            self.inline_css.append(a["style"])

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False
        if tag == "script":
            self._in_config = False

    def handle_data(self, data):
        if self._in_style:
            self.inline_css.append(data)
        if self._in_config:
            self.config_json += data


_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
_FONT_EXT = (".woff2", ".woff", ".ttf", ".otf", ".eot")


def _css_refs(css: str) -> list[tuple[str, str]]:
    out = []
    for m in _CSS_URL.finditer(css):
        url = m.group(2) or m.group(4)
        if not url or url.startswith("data:") or url.startswith("#"):
            continue
        path = urlsplit(url).path.lower()
        kind = "font" if path.endswith(_FONT_EXT) else ("stylesheet" if m.group(4) or path.endswith(".css") else "image")
        out.append((kind, url))
    return out


def _resolve(site: Path, base: Path, url: str) -> Path | None:
    """A same-origin URL -> the file in the built site; None for other origins."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("//"):
        return None
    path = unquote(parts.path)
    if not path:
        return None
    target = (site / path.lstrip("/")) if path.startswith("/") else (base.parent / path)
    target = Path(os.path.normpath(target))
    if target.is_dir():
        target = target / "index.html"
    return target


def page_cost(site: Path, page: Path) -> dict:
    """Bytes (raw, gzip -6) and requests for loading ``page`` from the built ``site`` folder.

    Counted: the page itself; same-origin stylesheets, scripts, icons, preloads, images, media;
    fonts, images and imports that those stylesheets (and inline styles) reference; and, for a
    Material site with search, the search worker and search index that its script fetches on load.
    Requests to other origins are listed separately (they should be none).
    """
    seen: dict[Path, dict] = {}
    external: list[str] = []
    missing: list[str] = []

    def add(kind: str, path: Path, how: str = "html") -> bytes | None:
        if path in seen:
            return None
        if not path.is_file():
            missing.append(str(path.relative_to(site)) if path.is_relative_to(site) else str(path))
            return None
        data = path.read_bytes()
        seen[path] = {
            "kind": kind,
            "path": str(path.relative_to(site)),
            "via": how,
            "bytes": len(data),
            "gzip_bytes": len(gzip.compress(data, compresslevel=6, mtime=0)),
        }
        return data

    html = add("page", page)
    if html is None:
        return {"status": "failed", "reason": f"{page} was not built"}
    parser = _Refs()
    parser.feed(html.decode("utf-8", errors="replace"))
    queue = list(parser.refs) + [r for css in parser.inline_css for r in _css_refs(css)]
    for kind, url in queue:
        if url.startswith(("data:", "#", "about:", "blob:")):
            continue  # inline: no request
        path = _resolve(site, page, url)
        if path is None:
            external.append(url)
            continue
        data = add(kind, path)
        if data is not None and kind == "stylesheet":
            for k2, u2 in _css_refs(data.decode("utf-8", errors="replace")):
                p2 = _resolve(site, path, u2)
                if p2 is None:
                    external.append(u2)
                elif k2 != "image":  # CSS images load only when a rule matches; fonts and imports do load
                    add(k2, p2, how=f"css:{path.name}")
    # Material: the bundle starts the search worker on load and the worker fetches the index
    if parser.config_json:
        try:
            cfg = json.loads(parser.config_json)
        except ValueError:
            cfg = {}
        base = page.parent / cfg.get("base", ".")
        if cfg.get("search"):
            add("script", Path(os.path.normpath(base / cfg["search"])), how="material:search worker")
            add("data", Path(os.path.normpath(base / "search" / "search_index.json")), how="material:search index")
    items = sorted(seen.values(), key=lambda r: (r["kind"] != "page", r["path"]))
    return {
        "status": "ok",
        "page": str(page.relative_to(site)),
        "requests": len(items),
        "bytes": sum(r["bytes"] for r in items),
        "gzip_bytes": sum(r["gzip_bytes"] for r in items),
        "page_bytes": items[0]["bytes"],
        "page_gzip_bytes": items[0]["gzip_bytes"],
        "external_requests": sorted(set(external)),
        "missing": missing,
        "resources": items,
    }


_BROWSER_CODE = r'''
import functools, http.server, json, sys, threading
from playwright.sync_api import sync_playwright
site, pages = sys.argv[1], json.loads(sys.argv[2])
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass
srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=site))
threading.Thread(target=srv.serve_forever, daemon=True).start()
origin = f"http://127.0.0.1:{srv.server_port}/"
out = {}
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    for page_path in pages:
        reqs = []
        pg = b.new_page()
        pg.on("request", lambda r: reqs.append(r.url))
        pg.goto(origin + page_path, wait_until="networkidle")
        pg.wait_for_timeout(1000)
        pg.close()
        out[page_path] = {"same_origin": sorted({u[len(origin):] for u in reqs if u.startswith(origin)}),
                          "other": sorted({u for u in reqs if not u.startswith(origin) and not u.startswith("data:")})}
    b.close()
srv.shutdown()
print(json.dumps(out))
'''


def browser_requests(tools: Tools, site: Path, pages: list[str]) -> dict:
    """Cross-check of the request count: load each page in Debian's Chromium and list what it fetched."""
    if not Path("/usr/bin/chromium").exists():
        return {"status": "unavailable", "reason": "no /usr/bin/chromium"}
    try:
        out = subprocess.run([tools.python, "-c", _BROWSER_CODE, str(site), json.dumps(pages)], env=tools.env, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return {"status": "failed", "reason": "timed out"}
    if out.returncode != 0:
        return {"status": "unavailable", "reason": (out.stderr.strip().splitlines() or ["error"])[-1]}
    return {"status": "ok", "pages": json.loads(out.stdout.strip().splitlines()[-1])}


# --------------------------------------------------------------------------------------------
# The rendered pages, their reading cost and the checklist
# --------------------------------------------------------------------------------------------


def html_for(site: Path, md_path: str) -> Path:
    """The built HTML file for a Markdown page path, with or without directory URLs."""
    stem = md_path[:-3] if md_path.endswith(".md") else md_path
    if stem == "index" or stem.endswith("/index"):
        return site / (stem + ".html")
    for cand in (site / stem / "index.html", site / (stem + ".html")):
        if cand.exists():
            return cand
    return site / stem / "index.html"


def rendered_pages(tools: Tools, proj: Path, out: Path, logs: Path, inventory: str = "data_inventory.yml") -> dict:
    """The pages `plainnotice render` writes, and which page is which layer (the render stage's PAGES)."""
    s, log = run_once(tools.plainnotice + ["render", inventory, "--out", str(out)], proj, tools.env, logs)
    if s.rc != 0:
        return {"status": "failed", "reason": _tail(log, 6)}
    layers = {layer: path for path, (_, layer) in PAGES.items() if layer}
    mds = sorted(str(p.relative_to(out)) for p in out.rglob("*.md"))
    return {"status": "ok", "layers": layers, "files": mds, "dir": out}


def reading_cost(tools: Tools, rendered: dict, proj: Path, logs: Path) -> dict:
    """Words, reading minutes and FK grade of the summary and the full notice, from
    `plainnotice score --format json` (the readability stage's own measure of the text readers see)."""
    if rendered.get("status") != "ok":
        return {"status": "failed", "reason": "render: " + rendered.get("reason", "")}
    layers = {k: v for k, v in rendered["layers"].items() if k in ("summary", "full")}
    files = [str(rendered["dir"] / v) for v in layers.values()]
    out = subprocess.run(tools.plainnotice + ["score", "--format", "json", *files], cwd=proj, env=tools.env, capture_output=True, text=True, timeout=600)
    (logs / "score.log").write_text(out.stdout + "\n--- stderr ---\n" + out.stderr)
    if out.returncode != 0:
        return {"status": "failed", "reason": _tail(logs / "score.log", 6)}
    scored = {Path(f["file"]).name: f for f in json.loads(out.stdout)["files"]}
    result: dict = {"status": "ok", "method": "plainnotice score --format json", "layers": {}}
    for layer, page in layers.items():
        f = scored[Path(page).name]
        result["layers"][layer] = {
            "page": page,
            "words": f["words"],
            "minutes": f["reading_minutes"],
            "fk_grade": round(f["flesch_kincaid_grade"], 2),
        }
    return result


def checklist_cost(proj: Path, inventory: str = "data_inventory.yml") -> dict:
    """Checklist items covered / applicable per layer, from the render stage's checklist."""
    path = proj / inventory
    templates = default_templates(path, None)
    inv = load_inventory(path)
    result = render(inv, templates=templates)
    summary_pages = {p for p, page in result.pages.items() if page.layer == "summary"}
    cov = {"summary": Counter(), "full": Counter(), "all": Counter()}
    missed = []
    for st in checklist_status(inv, result):
        first = (st.item.renders[0] if st.item.renders else "").partition("#")[0]
        layer = "summary" if first in summary_pages else "full"
        for key in (layer, "all"):
            cov[key]["items"] += 1
            cov[key]["applicable"] += bool(st.applicable)
            cov[key]["covered"] += bool(st.applicable and st.rendered)
        if st.applicable and not st.rendered:
            missed.append({"id": st.item.id, "missing": [str(m) for m in st.missing]})
    return {"status": "ok", "source": "generator.notice.checklist.checklist_status", "coverage": {k: dict(v) for k, v in cov.items()}, "not_covered": missed}


# --------------------------------------------------------------------------------------------
# The figures
# --------------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        m = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())
        mem = round(int(m.group(1)) / 1024 / 1024, 1) if m else None
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": mem,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def git_commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, timeout=10)
        return out.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


# The floor under `check`, measured in the same rounds: the libraries it cannot run without, then
# every module its command imports (cli.cmd_check's imports), and nothing run.
FLOOR_LIBRARIES = "import pydantic_core, yaml, yaml.cyaml, jinja2, jinja2.sandbox, jinja2.ext, markupsafe"
FLOOR_MODULES = (
    "import generator.cli, generator.inventory.parse, generator.notice.render, generator.notice.templates, "
    "generator.readability.formats, generator.readability.gate, generator.rules"
)


def fig_startup(tools, proj, logs, repeats, warmup, say, cold: bool = False) -> dict:
    say("[1] start-up: plainnotice check and validate vs python -c pass, with the import floor" + (", and check with a cold cache" if cold else ""))
    check = Case("check", tools.plainnotice + ["check"], proj, ok_rc=(0, 1))
    floor = Case("python -c pass", [tools.python, "-c", "pass"], proj)
    validate = Case("validate", tools.plainnotice + ["validate"], proj)
    libs = Case("import libraries", [tools.python, "-c", FLOOR_LIBRARIES], proj)
    mods = Case("import modules", [tools.python, "-c", FLOOR_MODULES], proj)
    cases = [check, floor, validate, libs, mods]
    if cold:
        # as on a fresh CI machine: no ~/.cache/plainnotice (derived data the tool builds on first use)
        cases.append(Case("check (cold cache)", tools.plainnotice + ["check"], proj, ok_rc=(0, 1), cold_cache=True))
    measure(cases, tools.env, logs, repeats, warmup, say)
    fig = {"check": stats(check), "baseline": stats(floor), "ratio": ratio(check, floor), "cpu_ratio": ratio(check, floor, "cpu")}
    fig["validate"] = stats(validate)
    fig["validate_ratio"], fig["validate_cpu_ratio"] = ratio(validate, floor), ratio(validate, floor, "cpu")
    fig["floor_libraries"] = dict(stats(libs), ratio=ratio(libs, floor), cpu_ratio=ratio(libs, floor, "cpu"))
    fig["floor_modules"] = dict(stats(mods), ratio=ratio(mods, floor), cpu_ratio=ratio(mods, floor, "cpu"))
    if cold:
        fig["check_cold_cache"] = stats(cases[-1])
        fig["cold_ratio"] = ratio(cases[-1], floor)
        fig["cold_cpu_ratio"] = ratio(cases[-1], floor, "cpu")
        fig["cold_target"] = {
            "what": f"check with a cold cache <= {TARGETS['check_cold_wall_s']} s",
            "met": fig["check_cold_cache"]["wall_s"]["median"] <= TARGETS["check_cold_wall_s"] if cases[-1].status == "ok" else None,
        }
    fig["validate_target"] = {
        "what": f"validate wall time <= {TARGETS['validate_wall_s']} s",
        "met": fig["validate"]["wall_s"]["median"] <= TARGETS["validate_wall_s"] if validate.status == "ok" else None,
    }
    if check.status == "ok":
        med = fig["check"]["wall_s"]["median"]
        fig["over_floor_s"] = med - fig["baseline"]["wall_s"]["median"]
        fig["target"] = {"what": f"check wall time <= {TARGETS['check_wall_s']} s", "met": med <= TARGETS["check_wall_s"]}
    else:
        fig["target"] = {"what": f"check wall time <= {TARGETS['check_wall_s']} s", "met": None}
    return fig


def fig_build(tools, proj, tmp, logs, repeats, warmup, say) -> tuple[dict, Path | None]:
    """plainnotice build vs MkDocs alone on the Markdown that plainnotice build wrote into docs_dir.

    `plainnotice build` writes the rendered pages into MkDocs' docs_dir and then builds; so after
    one build, docs_dir holds exactly the Markdown that build fed MkDocs, and the baseline is
    `mkdocs build` of that folder with the project's mkdocs.yml (minus the plainnotice plugin).
    """
    say("[2] build: plainnotice build vs plain mkdocs build of the same Markdown")
    site_a = tmp / "site-plainnotice"
    site_b = tmp / "site-mkdocs"
    what = f"build <= {TARGETS['build_ratio']}x plain mkdocs build"
    build = Case("plainnotice build", tools.plainnotice + ["build", "--site-dir", str(site_a)], proj)
    measure([build], tools.env, logs, 0, 1, say)  # first build: also writes docs_dir
    cfg, note = baseline_config(proj)
    docs = proj / mkdocs_docs_dir(proj / "mkdocs.yml")
    if build.status != "ok":
        fig = {"status": build.status, "reason": "plainnotice build: " + build.reason, "build": stats(build)}
        fig["target"] = {"what": what, "met": None}
        return fig, None
    fig: dict = {"baseline_config": note, "docs_dir": str(docs.relative_to(proj))}
    plain = Case("mkdocs build", tools.mkdocs + ["build", "-q", "-f", cfg.name, "-d", str(site_b)], proj)
    measure([plain], tools.env, logs, 0, max(1, warmup), say)  # warm-up of the baseline
    if plain.status == "ok":
        _interleave([build, plain], tools.env, logs, repeats, say)
    else:
        measure([build], tools.env, logs, repeats, 0, say)
    fig.update({
        "build": stats(build),
        "baseline": stats(plain),
        "ratio": ratio(build, plain),
        "cpu_ratio": ratio(build, plain, "cpu"),
        "rss_ratio": ratio(build, plain, "rss"),
    })
    met = None
    if fig["ratio"]:
        met = fig["ratio"]["median"] <= TARGETS["build_ratio"]
        fig["over_baseline_s"] = fig["build"]["wall_s"]["median"] - fig["baseline"]["wall_s"]["median"]
    elif plain.status != "ok":
        fig["status"], fig["reason"] = plain.status, "baseline mkdocs build: " + plain.reason
    fig["target"] = {"what": what, "met": met}
    return fig, site_a


def fig_scaling(tools, proj, tmp, logs, sizes, repeats, warmup, say) -> dict:
    sys.path.insert(0, str(HERE))
    import synth  # noqa: E402  (bench/synth.py)

    say(f"[3] scaling: sizes {', '.join(f'{n}x' for n in sizes)}")
    ref = synth.load_reference()
    invs = {}
    for n in sizes:
        path = synth.write(n, proj, reference=ref)
        inv = synth.make_inventory(n, reference=ref)
        invs[n] = {"file": path.name, "bytes": path.stat().st_size, "entries": synth.counts(inv)}
    fig: dict = {"inventories": {f"{n}x": invs[n] for n in sizes}, "commands": {}}
    commands = {
        "validate": lambda n: tools.plainnotice + ["validate", invs[n]["file"]],
        "check": lambda n: tools.plainnotice + ["check", "-i", invs[n]["file"]],
        "build": lambda n: tools.plainnotice + ["build", "-i", invs[n]["file"], "--site-dir", str(tmp / f"site-{n}x")],
    }
    ok = {"validate": (0, 1), "check": (0, 1), "build": (0,)}
    met_time, met_mem = [], []
    for cmd, make in commands.items():
        say(f"  {cmd}")
        cases = [Case(f"{cmd} {n}x", make(n), proj, ok_rc=ok[cmd]) for n in sizes]
        measure(cases, tools.env, logs, repeats, warmup, say)
        per = {f"{n}x": stats(c) for n, c in zip(sizes, cases)}
        steps = []
        for (n0, c0), (n1, c1) in zip(zip(sizes, cases), list(zip(sizes, cases))[1:]):
            r = ratio(c1, c0)
            m = ratio(c1, c0, "rss")
            if r is None:
                continue
            size_ratio = n1 / n0
            steps.append({
                "from": f"{n0}x", "to": f"{n1}x", "size_ratio": size_ratio,
                "time_ratio": r, "rss_ratio": m,
                "time_grows_no_faster": r["median"] <= size_ratio,
            })
            met_time.append(r["median"] <= size_ratio)
            if n0 == sizes[0] and n1 == 10 * n0 and m:
                met_mem.append(m["median"] <= TARGETS["memory_10x_ratio"])
        # time above the start-up floor (1x run), for the exponent: t - t(1x) ~ n^k
        walls = {n: per[f"{n}x"].get("wall_s", {}).get("median") for n in sizes}
        if len(sizes) >= 3 and all(walls[n] is not None for n in sizes[:3]):
            a, b, c = (walls[n] for n in sizes[:3])
            if b - a > 0 and c - a > 0:
                import math

                per["marginal_exponent"] = math.log((c - a) / (b - a)) / math.log((sizes[2] - sizes[0]) / (sizes[1] - sizes[0]))
        fig["commands"][cmd] = {"sizes": per, "steps": steps}
    fig["target"] = {
        "what": "time grows no faster than the inventory (each step's time ratio <= size ratio); peak memory at 10x <= 2x of 1x",
        "time_met": all(met_time) if met_time else None,
        "memory_met": all(met_mem) if met_mem else None,
        "met": (all(met_time) and all(met_mem)) if met_time and met_mem else None,
    }
    return fig


#: Sizes of the limits figure, in bytes: up to the loader's 4 MiB limit (max_bytes).
LIMIT_SIZES = (256 * 1024, 1024 * 1024, 4 * 1024 * 1024)
LIMIT_SIZES_QUICK = (16 * 1024, 64 * 1024, 256 * 1024)


def _exponent(sizes, values) -> float | None:
    """k in v(s) - v(s0) ~ (s - s0)^k from three sizes (as for the scaling figure)."""
    import math

    a, b, c = values
    if None in values or b - a <= 0 or c - a <= 0:
        return None
    return math.log((c - a) / (b - a)) / math.log((sizes[2] - sizes[0]) / (sizes[1] - sizes[0]))


def fig_limits(tools, proj, logs, sizes, repeats, say) -> dict:
    """`check` on inventories of 0.25, 1 and 4 MiB: the shipped inventory with one long free-text
    value (bench/synth.py, `write_text_inventory`). Work must grow linearly up to the size limit."""
    sys.path.insert(0, str(HERE))
    import synth  # noqa: E402  (bench/synth.py)

    say(f"[6] limits: check on {', '.join(_mib(n) for n in sizes)} of inventory text")
    paths = [synth.write_text_inventory(n, proj) for n in sizes]
    cases = [Case(f"check {_mib(n)}", tools.plainnotice + ["check", "-i", p.name], proj, ok_rc=(0, 1)) for n, p in zip(sizes, paths)]
    measure(cases[:1], tools.env, logs, 0, 1, say)  # warm caches (syllables, templates) on the smallest
    measure(cases, tools.env, logs, repeats, 0, say)
    per = {_mib(n): dict(stats(c), bytes=p.stat().st_size) for n, c, p in zip(sizes, cases, paths)}
    walls = [per[_mib(n)].get("wall_s", {}).get("median") for n in sizes]
    cpus = [per[_mib(n)].get("cpu_s", {}).get("median") for n in sizes]
    k_wall, k_cpu = _exponent(sizes, walls), _exponent(sizes, cpus)
    return {
        "sizes": per,
        "k_wall": k_wall,
        "k_cpu": k_cpu,
        "target": {
            "what": "check grows linearly up to the 4 MiB limit: k <= 1.1 (k from CPU time, which a busy machine disturbs less than wall time)",
            "met": (k_cpu <= 1.1) if k_cpu is not None else None,
        },
    }


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):g} MiB" if n >= 1024 * 1024 else f"{n // 1024} KiB"


def fig_pages(site: Path | None, layers: dict, tools: Tools | None = None, browser: bool = False) -> dict:
    if site is None or not (site / "index.html").exists():
        return {"status": "failed", "reason": "no built site (plainnotice build failed)", "target": {"met": None, "what": "summary <= 50 KB gzipped, <= 4 requests"}}
    out: dict = {"status": "ok", "pages": {}}
    summary = site / "index.html"
    out["pages"]["summary"] = page_cost(site, summary)
    full_md = layers.get("full")
    full = html_for(site, full_md) if full_md else None
    if full is not None and full.exists():
        out["pages"]["full"] = page_cost(site, full)
    else:
        out["pages"]["full"] = {"status": "failed", "reason": f"full notice page not found ({full_md})"}
    if browser and tools is not None:
        ok_pages = {k: v["page"] for k, v in out["pages"].items() if v.get("status") == "ok"}
        b = browser_requests(tools, site, list(ok_pages.values()))
        if b.get("status") == "ok":
            for layer, path in ok_pages.items():
                got = b["pages"].get(path, {})
                static = sorted(r["path"] for r in out["pages"][layer]["resources"])
                seen = sorted(u.split("?")[0].split("#")[0] for u in got.get("same_origin", []))
                out["pages"][layer]["browser"] = {
                    "requests": len(got.get("same_origin", [])) + len(got.get("other", [])),
                    "other_hosts": got.get("other", []),
                    "only_in_browser": sorted(set(seen) - set(static)),
                    "only_in_static_count": sorted(set(static) - set(seen)),
                }
        else:
            out["browser"] = b
    s = out["pages"]["summary"]
    met = None
    if s.get("status") == "ok":
        met = s["gzip_bytes"] <= TARGETS["summary_gzip_kb"] * 1024 and s["requests"] <= TARGETS["summary_requests"] and not s["external_requests"]
    out["target"] = {"what": "summary <= 50 KB gzipped, <= 4 requests, none to other hosts", "met": met}
    return out


# --------------------------------------------------------------------------------------------
# Table
# --------------------------------------------------------------------------------------------


def _fmt_s(d: dict | None) -> str:
    if not d:
        return "-"
    return f"{d['median']:.3f} s"


def _fmt_spread(d: dict | None, unit: str = "s", digits: int = 3) -> str:
    if not d:
        return "-"
    return f"{d['min']:.{digits}f}-{d['max']:.{digits}f}"


def _fmt_ratio(d: dict | None) -> str:
    if not d:
        return "-"
    return f"{d['median']:.2f}x ({d['min']:.2f}-{d['max']:.2f})"


def _met(v) -> str:
    return {True: "met", False: "MISSED", None: "n/a"}[v]


def table_rows(res: dict) -> list[list[str]]:
    rows: list[list[str]] = []
    F = res["figures"]

    def time_row(label, st, base_label="", r=None, target="", met=None, cpu_r=None):
        if st.get("status") != "ok":
            rows.append([label, st.get("status", "?"), "", "", "", "", target, _met(met)])
            return
        cpu = st.get("cpu_s")
        rows.append([
            label,
            _fmt_s(st["wall_s"]) + (f" (CPU {cpu['median']:.3f})" if cpu else ""),
            _fmt_spread(st["wall_s"]),
            f"{st['peak_rss_mb']['median']:.0f} MB",
            base_label,
            _fmt_ratio(r) + (f"; CPU {cpu_r['median']:.2f}x" if cpu_r else ""),
            target,
            _met(met),
        ])

    if "startup" in F:
        f = F["startup"]
        time_row("1 check (shipped inventory)", f["check"], "python -c pass", f.get("ratio"), "<= 0.25 s", f["target"]["met"], f.get("cpu_ratio"))
        time_row("  baseline: python -c pass", f["baseline"])
        for key, label in (("floor_libraries", "  floor: import the libraries"), ("floor_modules", "  floor: import every module check imports")):
            if key in f:
                time_row(label, f[key], "python -c pass", f[key].get("ratio"), "", None, f[key].get("cpu_ratio"))
        if "check_cold_cache" in f:
            time_row("1 check, cold cache (fresh CI)", f["check_cold_cache"], "python -c pass", f.get("cold_ratio"), "<= 0.5 s", f["cold_target"]["met"], f.get("cold_cpu_ratio"))
        if "validate" in f:
            time_row("1 validate (shipped inventory)", f["validate"], "python -c pass", f.get("validate_ratio"), "<= 0.15 s", f["validate_target"]["met"], f.get("validate_cpu_ratio"))
    if "build" in F:
        f = F["build"]
        if "baseline" in f:
            time_row("2 plainnotice build", f["build"], "mkdocs build", f.get("ratio"), "<= 1.25x", f["target"]["met"], f.get("cpu_ratio"))
            time_row("  baseline: mkdocs build", f["baseline"])
        else:
            rows.append(["2 plainnotice build", f.get("status", "?"), "", "", "", "", "<= 1.25x", _met(None)])
    if "scaling" in F:
        f = F["scaling"]
        for cmd, d in f["commands"].items():
            sizes = [k for k in d["sizes"] if k.endswith("x")]
            steps = {s["to"]: s for s in d["steps"]}
            for k in sizes:
                st = d["sizes"][k]
                step = steps.get(k)
                label = f"3 {cmd} {k}"
                if step:
                    met = step["time_grows_no_faster"]
                    r = step["time_ratio"]
                    base = f"{cmd} {step['from']}"
                    tgt = f"<= {step['size_ratio']:.0f}x"
                    if k == sizes[-1] and isinstance(d["sizes"].get("marginal_exponent"), float):
                        tgt += f"; k={d['sizes']['marginal_exponent']:.2f}"
                    if step["from"] == sizes[0] and step["to"] == "10x" and step.get("rss_ratio"):
                        tgt += f"; mem {step['rss_ratio']['median']:.2f}x <= 2x"
                        met = met and step["rss_ratio"]["median"] <= TARGETS["memory_10x_ratio"]
                    time_row(label, st, base, r, tgt, met)
                else:
                    time_row(label, st)
    if "limits" in F:
        f = F["limits"]
        names = list(f["sizes"])
        for i, k in enumerate(names):
            st = f["sizes"][k]
            if i < len(names) - 1:
                time_row(f"6 check, {k} of text", st)
                continue
            ks = []
            if f.get("k_cpu") is not None:
                ks.append(f"k={f['k_cpu']:.2f} (cpu)")
            if f.get("k_wall") is not None:
                ks.append(f"k={f['k_wall']:.2f} (wall)")
            time_row(f"6 check, {k} of text", st, "", None, "k <= 1.1; " + ", ".join(ks), f["target"]["met"])
    if "pages" in F:
        f = F["pages"]
        for layer in ("summary", "full"):
            p = f.get("pages", {}).get(layer, {"status": f.get("status")})
            if p.get("status") != "ok":
                rows.append([f"4 page cost: {layer}", p.get("status", "?"), "", "", "", "", "", "n/a"])
                continue
            tgt = "<= 50 KB gz, <= 4 req" if layer == "summary" else ""
            met = f["target"]["met"] if layer == "summary" else None
            rows.append([
                f"4 page cost: {layer} ({p['page']})",
                f"{p['gzip_bytes'] / 1024:.1f} KB gz",
                f"{p['bytes'] / 1024:.1f} KB raw",
                f"{p['requests']} req" + (f" (browser {p['browser']['requests']})" if p.get("browser") else ""),
                f"{len(p['external_requests'])} other-host req",
                f"page {p['page_gzip_bytes'] / 1024:.1f} KB gz",
                tgt,
                _met(met),
            ])
    if "reading" in F:
        f = F["reading"]
        if f.get("status") != "ok":
            rows.append(["5 reading cost", f.get("status", "?"), "", "", "", "", "", "n/a"])
        else:
            cov = F.get("checklist", {})
            for layer in ("summary", "full"):
                d = f["layers"].get(layer)
                if not d:
                    continue
                cv = cov.get("coverage", {}).get(layer) if cov.get("status") == "ok" else None
                c = f"{cv['covered']}/{cv['applicable']} checklist" if cv else "checklist n/a"
                rows.append([
                    f"5 reading: {layer}",
                    f"{d['words']} words",
                    f"{d['minutes']} min",
                    f"FK {d['fk_grade']}",
                    c,
                    "",
                    "<= 2 min" if layer == "summary" else "",
                    _met(d["minutes"] <= 2 if layer == "summary" and d["minutes"] is not None else None),
                ])
    return rows


LEGEND = (
    "Times: median of the measured runs (wall; CPU = user + system of the process), spread min-max. Ratios: median of per-round ratios (min-max); CPU: the same from CPU time.\n"
    "k: exponent in t(n) - t(1x) ~ n^k between 1x, 10x and 100x (1 = linear; above 1 grows faster than the inventory)."
)

HEAD = ["figure", "median", "spread (min-max)", "peak mem", "baseline", "ratio (per-round min-max)", "target", "result"]


def render_table(rows: list[list[str]], markdown: bool = False) -> str:
    if markdown:
        lines = ["| " + " | ".join(HEAD) + " |", "|" + "|".join("---" for _ in HEAD) + "|"]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(HEAD[i]), *(len(r[i]) for r in rows)) for i in range(len(HEAD))] if rows else [len(h) for h in HEAD]
    fmt = "  ".join("{:<%d}" % w for w in widths)
    out = [fmt.format(*HEAD), fmt.format(*("-" * w for w in widths))]
    out += [fmt.format(*r) for r in rows]
    return "\n".join(out)


def update_readme(res: dict, rows: list[list[str]]) -> None:
    """Replace the results block in bench/README.md with this run's table."""
    readme = HERE / "README.md"
    if not readme.exists():
        return
    m = res["meta"]
    mach = m["machine"]
    block = (
        "<!-- bench:results:start -->\n"
        f"Measured {m['date']} on commit `{m['commit']}`, {'--quick' if m['quick'] else 'full'} run "
        f"({m['repeats']} measured runs after {m['warmup']} warm-up): {mach['nproc']} CPUs ({mach['cpu']}), "
        f"{mach['memory_gb']} GB, Python {mach['python']}, {mach['platform']}; load average at start "
        f"{', '.join(str(x) for x in mach['loadavg_at_start'])}"
        + (f", at end {', '.join(str(x) for x in mach['loadavg_at_end'])}" if mach.get("loadavg_at_end") else "")
        + ".\n\n"
        + render_table(rows, markdown=True)
        + "\n\n" + LEGEND.replace("\n", "\n\n")
        + "\n<!-- bench:results:end -->"
    )
    text = readme.read_text()
    new = re.sub(r"<!-- bench:results:start -->.*?<!-- bench:results:end -->", lambda _: block, text, flags=re.S)
    readme.write_text(new)


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

ALL = ("startup", "build", "scaling", "pages", "reading", "limits")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark plainnotice: speed, size and reading cost, as ratios in one run.")
    ap.add_argument("--quick", action="store_true", help="short run: 3 measured runs, sizes 1x and 10x")
    ap.add_argument("--repeats", type=int, default=None, help="measured runs per command (default 5; --quick 3)")
    ap.add_argument("--warmup", type=int, default=1, help="warm-up runs per command (default 1)")
    ap.add_argument("--sizes", default=None, help="scaling sizes, e.g. 1,10,100 (default; --quick 1,10)")
    ap.add_argument("--only", default=None, help=f"comma-separated figures to run: {','.join(ALL)}")
    ap.add_argument("--json", dest="json_path", default=None, help="also write the JSON here")
    ap.add_argument("--no-latest", action="store_true", help="do not write bench/results/latest.json")
    ap.add_argument("--update-readme", action="store_true", help="put this run's table into bench/README.md")
    ap.add_argument("--browser", action=argparse.BooleanOptionalAction, default=None,
                    help="cross-check request counts in Chromium (default: on, off with --quick)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (and print where it is)")
    ap.add_argument("-q", "--quiet", action="store_true", help="print only the table")
    args = ap.parse_args(argv)

    repeats = args.repeats if args.repeats is not None else (3 if args.quick else 5)
    sizes = [int(x) for x in (args.sizes or ("1,10" if args.quick else "1,10,100")).split(",")]
    only = set((args.only or ",".join(ALL)).split(","))
    unknown = only - set(ALL)
    if unknown:
        ap.error(f"unknown figure(s) {', '.join(sorted(unknown))}; use {', '.join(ALL)}")

    def say(msg: str) -> None:
        if not args.quiet:
            print(msg, file=sys.stderr, flush=True)

    tools = find_tools()
    started = time.perf_counter()
    res: dict = {
        "meta": {
            "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": git_commit(),
            "machine": machine(),
            "quick": args.quick,
            "repeats": repeats,
            "warmup": args.warmup,
            "scaling_warmup": 0 if args.quick else args.warmup,
            "sizes": sizes,
            "plainnotice": tools.how,
            "method": "whole processes; wall time spawn..exit; peak RSS and CPU from os.wait4; cases interleaved, order flipped each round; ratio = median of per-round ratios",
            "targets": TARGETS,
        },
        "figures": {},
    }
    tmp = Path(tempfile.mkdtemp(prefix="plainnotice-bench-"))
    logs = tmp / "logs"
    logs.mkdir()
    # caches the tool builds on first use live in the run's own folder: warm after the warm-up,
    # independent of the state of ~/.cache, and nothing is left behind
    tools.env["XDG_CACHE_HOME"] = str(tmp / "cache")
    tools.env["PLAINNOTICE_CACHE_DIR"] = str(tmp / "cache" / "plainnotice")
    try:
        proj = make_project(tmp)
        F = res["figures"]
        if "startup" in only:
            F["startup"] = fig_startup(tools, proj, logs, repeats, args.warmup, say, cold=not args.quick)
        site = None
        if only & {"build", "pages"}:
            if "build" in only:
                F["build"], site = fig_build(tools, proj, tmp, logs, repeats, args.warmup, say)
            else:
                s, _ = run_once(tools.plainnotice + ["build", "--site-dir", str(tmp / "site-plainnotice")], proj, tools.env, logs)
                site = tmp / "site-plainnotice" if s.rc == 0 else None
        rendered = {"status": "skipped"}
        if only & {"pages", "reading"}:
            say("[4/5] page cost and reading cost")
            rendered = rendered_pages(tools, proj, tmp / "rendered", logs)
        if "pages" in only:
            browser = args.browser if args.browser is not None else not args.quick
            F["pages"] = fig_pages(site, rendered.get("layers", {}), tools, browser)
        if "reading" in only:
            F["reading"] = reading_cost(tools, rendered, proj, logs)
            F["checklist"] = checklist_cost(proj)
        if "scaling" in only:
            # --quick: figures 1 and 2 already warmed the same commands (and the .pyc caches)
            F["scaling"] = fig_scaling(tools, proj, tmp, logs, sizes, repeats, 0 if args.quick else args.warmup, say)
        if "limits" in only:
            F["limits"] = fig_limits(tools, proj, logs, LIMIT_SIZES_QUICK if args.quick else LIMIT_SIZES, 1 if args.quick else min(repeats, 3), say)
    finally:
        if args.keep:
            say(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    res["meta"]["seconds"] = round(time.perf_counter() - started, 1)
    res["meta"]["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]

    rows = table_rows(res)
    res["table"] = [dict(zip(HEAD, r)) for r in rows]
    res["targets_met"] = _targets_summary(res)
    print(render_table(rows))
    print(LEGEND)
    print()
    for name, met in res["targets_met"].items():
        print(f"target {name}: {_met(met)}")
    print(f"({res['meta']['seconds']} s; {res['meta']['machine']['nproc']} CPUs, {res['meta']['machine']['cpu']}, Python {res['meta']['machine']['python']})")

    text = json.dumps(res, indent=2, default=str) + "\n"
    if not args.no_latest:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text)
    if args.json_path:
        Path(args.json_path).write_text(text)
    if args.update_readme:
        update_readme(res, rows)
    return 0


def _targets_summary(res: dict) -> dict:
    F = res["figures"]
    out = {}
    if "startup" in F:
        out["1 check <= 0.25 s"] = F["startup"]["target"]["met"]
        if "cold_target" in F["startup"]:
            out["1 check with a cold cache <= 0.5 s"] = F["startup"]["cold_target"]["met"]
        if "validate_target" in F["startup"]:
            out["1 validate <= 0.15 s"] = F["startup"]["validate_target"]["met"]
    if "build" in F:
        out["2 build <= 1.25x mkdocs"] = F["build"]["target"]["met"]
    if "scaling" in F:
        out["3a time grows no faster than inventory"] = F["scaling"]["target"]["time_met"]
        out["3b memory at 10x <= 2x"] = F["scaling"]["target"]["memory_met"]
    if "limits" in F:
        out["6 check linear up to the 4 MiB limit (k <= 1.1)"] = F["limits"]["target"]["met"]
    if "pages" in F:
        out["4 summary <= 50 KB gz, <= 4 requests"] = F["pages"]["target"]["met"]
    if "reading" in F and F["reading"].get("status") == "ok" and "summary" in F["reading"]["layers"]:
        m = F["reading"]["layers"]["summary"]["minutes"]
        out["5 summary <= 2 min reading"] = (m <= 2) if m is not None else None
    return out


if __name__ == "__main__":
    _ensure_venv()
    raise SystemExit(main())
