"""Reading order as the reader walks it: which articles are before and after a place, and
how the Previous / Next commands name them. Plain Python, tested without a display; the window
asks it after every move.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.library.links import Location
from reader.library.model import Article, Library
from reader.system.i18n import QT_TRANSLATE_NOOP, translate

#: Toolbar labels longer than this are shortened with "…" (the tooltip has the whole title).
LABEL_CHARS = 32


def elide(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def neighbours(library: Library, location: Location | None) -> tuple[Article | None,
                                                                         Article | None]:
    """The articles before and after ``location`` in reading order. A section page leads to
    its first article; the home page (or a place that is gone) to the library's first."""
    location = location or Location.home()
    if location.kind == "article" and location.id in library.articles:
        return library.previous_article(location.id), library.next_article(location.id)
    if location.kind == "section" and location.id in library.sections:
        first = next(library.articles_in(location.id), None)
        if first is not None:
            return library.previous_article(first.id), first
    return None, library.first_article()


@dataclass(frozen=True)
class StepLabel:
    """What a Previous or Next command shows."""

    enabled: bool
    text: str
    tooltip: str


_WORDS = {
    "Previous": (QT_TRANSLATE_NOOP("Navigation", "Previous"),
                 QT_TRANSLATE_NOOP("Navigation", "No previous article"),
                 QT_TRANSLATE_NOOP("Navigation", "Previous: {title}"),
                 QT_TRANSLATE_NOOP("Navigation", "Previous article: {title} ({keys})")),
    "Next": (QT_TRANSLATE_NOOP("Navigation", "Next"),
             QT_TRANSLATE_NOOP("Navigation", "No next article"),
             QT_TRANSLATE_NOOP("Navigation", "Next: {title}"),
             QT_TRANSLATE_NOOP("Navigation", "Next article: {title} ({keys})")),
}


def step_label(word: str, article: Article | None, keys: str) -> StepLabel:
    """``Next: <title>`` (shortened) with the whole title and keys as its tooltip, or a
    disabled ``Next`` that says there is none; ``word`` is "Previous" or "Next", and each
    label is a whole sentence to translate."""
    name, none, label, tip = (translate("Navigation", text) for text in _WORDS[word])
    if article is None:
        return StepLabel(False, name, none)
    return StepLabel(True, label.format(title=elide(article.title)),
                     tip.format(title=article.title, keys=keys))
