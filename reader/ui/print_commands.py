"""File › Print and File › Export PDF for the article shown: asking where, saying what happened.

The handout itself is made by ``ui/printing.py``, imported here only when a command runs, so
printing costs nothing at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.library.model import Article
from reader.render import Renderer
from reader.system.i18n import translate


def print_article(renderer: Renderer, article: Article, parent: QWidget) -> None:
    """The article as a handout, through the print dialog with a preview first."""
    from reader.ui.printing import build_handout, print_with_preview

    print_with_preview(build_handout(renderer, article), parent)


def export_article_pdf(renderer: Renderer, article: Article, parent: QWidget,
                       say: Callable[[str, int], None], path: Path | None = None) -> Path | None:
    """Save the article as a PDF handout (asks where, unless ``path`` is given); the saved
    file, or ``None`` when the reader cancelled or it could not be written (they are told)."""
    if path is None:
        suggested = Path.home() / f"{article.id.rsplit('/', 1)[-1]}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(
            parent, translate("PrintCommands", "Export PDF"), str(suggested),
            translate("PrintCommands", "PDF files (*.pdf)"))
        if not chosen:
            return None
        path = Path(chosen)
    from reader.ui.printing import build_handout, export_pdf

    try:
        export_pdf(build_handout(renderer, article), path)
    except OSError as error:
        QMessageBox.warning(parent, translate("PrintCommands", "Cannot save the PDF"),
                            str(error))
        return None
    say(translate("PrintCommands", "Saved {path}").format(path=path), 8000)
    return path
