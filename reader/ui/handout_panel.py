"""The Handout tab: the articles chosen for a patient, in order (drag them, or Alt+Up and
Alt+Down), the note for this patient, a cover page or not, and Print / Save PDF. It only shows
and forwards; ``handout_controller.py`` keeps the list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.system.i18n import translate

_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class HandoutPanel(QWidget):
    removeRequested = Signal(str)  # noqa: N815 — article id
    moveRequested = Signal(str, int)  # noqa: N815 — article id, its new position
    orderChanged = Signal(list)  # noqa: N815 — every id, in the order dragged
    clearRequested = Signal()  # noqa: N815
    presetRequested = Signal(str)  # noqa: N815 — "" for Start here, else a section's id
    printRequested = Signal()  # noqa: N815
    pdfRequested = Signal()  # noqa: N815
    clinicRequested = Signal()  # noqa: N815
    openRequested = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = QLabel(translate(
            "HandoutPanel", "Choose Add to Handout (Ctrl+Shift+H) on articles to print them "
            "together for a patient, with your clinic's name."), self)
        self.hint.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("HandoutPanel", "Articles in the handout"))
        self.list.setAccessibleDescription(translate(
            "HandoutPanel", "In print order. Alt+Up and Alt+Down move an article, Delete "
            "removes it; you can also drag them."))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.model().rowsMoved.connect(lambda *_: self.orderChanged.emit(self.ids()))
        self.remove_button = QPushButton(translate("HandoutPanel", "Re&move"), self)
        self.up_button = QPushButton(translate("HandoutPanel", "Move Up"), self)
        self.down_button = QPushButton(translate("HandoutPanel", "Move Down"), self)
        self.clear_button = QPushButton(translate("HandoutPanel", "Clea&r"), self)
        self.presets = QToolButton(self)
        self.presets.setText(translate("HandoutPanel", "Add a Read&y Set"))
        self.presets.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.presets.setMenu(QMenu(self.presets))
        note_label = QLabel(translate("HandoutPanel", "Note for th&is patient:"), self)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(translate("HandoutPanel", "Next visit: …"))
        self.note.setAccessibleName(translate("HandoutPanel", "Note for this patient"))
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.note.setTabChangesFocus(True)
        note_label.setBuddy(self.note)
        self.cover = QCheckBox(translate("HandoutPanel", "Begin &with a cover page"), self)
        self.print_button = QPushButton(translate("HandoutPanel", "Print…"), self)
        self.pdf_button = QPushButton(translate("HandoutPanel", "Save as PDF…"), self)
        self.clinic_button = QPushButton(translate("HandoutPanel", "Clinic Details…"), self)
        rows = [(self.remove_button, self.up_button, self.down_button, self.clear_button),
                (self.print_button, self.pdf_button)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        for widgets in rows[:1]:
            row = QHBoxLayout()
            for widget in widgets:
                row.addWidget(widget)
            layout.addLayout(row)
        layout.addWidget(self.presets)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addWidget(self.cover)
        row = QHBoxLayout()
        for widget in rows[1]:
            row.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.clinic_button)
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.clear_button.clicked.connect(self.clearRequested)
        self.print_button.clicked.connect(self.printRequested)
        self.pdf_button.clicked.connect(self.pdfRequested)
        self.clinic_button.clicked.connect(self.clinicRequested)
        self.list.itemActivated.connect(lambda item: self.openRequested.emit(item.data(_ID_ROLE)))
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self._remove,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Alt+Up"), self.list, lambda: self._move(-1),
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Alt+Down"), self.list, lambda: self._move(1),
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.list.currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_presets(self, presets: list[tuple[str, str]]) -> None:
        """``(key, label)`` of each ready set ("" is the Start here booklet)."""
        menu = self.presets.menu()
        menu.clear()
        for key, label in presets:
            menu.addAction(label, lambda key=key: self.presetRequested.emit(key))

    def show_items(self, items: list[tuple[str, str]], current: str | None = None) -> None:
        """``(article id, title)`` in print order; ``current`` stays selected."""
        self.list.clear()
        for number, (article_id, title) in enumerate(items, start=1):
            item = QListWidgetItem(f"{number}. {title}")
            item.setData(_ID_ROLE, article_id)
            item.setToolTip(title)
            self.list.addItem(item)
            if article_id == current:
                self.list.setCurrentItem(item)
        self.hint.setVisible(not items)
        self._update_buttons()

    def ids(self) -> list[str]:
        return [self.list.item(row).data(_ID_ROLE) for row in range(self.list.count())]

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(_ID_ROLE) if item is not None else None

    def _remove(self) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.removeRequested.emit(article_id)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        article_id = self.current_id()
        if article_id is not None and 0 <= row + step < self.list.count():
            self.moveRequested.emit(article_id, row + step)

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        for button in (self.clear_button, self.print_button, self.pdf_button):
            button.setEnabled(count > 0)
