"""The search index's schema, declared once (Whoosh's documented pattern)."""

from __future__ import annotations

from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, STORED, TEXT, Schema

#: Bump when the schema, analysis or text extraction (documents.py, plaintext.py) changes:
#: older indexes are then rebuilt, never misread.
SCHEMA_VERSION = 5

#: Fields a query searches, and how much a match in each counts.
FIELD_BOOSTS = {"title": 5.0, "keywords": 3.0, "headings": 2.0, "summary": 1.5, "body": 1.0}


def make_analyzer() -> StemmingAnalyzer:
    """Lower-cased, stop words removed, Porter-stemmed: "resist" finds "resistance"."""
    # cachesize=-1: an unbounded stem cache, measurably faster indexing.
    return StemmingAnalyzer(cachesize=-1)


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
