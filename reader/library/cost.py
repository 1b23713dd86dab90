"""How much work an article would cost to show, bounded before any of it is done.

A few hundred bytes can freeze a reader: Qt lays out nested tables in time that doubles with
every level (16 levels: half a second, 20: half a minute), one word of 400,000 letters takes
seconds to break into lines, Python-Markdown's link pattern is quadratic in unmatched ``[``
(6,000 of them: 4 s), and a 10,000-row table takes a second to lay out. Each measure below is
cheap (a scan of the text), and an article past any limit is shown as plain text, with the
reason, instead of being handed to Markdown and the layout engine. ``reader check`` reports
the same reasons with their lines. The limits are far above what any article needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.library.loader import MAX_NESTING, nesting_depth

#: Raw HTML block elements open inside each other.
MAX_HTML_DEPTH = 40
#: Raw HTML tables inside tables (each level doubles the layout time).
MAX_TABLE_DEPTH = 6
#: Letters with no space between them (a word, a URL): longer runs are laid out slowly.
MAX_UNBROKEN = 10_000
#: ``[`` in one paragraph (Python-Markdown tries a link at each).
MAX_BRACKETS = 1_000
#: Rows of one table, Markdown or HTML.
MAX_TABLE_ROWS = 3_000
#: Characters in all, shared text included (an article file itself is at most 2 MB).
MAX_TEXT = 2 * 1024 * 1024

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt",
    "fieldset", "figure", "footer", "form", "header", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
#: Attributes of any length (``<`` and ``>`` cannot be inside, so this stays linear).
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,15})\b[^<>]*>")
#: Tried only where a run starts, so a text of many runs just under the limit stays linear.
_UNBROKEN_RE = re.compile(rf"(?<!\S)\S{{{MAX_UNBROKEN + 1}}}")
_TABLE_LINE_RE = re.compile(r"^[ \t]*\|", re.MULTILINE)


@dataclass(frozen=True)
class Cost:
    """One reason an article is too costly to lay out, at a line of its body (1-based)."""

    line: int
    #: Says what and the limit; fits both "shown as plain text because …" and ``check``.
    reason: str


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _html_depths(body: str) -> tuple[int, int, int, int]:
    """``(deepest block nesting, its offset, deepest table nesting, its offset)``."""
    depth = tables = deepest = deepest_tables = 0
    where = where_tables = 0
    for match in _TAG_RE.finditer(body):
        closing, name = match.group(1), match.group(2).lower()
        if name not in _BLOCK_TAGS:
            continue  # ("<table/>" opens a table all the same: HTML ignores the slash)
        step = -1 if closing else 1
        depth = max(0, depth + step)
        if name == "table":
            tables = max(0, tables + step)
        if depth > deepest:
            deepest, where = depth, match.start()
        if tables > deepest_tables:
            deepest_tables, where_tables = tables, match.start()
    return deepest, where, deepest_tables, where_tables


def _longest_table(body: str) -> tuple[int, int]:
    """``(rows, offset)`` of the longest run of Markdown table lines, or of ``<tr>`` tags."""
    best = run = 0
    best_at = start = 0
    previous_end = -2
    for match in _TABLE_LINE_RE.finditer(body):
        line_start = match.start()
        if body.rfind("\n", 0, line_start) != previous_end:
            run, start = 0, line_start
        run += 1
        end = body.find("\n", line_start)
        previous_end = end if end >= 0 else len(body)
        if run > best:
            best, best_at = run, start
    rows = len(re.findall(r"<tr\b", body, re.IGNORECASE)) if "<tr" in body.lower() else 0
    if rows > best:
        best, best_at = rows, body.lower().find("<tr")
    return best, best_at


def layout_costs(body: str) -> list[Cost]:
    """Every limit ``body`` (an article's Markdown) goes past; empty for any real article."""
    costs: list[Cost] = []
    if len(body) > MAX_TEXT:
        costs.append(Cost(1, f"with its shared text it is {len(body):,} characters long (the "
                          f"limit is {MAX_TEXT:,})"))
    depth = nesting_depth(body)
    if depth > MAX_NESTING:
        costs.append(Cost(1, f"its lists or quotes nest {depth} levels deep (the limit is "
                          f"{MAX_NESTING})"))
    if "<" in body:
        deepest, where, tables, where_tables = _html_depths(body)
        if tables > MAX_TABLE_DEPTH:
            costs.append(Cost(_line_at(body, where_tables), (
                f"its HTML tables sit {tables} deep inside each other (the limit is "
                f"{MAX_TABLE_DEPTH})")))
        elif deepest > MAX_HTML_DEPTH:
            costs.append(Cost(_line_at(body, where), (
                f"its HTML nests {deepest} levels deep (the limit is {MAX_HTML_DEPTH})")))
    unbroken = _UNBROKEN_RE.search(body)
    if unbroken:
        costs.append(Cost(_line_at(body, unbroken.start()), (
            f"it has more than {MAX_UNBROKEN:,} characters without a space")))
    if body.count("[") > MAX_BRACKETS:
        # Markdown's cost grows with the square of each paragraph's count: bound their sum.
        offset, work, worst, worst_at = 0, 0, 0, 0
        for block in body.split("\n\n"):
            brackets = block.count("[")
            work += brackets * brackets
            if brackets > worst:
                worst, worst_at = brackets, offset
            offset += len(block) + 2
        if work > MAX_BRACKETS * MAX_BRACKETS:
            costs.append(Cost(_line_at(body, worst_at), (
                f"it has too many '[' (up to {worst:,} in one paragraph; the limit is "
                f"{MAX_BRACKETS:,} in one, fewer in many)")))
    if body.count("|") > MAX_TABLE_ROWS or body.lower().count("<tr") > MAX_TABLE_ROWS:
        rows, at = _longest_table(body)
        if rows > MAX_TABLE_ROWS:
            costs.append(Cost(_line_at(body, at), (
                f"a table has {rows:,} rows (the limit is {MAX_TABLE_ROWS:,})")))
    return costs


def breakable(text: str, every: int = 80) -> str:
    """``text`` with a zero-width space in each run of ``every`` letters, so a run with no
    space can still be broken into lines quickly when it is shown as plain text."""
    return re.sub(rf"\S{{{every}}}", lambda m: m.group(0) + "\u200b", text)
