"""The read-aloud controls shown above the article while it is being read: pause or resume,
stop, speed and voice, and which sentence is being read. Every control is named for screen
readers and reachable with Tab; the bar only forwards what is chosen. Its Alt keys (a, t, d, o;
u for Resume) are free of the window's menus, tabs and "Read From Here"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from reader.system.i18n import translate
from reader.user.preferences import READING_RATES


class ReadAloudBar(QWidget):
    """Shown while reading; hidden when reading stops."""

    pauseRequested = Signal()  # noqa: N815 — pause, or resume when paused
    stopRequested = Signal()  # noqa: N815
    rateChosen = Signal(float)  # noqa: N815
    voiceChosen = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read_aloud_bar")
        self.setAccessibleName(translate("ReadAloudBar", "Read aloud"))
        self.status = QLabel(self)
        self.status.setAccessibleName(translate("ReadAloudBar", "Reading"))
        self.pause_button = QPushButton(translate("ReadAloudBar", "P&ause"), self)
        self.pause_button.clicked.connect(self.pauseRequested)
        self.stop_button = QPushButton(translate("ReadAloudBar", "S&top"), self)
        self.stop_button.clicked.connect(self.stopRequested)
        self.speed = QComboBox(self)
        self.speed.setAccessibleName(translate("ReadAloudBar", "Reading speed"))
        for rate, name in READING_RATES.items():
            self.speed.addItem(translate("Preferences", name), rate)
        self.speed.setCurrentIndex(list(READING_RATES).index(0.0))
        self.speed.activated.connect(
            lambda index: self.rateChosen.emit(self.speed.itemData(index)))
        self.voice = QComboBox(self)
        self.voice.setAccessibleName(translate("ReadAloudBar", "Voice"))
        self.voice.activated.connect(
            lambda index: self.voiceChosen.emit(self.voice.itemText(index)))
        speed_label = QLabel(translate("ReadAloudBar", "Spee&d:"), self)
        speed_label.setBuddy(self.speed)
        voice_label = QLabel(translate("ReadAloudBar", "V&oice:"), self)
        voice_label.setBuddy(self.voice)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.status, 1)
        for widget in (self.pause_button, self.stop_button, speed_label, self.speed,
                       voice_label, self.voice):
            layout.addWidget(widget)
        self.hide()

    def set_voices(self, names: list[str], current: str | None) -> None:
        self.voice.clear()
        self.voice.addItems(names)
        if current in names:
            self.voice.setCurrentText(current)
        self.voice.setEnabled(len(names) > 1)

    def set_rate(self, rate: float) -> None:
        index = self.speed.findData(rate)
        if index >= 0:
            self.speed.setCurrentIndex(index)

    def show_state(self, state: str, sentence: int, total: int) -> None:
        """``state`` is the speaker's ("speaking", "paused", "stopped")."""
        if state == "stopped":
            self.hide()
            return
        if state == "starting":
            self.status.setText(translate("ReadAloudBar", "Starting the voice…"))
            self.pause_button.setText(translate("ReadAloudBar", "P&ause"))
            self.show()
            return
        paused = state == "paused"
        self.pause_button.setText(translate("ReadAloudBar", "Res&ume") if paused
                                  else translate("ReadAloudBar", "P&ause"))
        if paused:
            status = translate("ReadAloudBar", "Paused at sentence {number} of {total}")
        else:
            status = translate("ReadAloudBar", "Reading sentence {number} of {total}")
        self.status.setText(status.format(number=sentence + 1, total=total))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.show()
