"""The index status alone, on a bare status bar: progress, ready and failure as a reader
sees them."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from reader.ui.index_status import IndexStatus


def test_progress_then_ready_then_failure(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    status = IndexStatus(window.statusBar())
    status.on_progress(3, 12)
    assert not status.isHidden() and status.value() == 3 and status.maximum() == 12
    assert "keep reading" in window.statusBar().currentMessage()
    with qtbot.waitSignal(status.ready):
        status.on_ready(12, "")
    assert status.isHidden()
    assert window.statusBar().currentMessage() == "Search ready: 12 articles."
    with qtbot.waitSignal(status.failed) as failed:
        status.on_failed("Search is not available: disk on fire")
    assert failed.args == ["Search is not available: disk on fire"]
    assert window.statusBar().currentMessage() == "Search is not available: disk on fire"
