"""Environment errors are messages (issue 9, item 6): disk full, read-only file system, permission
denied, busy mount -> one line naming the path and what to do, exit 2, the previous site untouched.
Exit 1 stays "findings"; a bug in plainnotice is a traceback with exit 3.

Simulated with monkeypatched os functions, and for real (as root) on a tiny tmpfs and a read-only
bind mount."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REFERENCE, REPO, variant
from generator.cli import main
from generator.site.swap import LOCK_NAME

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def proj(tmp_path, monkeypatch, capsys):
    p = tmp_path / "p"
    p.mkdir()
    shutil.copy(REPO / "mkdocs.yml", p / "mkdocs.yml")
    shutil.copytree(REPO / "site_overrides", p / "site_overrides")
    shutil.copy(REFERENCE, p / "data_inventory.yml")
    monkeypatch.chdir(p)
    assert main(["build"]) == 0
    (p / "data_inventory.yml").write_text(variant(("title: Fernway privacy notice", "title: Fernway notice, new")), encoding="utf-8")
    capsys.readouterr()
    return p


def _fail_with(code: int):
    """An os function that fails with ``code`` and names no file: plainnotice must name the path."""

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return fail


def _one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if "warning" not in line]
    assert len(lines) == 1, err
    return lines[0]


# (what fails, the object and name to patch); each with each errno below
POINTS = [
    ("MkDocs copying the theme files", "shutil.copyfile"),
    ("replacing a page in docs_dir", "os.replace"),
    ("making the temporary folder", "tempfile.mkdtemp"),
    ("the swap", "generator.site.swap._exchange"),
]
ERRNOS = [("ENOSPC", "no space left"), ("EROFS", "read-only"), ("EACCES", "permission denied"), ("EBUSY", "busy")]


@pytest.mark.parametrize("point", POINTS, ids=[p[0] for p in POINTS])
@pytest.mark.parametrize("code", ERRNOS, ids=[c[0] for c in ERRNOS])
def test_an_environment_error_is_one_line_exit_2_and_keeps_the_site(proj, monkeypatch, capsys, point, code):
    before = files(proj / "site")
    monkeypatch.setattr(point[1], _fail_with(getattr(errno, code[0])))
    assert main(["build"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert f"({code[0]})" in line and code[1] in line
    assert "the previous site was left as it was" in line
    assert line.split(": error: ")[0]  # starts with a path
    assert files(proj / "site") == before
    assert [p.name for p in proj.iterdir() if p.name.startswith(".plainnotice-") and p.name != LOCK_NAME] == []


def test_a_render_that_cannot_write_is_one_line_and_keeps_the_pages(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copy(REFERENCE, tmp_path / "data_inventory.yml")
    assert main(["render", "--out", "pages"]) == 0
    before = files(tmp_path / "pages")
    monkeypatch.setattr("generator.site.swap._exchange", _fail_with(errno.ENOSPC))
    capsys.readouterr()
    assert main(["render", "--out", "pages"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert "(ENOSPC)" in line and "the previous pages were left as they were" in line
    assert files(tmp_path / "pages") == before


def test_schema_out_on_a_read_only_disk_is_a_message(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(Path, "write_text", _fail_with(errno.EROFS))
    assert main(["schema", "--out", str(tmp_path / "s.json")]) == 2
    line = _one_line(capsys.readouterr().err)
    assert "read-only (EROFS)" in line and str(tmp_path / "s.json") in line


def test_a_bug_is_a_traceback_and_exit_3_never_1(proj, monkeypatch, capsys):
    def bug(*args, **kwargs):
        raise ValueError("a bug in plainnotice")

    monkeypatch.setattr("generator.site.build.check_published", bug)
    before = files(proj / "site")
    assert main(["build"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" in err and "ValueError: a bug in plainnotice" in err and "this is a bug" in err
    assert files(proj / "site") == before
    # an OSError that is not about the machine is a bug too
    monkeypatch.setattr("generator.site.build.check_published", _fail_with(errno.EBADF))
    assert main(["build"]) == 3


# --------------------------------------------------------------------------------------------
# For real: a tiny tmpfs (disk full), a read-only bind mount
# --------------------------------------------------------------------------------------------


def _mount(args: list[str]) -> None:
    r = subprocess.run(["mount"] + args, capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount here: {r.stderr.strip()}")


needs_root = pytest.mark.skipif(not IS_ROOT or not shutil.which("mount"), reason="needs root to mount")


@needs_root
def test_a_full_disk_for_real(proj, capsys):
    """The site folder on a 4 MB tmpfs: the first build fits, the second (which needs room for
    the new site next to the old) fills the disk: one line, exit 2, the first site intact."""
    disk = proj / "disk"
    disk.mkdir()
    _mount(["-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)])
    try:
        assert main(["build", "--site-dir", "disk/site"]) == 0
        before = files(disk / "site")
        (proj / "data_inventory.yml").write_text(variant(("title: Fernway privacy notice", "title: Fernway, again")), encoding="utf-8")
        capsys.readouterr()
        assert main(["build", "--site-dir", "disk/site"]) == 2
        line = _one_line(capsys.readouterr().err)
        assert "no space left on the device (ENOSPC)" in line and "the previous site was left as it was" in line
        assert files(disk / "site") == before
        assert sorted(os.listdir(disk)) == [LOCK_NAME, "site"]  # the half-built folder is gone
    finally:
        subprocess.run(["umount", str(disk)], check=True)


@needs_root
def test_a_200k_disk_for_real(proj, capsys):
    disk = proj / "tiny"
    disk.mkdir()
    _mount(["-t", "tmpfs", "-o", "size=200k", "tmpfs", str(disk)])
    try:
        assert main(["build", "--site-dir", "tiny/site"]) == 2
        line = _one_line(capsys.readouterr().err)
        assert "(ENOSPC)" in line and "/tiny/" in line
        assert sorted(os.listdir(disk)) == [LOCK_NAME]
    finally:
        subprocess.run(["umount", str(disk)], check=True)


@needs_root
@pytest.mark.parametrize("command", ["build", "render"])
def test_a_read_only_file_system_for_real(proj, capsys, command):
    ro = proj / "ro"
    (ro / "site").mkdir(parents=True)
    _mount(["--bind", str(ro), str(ro)])
    try:
        _mount(["-o", "remount,bind,ro", str(ro)])
        option = ["--site-dir", "ro/site"] if command == "build" else ["--out", "ro/site"]
        assert main([command] + option) == 2
        line = _one_line(capsys.readouterr().err)
        assert "the file system is read-only (EROFS)" in line and str(ro) in line
        assert os.listdir(ro / "site") == []
    finally:
        subprocess.run(["umount", str(ro)], check=True)


def test_a_build_stopped_while_writing_docs_is_not_taken_for_your_edit(proj, monkeypatch, capsys):
    """docs_dir's list holds the old and the new hash of each page while pages are replaced, so a
    build stopped half-way (here: the disk fills at the second page) is followed by one that works."""
    real, calls = os.replace, {"n": 0}

    def flaky(src, dst):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(src, dst)

    monkeypatch.setattr("os.replace", flaky)
    assert main(["build"]) == 2
    monkeypatch.setattr("os.replace", real)
    capsys.readouterr()
    assert main(["build"]) == 0, capsys.readouterr().err
    assert "Fernway notice, new" in (proj / "site" / "index.html").read_text(encoding="utf-8")
