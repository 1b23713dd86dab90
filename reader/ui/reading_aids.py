"""How the reading aids follow the article: On This Page marks the section on screen and moves
the view to a chosen one, Read Aloud starts from a chosen section, and whatever they tell the
reader goes to the status bar, which the announcer says to screen-reader users too."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStatusBar

from reader.ui.announcer import Announcer
from reader.ui.article_view import ArticleView
from reader.ui.headings_panel import HeadingsPanel
from reader.ui.read_aloud import ReadAloud

#: How long a read-aloud message stays in the status bar (ms).
MESSAGE_MS = 10000


def connect_reading_aids(view: ArticleView, panel: HeadingsPanel, read_aloud: ReadAloud,
                         status_bar: QStatusBar, announcer: Announcer,
                         update_actions: Callable[[], None]) -> None:
    """Wire the parts to one another (each is tested alone)."""

    def page_shown() -> None:
        page = view.page
        panel.show_headings(view.headings(),
                            readable=page is not None and page.location.kind == "article")

    view.pageShown.connect(page_shown)
    view.verticalScrollBar().valueChanged.connect(
        lambda _v: panel.follow(view.reading_position(),
                                view.visible_range() if view.at_end() else None))
    panel.headingActivated.connect(view.go_to_position)
    panel.readFromRequested.connect(read_aloud.read_from)
    read_aloud.said.connect(lambda text: status_bar.showMessage(text, MESSAGE_MS))
    read_aloud.stateChanged.connect(lambda _state: update_actions())
    status_bar.messageChanged.connect(announcer.announce)
