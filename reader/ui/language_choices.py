"""View › Language, and the article's "Leer en español" / "Read in English": which languages the
reader can switch to, and the command that opens this article's counterpart.

Each language is named in its own words ("English", "Español"), and so is the command that
goes to it: a reader who does not read the current language can still find their own. The
switch itself is the app's (``language_switch.py``): this part only says which one is wanted.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from reader.library.links import Location
from reader.library.model import Library
from reader.library.translations import LANGUAGE_NAMES, is_bundled
from reader.system import i18n, paths
from reader.system.i18n import translate
from reader.ui.actions import choice_actions

#: The command to read a page in each language, in that language.
READ_IN = {"en": "Read in English", "es": "Leer en español"}


class LanguageChoices(QObject):
    """The language submenu and the article's counterpart command."""

    requested = Signal(str)  # the language the reader asked for

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.languages = paths.bundled_languages()
        self.actions: dict[str, QAction] = choice_actions(
            window, {code: LANGUAGE_NAMES.get(code, code) for code in self.languages},
            self.requested.emit, translate("LanguageChoices", "The language of the app and of "
                                                              "its library"))
        current = self.actions.get(i18n.language())
        if current is not None:
            current.setChecked(True)

    def submenu(self) -> tuple[str, dict[str, QAction]]:
        """The ``"@language"`` submenu of the action table."""
        return translate("LanguageChoices", "&Language"), self.actions

    def other(self, library: Library) -> str | None:
        """The language the article command goes to: the first other bundled one."""
        return next((code for code in self.languages if code != library.language), None)

    def label(self, action: QAction, library: Library, location: Location | None) -> None:
        """Name the counterpart command for the page shown: on in the bundled library, where
        there is a counterpart, named in the language it goes to."""
        other = self.other(library)
        action.setText(READ_IN.get(other, LANGUAGE_NAMES.get(other, other or "")))
        if other is None or not is_bundled(library):
            action.setEnabled(False)
            return
        article = library.article(location.id) if location and location.kind == "article" \
            else None
        action.setEnabled(article is None or article.translation(other) is not None)

    def read_in_other(self, library: Library) -> None:
        other = self.other(library)
        if other is not None:
            self.requested.emit(other)
