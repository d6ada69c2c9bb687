"""``plainnotice build``: decide where it writes (:func:`plan_build`, before any work), then,
after the checks passed, write the Markdown, build, check and swap (:func:`build_site`).

1. the site folder and the docs folder are checked (:mod:`.folders`): plainnotice writes only
   folders it created; MkDocs loads mkdocs.yml with the real site folder, so its own guards run;
2. under the lock of both folders (:mod:`.swap`), the rendered Markdown (and the machine-readable
   files) go into MkDocs' ``docs_dir`` (:func:`.output.write_docs`, which keeps your own pages),
   so any engine that reads ``mkdocs.yml`` can build the same site from plain files;
3. MkDocs builds that folder *without* the plainnotice plugin into a temporary folder next to
   ``site/``; the machine-readable files are copied again into it (``.well-known/`` is a dot
   folder, which MkDocs skips unless told otherwise);
4. the built folder is checked: every rendered page and our stylesheet are there
   (:func:`check_published`), and nothing loads from another host (:mod:`.hosts`, exit code 1);
5. it gets the marker listing every file, and is swapped in as ``site/`` atomically
   (:func:`.swap.swap`), so a failed or killed build leaves the previous ``site/`` exactly as it was.

Builds are byte-identical for the same inputs: every page's date (sitemap ``lastmod``, the gzip
header of ``sitemap.xml.gz``) is the notice's effective date, never the clock.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException
from mkdocs.plugins import BasePlugin

from generator.errors import InputError, Loc, Problem, environment_problem
from generator.site.config import configure, language_nav, localize_page, page_nav, plugin_options, plugins_without_ours, read_raw_config, refused_extensions, set_page_date
from generator.site.content import STYLESHEET, SiteContent
from generator.site.folders import LIST_SUFFIX, SITE_MARKER, Target, bookkeeping, check_merge, check_replace, file_hash, guard, list_bytes, locate, marker_bytes, walk
from generator.site.hosts import check_built, check_config, own_hosts
from generator.site.output import DOCS_FILES, docs_target, write_docs
from generator.site.swap import locked, new_temp, public_mode, swap
from generator.site.themecache import add_theme_cache


#: Test hook: seconds to sleep while MkDocs writes pages (used to kill a build mid-way in tests).
PAUSE_ENV = "PLAINNOTICE_TEST_PAUSE_IN_MKDOCS"
#: The plugin option (in mkdocs.yml) that allows hosts the site may load from.
ALLOW_OPTION = "allow_hosts"
#: What the site folder keeps when a build stops on the machine (disk full, read-only ...).
_KEPT = "the previous site was left as it was"


@dataclass
class BuildPlan:
    """What a build will write, decided before any work: the real site and docs folders (checked
    by :mod:`.folders`), mkdocs.yml as loaded by MkDocs with the real paths, and the hosts the site
    may load from."""

    config_file: Path
    raw: dict
    site: Target
    docs: Target
    config: MkDocsConfig
    allow_hosts: tuple[str, ...]


class _CliHooks:
    """MkDocs events for the CLI build (not the plainnotice plugin: nothing is rendered here)."""

    def __init__(self, content: SiteContent):
        self.content = content
        self.pause = float(os.environ.get(PAUSE_ENV, "0") or 0)

    def on_env(self, env, config, files):
        return add_theme_cache(env)  # the theme's compiled templates are kept between builds

    def on_pre_page(self, page, config, files):
        set_page_date(page, self.content)
        return page

    def on_nav(self, nav, config, files):
        return language_nav(nav, self.content)

    def on_page_context(self, context, page, config, nav):
        localize_page(page, config, self.content)
        return page_nav(context, page, self.content)

    def on_post_page(self, output, page, config):
        if self.pause:
            time.sleep(self.pause)
        return output


class _Hooks(BasePlugin):
    """Carries the CLI build's event handlers into MkDocs' plugin collection."""


def _attach_hooks(config, hooks: _CliHooks) -> None:
    plugin = _Hooks()
    plugin.on_env = hooks.on_env
    plugin.on_pre_page = hooks.on_pre_page
    plugin.on_nav = hooks.on_nav
    plugin.on_page_context = hooks.on_page_context
    plugin.on_post_page = hooks.on_post_page
    config["plugins"]["plainnotice/build-hooks"] = plugin


class _MkDocsLog(logging.Handler):
    """Collects MkDocs warnings and errors for the summary, and hands each to ``on_log`` as it comes."""

    def __init__(self, on_log: Callable[[str, str], None] | None):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.on_log = on_log

    def emit(self, record):
        msg = record.getMessage()
        self.messages.append(msg)
        if self.on_log is not None:
            self.on_log(record.levelname.lower(), msg)


@contextmanager
def _mkdocs_log(on_log: Callable[[str, str], None] | None) -> Iterator[_MkDocsLog]:
    handler = _MkDocsLog(on_log)
    mk_log = logging.getLogger("mkdocs")
    old_level, old_propagate = mk_log.level, mk_log.propagate
    mk_log.addHandler(handler)
    mk_log.setLevel(logging.WARNING)
    mk_log.propagate = False
    try:
        yield handler
    finally:
        mk_log.removeHandler(handler)
        mk_log.setLevel(old_level)
        mk_log.propagate = old_propagate


def _allow_hosts(raw: dict, extra: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The hosts of the plugin option ``allow_hosts`` in mkdocs.yml, and those given on the command line."""
    hosts = list(extra)
    listed = plugin_options(raw).get(ALLOW_OPTION) or []
    hosts += [str(h) for h in (listed if isinstance(listed, list) else [listed])]
    return tuple(h.strip().lower() for h in hosts if str(h).strip())


