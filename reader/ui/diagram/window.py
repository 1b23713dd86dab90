"""The live diagram in a window of its own, with its controls: the states, pause and play,
step, and reduced motion; the description below says in words what the picture shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.diagram.states import STATES
from reader.system.i18n import translate
from reader.ui.announcer import Announcer
from reader.ui.diagram.widget import DiagramWidget


class DiagramWindow(QWidget):
    """The live diagram with its controls, as a window of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(translate("DiagramWindow", "How Insulin Gets Glucose into Cells"))
        self.diagram = DiagramWidget(self)
        #: A new state is said to screen-reader users: the picture changed without a focus move.
        self.announcer = Announcer(self)
        self.buttons = QButtonGroup(self)
        row = QHBoxLayout()
        for number, state in enumerate(STATES.values(), start=1):
            button = QRadioButton(translate("DiagramWindow", "&{number} {name}").format(
                number=number, name=translate("DiagramState", state.name)), self)
            button.setAccessibleDescription(translate("DiagramState", state.caption))
            self.buttons.addButton(button, number - 1)
            row.addWidget(button)
            if state is self.diagram.state:
                button.setChecked(True)
        row.addStretch(1)
        self.pause_button = QPushButton(translate("DiagramWindow", "&Pause"), self)
        self.pause_button.setCheckable(True)
        self.pause_button.setToolTip(
            translate("DiagramWindow", "Pause or play the animation (Space)"))
        self.step_button = QPushButton(translate("DiagramWindow", "S&tep"), self)
        self.step_button.setToolTip(
            translate("DiagramWindow", "Move the animation on one step (.)"))
        self.reduced = QCheckBox(translate("DiagramWindow", "&Reduced motion"), self)
        self.reduced.setToolTip(translate("DiagramWindow", "Show a still picture with no movement"))
        row.addWidget(self.pause_button)
        row.addWidget(self.step_button)
        row.addWidget(self.reduced)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setAccessibleName(translate("DiagramWindow", "What the diagram shows"))
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.diagram, 1)
        layout.addWidget(self.description)
        keys = list(STATES)
        self.buttons.idClicked.connect(lambda index: self.diagram.set_state(keys[index]))
        self.diagram.stateChanged.connect(self._on_state)
        self.pause_button.toggled.connect(self._on_pause)
        self.step_button.clicked.connect(self.diagram.step)
        self.reduced.toggled.connect(self.diagram.set_reduced_motion)
        close = QShortcut(QKeySequence.StandardKey.Close, self)
        close.activated.connect(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.close)
        self._on_state(self.diagram.state.key, announce=False)
        self.resize(980, 820)

    def show_state(self, key: str) -> None:
        """Show the window in state ``key``, raised, with the keyboard on the diagram."""
        self.diagram.set_state(key)
        self.show()
        self.raise_()
        self.activateWindow()
        self.diagram.setFocus()

    def _on_state(self, key: str, announce: bool = True) -> None:
        index = list(STATES).index(key)
        button = self.buttons.button(index)
        if button is not None and not button.isChecked():
            button.setChecked(True)
        state = STATES[key]
        self.description.setText(translate("DiagramState", state.description))
        if announce:
            self.announcer.announce(translate("DiagramWindow", "{title}. {caption}").format(
                title=translate("DiagramState", state.title),
                caption=translate("DiagramState", state.caption)))

    def _on_pause(self, paused: bool) -> None:
        self.pause_button.setText(translate("DiagramWindow", "&Play") if paused
                                  else translate("DiagramWindow", "&Pause"))
        self.diagram.set_paused(paused)
