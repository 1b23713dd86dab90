"""Print and PDF handouts: the article alone, on paper-friendly colours, diagrams crisp.

The handout is built from the renderer's handout HTML into its own QTextDocument, so the
window's theme, zoom, search marks and navigation never reach the paper.

PDFs are drawn with QPdfWriter (QtGui), never QPrinter: creating a QPrinter makes Qt's print
support ask the print server (CUPS on ``localhost:631``, or ``$CUPS_SERVER`` anywhere) for a
default printer, which opens network connections and, when the server does not answer, holds
the export for seconds to minutes. Only printing on paper (File › Print) loads QtPrintSupport.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from reader.diagram.states import STILL_SIZE, state_from_src
from reader.library.model import Article
from reader.render import Renderer
from reader.system.i18n import translate
from reader.system.json_file import write_atomically
from reader.ui.article_view import article_stylesheet
from reader.ui.themes import palette_for

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

#: Diagrams are drawn at this many pixels per CSS pixel for print (about 300 dpi on paper).
PRINT_PIXEL_RATIO = 3.0
#: Dots per inch of a PDF handout: QPrinter's HighResolution, which the handouts used before.
PDF_RESOLUTION = 1200
#: The page margins QPrinter gives a PDF; the document adds its own 2 cm inside them.
PDF_MARGINS_PT = QMarginsF(10, 10, 10, 10)


class HandoutDocument(QTextDocument):
    """A printable article; images are local files and diagram stills drawn for print."""

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802
        if kind == QTextDocument.ResourceType.ImageResource.value:
            state, _ = state_from_src(url.toString())
            if state is not None:
                from reader.ui.diagram.painter import render_still

                width, height = STILL_SIZE
                return render_still(state, width, height, palette_for("light"),
                                    PRINT_PIXEL_RATIO)
            if url.isLocalFile():
                from reader.library.images import check_image

                # As on screen: a picture too large to decode, or no regular file, is skipped.
                path = url.toLocalFile()
                image = QImage() if check_image(Path(path)) else QImage(path)
                return image if not image.isNull() else None
            return None
        return super().loadResource(kind, url)


def build_handout(renderer: Renderer, article: Article) -> HandoutDocument:
    """The handout for ``article``, ready to print."""
    document = HandoutDocument()
    document.setDefaultStyleSheet(article_stylesheet(palette_for("light")))
    document.setHtml(renderer.article(article, handout=True).html)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, article.title)
    return document


def _printer() -> QPrinter:
    """A printer for paper (this asks the print server for the default printer)."""
    from PySide6.QtPrintSupport import QPrinter

    # The paper size is the system's default (Letter or A4, by locale).
    return QPrinter(QPrinter.PrinterMode.HighResolution)


def pdf_page_size() -> QPageSize:
    """Letter where the locale measures in US units, A4 elsewhere: a PDF has no printer to
    take its paper from, and asking the print server is what PDFs must not do."""
    if QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def draw_pdf(title: str, paint: Callable[[QPdfWriter], object]) -> bytes:
    """A PDF drawn in memory by ``paint`` (so a file is only ever written whole), on the
    locale's paper with the handouts' margins and resolution; complete when ``paint``'s
    painter has ended, before this returns."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(QPageLayout(pdf_page_size(), QPageLayout.Orientation.Portrait,
                                     PDF_MARGINS_PT, QPageLayout.Unit.Point))
    writer.setTitle(title)
    writer.setCreator("Diabetes Reader")
    paint(writer)
    del writer
    return bytes(buffer.data())


def pdf_bytes(document: QTextDocument) -> bytes:
    """The handout as a PDF. ``print_`` lays a copy of the document out on the writer's
    pages (2 cm margins, page numbers) and paints it."""
    return draw_pdf(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle),
                    document.print_)


def why_unwritable(path: Path) -> str | None:
    """Why a file cannot be saved at ``path`` (before the work of drawing it), or ``None``.

    The rest (no permission, a full disk) is learnt from writing it.
    """
    folder = path.parent
    if path.is_dir():
        return translate("Printing", "it is a folder")
    if not folder.exists():
        return translate("Printing", "the folder {folder} does not exist").format(folder=folder)
    if not folder.is_dir():
        return translate("Printing", "{folder} is not a folder").format(folder=folder)
    if path.exists() and not os.access(path, os.W_OK):
        # Never replaced behind the user's back.
        return translate("Printing", "the file there is read-only")
    return None


def export_pdf(document: QTextDocument, path: Path) -> None:
    """Write the handout to a PDF file, whole or not at all (no partial file is left).

    Raises ``OSError`` whose text names the file and says why it cannot be written.
    """
    write_pdf(path, lambda: pdf_bytes(document))


def write_pdf(path: Path, draw: Callable[[], bytes]) -> None:
    """Write the PDF that ``draw`` makes in memory to ``path``, whole or not at all; the
    folder is checked first, so nothing is drawn for a file that cannot be saved. Raises
    ``OSError`` naming the file and why."""
    reason = why_unwritable(path)
    if reason is None:
        data = draw()
        if not data:
            reason = translate("Printing", "the PDF could not be drawn")
        else:
            try:
                write_atomically(path, data)
            except OSError as error:
                reason = error.strerror or str(error) or type(error).__name__
    if reason is not None:
        raise OSError(translate("Printing", "cannot save {path}: {reason}").format(
            path=path, reason=reason))


def print_with_preview(document: QTextDocument, parent: QWidget) -> None:
    """The system's print dialog, with a preview of every page first."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    dialog = QPrintPreviewDialog(_printer(), parent)
    dialog.setWindowTitle(translate("Printing", "Print Preview"))
    dialog.paintRequested.connect(document.print_)
    dialog.exec()
