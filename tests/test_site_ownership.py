"""Ownership before deletion (issue 9, item 1): build and render write, replace or delete only
folders they created, and keep every file they did not write.

The property: for every bad path (empty, ".", "..", the project or a parent of it, a symbolic
link, the docs folder, custom_dir, a file, a non-empty folder without our marker, a mount point,
a folder of ours with a file of yours in it ...), the command exits 2 naming the path, and the
whole project tree (every file's bytes, mode and link target, ``.git`` included) and the listing of
its parent folder are exactly as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REFERENCE, REPO
from generator.cli import main
from generator.site.folders import DOCS_MARKER, LIST_SUFFIX, SITE_MARKER

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def tree(folder: Path) -> dict[str, tuple]:
    """Every entry under ``folder``: relative path -> (kind, sha256 or link target, mode)."""
    out = {}
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs + files:
            p = Path(root) / name
            rel = p.relative_to(folder).as_posix()
            st = os.lstat(p)
            if p.is_symlink():
                out[rel] = ("link", os.readlink(p), st.st_mode)
            elif p.is_dir():
                out[rel] = ("dir", "", st.st_mode)
            else:
                out[rel] = ("file", hashlib.sha256(p.read_bytes()).hexdigest(), st.st_mode)
    return out


def state(proj: Path) -> tuple:
    parent = proj.parent
    return tree(proj), sorted(os.listdir(parent)), tree(parent / "neighbour")


@pytest.fixture
def proj(tmp_path, monkeypatch, capsys):
    """A `plainnotice init` project inside outer/, next to a neighbour project, with a git repo and
    one good build; the working folder is the project."""
    outer = tmp_path / "outer"
    outer.mkdir()
    (outer / "neighbour").mkdir()
    (outer / "neighbour" / "notes.txt").write_text("a project beside ours", encoding="utf-8")
    p = outer / "proj"
    assert main(["init", str(p)]) == 0
    subprocess.run(["git", "init", "-q", str(p)], check=True)
    (p / "keep").mkdir()
    (p / "keep" / "mine.txt").write_text("a folder of yours", encoding="utf-8")
    (p / "empty").mkdir()
    os.symlink("keep", p / "sitelink")
    monkeypatch.chdir(p)
    assert main(["build"]) == 0
    capsys.readouterr()
    return p


def _edit_config(proj: Path, old: str, new: str) -> None:
    text = (proj / "mkdocs.yml").read_text(encoding="utf-8")
    assert old in text
    (proj / "mkdocs.yml").write_text(text.replace(old, new, 1), encoding="utf-8")


# each case: (id, setup(proj) or None, argv, words the error must contain)
BUILD_CASES = [
    ("empty", None, ["build", "--site-dir", ""], "empty path"),
    ("dot", None, ["build", "--site-dir", "."], "holds other files"),
    ("dotdot", None, ["build", "--site-dir", ".."], "holds other files"),
    ("trailing-dotdot", None, ["build", "--site-dir", "site/.."], "holds other files"),
    ("parent-absolute", None, ["build", "--site-dir", "{outer}"], "holds the project folder"),
    ("project-absolute", None, ["build", "--site-dir", "{proj}"], "is the project folder"),
    ("root", None, ["build", "--site-dir", "/"], "holds the project folder"),
    ("symlink", None, ["build", "--site-dir", "sitelink"], "symbolic link"),
    ("symlink-trailing-slash", None, ["build", "--site-dir", "sitelink/"], "symbolic link"),
    ("docs-folder", None, ["build", "--site-dir", "pages"], "inside docs_dir"),
    ("custom-dir", None, ["build", "--site-dir", "overrides"], "custom_dir"),
    ("unmarked-folder", None, ["build", "--site-dir", "keep"], "did not write"),
    ("a-file", None, ["build", "--site-dir", "data_inventory.yml"], "the inventory"),
    ("git-folder", None, ["build", "--site-dir", ".git"], "did not write"),
    ("config-site-dir-dotdot", lambda p: _edit_config(p, "site_dir: site", "site_dir: .."), ["build"], "holds other files"),
    ("config-site-dir-empty", lambda p: _edit_config(p, "site_dir: site", "site_dir: ''"), ["build"], "empty path"),
    ("config-site-dir-parent", lambda p: _edit_config(p, "site_dir: site", "site_dir: ../.."), ["build"], "holds other files"),
    ("config-docs-dir-dot", lambda p: _edit_config(p, "docs_dir: pages", "docs_dir: ."), ["build"], "holds other files"),
    ("config-docs-dir-parent", lambda p: _edit_config(p, "docs_dir: pages", "docs_dir: {outer}"), ["build"], "holds the project folder"),
    ("config-docs-dir-custom", lambda p: _edit_config(p, "docs_dir: pages", "docs_dir: overrides"), ["build"], "custom_dir"),
    ("config-docs-dir-link", lambda p: _edit_config(p, "docs_dir: pages", "docs_dir: sitelink"), ["build"], "symbolic link"),
    ("config-docs-dir-yours", lambda p: _edit_config(p, "docs_dir: pages", "docs_dir: keep"), ["build"], "did not write"),
    ("site-with-your-file", lambda p: (p / "site" / "CNAME").write_text("notice.example", encoding="utf-8"), ["build"], "CNAME"),
    ("site-page-you-edited", lambda p: (p / "site" / "index.html").write_text("my edit", encoding="utf-8"), ["build"], "changed after plainnotice wrote"),
    ("docs-page-you-edited", lambda p: (p / "pages" / "notice.md").write_text("my edit", encoding="utf-8"), ["build"], "changed after plainnotice wrote"),
    ("docs-file-of-yours-at-our-name", lambda p: _yours_at_our_name(p), ["build"], "writes a page of the same name"),
]

RENDER_CASES = [
    ("empty", None, ["render", "--out", ""], "empty path"),
    ("dot", None, ["render", "--out", "."], "holds other files"),
    ("dotdot", None, ["render", "--out", ".."], "holds other files"),
    ("parent-absolute", None, ["render", "--out", "{outer}"], "holds the working folder"),
    ("symlink", None, ["render", "--out", "sitelink"], "symbolic link"),
    ("unmarked-folder", None, ["render", "--out", "keep"], "did not write"),
    ("custom-dir", None, ["render", "--out", "overrides"], "did not write"),
    ("site-folder", None, ["render", "--out", "site"], "did not write"),
    ("a-file", None, ["render", "--out", "data_inventory.yml"], "the inventory"),
    ("page-you-edited", lambda p: (p / "pages" / "index.md").write_text("my edit", encoding="utf-8"), ["render", "--out", "pages"], "changed after plainnotice wrote"),
]


ZENSICAL_CASES = [
    ("out-is-mkdocs-yml", None, ["zensical", "--out", "mkdocs.yml"], "is the MkDocs config"),
    ("out-is-the-inventory", None, ["zensical", "--out", "data_inventory.yml"], "is the inventory"),
    ("out-is-a-file-of-yours", None, ["zensical", "--out", "keep/mine.txt"], "plainnotice did not write it"),
    ("out-is-empty", None, ["zensical", "--out", ""], "an empty path"),
    ("docs-dir-dot", lambda p: _edit_config(p, "docs_dir: pages", "docs_dir: ."), ["zensical"], "holds other files"),
    ("docs-dir-yours", lambda p: _edit_config(p, "docs_dir: pages", "docs_dir: keep"), ["zensical"], "did not write"),
]


def _yours_at_our_name(p: Path) -> None:
    """After `render --out pages` (which writes pages only), a file of yours named like an export."""
    assert main(["render", "--out", "pages"]) == 0
    (p / "pages" / "inventory.json").write_text('{"mine": true}', encoding="utf-8")


def _run_case(proj: Path, setup, argv: list[str], words: str, capsys) -> None:
    if setup is not None:
        setup(proj)
    fill = {"outer": str(proj.parent), "proj": str(proj)}
    argv = [a.format(**fill) for a in argv]
    text = (proj / "mkdocs.yml").read_text(encoding="utf-8")
    (proj / "mkdocs.yml").write_text(text.replace("{outer}", fill["outer"]), encoding="utf-8")
    capsys.readouterr()
    before = state(proj)
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert words in err, err
    assert "Traceback" not in err
    assert state(proj) == before


@pytest.mark.parametrize("case", BUILD_CASES, ids=[c[0] for c in BUILD_CASES])
def test_build_refuses_a_folder_it_may_not_write_and_changes_nothing(proj, case, capsys):
    _run_case(proj, case[1], case[2], case[3], capsys)


@pytest.mark.parametrize("case", RENDER_CASES, ids=[c[0] for c in RENDER_CASES])
def test_render_refuses_a_folder_it_may_not_write_and_changes_nothing(proj, case, capsys):
    _run_case(proj, case[1], case[2], case[3], capsys)


@pytest.mark.parametrize("case", ZENSICAL_CASES, ids=[c[0] for c in ZENSICAL_CASES])
def test_zensical_refuses_a_file_or_folder_it_may_not_write_and_changes_nothing(proj, case, capsys):
    _run_case(proj, case[1], case[2], case[3], capsys)


def test_zensical_keeps_your_pages_and_rewrites_only_its_own_config(proj, capsys):
    (proj / "pages" / "mine.md").write_text("# Mine\n", encoding="utf-8")
    for _ in range(2):
        assert main(["zensical"]) == 0, capsys.readouterr().err
    assert (proj / "pages" / "mine.md").read_text(encoding="utf-8") == "# Mine\n"
    assert (proj / "zensical.yml").read_text(encoding="utf-8").startswith("# Written by `plainnotice zensical`")


@pytest.mark.skipif(not IS_ROOT or not shutil.which("mount"), reason="needs root to mount a tmpfs")
@pytest.mark.parametrize("command", ["build", "render"])
def test_a_mount_point_is_refused(proj, command, capsys):
    mnt = proj / "mnt"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        option = "--site-dir" if command == "build" else "--out"
        _run_case(proj, None, [command, option, "mnt"], "mount point", capsys)
    finally:
        subprocess.run(["umount", str(mnt)], check=True)


def test_refusals_come_before_any_work(proj, capsys):
    """A bad folder is reported before the inventory is even read (a broken inventory shows no error)."""
    (proj / "data_inventory.yml").write_text("not: [valid\n", encoding="utf-8")
    for argv in (["build", "--site-dir", "keep"], ["render", "--out", "keep"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "did not write" in err and "data_inventory.yml" not in err


# --------------------------------------------------------------------------------------------
# Your files survive
# --------------------------------------------------------------------------------------------


def test_your_pages_in_the_docs_folder_survive_render_and_build(proj, capsys):
    mine = proj / "pages" / "about-us.md"
    mine.write_text("# About us\n\nWe make things.\n", encoding="utf-8")
    (proj / "pages" / "extra").mkdir()
    (proj / "pages" / "extra" / "more.md").write_text("# More\n", encoding="utf-8")
    (proj / "pages" / "drafts").mkdir()  # an empty folder of yours
    inode = mine.stat().st_ino
    for argv in (["render", "--out", "pages"], ["build"], ["render", "--out", "pages"], ["build"]):
        assert main(argv) == 0, capsys.readouterr().err
        assert mine.read_text(encoding="utf-8") == "# About us\n\nWe make things.\n"
        assert mine.stat().st_ino == inode  # the same file, not a copy
        assert (proj / "pages" / "extra" / "more.md").is_file() and (proj / "pages" / "drafts").is_dir()
    listing = json.loads((proj / "pages" / (DOCS_MARKER + LIST_SUFFIX)).read_text(encoding="utf-8"))["files"]
    assert "about-us.md" not in listing and "index.md" in listing
    assert "We make things." in (proj / "site" / "about-us.html").read_text(encoding="utf-8")  # built into the site


def test_build_does_not_overwrite_index_md_in_a_docs_folder_it_did_not_create(tmp_path, monkeypatch, capsys):
    """MkDocs' default docs_dir (docs/) with the user's own home page: refused, the page kept."""
    proj = tmp_path / "proj"
    proj.mkdir()
    shutil.copy(REFERENCE, proj / "data_inventory.yml")
    (proj / "mkdocs.yml").write_text("site_name: Mine\ntheme: {name: material}\n", encoding="utf-8")
    (proj / "docs").mkdir()
    (proj / "docs" / "index.md").write_text("# My own home page\n", encoding="utf-8")
    monkeypatch.chdir(proj)
    before = tree(proj)
    assert main(["build"]) == 2
    err = capsys.readouterr().err
    assert "docs folder has files plainnotice did not write" in err and "index.md" in err and "docs_dir" in err
    assert tree(proj) == before


def test_a_first_build_makes_its_own_folders(tmp_path, monkeypatch):
    proj = tmp_path / "proj"
    proj.mkdir()
    shutil.copy(REFERENCE, proj / "data_inventory.yml")
    shutil.copy(REPO / "mkdocs.yml", proj / "mkdocs.yml")
    shutil.copytree(REPO / "site_overrides", proj / "site_overrides")
    monkeypatch.chdir(proj)
    assert main(["build"]) == 0
    assert (proj / "pages" / DOCS_MARKER).is_file() and (proj / "site" / SITE_MARKER).is_file()
    listed = json.loads((proj / "site" / (SITE_MARKER + LIST_SUFFIX)).read_text(encoding="utf-8"))["files"]
    on_disk = sorted(p.relative_to(proj / "site").as_posix() for p in (proj / "site").rglob("*") if p.is_file())
    assert sorted(listed) == [p for p in on_disk if not p.startswith(SITE_MARKER)]
    # an empty folder given as the site folder is taken over (nothing in it to lose)
    (proj / "fresh").mkdir()
    assert main(["build", "--site-dir", "fresh"]) == 0
    assert (proj / "fresh" / "index.html").is_file()


def test_an_earlier_versions_marker_keeps_your_pages(proj, capsys):
    """pages/ with the plain-text marker of earlier versions (no list): our page names are
    replaced, every other file is kept, and the list is written."""
    (proj / "pages" / (DOCS_MARKER + LIST_SUFFIX)).unlink()
    (proj / "pages" / DOCS_MARKER).write_text("Written by 'plainnotice render'. The whole folder is replaced on each run.\n", encoding="utf-8")
    (proj / "pages" / "notice.md").write_text("an old render", encoding="utf-8")
    (proj / "pages" / "mine.md").write_text("# Mine\n", encoding="utf-8")
    assert main(["build"]) == 0, capsys.readouterr().err
    assert (proj / "pages" / "mine.md").read_text(encoding="utf-8") == "# Mine\n"
    assert (proj / "pages" / "notice.md").read_text(encoding="utf-8") != "an old render"
    assert (proj / "pages" / DOCS_MARKER).read_text(encoding="utf-8").startswith("This folder is written by plainnotice")
    assert "notice.md" in json.loads((proj / "pages" / (DOCS_MARKER + LIST_SUFFIX)).read_text(encoding="utf-8"))["files"]


def test_mkdocs_checks_the_real_site_folder(proj):
    """MkDocs loads mkdocs.yml with the real site folder (not a temporary one), so its own guard
    (site_dir and docs_dir apart) runs on the paths the build writes."""
    from generator.site.build import plan_build

    plan = plan_build(proj / "mkdocs.yml", "public")
    assert plan.config["site_dir"] == str(proj / "public")
    assert plan.config["docs_dir"] == str(proj / "pages")
    assert not (proj / "public").exists()  # planning writes nothing


def test_a_new_output_folder_is_readable_like_any_new_folder(tmp_path, monkeypatch):
    """render --out made its folder 0700 (mkdtemp's mode) on main; a published folder is not private."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(REFERENCE, tmp_path / "data_inventory.yml")
    old = os.umask(0o022)
    try:
        assert main(["render", "--out", "pages"]) == 0
    finally:
        os.umask(old)
    assert (tmp_path / "pages").stat().st_mode & 0o777 == 0o755
    assert (tmp_path / "pages" / "index.md").stat().st_mode & 0o777 == 0o644
