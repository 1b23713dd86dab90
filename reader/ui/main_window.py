"""The main window: contents, search and bookmarks on the left, the reading pane on the right.

The window is a frame: it makes the parts, lays them out and connects them. Where the reader
is belongs to the navigator (``ui/navigator.py``), which the reading pane, the tree and the
window's commands listen to; actions and menus come from the table in ``ui/actions.py``; what a
link means and what search finds are decided by the library, render and search modules.
"""

from __future__ import annotations

import gc
import itertools
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QCloseEvent, QFont, QIcon
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMainWindow, QSplitter, QTabWidget, QWidget

from reader import APP_NAME
from reader.handout.basket import HandoutBasket
from reader.library.links import Location
from reader.library.model import Library
from reader.render import Page, Renderer
from reader.render.page_cache import PageCache
from reader.search.results import summary
from reader.system import paths
from reader.system.i18n import QT_TRANSLATE_NOOP, translate
from reader.ui import actions as action_table
from reader.ui import library_dialogs, link_dialogs, print_commands
from reader.ui.announcer import Announcer
from reader.ui.bookmarks_controller import BookmarksController
from reader.ui.bookmarks_panel import BookmarksPanel
from reader.ui.contents import ContentsTree
from reader.ui.handout_controller import HandoutController
from reader.ui.handout_panel import HandoutPanel
from reader.ui.headings_panel import HeadingsPanel
from reader.ui.index_status import IndexStatus
from reader.ui.inner_names import name_inner_controls
from reader.ui.language_choices import LanguageChoices
from reader.ui.look_choices import LookChoices
from reader.ui.navigator import Move, Navigator
from reader.ui.read_aloud import ReadAloud
from reader.ui.reading_aids import connect_reading_aids
from reader.ui.reading_pane import ReadingPane
from reader.ui.search_controller import SearchController
from reader.ui.search_panel import SearchPanel
from reader.ui.workers import SearchThread
from reader.user.bookmarks import BookmarkStore
from reader.user.preferences import ZOOM_STEPS, Preferences, zoom_in, zoom_out
from reader.user.remembered import Remembered
from reader.user.settings import Settings


