"""A search that keeps working: it opens (or builds) a library's index, and if the index breaks
under it (deleted while the app runs, garbled, swapped by another copy of the app), it reopens
the current one or rebuilds, then answers the query. No Qt; the app runs it in a thread, and
``reader search`` uses it too, so the terminal recovers exactly as the window does."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from reader.library.model import Library
from reader.search.engine import IndexUnavailableError, SearchEngine
from reader.search.results import SearchResults
from reader.search.store import Progress, open_or_build
from reader.search.synonyms import load_synonyms
from reader.system import paths

#: Opening (or searching) again after the index broke, at most this many times in a row: each
#: time the current index is checked byte by byte and rebuilt if damaged, so a second failure
#: means another copy replaced it again meanwhile.
_ATTEMPTS = 3


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
        self._open(rebuild=rebuild, verify=False)
        return self.note

    def _open(self, rebuild: bool, verify: bool) -> None:
        self.close()
        attempts = 1
        while True:
            ix, self.note = open_or_build(self.library, self.cache_dir, self.progress, rebuild,
                                          prebuilt=paths.prebuilt_index(self.library.language),
                                          verify=verify)
            try:
                self.engine = SearchEngine(
                    ix, self.library.language,
                    load_synonyms(self.library.root, self.library.language))
                return
            except IndexUnavailableError:
                # Replaced by another copy between opening and reading, or damaged in a way
                # opening did not show: check it whole this time (rebuilt if damaged).
                if attempts >= _ATTEMPTS:
                    raise
                attempts += 1
                rebuild, verify = False, True

    def search(self, text: str, limit: int = 20, typing: bool = False,
               cancelled: Callable[[], bool] | None = None) -> SearchResults:
        """Results for ``text``; raises ``SearchCancelledError`` if ``cancelled`` turns true
        meanwhile."""
        if self.engine is None:
            self.open()
        attempts = 1
        while True:
            try:
                return self.engine.search(text, limit=limit, typing=typing, cancelled=cancelled)
            except IndexUnavailableError:
                if attempts >= _ATTEMPTS:
                    raise
                attempts += 1
                self.recoveries += 1
                # The current index if another copy rebuilt it and it is whole, else a new one.
                self._open(rebuild=False, verify=True)

    def close(self) -> None:
        if self.engine is not None:
            with contextlib.suppress(Exception):
                self.engine.close()
            self.engine = None
