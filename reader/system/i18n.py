"""The words of the interface in the reader's language (no Qt here).

Every string a reader sees is written in English in the code as ``translate("Context",
"text")`` (or marked ``QT_TRANSLATE_NOOP("Context", "text")`` where it is data, and translated
where it is shown). Qt's own tools read those calls: ``pyside6-lupdate`` collects them into
``translations/reader_<language>.ts``, which translators fill in with Qt Linguist, and
``pyside6-lrelease`` builds the ``.qm`` the app loads (``reader/ui/translators.py``). Once the
app has installed its translator, :func:`translate` asks Qt (``bind``); without Qt (the
command line, the core's tests) it reads the ``.ts`` itself, so both give the same words.

Placeholders are ``{name}``, filled with ``str.format`` after translating, so a translation
may put them in its own order.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

from reader.system import paths

#: The language the strings are written in.
SOURCE_LANGUAGE = "en"

_state: dict[str, object] = {"language": SOURCE_LANGUAGE, "lookup": None, "dates": None,
                             "numbers": None}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 — Qt's name, for lupdate
    """Marks ``text`` for translation where it is defined (a table, a constant); translate it
    where it is shown: ``translate(context, text)``."""
    return text


def translations_dir() -> Path:
    return paths.install_root() / "translations"


def ts_file(language: str) -> Path:
    return translations_dir() / f"reader_{language}.ts"


@functools.lru_cache(maxsize=8)
def catalog(language: str) -> dict[tuple[str, str], str]:
    """``{(context, source): translation}`` of a ``.ts`` file; unfinished and missing
    translations are left out (the English is shown for them)."""
    try:
        root = ElementTree.parse(ts_file(language)).getroot()
    except (OSError, ElementTree.ParseError):
        return {}
    found: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            element = message.find("translation")
            if source is None or element is None or element.get("type") in (
                    "unfinished", "obsolete", "vanished"):
                continue
            if element.text:
                found[(name, source)] = element.text
    return found


def set_language(language: str) -> None:
    """Use ``language`` from now on (the core's own lookup, until the app binds Qt's)."""
    _state["language"] = language
    _state["lookup"] = None


def language() -> str:
    return str(_state["language"])


def bind(lookup: Callable[[str, str], str] | None) -> None:
    """Translate through ``lookup`` (the app binds ``QCoreApplication.translate`` once its
    translators are installed); ``None`` goes back to reading the ``.ts``."""
    _state["lookup"] = lookup


def translate(context: str, text: str) -> str:
    """``text`` in the reader's language (``text`` itself where no translation exists)."""
    lookup = _state["lookup"]
    if lookup is not None:
        return lookup(context, text)  # type: ignore[operator]
    current = str(_state["language"])
    if current == SOURCE_LANGUAGE:
        return text
    return catalog(current).get((context, text), text)


def bind_dates(format_date: Callable[[datetime.date], str] | None) -> None:
    """Write dates through ``format_date`` (the app binds its ``QLocale``'s long format);
    ``None`` goes back to :func:`format_date`'s own."""
    _state["dates"] = format_date


def bind_numbers(format_number: Callable[[int], str] | None) -> None:
    """Write whole numbers through ``format_number`` (the app binds its ``QLocale``'s)."""
    _state["numbers"] = format_number


def format_number(number: int) -> str:
    """A whole number as the reader's language writes it ("2,500"; in Spanish "2500")."""
    bound = _state["numbers"]
    return bound(number) if bound is not None else f"{number:,}"  # type: ignore[operator]


def format_date(date: datetime.date) -> str:
    """A date as the reader's language writes it ("2 December 2026", "2 de diciembre de
    2026"): through the locale the app bound, else from the translated month names."""
    bound = _state["dates"]
    if bound is not None:
        return bound(date)  # type: ignore[operator]
    month = translate("Dates", _MONTHS[date.month - 1])
    return translate("Dates", "{day} {month} {year}").format(day=date.day, month=month,
                                                            year=date.year)


_MONTHS = (
    QT_TRANSLATE_NOOP("Dates", "January"), QT_TRANSLATE_NOOP("Dates", "February"),
    QT_TRANSLATE_NOOP("Dates", "March"), QT_TRANSLATE_NOOP("Dates", "April"),
    QT_TRANSLATE_NOOP("Dates", "May"), QT_TRANSLATE_NOOP("Dates", "June"),
    QT_TRANSLATE_NOOP("Dates", "July"), QT_TRANSLATE_NOOP("Dates", "August"),
    QT_TRANSLATE_NOOP("Dates", "September"), QT_TRANSLATE_NOOP("Dates", "October"),
    QT_TRANSLATE_NOOP("Dates", "November"), QT_TRANSLATE_NOOP("Dates", "December"),
)
