"""`make package`: build the search index and icons, freeze the app with PyInstaller, and write
the Linux artifacts (.tar.gz and .deb) to dist/. Windows and macOS: see packaging/README.md.

Run with the project's virtual environment: ``.venv/bin/python packaging/build.py``.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "package"
DIST = ROOT / "dist"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: What the frozen app needs from the system on Debian/Ubuntu (Qt's own libraries ship inside).
DEB_DEPENDS = ("libc6, libegl1, libgl1, libfontconfig1, libfreetype6, libxkbcommon0, "
               "libdbus-1-3, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, "
               "libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, "
               "libxcb-xfixes0, libxcb-xkb1, libx11-xcb1, "
               # Read aloud: what Qt's speech libraries link and the spec leaves to the system
               # (the speech-dispatcher engine links libspeechd.so.2, Qt6Multimedia links
               # libpulse.so.0). Same names in Debian 12 and 13 and Ubuntu 24.04 (not renamed
               # by the 64-bit time_t transition).
               "libspeechd2, libpulse0")
#: The voice itself: the speech-dispatcher daemon, its eSpeak NG module and eSpeak NG. Without
#: them the app runs, and Read Aloud says how to install a voice.
DEB_RECOMMENDS = "speech-dispatcher, speech-dispatcher-espeak-ng, espeak-ng"


def version() -> str:
    """The one place the version lives: ``reader/__init__.py`` (pyproject.toml reads it too)."""
    from reader import __version__

    return __version__


def step(message: str) -> None:
    print(f"==> {message}", flush=True)


def build_index() -> None:
    """Each bundled library's index, built now so the first start needs no indexing."""
    from reader.library import load_library
    from reader.search.store import IndexStore
    from reader.system import paths

    for language in paths.bundled_languages():
        target = BUILD / paths.prebuilt_index(language).name
        shutil.rmtree(target, ignore_errors=True)
        library = load_library(paths.bundled_library(language))
        with tempfile.TemporaryDirectory() as cache:
            store = IndexStore(library.root, Path(cache))
            store.build(library, content=True)
            shutil.copytree(store.current_dir(), target)
        print(f"    {language}: {len(library.reading_order)} articles indexed")


