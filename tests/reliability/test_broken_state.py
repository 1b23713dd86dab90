"""Broken state on disk: the index, settings and bookmarks, read-only folders, two copies."""

from __future__ import annotations

import errno
import json
import shutil
import threading

import pytest

from reader.library import load_library
from reader.library.links import Location
from reader.search.service import SearchService
from reader.search.store import IndexStore, open_or_build
from reader.system import paths
from reader.ui.main_window import MainWindow
from reader.user.bookmarks import BookmarkStore
from reader.user.settings import Settings
from tests.conftest import article


@pytest.fixture
def library(make_library):
    return load_library(make_library({
        "a.md": article("Feet", "Check your feet every day."),
        "b.md": article("Eyes", "Get your eyes checked every year."),
    }))


def titles(results):
    return [hit.title for hit in results.hits]


def test_index_deleted_while_the_app_runs(library, tmp_path):
    service = SearchService(library, tmp_path / "cache")
    service.open()
    assert titles(service.search("feet")) == ["Feet"]
    shutil.rmtree(tmp_path / "cache")
    assert titles(service.search("eyes")) == ["Eyes"]  # reopened or rebuilt, not an error
    assert IndexStore(library.root, tmp_path / "cache").is_current(library)


@pytest.mark.parametrize("damage", ["truncate", "garble"])
def test_damaged_segments_are_rebuilt(library, tmp_path, damage):
    open_or_build(library, tmp_path / "cache")
    folder = IndexStore(library.root, tmp_path / "cache").current_dir()
    for file in folder.iterdir():
        if file.suffix in (".seg", ".toc"):
            data = file.read_bytes()
            file.write_bytes(data[: len(data) // 3] if damage == "truncate" else b"\0" * 64)
    service = SearchService(library, tmp_path / "cache")
    service.open()
    assert titles(service.search("feet")) == ["Feet"]


@pytest.mark.parametrize("schema", [0, 99])
def test_index_from_an_older_or_newer_version_is_rebuilt(library, tmp_path, schema):
    open_or_build(library, tmp_path / "cache")
    store = IndexStore(library.root, tmp_path / "cache")
    manifest = store.current_dir() / "manifest.json"
    data = json.loads(manifest.read_text())
    data.update(schema=schema, fingerprint="from another version")
    manifest.write_text(json.dumps(data))
    assert not store.is_current(library)
    old = store.current_dir()
    ix, _ = open_or_build(library, tmp_path / "cache")
    assert store.current_dir() != old and ix.doc_count() == 2


def test_lock_left_by_a_crashed_writer_is_harmless(library, tmp_path):
    open_or_build(library, tmp_path / "cache")
    store = IndexStore(library.root, tmp_path / "cache")
    (store.current_dir() / "MAIN_WRITELOCK").write_text("crashed")
    (store.base / ".build-deadbeef").mkdir()
    service = SearchService(library, tmp_path / "cache")
    service.open()
    assert titles(service.search("feet")) == ["Feet"]
    service.open(rebuild=True)  # a rebuild writes a new folder: the old lock is no obstacle
    assert titles(service.search("eyes")) == ["Eyes"]


def test_disk_full_during_a_rebuild_keeps_the_old_index_and_searches_from_memory(
        library, tmp_path, monkeypatch):
    open_or_build(library, tmp_path / "cache")
    store = IndexStore(library.root, tmp_path / "cache")
    before = store.current_dir()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("whoosh.index.create_in", full)
    service = SearchService(library, tmp_path / "cache")
    note = service.open(rebuild=True)
    assert "No space left on device" in note and "in memory" in note
    assert titles(service.search("feet")) == ["Feet"]
    assert store.current_dir() == before and not list(store.base.glob(".build-*"))


def test_two_copies_rebuilding_and_searching_at_once(library, tmp_path):
    reader_copy = SearchService(library, tmp_path / "cache")
    reader_copy.open()
    errors: list[BaseException] = []

    def rebuild_three_times() -> None:
        try:
            other_copy = SearchService(library, tmp_path / "cache")
            for _ in range(3):
                other_copy.open(rebuild=True)
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=rebuild_three_times)
    thread.start()
    for _ in range(60):
        assert titles(reader_copy.search("feet")) == ["Feet"]
    thread.join()
    assert errors == []
    assert titles(reader_copy.search("eyes")) == ["Eyes"]


def test_damaged_settings_and_bookmarks_start_fresh_keep_the_file_and_say_so(qtbot, library,
                                                                              tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text("{broken")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "bookmarks.json").write_bytes(b"\xff\xfe not json")
    window = MainWindow(library, Settings.in_folder(tmp_path / "config"), tmp_path / "cache",
                        tmp_path / "data")
    qtbot.addWidget(window)
    assert "damaged" in window.statusBar().currentMessage()
    assert list((tmp_path / "config").glob("settings.json.broken-*"))
    assert list((tmp_path / "data").glob("bookmarks.json.broken-*"))
    window.navigator.go(Location.article("a"))
    window.toggle_bookmark()
    window.close()
    assert BookmarkStore.in_folder(tmp_path / "data").find(library.key, "a")
    assert Settings.in_folder(tmp_path / "config").get("last_location")


def test_settings_write_is_atomic(tmp_path, monkeypatch):
    settings = Settings.in_folder(tmp_path)
    settings.set("zoom", 150)
    settings.save()
    settings.set("zoom", 200)

    def crash(*args, **kwargs):
        raise OSError(errno.EIO, "power cut")

    monkeypatch.setattr("os.replace", crash)
    assert not settings.save()
    assert Settings.in_folder(tmp_path).get("zoom") == 150  # the old file is whole
    assert not list(tmp_path.glob(".*.tmp"))


def test_read_only_home_still_reads_and_searches_and_says_what_cannot_be_saved(
        qtbot, library, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the user's folders should be")
    window = MainWindow(library, Settings.in_folder(blocked / "config"), blocked / "cache",
                        blocked / "data")
    qtbot.addWidget(window)
    assert "cannot be saved" in window.statusBar().currentMessage()
    window.show()
    window.start_indexing()
    qtbot.waitUntil(lambda: window.search.index_ready, timeout=30000)
    assert "in memory" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.search.resultsShown, timeout=10000):
        window.search.search_for("feet")
    assert window.search_panel.model.hit(0).title == "Feet"
    window.navigator.go(Location.article("b"))
    window.toggle_bookmark()
    assert "cannot be saved" in window.statusBar().currentMessage()


def test_nothing_is_written_into_the_install_or_library_folder(tmp_path):
    import os
    import subprocess
    import sys

    before = sorted(p for p in paths.install_root().rglob("*")
                    if ".venv" not in p.parts and "__pycache__" not in p.parts
                    and ".git" not in p.parts and ".pytest_cache" not in p.parts
                    and "artifacts" not in p.parts)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for command in (["index", "--rebuild"], ["search", "insulin"], ["--self-test"]):
        result = subprocess.run([sys.executable, "-m", "reader", *command], env=env,
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
    after = sorted(p for p in paths.install_root().rglob("*")
                   if ".venv" not in p.parts and "__pycache__" not in p.parts
                   and ".git" not in p.parts and ".pytest_cache" not in p.parts
                   and "artifacts" not in p.parts)
    assert after == before
