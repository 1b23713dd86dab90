"""Find in page: where a piece of text occurs in an article's text (no Qt here)."""

from __future__ import annotations

import re


def needle_pattern(needle: str) -> re.Pattern[str] | None:
    """The expression that finds ``needle`` in the text on screen, case-insensitively: spaces
    in the needle match any run of white space (text wraps differently on screen), and a
    slash may be followed by a word joiner. ``None`` for a needle of only white space."""
    words = needle.split()
    if not words:
        return None
    # Units are drawn with a word joiner after the slash ("mg/\u2060dL") to keep them whole.
    parts = (re.escape(w).replace("/", "/\u2060?") for w in words)
    return re.compile(r"\s+".join(parts), re.IGNORECASE)


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """``(start, length)`` of every case-insensitive occurrence of ``needle``; spaces in the
    needle match any run of white space, as text wraps differently on screen."""
    pattern = needle_pattern(needle)
    if pattern is None:
        return []
    return [(m.start(), m.end() - m.start()) for m in pattern.finditer(text)]


def step(current: int, count: int, forward: bool) -> int:
    """The next (or previous) match index, wrapping around; -1 if there are none."""
    if count == 0:
        return -1
    if current < 0:
        return 0 if forward else count - 1
    return (current + (1 if forward else -1)) % count