def render_icons() -> None:
    """PNG sizes for Linux, .ico for Windows and .icns for macOS, from resources/icons/app.svg."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QIcon

    _app = QGuiApplication.instance() or QGuiApplication([])
    icon = QIcon(str(ROOT / "resources" / "icons" / "app.svg"))
    out = BUILD / "icons"
    shutil.rmtree(out, ignore_errors=True)
    for size in ICON_SIZES:
        folder = out / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        if not icon.pixmap(size, size).save(str(folder / "diabetes-reader.png")):
            raise SystemExit(f"could not render the {size}px icon")
    scalable = out / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "app.svg", scalable / "diabetes-reader.svg")
    icon.pixmap(256, 256).save(str(out / "diabetes-reader.ico"), "ICO")
    icon.pixmap(512, 512).save(str(out / "diabetes-reader.icns"), "ICNS")


def freeze() -> Path:
    env = dict(os.environ, DIABETES_READER_VERSION=version())
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(BUILD / "dist"), "--workpath", str(BUILD / "work"),
         str(ROOT / "packaging" / "diabetes-reader.spec")],
        check=True, env=env, cwd=ROOT,
    )
    return BUILD / "dist" / "diabetes-reader"


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def linux_tarball(app: Path, name: str) -> Path:
    """The one-folder app with its .desktop file and icons, for unpacking anywhere."""
    staging = BUILD / "tar" / name
    shutil.rmtree(staging.parent, ignore_errors=True)
    shutil.copytree(app, staging / "app", symlinks=True)
    shutil.copy(ROOT / "packaging" / "linux" / "diabetes-reader.desktop", staging)
    shutil.copytree(BUILD / "icons" / "hicolor", staging / "icons" / "hicolor")
    (staging / "INSTALL.txt").write_text(
        "Diabetes Reader\n\nDouble-click app/diabetes-reader (or run it from a terminal).\n"
        "To add it to your menu: copy diabetes-reader.desktop to ~/.local/share/applications/,\n"
        "change its Exec= line to the full path of app/diabetes-reader, and copy icons/ to\n"
        "~/.local/share/icons/.\n\n"
        "Read Aloud speaks with the system's speech-dispatcher. If it says no voice is\n"
        "installed: sudo apt install speech-dispatcher espeak-ng (Debian, Ubuntu), or your\n"
        "distribution's speech-dispatcher and espeak-ng packages.\n", encoding="utf-8")
    target = DIST / f"{name}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=9) as tar:
        tar.add(staging, arcname=name)
    return target


def deb(app: Path, arch: str) -> Path:
    """A .deb that installs to /opt/diabetes-reader with a menu entry and icons."""
    deb_arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(arch, arch)
    staging = BUILD / "deb"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(app, staging / "opt" / "diabetes-reader", symlinks=True)
    applications = staging / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    desktop = (ROOT / "packaging" / "linux" / "diabetes-reader.desktop").read_text()
    (applications / "diabetes-reader.desktop").write_text(
        desktop.replace("Exec=diabetes-reader", "Exec=/opt/diabetes-reader/diabetes-reader"))
    shutil.copytree(BUILD / "icons" / "hicolor", staging / "usr" / "share" / "icons" / "hicolor")
    bin_dir = staging / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "diabetes-reader").symlink_to("/opt/diabetes-reader/diabetes-reader")
    control = staging / "DEBIAN"
    control.mkdir()
    size_kb = folder_size(staging) // 1024
    (control / "control").write_text(
        f"Package: diabetes-reader\nVersion: {version()}\nArchitecture: {deb_arch}\n"
        f"Maintainer: Diabetes Reader team <team@diabetes-reader.invalid>\n"
        f"Installed-Size: {size_kb}\nDepends: {DEB_DEPENDS}\nRecommends: {DEB_RECOMMENDS}\n"
        "Section: education\n"
        "Priority: optional\nHomepage: https://diabetes-reader.invalid\n"
        "Description: offline library of plain-language diabetes articles\n"
        " Diabetes Reader shows a bundled library of articles about diabetes, with\n"
        " search, a diagram of insulin and glucose, print-ready handouts and themes.\n"
        " It works with no network.\n", encoding="utf-8")
    refresh_menu = "update-desktop-database -q || true\n"
    refresh_icons = "gtk-update-icon-cache -q /usr/share/icons/hicolor || true\n"
    for script, body in (("postinst", refresh_menu + refresh_icons),
                         ("postrm", refresh_menu)):
        path = control / script
        path.write_text(f"#!/bin/sh\nset -e\n{body}", encoding="utf-8")
        path.chmod(0o755)
    for path in staging.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    target = DIST / f"diabetes-reader_{version()}_{deb_arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(staging),
                    str(target)], check=True, stdout=subprocess.DEVNULL)
    return target


def main() -> int:
    sys.path.insert(0, str(ROOT))
    DIST.mkdir(exist_ok=True)
    step("building the interface's translations")
    subprocess.run(["bash", str(ROOT / "tools" / "translations.sh"), "build"], check=True,
                   env={**os.environ, "VENV": str(Path(sys.executable).parent.parent)})
    step("building the search index")
    build_index()
    step("rendering icons")
    render_icons()
    step("freezing the app (PyInstaller, one folder)")
    app = freeze()
    arch = platform.machine()
    name = f"diabetes-reader-{version()}-linux-{arch}"
    if sys.platform.startswith("linux"):
        step("writing the .tar.gz")
        tarball = linux_tarball(app, name)
        artifacts = [tarball]
        if shutil.which("dpkg-deb"):
            step("writing the .deb")
            artifacts.append(deb(app, arch))
        print(f"\nOne-folder build: {app} ({folder_size(app) / 1e6:.0f} MB unpacked)")
        for artifact in artifacts:
            print(f"{artifact.relative_to(ROOT)}: {artifact.stat().st_size / 1e6:.1f} MB")
    else:
        print(f"\nOne-folder build: {app}. Installers: see packaging/README.md.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
