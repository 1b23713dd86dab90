"""What the reader says when a link leads out of the library: it never goes online and never
hands a file to another program, so each kind of link gets a small dialog instead.

Functions, not methods of the window: each takes the parent widget and, where it confirms an
action, a ``tell(message, milliseconds)`` callable (the status bar's ``showMessage``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.system.i18n import translate

Tell = Callable[[str, int], None]


def web_link(parent: QWidget, url: str, tell: Tell) -> None:
    """The address, and a way to copy it for a device that is online."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(translate("LinkDialogs", "Web link"))
    box.setText(translate("LinkDialogs", "This reader works offline and does not open web pages."))
    box.setInformativeText(translate("LinkDialogs", "The link goes to:\n{url}\n\nYou can copy "
                                                    "the address and open it on a device that "
                                                    "is online.").format(url=url))
    copy = box.addButton(translate("LinkDialogs", "&Copy Address"),
                         QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is copy:
        QGuiApplication.clipboard().setText(url)
        tell(translate("LinkDialogs", "Address copied."), 4000)


def broken_link(parent: QWidget, reason: str) -> None:
    QMessageBox.warning(parent, translate("LinkDialogs", "Broken link"),
                        translate("LinkDialogs", "This link does not lead anywhere: {reason}.")
                        .format(reason=reason))


def file_link(parent: QWidget, url: QUrl, tell: Tell) -> None:
    """A link to a file in the library that is not an article: the reader never hands it to
    another program (a script or program would run); it says where the file is, and opens its
    folder only if asked."""
    path = Path(url.toLocalFile())
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(translate("LinkDialogs", "Link to a file"))
    box.setText(translate("LinkDialogs", "This link points to a file that is not an article. "
                                         "The reader does not open files with other programs."))
    box.setInformativeText(translate("LinkDialogs", "The file is:\n{path}").format(path=path))
    folder = box.addButton(translate("LinkDialogs", "Show &Folder"),
                           QMessageBox.ButtonRole.ActionRole)
    copy = box.addButton(translate("LinkDialogs", "&Copy Location"),
                         QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is copy:
        QGuiApplication.clipboard().setText(str(path))
        tell(translate("LinkDialogs", "Location copied."), 4000)
    elif box.clickedButton() is folder and not QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path.parent))):
        QMessageBox.warning(parent, translate("LinkDialogs", "Cannot show the folder"),
                            translate("LinkDialogs", "No program on this computer shows the "
                                                     "folder {folder}.").format(folder=path.parent))
