"""Reading and writing the small JSON files the reader keeps for the user (settings,
bookmarks): a damaged file is set aside, never deleted; a file that exists but cannot be read
is never written over; a write goes to a temporary file that is synced and renamed over the old
one, so a crash or a power cut never leaves half a file behind."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


class DamagedFileError(Exception):
    """The file exists but its content cannot be used. Its text is a sentence saying where
    the file was set aside (empty if it could not be: :attr:`aside` is then ``None``)."""

    def __init__(self, note: str = "", aside: Path | None = None) -> None:
        super().__init__(note)
        self.aside = aside


def set_aside(path: Path) -> DamagedFileError:
    """Rename a damaged file (never delete it); the error to raise, saying where it went."""
    aside = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        os.replace(path, aside)
    except OSError:
        return DamagedFileError()
    return DamagedFileError(f" The damaged file was kept as {aside.name}.", aside)


#: Never wait on a pipe; bytes as they are on Windows too (no newline translation).
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_bytes(path: Path, limit: int | None = None) -> bytes | None:
    """The file's bytes (its first ``limit`` if given), or ``None`` if there is no file (nor
    a folder it could be in). Every file the reader reads that someone else may have put in
    place (its own JSON files, pictures, shared text) goes through here.

    Raises ``OSError`` if something is there but cannot be read, including a folder or a pipe
    in the file's place (opened without blocking, so a FIFO cannot hang the reader).
    """
    try:
        fd = os.open(path, _READ_FLAGS)
    except (FileNotFoundError, NotADirectoryError):
        # NotADirectoryError: a file stands where a folder on the way should be, so the file
        # itself cannot exist; saving will say why it cannot be written.
        return None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file", str(path))
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "it is not a regular file", str(path))
        chunks, size = [], 0
        while (limit is None or size < limit) and (
                chunk := os.read(fd, 1 << 20 if limit is None else min(1 << 20, limit - size))):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_json(path: Path, valid: Callable[[Any], bool]) -> Any | None:
    """The file's data, or ``None`` if there is no file.

    Raises ``OSError`` if it cannot be read, and :class:`DamagedFileError` (after setting the
    file aside) if it is not JSON or ``valid(data)`` is false. A UTF-8 byte-order mark (as
    Windows Notepad writes) is accepted.
    """
    data = read_bytes(path)
    if data is None:
        return None
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except ValueError as error:  # UnicodeDecodeError is a ValueError too
        raise set_aside(path) from error
    if not valid(value):
        raise set_aside(path)
    return value


def write_json(path: Path, data: Any, durable: bool = True) -> None:
    """Write atomically (see :func:`write_atomically`). Raises ``OSError`` if the folder
    cannot be written."""
    write_atomically(path, json.dumps(data, indent=1, sort_keys=True,
                                      ensure_ascii=False).encode("utf-8"), durable)


def write_atomically(path: Path, data: bytes, durable: bool = True) -> None:
    """Write to a temporary file renamed over ``path``: readers see the old file or the new
    one, never half of one. Raises ``OSError`` if the folder cannot be written.

    A ``durable`` write syncs the temporary file before the rename and the folder after it:
    without that, a power cut soon after can leave an empty or partial file under the old name
    (the rename reached the disk before the data did) or bring the old file back. Caches that
    are rebuilt when lost skip it (a sync costs milliseconds, at start-up too).
    """
    # Unique per process and thread (``uuid`` would pull in ``platform``: slower start-up).
    temporary = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as file:
            file.write(data)
            if durable:
                file.flush()
                os.fsync(file.fileno())
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise
    if durable:
        _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable. Best effort: the new file is already in place, and
    some systems (Windows) cannot open a folder to sync it."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class JsonStore:
    """One of the user's JSON files (settings, bookmarks), loaded once and saved over.

    It remembers why loading failed. A missing file is simply created; a damaged one has been
    set aside (``*.broken-<time>``) so saving starts a new one. But a file that exists and could
    not be read (no permission, a folder or pipe in its place, a disk error) may hold everything
    the user kept: it is never written over, and :attr:`problem` says so, naming the file.
    """

    def __init__(self, path: Path, valid: Callable[[Any], bool], *, what: str, damaged: str,
                 instead: str, meanwhile: str) -> None:
        """The sentences are the user's: ``what`` names the contents ("Bookmarks"),
        ``damaged`` tells of a file set aside, ``instead`` what they get when the file cannot
        be read ("the list starts empty"), ``meanwhile`` how long unsaved changes last."""
        self.path = path
        self._valid = valid
        self._what = what
        self._damaged = damaged
        self._instead = instead
        self._meanwhile = meanwhile
        #: Why the file there is kept as it is ("could not be read (Permission denied)"); it
        #: is then never saved over. ``None`` if saving may replace it (or there is none).
        self.kept_because: str | None = None
        #: A sentence for the user if the file was damaged, unreadable or cannot be saved.
        self.problem: str | None = None

    def load(self) -> Any | None:
        """The file's valid data, or ``None`` (no file, damaged, or unreadable: see
        :attr:`problem`)."""
        try:
            return read_json(self.path, self._valid)
        except OSError as error:
            self.kept_because = f"could not be read ({_reason(error)})"
            self.problem = (f"{self._what} could not be read from {self.path} "
                            f"({_reason(error)}), so {self._instead}. The file is left as it "
                            f"is and will not be saved over.")
        except DamagedFileError as error:
            self.problem = f"{self._damaged}{error}"
            if error.aside is None:  # still there, under its own name: keep it
                self.kept_because = "is damaged and could not be renamed"
                self.problem += (f" {self.path} could not be renamed, so it is left as it "
                                 f"is and will not be saved over.")
        return None

    def save(self, data: Any) -> bool:
        """Write atomically; ``False`` (and :attr:`problem` set) if it cannot be written or
        must not be, because the file there could not be read."""
        if self.kept_because is not None:
            self.problem = (f"{self._what} cannot be saved: {self.path} {self.kept_because}, "
                            f"so it is not written over; {self._meanwhile}.")
            return False
        try:
            write_json(self.path, data)
        except OSError as error:
            self.problem = (f"{self._what} cannot be saved in {self.path.parent} "
                            f"({_reason(error)}); {self._meanwhile}.")
            return False
        return True


def _reason(error: OSError) -> str:
    return error.strerror or str(error) or type(error).__name__


class StoredInJson:
    """A user file kept in a ``JsonStore`` (``self._store``): where it is, and the sentence
    for the user when it was damaged, unreadable or cannot be saved."""

    _store: JsonStore

    @property
    def path(self) -> Path:
        return self._store.path

    @property
    def problem(self) -> str | None:
        return self._store.problem
