"""A search that keeps working: it opens (or builds) a library's index, and if the index breaks
under it (deleted while the app runs, garbled, swapped by another copy of the app), it reopens
the current one or rebuilds, then answers the query. No Qt; the UI runs it in a thread."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from reader import paths
from reader.library.model import Library
from reader.search.engine import IndexUnavailableError, SearchEngine
from reader.search.results import SearchResults
from reader.search.store import Progress, open_or_build


class SearchService:
    def __init__(self, library: Library, cache_dir: Path, progress: Progress | None = None):
        self.library = library
        self.cache_dir = cache_dir
        self.progress = progress
        self.engine: SearchEngine | None = None
        #: A sentence for the user when search is limited (index only in memory), else "".
        self.note = ""
        #: How many times the index had to be reopened or rebuilt after breaking.
        self.recoveries = 0

    def open(self, rebuild: bool = False) -> str:
        """Open the current index, building it if missing, stale or damaged."""
        self.close()
        ix, self.note = open_or_build(self.library, self.cache_dir, self.progress, rebuild,
                                      prebuilt=paths.prebuilt_index())
        self.engine = SearchEngine(ix)
        return self.note

    def search(self, text: str, limit: int = 20, typing: bool = False,
               cancelled: Callable[[], bool] | None = None) -> SearchResults:
        """Results for ``text``; raises ``SearchCancelledError`` if ``cancelled`` turns true
        meanwhile."""
        if self.engine is None:
            self.open()
        try:
            return self.engine.search(text, limit=limit, typing=typing, cancelled=cancelled)
        except IndexUnavailableError:
            self.recoveries += 1
            self.open()  # the current index if another copy rebuilt it, else a new one
            return self.engine.search(text, limit=limit, typing=typing, cancelled=cancelled)

    def close(self) -> None:
        if self.engine is not None:
            with contextlib.suppress(Exception):
                self.engine.close()
            self.engine = None
