"""The search index's schema, declared once (Whoosh's documented pattern)."""

from __future__ import annotations

import functools

from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, STORED, TEXT, Schema

#: Bump when the schema, analysis or text extraction (documents.py, plaintext.py) changes:
#: older indexes are then rebuilt, never misread.
SCHEMA_VERSION = 5

#: Fields a query searches, and how much a match in each counts.
FIELD_BOOSTS = {"title": 5.0, "keywords": 3.0, "headings": 2.0, "summary": 1.5, "body": 1.0}


#: Words whose stems ``stems`` keeps: the search code's one stem cache. Whoosh's own default for
#: an analyzer's cache; about 18 MB when full (some 370 bytes a word), and many times the
#: distinct words of the bundled library (about 3,000), so the words of the snippets shown and
#: the articles highlighted in a session stay cached; the least recently used go first.
CACHED_STEMS = 50_000


def make_analyzer() -> StemmingAnalyzer:
    """Lower-cased, stop words removed, Porter-stemmed: "resist" finds "resistance"."""
    # No stem cache of its own (cachesize=None): a full build stems each distinct word once
    # whatever the cache (writer.py keeps each word's term for the build), parsing a query or
    # updating a few articles costs the same without it, and snippets, highlights and
    # corrections stem through ``stems``.
    return StemmingAnalyzer(cachesize=None)


_ANALYZER = make_analyzer()


@functools.lru_cache(maxsize=CACHED_STEMS)
def stems(word: str) -> frozenset[str]:
    """The terms the index makes of ``word``, as the index does (none for a stop word).

    The one stem cache of the search code (snippets, highlights, corrections), safe to call from
    any thread. The analysis lower-cases; pass words lower-cased so that they share entries.
    """
    return frozenset(token.text for token in _ANALYZER(word))


def build_schema() -> Schema:
    analyzer = make_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        section=STORED(),
        title=TEXT(analyzer=analyzer, stored=True, field_boost=FIELD_BOOSTS["title"],
                   spelling=True),
        keywords=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["keywords"], spelling=True),
        headings=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["headings"]),
        summary=TEXT(analyzer=analyzer, stored=True, field_boost=FIELD_BOOSTS["summary"]),
        # Positions (for phrase queries) but no character offsets: snippets and highlights
        # find words in the stored text (snippets.py, highlight.py), and the offsets made
        # body postings half again as big to write and to read.
        body=TEXT(analyzer=analyzer, stored=True, spelling=True),
    )
