"""A loaded library, kept in the user's cache so a large one opens without reading its files.

Loading ten thousand articles means reading and parsing ten thousand file heads: about a second.
The result is kept here (in ``marshal`` form: plain data, fast to read, and never code) with the
modification time of every folder. At the next start the snapshot is used if no folder changed
(a file added, removed or renamed changes its folder's time), which costs one ``stat`` per folder.
A file edited in place changes only its own time, so the window checks every file's size and time
after the first paint, off the UI thread (:func:`files_changed`), and reloads if one differs.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
from dataclasses import fields
from pathlib import Path

from reader.library.model import ArticleTable, Library, Problem, Section, library_key
from reader.system.json_file import write_atomically

#: Bump when the model's fields or their meaning change.
SNAPSHOT_VERSION = 3


def _values(item: object) -> tuple:
    """A dataclass's field values, in order (shallow: they are str, int and tuples)."""
    return tuple(getattr(item, f.name) for f in fields(item))


def snapshot_path(cache_dir: Path, root: Path) -> Path:
    return cache_dir / "library" / f"{library_key(root)}.marshal"


def save_snapshot(library: Library, cache_dir: Path, folders: dict[str, int]) -> None:
    """Keep ``library`` with its ``folders``' times (``relpath -> mtime_ns``); a cache that
    cannot be written is skipped."""
    data = {
        "version": SNAPSHOT_VERSION,
        "root": str(library.root),
        "folders": folders,
        "title": library.title,
        "sections": [_values(s) for s in library.sections.values()],
        "articles": [_values(a) for a in library.articles.values()],
        "reading_order": library.reading_order,
        "problems": [_values(p) for p in library.problems],
        "stamps": library.stamps,
    }
    with contextlib.suppress(OSError, ValueError):  # ValueError: marshal refused the data
        write_atomically(snapshot_path(cache_dir, library.root), marshal.dumps(data),
                         durable=False)


def _folders_unchanged(root: Path, folders: dict) -> bool:
    for relpath, mtime in folders.items():
        try:
            if os.stat(root / relpath if relpath else root).st_mtime_ns != mtime:
                return False
        except OSError:
            return False
    return bool(folders)


def load_snapshot(root: Path, cache_dir: Path) -> Library | None:
    """The kept library for ``root`` if no folder in it changed since, else ``None``.

    The result has ``verified`` false: its files' own times are checked later."""
    collecting = gc.isenabled()
    gc.disable()  # reading makes ~100,000 objects, none of them garbage: no collections
    try:
        return _load(root, cache_dir)
    finally:
        if collecting:
            gc.enable()


def _load(root: Path, cache_dir: Path) -> Library | None:
    try:
        data = marshal.loads(snapshot_path(cache_dir, root).read_bytes())
        if (not isinstance(data, dict) or data.get("version") != SNAPSHOT_VERSION
                or data.get("root") != str(root)
                or not _folders_unchanged(root, data["folders"])):
            return None
        sections = {}
        for fields in data["sections"]:
            section = Section(*fields)
            sections[section.id] = section
        articles = ArticleTable({fields[0]: fields for fields in data["articles"]})
        library = Library(
            root=root,
            title=data["title"],
            sections=sections,
            articles=articles,
            reading_order=data["reading_order"],
            problems=[Problem(*fields) for fields in data["problems"]],
            stamps=data["stamps"],  # marshal keeps tuples as tuples
        )
    except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError):
        return None  # missing, damaged or from another version: load the folder instead
    library.verified = False
    return library


def files_changed(library: Library) -> bool:
    """Whether any file the library was loaded from has another size or time now (or is
    gone). One ``stat`` per file: run it off the UI thread for a large library."""
    for relpath, stamp in library.stamps.items():
        try:
            stat = os.stat(library.root / relpath)
        except OSError:
            return True
        if (stat.st_mtime_ns, stat.st_size) != stamp:
            return True
    return False


def reload_if_changed(library: Library, cache_dir: Path) -> Library | None:
    """For a library read from the snapshot: ``None`` if its files are as they were, else
    the library loaded again from its folder (``None`` too if the folder cannot be read now:
    the kept one goes on being shown). One ``stat`` per file: call it off the UI thread. It
    changes nothing: marking ``library`` verified is for the thread that owns it."""
    from reader.library.loader import LibraryError, load_library

    if not files_changed(library):
        return None
    try:
        return load_library(library.root, cache_dir)
    except LibraryError:
        return None
