"""The packaged app, as a family gets it: the frozen one-folder build runs its self-test from a
read-only copy, with an empty home folder and no network; the .deb and .tar.gz hold what they
must. Building takes minutes, so these run when DIABETES_READER_PACKAGE_TESTS=1 (CI sets it
and builds once with `make package` before `make test`)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from reader import __version__

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "build" / "package" / "dist" / "diabetes-reader"
VERSION = __version__

pytestmark = pytest.mark.skipif(
    os.environ.get("DIABETES_READER_PACKAGE_TESTS") != "1" or not sys.platform.startswith("linux"),
    reason="packaging tests run in CI (set DIABETES_READER_PACKAGE_TESTS=1 after make package)")


@pytest.fixture(scope="session")
def build() -> Path:
    if not (APP / "diabetes-reader").exists():
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], check=True,
                       cwd=ROOT, timeout=1800)
    return APP


def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DIABETES_READER_", "XDG_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PATH="/usr/bin:/bin")
    return env


def no_network(command: list[str]) -> list[str]:
    ok = shutil.which("unshare") and subprocess.run(
        ["unshare", "-n", "true"], capture_output=True).returncode == 0
    return ["unshare", "-n", *command] if ok else command


def test_frozen_app_self_test_read_only_empty_home_no_network(build, tmp_path):
    copy = tmp_path / "app"
    shutil.copytree(build, copy, symlinks=True)
    for path in [copy, *copy.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    before = sorted(str(p) for p in copy.rglob("*"))
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(no_network([str(copy / "diabetes-reader"), "--self-test"]),
                            capture_output=True, text=True, env=clean_env(home), timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test: passed" in result.stdout
    assert sorted(str(p) for p in copy.rglob("*")) == before  # nothing written into the app
    version = subprocess.run([str(copy / "diabetes-reader"), "--version"], capture_output=True,
                             text=True, env=clean_env(home), timeout=60)
    assert version.stdout.strip() == f"Diabetes Reader {VERSION}"


def test_prebuilt_index_is_used_on_first_start(build, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run([str(build / "diabetes-reader"), "index"], capture_output=True,
                            text=True, env=clean_env(home), timeout=120)
    assert result.returncode == 0, result.stderr
    assert (build / "_internal" / "prebuilt-index" / "manifest.json").is_file()
    manifests = list((home / ".cache" / "diabetes-reader").rglob("manifest.json"))
    assert manifests  # adopted into the user's cache, not rebuilt from scratch (see test_search)


def test_frozen_handout_carries_the_shared_safety_rules(build, tmp_path):
    from pypdf import PdfReader

    home = tmp_path / "home"
    home.mkdir()
    target = tmp_path / "sitter.pdf"
    result = subprocess.run(
        [str(build / "diabetes-reader"), "export",
         "children-teens-pregnancy-and-school/babysitters-sleepovers-and-trips", "--pdf",
         str(target)], capture_output=True, text=True, env=clean_env(home), timeout=120)
    assert result.returncode == 0, result.stderr
    text = " ".join("".join(page.extract_text() for page in PdfReader(target).pages).split())
    assert "Call your local emergency number now" in text  # from content/_shared, bundled
    assert "[[include" not in text and "could not be shown" not in text


def test_deb_contents_and_desktop_file(build, tmp_path):
    debs = list((ROOT / "dist").glob(f"diabetes-reader_{VERSION}_*.deb"))
    assert debs, "make package writes the .deb"
    contents = subprocess.run(["dpkg-deb", "--contents", str(debs[0])], capture_output=True,
                              text=True, check=True).stdout
    for expected in ("./opt/diabetes-reader/diabetes-reader",
                     "./usr/share/applications/diabetes-reader.desktop",
                     "./usr/share/icons/hicolor/256x256/apps/diabetes-reader.png",
                     "./usr/share/icons/hicolor/scalable/apps/diabetes-reader.svg",
                     "./usr/bin/diabetes-reader -> /opt/diabetes-reader/diabetes-reader"):
        assert expected in contents
    info = subprocess.run(["dpkg-deb", "--info", str(debs[0])], capture_output=True, text=True,
                          check=True).stdout
    assert f"Version: {VERSION}" in info and "Depends: " in info
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(root)], check=True)
    home = tmp_path / "home"
    home.mkdir()
    version = subprocess.run([str(root / "opt" / "diabetes-reader" / "diabetes-reader"),
                              "--version"], capture_output=True, text=True, env=clean_env(home),
                             timeout=60)
    assert version.returncode == 0 and VERSION in version.stdout
    desktop = root / "usr" / "share" / "applications" / "diabetes-reader.desktop"
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                               text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout
    assert debs[0].stat().st_size < 80e6


def test_tarball_holds_app_desktop_file_and_icons(build):
    tarballs = list((ROOT / "dist").glob(f"diabetes-reader-{VERSION}-linux-*.tar.gz"))
    assert tarballs
    with tarfile.open(tarballs[0]) as tar:
        names = tar.getnames()
    prefix = tarballs[0].name.removesuffix(".tar.gz")
    for expected in ("app/diabetes-reader", "diabetes-reader.desktop",
                     "icons/hicolor/48x48/apps/diabetes-reader.png", "INSTALL.txt"):
        assert f"{prefix}/{expected}" in names
    assert tarballs[0].stat().st_size < 80e6
