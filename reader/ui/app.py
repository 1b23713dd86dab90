"""Starting the app: the QApplication, the library, the window, and the test modes."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from reader import APP_NAME, APP_SLUG, __version__
from reader.library import LibraryError, load_library
from reader.library.translations import is_bundled_folder
from reader.system import paths
from reader.system.i18n import translate
from reader.system.logs import setup_logging
from reader.ui.errors import ErrorReporter
from reader.ui.language_switch import LanguageSwitch
from reader.ui.main_window import MainWindow
from reader.ui.translators import install_language
from reader.user.language import choose as choose_language
from reader.user.remembered import Remembered
from reader.user.settings import Settings


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        # Fusion: the one style that draws every palette role (the themes) on every platform.
        # Chosen here, before any widget exists, so nothing has to be polished twice.
        app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_SLUG)
    app.setWindowIcon(QIcon(str(paths.resource("icons/app.svg"))))
    return app


def run_diagram(state: str) -> int:
    """``reader diagram``: the live diagram in a window of its own."""
    from reader.ui.diagram.window import DiagramWindow

    app = _application()
    window = DiagramWindow()
    window.show_state(state)
    return app.exec()


def run_app(library_dir: Path | None = None, self_test: bool = False,
            exit_after_paint: bool = False, language: str | None = None) -> int:
    """Open the window on ``library_dir`` (default: the bundled library in the reader's
    language, see ``reader.user.language``); the app's exit code."""
    app = _application()
    log_path = setup_logging()
    settings = Settings.in_folder(paths.config_dir())
    language = choose_language(language, settings)
    install_language(language)
    if library_dir is None and not (self_test or exit_after_paint):
        library_dir = Remembered(settings).last_library
        if library_dir is not None and is_bundled_folder(library_dir):
            library_dir = None  # the bundled library follows the language
    try:
        library = load_library(library_dir or paths.bundled_library(language),
                               paths.cache_dir(), trust_snapshot=True)
    except LibraryError as error:
        print(f"reader: {error}", file=sys.stderr)
        if not (self_test or exit_after_paint):
            QMessageBox.critical(None, APP_NAME, translate(
                "App", "The library cannot be opened.\n\n{error}").format(error=error))
        return 2
    reporter = ErrorReporter()
    reporter.log_path = str(log_path or "")
    reporter.interactive = not (self_test or exit_after_paint)
    reporter.install()

    def make_window(library) -> MainWindow:
        made = MainWindow(library, settings, paths.cache_dir())
        reporter.parent_widget = made
        made.restore_state()
        made.show()
        if not exit_after_paint:
            # Index and make the Markdown converter once the window is up: the article first.
            QTimer.singleShot(0, made.start_indexing)
            QTimer.singleShot(0, made.warm_up)
        return made

    switch = LanguageSwitch(make_window, paths.cache_dir(), app)
    switch.attach(make_window(library))  # the switch holds the window, and its successors
    if exit_after_paint:
        switch.window.persist = False
        switch.window.article_view.painted.connect(lambda: QTimer.singleShot(0, app.quit))
        return app.exec()
    if self_test:
        from reader.ui.self_test import SelfTest

        switch.window.persist = False

        def run_self_test() -> None:
            code = SelfTest(switch.window).run()
            app.exit(1 if reporter.shown else code)  # an error anywhere fails the self-test

        QTimer.singleShot(0, run_self_test)
    code = app.exec()
    switch.window.search_thread.stop()
    return code