class MainWindow(QMainWindow):
    """One library, shown as a tree, an article view and a search panel."""

    def __init__(self, library: Library, settings: Settings, cache_dir: Path,
                 data_dir: Path | None = None) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self.remembered = Remembered(settings)
        self.preferences = Preferences(settings)
        self.bookmarks = BookmarkStore.in_folder(data_dir or paths.data_dir())
        self.basket = HandoutBasket.in_folder(data_dir or paths.data_dir())
        self.cache_dir = cache_dir
        self.renderer = Renderer(library, units=self.preferences.units)
        self.page_cache = PageCache(cache_dir, library)
        #: False for the self-test, which must not change what the user last read.
        self.persist = True
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 760)

        self.contents = ContentsTree(self)
        self.search_panel = SearchPanel(self)
        self.bookmarks_panel = BookmarksPanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.contents, translate("MainWindow", "&Contents"))
        self.tabs.addTab(self.search_panel, translate("MainWindow", "&Search"))
        # Alt+B is the Bookmarks menu.
        self.tabs.addTab(self.bookmarks_panel, translate("MainWindow", "Boo&kmarks"))
        self.headings_panel = HeadingsPanel(self)
        self.tabs.addTab(self.headings_panel, translate("MainWindow", "On This &Page"))
        self.handout_panel = HandoutPanel(self)
        self.tabs.addTab(self.handout_panel, translate("MainWindow", "Ha&ndout"))
        self.tabs.setAccessibleName(translate(
            "MainWindow", "Contents, search, bookmarks and the sections of this page"))

        self.reading = ReadingPane(library, self._page_for, self)
        self.article_view = self.reading.article_view
        self.navigator = Navigator(library, self.reading.scroll_position, self)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.reading)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 780])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.search_field = QLineEdit(self)
        self.search_field.setPlaceholderText(
            translate("MainWindow", "Search the library (Ctrl+K)"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName(translate("MainWindow", "Search the library"))
        self.search_field.setMinimumWidth(220)
        self.search_field.addAction(
            QIcon(str(paths.resource("icons/search.svg"))),
            QLineEdit.ActionPosition.LeadingPosition).setText(translate("MainWindow", "Search"))

        self.announcer = Announcer(self)
        self.read_aloud = ReadAloud(library, self.article_view, self.reading.read_aloud_bar,
                                    self.preferences, self)
        self._build_actions()
        self._build_status_bar()

        self.search_thread = SearchThread(self)
        self.search = SearchController(self.search_field, self.search_panel, self.search_thread,
                                       self)
        self.search.searchStarted.connect(lambda: self.tabs.setCurrentWidget(self.search_panel))
        self.search.left.connect(self.article_view.setFocus)
        self.search.resultsShown.connect(
            lambda results: self.announcer.announce_when_settled(summary(results)))
        worker = self.search_thread.worker
        worker.indexProgress.connect(self.index_progress.on_progress)
        worker.indexReady.connect(self.index_progress.on_ready)
        worker.indexFailed.connect(self.index_progress.on_failed)
        worker.libraryChanged.connect(self._on_library_changed)
        worker.libraryVerified.connect(self._on_library_verified)

        # In this order: the page is shown before the window names it after its title.
        self.navigator.moved.connect(self.reading.show_move)
        self.navigator.moved.connect(lambda move: self.contents.select_location(move.location))
        self.navigator.moved.connect(self._on_moved)
        self.navigator.moved.connect(lambda _move: self.read_aloud.stop())
        connect_reading_aids(self.article_view, self.headings_panel, self.read_aloud,
                             self.statusBar(), self.announcer, self._update_actions)
        self.contents.locationActivated.connect(self.navigator.go_if_new)
        self.reading.locationRequested.connect(self.navigator.go)
        self.search_panel.hitActivated.connect(
            lambda article_id, terms: self.navigator.go(Location.article(article_id), terms))
        self.article_view.locationRequested.connect(self.navigator.go)
        self.article_view.externalLinkClicked.connect(
            lambda url: link_dialogs.web_link(self, url, self.statusBar().showMessage))
        self.article_view.brokenLinkClicked.connect(
            lambda reason: link_dialogs.broken_link(self, reason))
        self.article_view.fileLinkClicked.connect(
            lambda url: link_dialogs.file_link(self, url, self.statusBar().showMessage))
        self.article_view.diagramRequested.connect(self.show_diagram)
        self.article_view.zoomRequested.connect(
            lambda step: self.zoom_in() if step > 0 else self.zoom_out())
        self.diagram_window = None  # made on first use
        self.bookmarks_controller = BookmarksController(
            self.bookmarks, self.bookmarks_panel, library, self.statusBar().showMessage, self)
        self.bookmarks_controller.openRequested.connect(
            lambda article_id: self.navigator.go(Location.article(article_id)))
        self.bookmarks_controller.changed.connect(self._update_actions)
        self.handout = HandoutController(self.basket, self.handout_panel, library, settings,
                                         lambda: self.renderer, self.statusBar().showMessage,
                                         self)
        self.handout.attach_to(self.search_panel.view, self.search_panel.id_at)
        self.handout.attach_to(self.bookmarks_panel.list, self.bookmarks_panel.id_at)
        self.handout_panel.openRequested.connect(
            lambda article_id: self.navigator.go(Location.article(article_id)))
        self._base_font = QFont(self.font())
        chain = [self.search_field, self.tabs, *self.reading.tab_chain()]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)
        self.contents.set_library(library)
        self._update_library_actions()
        self.apply_zoom(self.preferences.zoom)
        self.bookmarks_controller.refresh()
        name_inner_controls(self)
        # All at once: one message would hide the one before it.
        problems = [p for p in (settings.problem, self.bookmarks.problem,
                                self._storage_problem()) if p]
        if problems:
            self.statusBar().showMessage(" ".join(problems), 15000)

    def _storage_problem(self) -> str | None:
        """Said once at start-up if settings or bookmarks cannot be kept on this computer."""
        folders = {self.settings.path.parent, self.bookmarks.path.parent}
        if all(paths.writable(folder) for folder in folders):
            return None
        return translate("MainWindow", "Bookmarks and settings cannot be saved on this computer "
                                       "(its folders are read-only); they last until you close "
                                       "the reader.")

    # -- building ------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        """Actions, menus and the toolbar, from the table in ``ui/actions.py``."""
        self.look = LookChoices(self.preferences, self)
        self.look.unitsChanged.connect(self._on_units)
        self.languages = LanguageChoices(self)
        choices = {**self.look.submenus(), "language": self.languages.submenu()}
        self.toolbar = action_table.build(self, choices, trailing=self.search_field)
        self.languages.label(self.translation_action, self.library, None)
        self.reading.set_toolbar(action_table.toolbar_of(
            self, QT_TRANSLATE_NOOP("Actions", "Article"), action_table.ARTICLE_TOOLBAR))

    def focus_headings(self) -> None:
        self.tabs.setCurrentWidget(self.headings_panel)
        self.headings_panel.focus()

    def _build_status_bar(self) -> None:
        self.index_progress = IndexStatus(self.statusBar())
        self.index_progress.ready.connect(self._on_index_ready)
        self.index_progress.failed.connect(self.search_panel.show_message)

    # -- moving ------------------------------------------------------------------------------
    def _page_for(self, location: Location) -> Page:
        return self.renderer.page(location, tuple(self._recent()))

    def _on_moved(self, move: Move) -> None:
        """What the window itself says about a new place: its title, the commands, the count
        of marked search words; and, for an article, that it was read."""
        location = move.location
        if self.navigator.article is not None and self.persist:
            self.remembered.remember_read(self.library, location.id)
        page = self.article_view.page
        title = page.title if page is not None else ""
        self.setWindowTitle(f"{title} — {APP_NAME}" if title else APP_NAME)
        if title:
            self.announcer.announce(translate("MainWindow", "Opened {title}").format(title=title))
        self._update_actions()
        count = self.article_view.hit_count
        if move.terms and count:
            self.statusBar().showMessage(
                translate("MainWindow", "1 match highlighted in this article.") if count == 1
                else translate("MainWindow", "{count} matches highlighted in this article.")
                .format(count=count), 6000)

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.search_panel)
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def focus_contents(self) -> None:
        self.tabs.setCurrentWidget(self.contents)
        self.contents.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _update_actions(self) -> None:
        on_article = self.navigator.article is not None
        for action in (self.print_action, self.pdf_action, self.bookmark_action,
                       self.read_aloud_action, self.add_to_handout_action):
            action.setEnabled(on_article)
        reading = self.read_aloud.state
        # The same context as the action table, where "&Read Aloud" is the action's own text.
        if reading in ("speaking", "starting"):
            self.read_aloud_action.setText(translate("Actions", "&Pause Reading"))
        elif reading == "paused":
            self.read_aloud_action.setText(translate("Actions", "&Resume Reading"))
        else:
            self.read_aloud_action.setText(translate("Actions", "&Read Aloud"))
        for action in (self.stop_reading_action, self.read_faster_action,
                       self.read_slower_action):
            action.setEnabled(reading != "stopped")
        self.bookmark_action.setChecked(
            on_article and self.bookmarks_controller.is_bookmarked(self.navigator.current.id))
        self.back_action.setEnabled(self.navigator.history.can_go_back())
        self.forward_action.setEnabled(self.navigator.history.can_go_forward())
        for action, label in zip((self.previous_action, self.next_action),
                                 self.navigator.step_labels(), strict=True):
            action.setEnabled(label.enabled)
            action.setText(label.text)
            action.setToolTip(label.tooltip)
        self.languages.label(self.translation_action, self.library, self.navigator.current)

    def show_diagram(self, state: str | None = None) -> None:
        """Open (or raise) the live diagram, in ``state`` if given."""
        if self.diagram_window is None:
            from reader.ui.diagram.window import DiagramWindow

            self.diagram_window = DiagramWindow(self)
        self.diagram_window.show_state(state or self.diagram_window.diagram.state.key)

    # -- libraries ---------------------------------------------------------------------------
    def set_library(self, library: Library) -> None:
        """Show another library: tree, pages, history and search all switch to it."""
        gc.unfreeze()  # let the old library's objects be collected (see warm_up)
        self._remember_location()
        self.library = library
        self.renderer = Renderer(library, units=self.preferences.units)
        self.page_cache = PageCache(self.cache_dir, library)
        self.navigator.set_library(library)
        self.reading.set_library(library)
        self.read_aloud.set_library(library)
        self.contents.set_library(library)
        self.bookmarks_controller.set_library(library)
        self.handout.set_library(library)
        self.search_field.clear()
        self.search_panel.clear()
        self.search.reset()
        self._update_library_actions()
        self.navigator.go(self._last_location())
        self.start_indexing()

    def _on_library_verified(self, library: Library) -> None:
        """The search thread found the snapshot's library matches its files (see workers)."""
        if library is self.library:
            library.verified = True

    def _on_library_changed(self, fresh: Library) -> None:
        """A file changed while the reader was closed: show the library as it is now."""
        if fresh.root == self.library.root:
            self.set_library(fresh)

    def open_library(self, folder: Path) -> bool:
        """Load ``folder`` as the library; says why not (and keeps the current one) if it can't."""
        library = library_dialogs.library_from(folder, self.cache_dir, self)
        if library is None:
            return False
        self.set_library(library)
        if library.problems:
            count = len(library.problems)
            self.statusBar().showMessage(
                translate("MainWindow", "1 problem in this library; articles with problems say "
                                        "so where they are shown.") if count == 1
                else translate("MainWindow", "{count} problems in this library; articles with "
                                             "problems say so where they are shown.")
                .format(count=count), 10000)
        return True

    def choose_library(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("MainWindow", "Open a Library Folder"), str(self.library.root.parent))
        if folder:
            self.open_library(Path(folder))

    def open_bundled_library(self) -> None:
        self.open_library(paths.bundled_library())

    def _update_library_actions(self) -> None:
        bundled = self.library.root == paths.bundled_library().resolve()
        self.bundled_library_action.setEnabled(not bundled)

    # -- search index ------------------------------------------------------------------------
    def start_indexing(self, rebuild: bool = False) -> None:
        """Open the search index, building it in the background if it is missing or stale."""
        self.search_thread.open_index(self.library, self.cache_dir, rebuild)

    def _on_index_ready(self) -> None:
        gc.freeze()  # the open index's objects too (see warm_up)
        self.search.index_opened()

    # -- state --------------------------------------------------------------------------
    def restore_state(self) -> None:
        """Window size, splitter and the last page read, as they were when the app closed."""
        geometry = self.remembered.window_geometry
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        splitter = self.remembered.splitter_state
        if splitter:
            self.splitter.restoreState(QByteArray.fromBase64(splitter.encode()))
        location = self._last_location()
        recent = tuple(self._recent())
        kept = self.page_cache.get(location, self.preferences.units, recent)
        self.navigator.go(location, page=kept)
        if kept is None:
            self._keep_start_page()

    def _keep_start_page(self) -> None:
        """Keep the page on screen as the one the next start opens on (see PageCache)."""
        page = self.article_view.page
        if page is not None and page.cacheable:
            self.page_cache.put(page, self.preferences.units, tuple(self._recent()))

    def warm_up(self) -> None:
        """After the first paint: make the Markdown converter, so the first click is quick.
        Then hide everything made so far from the garbage collector (``gc.freeze``): with a
        large library, a full collection would otherwise walk every article object, a pause
        of 40-130 ms a typist feels. Nothing here is garbage: it lives as long as the window."""
        self.renderer.warm_up()
        gc.freeze()

    def _last_location(self) -> Location:
        return self.remembered.last_location(self.library)

    def _remember_location(self) -> None:
        """Note the current page of the current library (kept per library)."""
        if self.persist and self.navigator.current is not None:
            self.remembered.remember_location(self.library, self.navigator.current)

    def save_state(self) -> None:
        if not self.persist:
            return
        self.remembered.window_geometry = self.saveGeometry().toBase64().data().decode()
        self.remembered.splitter_state = self.splitter.saveState().toBase64().data().decode()
        self.remembered.last_library = self.library.root
        self._remember_location()
        self._keep_start_page()
        if not self.settings.save():
            print(f"reader: {self.settings.problem}", file=sys.stderr)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_state()
        self.read_aloud.shutdown()
        self.search_thread.stop()
        super().closeEvent(event)

    def show_about(self) -> None:
        from reader.ui import help as help_ui

        help_ui.show_about(self.library, self)

    def show_shortcuts(self) -> None:
        from reader.ui import help as help_ui

        help_ui.ShortcutsDialog(self.actions(), self).exec()

    # -- reading comfort ----------------------------------------------------------------------
    def _recent(self) -> list[str]:
        return self.remembered.recent(self.library)

    def apply_zoom(self, percent: int) -> None:
        """Text size everywhere: article, contents, search results, bookmarks, breadcrumb."""
        self.preferences.zoom = percent
        percent = self.preferences.zoom
        font = QFont(self._base_font)
        font.setPointSizeF(self._base_font.pointSizeF() * percent / 100)
        for container in (self.contents, self.search_panel, self.bookmarks_panel,
                          self.reading.breadcrumb, self.tabs.tabBar(), self.reading.find_bar,
                          self.headings_panel, self.reading.read_aloud_bar, self.handout_panel):
            # Set on every child too: a style sheet stops fonts passing down on their own.
            for widget in (container, *container.findChildren(QWidget)):
                widget.setFont(font)
        self.article_view.set_zoom(percent)
        self.search_panel.view.doItemsLayout()  # result heights follow the new font
        # Keep every tab name readable: widen the side panel if the larger tabs need it.
        needed = self.tabs.tabBar().sizeHint().width() + 8
        sizes = self.splitter.sizes()
        if len(sizes) == 2 and 0 < sizes[0] < needed:
            self.splitter.setSizes([needed, max(200, sum(sizes) - needed)])
        self.zoom_in_action.setEnabled(percent < ZOOM_STEPS[-1])
        self.zoom_out_action.setEnabled(percent > ZOOM_STEPS[0])
        if self.isVisible():
            self.statusBar().showMessage(
                translate("MainWindow", "Text size {percent}%").format(percent=percent), 2000)

    def zoom_in(self) -> None:
        self.apply_zoom(zoom_in(self.preferences.zoom))

    def zoom_out(self) -> None:
        self.apply_zoom(zoom_out(self.preferences.zoom))

    def _on_units(self, units: str) -> None:
        self.renderer.units = units
        if self.navigator.current is not None:
            self.reading.show_again(self._page_for(self.navigator.current))
            self.read_aloud.page_redrawn()

    # -- bookmarks ----------------------------------------------------------------------------
    def toggle_bookmark(self) -> None:
        """Ctrl+D: bookmark the article shown, or remove its bookmark."""
        if self.navigator.article is not None:
            self.bookmarks_controller.toggle(self.navigator.article.id)

    def focus_handout(self) -> None:
        self.tabs.setCurrentWidget(self.handout_panel)
        self.handout_panel.list.setFocus()

    def focus_bookmarks(self) -> None:
        self.tabs.setCurrentWidget(self.bookmarks_panel)
        self.bookmarks_controller.focus()

    # -- print --------------------------------------------------------------------------------
    def print_article(self) -> None:
        if self.navigator.article is not None:
            print_commands.print_article(self.renderer, self.navigator.article, self)

    def export_pdf(self, path: Path | None = None) -> Path | None:
        """Save the article shown as a PDF handout (asks where, unless ``path`` is given)."""
        if self.navigator.article is None:
            return None
        return print_commands.export_article_pdf(self.renderer, self.navigator.article, self,
                                                 self.statusBar().showMessage, path)
