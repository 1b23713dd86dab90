"""The search index's state in the status bar: a progress bar while it is built, then a
message when it is ready or cannot be used. One widget (qutebrowser keeps one status-bar part
per file); it listens to the search worker's signals and knows nothing else of the window.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QProgressBar, QStatusBar

from reader.system.i18n import translate


class IndexStatus(QProgressBar):
    """Shown only while the index is being built."""

    ready = Signal()  # the index can be searched now
    failed = Signal(str)  # why search is not available, in words

    def __init__(self, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self.status_bar = status_bar
        self.setMaximumWidth(180)
        self.setAccessibleName(translate("IndexStatus", "Search index progress"))
        self.hide()
        status_bar.addPermanentWidget(self)

    def on_progress(self, done: int, total: int) -> None:
        self.setRange(0, max(total, 1))
        self.setValue(done)
        self.setFormat(translate("IndexStatus", "Indexing %p%"))
        self.show()
        self.status_bar.showMessage(
            translate("IndexStatus", "Building the search index; you can keep reading."))

    def on_ready(self, count: int, note: str) -> None:
        self.hide()
        ready = (translate("IndexStatus", "Search ready: 1 article.") if count == 1 else
                 translate("IndexStatus", "Search ready: {count} articles.").format(count=count))
        self.status_bar.showMessage(note or ready, 15000 if note else 4000)
        self.ready.emit()

    def on_failed(self, message: str) -> None:
        self.hide()
        self.status_bar.showMessage(message)
        self.failed.emit(message)
