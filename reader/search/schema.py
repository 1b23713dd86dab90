"""The search index's schema, declared once (Whoosh's documented pattern)."""

from __future__ import annotations

import functools

from whoosh.analysis import (
    CharsetFilter,
    CompositeAnalyzer,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StemmingAnalyzer,
    StopFilter,
)
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.support.charset import accent_map

#: The language of an index whose library names none.
DEFAULT_LANGUAGE = "en"

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


def make_analyzer(language: str = DEFAULT_LANGUAGE) -> CompositeAnalyzer:
    """How the words of a library in ``language`` are indexed and looked up.

    English: lower-cased, stop words removed, Porter-stemmed: "resist" finds "resistance".
    Any other language Whoosh has a Snowball stemmer for (Spanish: "es"): lower-cased, its
    stop words removed, accents and ñ folded (people type "azucar" and "nino" for "azúcar" and
    "niño"), then stemmed; stop words go first because their lists are written with accents.
    """
    # No stem cache of its own (cachesize=None): a full build stems each distinct word once
    # whatever the cache (writer.py keeps each word's term for the build), parsing a query or
    # updating a few articles costs the same without it, and snippets, highlights and
    # corrections stem through ``stems``.
    if language == DEFAULT_LANGUAGE:
        return StemmingAnalyzer(cachesize=None)
    from whoosh.lang import has_stemmer, has_stopwords

    if not has_stemmer(language):
        return StemmingAnalyzer(cachesize=None)
    chain = RegexTokenizer() | LowercaseFilter()
    if has_stopwords(language):
        chain = chain | StopFilter(lang=language)
    return chain | CharsetFilter(accent_map) | StemFilter(lang=language, cachesize=None)


@functools.lru_cache(maxsize=8)
def folding_table(language: str) -> dict[int, str] | None:
    """``str.translate`` table that folds accents as ``language``'s analyzer does, letter for
    letter (so positions in a text stay the same); ``None`` where nothing is folded."""
    if language == DEFAULT_LANGUAGE:
        return None
    return {code: folded for code, folded in accent_map.items()
            if isinstance(folded, str) and len(folded) == 1 and folded != chr(code)}


@functools.lru_cache(maxsize=8)
def _analyzer(language: str) -> CompositeAnalyzer:
    return make_analyzer(language)


@functools.lru_cache(maxsize=CACHED_STEMS)
def stems(word: str, language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """The terms the index of a ``language`` library makes of ``word``, as the index does
    (none for a stop word).

    The one stem cache of the search code (snippets, highlights, corrections), safe to call from
    any thread. The analysis lower-cases; pass words lower-cased so that they share entries.
    """
    return frozenset(token.text for token in _analyzer(language)(word))


def build_schema(language: str = DEFAULT_LANGUAGE) -> Schema:
    analyzer = make_analyzer(language)
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
