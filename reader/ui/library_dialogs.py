"""Opening another library folder: the folder is loaded in the core, and the reader is told,
in a dialog, why one cannot be opened (the library shown stays as it was)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from reader.library import LibraryError, load_library
from reader.library.model import Library
from reader.system.i18n import translate


def library_from(folder: Path, cache_dir: Path, parent: QWidget) -> Library | None:
    """The library in ``folder``, or ``None`` once the reader has been told why not."""
    try:
        library = load_library(folder, cache_dir)
    except LibraryError as error:
        QMessageBox.warning(parent, translate("LibraryDialogs", "Cannot open library"),
                            str(error))
        return None
    if not library.reading_order:
        QMessageBox.warning(parent, translate("LibraryDialogs", "Cannot open library"),
                            translate("LibraryDialogs", "{folder} holds no Markdown (.md) "
                                                        "articles.").format(folder=folder))
        return None
    return library
