"""Full-text search over a library (Whoosh; no Qt here)."""

from reader.search.engine import SearchEngine, SearchResults, snippet_html, snippet_text
from reader.search.store import IndexStore, build_in_memory, open_or_build

__all__ = [
    "IndexStore",
    "SearchEngine",
    "SearchResults",
    "build_in_memory",
    "open_or_build",
    "snippet_html",
    "snippet_text",
]
