"""The article view: shows a rendered page, forwards link clicks, highlights search hits."""

from __future__ import annotations

from urllib.parse import unquote

from PySide6.QtCore import QEvent, QObject, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader import diagram, paths
from reader.library.links import Location
from reader.render import Page
from reader.render.links_extension import BROKEN_PREFIX, DIAGRAM_SIZE

#: Text wider than this is hard to read; wider windows get side margins instead.
MAX_TEXT_WIDTH = 760
_MIN_MARGIN = 16


def article_stylesheet(palette: QPalette) -> str:
    """The article CSS with colours taken from ``palette`` (so dark themes work)."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    dark = base.lightness() < 128
    muted = QColor.fromHslF(max(0.0, text.hslHueF()), text.hslSaturationF(),
                            0.68 if dark else 0.38)
    colours = {
        "text": text.name(),
        "base": base.name(),
        "link": palette.color(QPalette.ColorRole.Link).name(),
        "muted": muted.name(),
        "warning": "#ff8a80" if dark else "#b00020",
        "notice": "#23313d" if dark else "#eef5fb",
        "notice_border": "#3d5568" if dark else "#b7d0e6",
        "alternate": palette.color(QPalette.ColorRole.AlternateBase).name(),
    }
    css = paths.resource("article.css").read_text(encoding="utf-8")
    for key, value in colours.items():
        css = css.replace("{" + key + "}", value)
    return css


class ArticleView(QTextBrowser):
    """A read-only rich-text view of one page at a time."""

    locationRequested = Signal(object)  # noqa: N815 — a Location
    externalLinkClicked = Signal(str)  # noqa: N815
    brokenLinkClicked = Signal(str)  # noqa: N815 — the reason
    fileLinkClicked = Signal(QUrl)  # noqa: N815
    diagramRequested = Signal(str)  # noqa: N815 — a diagram state's key
    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Article")
        self.anchorClicked.connect(self._on_anchor)
        self._matcher = None  # a TermMatcher, made on the first highlight (imports Whoosh)
        self._page: Page | None = None
        self.hit_count = 0
        self.document().setDefaultStyleSheet(article_stylesheet(self.palette()))
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.document().setDefaultFont(font)
        self.viewport().installEventFilter(self)

    @property
    def page(self) -> Page | None:
        return self._page

    def show_page(self, page: Page, terms: tuple[str, ...] = ()) -> None:
        """Show ``page``, scrolled to its anchor, or to the first search hit if ``terms``."""
        self._page = page
        self.setHtml(page.html)
        self._fit_margins()
        self.setAccessibleDescription(page.title)
        self.hit_count = self.highlight(terms)
        if page.location.anchor:
            self.scrollToAnchor(page.location.anchor)
        elif not self.hit_count:
            self.verticalScrollBar().setValue(0)

    def highlight(self, terms: tuple[str, ...]) -> int:
        """Mark every word matching ``terms`` (stemmed like the index) and scroll to the first."""
        selections: list[QTextEdit.ExtraSelection] = []
        spans: list[tuple[int, int]] = []
        if terms:
            if self._matcher is None:
                from reader.search.highlight import TermMatcher

                self._matcher = TermMatcher()
            spans = self._matcher.spans(self.document().toPlainText(), terms)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffe066"))
        fmt.setForeground(QColor("#000000"))
        for start, length in spans:
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)
        if selections:
            first = QTextCursor(selections[0].cursor)
            first.clearSelection()
            self.setTextCursor(first)
            self.ensureCursorVisible()
        return len(selections)

    def _fit_margins(self) -> None:
        width = self.viewport().width()
        side = max(_MIN_MARGIN, (width - MAX_TEXT_WIDTH) // 2)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if int(fmt.leftMargin()) != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(_MIN_MARGIN)
            fmt.setBottomMargin(_MIN_MARGIN * 2)
            frame.setFrameFormat(fmt)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_margins()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.viewport() and event.type() == QEvent.Type.Paint and self._page:
            self.painted.emit()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.document().setDefaultStyleSheet(article_stylesheet(self.palette()))
            if self._page is not None:
                self.show_page(self._page)

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802
        """Only local images and diagram stills (drawn here, crisp at the screen's pixel
        ratio) are loaded, never the network; wide images are scaled to fit."""
        if kind == QTextDocument.ResourceType.ImageResource.value:
            state, _ = diagram.state_from_src(url.toString())
            if state is not None:
                from reader.ui.diagram import render_still

                width, height = DIAGRAM_SIZE
                return render_still(state, width, height, self.palette(),
                                    self.devicePixelRatioF())
            if not url.isLocalFile():
                return None
            image = QImage(url.toLocalFile())
            if image.isNull():
                return None
            limit = max(200, min(MAX_TEXT_WIDTH, self.viewport().width() - 2 * _MIN_MARGIN))
            if image.width() > limit:
                image = image.scaledToWidth(limit)
            return image
        return super().loadResource(kind, url)

    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith(BROKEN_PREFIX):
            self.brokenLinkClicked.emit(unquote(text[len(BROKEN_PREFIX):]))
            return
        state = diagram.state_from_url(text)
        if state is not None:
            self.diagramRequested.emit(state.key)
            return
        location = Location.from_url(text)
        if location is not None:
            self.locationRequested.emit(location)
        elif url.isLocalFile():
            self.fileLinkClicked.emit(url)
        else:
            self.externalLinkClicked.emit(text)
