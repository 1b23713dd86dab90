"""Find in page: where a piece of text occurs in an article's text (no Qt here)."""

from __future__ import annotations

import re


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """``(start, length)`` of every case-insensitive occurrence of ``needle``; spaces in the
    needle match any run of white space, as text wraps differently on screen."""
    words = needle.split()
    if not words:
        return []
    # Units are drawn with a word joiner after the slash ("mg/\u2060dL") to keep them whole.
    parts = (re.escape(w).replace("/", "/\u2060?") for w in words)
    pattern = re.compile(r"\s+".join(parts), re.IGNORECASE)
    return [(m.start(), m.end() - m.start()) for m in pattern.finditer(text)]


def step(current: int, count: int, forward: bool) -> int:
    """The next (or previous) match index, wrapping around; -1 if there are none."""
    if count == 0:
        return -1
    if current < 0:
        return 0 if forward else count - 1
    return (current + (1 if forward else -1)) % count
