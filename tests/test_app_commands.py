"""The app as a whole process: what CI, packagers and start-up benchmarks run."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import article


def run_reader(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, env=env, timeout=180)


def test_self_test_passes_on_the_bundled_library():
    result = run_reader("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    steps = [line for line in result.stdout.splitlines() if line.startswith("self-test: ok")]
    assert len(steps) >= 8
    assert "self-test: passed" in result.stdout


def test_self_test_on_another_library(make_library):
    root = make_library({"01-a.md": article("Alpha Topic", "alpha words"),
                         "02-b.md": article("Beta Topic", "beta words")})
    result = run_reader("--self-test", "--library", str(root))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "open first hit: Alpha Topic" in result.stdout


def test_exit_after_paint_quits_by_itself():
    assert run_reader("--exit-after-paint").returncode == 0


def test_a_missing_library_is_a_clear_error(tmp_path):
    result = run_reader("--library", str(tmp_path / "nope"), "--self-test")
    assert result.returncode == 2
    assert "not a folder" in result.stderr and "Traceback" not in result.stderr


def test_version():
    result = run_reader("--version")
    assert result.returncode == 0 and result.stdout.startswith("Diabetes Reader ")
