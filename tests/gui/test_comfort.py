"""Reading comfort and clinic features, as a person uses them in the window."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette, QTextCursor

from reader.library.links import Location
from reader.render.pages import NOTICE_TEXT
from reader.ui.help import ShortcutsDialog, about_html
from reader.user.bookmarks import BookmarkStore
from reader.user.settings import Settings
from tests.conftest import ARTIFACTS, article

IR = "diabetes-basics/what-is-insulin-resistance"


def visible(view) -> str:
    """The article's text as read (units are kept whole with invisible characters)."""
    return view.toPlainText().replace("\u00a0", " ").replace("\u2060", "")


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


@pytest.fixture
def window(make_window):
    return lambda library_root=None: make_window(library_root, active=True)


def test_export_pdf_is_a_clean_handout(window, tmp_path):
    win = window()
    win.navigator.go(Location.article(IR))
    target = win.export_pdf(tmp_path / "handout.pdf")
    text = pdf_text(target)
    assert "What Is Insulin Resistance?" in text
    assert "Insulin resistance means your cells do not respond well to insulin" in text
    assert " ".join(NOTICE_TEXT.split()) in text
    assert "Last reviewed" in text and "Next review due" in text
    assert "Diabetes Reader Library" in text
    assert "Next:" not in text and "Open the live diagram" not in text


def test_export_command_without_a_window(tmp_path):
    target = tmp_path / "out.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    result = subprocess.run([sys.executable, "-m", "reader", "export",
                             "lows-highs-and-sick-days/treating-a-low-the-15-15-rule",
                             "--pdf", str(target)], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    text = pdf_text(target)
    assert "Treating a Low: the 15-15 Rule" in text and "15 grams" in text
    assert " ".join(NOTICE_TEXT.split()) in text
    missing = subprocess.run([sys.executable, "-m", "reader", "export", "nope", "--pdf",
                              str(tmp_path / "x.pdf")], capture_output=True, text=True, env=env)
    assert missing.returncode == 2 and "no article" in missing.stderr


