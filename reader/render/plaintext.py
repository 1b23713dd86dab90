"""Markdown to plain text, fast, for the search index (no HTML, no full render)."""

from __future__ import annotations

import html
import re

from reader.render import glucose

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*$", re.MULTILINE)
_HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
# Possessive: a line never contains the newline that must follow it, so no backtracking.
_SETEXT_RE = re.compile(r"^(?P<text>[^\n]++)\n {0,3}(=+|-+)[ \t]*$", re.MULTILINE)
_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK_RE = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_REFDEF_RE = re.compile(r"^ {0,3}\[[^\]]+\]:.*$", re.MULTILINE)
_TAG_RE = re.compile(r"<[^>\n]{1,500}>")
# The lookahead first: most characters are no mark, and fail there (5x faster on a page).
_MARK_RE = re.compile(r"(?=[*_`~])(?:(\*\*|__|\*|_|`+|~~)(?=\S)|(?<=\S)(\*\*|__|\*|_|`+|~~))")
_LIST_RE = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.MULTILINE)
_QUOTE_RE = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
_TABLE_RE = re.compile(r"^[ \t]*\|?[ \t:|-]+\|[ \t:|-]*$", re.MULTILINE)
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_UNDERLINE_RE = re.compile(r"^ {0,3}(?:=+|-+|\*{3,}|_{3,})[ \t]*$", re.MULTILINE)
_ATTR_LIST_RE = re.compile(r"\{:?[ \t]*[#.][^}\n]*\}")
_ADMONITION_RE = re.compile(r"^ {0,3}[!?]{3}\+?[ \t]+[\w-]+(?:[ \t]+\"([^\"]*)\")?", re.MULTILINE)


def headings(markdown_text: str) -> list[str]:
    """The text of every heading (ATX and setext), inline markup removed."""
    found = [m.group(1) for m in _HEADING_RE.finditer(markdown_text)]
    found += [m.group("text") for m in _SETEXT_RE.finditer(markdown_text)]
    return [inline_text(h) for h in found if h.strip()]


def inline_text(text: str) -> str:
    """One line of Markdown without its markup."""
    text = _ATTR_LIST_RE.sub("", text)
    text = _IMAGE_RE.sub(r"\1", text)
    text = _LINK_RE.sub(r"\1", text)
    text = _TAG_RE.sub(" ", text)
    text = _MARK_RE.sub("", text)
    return " ".join(html.unescape(text).split())


def to_text(markdown_text: str) -> str:
    """The words a reader sees, in order: one block (heading, paragraph, list item) per line,
    soft-wrapped lines joined, so snippets can show where one block ends. Glucose values
    (``{{70 mg/dL}}``) are written in both units, so either number finds them."""
    text = _FENCE_RE.sub("", glucose.expand_for_search(markdown_text))
    text = _REFDEF_RE.sub("", text)
    text = _TABLE_RE.sub("", text)
    text = _UNDERLINE_RE.sub("", text)
    text = _ATTR_LIST_RE.sub("", text)
    text = _ADMONITION_RE.sub(r"\n\1\n", text)
    text = _HEADING_RE.sub(r"\n\1\n", text)
    text = _QUOTE_RE.sub("", text)
    text = _LIST_RE.sub("\n", text)
    text = _IMAGE_RE.sub(r"\1", text)
    text = _LINK_RE.sub(r"\1", text)
    text = _TAG_RE.sub(" ", text)
    text = _MARK_RE.sub("", text)
    text = html.unescape(text).replace("|", " ")
    blocks = (" ".join(block.split()) for block in _BLANK_LINE_RE.split(text))
    return "\n".join(block for block in blocks if block)
