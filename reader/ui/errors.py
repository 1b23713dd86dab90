"""The last line of defence: an unexpected error anywhere is logged with its details, and the
user sees a short message (with the details to copy) while the app keeps running."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.system.i18n import translate

log = logging.getLogger("reader")


class ErrorReporter(QObject):
    """Receives errors from any thread; shows them in the UI thread, one at a time."""

    errorOccurred = Signal(str, str)  # noqa: N815 — summary, details

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__()
        self.parent_widget = parent_widget
        self.log_path: str = ""
        #: False in --self-test and --exit-after-paint: nobody is there to close a dialog.
        self.interactive = True
        self.shown: list[str] = []
        self._showing = False
        self.errorOccurred.connect(self._show)

    def install(self) -> None:
        sys.excepthook = self.excepthook

    def excepthook(self, kind: type[BaseException], error: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("Unexpected error:\n%s", details)
        self.errorOccurred.emit(f"{kind.__name__}: {error}", details)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        self.shown.append(summary)
        if not self.interactive:
            print(f"reader: unexpected error: {summary}", file=sys.stderr)
            return
        if self._showing:  # one dialog at a time; the rest are in the log
            return
        self._showing = True
        try:
            box = QMessageBox(self.parent_widget)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(translate("ErrorReporter", "Something went wrong"))
            where = (" " + translate("ErrorReporter", "The details are also in {path}.").format(
                path=self.log_path)) if self.log_path else ""
            box.setText(translate("ErrorReporter", "Something went wrong, but the reader is "
                                                   "still working. You can keep reading."))
            box.setInformativeText(f"{summary}{where}")
            box.setDetailedText(details)
            copy = box.addButton(translate("ErrorReporter", "&Copy Details"),
                                 QMessageBox.ButtonRole.ActionRole)
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            if box.clickedButton() is copy:
                QGuiApplication.clipboard().setText(details)
        finally:
            self._showing = False
