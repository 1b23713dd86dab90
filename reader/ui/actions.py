"""Every command of the window, declared as data, and the menus and toolbar laid out from it.

calibre's pattern: a table of actions (text, keys, tip, icon, what it does) and tuples naming
them in menu order, so a new feature adds a row and a name instead of code in the window. Each
action becomes ``window.<name>_action``; ``None`` in a layout is a separator, and
``"@name"`` a submenu of choices the window provides (themes, units).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar, QWidget

from reader.system import paths
from reader.system.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

Keys = QKeySequence.StandardKey


@dataclass(frozen=True)
class Command:
    """One action: what the user sees and what it does (``run(window)``). ``text`` and ``tip``
    are in English, shown as ``translate("Actions", …)``."""

    name: str
    text: str
    run: Callable[[MainWindow], object]
    tip: str
    keys: tuple[Keys | str, ...] = ()
    #: Our SVG icon's name and the QStyle standard pixmap used if it cannot be loaded.
    icon: tuple[str, str] | None = None
    checkable: bool = False


COMMANDS: tuple[Command, ...] = (
    Command("back", QT_TRANSLATE_NOOP("Actions", "&Back"), lambda w: w.navigator.back(),
            QT_TRANSLATE_NOOP("Actions", "Go back"), (Keys.Back,), ("back", "SP_ArrowBack")),
    Command("forward", QT_TRANSLATE_NOOP("Actions", "&Forward"), lambda w: w.navigator.forward(),
            QT_TRANSLATE_NOOP("Actions", "Go forward"), (Keys.Forward,),
            ("forward", "SP_ArrowForward")),
    Command("home", QT_TRANSLATE_NOOP("Actions", "&Home"), lambda w: w.navigator.home(),
            QT_TRANSLATE_NOOP("Actions", "The library's home page"), ("Alt+Home",),
            ("home", "SP_DirHomeIcon")),
    Command("previous", QT_TRANSLATE_NOOP("Actions", "&Previous Article"),
            lambda w: w.navigator.previous(),
            QT_TRANSLATE_NOOP("Actions", "Previous article in the library"), ("Ctrl+PgUp",),
            ("previous", "SP_ArrowUp")),
    Command("next", QT_TRANSLATE_NOOP("Actions", "&Next Article"), lambda w: w.navigator.next(),
            QT_TRANSLATE_NOOP("Actions", "Next article in the library"), ("Ctrl+PgDown",),
            ("next", "SP_ArrowDown")),
    Command("search", QT_TRANSLATE_NOOP("Actions", "&Search…"), lambda w: w.focus_search(),
            QT_TRANSLATE_NOOP("Actions", "Search the library"), ("Ctrl+K",)),
    Command("open_library", QT_TRANSLATE_NOOP("Actions", "&Open Library…"),
            lambda w: w.choose_library(),
            QT_TRANSLATE_NOOP("Actions", "Open a folder of Markdown articles as a library"),
            (Keys.Open,)),
    Command("bundled_library", QT_TRANSLATE_NOOP("Actions", "Open &Bundled Library"),
            lambda w: w.open_bundled_library(),
            QT_TRANSLATE_NOOP("Actions", "Go back to the library that comes with the app")),
    Command("add_to_handout", QT_TRANSLATE_NOOP("Actions", "Add to &Handout"),
            lambda w: w.navigator.article and w.handout.add([w.navigator.article.id]),
            QT_TRANSLATE_NOOP("Actions", "Add this article to the handout for a patient"),
            ("Ctrl+Shift+H",), ("handout", "SP_FileDialogNewFolder")),
    Command("show_handout", QT_TRANSLATE_NOOP("Actions", "Show Hando&ut"),
            lambda w: w.focus_handout(),
            QT_TRANSLATE_NOOP("Actions", "The articles chosen for a handout, to print together")),
    Command("clinic_details", QT_TRANSLATE_NOOP("Actions", "Clinic De&tails…"),
            lambda w: w.handout.edit_clinic(),
            QT_TRANSLATE_NOOP("Actions", "Your clinic's name, phone and logo for handouts")),
    Command("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), lambda w: w.close(),
            QT_TRANSLATE_NOOP("Actions", "Close the reader"), (Keys.Quit,)),
    Command("contents", QT_TRANSLATE_NOOP("Actions", "&Contents"), lambda w: w.focus_contents(),
            QT_TRANSLATE_NOOP("Actions", "Show the contents"), ("Ctrl+Shift+C",)),
    Command("diagram", QT_TRANSLATE_NOOP("Actions", "Glucose and Insulin &Diagram"),
            lambda w: w.show_diagram(),
            QT_TRANSLATE_NOOP("Actions", "How insulin gets glucose into cells, normal and with "
                                         "insulin resistance"),
            ("Ctrl+Shift+D",)),
    Command("about", QT_TRANSLATE_NOOP("Actions", "&About Diabetes Reader"),
            lambda w: w.show_about(), QT_TRANSLATE_NOOP("Actions", "About this app")),
    Command("shortcuts", QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"),
            lambda w: w.show_shortcuts(), QT_TRANSLATE_NOOP("Actions", "Every keyboard shortcut"),
            (Keys.HelpContents,)),
    Command("print", QT_TRANSLATE_NOOP("Actions", "&Print…"), lambda w: w.print_article(),
            QT_TRANSLATE_NOOP("Actions", "Print this article as a handout, with a preview first"),
            (Keys.Print,)),
    Command("pdf", QT_TRANSLATE_NOOP("Actions", "&Export PDF…"), lambda w: w.export_pdf(),
            QT_TRANSLATE_NOOP("Actions", "Save this article as a PDF handout"),
            ("Ctrl+Shift+E",)),
    Command("zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom &In"), lambda w: w.zoom_in(),
            QT_TRANSLATE_NOOP("Actions", "Larger text"), (Keys.ZoomIn, "Ctrl+=")),
    Command("zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom &Out"), lambda w: w.zoom_out(),
            QT_TRANSLATE_NOOP("Actions", "Smaller text"), (Keys.ZoomOut,)),
    Command("zoom_reset", QT_TRANSLATE_NOOP("Actions", "&Actual Size"),
            lambda w: w.apply_zoom(100), QT_TRANSLATE_NOOP("Actions", "Text at its normal size"),
            ("Ctrl+0",)),
    Command("find", QT_TRANSLATE_NOOP("Actions", "&Find in Article…"),
            lambda w: w.reading.open_find(),
            QT_TRANSLATE_NOOP("Actions", "Find words in this article"), (Keys.Find,)),
    Command("find_next", QT_TRANSLATE_NOOP("Actions", "Find &Next"),
            lambda w: w.reading.find_step(True),
            QT_TRANSLATE_NOOP("Actions", "Next match in this article"), (Keys.FindNext,)),
    Command("find_previous", QT_TRANSLATE_NOOP("Actions", "Find Pre&vious"),
            lambda w: w.reading.find_step(False),
            QT_TRANSLATE_NOOP("Actions", "Previous match in this article"),
            (Keys.FindPrevious,)),
    Command("bookmark", QT_TRANSLATE_NOOP("Actions", "&Bookmark This Article"),
            lambda w: w.toggle_bookmark(),
            QT_TRANSLATE_NOOP("Actions", "Add this article to your bookmarks, or remove it"),
            ("Ctrl+D",), checkable=True),
    Command("show_bookmarks", QT_TRANSLATE_NOOP("Actions", "&Show Bookmarks"),
            lambda w: w.focus_bookmarks(),
            QT_TRANSLATE_NOOP("Actions", "Show the list of bookmarks"), ("Ctrl+Shift+B",)),
    Command("on_this_page", QT_TRANSLATE_NOOP("Actions", "On This &Page"),
            lambda w: w.focus_headings(),
            QT_TRANSLATE_NOOP("Actions", "The sections of this article: go to one, or read "
                                         "aloud from it"),
            ("Ctrl+Shift+O",)),
    Command("read_aloud", QT_TRANSLATE_NOOP("Actions", "&Read Aloud"),
            lambda w: w.read_aloud.toggle(),
            QT_TRANSLATE_NOOP("Actions", "Read this article aloud; again to pause or resume"),
            ("Ctrl+Shift+R",), ("read-aloud", "SP_MediaPlay")),
    Command("stop_reading", QT_TRANSLATE_NOOP("Actions", "S&top Reading"),
            lambda w: w.read_aloud.stop(), QT_TRANSLATE_NOOP("Actions", "Stop reading aloud"),
            ("Ctrl+Shift+X",)),
    Command("read_faster", QT_TRANSLATE_NOOP("Actions", "Read &Faster"),
            lambda w: w.read_aloud.faster(),
            QT_TRANSLATE_NOOP("Actions", "Read aloud a little faster"), ("Ctrl+Shift+Up",)),
    Command("translation", QT_TRANSLATE_NOOP("Actions", "Read i&n Another Language"),
            lambda w: w.languages.read_in_other(w.library),
            QT_TRANSLATE_NOOP("Actions", "This article in the library's other language"),
            ("Ctrl+Shift+L",), ("language", "SP_BrowserReload")),
    Command("read_slower", QT_TRANSLATE_NOOP("Actions", "Read &Slower"),
            lambda w: w.read_aloud.slower(),
            QT_TRANSLATE_NOOP("Actions", "Read aloud a little slower"), ("Ctrl+Shift+Down",)),
)

#: The menu bar: each menu's title and its items in order.
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (QT_TRANSLATE_NOOP("Actions", "&File"),
     ("open_library", "bundled_library", None, "print", "pdf", None, "add_to_handout",
      "show_handout", "clinic_details", None, "quit")),
    (QT_TRANSLATE_NOOP("Actions", "&Edit"), ("find", "find_next", "find_previous")),
    (QT_TRANSLATE_NOOP("Actions", "&Go"),
     ("back", "forward", None, "previous", "next", None, "home", "contents", "on_this_page",
      "search")),
    (QT_TRANSLATE_NOOP("Actions", "&View"),
     ("zoom_in", "zoom_out", "zoom_reset", None, "@theme", "@units", None, "@language",
      "translation", None, "diagram")),
    (QT_TRANSLATE_NOOP("Actions", "&Bookmarks"), ("bookmark", "show_bookmarks")),
    (QT_TRANSLATE_NOOP("Actions", "&Listen"),
     ("read_aloud", "stop_reading", None, "read_faster", "read_slower")),
    (QT_TRANSLATE_NOOP("Actions", "&Help"), ("shortcuts", "about")),
)
#: The navigation toolbar; the search field follows, pushed to the right.
TOOLBAR: tuple[str | None, ...] = ("back", "forward", "home", None, "previous", "next")
#: The article's own toolbar, at the right of the breadcrumb, over the text it acts on.
ARTICLE_TOOLBAR: tuple[str | None, ...] = ("read_aloud", "add_to_handout", "translation")


def icon(window: QWidget, name: str, fallback: str) -> QIcon:
    """Our own SVG icon (crisp at any scale), or the style's ``fallback`` (a
    ``QStyle.StandardPixmap`` name) if it cannot be loaded."""
    found = QIcon(str(paths.resource(f"icons/{name}.svg")))
    if not found.isNull():
        return found
    from PySide6.QtWidgets import QStyle  # its enums cost ~20 ms to make: only if needed

    return window.style().standardIcon(getattr(QStyle.StandardPixmap, fallback))


def make_action(window: MainWindow, command: Command) -> QAction:
    action = QAction(translate("Actions", command.text), window)
    # The lasting name, in English (shown as translate("Actions", data)): some actions' text
    # changes (Next: <title>).
    action.setData(command.text)
    action.setShortcuts([QKeySequence(key) for key in command.keys])
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tip = translate("Actions", command.tip)
    action.setToolTip(f"{tip} ({keys})" if keys else tip)
    action.setStatusTip(tip)
    action.setCheckable(command.checkable)
    if command.icon is not None:
        action.setIcon(icon(window, *command.icon))
    action.triggered.connect(lambda _checked=False: command.run(window))
    window.addAction(action)
    return action


def choice_actions(window: QMainWindow, names: dict[str, str], choose: Callable[[str], None],
                   tip: str) -> dict[str, QAction]:
    """One checkable action per choice, only one checked at a time (a radio menu); ``names``
    and ``tip`` as they are shown (already translated)."""
    group = QActionGroup(window)
    actions = {}
    for key, text in names.items():
        action = QAction(text, group)
        action.setCheckable(True)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False, key=key: choose(key))
        actions[key] = action
    return actions


def build(window: MainWindow, choices: dict[str, tuple[str, dict[str, QAction]]],
          trailing: QWidget) -> QToolBar:
    """Make every action (as ``window.<name>_action``), the menu bar and the toolbar (with
    ``trailing`` at its right end); ``choices`` are the ``"@name"`` submenus."""
    actions = {command.name: make_action(window, command) for command in COMMANDS}
    for name, action in actions.items():
        setattr(window, f"{name}_action", action)
    for title, items in MENUS:
        menu = window.menuBar().addMenu(translate("Actions", title))
        for item in items:
            if item is None:
                menu.addSeparator()
            elif item.startswith("@"):
                label, options = choices[item[1:]]
                menu.addMenu(label).addActions(list(options.values()))
            else:
                menu.addAction(actions[item])
    toolbar = toolbar_of(window, QT_TRANSLATE_NOOP("Actions", "Navigation"), TOOLBAR, actions)
    spacer = QWidget(toolbar)
    spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding,
                         spacer.sizePolicy().Policy.Preferred)
    toolbar.addWidget(spacer)
    toolbar.addWidget(trailing)
    window.addToolBar(toolbar)
    return toolbar


def toolbar_of(window: QWidget, title: str, items: tuple[str | None, ...],
               actions: dict[str, QAction] | None = None) -> QToolBar:
    """A toolbar of ``items`` (command names, ``None`` a separator), labels beside icons;
    ``title`` in English (``QT_TRANSLATE_NOOP("Actions", …)``), shown translated."""
    shown = translate("Actions", title)
    toolbar = QToolBar(shown, window)
    toolbar.setObjectName(title.lower())
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setAccessibleName(shown)
    for item in items:
        if item is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[item] if actions else getattr(window, f"{item}_action"))
    return toolbar
