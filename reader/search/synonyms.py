"""Words people type for the same thing, as data: a library's ``_synonyms.md`` (no Qt here).

Each line is one group of words or short phrases that mean the same to a reader, separated by
commas ("jugo, zumo"; "flu, influenza, sick day"); blank lines and lines starting with ``#``
are notes. A query word in a group also finds the others, at a little less weight than the word
itself, so "zumo" finds the articles that say "jugo" and "flu" the sick-day rules. Words are
matched by their stems, as the index stems them, so "zumos" works too. The file is read when
search opens; it needs no rebuild of the index.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reader.search.schema import DEFAULT_LANGUAGE, stems

FILE_NAME = "_synonyms.md"
#: Larger files are not read (a synonym list is a page, not a dictionary).
MAX_BYTES = 256_000

#: A group entry as the index sees it: the stems of its words, in order.
Entry = tuple[str, ...]


def read_groups(text: str) -> list[list[str]]:
    """The groups of a synonyms file's text: each a list of its entries (two or more)."""
    groups = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        entries = [" ".join(part.split()).lower() for part in line.split(",")]
        entries = list(dict.fromkeys(entry for entry in entries if entry))
        if len(entries) > 1:
            groups.append(entries)
    return groups


def _entry(text: str, language: str) -> Entry:
    return tuple(stem for word in text.split() for stem in sorted(stems(word, language)))


def synonym_table(groups: list[list[str]],
                  language: str = DEFAULT_LANGUAGE) -> dict[str, tuple[Entry, ...]]:
    """``{stem of a one-word entry: the other entries of its groups, as stems}``."""
    table: dict[str, list[Entry]] = {}
    for group in groups:
        entries = [(_entry(text, language), text) for text in group]
        for stemmed, text in entries:
            if len(text.split()) != 1 or len(stemmed) != 1:
                continue  # phrases are found from a word, not looked up themselves
            others = table.setdefault(stemmed[0], [])
            for other, _ in entries:
                if other and other != stemmed and other not in others:
                    others.append(other)
    return {stem: tuple(others) for stem, others in table.items() if others}


def load_synonyms(root: Path, language: str = DEFAULT_LANGUAGE
                  ) -> Mapping[str, tuple[Entry, ...]]:
    """The table of ``root/_synonyms.md``; empty if there is none, or it cannot be read."""
    path = root / FILE_NAME
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return {}
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    return synonym_table(read_groups(text), language)
