"""Which language the reader reads in: the one chosen in View › Language, else the computer's
(``LANG=es_MX.UTF-8`` starts in Spanish), else English; always one the app ships a library in
(no Qt here: the command line decides it before any window exists)."""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping, Sequence

from reader.system import paths
from reader.user.settings import Settings

#: The settings key; missing or "" means "follow the computer".
KEY = "language"


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The two-letter language of the computer's locale ("es" for ``es_AR.UTF-8``), or "".

    POSIX order: ``LANGUAGE`` (a list), ``LC_ALL``, ``LC_MESSAGES``, ``LANG``; then what the
    platform says (Windows and macOS set no variables)."""
    environ = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        for part in value.split(":"):
            code = part.split("_")[0].split(".")[0].split("@")[0].lower()
            if code.isalpha() and code not in ("c", "posix"):
                return code
        if value:  # "C" or "POSIX": no language chosen, English
            return ""
    if environ is os.environ:
        try:
            found = locale.getlocale()[0] or ""
        except ValueError:
            found = ""
        return found.split("_")[0].lower()
    return ""


def choose(wanted: str | None, settings: Settings | None,
           available: Sequence[str] | None = None,
           environ: Mapping[str, str] | None = None) -> str:
    """The language to use: ``wanted`` (``--language``), else the reader's choice, else the
    computer's, each only if a library ships in it; else the first available (English)."""
    available = list(available if available is not None else paths.bundled_languages())
    chosen = settings.get(KEY, "") if settings is not None else ""
    for candidate in (wanted, chosen if isinstance(chosen, str) else "",
                      system_language(environ)):
        if candidate and candidate in available:
            return candidate
    return available[0] if available else paths.BUNDLED_LANGUAGE