def plan_build(
    config_file: str | os.PathLike,
    site_dir: str | os.PathLike | None = None,
    *,
    raw: dict | None = None,
    inventory: str | os.PathLike | None = None,
    templates: str | os.PathLike | None = None,
    allow_hosts: tuple[str, ...] | list[str] = (),
    on_log: Callable[[str, str], None] | None = None,
) -> BuildPlan:
    """Decide where the build writes, before any work: the site folder (``site_dir``: the
    ``--site-dir`` option, relative to the working folder; else mkdocs.yml's, relative to it) and
    the docs folder must be folders plainnotice may write (:mod:`.folders`), and MkDocs must accept
    mkdocs.yml with those real paths (its own guards: docs_dir and site_dir apart, ...)."""
    config_file = Path(config_file).resolve()
    if raw is None:
        raw = read_raw_config(config_file)
    project = config_file.parent
    if site_dir is not None:
        site = locate(site_dir, Path.cwd(), "site folder", "--site-dir", SITE_MARKER, "--site-dir site")
    else:
        value = raw.get("site_dir", "site")
        site = locate("" if value is None else value, project, "site folder", f"{config_file} (site_dir)", SITE_MARKER, "site_dir: site")
    docs, keep, inside_custom = docs_target(config_file, raw, inventory, templates)
    if site.path == docs.path or docs.path in site.path.parents:
        raise InputError(Problem(Loc(str(config_file)), f"the site folder {site.path} is inside docs_dir {docs.path}", "put site_dir next to docs_dir"))
    guard(site, keep + [(docs.path, "the docs folder (docs_dir)")], inside_custom)
    check_replace(site)
    check_merge(docs, set(DOCS_FILES), "build")
    config = _load(config_file, raw, site, docs, on_log)
    refused = refused_extensions(config, str(config_file))
    if refused:
        raise InputError(refused)
    allow = _allow_hosts(raw, allow_hosts) + own_hosts(config)
    return BuildPlan(config_file, raw, site, docs, config, allow)


def _load(config_file: Path, raw: dict, site: Target, docs: Target, on_log) -> MkDocsConfig:
    """mkdocs.yml loaded by MkDocs with the real site folder, so its own path checks run on it.

    MkDocs wants docs_dir to exist. A missing one is not made in the project for the check: a
    second build running at the same time could find it there, then lose it when this build
    removed it again (two builds at once are allowed; only the writing is one at a time). MkDocs
    checks a new, empty private folder instead, and the plan gets the real docs folder, which the
    build makes under its lock. The path checks MkDocs would have run on the real folder (docs_dir
    and site_dir apart) already ran in :func:`plan_build`; the third (docs_dir is not the folder of
    mkdocs.yml) cannot fail for a folder that does not exist."""
    missing = not os.path.lexists(docs.path)
    try:
        with _mkdocs_log(on_log) as handler, _stand_in(missing) as stand_in:
            extra = {"docs_dir": stand_in} if stand_in else {}
            try:
                config = load_config(str(config_file), plugins=plugins_without_ours(raw), site_dir=str(site.path), **extra)
            except (ConfigurationError, Abort) as exc:
                detail = "; ".join(handler.messages) or str(exc)
                raise InputError(Problem(Loc(str(config_file)), f"MkDocs cannot use this config: {detail}", "fix the setting MkDocs names")) from None
    except OSError as exc:
        raise _environment(exc, docs.path, "checking the docs folder") from None
    if missing:
        config["docs_dir"] = str(docs.path)
    return config


