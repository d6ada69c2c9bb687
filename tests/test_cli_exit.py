"""The program's exit (generator.cli.run): `check`, `validate` and `score` end the process without
the interpreter's clean-up, so nothing they print or keep may be lost on the way out."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys

import pytest

from conftest import REFERENCE, REPO
from generator import cli

SHARED = REPO.parent / "shared" / "reference" / "data_inventory.yml"


def program(*args: str, cwd=REPO, env=None) -> subprocess.CompletedProcess:
    env = dict(os.environ if env is None else env)
    env.pop("PYTHONUNBUFFERED", None)  # as users run it: output to a pipe or a file is buffered until the end
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


def in_process(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(list(args))
    return code, out.getvalue()


@pytest.mark.parametrize(
    "args",
    [
        ("check", str(REFERENCE), "--format", "json"),
        ("check", str(REFERENCE)),
        ("validate", str(REFERENCE)),
        ("validate", str(REFERENCE), "--format", "json"),
        ("score", str(REPO / "README.md"), "--format", "json"),
    ],
)
def test_the_program_prints_all_that_main_returns_and_exits_with_its_code(args, tmp_path):
    code, text = in_process(*args)
    env = dict(os.environ, PLAINNOTICE_CACHE_DIR=str(tmp_path / "cache"))  # a first run: it writes caches too
    proc = program(*args, env=env)
    assert (proc.returncode, proc.stdout) == (code, text)
    if "json" in args:
        json.loads(proc.stdout)  # whole, not cut at a buffer's end
    assert list((tmp_path / "cache").rglob("*.tmp")) == []  # no cache file left half written


def test_findings_and_bad_input_keep_their_exit_codes(tmp_path):
    if SHARED.is_file():
        assert program("check", str(SHARED)).returncode == 1  # findings
    assert program("validate", str(tmp_path / "missing.yml")).returncode == 2  # bad input
    assert program("check", "--layer", "middle", str(REFERENCE)).returncode == 2  # bad usage


def test_output_to_a_full_disk_is_an_error_not_a_success():
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "generator", "check", str(REFERENCE)], cwd=REPO, stdout=full, stderr=subprocess.PIPE, text=True, env=env, timeout=120)
    assert proc.returncode == 2
    assert "no space left" in proc.stderr and "Traceback" not in proc.stderr



def test_output_that_cannot_be_written_for_another_reason_still_says_so():
    """An error the tool does not name (here EINVAL) is still a message and exit code 2, never silence."""
    code = (
        "import errno, io, sys\n"
        "from generator import cli\n"
        "class Broken(io.StringIO):\n"
        "    def flush(self):\n"
        "        raise OSError(errno.EINVAL, 'Invalid argument')\n"
        f"sys.argv = ['plainnotice', 'validate', {str(REFERENCE)!r}]\n"
        "sys.stdout = Broken()\n"
        "cli.run()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "could not write the output (Invalid argument)" in proc.stderr and "Traceback" not in proc.stderr
