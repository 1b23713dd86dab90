"""The Contents tree: sections and articles in library order; follows the current article."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from reader.library.links import Location
from reader.library.model import Library
from reader.system.i18n import translate

_LOCATION_ROLE = Qt.ItemDataRole.UserRole + 1
#: Libraries up to this size get their whole tree at once; larger ones per section, on demand.
EAGER_ARTICLES = 1000


class ContentsTree(QTreeView):
    """Clicking (or Enter on) an item asks the window to show it."""

    locationActivated = Signal(object)  # noqa: N815 — a Location

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName(translate("ContentsTree", "Contents"))
        self.setAccessibleDescription(translate(
            "ContentsTree", "Sections and articles of the library, in reading order"))
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self._items: dict[Location, QStandardItem] = {}
        #: Sections whose items are not made yet (large libraries), by id.
        self._unfilled: dict[str, QStandardItem] = {}
        self._library: Library | None = None
        self.expanded.connect(self._on_expanded)
        self.activated.connect(self._on_activated)
        self.clicked.connect(self._on_activated)

    def set_library(self, library: Library) -> None:
        """Fill the tree. A small library is filled at once with its top-level sections open;
        in a large one a section's items are made when it is opened (or an article in it is
        shown), so a library of ten thousand articles opens as fast as ours."""
        self._model.clear()
        self._items.clear()
        self._unfilled.clear()
        self._library = library
        eager = len(library.articles) <= EAGER_ARTICLES
        self._add_children("", self._model.invisibleRootItem(), eager)
        if eager:
            for row in range(self._model.rowCount()):
                self.expand(self._model.index(row, 0))

    def _add_children(self, section_id: str, parent: QStandardItem, recurse: bool) -> None:
        library = self._library
        for kind, item_id in library.sections[section_id].children:
            if kind == "article":
                article = library.articles[item_id]
                item = QStandardItem(article.title)
                location = Location.article(item_id)
                item.setToolTip(article.summary or article.title)
            else:
                section = library.sections[item_id]
                item = QStandardItem(section.title)
                location = Location.section(item_id)
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setToolTip(section.summary or section.title)
            item.setData(location, _LOCATION_ROLE)
            item.setEditable(False)
            parent.appendRow(item)
            self._items[location] = item
            if kind == "section":
                if recurse:
                    self._add_children(item_id, item, recurse)
                else:
                    item.appendRow(QStandardItem())  # shows the expand arrow until filled
                    self._unfilled[item_id] = item

    def _fill(self, section_id: str) -> None:
        """Make a section's items (once), replacing the placeholder under it."""
        item = self._unfilled.pop(section_id, None)
        if item is not None:
            item.removeRows(0, item.rowCount())
            self._add_children(section_id, item, recurse=False)

    def _on_expanded(self, index: QModelIndex) -> None:
        location = index.data(_LOCATION_ROLE)
        if location is not None and location.kind == "section":
            self._fill(location.id)

    def select_location(self, location: Location) -> None:
        """Highlight the item for ``location`` (expanding its sections), or clear the selection."""
        location = location.without_anchor()
        if location not in self._items and self._library is not None:
            self._fill_towards(location)
        item = self._items.get(location)
        if item is None:
            self.clearSelection()
            return
        index = item.index()
        parent = index.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()
        self.selectionModel().setCurrentIndex(
            index, self.selectionModel().SelectionFlag.ClearAndSelect
        )
        self.scrollTo(index)

    def _fill_towards(self, location: Location) -> None:
        """Fill the sections that lead to ``location``, from the top down."""
        library = self._library
        if location.kind == "article" and location.id in library.articles:
            section_id = library.articles[location.id].section_id
        elif location.kind == "section" and location.id in library.sections:
            section_id = library.sections[location.id].parent_id or ""
        else:
            return
        for section in library.section_chain(section_id):
            self._fill(section.id)

    def current_location(self) -> Location | None:
        index = self.currentIndex()
        return index.data(_LOCATION_ROLE) if index.isValid() else None

    def _on_activated(self, index: QModelIndex) -> None:
        location = index.data(_LOCATION_ROLE)
        if location is not None:
            self.locationActivated.emit(location)
