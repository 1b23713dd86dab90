"""The window as a person uses it: tree, previous/next, history, search, links, memory."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox

from reader.library import load_library
from reader.library.links import Location
from reader.system import paths
from reader.ui.main_window import MainWindow
from reader.user.settings import Settings
from tests.conftest import ARTIFACTS, article


@pytest.fixture
def open_window(qtbot, tmp_path):
    def open_(library_root=None, ready=True, settings_dir=None):
        library = load_library(library_root or paths.bundled_library())
        settings = Settings.in_folder(settings_dir or tmp_path / "config")
        window = MainWindow(library, settings, tmp_path / "cache")
        qtbot.addWidget(window)
        window.restore_state()
        window.show()
        qtbot.waitExposed(window)
        window.start_indexing()
        if ready:
            qtbot.waitUntil(lambda: window.search.index_ready, timeout=30000)
        return window

    return open_


def click_tree_item(qtbot, window, title):
    model = window.contents.model()
    matches = model.findItems(title, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert matches, f"{title!r} is not in the tree"
    index = matches[0].index()
    window.contents.scrollTo(index)
    rect = window.contents.visualRect(index)
    qtbot.mouseClick(window.contents.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_first_start_shows_home_page_listing_sections(open_window):
    window = open_window()
    assert window.navigator.current == Location.home()
    text = window.article_view.toPlainText()
    assert "Diabetes Basics" in text and "What Is Insulin Resistance?" in text


def test_clicking_the_tree_opens_the_article_and_breadcrumb_follows(qtbot, open_window):
    window = open_window()
    click_tree_item(qtbot, window, "What Is Insulin Resistance?")
    assert window.article_view.page.title == "What Is Insulin Resistance?"
    assert "Diabetes Basics" in window.reading.breadcrumb.text()
    assert "Last reviewed" in window.article_view.toPlainText()
    assert "not medical advice" in window.article_view.toPlainText()
    assert window.windowTitle().startswith("What Is Insulin Resistance?")


def test_previous_and_next_buttons_walk_the_library_and_show_titles(qtbot, open_window):
    window = open_window()
    library = window.library
    first = library.first_article()
    second = library.next_article(first.id)
    window.navigator.go(Location.article(first.id))
    next_button = window.toolbar.widgetForAction(window.next_action)
    assert second.title[:20] in next_button.text()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert window.navigator.current == Location.article(second.id)
    # The tree follows the current article.
    assert window.contents.current_location() == Location.article(second.id)
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.navigator.current == Location.article(first.id)
    assert not window.previous_action.isEnabled()


def test_back_and_forward(qtbot, open_window):
    window = open_window()
    ids = window.library.reading_order
    window.navigator.go(Location.article(ids[0]))
    window.navigator.go(Location.article(ids[2]))
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.navigator.current == Location.article(ids[0])
    qtbot.mouseClick(window.toolbar.widgetForAction(window.forward_action),
                     Qt.MouseButton.LeftButton)
    assert window.navigator.current == Location.article(ids[2])
    assert not window.forward_action.isEnabled()


def test_search_shows_hits_and_opens_the_article_with_hits_highlighted(qtbot, open_window):
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    with qtbot.waitSignal(window.search.resultsShown, timeout=10000):
        qtbot.keyClicks(window.search_field, "insulin resistence")
    results = window.search.last_results
    assert results.query == "insulin resistence"
    assert window.tabs.currentWidget() is window.search_panel
    assert window.search_panel.model.hit(0).title == "What Is Insulin Resistance?"
    assert "insulin resistance" in window.search_panel.status.text()  # did you mean
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.article_view.page.title == "What Is Insulin Resistance?"
    assert window.article_view.hit_count > 3
    assert len(window.article_view.extraSelections()) == window.article_view.hit_count


def test_clicking_a_hit_opens_it(qtbot, open_window):
    window = open_window()
    with qtbot.waitSignal(window.search.resultsShown, timeout=10000):
        qtbot.keyClicks(window.search_field, "double")
    view = window.search_panel.view
    rect = view.visualRect(window.search_panel.model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.article_view.page.title == window.search_panel.model.hit(0).title


def test_links_inside_articles_navigate_in_the_app(open_window):
    window = open_window()
    window.navigator.go(Location.article("diabetes-basics/what-is-type-2-diabetes"))
    window.article_view.anchorClicked.emit(
        QUrl("reader:article/diabetes-basics/what-is-insulin-resistance"))
    assert window.article_view.page.title == "What Is Insulin Resistance?"


def test_web_links_are_not_opened_but_explained(open_window, monkeypatch):
    window = open_window()
    shown = []

    def fake_exec(box):
        shown.append((box.text(), box.informativeText()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    before = window.navigator.current
    window.article_view.anchorClicked.emit(QUrl("https://diabetes.org/"))
    assert shown and "offline" in shown[0][0] and "https://diabetes.org/" in shown[0][1]
    assert window.navigator.current == before


def test_index_builds_in_background_while_reading_works(open_window, qtbot, make_library):
    root = make_library({f"{i:03d}-a{i}.md": article(f"Article {i}", "sugar " * 200)
                         for i in range(150)})
    window = open_window(root, ready=False)
    assert not window.search.index_ready  # start_indexing returned before the build ended
    window.navigator.go(Location.article(window.library.reading_order[5]))
    assert window.article_view.page.title == "Article 5"
    qtbot.waitUntil(lambda: window.search.index_ready, timeout=60000)
    assert "Search ready" in window.statusBar().currentMessage()


def test_fast_typing_shows_only_the_final_query(qtbot, open_window):
    window = open_window()
    with qtbot.waitSignal(window.search.resultsShown, timeout=10000):
        for text in ("d", "do", "dou", "doub", "doubl", "double"):
            window.search_field.setText(text)
            window.search_field.textEdited.emit(text)
    assert window.search.last_results.query == "double"


def test_window_remembers_the_last_article_and_layout(qtbot, open_window, tmp_path):
    window = open_window()
    window.navigator.go(Location.article("diabetes-basics/what-is-double-diabetes"))
    window.resize(700, 500)
    window.splitter.setSizes([250, 450])
    sizes = window.splitter.sizes()
    window.close()
    again = open_window(ready=False)
    assert again.navigator.current == Location.article("diabetes-basics/what-is-double-diabetes")
    assert again.size().width() == 700 and again.splitter.sizes() == sizes


def test_screenshot_of_main_window(qtbot, open_window):
    window = open_window()
    window.resize(1200, 800)
    window.navigator.go(Location.article("diabetes-basics/what-is-insulin-resistance"))
    with qtbot.waitSignal(window.search.resultsShown, timeout=10000):
        qtbot.keyClicks(window.search_field, "insulin resistance")
    window.search_panel.activate_current()
    qtbot.wait(50)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    image = window.grab()
    assert image.save(str(ARTIFACTS / "main_window.png"))
    assert image.width() >= 1200


def test_open_another_library_and_come_back(open_window, qtbot, make_library):
    window = open_window()
    assert not window.bundled_library_action.isEnabled()
    root = make_library({"01-clinic/_section.md": "title: Our Clinic\n",
                         "01-clinic/01-hours.md": article("Opening Hours", "Monday to Friday.")})
    assert window.open_library(root)
    assert window.library.title == "Library"
    assert window.contents.model().findItems(
        "Opening Hours", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert not window.navigator.history.can_go_back()
    qtbot.waitUntil(lambda: window.search.index_ready, timeout=30000)
    with qtbot.waitSignal(window.search.resultsShown, timeout=10000):
        qtbot.keyClicks(window.search_field, "monday")
    assert window.search_panel.model.hit(0).title == "Opening Hours"
    assert window.bundled_library_action.isEnabled()
    window.bundled_library_action.trigger()
    assert window.library.root == paths.bundled_library().resolve()


def test_a_folder_without_articles_is_refused_and_the_library_kept(open_window, monkeypatch,
                                                                    tmp_path):
    window = open_window()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    (tmp_path / "empty").mkdir()
    assert not window.open_library(tmp_path / "empty")
    assert not window.open_library(tmp_path / "missing")
    assert "no Markdown" in warnings[0] and "not a folder" in warnings[1]
    assert window.library.root == paths.bundled_library().resolve()


def test_closing_during_an_index_build_abandons_it_cleanly(open_window, qtbot, make_library,
                                                           tmp_path):
    from reader.search.store import IndexStore

    root = make_library({f"{i:03d}-a{i}.md": article(f"Article {i}", "sugar words " * 300)
                         for i in range(400)})
    window = open_window(root, ready=False)
    # Watched in the window, not through the worker's signal: pytest-qt's blocker would run
    # in the search thread and can deadlock against the window (seen in a CI run).
    qtbot.waitUntil(window.index_progress.isVisible, timeout=30000)
    window.close()  # must not wait for the whole build
    assert not window.search_thread.thread.isRunning()
    store = IndexStore(window.library.root, tmp_path / "cache")
    assert store.current_dir() is None
    assert not list(store.base.glob(".build-*"))


def test_the_next_start_opens_on_the_kept_page_without_rendering(open_window, monkeypatch,
                                                                  tmp_path):
    window = open_window(ready=False)
    window.navigator.go(Location.article("diabetes-basics/what-is-insulin-resistance"))
    window.close()  # keeps the page on screen for the next start

    def no_rendering(*_args, **_kwargs):
        raise AssertionError("the start page was rendered again")

    monkeypatch.setattr("reader.render.pages.Renderer.page", no_rendering)
    again = open_window(ready=False)
    assert again.navigator.current == Location.article("diabetes-basics/what-is-insulin-resistance")
    assert "Insulin Resistance" in again.article_view.toPlainText()


def test_a_large_library_fills_its_tree_per_section_on_demand(open_window, make_library,
                                                              monkeypatch):
    monkeypatch.setattr("reader.ui.contents.EAGER_ARTICLES", 2)
    root = make_library({f"0{s}-part-{s}/0{a}-item-{a}.md": article(f"Part {s} item {a}")
                         for s in range(1, 4) for a in range(1, 4)})
    window = open_window(root, ready=False)
    model = window.contents.model()
    assert model.rowCount() == 3
    first = model.index(0, 0)
    assert not window.contents.isExpanded(first)
    assert not model.findItems("Part 1 item 1", Qt.MatchFlag.MatchRecursive)
    window.contents.expand(first)  # what clicking the arrow does
    assert [model.index(r, 0, first).data() for r in range(model.rowCount(first))] == [
        "Part 1 item 1", "Part 1 item 2", "Part 1 item 3"]
    window.navigator.go(Location.article("part-3/item-2"))  # e.g. from search: its section opens
    assert window.contents.currentIndex().data() == "Part 3 item 2"
    assert not window.contents.isExpanded(model.index(1, 0))


def test_a_file_changed_while_closed_shows_up_after_start(open_window, make_library, qtbot,
                                                          tmp_path):
    root = make_library({"01-a.md": article("Alpha"), "02-b.md": article("Beta")})
    cached = load_library(root, tmp_path / "cache")
    path = root / "02-b.md"
    folder_time = root.stat().st_mtime_ns
    path.write_text(article("Beta, edited"), encoding="utf-8")
    os.utime(root, ns=(folder_time, folder_time))
    library = load_library(root, tmp_path / "cache", trust_snapshot=True)
    assert not library.verified and library.article("b").title == cached.article("b").title
    settings = Settings.in_folder(tmp_path / "config")
    window = MainWindow(library, settings, tmp_path / "cache")
    qtbot.addWidget(window)
    window.restore_state()
    window.show()
    window.start_indexing()
    qtbot.waitUntil(lambda: window.library.article("b").title == "Beta, edited", timeout=10000)
    assert window.contents.model().findItems("Beta, edited", Qt.MatchFlag.MatchRecursive)
    qtbot.waitUntil(lambda: window.search.index_ready, timeout=30000)


def test_an_unchanged_snapshot_library_is_marked_verified_by_the_window(
        make_library, qtbot, tmp_path):
    root = make_library({"01-a.md": article("Alpha")})
    load_library(root, tmp_path / "cache")
    library = load_library(root, tmp_path / "cache", trust_snapshot=True)
    assert not library.verified
    window = MainWindow(library, Settings.in_folder(tmp_path / "config"), tmp_path / "cache")
    qtbot.addWidget(window)
    window.show()
    window.start_indexing()
    qtbot.waitUntil(lambda: window.search.index_ready, timeout=30000)
    assert window.library is library and library.verified
