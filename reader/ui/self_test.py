"""``reader --self-test``: drive the real window through its main paths and report each step.

Used on machines where nobody can look at the screen (CI, a packaged build, a clinic PC over a
remote shell): it exits 0 only if every step worked.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from reader.library.links import Location
from reader.ui.main_window import MainWindow

#: A first start on a large library builds the index; give it time.
INDEX_TIMEOUT_S = 120.0


def _wait_until(predicate: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)
    return True


def _query_for(title: str) -> str:
    """A word from an article's title that a person might search for."""
    words = [w for w in re.findall(r"[^\W\d_]{4,}", title)]
    return max(words, key=len) if words else title


class SelfTest:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.failures = 0

    def step(self, name: str, ok: bool, detail: str = "") -> bool:
        status = "ok  " if ok else "FAIL"
        print(f"self-test: {status} {name}{': ' + detail if detail else ''}", flush=True)
        if not ok:
            self.failures += 1
        return ok

    def run(self) -> int:
        window = self.window
        library = window.library
        self.step("window shown", _wait_until(window.isVisible, 10), library.title)
        first = library.first_article()
        if not self.step("library has articles", first is not None, f"{len(library.articles)}"):
            return 1
        window.navigator.go(Location.article(first.id))
        shown = window.article_view.page
        self.step("open first article", shown is not None and shown.title == first.title,
                  first.title)
        following = library.next_article(first.id)
        if following is not None:
            window.navigator.next()
            self.step("next article", window.navigator.current == Location.article(following.id),
                      following.title)
            window.navigator.previous()
            self.step("previous article", window.navigator.current == Location.article(first.id),
                      first.title)
            window.navigator.back()
            self.step("back", window.navigator.current == Location.article(following.id),
                      following.title)
        else:
            self.step("next article", window.next_action.isEnabled() is False,
                      "only one article")
        ready = _wait_until(lambda: window.search.index_ready, INDEX_TIMEOUT_S)
        self.step("search index ready", ready)
        query = _query_for(first.title)
        window.search.search_for(query)
        got = _wait_until(lambda: window.search.last_results is not None
                          and window.search.last_results.query == query, 15)
        results = window.search.last_results
        hits = len(results.hits) if results else 0
        self.step("search", got and hits > 0, f"{query!r}: {hits} hit(s)")
        if hits:
            hit = results.hits[0]
            window.search_panel.activate_row(0)
            self.step("open first hit",
                      window.navigator.current == Location.article(hit.id), hit.title)
        print(f"self-test: {'passed' if not self.failures else f'{self.failures} step(s) failed'}",
              file=sys.stdout, flush=True)
        return 0 if not self.failures else 1
