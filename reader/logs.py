"""The log file: a rotating file in the user's log folder (no Qt here).

Errors that reach the top of the app go here with their full details, so a nurse can send the
file to whoever looks after the machine. If the folder cannot be written, logging goes to the
terminal only and the app carries on.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from reader import paths

LOG_FILE = "reader.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging() -> Path | None:
    """Log to ``<log dir>/reader.log`` (1 MB, 3 old files kept); returns the file, if any."""
    logger = logging.getLogger("reader")
    logger.setLevel(logging.INFO)
    for handler in list(logger.handlers):
        if getattr(handler, "_reader", False):
            logger.removeHandler(handler)
            handler.close()
    path = paths.log_dir() / LOG_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        handler, path = logging.StreamHandler(), None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._reader = True
    logger.addHandler(handler)
    return path
