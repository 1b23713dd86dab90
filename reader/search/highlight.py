"""Where a query's words occur in an article's text, for highlighting hits in the article view."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.search.schema import make_analyzer

_WORD_RE = re.compile(r"\w+", re.UNICODE)


class TermMatcher:
    """Finds words that match a query the way the index does (same stemming)."""

    def __init__(self) -> None:
        self._analyzer = make_analyzer()
        self._cache: dict[str, frozenset[str]] = {}

    def stems(self, word: str) -> frozenset[str]:
        lowered = word.lower()
        found = self._cache.get(lowered)
        if found is None:
            found = frozenset(token.text for token in self._analyzer(lowered))
            self._cache[lowered] = found
        return found

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
