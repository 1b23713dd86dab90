"""Search and indexing off the UI thread, so typing and scrolling never wait for Whoosh.

One :class:`SearchWorker` lives in its own ``QThread``. It opens (or builds) the index, then
answers queries with one reused searcher. Requests carry a generation number; a request that a
newer one has overtaken is skipped, and a search still running when a newer request comes is
abandoned at its next term or hit, so the newest query never waits behind stale ones.

What runs in the worker touches no widget and changes nothing the UI thread owns: it only reads
the library it was sent (frozen articles and sections), and hands every result back through a
signal, which Qt delivers in the UI thread (``libraryVerified``: the window marks the library).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.library.model import Library
from reader.search.results import SearchCancelledError, SearchResults
from reader.system.i18n import translate


class _BuildCancelledError(Exception):
    """Raised inside an index build when the app is closing."""


class SearchWorker(QObject):
    """Owns the index and the search engine; every slot runs in the worker thread."""

    indexProgress = Signal(int, int)  # noqa: N815 (Qt signal naming)
    indexReady = Signal(int, str)  # noqa: N815 — article count, note for the user ("" if none)
    indexFailed = Signal(str)  # noqa: N815
    resultsReady = Signal(int, object)  # noqa: N815 — generation, SearchResults
    #: The library was opened from the cache's snapshot and a file has changed since: the
    #: freshly loaded library (the index is opened when the window asks again, for it).
    libraryChanged = Signal(object)  # noqa: N815
    #: The library from the snapshot matches its files: the UI thread may mark it verified
    #: (this thread never changes an object the UI thread owns).
    libraryVerified = Signal(object)  # noqa: N815

    def __init__(self) -> None:
        super().__init__()
        self._service = None  # a SearchService, once the index is open
        self._lock = threading.Lock()
        self._latest = 0
        #: Set from the UI thread when the app closes: a running build stops at the next article.
        self.cancel = threading.Event()

    def note_request(self, generation: int) -> None:
        """Called from the UI thread: the newest generation the UI waits for."""
        with self._lock:
            self._latest = max(self._latest, generation)

    def _is_stale(self, generation: int) -> bool:
        with self._lock:
            return generation < self._latest

    @Slot(object, str, bool)
    def open_index(self, library: Library, cache_dir: str, rebuild: bool) -> None:
        # Imported here, in the search thread: Whoosh is not needed to show the first page.
        from reader.search.service import SearchService

        self.close()
        if not library.verified:
            from reader.library.snapshot import reload_if_changed

            fresh = reload_if_changed(library, Path(cache_dir))
            if fresh is not None:
                self.libraryChanged.emit(fresh)
                return
            self.libraryVerified.emit(library)

        def progress(done: int, total: int) -> None:
            if self.cancel.is_set():
                raise _BuildCancelledError
            self.indexProgress.emit(done, total)

        self._service = SearchService(library, Path(cache_dir), progress)
        try:
            note = self._service.open(rebuild)
        except _BuildCancelledError:
            return  # the unfinished build was discarded; the old index is untouched
        except Exception as error:
            self.indexFailed.emit(translate("SearchWorker", "Search is not available: {error}")
                                  .format(error=error))
            return
        self.indexReady.emit(self._service.engine.doc_count, note)

    @Slot(int, str, bool)
    def search(self, generation: int, text: str, typing: bool) -> None:
        if self._is_stale(generation):
            return
        service = self._service
        if service is None or service.engine is None:
            self.resultsReady.emit(generation, SearchResults(query=text))
            return
        recoveries = service.recoveries
        try:
            results = service.search(text, limit=50, typing=typing,
                                     cancelled=lambda: self._is_stale(generation))
        except (_BuildCancelledError, SearchCancelledError):
            return
        except Exception as error:
            self.indexFailed.emit(translate("SearchWorker", "Search is not available: {error}")
                                  .format(error=error))
            return
        if service.recoveries != recoveries:
            # The index broke under us and was reopened or rebuilt: say so once.
            self.indexReady.emit(service.engine.doc_count, service.note or translate(
                "SearchWorker", "The search index was damaged or replaced; it was rebuilt."))
        self.resultsReady.emit(generation, results)

    @Slot()
    def close(self) -> None:
        if self._service is not None:
            self._service.close()
            self._service = None


class SearchThread(QObject):
    """Starts the worker in its thread and gives the UI thread-safe ways to talk to it."""

    _openRequested = Signal(object, str, bool)  # noqa: N815
    _searchRequested = Signal(int, str, bool)  # noqa: N815
    _closeRequested = Signal()  # noqa: N815

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("search")
        self.worker = SearchWorker()
        self.worker.moveToThread(self.thread)
        self._openRequested.connect(self.worker.open_index)
        self._searchRequested.connect(self.worker.search)
        self._closeRequested.connect(self.worker.close)
        self._generation = 0
        self.thread.start()

    def open_index(self, library: Library, cache_dir: Path, rebuild: bool = False) -> None:
        self._openRequested.emit(library, str(cache_dir), rebuild)

    def search(self, text: str, typing: bool = True) -> int:
        """Queue a search; returns its generation (results for older ones are dropped)."""
        self._generation += 1
        self.worker.note_request(self._generation)
        self._searchRequested.emit(self._generation, text, typing)
        return self._generation

    @property
    def generation(self) -> int:
        return self._generation

    def stop(self) -> None:
        """Close the index and end the thread; a running build is abandoned, not awaited."""
        if self.thread.isRunning():
            self.worker.cancel.set()
            self._closeRequested.emit()
            self.thread.quit()
            self.thread.wait()
