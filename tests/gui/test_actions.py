"""The window's commands as data: the table is whole, and the menus show it as before."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from reader.library import load_library
from reader.system import paths
from reader.ui.actions import ARTICLE_TOOLBAR, COMMANDS, MENUS, TOOLBAR
from reader.ui.main_window import MainWindow
from reader.user.settings import Settings


def test_every_command_is_placed_once_and_every_placed_name_is_a_command():
    names = [c.name for c in COMMANDS]
    assert len(names) == len(set(names))
    placed = [item for _, items in MENUS for item in items
              if item is not None and not item.startswith("@")]
    assert sorted(placed) == sorted(names)  # each in exactly one menu
    assert {t for t in (*TOOLBAR, *ARTICLE_TOOLBAR) if t} <= set(names)


def test_the_window_has_each_action_with_its_keys_and_no_key_twice(qtbot, tmp_path):
    window = MainWindow(load_library(paths.bundled_library()),
                        Settings.in_folder(tmp_path / "config"), tmp_path / "cache")
    qtbot.addWidget(window)
    seen: dict[str, str] = {}
    for command in COMMANDS:
        action = getattr(window, f"{command.name}_action")
        assert action.data() == command.text and action.isCheckable() == command.checkable
        for key in action.shortcuts():
            text = key.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in seen, f"{text} is both {seen[text]} and {command.name}"
            seen[text] = command.name
    assert window.next_action.shortcut().toString() == "Ctrl+PgDown"
    menus = [(m.title(), [a.text() for a in m.actions() if not a.isSeparator()])
             for m in (a.menu() for a in window.menuBar().actions())]
    assert [title for title, _ in menus] == ["&File", "&Edit", "&Go", "&View", "&Bookmarks",
                                             "&Listen", "&Help"]
    view = dict(menus)["&View"]
    # The counterpart command is named in the language it goes to (Spanish, from English).
    assert view == ["Zoom &In", "Zoom &Out", "&Actual Size", "&Theme", "&Glucose Units",
                    "&Language", "Leer en español", "Glucose and Insulin &Diagram"]
    toolbar = [a.text() for a in window.toolbar.actions() if not a.isSeparator()]
    assert toolbar[:5] == ["&Back", "&Forward", "&Home", "&Previous Article", "&Next Article"]


def test_triggering_an_action_runs_its_command(qtbot, tmp_path):
    window = MainWindow(load_library(paths.bundled_library()),
                        Settings.in_folder(tmp_path / "config"), tmp_path / "cache")
    qtbot.addWidget(window)
    window.next_action.trigger()
    assert window.navigator.current is not None and window.navigator.current.kind == "article"
    window.zoom_in_action.trigger()
    assert window.preferences.zoom > 100
