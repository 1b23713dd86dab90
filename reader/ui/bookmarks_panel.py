"""The Bookmarks list beside Contents and Search: open, remove and reorder bookmarks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.system.i18n import translate
from reader.user.bookmarks import Bookmark

_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class BookmarksPanel(QWidget):
    openRequested = Signal(str)  # noqa: N815 — article id
    removeRequested = Signal(str)  # noqa: N815
    moveRequested = Signal(str, int)  # noqa: N815 — article id, -1 up / +1 down

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = QLabel(translate(
            "BookmarksPanel", "Bookmark an article with Ctrl+D to find it here again."), self)
        self.hint.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("BookmarksPanel", "Bookmarks"))
        self.list.setAccessibleDescription(translate(
            "BookmarksPanel", "Enter opens, Delete removes, Alt+Up and Alt+Down move a bookmark"))
        self.remove_button = QPushButton(translate("BookmarksPanel", "&Remove"), self)
        self.up_button = QPushButton(translate("BookmarksPanel", "Move &Up"), self)
        self.down_button = QPushButton(translate("BookmarksPanel", "Move Do&wn"), self)
        buttons = QHBoxLayout()
        for button in (self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.itemActivated.connect(lambda item: self.openRequested.emit(item.data(_ID_ROLE)))
        self.list.itemClicked.connect(lambda item: self.openRequested.emit(item.data(_ID_ROLE)))
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self._remove,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Alt+Up"), self.list, lambda: self._move(-1),
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Alt+Down"), self.list, lambda: self._move(1),
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.list.currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    def show_bookmarks(self, bookmarks: list[Bookmark], existing: set[str],
                       current: str | None = None) -> None:
        """List ``bookmarks``; those whose article is not in the library are marked so."""
        self.list.clear()
        for bookmark in bookmarks:
            gone = bookmark.article_id not in existing
            text = translate("BookmarksPanel", "{title} (no longer in this library)").format(
                title=bookmark.title) if gone else bookmark.title
            item = QListWidgetItem(text)
            item.setData(_ID_ROLE, bookmark.article_id)
            item.setToolTip(translate("BookmarksPanel", "Bookmarked {date}").format(
                date=bookmark.added) if bookmark.added else text)
            if gone:
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(self.palette().placeholderText())
            self.list.addItem(item)
            if bookmark.article_id == current:
                self.list.setCurrentItem(item)
        self.hint.setVisible(not bookmarks)
        self._update_buttons()

    def id_at(self, point) -> str | None:
        """The article id of the bookmark at ``point`` in the list (for its context menu)."""
        item = self.list.itemAt(point)
        return item.data(_ID_ROLE) if item is not None else None

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(_ID_ROLE) if item is not None else None

    def _remove(self) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.removeRequested.emit(article_id)

    def _move(self, step: int) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.moveRequested.emit(article_id, step)

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
