"""Where things live: the bundled library and resources, and the user's own folders.

The app never writes next to its own files (an install folder may be read-only and shared by
every user of a clinic PC); everything it writes goes to the per-user folders below. Each can be
moved with an environment variable, which tests and portable set-ups use.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

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
    return Path(__file__).resolve().parent.parent


def bundled_library() -> Path:
    """The library that ships with the app."""
    return install_root() / "content"


def prebuilt_index() -> Path:
    """The bundled library's search index, built when the app was packaged (may be absent)."""
    return install_root() / "prebuilt-index"


def resource(name: str) -> Path:
    """A file from ``resources/`` (stylesheets, icons)."""
    return install_root() / "resources" / name


def _user_dir(env: str, default: str) -> Path:
    override = os.environ.get(env)
    return Path(override) if override else Path(default)


def cache_dir() -> Path:
    """Rebuildable data (the search index): safe to delete at any time."""
    return _user_dir(_ENV_CACHE, platformdirs.user_cache_dir(APP_SLUG, appauthor=False))


def config_dir() -> Path:
    """Settings: window layout, the last article read."""
    return _user_dir(_ENV_CONFIG, platformdirs.user_config_dir(APP_SLUG, appauthor=False))


def data_dir() -> Path:
    """What the user made and would miss (bookmarks)."""
    return _user_dir(_ENV_DATA, platformdirs.user_data_dir(APP_SLUG, appauthor=False))


def log_dir() -> Path:
    """The log file, for whoever looks after the machine."""
    return _user_dir(_ENV_LOG, platformdirs.user_log_dir(APP_SLUG, appauthor=False))


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
