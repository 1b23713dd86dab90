"""Typing in the real window (offscreen): 20 characters at 10 keys a second into the search
field, while a 5 ms heartbeat timer records how long the UI thread was ever unresponsive.

    python -m bench.typing_probe LIBRARY_DIR CACHE_DIR  → prints one JSON line
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QUERY = "string methods class"  # 20 characters, typed one by one


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reader.library import load_library
    from reader.ui.main_window import MainWindow
    from reader.user.settings import Settings

    library_dir, cache_dir = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication([])
    window = MainWindow(load_library(library_dir), Settings.in_folder(cache_dir / "config"),
                        cache_dir, cache_dir / "data")
    window.show()
    window.start_indexing()
    deadline = time.monotonic() + 1800
    while not window.search.index_ready and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    shown: list[float] = []
    window.search.resultsShown.connect(
        lambda results: shown.append(time.perf_counter()) if results.query == QUERY else None)
    typed: list[float] = []

    def type_next() -> None:
        text = QUERY[: len(typed) + 1]
        window.search_field.setText(text)
        window.search_field.textEdited.emit(text)
        typed.append(time.perf_counter())
        if len(typed) == len(QUERY):
            keys.stop()

    keys = QTimer()
    keys.setInterval(100)  # 10 keys per second
    keys.timeout.connect(type_next)
    heartbeat.start()
    keys.start()
    end = time.monotonic() + 10
    while (not shown or len(typed) < len(QUERY)) and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.001)
    heartbeat.stop()
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    result = {
        "max_stall_ms": round(1000 * max(gaps, default=0.0) - 5, 1),
        "results_after_last_key_ms": round(1000 * (shown[-1] - typed[-1]), 1) if shown else None,
        "keys": len(typed),
    }
    print(json.dumps(result))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
