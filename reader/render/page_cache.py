"""The page shown at start-up, kept from the last run so the window opens without rendering.

Rendering needs Python-Markdown and the glossary, which together cost more than the rest of
start-up. The reader opens on the page it showed last (or the home page), so that one page is
kept in the user's cache, under a key made of everything its HTML depends on: the app version,
the library's files (their sizes and times), the glucose units, the recently read list and the
interface language (with its translation files: the page's own words are in that language).
Anything changed means a miss, and the page is simply rendered. A cache file that cannot be
read or written is ignored: this is a speed-up, never a source of truth.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
from pathlib import Path

from reader import __version__
from reader.library.links import Location
from reader.library.model import Library
from reader.render.pages import Page
from reader.system import i18n
from reader.system.json_file import write_json

#: Bump when the rendered HTML changes in a way the key does not capture.
FORMAT = 1


def _renderer_stamp() -> str:
    """When the rendering code itself last changed: a developer editing it must not be shown
    a page rendered by the old code (an installed app changes its version instead)."""
    stamps = []
    for path in sorted(Path(__file__).parent.glob("*.py")):
        with contextlib.suppress(OSError):
            stat = path.stat()
            stamps.append(f"{path.name}:{stat.st_mtime_ns}:{stat.st_size}")
    return ",".join(stamps)


def _language_stamp() -> str:
    """The interface language and its translation files' times: a page drawn in English must
    never be shown after switching to Spanish, nor one drawn with an older translation."""
    language = i18n.language()
    stamps = [language]
    for suffix in (".ts", ".qm"):
        with contextlib.suppress(OSError):
            stat = i18n.ts_file(language).with_suffix(suffix).stat()
            stamps.append(f"{suffix}:{stat.st_mtime_ns}:{stat.st_size}")
    return ",".join(stamps)


class PageCache:
    """One remembered page per library folder."""

    def __init__(self, cache_dir: Path, library: Library) -> None:
        self.path = cache_dir / "pages" / f"{library.key}.json"
        self.library = library
        self._library_key: str | None = None

    def _key(self, location: Location, units: str, recent: tuple[str, ...]) -> str:
        if self._library_key is None:
            # The loader visits files in a fixed order, so the stamps need no sorting.
            stamps = marshal.dumps(list(self.library.stamps.items()))
            self._library_key = hashlib.sha256(stamps).hexdigest()
        parts = (str(FORMAT), __version__, _renderer_stamp(), str(self.library.root),
                 self._library_key, location.to_url(), units, _language_stamp(),
                 "\n".join(recent) if location.kind == "home" else "")
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def get(self, location: Location, units: str, recent: tuple[str, ...]) -> Page | None:
        """The kept page if it is still exactly what rendering would give, else ``None``."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("key") != self._key(location, units, recent):
            return None
        html, title = data.get("html"), data.get("title")
        if not isinstance(html, str) or not isinstance(title, str):
            return None
        return Page(html, title, location)

    def put(self, page: Page, units: str, recent: tuple[str, ...]) -> None:
        """Keep ``page`` as the one to show at the next start (silently skipped if the cache
        folder cannot be written)."""
        data = {"key": self._key(page.location, units, recent), "html": page.html,
                "title": page.title}
        with contextlib.suppress(OSError):
            write_json(self.path, data, durable=False)
