"""Split a Markdown file into its metadata block and its body.

The format is Python-Markdown's ``meta`` extension (``key: value`` lines, continuation lines
indented by four spaces, keys case-insensitive), optionally fenced by ``---`` lines as most
Markdown sites write it. We parse it ourselves rather than through the extension because the
library needs titles without rendering, and ``reader check`` needs line numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
BEGIN_RE = re.compile(r"^-{3}(\s.*)?$")
END_RE = re.compile(r"^(-{3}|\.{3})(\s.*)?$")


@dataclass(frozen=True)
class FrontMatter:
    """Metadata of one file, and where its body starts."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    #: 0-based index of the first body line in the file's lines.
    body_start: int = 0
    #: 1-based line of each key, for messages.
    key_lines: dict[str, int] = field(default_factory=dict, compare=False)
    #: ``(line, message)`` for a block that is not well formed.
    problems: tuple[tuple[int, str], ...] = ()

    def first(self, key: str, default: str = "") -> str:
        """The first value of ``key``, stripped, or ``default``."""
        values = self.meta.get(key)
        return values[0].strip() if values and values[0].strip() else default

    def joined(self, key: str) -> str:
        """All values of ``key`` as one line (continuation lines joined by spaces)."""
        return " ".join(v.strip() for v in self.meta.get(key, []) if v.strip())

    def items(self, key: str) -> list[str]:
        """A list-valued key: comma-separated, on one line or over continuation lines."""
        return [part.strip() for value in self.meta.get(key, []) for part in value.split(",")
                if part.strip()]


def parse_front_matter(lines: list[str]) -> FrontMatter:
    """Parse the metadata block at the top of ``lines`` (without line endings)."""
    meta: dict[str, list[str]] = {}
    key_lines: dict[str, int] = {}
    problems: list[tuple[int, str]] = []
    index = 0
    fenced = bool(lines) and BEGIN_RE.match(lines[0]) is not None
    if fenced:
        index = 1
    key: str | None = None
    closed = not fenced
    while index < len(lines):
        line = lines[index]
        if line.strip() == "" or END_RE.match(line):
            if fenced and END_RE.match(line):
                closed = True
                index += 1
            elif fenced:
                # Python-Markdown ends the block at a blank line too (the fence shows as a rule).
                problems.append((index + 1, "blank line inside the '---' metadata block"))
                index += 1
            else:
                index += 1
            break
        match = META_RE.match(line)
        if match:
            key = match.group("key").lower()
            meta.setdefault(key, []).append(match.group("value").strip())
            key_lines.setdefault(key, index + 1)
        elif key is not None and META_MORE_RE.match(line):
            meta[key].append(line.strip())
        else:
            if fenced:
                problems.append(
                    (index + 1, "metadata line is not 'key: value' (is the '---' block closed?)")
                )
            break
        index += 1
    else:
        if fenced and not closed:
            problems.append((1, "the '---' metadata block is never closed"))
    return FrontMatter(meta, index, key_lines, tuple(problems))
