"""Bookmarks between the store (plain Python, one JSON file) and the panel (a list widget).

The window asks it to toggle the article shown and tells it where the reader is; it keeps
the panel up to date, saves after every change and says what happened through ``tell``
(the status bar). Opening a bookmark is a request the window answers, like the tree's.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from reader.library.model import Library
from reader.system.i18n import translate
from reader.ui.bookmarks_panel import BookmarksPanel
from reader.user.bookmarks import BookmarkStore

Tell = Callable[[str, int], None]


class BookmarksController(QObject):
    """One library's bookmarks at a time."""

    openRequested = Signal(str)  # noqa: N815 — an article id to show
    changed = Signal()  # a bookmark was added, removed or moved (actions may need updating)

    def __init__(self, store: BookmarkStore, panel: BookmarksPanel, library: Library,
                 tell: Tell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.panel, self.library, self.tell = store, panel, library, tell
        self.current: str | None = None
        panel.openRequested.connect(self._open)
        panel.removeRequested.connect(self.remove)
        panel.moveRequested.connect(self._move)

    @property
    def _key(self) -> str:
        return self.library.key

    def set_library(self, library: Library) -> None:
        self.library, self.current = library, None
        self.refresh()

    def set_current(self, article_id: str | None) -> None:
        """The article shown (``None`` for a section or the home page)."""
        self.current = article_id
        self.refresh()

    def is_bookmarked(self, article_id: str) -> bool:
        return self.store.find(self._key, article_id) is not None

    def refresh(self) -> None:
        self.panel.show_bookmarks(self.store.for_library(self._key),
                                  set(self.library.articles), self.current)

    def _save(self) -> bool:
        saved = self.store.save()
        if not saved:
            self.tell(self.store.problem or "", 15000)
        self.refresh()
        self.changed.emit()
        return saved

    def toggle(self, article_id: str) -> None:
        """Ctrl+D: bookmark ``article_id``, or remove its bookmark."""
        article = self.library.articles.get(article_id)
        if article is None:
            return
        if self.store.remove(self._key, article.id):
            message = translate("BookmarksController", "Removed the bookmark for {title}.").format(
                title=article.title)
        else:
            self.store.add(self._key, article.id, article.title)
            message = translate("BookmarksController", "Bookmarked {title}.").format(
                title=article.title)
        if self._save():
            self.tell(message, 5000)
        else:
            self.tell(f"{message} {self.store.problem}", 15000)

    def remove(self, article_id: str) -> None:
        self.store.remove(self._key, article_id)
        self._save()

    def focus(self) -> None:
        self.panel.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _open(self, article_id: str) -> None:
        if article_id in self.library.articles:
            self.openRequested.emit(article_id)
        else:
            self.tell(translate("BookmarksController", "That article is no longer in this "
                                "library. You can remove the bookmark."), 8000)

    def _move(self, article_id: str, step: int) -> None:
        if self.store.move(self._key, article_id, step):
            self._save()
            self.panel.list.setFocus()
