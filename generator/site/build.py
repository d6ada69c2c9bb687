"""``plainnotice build`` after the checks passed: write the Markdown, build, swap.

1. the rendered Markdown (and the machine-readable files) go into MkDocs' ``docs_dir``, so any
   engine that reads ``mkdocs.yml`` can build the same site from plain files;
2. MkDocs builds that folder *without* the plainnotice plugin into a temporary folder next to
   ``site/``;
3. the machine-readable files are copied again into the temporary folder (``.well-known/`` is a
   dot folder, which MkDocs skips unless told otherwise);
4. the temporary folder is swapped in as ``site/`` atomically (:func:`generator.notice.write.swap_in`),
   so a failed or killed build leaves the previous ``site/`` exactly as it was.

Builds are byte-identical for the same inputs: every page's date (sitemap ``lastmod``, the gzip
header of ``sitemap.xml.gz``) is the notice's effective date, never the clock.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException
from mkdocs.plugins import BasePlugin

from generator.errors import InputError, Loc, Problem
from generator.notice.write import RENDER_MARKER, RENDER_MARKER_TEXT, swap_in
from generator.site.config import configure, language_nav, localize_page, page_nav, plugins_without_ours, read_raw_config, set_page_date
from generator.site.config import docs_dir as config_docs_dir
from generator.site.content import SiteContent

#: Test hook: seconds to sleep while MkDocs writes pages (used to kill a build mid-way in tests).
PAUSE_ENV = "PLAINNOTICE_TEST_PAUSE_IN_MKDOCS"


def swap_site(new: Path, target: Path) -> None:
    """Swap the built site in (:func:`generator.notice.write.swap_in`); ``target`` must be a folder."""
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise InputError(Problem(Loc(str(target)), "the site folder is not a folder", "remove it or choose another --site-dir"))
    swap_in(new, target)


def clean_stale(parent: Path) -> None:
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

    def __init__(self, content: SiteContent):
        self.content = content
        self.pause = float(os.environ.get(PAUSE_ENV, "0") or 0)

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


def build_site(
    content: SiteContent,
    config_file: str | os.PathLike = "mkdocs.yml",
    site_dir: str | os.PathLike | None = None,
    *,
    raw: dict | None = None,
    on_log: Callable[[str, str], None] | None = None,
) -> Path:
    """Write ``content`` into docs_dir, build it with MkDocs (without the plugin) into a temporary
    folder and swap that in as the site folder, which is returned. ``raw`` is mkdocs.yml as the
    caller already read it, if it did; ``on_log(level, message)`` sees MkDocs' warnings and errors."""
    config_file = Path(config_file).resolve()
    if raw is None:
        raw = read_raw_config(config_file)
    docs_dir = config_docs_dir(config_file, raw)
    if site_dir is None:
        site_dir = config_file.parent / str(raw.get("site_dir", "site"))
    target = Path(site_dir).resolve()
    if target == docs_dir or docs_dir in target.parents:
        raise InputError(Problem(Loc(str(config_file)), f"the site folder {target} is inside docs_dir {docs_dir}", "put site_dir next to docs_dir"))
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target.parent)

    write_docs(docs_dir, content.files)
    tmp = Path(tempfile.mkdtemp(prefix=f".plainnotice-build-{os.getpid()}-", dir=target.parent))
    handler = _MkDocsLog(on_log)
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
        configure(config, content)
        _attach_hooks(config, _CliHooks(content))
        try:
            build(config)
        except (Abort, MkDocsException) as exc:
            detail = "; ".join(handler.messages) or str(exc)
            raise InputError(Problem(Loc(str(config_file)), f"the MkDocs build failed: {detail}", "fix what MkDocs names; the previous site was left as it was")) from None
        for rel, data in content.exports.items():
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
