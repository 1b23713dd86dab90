"""The article view: shows a rendered page, forwards link clicks, highlights search hits."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QKeySequence,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.library.images import check_image
from reader.library.links import BROKEN_PREFIX, Location
from reader.reading import find
from reader.render import Page, themes
from reader.system import paths
from reader.system.i18n import translate

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


def placeholder(text: str, palette: QPalette) -> QImage:
    """A small picture that says why the real one is not shown."""
    image = QImage(420, 60, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(palette.color(QPalette.ColorRole.AlternateBase))
    painter = QPainter(image)
    painter.setPen(palette.color(QPalette.ColorRole.Text))
    painter.drawRect(0, 0, image.width() - 1, image.height() - 1)
    painter.drawText(image.rect().adjusted(8, 4, -8, -4),
                     int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                     translate("ArticleView", "Picture not shown: {reason}").format(reason=text))
    painter.end()
    return image


class ArticleView(QTextBrowser):
    """A read-only rich-text view of one page at a time."""

    locationRequested = Signal(object)  # noqa: N815 — a Location
    externalLinkClicked = Signal(str)  # noqa: N815
    brokenLinkClicked = Signal(str)  # noqa: N815 — the reason
    fileLinkClicked = Signal(QUrl)  # noqa: N815
    diagramRequested = Signal(str)  # noqa: N815 — a diagram state's key
    zoomRequested = Signal(int)  # noqa: N815 — +1 larger, -1 smaller (Ctrl+wheel)
    painted = Signal()
    #: A page's text was laid out anew (another page, zoom, theme): positions changed.
    pageShown = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # Caret browsing: arrow keys move a caret through the text, and a screen reader
        # follows it line by line, word by word (links stay reachable with Tab).
        self.setTextInteractionFlags(self.textInteractionFlags()
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setAccessibleName(translate("ArticleView", "Article"))
        self.anchorClicked.connect(self._on_anchor)
        self._matcher = None  # a TermMatcher, made on the first highlight (imports Whoosh)
        #: The library's language: search hits are matched as its index stems them.
        self.language = "en"
        self._search_spans: list[tuple[int, int]] = []
        self._find_spans: list[tuple[int, int]] = []
        self.find_current = -1
        #: What is marked now (search hits or find matches) and the sentence read aloud.
        self._marks: tuple[list[tuple[int, int]], int] = ([], -1)
        self._reading: tuple[int, int] | None = None
        self._page: Page | None = None
        self.document().setDefaultStyleSheet(article_stylesheet(self.palette()))
        self._base_point_size = self.font().pointSizeF()
        self.zoom = 100
        self._apply_font()
        self.viewport().installEventFilter(self)
        self.highlighted.connect(self._on_highlighted)

    @property
    def page(self) -> Page | None:
        return self._page

    @property
    def hit_count(self) -> int:
        """How many words of the last search are marked in this page."""
        return len(self._search_spans)

    def _apply_font(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(self._base_point_size * 1.15 * self.zoom / 100)
        self.document().setDefaultFont(font)

    def set_zoom(self, percent: int) -> None:
        """Text size in percent; the page is laid out again where the reader was."""
        if percent == self.zoom:
            return
        self.zoom = percent
        self._apply_font()
        self._relayout()

    def _relayout(self) -> None:
        if self._page is None:
            return
        bar = self.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.setHtml(self._page.html)
        self._fit_margins()
        self._mark(self._search_spans, current=-1, scroll=False)
        bar.setValue(round(ratio * bar.maximum()))
        self.pageShown.emit()

    def event(self, event: QEvent) -> bool:
        # QTextBrowser zooms itself on Ctrl++/Ctrl+-; the window's zoom (which also sizes the
        # tree and results and is remembered) must get those keys instead.
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.ZoomIn)
                or event.matches(QKeySequence.StandardKey.ZoomOut)
                or event.key() == Qt.Key.Key_Equal):
            event.ignore()
            return False
        return super().event(event)

    def wheelEvent(self, event) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoomRequested.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def tooltip_at(self, position) -> str:
        """The tooltip (a glossary definition, a link's address) at a viewport position."""
        return self.cursorForPosition(position).charFormat().toolTip()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _on_highlighted(self, url: QUrl) -> None:
        """A link reached with the keyboard (Tab) shows its tooltip, as hovering does."""
        cursor = self.textCursor()
        if url.isEmpty() or not cursor.hasSelection() or not self.hasFocus():
            return
        inside = QTextCursor(self.document())
        inside.setPosition(cursor.selectionStart() + 1)
        tip = inside.charFormat().toolTip()
        if tip:
            point = self.viewport().mapToGlobal(self.cursorRect(inside).bottomLeft())
            QToolTip.showText(point, tip, self.viewport())
            self.setAccessibleDescription(tip)

    def show_page(self, page: Page, terms: tuple[str, ...] = ()) -> None:
        """Show ``page``, scrolled to its anchor, or to the first search hit if ``terms``."""
        self._page = page
        self._find_spans, self.find_current = [], -1
        self._reading = None
        self.setHtml(page.html)
        self._fit_margins()
        # What a screen reader says when it lands here: the page's title, not "text".
        self.setAccessibleName(page.title or translate("ArticleView", "Article"))
        self.setAccessibleDescription(page.title)
        self.highlight(terms)
        if page.location.anchor:
            self.scrollToAnchor(page.location.anchor)
        elif not self.hit_count:
            self.verticalScrollBar().setValue(0)
        self.pageShown.emit()

    # -- the sentence read aloud ---------------------------------------------------------------
    def mark_reading(self, start: int, end: int) -> None:
        """Mark the sentence being read (text positions), readable in every theme
        (``themes.reading_mark``), and scroll it into view if it is not."""
        self._reading = (start, end)
        self._apply_marks()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        top = self.cursorRect(cursor).top()
        cursor.setPosition(end)
        bottom = self.cursorRect(cursor).bottom()
        if top < 0 or bottom > self.viewport().height():
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + top - self.viewport().height() // 3)

    def clear_reading(self) -> None:
        if self._reading is not None:
            self._reading = None
            self._apply_marks()

    @property
    def reading_span(self) -> tuple[int, int] | None:
        return self._reading

    # -- headings ------------------------------------------------------------------------------
    def headings(self) -> list[tuple[int, str, int]]:
        """``(level, text, position)`` of every section heading on the page (h2 and below;
        the title is the page's name)."""
        found = []
        block = self.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level >= 2 and block.text().strip():
                found.append((level, " ".join(block.text().split()), block.position()))
            block = block.next()
        return found

    def top_position(self) -> int:
        """The text position at the top of the view."""
        return self.cursorForPosition(self.viewport().rect().topLeft()).position()

    def visible_range(self) -> tuple[int, int]:
        """The text positions at the top and the bottom of the view."""
        rect = self.viewport().rect()
        return self.top_position(), self.cursorForPosition(rect.bottomRight()).position()

    def reading_position(self) -> int:
        """Where the reader is: the top of the view, or its bottom once the page is scrolled
        to the end (the last short sections can never reach the top)."""
        if self.at_end():
            return self.cursorForPosition(self.viewport().rect().bottomLeft()).position()
        return self.top_position()

    def at_end(self) -> bool:
        """Scrolled to the end of a page longer than the view."""
        bar = self.verticalScrollBar()
        return bool(bar.maximum()) and bar.value() >= bar.maximum()

    def go_to_position(self, position: int) -> None:
        """Scroll ``position`` to the top of the view and put the keyboard caret there."""
        block = self.document().findBlock(position)
        layout = self.document().documentLayout()
        # Scrolled first: a caret set first would scroll the view on its own, one step early.
        self.verticalScrollBar().setValue(int(layout.blockBoundingRect(block).top()))
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        self.setTextCursor(cursor)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def highlight(self, terms: tuple[str, ...]) -> int:
        """Mark every word matching ``terms`` (stemmed like the index) and scroll to the first."""
        spans: list[tuple[int, int]] = []
        if terms:
            if self._matcher is None or self._matcher.language != self.language:
                from reader.search.highlight import TermMatcher

                self._matcher = TermMatcher(self.language)
            spans = self._matcher.spans(self.document().toPlainText(), terms)
        self._search_spans = spans
        self._mark(spans, current=0 if spans else -1)
        return len(spans)

    def find_text(self, needle: str) -> int:
        """Mark every occurrence of ``needle`` (find in page); the first one from the top of
        the view on becomes current. Returns the number of matches."""
        self._find_spans = find.find_all(self.document().toPlainText(), needle)
        top = self.top_position()
        self.find_current = next((i for i, (start, _) in enumerate(self._find_spans)
                                  if start >= top), 0 if self._find_spans else -1)
        self._mark(self._find_spans, self.find_current)
        return len(self._find_spans)

    def find_step(self, forward: bool) -> int:
        self.find_current = find.step(self.find_current, len(self._find_spans), forward)
        self._mark(self._find_spans, self.find_current)
        return self.find_current

    def end_find(self) -> None:
        """Back to the search hits (if any) once the find bar closes."""
        self._find_spans, self.find_current = [], -1
        self._mark(self._search_spans, current=-1, scroll=False)

    @property
    def find_count(self) -> int:
        return len(self._find_spans)

    def _mark(self, spans: list[tuple[int, int]], current: int, scroll: bool = True) -> None:
        """Highlight ``spans``; the ``current`` one stands out and is scrolled into view."""
        self._marks = (spans, current)
        selections = self._apply_marks()
        if scroll and 0 <= current < len(spans):
            target = QTextCursor(selections[current].cursor)
            target.clearSelection()
            self.setTextCursor(target)
            self.ensureCursorVisible()

    def _apply_marks(self) -> list[QTextEdit.ExtraSelection]:
        spans, current = self._marks
        selections: list[QTextEdit.ExtraSelection] = []
        normal = QTextCharFormat()
        normal.setBackground(QColor("#ffe066"))
        normal.setForeground(QColor("#000000"))
        strong = QTextCharFormat(normal)
        strong.setBackground(QColor("#ff9632"))
        for index, (start, length) in enumerate(spans):
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = strong if index == current and len(spans) > 1 else normal
            selections.append(selection)
        if self._reading is not None:
            roles = {role: self.palette().color(getattr(QPalette.ColorRole, role)).name()
                     for role in ("Highlight", "HighlightedText", "Base", "Text")}
            background, text, line = themes.reading_mark(roles)
            reading = QTextCharFormat()
            reading.setBackground(QColor(background))
            reading.setForeground(QColor(text))
            reading.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            reading.setUnderlineColor(QColor(line))
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._reading[0])
            cursor.setPosition(self._reading[1], QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor, selection.format = cursor, reading
            selections.append(selection)
        self.setExtraSelections(selections)
        return selections

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
            self._relayout()

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802
        """Only local images and diagram stills (drawn here, crisp at the screen's pixel
        ratio) are loaded, never the network; wide images are scaled to fit."""
        if kind == QTextDocument.ResourceType.ImageResource.value:
            from reader.diagram.states import STILL_SIZE, state_from_src

            state, _ = state_from_src(url.toString())
            if state is not None:
                from reader.ui.diagram.painter import render_still

                width, height = STILL_SIZE
                return render_still(state, width, height, self.palette(),
                                    self.devicePixelRatioF())
            if not url.isLocalFile():
                return None
            path = Path(url.toLocalFile())
            problem = check_image(path)
            image = QImage() if problem else QImage(str(path))
            if image.isNull():
                if problem:
                    why = f"{path.name} {problem}"
                else:
                    why = translate("ArticleView", "{name} could not be read").format(
                        name=path.name)
                return placeholder(why, self.palette())
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
        from reader.diagram.states import state_from_url

        state = state_from_url(text)
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
