"""The log file: a rotating file in the user's log folder (no Qt here).

Errors that reach the top of the app go here with their full details, so a nurse can send the
file to whoever looks after the machine. If the folder cannot be written, logging goes to the
terminal only and the app carries on.
"""

from __future__ import annotations

import logging
from pathlib import Path

from reader.system import paths

LOG_FILE = "reader.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _RotatingFileOnFirstRecord(logging.Handler):
    """A rotating log file (1 MB, 3 old files kept), opened when the first record arrives: most
    runs log nothing, and ``logging.handlers`` costs ~20 ms of every start."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._target: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._target is None:
            import logging.handlers

            try:
                self._target = logging.handlers.RotatingFileHandler(
                    self.path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
            except OSError:
                self._target = logging.StreamHandler()
            self._target.setFormatter(self.formatter)
        self._target.emit(record)

    def close(self) -> None:
        if self._target is not None:
            self._target.close()
        super().close()


def setup_logging() -> Path | None:
    """Log to ``<log dir>/reader.log``; returns the file, if its folder can be written."""
    logger = logging.getLogger("reader")
    logger.setLevel(logging.INFO)
    for handler in list(logger.handlers):
        if getattr(handler, "_reader", False):
            logger.removeHandler(handler)
            handler.close()
    path = paths.log_dir() / LOG_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _RotatingFileOnFirstRecord(path)
    except OSError:
        handler, path = logging.StreamHandler(), None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._reader = True
    logger.addHandler(handler)
    return path
