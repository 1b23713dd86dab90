"""The same library in other languages: each article names its counterparts
(``translation: es:ID``), and the reader and ``reader check`` follow them (no Qt here).

The bundled libraries are one shelf: ``content/`` (English) and ``content-<language>/`` beside
it, each saying its language in its root ``_section.md`` (``language: es``). Every bundled
article must have a counterpart in every other bundled language, and the counterpart must name
it back; a library opened from another folder has no shelf, and its ``translation:`` keys are
only checked for form.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from reader.library.model import Article, Library, Problem
from reader.system import paths

_LANGUAGE_RE = re.compile(r"[a-z]{2,3}")
_KEY_RE = re.compile(r"^translation\s*:", re.IGNORECASE)

#: Each language's name in its own words, for the command that switches to it.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def is_bundled_folder(folder: Path) -> bool:
    """True for the folder of one of the libraries that ship with the app."""
    try:
        folder = Path(folder).expanduser().resolve()
    except OSError:
        return False
    return any(folder == paths.bundled_library(code).resolve()
               for code in paths.bundled_languages())


def is_bundled(library: Library) -> bool:
    """True for one of the libraries that ship with the app."""
    return is_bundled_folder(library.root)


def shelf_of(library: Library) -> dict[str, Path]:
    """``{language: folder}`` of the libraries this one is translated into, itself excluded:
    the other bundled libraries for a bundled one, none for any other folder."""
    if not is_bundled(library):
        return {}
    return {code: paths.bundled_library(code) for code in paths.bundled_languages()
            if code != library.language}


def counterpart(article: Article, language: str, other: Library) -> Article | None:
    """``article`` in ``other`` (the library in ``language``), if it names one that exists."""
    article_id = article.translation(language)
    return other.article(article_id) if article_id else None


def _line_of_key(library: Library, article: Article) -> int:
    try:
        with open(library.path_of(article), encoding="utf-8", errors="replace") as file:
            for number, line in enumerate(file, start=1):
                if _KEY_RE.match(line):
                    return number
                if number > 200:
                    break
    except OSError:
        pass
    return 1


def check_translations(library: Library, others: Mapping[str, Library],
                       complete: bool = False) -> list[Problem]:
    """What is wrong with ``library``'s counterparts in ``others`` (``{language: library}``):
    a key that is not ``LANGUAGE:ID``, a language with no library, an id that is no article,
    a counterpart that does not name this article back; with ``complete``, an article with no
    counterpart in one of ``others``."""
    problems: list[Problem] = []
    for article_id in library.reading_order:
        article = library.articles[article_id]

        def problem(message: str, article: Article = article) -> None:
            problems.append(Problem(article.relpath, _line_of_key(library, article), message))

        named: set[str] = set()
        for item in article.translations:
            code, colon, other_id = (part.strip() for part in item.partition(":"))
            code = code.lower()
            if not colon or not _LANGUAGE_RE.fullmatch(code) or not other_id:
                problem(f"translation '{item}' is not written LANGUAGE:ID "
                        "(for example 'es:comida-y-actividad/puedo-comer-fruta')")
                continue
            if code == library.language:
                problem(f"translation '{item}' names this library's own language")
                continue
            named.add(code)
            other = others.get(code)
            if other is None:
                if others:  # a shelf without that language
                    problem(f"translation '{item}': there is no library in '{code}'")
                continue
            target = other.article(other_id.strip("/"))
            if target is None:
                problem(f"translation '{item}' points nowhere: the '{code}' library has no "
                        f"article '{other_id}'")
            elif target.translation(library.language) != article.id:
                back = target.translation(library.language)
                problem(f"translation '{item}': that article names "
                        f"{repr(back) if back else 'no article'} as its "
                        f"'{library.language}' counterpart, not this one")
        if complete:
            for code in sorted(set(others) - named):
                name = LANGUAGE_NAMES.get(code, code)
                problem(f"no {name} counterpart: add 'translation: {code}:ID' to the metadata")
    return problems


def place_in(other: Library, library: Library, location) -> object:
    """Where ``location`` (a :class:`~reader.library.links.Location` in ``library``) is in
    ``other``, the same library in another language: an article's counterpart (its heading
    anchor is dropped: headings have other words), the section that holds the counterpart of
    a section's first article, else the home page. The position in the reading order is kept.
    """
    from reader.library.links import Location

    if location.kind == "article":
        article = library.article(location.id)
        found = counterpart(article, other.language, other) if article is not None else None
        if found is not None:
            return Location.article(found.id)
    elif location.kind == "section":
        first = next(library.articles_in(location.id), None) if location.id in \
            library.sections else None
        found = counterpart(first, other.language, other) if first is not None else None
        if found is not None:
            # The counterpart's own section, at the depth of the section asked for.
            depth = len(library.section_chain(location.id))
            chain = other.section_chain(found.section_id)
            if len(chain) >= depth:
                return Location.section(chain[depth - 1].id)
    return Location.home()
