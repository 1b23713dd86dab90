"""What a search returns, and how snippets are shown; free of Whoosh so the UI can import it
without paying for Whoosh at start-up."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from reader.system.i18n import translate

#: Snippet markers around each hit; see :func:`snippet_html` and :func:`snippet_text`.
HIT_START, HIT_END = "\x02", "\x03"


class SearchCancelledError(Exception):
    """A search was abandoned because a newer one was asked for (the next keystroke)."""


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    section: str
    score: float
    #: Text with each hit between :data:`HIT_START` and :data:`HIT_END`.
    snippet: str


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: tuple[Hit, ...] = ()
    total: int = 0
    #: The query actually run: the corrected one if :attr:`corrected` is true.
    effective_query: str = ""
    #: True if misspelled words were replaced ("Showing results for …").
    corrected: bool = False
    #: A better-spelled query that was not needed to find results ("Did you mean …?").
    suggestion: str | None = None
    #: Words to highlight in the article opened from a hit.
    terms: tuple[str, ...] = field(default=())


def summary(results: SearchResults) -> str:
    """What a search found, in one or two sentences (said to screen-reader users)."""
    count = results.total or len(results.hits)
    query = results.effective_query if results.corrected else results.query
    if count == 1:
        found = translate("Search", "1 article found for {query}.").format(query=query)
    elif count:
        found = translate("Search", "{count} articles found for {query}.").format(
            count=count, query=query)
    else:
        found = translate("Search", "No articles found for {query}.").format(query=results.query)
    sentences = [found]
    if results.corrected:
        sentences.insert(0, translate(
            "Search", "No articles for {typed}. Showing results for {query} instead.").format(
                typed=results.query, query=query))
    if results.suggestion:
        sentences.append(translate("Search", "Did you mean {suggestion}?").format(
            suggestion=results.suggestion))
    return " ".join(sentences)


def snippet_text(snippet: str, start: str = "", end: str = "") -> str:
    """A snippet as plain text, hits wrapped in ``start``/``end``."""
    return snippet.replace(HIT_START, start).replace(HIT_END, end)


def snippet_html(snippet: str) -> str:
    """A snippet as HTML with hits in ``<b>``."""
    return escape(snippet).replace(HIT_START, "<b>").replace(HIT_END, "</b>")