def test_zoom_changes_text_everywhere_and_is_kept(window, qtbot):
    win = window()
    win.navigator.go(Location.article(IR))
    article_size = win.article_view.document().defaultFont().pointSizeF()
    tree_size = win.contents.font().pointSizeF()
    qtbot.keyClick(win, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert win.preferences.zoom == 125
    assert win.article_view.document().defaultFont().pointSizeF() > article_size * 1.2
    assert win.contents.font().pointSizeF() > tree_size * 1.2
    assert win.search_panel.view.font().pointSizeF() > tree_size * 1.2
    win.close()
    again = window()
    assert again.preferences.zoom == 125
    qtbot.keyClick(again, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.preferences.zoom == 100
    for _ in range(20):
        again.zoom_in()
    assert again.preferences.zoom == 250 and not again.zoom_in_action.isEnabled()


@pytest.mark.parametrize("theme", ["dark", "high-contrast"])
def test_theme_changes_article_and_tree_colours(window, theme):
    win = window()
    win.navigator.go(Location.article(IR))
    light_base = win.contents.palette().color(QPalette.ColorRole.Base).lightness()
    win.look.theme_actions[theme].trigger()
    assert win.look.theme == theme
    assert win.contents.palette().color(QPalette.ColorRole.Base).lightness() < light_base
    assert "background-color: #" in win.article_view.document().defaultStyleSheet()
    base = win.article_view.palette().color(QPalette.ColorRole.Base).name()
    assert f"body {{ color: {win.article_view.palette().color(QPalette.ColorRole.Text).name()}" \
        in win.article_view.document().defaultStyleSheet()
    assert base in win.article_view.document().defaultStyleSheet()
    assert Settings.in_folder(win.settings.path.parent).get("theme") is None  # saved on close
    win.close()
    assert Settings.in_folder(win.settings.path.parent).get("theme") == theme


def test_find_in_page_counts_and_steps(window, qtbot):
    win = window()
    win.navigator.go(Location.article(IR))
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.reading.find_bar.isVisible() and win.reading.find_bar.field.hasFocus()
    qtbot.keyClicks(win.reading.find_bar.field, "glucose")
    total = win.article_view.find_count
    assert total >= 2
    first = win.article_view.find_current
    assert win.reading.find_bar.count.text() == f"{first + 1} of {total}"
    qtbot.keyClick(win.reading.find_bar.field, Qt.Key.Key_Return)
    assert win.article_view.find_current == (first + 1) % total
    qtbot.keyClick(win.reading.find_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert win.article_view.find_current == first
    qtbot.keyClick(win.reading.find_bar.field, Qt.Key.Key_F3)
    assert win.reading.find_bar.count.text() == f"{(first + 1) % total + 1} of {total}"
    assert len(win.article_view.extraSelections()) == total
    qtbot.keyClick(win.reading.find_bar.field, Qt.Key.Key_Escape)
    assert not win.reading.find_bar.isVisible() and win.article_view.extraSelections() == []
    win.reading.find_bar.open_bar()
    win.reading.find_bar.field.setText("zzzz not here")
    assert win.reading.find_bar.count.text() == "No matches"


def test_bookmarks_survive_restart_and_show_missing_articles(window, qtbot, tmp_path,
                                                             make_library):
    win = window()
    win.navigator.go(Location.article(IR))
    qtbot.keyClick(win, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert win.bookmark_action.isChecked()
    assert win.bookmarks_panel.list.count() == 1
    stored = BookmarkStore.in_folder(tmp_path / "data")
    assert [b.article_id for b in stored.for_library(win.library.key)] == [IR]
    # The same bookmarks file, with a library that lost the article:
    root = make_library({"a.md": article("Alpha")})
    stored.add(str(root), "gone", "A Deleted Article")
    stored.add(str(root), "a", "Alpha")
    stored.save()
    win.close()
    other = window(root)
    texts = [other.bookmarks_panel.list.item(i).text()
             for i in range(other.bookmarks_panel.list.count())]
    assert texts == ["A Deleted Article (no longer in this library)", "Alpha"]
    other.bookmarks_panel.list.setCurrentRow(1)
    other.bookmarks_panel.up_button.click()
    assert other.bookmarks_panel.list.item(0).text() == "Alpha"
    other.bookmarks_panel.list.setCurrentRow(1)
    other.bookmarks_panel.remove_button.click()
    assert other.bookmarks_panel.list.count() == 1


def test_glossary_term_shows_its_definition(window):
    win = window()
    win.navigator.go(Location.article(IR))
    view = win.article_view
    cursor = view.document().find("beta cells")
    assert not cursor.isNull()
    inside = QTextCursor(view.document())
    inside.setPosition(cursor.selectionStart() + 1)
    view.setTextCursor(inside)
    view.ensureCursorVisible()
    point = view.cursorRect(inside).center() + QPoint(2, 0)
    tip = view.tooltip_at(point)
    assert tip.startswith("Beta Cell: A cell in the pancreas that makes insulin")


def test_units_setting_changes_the_article(window):
    win = window()
    win.navigator.go(Location.article("lows-highs-and-sick-days/treating-a-low-the-15-15-rule"))
    assert "70 mg/dL (3.9 mmol/L)" in visible(win.article_view)
    win.look.unit_actions["mmol"].trigger()
    text = visible(win.article_view)
    assert "3.9 mmol/L" in text and "70 mg/dL" not in text
    win.look.unit_actions["mg"].trigger()
    text = visible(win.article_view)
    assert "70 mg/dL" in text and "3.9 mmol/L" not in text


def test_every_action_is_listed_in_keyboard_shortcuts_and_named(window):
    win = window()
    dialog = ShortcutsDialog(win.actions(), win)
    listed = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    for name in ("Print", "Export PDF", "Zoom In", "Find in Article", "Bookmark This Article",
                 "Back", "Next Article", "Search", "Keyboard Shortcuts"):
        assert name in listed
    for widget in (win.search_field, win.contents, win.article_view, win.search_panel.view,
                   win.bookmarks_panel.list, win.reading.find_bar.field, win.tabs,
                   win.reading.breadcrumb):
        assert widget.accessibleName()
    html = about_html(win.library)
    assert "last updated 2 December 2026" in html and "not medical advice" in html


def test_home_page_offers_start_here_and_recent(window):
    win = window()
    win.navigator.go(Location.article(IR))
    win.navigator.home()
    text = win.article_view.toPlainText()
    assert "New to diabetes? Start here" in text
    assert "Newly Diagnosed: Your First Weeks" in text
    assert "Recently read" in text and "What Is Insulin Resistance?" in text


@pytest.mark.parametrize(("theme", "zoom"), [("light", 100), ("dark", 100),
                                             ("high-contrast", 100), ("light", 200)])
def test_screenshots(window, qtbot, theme, zoom):
    win = window()
    win.look.set_theme(theme)
    win.apply_zoom(zoom)
    win.navigator.go(Location.article("lows-highs-and-sick-days/treating-a-low-the-15-15-rule"))
    with qtbot.waitSignal(win.search.resultsShown, timeout=30000):
        win.start_indexing()
        win.search.search_for("shaky")
    win.navigator.go(Location.article("lows-highs-and-sick-days/treating-a-low-the-15-15-rule"))
    qtbot.wait(50)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert win.grab().save(str(ARTIFACTS / f"window-{theme}-{zoom}.png"))
