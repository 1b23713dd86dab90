"""The reading side of the window: the breadcrumb, the find bar, the read-aloud controls and the
article, one above the other, following the navigator.

It shows each move's page (asking ``page_for`` when the move brings none), returns to the
scroll position of a step back, keeps find-in-page counting on the new page, and turns a click
on the breadcrumb into a ``locationRequested`` the navigator answers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolBar, QVBoxLayout, QWidget

from reader.library.links import Location
from reader.library.model import Library
from reader.render import Page
from reader.render.breadcrumb import breadcrumb_html
from reader.system.i18n import translate
from reader.ui.article_view import ArticleView
from reader.ui.find_bar import FindBar
from reader.ui.navigator import Move
from reader.ui.read_aloud_bar import ReadAloudBar


class ReadingPane(QWidget):
    """Breadcrumb, find bar, read-aloud bar and article view; ``page_for`` renders a place."""

    locationRequested = Signal(object)  # noqa: N815 (a Location, from the breadcrumb)

    def __init__(self, library: Library, page_for: Callable[[Location], Page],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._page_for = page_for
        self.breadcrumb = QLabel(self)
        self.breadcrumb.setTextFormat(Qt.TextFormat.RichText)
        self.breadcrumb.setAccessibleName(translate("ReadingPane", "You are here"))
        self.breadcrumb.setContentsMargins(10, 6, 10, 4)
        self.breadcrumb.setWordWrap(True)  # a long trail must not force a wide window
        self.breadcrumb.linkActivated.connect(self._on_breadcrumb)
        # Made in the order Tab visits them, which is the order they are shown in.
        self.find_bar = FindBar(self)
        self.read_aloud_bar = ReadAloudBar(self)
        self.article_view = ArticleView(self)
        self.article_view.language = library.language
        self._header = QHBoxLayout()
        self._header.setContentsMargins(0, 0, 6, 0)
        self._header.addWidget(self.breadcrumb, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self._header)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.read_aloud_bar)
        layout.addWidget(self.article_view, 1)
        self.find_bar.searchChanged.connect(self._on_find_text)
        self.find_bar.stepRequested.connect(self.find_step)
        self.find_bar.closed.connect(self._on_find_closed)

    def tab_chain(self) -> list[QWidget]:
        """The pane's controls in the order Tab visits them: as shown, top to bottom, so the
        read-aloud controls come before the article they read, not after it."""
        find, bar = self.find_bar, self.read_aloud_bar
        return [find.field, find.previous_button, find.next_button, find.close_button,
                bar.pause_button, bar.stop_button, bar.speed, bar.voice, self.article_view]

    def set_toolbar(self, toolbar: QToolBar) -> None:
        """The article's commands, at the right of the breadcrumb."""
        self._header.addWidget(toolbar, 0)

    def set_library(self, library: Library) -> None:
        self.library = library
        self.article_view.language = library.language

    def scroll_position(self) -> int:
        return self.article_view.verticalScrollBar().value()

    def show_move(self, move: Move) -> None:
        """Show where the navigator arrived."""
        page = move.page if move.page is not None else self._page_for(move.location)
        self.article_view.show_page(page, move.terms)
        if move.scroll is not None:
            self.article_view.verticalScrollBar().setValue(move.scroll)
        if self.find_bar.isVisible():
            self._on_find_text(self.find_bar.field.text())
        self.breadcrumb.setText(breadcrumb_html(self.library, move.location))

    def show_again(self, page: Page) -> None:
        """The same place drawn anew (units changed), at the same scroll position."""
        bar = self.article_view.verticalScrollBar()
        value = bar.value()
        self.article_view.show_page(page)
        bar.setValue(value)

    # -- find in page ------------------------------------------------------------------------
    def open_find(self) -> None:
        self.find_bar.open_bar()

    def find_step(self, forward: bool) -> None:
        """F3 / Shift+F3: the next or previous match, opening the bar if it is closed."""
        if not self.find_bar.isVisible():
            self.open_find()
            return
        current = self.article_view.find_step(forward)
        self.find_bar.show_count(current, self.article_view.find_count)

    def _on_find_text(self, text: str) -> None:
        count = self.article_view.find_text(text)
        self.find_bar.show_count(self.article_view.find_current, count)

    def _on_find_closed(self) -> None:
        self.article_view.end_find()
        self.article_view.setFocus()

    def _on_breadcrumb(self, url: str) -> None:
        location = Location.from_url(url)
        if location is not None:
            self.locationRequested.emit(location)
