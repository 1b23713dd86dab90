"""The handout between the basket (kept between runs), the Handout tab and the printer: add
articles (the article shown, a search hit, a bookmark, a ready set), reorder, remove, clear,
the clinic's details, and Print (with preview) or Save PDF of the whole handout."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QStandardPaths, Signal
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMenu, QMessageBox, QWidget

from reader.handout.basket import HandoutBasket
from reader.handout.book import Handout
from reader.handout.clinic import ClinicSettings, clinic_for
from reader.library.model import Library
from reader.render import Renderer
from reader.system.i18n import translate
from reader.ui.handout_panel import HandoutPanel


class HandoutController(QObject):
    changed = Signal()  # the handout's articles changed

    def __init__(self, basket: HandoutBasket, panel: HandoutPanel, library: Library, settings,
                 renderer: Callable[[], Renderer], say: Callable[[str, int], None],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.basket, self.panel, self.library = basket, panel, library
        self.settings, self._renderer, self._say = settings, renderer, say
        self._window = parent
        panel.removeRequested.connect(self.remove)
        panel.moveRequested.connect(self.move)
        panel.orderChanged.connect(self._reordered)
        panel.clearRequested.connect(self.clear)
        panel.presetRequested.connect(self.add_preset)
        panel.printRequested.connect(self.print_handout)
        panel.pdfRequested.connect(lambda: self.save_pdf())
        panel.clinicRequested.connect(self.edit_clinic)
        self.set_library(library)
        if basket.problem:  # the file was damaged or cannot be read: say so once
            say(basket.problem, 10000)

    # -- the list ----------------------------------------------------------------------------
    def set_library(self, library: Library) -> None:
        self.library = library
        presets = [("", translate("HandoutController", "New to Diabetes (the Start here "
                                                       "path)"))] if library.root_section.start \
            else []
        presets += [(section.id, section.title) for section in library.sections.values()
                    if section.id and section.parent_id == ""]
        self.panel.set_presets(presets)
        self.refresh()

    def ids(self) -> list[str]:
        """The handout's articles that are in this library, in order."""
        return [i for i in self.basket.ids(self.library.key) if i in self.library.articles]

    def refresh(self, current: str | None = None) -> None:
        self.panel.show_items([(i, self.library.articles[i].title) for i in self.ids()],
                              current)
        self.changed.emit()

    def add(self, article_ids: list[str]) -> int:
        """Add articles at the end; say what happened. How many were new."""
        wanted = [i for i in article_ids if i in self.library.articles]
        added = self.basket.add(self.library.key, wanted)
        self._save()
        count = len(self.ids())
        if added == 1 and len(wanted) == 1:
            title = self.library.articles[wanted[0]].title
            self._say(translate("HandoutController", "Added “{title}” to the handout ({count} "
                                                     "in all).").format(title=title,
                                                                        count=count), 6000)
        elif added:
            self._say(translate("HandoutController", "Added {added} articles to the handout "
                                                     "({count} in all).").format(
                added=added, count=count), 6000)
        else:
            self._say(translate("HandoutController", "Already in the handout."), 4000)
        self.refresh(wanted[-1] if wanted else None)
        return added

    def add_preset(self, key: str) -> None:
        if key:
            ids = [a.id for a in self.library.articles_in(key)] if key in \
                self.library.sections else []
        else:
            ids = [i for i in self.library.root_section.start if i in self.library.articles]
        self.add(ids)

    def remove(self, article_id: str) -> None:
        if self.basket.remove(self.library.key, article_id):
            self._save()
            self.refresh()

    def move(self, article_id: str, to: int) -> None:
        """Move to row ``to`` of the list shown (articles gone from the library are not
        shown, so the order is worked out from what is)."""
        shown = self.ids()
        if article_id not in shown:
            return
        shown.remove(article_id)
        shown.insert(max(0, min(to, len(shown))), article_id)
        self.basket.set_order(self.library.key, shown)
        self._save()
        self.refresh(article_id)

    def _reordered(self, ids: list) -> None:
        self.basket.set_order(self.library.key, [str(i) for i in ids])
        self._save()
        self.refresh(self.panel.current_id())

    def carry_over(self, ids: list[str], note: str, cover: bool) -> None:
        """What another window's handout held (the language was switched): its articles'
        counterparts here, its note and its cover."""
        if ids:
            self.basket.add(self.library.key, ids)
            self._save()
        self.panel.note.setPlainText(note)
        self.panel.cover.setChecked(cover)
        self.refresh()

    def clear(self) -> None:
        self.basket.clear(self.library.key)
        self._save()
        self.panel.note.clear()
        self.refresh()
        self._say(translate("HandoutController", "The handout is empty."), 4000)

    def _save(self) -> None:
        if not self.basket.save() and self.basket.problem:
            self._say(self.basket.problem, 10000)

    def attach_to(self, view: QAbstractItemView, id_at: Callable[[QPoint], str | None]) -> None:
        """"Add to Handout" in ``view``'s context menu (search results, bookmarks)."""
        from PySide6.QtCore import Qt

        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        def menu(point: QPoint) -> None:
            article_id = id_at(point)
            if article_id is None:
                return
            popup = QMenu(view)
            popup.addAction(translate("HandoutController", "Add to &Handout"),
                            lambda: self.add([article_id]))
            popup.exec(view.viewport().mapToGlobal(point))

        view.customContextMenuRequested.connect(menu)

    # -- the document ------------------------------------------------------------------------
    def handout(self) -> Handout:
        articles = tuple(self.library.articles[i] for i in self.ids())
        return Handout(self.library, articles, clinic_for(self.library, self.settings),
                       self.panel.note.toPlainText(), self.panel.cover.isChecked())

    def book(self):
        from reader.ui.handout_print import HandoutBook

        return HandoutBook(self._renderer(), self.handout())

    def print_handout(self) -> None:
        if not self.ids():
            return
        from reader.ui.handout_print import print_handout

        print_handout(self.book(), self._window)

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Save the handout as a PDF (asking where, unless ``path``); say what happened."""
        if not self.ids():
            return None
        if path is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation)
            name = translate("HandoutController", "handout.pdf")
            chosen, _ = QFileDialog.getSaveFileName(
                self._window, translate("HandoutController", "Save the Handout as PDF"),
                str(Path(folder) / name), translate("HandoutController", "PDF files (*.pdf)"))
            if not chosen:
                return None
            path = Path(chosen)
        from reader.ui.handout_print import save_handout_pdf

        try:
            save_handout_pdf(self.book(), path)
        except OSError as error:
            QMessageBox.warning(self._window, translate("HandoutController", "Save PDF"),
                                str(error))
            return None
        self._say(translate("HandoutController", "Saved the handout to {path}.").format(
            path=path), 8000)
        return path

    def edit_clinic(self) -> None:
        from reader.ui.clinic_dialog import ClinicDialog

        settings = ClinicSettings(self.settings)
        dialog = ClinicDialog(settings.clinic, self._window)
        if dialog.exec():
            settings.clinic = dialog.clinic()
            if not self.settings.save() and self.settings.problem:
                self._say(self.settings.problem, 10000)
