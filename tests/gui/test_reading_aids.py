"""Screen readers and keyboard reading, through Qt's accessibility interfaces (offscreen): the
On This Page list, the caret in the article, names, and what is announced."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from reader.library import read_source
from reader.library.links import Location
from reader.render.themes import PALETTES, contrast_ratio, reading_mark
from reader.user.preferences import ZOOM_STEPS

LOWS = "lows-highs-and-sick-days/low-blood-sugar-signs-and-causes"


@pytest.fixture
def window(make_window):
    return make_window()


def section_headings(library, article_id: str) -> list[str]:
    """The article's ``##`` headings as its author wrote them (Markdown stripped)."""
    source = read_source(library, library.articles[article_id]).body
    return [re.sub(r"[*_`]", "", line[3:]).strip() for line in source.splitlines()
            if line.startswith("## ")]


def accessible(widget) -> QAccessible:
    return QAccessible.queryAccessibleInterface(widget)


def test_on_this_page_lists_every_section_heading_as_an_accessible_item(window):
    window.navigator.go(Location.article(LOWS))
    expected = section_headings(window.library, LOWS)
    assert len(expected) >= 7
    panel = window.headings_panel
    # The author's sections, then the page's own (the sources every article names).
    assert panel.texts() == [*expected, "Sources"]
    tree = accessible(panel.tree)
    assert tree.text(QAccessible.Text.Name) == "On this page"
    assert tree.role() in (QAccessible.Role.Tree, QAccessible.Role.List, QAccessible.Role.Table)
    names = set()
    for index in range(tree.childCount()):
        child = tree.child(index)
        names.add(child.text(QAccessible.Text.Name))
    assert set(expected) <= names
    # Another article: the list follows.
    window.navigator.go(Location.article("diabetes-basics/what-is-insulin-resistance"))
    assert panel.texts()[:-1] == section_headings(window.library,
                                                  "diabetes-basics/what-is-insulin-resistance")


def test_choosing_a_heading_moves_the_view_and_the_keyboard_caret_there(window, qtbot):
    window.navigator.go(Location.article(LOWS))
    view, panel = window.article_view, window.headings_panel
    window.on_this_page_action.trigger()
    assert window.tabs.currentWidget() is panel and panel.tree.hasFocus()
    target = panel.tree.topLevelItem(4)
    panel.tree.setCurrentItem(target)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    caret = view.textCursor()
    assert caret.block().text().strip() == target.text(0)
    assert view.hasFocus()
    assert view.top_position() <= caret.position() + 1
    assert view.verticalScrollBar().value() > 0
    # Arrow keys move the caret through the text (caret browsing).
    assert view.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    before = view.textCursor().position()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.textCursor().position() > before


def test_on_this_page_follows_the_scroll_position(window):
    window.navigator.go(Location.article(LOWS))
    view, panel = window.article_view, window.headings_panel
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert panel.tree.currentItem().text(0) == panel.texts()[-1]
    bar.setValue(0)
    assert panel.tree.currentItem() is None or panel.tree.currentItem().text(0) == (
        panel.texts()[0])


def test_a_heading_chosen_near_the_end_stays_chosen(window, qtbot):
    """The last sections cannot scroll to the top: the one chosen must not give way to the
    last heading on screen."""
    window.resize(1200, 1400)  # a tall window: the last sections cannot reach its top
    qtbot.wait(100)
    window.navigator.go(Location.article(LOWS))
    qtbot.wait(100)  # laid out at the new size
    view, panel = window.article_view, window.headings_panel
    chosen = panel._items[-2]  # the heading before the last
    panel.tree.setCurrentItem(chosen)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert view.at_end()  # the page could not scroll it to the top
    assert panel.tree.currentItem() is chosen
    view.verticalScrollBar().setValue(0)  # scrolling away still follows
    assert panel.tree.currentItem().text(0) == panel.texts()[0]


def test_the_article_is_named_by_its_title_and_opening_it_is_announced(window):
    window.navigator.go(Location.article(LOWS))
    title = window.library.articles[LOWS].title
    assert accessible(window.article_view).text(QAccessible.Text.Name) == title
    assert window.announcer.last == f"Opened {title}"
    heard = []
    window.announcer.announced.connect(heard.append)
    window.statusBar().showMessage("That article is no longer in this library.")
    assert heard == ["That article is no longer in this library."]


def test_a_search_result_count_and_did_you_mean_are_announced_once_typing_settles(window,
                                                                                   qtbot):
    window.start_indexing()
    qtbot.waitUntil(lambda: window.search.index_ready, timeout=60000)
    heard = []
    window.announcer.announced.connect(heard.append)
    window.search.search_for("insulin resistence")
    qtbot.waitUntil(lambda: any("found for" in text for text in heard), timeout=10000)
    said = next(text for text in heard if "found for" in text)
    assert re.match(r"\d+ articles? found for insulin resistence\. Did you mean insulin "
                    r"resistance\?", said), said


def test_every_panel_and_control_of_the_reading_aids_is_named(window):
    window.navigator.go(Location.article(LOWS))
    bar = window.reading.read_aloud_bar
    for widget in (window.headings_panel.tree, bar, bar.speed, bar.voice, bar.status):
        assert accessible(widget).text(QAccessible.Text.Name), widget
    for button in (window.headings_panel.read_button, bar.pause_button, bar.stop_button):
        assert button.text().replace("&", "")
    tabs = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert tabs == ["Contents", "Search", "Bookmarks", "On This Page", "Handout"]


def test_the_largest_text_size_keeps_the_new_panel_readable(window):
    window.navigator.go(Location.article(LOWS))
    window.apply_zoom(ZOOM_STEPS[-1])
    panel = window.headings_panel
    base = window._base_font.pointSizeF()
    assert panel.tree.font().pointSizeF() == pytest.approx(base * ZOOM_STEPS[-1] / 100)
    bar = window.tabs.tabBar()
    for index in range(window.tabs.count()):
        # Every tab's whole name fits (the side panel widens to the larger tabs).
        assert bar.tabRect(index).width() >= bar.fontMetrics().horizontalAdvance(
            window.tabs.tabText(index).replace("&", ""))
    assert window.tabs.width() >= bar.sizeHint().width()
    window.apply_zoom(100)


@pytest.mark.parametrize("theme", sorted(PALETTES))
def test_the_sentence_read_aloud_is_marked_readably_in_every_theme(theme):
    background, text, line = reading_mark(PALETTES[theme])
    assert contrast_ratio(text, background) >= 7
    base = PALETTES[theme]["Base"]
    # The underline stands out from the page, or the mark itself does (7:1, high contrast).
    assert contrast_ratio(line, base) >= 3 or contrast_ratio(background, base) >= 7
    assert background != base
