"""One build at a time (issue 9, item 2): the lock, stale temporary folders identified by the lock
(never by PID), render --out as atomic as build, and never a broken or mixed site published."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REFERENCE, REPO, variant
from generator.cli import main
from generator.site.swap import LOCK_NAME, locked

PY = sys.executable
TITLE_A = "Fernway privacy notice"
TITLE_B = "Brightmoor privacy notice"


def project(tmp: Path) -> Path:
    tmp.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(REPO / "site_overrides", tmp / "site_overrides")
    (tmp / "a.yml").write_text(REFERENCE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp / "b.yml").write_text(variant(("title: Fernway privacy notice", f"title: {TITLE_B}")), encoding="utf-8")
    return tmp


def cli(proj: Path, inventory: str, env: dict | None = None, prefix: list[str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        (prefix or []) + [PY, "-m", "generator", "build", "-i", inventory, "-f", "mkdocs.yml"],
        cwd=proj, env=dict(os.environ, **(env or {})), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def titles(site: Path) -> set[str]:
    """The notice title each page of the site shows (one title: one inventory)."""
    out = set()
    for page in ("index.html", "notice.html", "cookies.html", "changes.html"):
        html = (site / page).read_text(encoding="utf-8")
        out |= {t for t in (TITLE_A, TITLE_B) if t in html}
    return out


def test_two_concurrent_builds_of_different_inventories_never_publish_a_mixed_site(tmp_path):
    proj = project(tmp_path / "p")
    for i in range(10):
        a, b = cli(proj, "a.yml"), cli(proj, "b.yml")
        _, ea = a.communicate(timeout=300)
        _, eb = b.communicate(timeout=300)
        assert a.returncode == 0 and b.returncode == 0, (ea, eb)
        assert len(titles(proj / "site")) == 1, f"pair {i}: a mixed site {titles(proj / 'site')}"
        docs = {t for page in ("index.md", "notice.md") for t in (TITLE_A, TITLE_B) if t in (proj / "pages" / page).read_text(encoding="utf-8")}
        assert len(docs) == 1, f"pair {i}: mixed docs {docs}"
    assert [p.name for p in proj.iterdir() if p.name.startswith(".plainnotice-") and p.name != LOCK_NAME] == []


def test_planning_a_build_never_makes_or_removes_the_docs_folder_another_build_may_be_using(tmp_path, monkeypatch):
    """Builds plan outside the lock. A plan that made a missing docs folder for MkDocs' check and
    removed it after could take it away from a second build that found it in between (CI saw
    'The path .../pages isn't an existing directory'), or from one that made it to write its pages.
    While MkDocs loads the config the project's docs folder stays missing, and a folder another
    build makes meanwhile is still there after the plan."""
    import generator.site.build as site_build

    proj = project(tmp_path / "p")
    docs = proj / "pages"
    real = site_build.load_config
    seen = []

    def load(*args, **kwargs):
        seen.append(docs.exists())
        config = real(*args, **kwargs)
        docs.mkdir()  # another build's write_docs, while this plan is still in MkDocs
        return config

    monkeypatch.setattr(site_build, "load_config", load)
    plan = site_build.plan_build(proj / "mkdocs.yml")
    assert seen == [False]
    assert docs.is_dir(), "the plan removed a docs folder another build had made"
    assert plan.config["docs_dir"] == str(docs.resolve())
    assert sorted(p.name for p in proj.iterdir()) == ["a.yml", "b.yml", "mkdocs.yml", "pages", "site_overrides"]


@pytest.mark.skipif(not shutil.which("unshare") or os.geteuid() != 0, reason="needs root and unshare for a second PID namespace")
def test_a_build_in_another_pid_namespace_never_deletes_a_live_builds_folder(tmp_path):
    """Build A pauses inside MkDocs; build B starts in a new PID namespace (a second container),
    where A's PID does not exist. B waits for A's lock instead of taking A's folder for a dead one."""
    if subprocess.run(["unshare", "--pid", "--fork", "true"], capture_output=True).returncode != 0:
        pytest.skip("cannot make a PID namespace here")
    proj = project(tmp_path / "p")
    assert main(["build", "-i", str(proj / "a.yml"), "-f", str(proj / "mkdocs.yml")]) == 0
    a = cli(proj, "a.yml", env={"PLAINNOTICE_TEST_PAUSE_IN_MKDOCS": "1"})
    try:
        deadline = time.monotonic() + 120
        while not [p for p in proj.glob(".plainnotice-build-*") if any(p.glob("*.html"))]:
            assert a.poll() is None and time.monotonic() < deadline, "A never reached MkDocs"
            time.sleep(0.05)
        live = next(proj.glob(".plainnotice-build-*"))
        b = cli(proj, "b.yml", prefix=["unshare", "--pid", "--fork"])
        time.sleep(2)  # B is past its inventory work and at the lock while A still builds
        assert live.is_dir(), "B deleted the live build's folder"
        _, ea = a.communicate(timeout=300)
        _, eb = b.communicate(timeout=300)
    finally:
        for p in (a,):
            if p.poll() is None:
                p.kill()
    assert a.returncode == 0, ea
    assert b.returncode == 0, eb
    assert "waiting for another plainnotice run" in eb
    assert titles(proj / "site") == {TITLE_B}


def test_a_killed_runs_folder_is_removed_by_the_next_run_under_the_lock(tmp_path):
    """Leftovers are whatever temporary folder exists while we hold the lock; an old-style folder
    named by PID (earlier versions) and anything else of yours is left alone."""
    proj = project(tmp_path / "p")
    stale = [proj / ".plainnotice-build-abc12345", proj / ".plainnotice-render-x_y9z0w1", proj / ".plainnotice-write-00000000"]
    for p in stale:
        p.mkdir()
        (p / "half.html").write_text("half", encoding="utf-8")
    other = proj / ".plainnotice-notes"
    other.mkdir()
    assert main(["build", "-i", str(proj / "a.yml"), "-f", str(proj / "mkdocs.yml")]) == 0
    assert not any(p.exists() for p in stale)
    assert other.is_dir()


def test_a_run_waits_for_the_lock_and_gives_up_with_a_message(tmp_path, capsys, monkeypatch):
    proj = project(tmp_path / "p")
    assert main(["build", "-i", str(proj / "a.yml"), "-f", str(proj / "mkdocs.yml")]) == 0
    before = {p: p.read_bytes() for p in (proj / "site").rglob("*") if p.is_file()}
    holder = subprocess.Popen(
        [PY, "-c", "import sys, time; from generator.site.swap import locked; from pathlib import Path\n"
         "with locked([Path(sys.argv[1])]):\n    print('held', flush=True); time.sleep(30)", str(proj / "site")],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setenv("PLAINNOTICE_LOCK_TIMEOUT", "1")
        capsys.readouterr()
        assert main(["build", "-i", str(proj / "b.yml"), "-f", str(proj / "mkdocs.yml")]) == 2
        err = capsys.readouterr().err
        assert "waiting for another plainnotice run" in err
        assert re.search(r"\.plainnotice-lock: error: another plainnotice run still holds this lock", err)
    finally:
        holder.kill()
        holder.wait()
    assert {p: p.read_bytes() for p in (proj / "site").rglob("*") if p.is_file()} == before


def test_the_lock_is_held_across_processes(tmp_path):
    with locked([tmp_path / "site"]):
        r = subprocess.run(
            [PY, "-c", "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDWR)\n"
             "try:\n    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB); print('free')\nexcept BlockingIOError:\n    print('held')",
             str(tmp_path / LOCK_NAME)],
            capture_output=True, text=True,
        )
    assert r.stdout.strip() == "held"


# --------------------------------------------------------------------------------------------
# render --out is as atomic as build
# --------------------------------------------------------------------------------------------


def test_a_render_stopped_before_its_swap_leaves_the_old_pages(tmp_path, monkeypatch, capsys):
    import generator.site.output as output

    monkeypatch.chdir(tmp_path)
    shutil.copy(REFERENCE, tmp_path / "data_inventory.yml")
    assert main(["render", "--out", "pages"]) == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "pages").iterdir()}
    (tmp_path / "data_inventory.yml").write_text(variant(("title: Fernway privacy notice", f"title: {TITLE_B}")), encoding="utf-8")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # as if the process stopped right before the swap

    monkeypatch.setattr(output, "swap", killed)
    assert main(["render", "--out", "pages"]) == 130
    assert {p.name: p.read_bytes() for p in (tmp_path / "pages").iterdir()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".plainnotice-") and p.name != LOCK_NAME] == []


