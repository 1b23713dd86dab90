"""The app in Spanish: the window's words from the translation, and switching language at once
(View › Language, "Leer en español" / "Read in English") on the counterpart of the page, with
the choice kept."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from reader.library import load_library
from reader.library.links import Location
from reader.system import i18n, paths
from reader.ui.language_switch import LanguageSwitch
from reader.ui.main_window import MainWindow
from reader.ui.translators import install_language
from reader.user.settings import Settings

FIFTEEN = "lows-highs-and-sick-days/treating-a-low-the-15-15-rule"
QUINCE = "bajas-altas-y-dias-de-enfermedad/tratar-una-baja-la-regla-15-15"


@pytest.fixture
def app_windows(qtbot, tmp_path, monkeypatch):
    """``make(library)`` as the app makes its window, and a LanguageSwitch over it."""
    monkeypatch.setenv("DIABETES_READER_SPEECH_ENGINE", "mock")
    settings = Settings.in_folder(tmp_path / "config")
    made: list[MainWindow] = []

    def make(library) -> MainWindow:
        window = MainWindow(library, settings, tmp_path / "cache", tmp_path / "data")
        qtbot.addWidget(window)
        window.restore_state()
        window.resize(1100, 760)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    switch = LanguageSwitch(make, tmp_path / "cache")
    yield make, switch, settings
    for window in made:
        window.read_aloud.shutdown()
    install_language("en")
    QApplication.instance().setPalette(QPalette())


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_window_in_spanish(app_windows):
    make, _switch, _settings = app_windows
    install_language("es")
    window = make(load_library(paths.bundled_library("es")))
    assert menu_titles(window) == ["&Archivo", "&Editar", "&Ir", "&Ver", "&Marcadores",
                                   "E&scuchar", "Ay&uda"]
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "&Contenido", "&Buscar", "Marca&dores", "En esta &página", "&Hoja"]
    assert window.search_field.placeholderText().startswith("Buscar")
    window.navigator.go(Location.article(QUINCE))
    text = window.article_view.toPlainText()
    assert "Fuentes" in text and "Sources" not in text
    assert "de diciembre de 2026" in text or "de noviembre de 2026" in text  # QLocale's date
    assert window.translation_action.text() == "Read in English"
    assert window.translation_action.isEnabled()
    assert "Leer en voz alta" in window.read_aloud_action.text().replace("&", "")


def test_switching_language_keeps_the_place_and_is_kept(app_windows, qtbot):
    make, switch, settings = app_windows
    window = make(load_library(paths.bundled_library()))
    switch.attach(window)
    window.navigator.go(Location.article(FIFTEEN))
    assert window.translation_action.text() == "Leer en español"
    with qtbot.waitSignal(switch.switched, timeout=10000) as done:
        window.translation_action.trigger()
    spanish = done.args[0]
    assert spanish is switch.window and spanish is not window
    assert not window.isVisible()
    assert spanish.library.language == "es" and i18n.language() == "es"
    assert spanish.navigator.current == Location.article(QUINCE)  # the same article
    assert spanish.windowTitle().startswith("Tratar una baja")
    assert menu_titles(spanish)[0] == "&Archivo"
    assert settings.get("language") == "es"
    assert spanish.languages.actions["es"].isChecked()
    # And back, from View › Language.
    with qtbot.waitSignal(switch.switched, timeout=10000) as back:
        spanish.languages.actions["en"].trigger()
    english = back.args[0]
    assert english.navigator.current == Location.article(FIFTEEN)
    assert menu_titles(english)[0] == "&File" and settings.get("language") == "en"


def test_a_section_page_and_the_home_page_keep_their_place(app_windows, qtbot):
    make, switch, _settings = app_windows
    window = make(load_library(paths.bundled_library()))
    switch.attach(window)
    window.navigator.go(Location.section("lows-highs-and-sick-days"))
    with qtbot.waitSignal(switch.switched, timeout=10000) as done:
        window.languages.actions["es"].trigger()
    assert done.args[0].navigator.current == Location.section(
        "bajas-altas-y-dias-de-enfermedad")


def test_a_handout_exported_in_spanish_is_spanish_throughout(app_windows, tmp_path):
    from pypdf import PdfReader

    from reader.cli import main

    target = tmp_path / "hoja.pdf"
    assert main(["export", QUINCE, "--language", "es", "--pdf", str(target)]) == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(str(target)).pages)
                    .split())
    squashed = text.replace(" ", "")  # (the PDF's text comes back with kerning gaps)
    for spanish in ("Tratarunabaja:laregla15-15", "Puntosclave", "Fuentes", "Últimarevisión",
                    "dediciembrede", "Parasuinformación"):  # the notice, in Spanish
        assert spanish in squashed, spanish
    for english in ("Sources", "Lastreviewed", "Keypoints", "Pleasenote"):
        assert english not in squashed, english


def test_the_handout_goes_along_to_the_other_language(app_windows, qtbot):
    make, switch, _settings = app_windows
    window = make(load_library(paths.bundled_library()))
    switch.attach(window)
    window.handout.add([FIFTEEN])
    window.handout_panel.note.setPlainText("Next visit: Monday")
    window.handout_panel.cover.setChecked(True)
    window.focus_handout()
    with qtbot.waitSignal(switch.switched, timeout=10000) as done:
        window.languages.actions["es"].trigger()
    spanish = done.args[0]
    assert spanish.handout.ids() == [QUINCE]
    assert spanish.handout_panel.note.toPlainText() == "Next visit: Monday"
    assert spanish.handout_panel.cover.isChecked()
    assert spanish.tabs.currentWidget() is spanish.handout_panel
