"""View › Language and "Leer en español" / "Read in English": the reader in another language at
once, without a restart.

The interface's words and the bundled library change together: the translators for the new
language are installed, the same library in that language is opened, and a new window is made
in the old one's place, on the counterpart of the page that was shown (the same place in the
reading order), with the same size, panels and preferences; then the old window closes. A new
window rather than every widget relabelled in place: it cannot leave a word behind in the old
language, and the library changes anyway. A library opened from another folder keeps its
articles; only the interface changes. The choice is kept for the next start.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from reader.library import LibraryError, load_library
from reader.library.links import Location
from reader.library.model import Library
from reader.library.translations import is_bundled, place_in
from reader.system import i18n, paths
from reader.ui.translators import install_language
from reader.user import language as language_choice
from reader.user.remembered import Remembered


class LanguageSwitch(QObject):
    """Owns "the window" across language switches; ``make_window(library)`` makes a shown
    window, as the app does at start."""

    switched = Signal(object)  # the new MainWindow

    def __init__(self, make_window: Callable[[Library], object], cache_dir,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._make_window = make_window
        self._cache_dir = cache_dir
        self.window = None

    def attach(self, window) -> None:
        self.window = window
        window.languages.requested.connect(self.switch)

    def switch(self, language: str) -> bool:
        """The reader in ``language``; ``False`` (and a word in the status bar) if its library
        cannot be opened."""
        old = self.window
        before = i18n.language()
        if old is None or (language == before and old.library.language == language):
            return False
        library = old.library
        if is_bundled(library) and library.language != language:
            try:
                library = load_library(paths.bundled_library(language), self._cache_dir,
                                       trust_snapshot=True)
            except LibraryError as error:
                old.statusBar().showMessage(str(error))
                self._tick(old, before)
                return False
        here = old.navigator.current or Location.home()
        there = place_in(library, old.library, here) if library is not old.library else here
        handout = self._handout_in(old, library)
        on_handout = old.tabs.currentWidget() is old.handout_panel
        old.save_state()
        Remembered(old.settings).remember_location(library, there)
        gc.unfreeze()  # the old window's objects can go (warm_up froze them)
        install_language(language)
        try:
            new = self._make_window(library)
        except Exception:
            install_language(before)  # the old window goes on as it was
            self._tick(old, before)
            raise
        old.settings.set(language_choice.KEY, language)
        old.settings.save()
        new.handout.carry_over(*handout)
        if on_handout:
            new.focus_handout()
        old.persist = False  # its state is saved; closing must not write it again
        old.close()
        old.deleteLater()
        self.attach(new)
        self.switched.emit(new)
        return True

    @staticmethod
    def _handout_in(old, library: Library) -> tuple[list[str], str, bool]:
        """The old window's handout for ``library``: its articles' counterparts there (the
        same ones where the library stays), its note and its cover."""
        ids = old.handout.ids()
        if library is not old.library:
            ids = [found for i in ids
                   if (found := old.library.articles[i].translation(library.language))]
        return ids, old.handout_panel.note.toPlainText(), old.handout_panel.cover.isChecked()

    @staticmethod
    def _tick(window, language: str) -> None:
        action = window.languages.actions.get(language)
        if action is not None:
            action.setChecked(True)
