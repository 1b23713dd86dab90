"""Search results: a model of hits, a delegate that paints them, and the panel that holds both.

Modelled on qutebrowser's completion: data in a model, painting in a delegate (rich text with
highlighted hits), and a thin widget. The debouncing controller is in ``search_controller``.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.search.results import Hit, SearchResults, snippet_html, snippet_text
from reader.system.i18n import translate

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    """The hits of the latest search."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: tuple[Hit, ...] = ()

    def set_hits(self, hits: tuple[Hit, ...]) -> None:
        self.beginResetModel()
        self._hits = hits
        self.endResetModel()

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        hit = self.hit(index.row())
        if hit is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # What a screen reader says: the whole result as plain text.
            snippet = snippet_text(hit.snippet)
            if hit.section:
                return translate("SearchResultsModel", "{title}, in {section}: {snippet}").format(
                    title=hit.title, section=hit.section, snippet=snippet)
            return translate("SearchResultsModel", "{title}: {snippet}").format(
                title=hit.title, snippet=snippet)
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.title
        if role == HIT_ROLE:
            return hit
        return None


class HitDelegate(QStyledItemDelegate):
    """Paints a hit as title, section and a snippet with the matched words marked."""

    PADDING = 8
    #: Laid-out hits kept, so painting reuses the layout that sizing made.
    CACHED_DOCUMENTS = 200

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents: dict[tuple, QTextDocument] = {}

    def _document(self, option: QStyleOptionViewItem, hit: Hit, width: int) -> QTextDocument:
        # Rich-text layout is most of the cost of showing results (about 0.5 ms a hit): each
        # hit is laid out once for its size and painted from the same document.
        key = (hit, width, option.font.key())
        document = self._documents.get(key)
        if document is None:
            if len(self._documents) >= self.CACHED_DOCUMENTS:
                self._documents.clear()
            document = self._documents[key] = self._new_document(option, hit, width)
        return document

    def _new_document(self, option: QStyleOptionViewItem, hit: Hit, width: int
                      ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        title_font = f"font-size: {round(option.font.pointSizeF() * 1.1, 1)}pt"
        section = f"<br><i>{escape(hit.section)}</i>" if hit.section else ""
        document.setHtml(
            f'<span style="{title_font}"><b>{escape(hit.title)}</b></span>{section}'
            f"<br>{snippet_html(hit.snippet)}"
        )
        document.setTextWidth(max(50, width - 2 * self.PADDING))
        return document

    def paint(self, painter, option: QStyleOptionViewItem, index: _Index) -> None:
        hit = index.data(HIT_ROLE)
        if hit is None:
            return super().paint(painter, option, index)
        from PySide6.QtWidgets import QStyle  # made on first use: its enums slow start-up

        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option_text_free = QStyleOptionViewItem(option)
        option_text_free.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option_text_free, painter,
                              option.widget)
        document = self._document(option, hit, option.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + self.PADDING, option.rect.top() + self.PADDING)
        clip = QRectF(0, 0, option.rect.width() - 2 * self.PADDING,
                      option.rect.height() - 2 * self.PADDING)
        painter.setClipRect(clip)
        context.clip = clip
        document.documentLayout().draw(painter, context)
        painter.restore()
        painter.save()
        painter.setPen(option.palette.color(QPalette.ColorRole.Midlight))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        painter.restore()
        return None

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        hit = index.data(HIT_ROLE)
        if hit is None:
            return super().sizeHint(option, index)
        width = option.widget.viewport().width() if option.widget else option.rect.width()
        document = self._document(option, hit, width)
        return QSize(width, int(document.size().height()) + 2 * self.PADDING + 1)


class SearchPanel(QWidget):
    """A status line ("5 articles", "Did you mean …?") over the list of hits."""

    hitActivated = Signal(str, tuple)  # noqa: N815 — article id, words to highlight
    suggestionActivated = Signal(str)  # noqa: N815 — a corrected query to search instead

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setAccessibleName(translate("SearchPanel", "Search status"))
        self.status.linkActivated.connect(self.suggestionActivated.emit)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.model = SearchResultsModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(HitDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        # Lay out a few hits per event-loop pass, so 50 results never hold up typing.
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(8)
        self.view.setAccessibleName(translate("SearchPanel", "Search results"))
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self._terms: tuple[str, ...] = ()
        self.show_hint()

    def show_hint(self) -> None:
        """What the panel says before anything is searched."""
        self.show_message(translate("SearchPanel",
                                    "Type in the search box (Ctrl+K) to search every article."))

    def show_message(self, text: str) -> None:
        self.status.setText(escape(text))

    def show_results(self, results: SearchResults) -> None:
        """Show hits, and say what was searched for when it differs from what was typed."""
        self._terms = results.terms
        self.model.set_hits(results.hits)
        lines: list[str] = []
        if results.corrected:
            lines.append(translate(
                "SearchPanel",
                "Showing results for <b>{effective}</b> (nothing found for “{typed}”)."
            ).format(effective=escape(results.effective_query),
                     typed=escape(results.query.strip())))
        if results.suggestion:
            lines.append(translate(
                "SearchPanel", 'Did you mean <a href="{link}">{suggestion}</a>?'
            ).format(link=escape(results.suggestion), suggestion=escape(results.suggestion)))
        count = len(results.hits)
        if count == 0:
            lines.append(translate(
                "SearchPanel", "No articles found for “{typed}”. "
                "Try fewer words or another word for the same thing."
            ).format(typed=escape(results.query.strip())))
        elif results.total > count:
            lines.append((translate("SearchPanel", "1 article found (best 1 of {total}).")
                          if count == 1 else
                          translate("SearchPanel", "{count} articles found (best {count} of "
                                    "{total}).")).format(count=count, total=results.total))
        else:
            lines.append(translate("SearchPanel", "1 article found.") if count == 1 else
                         translate("SearchPanel", "{count} articles found.").format(count=count))
        self.status.setText("<br>".join(lines))
        if count:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def clear(self) -> None:
        self.model.set_hits(())
        self.show_hint()

    def activate_row(self, row: int) -> bool:
        hit = self.model.hit(row)
        if hit is None:
            return False
        self.hitActivated.emit(hit.id, self._terms)
        return True

    def id_at(self, point) -> str | None:
        """The article id of the hit at ``point`` in the view (for its context menu)."""
        hit = self.model.hit(self.view.indexAt(point).row())
        return hit.id if hit is not None else None

    def activate_current(self) -> bool:
        """Open the selected hit (the first one if none is selected)."""
        row = self.view.currentIndex().row()
        return self.activate_row(row if row >= 0 else 0)

    def _on_activated(self, index: QModelIndex) -> None:
        self.activate_row(index.row())
