"""Shared text: a rule written once in the library and included wherever an article needs it.

A safety rule (when to call the emergency number, the ketone bands, driving after a low)
stated by hand in many articles drifts apart, and a caregiver's page ends up weaker than the
library's own rule. So such a rule lives in one file, ``_shared/NAME.md`` at the library's root,
and an article includes it with a line of its own::

    [[include: ketones]]

The line is replaced by the shared file's body (its metadata block dropped) wherever the
article is shown, printed, indexed or measured. Links in shared text are written from the
library's root (``/10-glossary/01-glossary.md#dka``), because the text lands in articles of
any folder. Shared text does not include other shared text. Nothing here raises on a bad
include: it is reported with its line, and the rest of the article is unchanged.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.library.front_matter import parse_front_matter
from reader.library.loader import SHARED_FOLDER, decode, lines_outside_code
from reader.system.json_file import read_bytes

#: A shared text is a few paragraphs; anything larger is refused rather than pasted everywhere.
MAX_SHARED_BYTES = 64 * 1024
#: ``[[include: name]]`` alone on its line (up to three spaces before it, as Markdown allows).
INCLUDE_RE = re.compile(r"^ {0,3}\[\[\s*include\s*:\s*(?P<name>[^\]\n]*?)\s*\]\][ \t]*$")
#: What a name may be: the file name without ``.md``, lower-case words and dashes.
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: Cheap test before any line is looked at: most articles include nothing.
MARKER = "[[include"


class IncludeError(Exception):
    """A shared text that cannot be included; the message says why, for a person."""


@dataclass(frozen=True)
class SharedText:
    """One shared file: what it is called and the Markdown it puts in place."""

    name: str
    relpath: str
    title: str
    body: str
    sources: tuple[str, ...]
    #: 1-based file line of the body's first line.
    body_line: int


@dataclass(frozen=True)
class Include:
    """One ``[[include: …]]`` line of an article."""

    #: 1-based line in the text it was found in.
    line: int
    name: str
    shared: SharedText | None
    #: Why it could not be included (empty when ``shared`` is set).
    problem: str = ""


@dataclass(frozen=True)
class Expanded:
    """An article's Markdown with its includes in place, and what was included."""

    text: str
    includes: tuple[Include, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        """The included texts' sources, each once, in order of first use."""
        seen: dict[str, None] = {}
        for include in self.includes:
            if include.shared is not None:
                seen.update(dict.fromkeys(include.shared.sources))
        return tuple(seen)


def shared_relpath(name: str) -> str:
    return f"{SHARED_FOLDER}/{name}.md"


def read_shared(root: Path, name: str) -> SharedText:
    """The shared text ``name`` of the library at ``root``. Raises :class:`IncludeError`."""
    if not NAME_RE.match(name):
        raise IncludeError(
            f"'{name[:60]}' is not a shared-text name (lower-case letters, digits and dashes, "
            f"the file name in {SHARED_FOLDER}/ without '.md')")
    relpath = shared_relpath(name)
    path = root / relpath
    try:
        # Without blocking, regular files only: a FIFO left in its place must not hang.
        data = read_bytes(path, MAX_SHARED_BYTES + 1)
    except OSError as error:
        if error.errno in (errno.EISDIR, errno.EINVAL):
            raise IncludeError(f"{relpath} is not a regular file") from None
        raise IncludeError(f"{relpath} cannot be read: {error.strerror or error}") from None
    if data is None:
        raise IncludeError(f"no shared text '{name}' (there is no file {relpath})")
    if len(data) > MAX_SHARED_BYTES:
        raise IncludeError(f"{relpath} is too large to include (shared text is at most "
                           f"{MAX_SHARED_BYTES // 1024} KB)")
    text, _ = decode(data)
    lines = text.splitlines()
    front = parse_front_matter(lines)
    body = "\n".join(lines[front.body_start:]).strip("\n")
    sources = tuple(v.strip() for v in front.meta.get("sources", []) if v.strip())
    return SharedText(name, relpath, front.first("title") or name, body, sources,
                      front.body_start + 1)


def find_includes(text: str) -> list[tuple[int, str]]:
    """``(1-based line, name)`` of every include line outside code blocks."""
    if MARKER not in text:
        return []
    lines = text.splitlines()
    found = []
    for index in lines_outside_code(lines):
        match = INCLUDE_RE.match(lines[index])
        if match:
            found.append((index + 1, match.group("name")))
    return found


def expand(root: Path, text: str,
           placeholder: Callable[[Include], str] | None = None) -> Expanded:
    """``text`` with each include line replaced by its shared text (as its own block). An
    include that cannot be made is replaced by ``placeholder(include)``, or dropped."""
    found = find_includes(text)
    if not found:
        return Expanded(text)
    lines = text.splitlines()
    includes: list[Include] = []
    cache: dict[str, SharedText | IncludeError] = {}
    for line, name in reversed(found):  # from the end, so earlier line numbers stay true
        if name not in cache:
            try:
                cache[name] = read_shared(root, name)
            except IncludeError as error:
                cache[name] = error
        shared = cache[name]
        if isinstance(shared, SharedText):
            include = Include(line, name, shared)
            replacement = shared.body
        else:
            include = Include(line, name, None, str(shared))
            replacement = placeholder(include) if placeholder else ""
        includes.append(include)
        lines[line - 1:line] = ["", *replacement.splitlines(), ""]
    return Expanded("\n".join(lines), tuple(reversed(includes)))


def shared_names(root: Path) -> list[str]:
    """The names of every shared text in the library (for ``reader check``)."""
    try:
        entries = sorted(os.scandir(root / SHARED_FOLDER), key=lambda e: e.name)
    except OSError:
        return []
    return [entry.name[:-3] for entry in entries
            if entry.name.endswith(".md") and not entry.name.startswith((".", "_"))]
