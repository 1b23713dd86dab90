"""The bookmarks controller alone: a real store in a temporary folder, the real panel and a
stub for the status bar."""

from __future__ import annotations

from reader.library import load_library
from reader.ui.bookmarks_controller import BookmarksController
from reader.ui.bookmarks_panel import BookmarksPanel
from reader.user.bookmarks import BookmarkStore
from tests.conftest import article


def make(qtbot, make_library, tmp_path):
    library = load_library(make_library({"a.md": article("Feet"), "b.md": article("Eyes")}))
    panel = BookmarksPanel()
    qtbot.addWidget(panel)
    told: list[str] = []
    controller = BookmarksController(BookmarkStore.in_folder(tmp_path / "data"), panel,
                                     library, lambda text, ms: told.append(text))
    return controller, panel, told


def test_toggling_adds_then_removes_saves_and_says_so(qtbot, make_library, tmp_path):
    controller, panel, told = make(qtbot, make_library, tmp_path)
    with qtbot.waitSignal(controller.changed):
        controller.toggle("a")
    assert controller.is_bookmarked("a") and told[-1] == "Bookmarked Feet."
    assert panel.list.count() == 1
    assert BookmarkStore.in_folder(tmp_path / "data").for_library(
        controller.library.key)  # saved, read back by a new store
    controller.toggle("a")
    assert not controller.is_bookmarked("a") and told[-1] == "Removed the bookmark for Feet."
    controller.toggle("gone")  # not an article: nothing happens
    assert told[-1] == "Removed the bookmark for Feet."


def test_opening_a_bookmark_asks_the_window_or_says_it_is_gone(qtbot, make_library, tmp_path):
    controller, _panel, told = make(qtbot, make_library, tmp_path)
    with qtbot.waitSignal(controller.openRequested) as opened:
        controller._open("b")
    assert opened.args == ["b"]
    controller._open("deleted")
    assert told[-1].startswith("That article is no longer in this library")
