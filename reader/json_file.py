"""Reading and writing the small JSON files the reader keeps for the user (settings,
bookmarks): a damaged file is set aside, never deleted; a write goes to a temporary file
that is renamed over the old one, so a crash never leaves half a file behind."""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


class DamagedFileError(Exception):
    """The file exists but its content cannot be used; it has been set aside."""


def set_aside(path: Path) -> str:
    """Rename a damaged file (never delete it); returns a sentence saying where it went."""
    aside = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        os.replace(path, aside)
    except OSError:
        return ""
    return f" The damaged file was kept as {aside.name}."


def read_json(path: Path, valid: Callable[[Any], bool]) -> Any | None:
    """The file's data, or ``None`` if there is no file.

    Raises ``OSError`` if it cannot be read, and :class:`DamagedFileError` (after setting the
    file aside) if it is not JSON or ``valid(data)`` is false.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError as error:
        raise DamagedFileError(set_aside(path)) from error
    try:
        data = json.loads(text)
    except ValueError as error:
        raise DamagedFileError(set_aside(path)) from error
    if not valid(data):
        raise DamagedFileError(set_aside(path))
    return data


def write_json(path: Path, data: Any) -> None:
    """Write atomically. Raises ``OSError`` if the folder cannot be written."""
    write_atomically(path, json.dumps(data, indent=1, sort_keys=True,
                                      ensure_ascii=False).encode("utf-8"))


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file renamed over ``path``: readers see the old file or the new
    one, never half of one. Raises ``OSError`` if the folder cannot be written."""
    # Unique per process and thread (``uuid`` would pull in ``platform``: slower start-up).
    temporary = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise
