"""Bookmarks: the articles a reader wants to find again, kept in their data folder.

Stored as JSON with atomic writes; a damaged file is set aside, never deleted. A bookmark
remembers the title it had, so one whose article has gone from the library can still be shown
(and removed) instead of disappearing silently.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

BOOKMARKS_FILE = "bookmarks.json"


@dataclass(frozen=True)
class Bookmark:
    library: str  # the library folder's path
    article_id: str
    title: str
    added: str = ""


class BookmarkStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[Bookmark] = []
        #: A sentence for the user if the file was damaged or cannot be saved.
        self.problem: str | None = None
        self._load()

    @classmethod
    def in_folder(cls, folder: Path) -> BookmarkStore:
        return cls(folder / BOOKMARKS_FILE)

    def _load(self) -> None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as error:
            self.problem = f"Bookmarks could not be read ({error})."
            return
        try:
            data = json.loads(text)
            self.items = [Bookmark(**{k: str(v) for k, v in item.items()})
                          for item in data["bookmarks"]]
        except (ValueError, KeyError, TypeError, AttributeError):
            aside = self.path.with_name(f"{self.path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
            with contextlib.suppress(OSError):
                os.replace(self.path, aside)
            self.items = []
            self.problem = (f"The bookmarks file was damaged; it was kept as {aside.name} and "
                            "a new list was started.")

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
        temporary = self.path.with_name(f".{self.path.name}.{uuid.uuid4().hex}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = {"version": 1, "bookmarks": [asdict(b) for b in self.items]}
            temporary.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError as error:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            self.problem = (f"Bookmarks cannot be saved in {self.path.parent} "
                            f"({error.strerror}); they last until the app closes.")
            return False
        return True
