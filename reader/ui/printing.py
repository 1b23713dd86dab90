"""Print and PDF handouts: the article alone, on paper-friendly colours, diagrams crisp.

The handout is built from the renderer's handout HTML into its own QTextDocument, so the
window's theme, zoom, search marks and navigation never reach the paper.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from reader import diagram
from reader.library.model import Article
from reader.render import Renderer
from reader.ui.article_view import article_stylesheet
from reader.ui.themes import palette_for

#: Diagrams are drawn at this many pixels per CSS pixel for print (about 300 dpi on paper).
PRINT_PIXEL_RATIO = 3.0


class HandoutDocument(QTextDocument):
    """A printable article; images are local files and diagram stills drawn for print."""

    def loadResource(self, kind: int, url: QUrl):  # noqa: N802
        if kind == QTextDocument.ResourceType.ImageResource.value:
            state, _ = diagram.state_from_src(url.toString())
            if state is not None:
                from reader.ui.diagram import render_still

                width, height = diagram.STILL_SIZE
                return render_still(state, width, height, palette_for("light"),
                                    PRINT_PIXEL_RATIO)
            if url.isLocalFile():
                image = QImage(url.toLocalFile())
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
    # The paper size is the system's default (Letter or A4, by locale).
    return QPrinter(QPrinter.PrinterMode.HighResolution)


def export_pdf(document: QTextDocument, path: Path) -> None:
    """Write the handout to a PDF file. Raises ``OSError`` if it cannot be written."""
    printer = _printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    document.print_(printer)
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"the PDF could not be written to {path}")


def print_with_preview(document: QTextDocument, parent: QWidget) -> None:
    """The system's print dialog, with a preview of every page first."""
    dialog = QPrintPreviewDialog(_printer(), parent)
    dialog.setWindowTitle("Print Preview")
    dialog.paintRequested.connect(document.print_)
    dialog.exec()
