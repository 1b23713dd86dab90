"""A clinic handout on paper or in a PDF: several articles in one document, laid out once and
painted page by page with the clinic's header and a "Page N of M · date · library" footer.

Qt's ``QTextDocument.print_`` numbers pages but draws no header; here the document is laid out
on pages as tall as the page less the header and footer, and each page is painted as a slice
of it between the two. Everything is laid out in the document's own units (96 per inch, as on
screen) and the painter is scaled to the device, as ``print_`` does, so text sizes are those
of the single-article handout. What is in the handout comes from ``reader/handout/book.py``.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QImageReader,
    QPagedPaintDevice,
    QPageLayout,
    QPainter,
    QTextDocument,
)

from reader.handout.book import Handout, book_html, footer_parts, header_text
from reader.handout.clinic import logo_problem
from reader.render import Renderer
from reader.system.i18n import translate
from reader.ui.article_view import article_stylesheet
from reader.ui.printing import HandoutDocument, draw_pdf, write_pdf
from reader.ui.themes import palette_for

#: Layout units per inch (the document's, as on screen).
DOC_DPI = 96.0
#: Page margins inside the paper's (mm): they print on ordinary printers.
MARGIN_MM = 12.0
#: The header's and the footer's height (mm), with the gap to the text.
HEADER_MM, FOOTER_MM = 16.0, 10.0
#: The cover's own look, on top of the article style.
_COVER_CSS = """
.handout-cover h1 { font-size: 26pt; margin-top: 40px; }
.cover-phone, .cover-date { font-size: 14pt; }
table.cover-note { font-size: 15pt; margin-top: 24px; margin-bottom: 24px; border-color: #777; }
.cover-library { color: #555; margin-top: 30px; }
"""


def _mm(value: float) -> float:
    return value / 25.4 * DOC_DPI


class HandoutBook:
    """The handout laid out; ``paint(device)`` draws every page onto a printer or PDF."""

    def __init__(self, renderer: Renderer, handout: Handout) -> None:
        self.handout = handout
        self.document = HandoutDocument()
        self.document.setDefaultStyleSheet(article_stylesheet(palette_for("light")) + _COVER_CSS)
        self.document.setHtml(book_html(renderer, handout))
        self.document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                         header_text(handout))
        self.logo = _logo(handout.clinic.logo)

    def page_count(self, device: QPagedPaintDevice) -> int:
        self._layout(device)
        return self.document.pageCount()

    def _layout(self, device: QPagedPaintDevice) -> tuple[QRectF, float]:
        """The page's paint rectangle in document units, and device pixels per unit."""
        scale = device.logicalDpiX() / DOC_DPI
        paint = device.pageLayout().paintRectPixels(device.logicalDpiX())
        page = QRectF(0, 0, paint.width() / scale, paint.height() / scale)
        margin = _mm(MARGIN_MM)
        height = page.height() - 2 * margin - _mm(HEADER_MM) - _mm(FOOTER_MM)
        # Qt keeps a page's height in 1/64ths: the same here, or the slices drift.
        body = QSizeF(page.width() - 2 * margin, math.floor(height * 64) / 64)
        self.document.setPageSize(body)
        self.document.setDocumentMargin(0)
        return page, scale

    def paint(self, device: QPagedPaintDevice) -> int:
        """Draw every page; the number of pages."""
        page, scale = self._layout(device)
        body = self.document.pageSize()
        pages = self.document.pageCount()
        margin = _mm(MARGIN_MM)
        painter = QPainter(device)
        painter.scale(scale, scale)
        try:
            for number in range(pages):
                if number:
                    device.newPage()
                self._header(painter, QRectF(margin, margin, body.width(), _mm(HEADER_MM)))
                painter.save()
                top = margin + _mm(HEADER_MM)
                painter.translate(margin, top - number * body.height())
                clip = QRectF(0, number * body.height(), body.width(), body.height())
                painter.setClipRect(clip)
                self.document.drawContents(painter, clip)
                painter.restore()
                footer = QRectF(margin, page.height() - margin - _mm(FOOTER_MM) * 0.7,
                                body.width(), _mm(FOOTER_MM) * 0.7)
                self._footer(painter, footer, number + 1, pages)
        finally:
            painter.end()
        return pages

    def _header(self, painter: QPainter, area: QRectF) -> None:
        height = area.height() * 0.7
        x = area.left()
        if self.logo is not None and not self.logo.isNull():
            # At most a third of the width (a wide wordmark is made smaller, not stretched).
            ratio = self.logo.width() / max(1, self.logo.height())
            width = min(height * ratio, area.width() / 3)
            logo_height = width / ratio
            target = QRectF(x, area.top() + (height - logo_height) / 2, width, logo_height)
            painter.drawImage(target, self.logo)
            x = target.right() + _mm(3)
        font = QFont()
        font.setPixelSize(round(_mm(4.2)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#1a1a1a"))
        clinic = self.handout.clinic
        name, phone = (clinic.name, clinic.phone) if clinic.name or clinic.phone else (
            header_text(self.handout), "")
        metrics = QFontMetricsF(font)
        phone_width = metrics.horizontalAdvance(phone) + _mm(4) if phone else 0.0
        # The phone always shows, at the right; a long name gives way ("…"). The name is
        # drawn first, so the PDF's text reads name, then phone.
        room = max(0.0, area.right() - x - phone_width)
        painter.drawText(QRectF(x, area.top(), room, height),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(name, Qt.TextElideMode.ElideRight, room))
        if phone:
            painter.drawText(QRectF(x, area.top(), area.right() - x, height),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, phone)
        painter.setPen(QColor("#888888"))
        painter.drawLine(area.left(), area.top() + height + _mm(1.5), area.right(),
                         area.top() + height + _mm(1.5))

    def _footer(self, painter: QPainter, area: QRectF, number: int, pages: int) -> None:
        font = QFont()
        font.setPixelSize(round(_mm(3.0)))
        painter.setFont(font)
        painter.setPen(QColor("#444444"))
        where, page = footer_parts(self.handout, number, pages)
        metrics = QFontMetricsF(font)
        # "Page N of M" always shows, at the right; a long library title gives way ("…").
        room = max(0.0, area.width() - metrics.horizontalAdvance(page) - _mm(6))
        painter.drawText(area, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignRight, page)
        painter.drawText(QRectF(area.left(), area.top(), room, area.height()),
                         Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(where, Qt.TextElideMode.ElideRight, room))


def _logo(path: Path | None) -> QImage | None:
    """The clinic's logo, drawn sharp for print (an SVG at print size)."""
    if path is None or logo_problem(path) is not None:
        return None
    reader = QImageReader(str(path))
    if reader.format() == b"svg":
        size = reader.size()
        if size.isValid() and size.height() > 0:
            reader.setScaledSize(size * (600 / size.height()))
    image = reader.read()
    return image if not image.isNull() else None


def handout_pdf(book: HandoutBook) -> bytes:
    """The handout as a PDF, drawn in memory (so a file is only ever written whole)."""
    return draw_pdf(header_text(book.handout), book.paint)


def save_handout_pdf(book: HandoutBook, path: Path) -> None:
    """Write the handout to ``path`` whole, or raise ``OSError`` saying why (no file left)."""
    write_pdf(path, lambda: handout_pdf(book))


def print_handout(book: HandoutBook, parent) -> None:
    """The system's print dialog, with a preview of every page first."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(translate("Printing", "Print Preview"))
    dialog.paintRequested.connect(book.paint)
    dialog.exec()
