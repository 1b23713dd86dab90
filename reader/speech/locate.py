"""Where a sentence of the script is in the text on screen (no Qt here).

The window shows the page in a QTextBrowser; its document's ``toPlainText()`` is the text the
sentence being read is marked in. That text differs from the page's HTML only in its white
space (blocks become lines, a no-break space a plain one) and keeps the word joiner drawn after
the slash of a unit ("mg/\u2060dL"), so a sentence is found as find-in-page finds text.
"""

from __future__ import annotations

from reader.reading.find import needle_pattern


def locate(page_text: str, shown: str, start: int = 0) -> tuple[int, int] | None:
    """``(start, end)`` of ``shown`` (a :class:`~reader.speech.script.Sentence`'s) in
    ``page_text``, at or after ``start``; ``None`` if it is not there. Called for each
    sentence in turn from where the one before ended, so a sentence said twice on a page is
    marked where it is being read."""
    # Whether the page keeps the word joiner or not, "mg/" may be followed by one.
    pattern = needle_pattern(shown.replace("\u2060", ""))
    if pattern is None:
        return None
    match = pattern.search(page_text, max(start, 0))
    return (match.start(), match.end()) if match is not None else None
