"""The main window as the reader sees it, for the window tests: made on the bundled library
(or another), shown, with settings, cache and data in the test's own folder, and read aloud
through Qt's mock speech engine."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from reader.library import load_library
from reader.system import paths
from reader.ui.main_window import MainWindow
from reader.user.settings import Settings


@pytest.fixture
def make_window(qtbot, tmp_path, monkeypatch):
    """``make_window(library_root=None, active=False)`` → a shown MainWindow; ``active``
    makes it the active window with the article focused (window shortcuts need it)."""
    monkeypatch.setenv("DIABETES_READER_SPEECH_ENGINE", "mock")
    made: list[MainWindow] = []

    def make(library_root=None, active: bool = False) -> MainWindow:
        library = load_library(library_root or paths.bundled_library())
        win = MainWindow(library, Settings.in_folder(tmp_path / "config"), tmp_path / "cache",
                         tmp_path / "data")
        qtbot.addWidget(win)
        win.resize(1200, 800)
        win.restore_state()
        win.show()
        qtbot.waitExposed(win)
        if active:
            win.activateWindow()  # window shortcuts only reach the active window
            qtbot.waitUntil(win.isActiveWindow)
            win.article_view.setFocus()
        made.append(win)
        return win

    yield make
    for win in made:
        win.read_aloud.shutdown()  # no engine process outlives its test
    QApplication.instance().setPalette(QPalette())  # the next test starts in the light theme