@contextmanager
def _stand_in(needed: bool) -> Iterator[str | None]:
    """A new, empty folder outside the project (removed after), when ``needed``."""
    if not needed:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="plainnotice-docs-") as folder:
        yield folder


def _environment(exc: OSError, path: Path, action: str) -> Exception:
    problem = environment_problem(exc, path, action, _KEPT)
    return problem if problem is not None else exc


def build_site(
    plan: BuildPlan,
    content: SiteContent,
    *,
    on_log: Callable[[str, str], None] | None = None,
    on_wait: Callable[[Path], None] | None = None,
) -> Path:
    """Under the lock of the site and docs folders: write ``content`` into docs_dir, build it with
    MkDocs (without the plugin) into a temporary folder, check what was built (every page, our
    stylesheet, no request to another host) and swap it in as the site folder, which is returned.
    Raises :class:`SiteFindings` (exit 1) when the built site would load from another host."""
    target = plan.site.path
    try:
        with locked([plan.site.path, plan.docs.path], on_wait):
            old = check_replace(plan.site)
            write_docs(plan.docs, content.files)
            tmp = new_temp(target.parent, "build")
            try:
                _build_into(tmp, plan, content, on_log)
                check_published(tmp, plan, content)
                findings = check_config(plan.config, str(plan.config_file), plan.allow_hosts)
                findings += check_built(tmp, target, plan.allow_hosts)
                if findings:
                    raise SiteFindings(findings)
                listing = _hashes(tmp)
                (tmp / SITE_MARKER).write_bytes(marker_bytes(SITE_MARKER))
                (tmp / (SITE_MARKER + LIST_SUFFIX)).write_bytes(list_bytes(listing))
                public_mode(tmp)
                ours = (set(old.files) if old is not None and old.files else set()) | bookkeeping(SITE_MARKER)
                swap(tmp, target, ours)
            finally:
                if tmp.exists():
                    shutil.rmtree(tmp, ignore_errors=True)
    except OSError as exc:
        raise _environment(exc, target, "building the site") from None
    return target


class SiteFindings(Exception):
    """The built site breaks a promise (it loads from another host): findings, exit code 1."""

    def __init__(self, findings: list):
        self.findings = findings
        super().__init__("\n".join(str(f) for f in findings))


def _hashes(folder: Path) -> dict[str, str]:
    files, _ = walk(folder)
    return {rel: file_hash(folder / rel) for rel in files}


def _build_into(tmp: Path, plan: BuildPlan, content: SiteContent, on_log) -> None:
    config = plan.config
    with _mkdocs_log(on_log) as handler:
        configure(config, content)
        config["site_dir"] = str(tmp)
        _attach_hooks(config, _CliHooks(content))
        try:
            build(config)
        except (Abort, MkDocsException) as exc:
            detail = "; ".join(handler.messages) or str(exc)
            raise InputError(Problem(Loc(str(plan.config_file)), f"the MkDocs build failed: {detail}", "fix what MkDocs names; the previous site was left as it was")) from None
    for rel, data in content.exports.items():
        dest = tmp / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)


def page_html(rel: str, directory_urls: bool) -> str:
    """Where MkDocs writes the page ``rel`` (``notice.md`` -> ``notice.html`` or ``notice/index.html``)."""
    stem = rel[: -len(".md")] if rel.endswith(".md") else rel
    if stem == "index" or stem.endswith("/index") or not directory_urls:
        return stem + ".html"
    return stem + "/index.html"


def check_published(tmp: Path, plan: BuildPlan, content: SiteContent) -> None:
    """Never publish a broken site: the built folder must have every page we rendered (index.html
    first) and, with the Material theme, our stylesheet."""
    directory_urls = bool(plan.config.get("use_directory_urls"))
    missing = [page_html(rel, directory_urls) for rel in sorted(content.pages, key=lambda r: r != "index.md")]
    missing = [rel for rel in missing if not (tmp / rel).is_file()]
    if plan.config["theme"].name == "material" and not (tmp / STYLESHEET).is_file():
        missing.append(STYLESHEET)
    if missing:
        raise InputError(
            Problem(
                Loc(str(plan.config_file)),
                f"the MkDocs build did not write {', '.join(missing)}; the previous site was left as it was",
                "check exclude_docs, nav, hooks and custom_dir in mkdocs.yml (they must keep the plainnotice pages and theme)",
            )
        )
