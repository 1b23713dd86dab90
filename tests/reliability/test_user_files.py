"""The user's own files (settings, bookmarks): one that cannot be read is never written over,
a byte-order mark is not damage, and a save survives a power cut (file and folder synced)."""

from __future__ import annotations

import builtins
import errno
import io
import json
import os
import stat
import threading
from pathlib import Path

import pytest

from reader.library import load_library
from reader.library.links import Location
from reader.system import json_file
from reader.ui.main_window import MainWindow
from reader.user.bookmarks import BookmarkStore
from reader.user.settings import Settings
from tests.conftest import article

OLD_BOOKMARKS = {"version": 1, "bookmarks": [
    {"library": "/lib", "article_id": "kept", "title": "Kept for years", "added": "2020-01-01"}]}
OLD_SETTINGS = {"zoom": 150, "theme": "dark"}


def refuse_to_read(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Reading a file called one of ``names`` fails with "Permission denied", as for a file
    the user has no right to read (permission bits do not stop root, who runs these tests).
    Patched where any reader of files ends up: ``os.open`` and ``open``/``io.open``."""

    def denied(path: object) -> PermissionError:
        return PermissionError(errno.EACCES, "Permission denied", str(path))

    real_os_open, real_open = os.open, builtins.open

    def guarded_os_open(path, flags, *args, **kwargs):
        if Path(os.fsdecode(path)).name in names and not flags & (os.O_WRONLY | os.O_RDWR):
            raise denied(path)
        return real_os_open(path, flags, *args, **kwargs)

    def guarded_open(file, mode="r", *args, **kwargs):
        if (isinstance(file, (str, bytes, os.PathLike)) and Path(os.fsdecode(file)).name in names
                and not set(mode) & set("wax+")):
            raise denied(file)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_os_open)
    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)


def write(path: Path, data: object) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data).encode()
    path.write_bytes(raw)
    return raw


@pytest.fixture
def library(make_library):
    return load_library(make_library({"a.md": article("Feet", "Check your feet every day.")}))


# -- a file that cannot be read is never written over ---------------------------------------

def test_unreadable_bookmarks_are_not_written_over(tmp_path, monkeypatch):
    raw = write(tmp_path / "bookmarks.json", OLD_BOOKMARKS)
    refuse_to_read(monkeypatch, "bookmarks.json")
    store = BookmarkStore.in_folder(tmp_path)
    assert store.items == []
    loaded = store.problem
    store.add("/lib", "new", "New")  # Ctrl+D
    saved = store.save()
    monkeypatch.undo()
    assert (tmp_path / "bookmarks.json").read_bytes() == raw  # what the user kept is there
    assert not list(tmp_path.glob("bookmarks.json.broken-*"))  # not damaged: left in place
    assert "bookmarks.json" in loaded and "Permission denied" in loaded
    assert not saved
    assert str(tmp_path / "bookmarks.json") in store.problem
    assert "Permission denied" in store.problem and "not written over" in store.problem


def test_unreadable_settings_are_not_written_over(tmp_path, monkeypatch):
    raw = write(tmp_path / "settings.json", OLD_SETTINGS)
    refuse_to_read(monkeypatch, "settings.json")
    settings = Settings.in_folder(tmp_path)
    assert settings.values == {}
    loaded = settings.problem
    settings.set("zoom", 100)
    saved = settings.save()  # as on closing the window
    monkeypatch.undo()
    assert (tmp_path / "settings.json").read_bytes() == raw
    assert "settings.json" in loaded and "Permission denied" in loaded
    assert not saved
    assert "settings.json" in settings.problem and "not written over" in settings.problem


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="permission bits do not stop root (simulated in the tests above)")
@pytest.mark.parametrize("name", ["bookmarks.json", "settings.json"])
def test_file_without_read_permission_is_not_written_over(tmp_path, name):
    path = tmp_path / name
    raw = write(path, OLD_BOOKMARKS if name == "bookmarks.json" else OLD_SETTINGS)
    path.chmod(0)
    try:
        if name == "bookmarks.json":
            store = BookmarkStore.in_folder(tmp_path)
            store.add("/lib", "new", "New")
            saved, problem = store.save(), store.problem
        else:
            settings = Settings.in_folder(tmp_path)
            settings.set("zoom", 100)
            saved, problem = settings.save(), settings.problem
    finally:
        path.chmod(0o600)
    assert not saved and name in problem and "Permission denied" in problem
    assert path.read_bytes() == raw


@pytest.mark.parametrize("name", ["bookmarks.json", "settings.json"])
def test_a_folder_in_the_files_place_is_reported_and_kept(tmp_path, name):
    (tmp_path / name).mkdir()
    (tmp_path / name / "inside.txt").write_text("someone's things")
    store = BookmarkStore.in_folder(tmp_path) if name == "bookmarks.json" else \
        Settings.in_folder(tmp_path)
    assert name in store.problem and "folder" in store.problem
    assert not store.save()
    assert name in store.problem and "not written over" in store.problem
    assert (tmp_path / name / "inside.txt").read_text() == "someone's things"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_in_place_of_the_bookmarks_does_not_hang_and_is_kept(tmp_path):
    pipe = tmp_path / "bookmarks.json"
    os.mkfifo(pipe)
    made: list[BookmarkStore] = []
    loading = threading.Thread(target=lambda: made.append(BookmarkStore.in_folder(tmp_path)),
                               daemon=True)
    loading.start()
    loading.join(timeout=20)  # a guard, not a timing: reading a pipe must not wait at all
    if loading.is_alive():  # let the stuck reader go before failing
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        loading.join(timeout=5)
        pytest.fail("reading a pipe in place of bookmarks.json hung the reader")
    store = made[0]
    assert "bookmarks.json" in store.problem and "not a regular file" in store.problem
    assert not store.save()
    assert pipe.is_fifo()


def test_window_says_which_file_cannot_be_read_and_never_overwrites_it(qtbot, library, tmp_path,
                                                                       monkeypatch):
    bookmarks_raw = write(tmp_path / "data" / "bookmarks.json", OLD_BOOKMARKS)
    settings_raw = write(tmp_path / "config" / "settings.json", OLD_SETTINGS)
    refuse_to_read(monkeypatch, "bookmarks.json", "settings.json")
    window = MainWindow(library, Settings.in_folder(tmp_path / "config"), tmp_path / "cache",
                        tmp_path / "data")
    qtbot.addWidget(window)
    at_start = window.statusBar().currentMessage()
    window.navigator.go(Location.article("a"))
    window.toggle_bookmark()  # Ctrl+D
    on_bookmark = window.statusBar().currentMessage()
    window.close()  # saves the settings
    monkeypatch.undo()
    assert (tmp_path / "data" / "bookmarks.json").read_bytes() == bookmarks_raw
    assert (tmp_path / "config" / "settings.json").read_bytes() == settings_raw
    assert "settings.json" in at_start and "bookmarks.json" in at_start
    assert "Permission denied" in at_start
    assert "Bookmarked Feet." in on_bookmark and "bookmarks.json" in on_bookmark
    assert "cannot be saved" in on_bookmark and "Permission denied" in on_bookmark


def test_damaged_file_that_cannot_be_set_aside_is_not_written_over(tmp_path, monkeypatch):
    (tmp_path / "bookmarks.json").write_text("{half a file")

    def cannot_rename(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", cannot_rename)
    store = BookmarkStore.in_folder(tmp_path)
    assert "damaged" in store.problem
    monkeypatch.undo()
    store.add("/lib", "new", "New")
    assert not store.save() and "bookmarks.json" in store.problem
    assert (tmp_path / "bookmarks.json").read_text() == "{half a file"


# -- a byte-order mark is not damage -------------------------------------------------------------

def test_bookmarks_saved_by_notepad_with_a_bom_are_read(tmp_path):
    (tmp_path / "bookmarks.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(OLD_BOOKMARKS).encode())
    store = BookmarkStore.in_folder(tmp_path)
    assert store.problem is None
    assert [b.title for b in store.items] == ["Kept for years"]
    assert not list(tmp_path.glob("bookmarks.json.broken-*"))


def test_settings_with_a_bom_are_read(tmp_path):
    (tmp_path / "settings.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(OLD_SETTINGS).encode())
    settings = Settings.in_folder(tmp_path)
    assert settings.problem is None and settings.get("zoom") == 150


# -- a save survives a power cut -----------------------------------------------------------------

def test_atomic_write_syncs_the_file_before_the_rename_and_the_folder_after(tmp_path,
                                                                           monkeypatch):
    """Without both syncs a power cut soon after saving can leave an empty bookmarks file (the
    rename reached the disk before the data) or bring back the old one."""
    target = tmp_path / "bookmarks.json"
    events: list[tuple] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            events.append(("sync folder", (info.st_dev, info.st_ino)))
        else:
            events.append(("sync file", (info.st_dev, info.st_ino), info.st_size))
        real_fsync(fd)

    def replace(source, destination):
        events.append(("rename", Path(destination).name))
        real_replace(source, destination)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    json_file.write_json(target, {"a": 1})
    written, folder = os.stat(target), os.stat(tmp_path)
    assert events == [("sync file", (written.st_dev, written.st_ino), written.st_size),
                      ("rename", "bookmarks.json"),
                      ("sync folder", (folder.st_dev, folder.st_ino))]
    assert json.loads(target.read_text()) == {"a": 1}
