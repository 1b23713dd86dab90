"""Help › Keyboard Shortcuts and Help › About."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME, __version__
from reader.library.model import Library
from reader.render.pages import NOTICE_TEXT, format_date

#: Keys that belong to a place rather than to a menu command.
OTHER_KEYS = (
    ("Search box: open the first (or selected) result", "Enter"),
    ("Search box: go to the results", "Down"),
    ("Search box: clear the search", "Esc"),
    ("Article: move between links, glossary words and buttons", "Tab / Shift+Tab"),
    ("Article: follow the selected link", "Enter"),
    ("Find bar: next / previous match", "Enter / Shift+Enter, F3 / Shift+F3"),
    ("Find bar: close", "Esc"),
    ("Bookmarks list: remove / move up / move down", "Delete, Alt+Up, Alt+Down"),
    ("Diagram: switch state", "1, 2, 3 or Left / Right"),
    ("Diagram: pause or play / one step", "Space / ."),
)


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """``(what it does, keys)`` for every action that has keys, then the other keys."""
    rows = []
    for action in actions:
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                         for k in action.shortcuts() if not k.isEmpty())
        if keys:
            name = action.data() if isinstance(action.data(), str) else action.text()
            rows.append((name.replace("&", "").rstrip("…"), keys))
    return rows + list(OTHER_KEYS)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels(["What it does", "Keys"])
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 560)


def library_updated(library: Library) -> str:
    """The newest "updated" date of any article, for About."""
    dates = [a.updated for a in library.articles.values() if a.updated]
    return format_date(max(dates)) if dates else "not stated"


def about_html(library: Library) -> str:
    return (
        f"<h3>{APP_NAME} {escape(__version__)}</h3>"
        "<p>An offline library of plain-language articles about diabetes.</p>"
        f"<p><b>Library:</b> {escape(library.title)}<br>"
        f"{len(library.reading_order)} articles, last updated {escape(library_updated(library))}"
        f"<br>{escape(str(library.root))}</p>"
        f"<p><b>Please note.</b> {escape(NOTICE_TEXT)}</p>"
    )


def show_about(library: Library, parent: QWidget) -> None:
    QMessageBox.about(parent, f"About {APP_NAME}", about_html(library))
