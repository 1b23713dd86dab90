"""The find bar over the article: every match highlighted, "3 of 7", Enter/F3 to step."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.system.i18n import translate


class FindBar(QWidget):
    """Forwards what to find; the article view does the highlighting."""

    searchChanged = Signal(str)  # noqa: N815
    stepRequested = Signal(bool)  # noqa: N815 — True: next, False: previous
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(translate("FindBar", "Find in this article"))
        self.field.setAccessibleName(translate("FindBar", "Find in this article"))
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setAccessibleName(translate("FindBar", "Matches"))
        self.count.setMinimumWidth(90)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("▲")
        self.previous_button.setToolTip(translate("FindBar",
                                                  "Previous match (Shift+Enter, Shift+F3)"))
        self.previous_button.setAccessibleName(translate("FindBar", "Previous match"))
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.next_button.setToolTip(translate("FindBar", "Next match (Enter, F3)"))
        self.next_button.setAccessibleName(translate("FindBar", "Next match"))
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip(translate("FindBar", "Close the find bar (Esc)"))
        self.close_button.setAccessibleName(translate("FindBar", "Close find bar"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel(translate("FindBar", "Find:"), self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.field.textChanged.connect(self.searchChanged.emit)
        self.next_button.clicked.connect(lambda: self.stepRequested.emit(True))
        self.previous_button.clicked.connect(lambda: self.stepRequested.emit(False))
        self.close_button.clicked.connect(self.close_bar)
        self.field.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        # The field has focus while typing: Esc, Shift+Enter and F3 must work from there.
        if watched is self.field and event.type() == event.Type.KeyPress:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.stepRequested.emit(not shift)
                return True
            if event.matches(QKeySequence.StandardKey.FindNext):
                self.stepRequested.emit(True)
                return True
            if event.matches(QKeySequence.StandardKey.FindPrevious):
                self.stepRequested.emit(False)
                return True
        return super().eventFilter(watched, event)

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text():
            self.searchChanged.emit(self.field.text())

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_count(self, current: int, total: int) -> None:
        if not self.field.text().split():
            self.count.setText("")
        elif total == 0:
            self.count.setText(translate("FindBar", "No matches"))
        else:
            self.count.setText(translate("FindBar", "{current} of {total}").format(
                current=current + 1, total=total))

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:  # also when a button has the focus
            self.close_bar()
        else:
            super().keyPressEvent(event)
