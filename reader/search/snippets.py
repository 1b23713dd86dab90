"""Snippets: the passage of an article's stored text where the query's words gather, hits marked.

Whoosh's highlighter needs the matched terms of every hit recorded while collecting (a cost on
every matching document, not only the shown ones) and reads their character offsets from the
postings. Here a compiled pattern finds the candidate words in the stored plain text of the shown
hits only, and each candidate is stemmed (through the search code's one stem cache,
``schema.stems``) to check it matches the way the index does: "resisting" marks "resistance",
never "resin".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.search.results import HIT_END, HIT_START
from reader.search.schema import DEFAULT_LANGUAGE, folding_table, stems

#: Hits that may share one snippet: within this many characters of the first.
MAX_SPAN = 140
#: Text shown before the first hit and after the last.
SURROUND = 50
#: Hits looked at per text: the best passage is nearly always among the first ones.
MAX_CANDIDATES = 64

_WORD_END = re.compile(r"\w*")


class SnippetMaker:
    """Makes snippets for one query's stems at a time; keeps the patterns of recent queries."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = language
        #: Accents folded where the index folds them ("azúcar" begins like stem "azuc").
        self._fold = folding_table(language)
        self._patterns: dict[frozenset[str], tuple[tuple[str, ...], re.Pattern[str] | None]] = {}

    def _starts(self, wanted: frozenset[str]) -> tuple[tuple[str, ...], re.Pattern[str] | None]:
        """How words that might stem to one of ``wanted`` begin (Porter stemming rewrites only
        a word's ending, so each starts with its stem less the last two letters), and a
        pattern for them."""
        found = self._patterns.get(wanted)
        if found is None:
            if len(self._patterns) > 256:
                self._patterns.clear()
            # Fewer beginnings, less scanning: "cla" already finds what "class" would.
            starts: list[str] = []
            for start in sorted({stem[:max(1, len(stem) - 2)] for stem in wanted}):
                if not (starts and start.startswith(starts[-1])):
                    starts.append(start)
            pattern = re.compile(
                r"(?<!\w)(?:" + "|".join(map(re.escape, starts)) + r")\w*", re.IGNORECASE,
            ) if starts else None
            found = self._patterns[wanted] = (tuple(starts), pattern)
        return found

    def _candidates(self, text: str, wanted: frozenset[str]) -> list[tuple[int, int]]:
        """``(start, end)`` of the words of ``text`` that begin like a wanted word, in order."""
        starts, pattern = self._starts(wanted)
        if pattern is None:
            return []
        lowered = text.lower()
        if self._fold is not None:
            lowered = lowered.translate(self._fold)
        if len(lowered) != len(text):  # a letter whose lower case is longer: positions shift
            return [found.span() for found in pattern.finditer(text)]
        # str.find for each beginning is several times faster than the pattern's scan.
        spans: list[tuple[int, int]] = []
        word_end = _WORD_END.match
        for start in starts:
            position = lowered.find(start)
            while position >= 0:
                before = lowered[position - 1] if position else " "
                if not (before.isalnum() or before == "_"):
                    spans.append((position, word_end(lowered, position).end()))
                position = lowered.find(start, position + 1)
        spans.sort()
        return spans

    def snippet(self, text: str, wanted: Iterable[str]) -> str:
        """The best passage of ``text`` with its hits marked, or "" if no word matches."""
        wanted = frozenset(wanted)
        if not text:
            return ""
        matches: list[tuple[int, int, frozenset[str]]] = []
        for start, end in self._candidates(text, wanted):
            found = stems(text[start:end].lower(), self.language) & wanted
            if found:
                matches.append((start, end, found))
                if len(matches) >= MAX_CANDIDATES:
                    break
        if not matches:
            return ""
        # The passage (of hits within MAX_SPAN) with the most different words, then most hits:
        # a window slid over the hits, counting the words in it.
        best = (-1, -1, 0, 0)
        inside: dict[str, int] = {}
        last = -1
        for first in range(len(matches)):
            while last + 1 < len(matches) and (
                    last < first or matches[last + 1][1] - matches[first][0] <= MAX_SPAN):
                last += 1
                for stem in matches[last][2]:
                    inside[stem] = inside.get(stem, 0) + 1
            rank = (len(inside), last - first + 1)
            if rank > best[:2]:
                best = (*rank, first, last)
            for stem in matches[first][2]:
                inside[stem] -= 1
                if not inside[stem]:
                    del inside[stem]
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
