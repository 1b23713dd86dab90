"""On This Page: the sections of the article shown, as a list a screen reader can read.

A QTextBrowser shows headings only as bigger, bolder text: a screen reader cannot list them or
jump between them. This panel lists them as a standard tree (level 3 under level 2), follows
the scroll position, and moves the view and the keyboard caret to a heading when one is chosen.
"Read from here" starts reading aloud at the chosen section.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMenu, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reader.system.i18n import translate

#: Item data: the heading's text position in the page.
_POSITION = Qt.ItemDataRole.UserRole


class HeadingsPanel(QWidget):
    """The page's headings; ``headingActivated`` gives a heading's text position."""

    headingActivated = Signal(int)  # noqa: N815 — the heading's position in the page's text
    readFromRequested = Signal(int)  # noqa: N815 — the heading's position in the page's text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(translate("HeadingsPanel", "On this page"))
        self.tree.setAccessibleDescription(translate(
            "HeadingsPanel", "The sections of this article. Enter goes there."))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)
        self.read_button = QPushButton(translate("HeadingsPanel", "&Read From Here"), self)
        self.read_button.setToolTip(translate("HeadingsPanel",
                                              "Read aloud from the chosen section"))
        self.read_button.clicked.connect(self._read_from_current)
        self.empty_text = translate("HeadingsPanel", "This page has no sections.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.read_button)
        self._items: list[QTreeWidgetItem] = []
        self._following = False
        self._readable = True

    def show_headings(self, headings: list[tuple[int, str, int]], readable: bool = True) -> None:
        """``(level, text, position)`` of each heading, in page order; ``readable``: the page
        can be read aloud (an article, not the home page or a section's list)."""
        self.tree.clear()
        self._items = []
        parent: QTreeWidgetItem | None = None
        top_level = min((level for level, _, _ in headings), default=2)
        for level, text, position in headings:
            under = parent if level > top_level and parent is not None else None
            item = QTreeWidgetItem(under or self.tree, [text])
            item.setData(0, _POSITION, position)
            item.setToolTip(0, text)
            if under is None:
                parent = item
            self._items.append(item)
        self.tree.expandAll()
        if not headings:
            placeholder = QTreeWidgetItem(self.tree, [self.empty_text])
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
        self._readable = readable
        self.read_button.setEnabled(bool(headings) and readable)

    def texts(self) -> list[str]:
        return [item.text(0) for item in self._items]

    def follow(self, position: int, visible: tuple[int, int] | None = None) -> None:
        """Mark the section that holds ``position`` (where the reader is), without moving;
        above the first heading, the first one (the reader is at the start). A heading marked
        already stays marked while it is in the ``visible`` part of the page: one chosen near
        the end of a page, which cannot scroll to its top, is still the one chosen (the caller
        gives ``visible`` only when the page is scrolled to its end)."""
        chosen = self.tree.currentItem()
        if visible is not None and chosen is not None and chosen in self._items:
            at = chosen.data(0, _POSITION)
            if visible[0] <= at <= visible[1]:
                return
        current = self._items[0] if self._items else None
        for item in self._items:
            if item.data(0, _POSITION) <= position + 1:
                current = item
            else:
                break
        if current is not None and current is not self.tree.currentItem():
            self._following = True
            self.tree.setCurrentItem(current)
            self._following = False

    def focus(self) -> None:
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.tree.currentItem() is None and self._items:
            self.tree.setCurrentItem(self._items[0])

    def current_position(self) -> int:
        """The chosen heading's position in the page's text (the first one's if none is)."""
        item = self.tree.currentItem() or (self._items[0] if self._items else None)
        position = item.data(0, _POSITION) if item is not None else None
        return position if isinstance(position, int) else 0

    def _activate(self, item: QTreeWidgetItem) -> None:
        position = item.data(0, _POSITION)
        if isinstance(position, int) and not self._following:
            self.headingActivated.emit(position)

    def _read_from_current(self) -> None:
        if self._items:
            self.readFromRequested.emit(self.current_position())

    def _menu(self, point) -> None:
        item = self.tree.itemAt(point)
        if item is None or not isinstance(item.data(0, _POSITION), int):
            return
        menu = QMenu(self)
        menu.addAction(translate("HeadingsPanel", "Go to This Section"),
                       lambda: self._activate(item))
        read = menu.addAction(translate("HeadingsPanel", "Read From Here"),
                              lambda: self.readFromRequested.emit(item.data(0, _POSITION)))
        read.setEnabled(self._readable)
        menu.exec(self.tree.viewport().mapToGlobal(point))
