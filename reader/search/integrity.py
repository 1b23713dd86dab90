"""Whether an index folder still holds the files it was built with.

A build records each file's size and CRC-32 in the folder's manifest. Sizes are compared at
every open (one ``stat`` a file: catches a truncated or emptied segment); the CRCs when a search
fails in a way a query alone does not explain, and before a folder is copied to be updated, so a
damaged index is rebuilt instead of being misread or carried into the next generation. (Reading
every byte at each start would cost a large library's index its page cache warm-up time.)
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

#: The file in an index folder that describes it (see ``store.py``).
MANIFEST = "manifest.json"
#: ``{file name: [size, crc32]}`` in the manifest.
FILES_KEY = "files"
_CHUNK = 1 << 20

Sums = dict[str, list[int]]


def _is_index_file(path: Path) -> bool:
    # Lock files are empty markers a writer may leave or remove; the manifest describes the rest.
    return path.is_file() and path.name != MANIFEST and not path.name.endswith("WRITELOCK")


def crc32_of(path: Path) -> int:
    crc = 0
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def file_sums(folder: Path, known: Sums | None = None) -> Sums:
    """``{name: [size, crc32]}`` of the index files in ``folder``. Sums in ``known`` (already
    checked) are reused for files of the same name and size: Whoosh never rewrites a file."""
    sums: Sums = {}
    for path in sorted(folder.iterdir()):
        if not _is_index_file(path):
            continue
        size = path.stat().st_size
        old = (known or {}).get(path.name)
        sums[path.name] = list(old) if old and old[0] == size else [size, crc32_of(path)]
    return sums


def recorded_sums(manifest: dict | None) -> Sums | None:
    """The sums a manifest recorded, or ``None`` if it has none (or they are malformed)."""
    sums = manifest.get(FILES_KEY) if isinstance(manifest, dict) else None
    if not isinstance(sums, dict) or not sums or not all(
            isinstance(v, list) and len(v) == 2 and all(isinstance(n, int) for n in v)
            for v in sums.values()):
        return None
    return sums


def matches(folder: Path, sums: Sums, full: bool) -> bool:
    """True if ``folder`` holds exactly the files of ``sums``, of their sizes and (with
    ``full``) their CRCs. Never raises: an unreadable file does not match."""
    try:
        names = {path.name for path in folder.iterdir() if _is_index_file(path)}
        if names != set(sums):
            return False
        for name, (size, crc) in sums.items():
            path = folder / name
            if path.stat().st_size != size or (full and crc32_of(path) != crc):
                return False
    except OSError:
        return False
    return True


def is_damaged(ix: Any) -> bool:
    """True if the on-disk index ``ix`` no longer matches the sums its manifest recorded, or
    its folder went away. An index in memory, or a folder without a manifest or without sums,
    is never called damaged: there is nothing to compare with."""
    folder = getattr(getattr(ix, "storage", None), "folder", None)
    if folder is None:
        return False
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return not folder.is_dir()  # removed (replaced by a newer build), or not one of ours
    except (OSError, ValueError):
        return True
    sums = recorded_sums(manifest)
    return sums is not None and not matches(folder, sums, full=True)
