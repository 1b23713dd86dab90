"""Wires the search field to the search thread and the results panel.

Typing restarts a short single-shot timer instead of searching on every key (qutebrowser's
pattern): only a pause in typing sends a query, and the query runs in the search thread.
Results that a newer query has overtaken are dropped, so the list never flickers back.

The pause is shorter than the gap between a fast typist's keys: the search thread abandons a
query as soon as a newer one is sent, so searching between keys costs no waiting, and it leaves
the words typed so far scored in the engine's cache, so the last query is quick.

The field's keys are search's too: Down goes to the results, Enter opens the first hit once
its results are shown, Escape clears the search and hands the keyboard back (``left``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit

from reader.search.results import SearchResults
from reader.system.i18n import translate
from reader.ui.search_panel import SearchPanel
from reader.ui.workers import SearchThread

#: Pause in typing before a query is sent (ms). It counts in the time from the last key to the
#: results (target: 100 ms), so it is short; it only saves work when keys come faster still.
DEBOUNCE_MS = 25


class SearchController(QObject):
    """Debounces the field, sends queries, shows their results."""

    searchStarted = Signal()  # noqa: N815 — the results panel should be in front
    left = Signal()  # Escape in the field: the search was cleared
    resultsShown = Signal(object)  # noqa: N815 — SearchResults, after they are on screen

    def __init__(self, field: QLineEdit, panel: SearchPanel, thread: SearchThread,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.panel = panel
        self.thread = thread
        self.index_ready = False
        self.last_results: SearchResults | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._send)
        field.textEdited.connect(self._on_edited)
        field.returnPressed.connect(self.search_now)
        panel.suggestionActivated.connect(self.search_for)
        thread.worker.resultsReady.connect(self._on_results)
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Down and self.panel.model.rowCount():
                self.searchStarted.emit()
                self.panel.view.setFocus()
                return True
            if key == Qt.Key.Key_Escape:
                self.field.clear()
                self.panel.clear()
                self.left.emit()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.shows_results_for(
                    self.field.text()):
                self.panel.activate_current()
                return True
        return super().eventFilter(watched, event)

    def _on_edited(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self.thread.search("")  # invalidates queries still in flight
            self.panel.clear()
            return
        self.searchStarted.emit()
        self._timer.start()

    def search_now(self) -> None:
        """Search at once (Enter), without waiting for the typing pause."""
        if self.field.text().strip():
            self._timer.stop()
            self.searchStarted.emit()
            self._send(typing=False)

    def search_for(self, text: str) -> None:
        """Replace the query (a "Did you mean" link, the self-test) and search."""
        self.field.setText(text)
        self.search_now()

    def _send(self, typing: bool = True) -> None:
        text = self.field.text()
        if not text.strip():
            return
        if not self.index_ready:
            self.panel.show_message(translate(
                "SearchController",
                "The search index is still being built; results will appear when it is ready."))
        self.thread.search(text, typing=typing)

    def reset(self) -> None:
        """Another library is shown: no index yet, and no results from the old one."""
        self.index_ready = False
        self.last_results = None

    def index_opened(self) -> None:
        """The index is ready: say so, and run what is typed again against it."""
        self.index_ready = True
        self.refresh()

    def shows_results_for(self, text: str) -> bool:
        """Whether the panel holds hits for exactly ``text`` (Enter then opens the first)."""
        results = self.last_results
        return results is not None and results.query == text and bool(results.hits)

    def refresh(self) -> None:
        """Run the current query again (the index became ready or changed)."""
        if self.field.text().strip():
            self._send(typing=False)

    def _on_results(self, generation: int, results: SearchResults) -> None:
        if generation != self.thread.generation or not self.field.text().strip():
            return
        if not self.index_ready and not results.hits:
            return  # the "still being built" message stays until real results come
        self.last_results = results
        self.panel.show_results(results)
        self.resultsShown.emit(results)
