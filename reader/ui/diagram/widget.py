"""The live diagram: it animates calmly, switches state from the keyboard, and tells screen
readers what it shows. The animation costs nothing unless it can be seen: its timer runs only
while the widget is visible, not paused and not in reduced motion."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from reader.diagram.geometry import MIN_SIZE, STILL_PHASE
from reader.diagram.states import NORMAL, STATES
from reader.system.i18n import translate
from reader.ui.diagram.painter import paint_diagram

#: One full animation cycle, and frames per second: slow and calm.
CYCLE_MS = 7000
FRAME_MS = 50
#: How far one step (the . key, or Step) moves the animation: one eighth of a cycle.
STEP = 0.125


class DiagramWidget(QWidget):
    """The live diagram. Keys: 1/2/3 or ←/→ switch state, Space pauses, . steps."""

    stateChanged = Signal(str)  # noqa: N815 — the new state's key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = NORMAL
        self.phase = STILL_PHASE
        self.paused = False
        self.reduced_motion = False
        self.setMinimumSize(*MIN_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(translate("DiagramWidget", "Diagram: how glucose enters cells"))
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._tick)
        self._update_accessibility()

    @property
    def animating(self) -> bool:
        """Whether the timer runs (tests check it stops when nobody can see the diagram)."""
        return self.timer.isActive()

    def set_state(self, key: str) -> None:
        """Show the state named ``key`` (an unknown name is ignored)."""
        state = STATES.get(key)
        if state is None or state is self.state:
            return
        self.state = state
        self._update_accessibility()
        self.update()
        self.stateChanged.emit(key)

    def cycle_state(self, step: int) -> None:
        """The next (``step`` 1) or previous (-1) state, wrapping round."""
        keys = list(STATES)
        self.set_state(keys[(keys.index(self.state.key) + step) % len(keys)])

    def set_paused(self, paused: bool) -> None:
        """Hold the animation on its current frame (Space)."""
        self.paused = paused
        self._sync_timer()

    def set_reduced_motion(self, reduced: bool) -> None:
        """No movement at all: a still frame that shows every part clearly."""
        self.reduced_motion = reduced
        if reduced:
            self.phase = STILL_PHASE
            self.update()
        self._sync_timer()

    def step(self) -> None:
        """Advance one eighth of a cycle (for explaining it step by step while paused)."""
        self.phase = (self.phase + STEP) % 1.0
        self.update()

    def _tick(self) -> None:
        self.phase = (self.phase + FRAME_MS / CYCLE_MS) % 1.0
        self.update()

    def _sync_timer(self) -> None:
        # The animation costs nothing unless it can be seen.
        should_run = self.isVisible() and not self.paused and not self.reduced_motion
        if should_run and not self.timer.isActive():
            self.timer.start()
        elif not should_run and self.timer.isActive():
            self.timer.stop()

    def _update_accessibility(self) -> None:
        self.setAccessibleDescription(translate("DiagramState", self.state.description))
        self.setToolTip(translate("DiagramState", self.state.caption))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._sync_timer()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        self._sync_timer()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            paint_diagram(painter, QRectF(self.rect()), self.state, self.phase, self.palette())
        finally:
            painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        keys = list(STATES)
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_1 + len(keys) - 1:
            self.set_state(keys[key - Qt.Key.Key_1])
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.cycle_state(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.cycle_state(-1)
        elif key == Qt.Key.Key_Space:
            self.set_paused(not self.paused)
        elif key == Qt.Key.Key_Period:
            self.step()
        else:
            super().keyPressEvent(event)
