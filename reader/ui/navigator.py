"""Where the reader is, has been and can go next, as one object the window's parts listen to.

Every move (a link, the tree, search, Back, Previous, Home, a bookmark) goes through
``Navigator``; it keeps the history (with scroll positions) and the current place, and says
``moved`` once the place has changed. The reading pane shows the page, the tree selects it, the
breadcrumb follows and the window relabels its commands, each on its own. What comes before and
after, and what the commands are called, are plain functions in ``reader/reading``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from reader.library.links import Location
from reader.library.model import Article, Library
from reader.reading import navigation
from reader.reading.history import History
from reader.render import Page


@dataclass(frozen=True)
class Move:
    """One arrival: where, which search words to mark, and how to show it."""

    location: Location
    terms: tuple[str, ...] = ()
    #: The page's HTML when it is already at hand (kept from the last run).
    page: Page | None = None
    #: Where to scroll to (a step back or forward returns to it); ``None``: the top.
    scroll: int | None = None


class Navigator(QObject):
    """The current place and the way there; ``scroll_position`` reads the view's scroll, so
    going back returns to where the reader was."""

    moved = Signal(object)  # Move

    def __init__(self, library: Library, scroll_position: Callable[[], int],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.history = History()
        self.current: Location | None = None
        self._scroll_position = scroll_position

    def set_library(self, library: Library) -> None:
        """Start afresh in another library: nothing shown, no history."""
        self.library = library
        self.history = History()
        self.current = None

    # -- moves -------------------------------------------------------------------------------
    def go(self, location: Location, terms: tuple[str, ...] = (),
           page: Page | None = None) -> None:
        """Show ``location``, recorded in the history."""
        if self.current is not None:
            self.history.remember_scroll(self._scroll_position())
        self.history.visit(location)
        self._arrive(Move(location, terms, page))

    def go_if_new(self, location: Location) -> None:
        """Like ``go``, unless it is shown already (a click then a double-click on one tree
        item arrive as two activations)."""
        if location != self.current:
            self.go(location)

    def back(self) -> None:
        self._step(self.history.back)

    def forward(self) -> None:
        self._step(self.history.forward)

    def home(self) -> None:
        self.go(Location.home())

    def previous(self) -> None:
        article, _ = self.neighbours()
        if article is not None:
            self.go(Location.article(article.id))

    def next(self) -> None:
        _, article = self.neighbours()
        if article is not None:
            self.go(Location.article(article.id))

    # -- questions ---------------------------------------------------------------------------
    def neighbours(self) -> tuple[Article | None, Article | None]:
        """The articles before and after what is shown, in reading order."""
        return navigation.neighbours(self.library, self.current)

    def step_labels(self) -> tuple[navigation.StepLabel, navigation.StepLabel]:
        """What the Previous and Next commands say here."""
        previous, following = self.neighbours()
        return (navigation.step_label("Previous", previous, "Ctrl+PgUp"),
                navigation.step_label("Next", following, "Ctrl+PgDown"))

    @property
    def article(self) -> Article | None:
        """The article shown, if an article of this library is."""
        if self.current is None or self.current.kind != "article":
            return None
        return self.library.articles.get(self.current.id)

    # -- inside ------------------------------------------------------------------------------
    def _step(self, step: Callable[[], Location | None]) -> None:
        self.history.remember_scroll(self._scroll_position())
        location = step()
        if location is not None:
            self._arrive(Move(location, scroll=self.history.current_scroll))

    def _arrive(self, move: Move) -> None:
        self.current = move.location
        self.moved.emit(move)