# --------------------------------------------------------------------------------------------
# Never publish a broken site
# --------------------------------------------------------------------------------------------

HOOK = """
import os
def on_post_build(config, **kwargs):
    path = os.path.join(config["site_dir"], {name!r})
    if os.path.exists(path):
        os.remove(path)
"""


@pytest.mark.parametrize("missing", ["index.html", "notice.html", "assets/plainnotice.css"])
def test_a_site_without_its_pages_or_stylesheet_is_never_published(tmp_path, capsys, missing):
    proj = project(tmp_path / "p")
    assert main(["build", "-i", str(proj / "a.yml"), "-f", str(proj / "mkdocs.yml")]) == 0
    before = {p: p.read_bytes() for p in (proj / "site").rglob("*") if p.is_file()}
    (proj / "hook.py").write_text(HOOK.format(name=missing), encoding="utf-8")
    with open(proj / "mkdocs.yml", "a", encoding="utf-8") as f:
        f.write("\nhooks:\n  - hook.py\n")
    capsys.readouterr()
    assert main(["build", "-i", str(proj / "b.yml"), "-f", str(proj / "mkdocs.yml")]) == 2
    err = capsys.readouterr().err
    assert f"the MkDocs build did not write {missing}" in err and "previous site was left as it was" in err
    assert {p: p.read_bytes() for p in (proj / "site").rglob("*") if p.is_file()} == before


def test_a_site_whose_pages_are_excluded_is_never_published(tmp_path, capsys):
    proj = project(tmp_path / "p")
    with open(proj / "mkdocs.yml", "a", encoding="utf-8") as f:
        f.write("\nnot_in_nav: ''\n")
    text = (proj / "mkdocs.yml").read_text(encoding="utf-8").replace('exclude_docs: |\n  !.well-known/', 'exclude_docs: |\n  !.well-known/\n  index.md')
    (proj / "mkdocs.yml").write_text(text, encoding="utf-8")
    assert main(["build", "-i", str(proj / "a.yml"), "-f", str(proj / "mkdocs.yml")]) == 2
    assert "did not write index.html" in capsys.readouterr().err
    assert not (proj / "site").exists()
