"""Bookmarks: the articles a reader wants to find again, kept in their data folder.

Stored as JSON (``reader.system.json_file.JsonStore``): atomic writes, a damaged file set aside, one
that cannot be read never saved over. A bookmark remembers the title it had, so one whose
article has gone from the library can still be shown (and removed) instead of disappearing
silently. Bookmarks are kept per library under the library's one key (``Library.key``), as
everything else the reader remembers per library is; a file from an older version, which kept
the folder's path instead, is read under the key that path has.
"""

from __future__ import annotations

import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from reader.library.model import library_key
from reader.system.json_file import JsonStore, StoredInJson

BOOKMARKS_FILE = "bookmarks.json"
#: What a ``Library.key`` looks like; anything else is a folder path from an older version.
_KEY = re.compile(r"[0-9a-f]{16}")


@dataclass(frozen=True)
class Bookmark:
    library: str  # the library's key (Library.key)
    article_id: str
    title: str
    added: str = ""


def _valid(data: object) -> bool:
    return isinstance(data, dict) and isinstance(data.get("bookmarks"), list) and all(
        isinstance(item, dict) and {"library", "article_id", "title"} <= set(item)
        for item in data["bookmarks"])


def _keyed(bookmark: Bookmark) -> Bookmark:
    """The bookmark under its library's key, if the file named the library by its folder."""
    if _KEY.fullmatch(bookmark.library):
        return bookmark
    return Bookmark(library_key(Path(bookmark.library)), bookmark.article_id, bookmark.title,
                    bookmark.added)


class BookmarkStore(StoredInJson):
    """Every library's bookmarks; each method takes the library's key."""

    def __init__(self, path: Path) -> None:
        self._store = JsonStore(
            path, _valid, what="Bookmarks",
            damaged="The bookmarks file was damaged, so a new list was started.",
            instead="the list starts empty", meanwhile="they last until the app closes")
        self.items: list[Bookmark] = []
        data = self._store.load()
        if data is not None:
            fields = ("library", "article_id", "title", "added")
            self.items = [_keyed(Bookmark(**{k: str(item[k]) for k in fields if k in item}))
                          for item in data["bookmarks"]]

    @classmethod
    def in_folder(cls, folder: Path) -> BookmarkStore:
        return cls(folder / BOOKMARKS_FILE)

    def for_library(self, library: str) -> list[Bookmark]:
        return [b for b in self.items if b.library == library]

    def find(self, library: str, article_id: str) -> Bookmark | None:
        return next((b for b in self.items
                     if b.library == library and b.article_id == article_id), None)

    def add(self, library: str, article_id: str, title: str) -> Bookmark:
        existing = self.find(library, article_id)
        if existing is not None:
            return existing
        bookmark = Bookmark(library, article_id, title, time.strftime("%Y-%m-%d"))
        self.items.append(bookmark)
        return bookmark

    def remove(self, library: str, article_id: str) -> bool:
        before = len(self.items)
        self.items = [b for b in self.items
                      if not (b.library == library and b.article_id == article_id)]
        return len(self.items) != before

    def move(self, library: str, article_id: str, step: int) -> bool:
        """Move a bookmark up (-1) or down (+1) among this library's bookmarks."""
        mine = self.for_library(library)
        index = next((i for i, b in enumerate(mine) if b.article_id == article_id), None)
        if index is None or not 0 <= index + step < len(mine):
            return False
        a, b = mine[index], mine[index + step]
        ia, ib = self.items.index(a), self.items.index(b)
        self.items[ia], self.items[ib] = b, a
        return True

    def save(self) -> bool:
        """Write atomically; ``False`` (and :attr:`problem` set) if it cannot be written, or
        must not be because the file there could not be read."""
        return self._store.save({"version": 1, "bookmarks": [asdict(b) for b in self.items]})
