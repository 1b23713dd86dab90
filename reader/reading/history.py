"""Back/forward history of the places a reader visited, with where they had scrolled to."""

from __future__ import annotations

from dataclasses import dataclass

from reader.library.links import Location


@dataclass
class _Entry:
    location: Location
    scroll: int = 0


class History:
    """Like a browser's: visiting a new place drops the forward entries."""

    def __init__(self, limit: int = 200) -> None:
        self._entries: list[_Entry] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> Location | None:
        return self._entries[self._index].location if self._index >= 0 else None

    @property
    def current_scroll(self) -> int:
        return self._entries[self._index].scroll if self._index >= 0 else 0

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return 0 <= self._index < len(self._entries) - 1

    def visit(self, location: Location) -> None:
        """Record a newly shown place (revisiting the current one records nothing)."""
        if self.current == location:
            return
        del self._entries[self._index + 1:]
        self._entries.append(_Entry(location))
        if len(self._entries) > self._limit:
            del self._entries[0]
        self._index = len(self._entries) - 1

    def remember_scroll(self, scroll: int) -> None:
        """Where the current place is scrolled to, so going back returns there."""
        if self._index >= 0:
            self._entries[self._index].scroll = scroll

    def back(self) -> Location | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Location | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self.current
