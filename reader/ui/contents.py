"""The Contents tree: sections and articles in library order; follows the current article."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from reader.library.links import Location
from reader.library.model import Library

_LOCATION_ROLE = Qt.ItemDataRole.UserRole + 1


class ContentsTree(QTreeView):
    """Clicking (or Enter on) an item asks the window to show it."""

    locationActivated = Signal(object)  # noqa: N815 — a Location

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName("Contents")
        self.setAccessibleDescription("Sections and articles of the library, in reading order")
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self._items: dict[Location, QStandardItem] = {}
        self.activated.connect(self._on_activated)
        self.clicked.connect(self._on_activated)

    def set_library(self, library: Library) -> None:
        """Fill the tree; sections start expanded at the top level only."""
        self._model.clear()
        self._items.clear()
        self._add_children(library, "", self._model.invisibleRootItem())
        for row in range(self._model.rowCount()):
            self.expand(self._model.index(row, 0))

    def _add_children(self, library: Library, section_id: str, parent: QStandardItem) -> None:
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
                self._add_children(library, item_id, item)

    def select_location(self, location: Location) -> None:
        """Highlight the item for ``location`` (expanding its sections), or clear the selection."""
        item = self._items.get(location.without_anchor())
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

    def current_location(self) -> Location | None:
        index = self.currentIndex()
        return index.data(_LOCATION_ROLE) if index.isValid() else None

    def _on_activated(self, index: QModelIndex) -> None:
        location = index.data(_LOCATION_ROLE)
        if location is not None:
            self.locationActivated.emit(location)
