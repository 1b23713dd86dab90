"""What a screen reader is told without moving the focus: a page opened, how many results a
search found, "Did you mean", a problem, a diagram's new state.

Qt (6.8 and later) sends a ``QAccessibleAnnouncementEvent``, which AT-SPI, UI Automation and
NSAccessibility turn into speech; the status bar shows the same words to everyone else.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

try:  # Qt 6.8 and later
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - older Qt: the status bar alone says it
    QAccessibleAnnouncementEvent = None


class Announcer(QObject):
    """Announces through ``widget`` (the window); ``announced`` repeats each message."""

    announced = Signal(str)

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self._last = ""
        self._pending = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.announce(self._pending))

    def announce_when_settled(self, text: str, delay_ms: int = 900) -> None:
        """Say ``text`` once things stop changing (results while the reader types): each new
        text replaces the one waiting, so only the last is said."""
        self._pending = text
        self._timer.start(delay_ms)

    def announce(self, text: str, urgent: bool = False) -> None:
        """Say ``text`` politely (after what is being read), or at once if ``urgent``."""
        text = " ".join(text.split())
        if not text:
            return
        self._last = text
        self.announced.emit(text)
        if QAccessibleAnnouncementEvent is None or not QAccessible.isActive():
            return
        event = QAccessibleAnnouncementEvent(self.widget, text)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if urgent
                            else QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)

    @property
    def last(self) -> str:
        return self._last
