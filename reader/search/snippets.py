"""Snippets: the passage of an article's stored text where the query's words gather, hits marked.

Whoosh's highlighter needs the matched terms of every hit recorded while collecting (a cost on
every matching document, not only the shown ones) and reads their character offsets from the
postings. Here a compiled pattern finds the candidate words in the stored plain text of the shown
hits only, and each candidate is stemmed (with a cache) to check it matches the way the index
does: "resisting" marks "resistance", never "resin".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from whoosh.analysis import Analyzer

from reader.search.results import HIT_END, HIT_START

#: Hits that may share one snippet: within this many characters of the first.
MAX_SPAN = 140
#: Text shown before the first hit and after the last.
SURROUND = 50
#: Candidates looked at per text: the best passage is nearly always among the first ones.
MAX_CANDIDATES = 200
#: Bounds the stem cache (a library has some tens of thousands of distinct words).
MAX_CACHED_WORDS = 200_000


class SnippetMaker:
    """Makes snippets for one query's stems at a time; caches stems between queries."""

    def __init__(self, analyzer: Analyzer) -> None:
        self._analyzer = analyzer
        self._stems: dict[str, frozenset[str]] = {}
        self._patterns: dict[frozenset[str], re.Pattern[str] | None] = {}

    def stems(self, word: str) -> frozenset[str]:
        lowered = word.lower()
        found = self._stems.get(lowered)
        if found is None:
            found = frozenset(token.text for token in self._analyzer(lowered))
            if len(self._stems) >= MAX_CACHED_WORDS:
                self._stems.clear()
            self._stems[lowered] = found
        return found

    def _pattern(self, wanted: frozenset[str]) -> re.Pattern[str] | None:
        """Words that might stem to one of ``wanted``: Porter stemming rewrites only a word's
        ending, so each starts with its stem less the last two letters."""
        if wanted not in self._patterns:
            if len(self._patterns) > 256:
                self._patterns.clear()
            starts = sorted({stem[:max(1, len(stem) - 2)] for stem in wanted}, key=len,
                            reverse=True)
            self._patterns[wanted] = re.compile(
                r"(?<!\w)(?:" + "|".join(map(re.escape, starts)) + r")\w*", re.IGNORECASE,
            ) if starts else None
        return self._patterns[wanted]

    def snippet(self, text: str, wanted: Iterable[str]) -> str:
        """The best passage of ``text`` with its hits marked, or "" if no word matches."""
        wanted = frozenset(wanted)
        pattern = self._pattern(wanted)
        if pattern is None or not text:
            return ""
        matches: list[tuple[int, int, frozenset[str]]] = []
        for found in pattern.finditer(text):
            stems = self.stems(found.group()) & wanted
            if stems:
                matches.append((found.start(), found.end(), stems))
                if len(matches) >= MAX_CANDIDATES:
                    break
        if not matches:
            return ""
        # The passage (of hits within MAX_SPAN) with the most different words, then most hits.
        best = (-1, -1, 0, 0)
        last = 0
        for first in range(len(matches)):
            last = max(last, first)
            while (last + 1 < len(matches)
                   and matches[last + 1][1] - matches[first][0] <= MAX_SPAN):
                last += 1
            distinct = len(frozenset().union(*(m[2] for m in matches[first:last + 1])))
            rank = (distinct, last - first + 1)
            if rank > best[:2]:
                best = (*rank, first, last)
        _, _, first, last = best
        start = max(0, matches[first][0] - SURROUND)
        end = min(len(text), matches[last][1] + SURROUND)
        if start > 0:  # whole words only
            space = _first_space(text, start, matches[first][0])
            start = space + 1 if space >= 0 else matches[first][0]
        if end < len(text):
            space = max(text.rfind(" ", matches[last][1], end),
                        text.rfind("\n", matches[last][1], end))
            end = space if space >= 0 else matches[last][1]
        pieces: list[str] = []
        position = start
        for hit_start, hit_end, _ in matches:
            if hit_start < start or hit_end > end:
                continue
            pieces += [text[position:hit_start], HIT_START, text[hit_start:hit_end], HIT_END]
            position = hit_end
        pieces.append(text[position:end])
        return "".join(pieces).strip()


def _first_space(text: str, start: int, end: int) -> int:
    found = [i for i in (text.find(" ", start, end), text.find("\n", start, end)) if i >= 0]
    return min(found, default=-1)
