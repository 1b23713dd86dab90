"""What the reader remembers between runs: the window's shape, the library opened last, and
per library where the reader was and what was read lately.

Typed accessors over the settings file, so no part of the window knows a settings key, and
plain Python, tested without Qt. Per-library values are kept under the library's one key
(``Library.key``); values an older version kept under the folder's path are still read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.library.links import Location
from reader.library.model import Library
from reader.user.settings import Settings

#: How many recently read articles the home page lists.
RECENT_LIMIT = 6


class Remembered:
    """The reader's memory, over ``settings`` (which it never saves: the window does)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    # -- the window ---------------------------------------------------------------------------
    def _text(self, key: str) -> str | None:
        value = self.settings.get(key)
        return value if isinstance(value, str) else None

    @property
    def window_geometry(self) -> str | None:
        """Qt's saved geometry, base64 (opaque here)."""
        return self._text("window_geometry")

    @window_geometry.setter
    def window_geometry(self, value: str) -> None:
        self.settings.set("window_geometry", value)

    @property
    def splitter_state(self) -> str | None:
        return self._text("splitter_state")

    @splitter_state.setter
    def splitter_state(self, value: str) -> None:
        self.settings.set("splitter_state", value)

    @property
    def last_library(self) -> Path | None:
        """The library opened last (File › Open Library), if it is still there."""
        last = self._text("library")
        return Path(last) if last and Path(last).is_dir() else None

    @last_library.setter
    def last_library(self, folder: Path) -> None:
        self.settings.set("library", str(folder))

    # -- per library --------------------------------------------------------------------------
    def _for_library(self, key: str, library: Library) -> Any:
        table = self.settings.get(key)
        if not isinstance(table, dict):
            return None
        return table.get(library.key, table.get(str(library.root)))

    def _set_for_library(self, key: str, library: Library, value: Any) -> None:
        table = self.settings.get(key)
        table = dict(table) if isinstance(table, dict) else {}
        table.pop(str(library.root), None)  # the older key, now replaced
        table[library.key] = value
        self.settings.set(key, table)

    def last_location(self, library: Library) -> Location:
        """Where the reader was in ``library`` last time: home if nowhere, or if it is gone."""
        url = self._for_library("last_location", library)
        location = Location.from_url(url) if isinstance(url, str) else None
        if location is None or (location.kind == "article"
                                and location.id not in library.articles) or (
                location.kind == "section" and location.id not in library.sections):
            return Location.home()
        return location

    def remember_location(self, library: Library, location: Location) -> None:
        self._set_for_library("last_location", library, location.without_anchor().to_url())

    def recent(self, library: Library) -> list[str]:
        """Article ids read lately in ``library``, most recent first."""
        items = self._for_library("recent", library)
        if not isinstance(items, list):
            return []
        return [i for i in items if isinstance(i, str)][:RECENT_LIMIT]

    def remember_read(self, library: Library, article_id: str) -> None:
        items = [article_id, *(i for i in self.recent(library) if i != article_id)]
        self._set_for_library("recent", library, items[:RECENT_LIMIT])
