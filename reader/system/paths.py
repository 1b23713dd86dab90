"""Where things live: the bundled library and resources, and the user's own folders.

The app never writes next to its own files (an install folder may be read-only and shared by
every user of a clinic PC); everything it writes goes to the per-user folders below. Each can be
moved with an environment variable, which tests and portable set-ups use.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

from reader import APP_SLUG

_ENV_CACHE = "DIABETES_READER_CACHE_DIR"
_ENV_CONFIG = "DIABETES_READER_CONFIG_DIR"
_ENV_DATA = "DIABETES_READER_DATA_DIR"
_ENV_LOG = "DIABETES_READER_LOG_DIR"


def install_root() -> Path:
    """The folder that holds ``content/`` and ``resources/`` (the source tree or a frozen build)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    # reader/system/paths.py → the folder above reader/.
    return Path(__file__).resolve().parents[2]


#: The language of ``content/``; each other language's library is ``content-<language>/``.
BUNDLED_LANGUAGE = "en"


def bundled_library(language: str = BUNDLED_LANGUAGE) -> Path:
    """The library that ships with the app, in ``language`` (``content/`` is English,
    ``content-es/`` Spanish: a new language is a new folder, see ``content/README.md``)."""
    suffix = "" if language == BUNDLED_LANGUAGE else f"-{language}"
    return install_root() / f"content{suffix}"


def bundled_languages() -> list[str]:
    """The languages the app ships a library in, English first (looked up once per install
    folder: the window asks on every move, the command line for every subcommand)."""
    return list(_languages_in(install_root()))


@functools.lru_cache(maxsize=4)
def _languages_in(root: Path) -> tuple[str, ...]:
    found = [BUNDLED_LANGUAGE]
    try:
        entries = sorted(root.iterdir())
    except OSError:
        return tuple(found)
    for entry in entries:
        code = entry.name.removeprefix("content-")
        if (entry.name.startswith("content-") and code.isalpha() and code.islower()
                and (entry / "_section.md").is_file()):
            found.append(code)
    return tuple(found)


def prebuilt_index(language: str = BUNDLED_LANGUAGE) -> Path:
    """A bundled library's search index, built when the app was packaged (may be absent)."""
    suffix = "" if language == BUNDLED_LANGUAGE else f"-{language}"
    return install_root() / f"prebuilt-index{suffix}"


def resource(name: str) -> Path:
    """A file from ``resources/`` (stylesheets, icons)."""
    return install_root() / "resources" / name


#: Where XDG systems (Linux, the BSDs) keep each kind of folder, and the default if unset.
_XDG = {
    "cache": ("XDG_CACHE_HOME", "~/.cache"),
    "config": ("XDG_CONFIG_HOME", "~/.config"),
    "data": ("XDG_DATA_HOME", "~/.local/share"),
    "log": ("XDG_STATE_HOME", "~/.local/state"),
}


def platform_dir(kind: str) -> Path:
    """This app's folder of ``kind`` ("cache", "config", "data" or "log") as the system wants
    it. On XDG systems it is read from the XDG variables exactly as platformdirs reads them;
    importing platformdirs costs ~20 ms of every start there (it pulls in tempfile and shutil),
    so it is asked only on Windows and macOS."""
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        variable, default = _XDG[kind]
        base = Path(os.environ.get(variable, "").strip() or os.path.expanduser(default))
        return base / APP_SLUG / "log" if kind == "log" else base / APP_SLUG
    import platformdirs

    return Path(getattr(platformdirs, f"user_{kind}_dir")(APP_SLUG, appauthor=False))


def _user_dir(env: str, kind: str) -> Path:
    override = os.environ.get(env)
    return Path(override) if override else platform_dir(kind)


def cache_dir() -> Path:
    """Rebuildable data (the search index): safe to delete at any time."""
    return _user_dir(_ENV_CACHE, "cache")


def config_dir() -> Path:
    """Settings: window layout, the last article read."""
    return _user_dir(_ENV_CONFIG, "config")


def data_dir() -> Path:
    """What the user made and would miss (bookmarks)."""
    return _user_dir(_ENV_DATA, "data")


def log_dir() -> Path:
    """The log file, for whoever looks after the machine."""
    return _user_dir(_ENV_LOG, "log")


def writable(folder: Path) -> bool:
    """True if files can be created in ``folder`` (made if missing)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        return False
    return True
