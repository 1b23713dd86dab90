"""Where a query's words occur in an article's text, for highlighting hits in the article view."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.search.schema import DEFAULT_LANGUAGE, stems

_WORD_RE = re.compile(r"\w+", re.UNICODE)


class TermMatcher:
    """Finds words that match a query the way the index does (same stemming, through the
    search code's one stem cache, ``schema.stems``), for a library in ``language``."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = language

    def stems(self, word: str) -> frozenset[str]:
        return stems(word.lower(), self.language)

    def spans(self, text: str, words: Iterable[str]) -> list[tuple[int, int]]:
        """``(start, length)`` of every word in ``text`` that matches one of ``words``."""
        wanted: set[str] = set()
        for word in words:
            wanted |= self.stems(word)
        if not wanted:
            return []
        return [
            (match.start(), match.end() - match.start())
            for match in _WORD_RE.finditer(text)
            if self.stems(match.group()) & wanted
        ]
