"""The interface in the reader's language: Qt's translators for the app's own words
(``translations/reader_<language>.qm``, built from the ``.ts`` by ``pyside6-lrelease`` at
install and package time) and for Qt's dialogs (``qtbase_<language>.qm``, shipped with Qt),
and the locale that dates and numbers follow.

If the app's ``.qm`` was not built (an install that skipped ``make``), the ``.ts`` is read
directly through ``CatalogTranslator``, so the words are the same either way.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from reader.system import i18n

_log = logging.getLogger("reader")
_installed: list[QTranslator] = []


class CatalogTranslator(QTranslator):
    """A translator from the ``.ts`` itself (see the module's note)."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self._catalog = i18n.catalog(language)

    def isEmpty(self) -> bool:  # noqa: N802 — Qt's name
        return not self._catalog

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return self._catalog.get((context, source), "")


def qm_file(language: str):
    return i18n.translations_dir() / f"reader_{language}.qm"


def install_language(language: str) -> None:
    """Use ``language`` for every word from now on (windows made after this show it)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.set_language(language)
    locale = QLocale(language)
    QLocale.setDefault(locale)
    if language == i18n.SOURCE_LANGUAGE:
        i18n.bind(None)
        i18n.bind_dates(None)  # "2 December 2026", as the library has always written it
        i18n.bind_numbers(None)
        return
    i18n.bind_numbers(locale.toString)
    # The locale's long date without the weekday: "2 de diciembre de 2026".
    long_format = locale.dateFormat(QLocale.FormatType.LongFormat)
    pattern = re.sub(r"^\s*d{4}\W*|\W*d{4}\s*$", "", long_format)
    i18n.bind_dates(lambda date: locale.toString(QDate(date.year, date.month, date.day),
                                                 pattern))
    ours = QTranslator()
    qm, ts = qm_file(language), i18n.ts_file(language)
    stale = qm.exists() and ts.exists() and qm.stat().st_mtime < ts.stat().st_mtime
    if stale or not ours.load(str(qm)):  # (a .ts newer than its .qm: a checkout not rebuilt)
        ours = CatalogTranslator(language)
        if ours.isEmpty():
            _log.warning("No interface translation for '%s'; the interface stays in English",
                         language)
    qt_own = QTranslator()
    if qt_own.load(f"qtbase_{language}",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt_own)
    _installed.append(ours)
    for translator in _installed:
        app.installTranslator(translator)
    i18n.bind(QCoreApplication.translate)
