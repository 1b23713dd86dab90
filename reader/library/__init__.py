"""The library: a folder of Markdown articles, loaded into an ordered tree (no Qt here)."""

from reader.library.loader import LibraryError, load_library, read_source
from reader.library.model import Article, Library, Problem, Section

__all__ = [
    "Article",
    "Library",
    "LibraryError",
    "Problem",
    "Section",
    "load_library",
    "read_source",
]
