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
from reader.system.i18n import QT_TRANSLATE_NOOP, translate

#: Keys that belong to a place rather than to a menu command: what they do (in English, shown
#: as ``translate("Help", …)``) and the keys (not translated, but for the one with a word).
OTHER_KEYS = (
    (QT_TRANSLATE_NOOP("Help", "Search box: open the first (or selected) result"), "Enter"),
    (QT_TRANSLATE_NOOP("Help", "Search box: go to the results"), "Down"),
    (QT_TRANSLATE_NOOP("Help", "Search box: clear the search"), "Esc"),
    (QT_TRANSLATE_NOOP("Help", "Article: move between links, glossary words and buttons"),
     "Tab / Shift+Tab"),
    (QT_TRANSLATE_NOOP("Help", "Article: follow the selected link"), "Enter"),
    (QT_TRANSLATE_NOOP("Help", "Find bar: next / previous match"),
     "Enter / Shift+Enter, F3 / Shift+F3"),
    (QT_TRANSLATE_NOOP("Help", "Find bar: close"), "Esc"),
    (QT_TRANSLATE_NOOP("Help", "Bookmarks list: remove / move up / move down"),
     "Delete, Alt+Up, Alt+Down"),
    (QT_TRANSLATE_NOOP("Help", "Diagram: switch state"),
     QT_TRANSLATE_NOOP("Help", "1, 2, 3 or Left / Right")),
    (QT_TRANSLATE_NOOP("Help", "Diagram: pause or play / one step"), "Space / ."),
)


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """``(what it does, keys)`` for every action that has keys, then the other keys."""
    rows = []
    for action in actions:
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                         for k in action.shortcuts() if not k.isEmpty())
        if keys:
            # A command's lasting name is its English text (see actions.make_action).
            data = action.data()
            name = translate("Actions", data) if isinstance(data, str) else action.text()
            rows.append((name.replace("&", "").rstrip("…"), keys))
    # translate() gives the keys back as they are, but for the one marked above.
    return rows + [(translate("Help", what), translate("Help", keys)) for what, keys in OTHER_KEYS]


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard Shortcuts"))
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([translate("ShortcutsDialog", "What it does"),
                                              translate("ShortcutsDialog", "Keys")])
        self.table.setAccessibleName(translate("ShortcutsDialog", "Keyboard shortcuts"))
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
    return format_date(max(dates)) if dates else translate("Help", "not stated")


def about_html(library: Library) -> str:
    count = len(library.reading_order)
    updated = escape(library_updated(library))
    articles = (translate("Help", "1 article, last updated {updated}") if count == 1 else
                translate("Help", "{count} articles, last updated {updated}"))
    return (
        f"<h3>{APP_NAME} {escape(__version__)}</h3>"
        + translate("Help", "<p>An offline library of plain-language articles about diabetes.</p>")
        + translate("Help", "<p><b>Library:</b> {title}<br>{articles}<br>{folder}</p>").format(
            title=escape(library.title), articles=articles.format(count=count, updated=updated),
            folder=escape(str(library.root)))
        + translate("Help", "<p><b>Please note.</b> {notice}</p>").format(
            notice=escape(translate("Page", NOTICE_TEXT)))
    )


def show_about(library: Library, parent: QWidget) -> None:
    QMessageBox.about(parent, translate("Help", "About {app}").format(app=APP_NAME),
                      about_html(library))
