"""Where a library's search index lives, whether it is current, and how it is rebuilt.

Each library gets a folder in the user's cache (never the install folder). A build writes a
complete new index into a fresh folder and only then points ``current`` at it with an atomic
rename, so an interrupted or failed build never leaves a broken index behind, and a reader that
has the old one open keeps working.

A damaged index (a truncated or garbled file) is never used or copied: each folder's manifest
holds its files' sizes and CRCs (:mod:`reader.search.integrity`), an index that fails them, or
fails to open, is rebuilt, and a build folder left by a process that died is removed at the next
open.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import platform
import shutil
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import RamStorage
from whoosh.index import Index

from reader import __version__
from reader.library.loader import SECTION_FILE, SHARED_FOLDER
from reader.library.model import Library, library_key
from reader.search.documents import article_document, iter_documents
from reader.search.integrity import (
    FILES_KEY,
    MANIFEST,
    Sums,
    file_sums,
    matches,
    recorded_sums,
)
from reader.search.parallel import HelpersFailedError, build_parallel, helpers_for
from reader.search.schema import SCHEMA_VERSION, build_schema
from reader.search.writer import BuildWriter
from reader.system.i18n import translate
from reader.system.json_file import write_atomically

#: ``progress(done, total)`` while building.
Progress = Callable[[int, int], None]

_POINTER = "current"
_MANIFEST = MANIFEST
#: Unfinished build folders older than this belong to a build that died (used when the folder's
#: owner cannot be checked: another machine sharing the cache, or no way to ask here).
_STALE_BUILD_SECONDS = 3600
#: No build runs this long: older folders are removed whatever their owner's pid says.
_DEAD_BUILD_SECONDS = 24 * 3600
_BUILD_PREFIX = ".build-"


def _this_host() -> str:
    return hashlib.sha256(platform.node().encode()).hexdigest()[:8]


def _process_alive(pid: int) -> bool | None:
    """Whether process ``pid`` of this machine still runs; ``None`` if that cannot be told."""
    if os.name != "posix" or pid <= 0:
        return None  # (on Windows os.kill would end the process, not ask about it)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it runs, as another user
        return True
    return True


def library_fingerprint(library: Library) -> str:
    """Changes whenever any file of the library, the schema or the app's version changes
    (a new version may extract text differently, so its index is rebuilt)."""
    digest = hashlib.sha256(f"schema={SCHEMA_VERSION} app={__version__}\n".encode())
    for relpath in sorted(library.stamps):
        mtime, size = library.stamps[relpath]
        digest.update(f"{relpath}\0{mtime}\0{size}\n".encode())
    return digest.hexdigest()


def content_fingerprint(library: Library) -> str:
    """Like :func:`library_fingerprint`, but from the files' bytes, not their times: an index
    built before packaging still matches the library after it was copied or installed."""
    digest = hashlib.sha256(f"schema={SCHEMA_VERSION} app={__version__}\n".encode())
    for relpath in sorted(library.stamps):
        try:
            data = (library.root / relpath).read_bytes()
        except OSError:
            data = b""
        digest.update(f"{relpath}\0".encode() + hashlib.sha256(data).digest())
    return digest.hexdigest()


def build_into(ix: Index, library: Library, progress: Progress | None = None) -> int:
    """Write every article of ``library`` into the empty index ``ix``; returns the count."""
    total = len(library.reading_order)
    writer = BuildWriter(ix, limitmb=128)
    count = 0
    try:
        for done, (_, document) in enumerate(iter_documents(library), start=1):
            if document is not None:
                writer.add_document(**document)
                count += 1
            if progress is not None:
                progress(done, total)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return count


def build_in_memory(library: Library, progress: Progress | None = None) -> Index:
    """An index held in memory, for when the cache folder cannot be written."""
    ix = RamStorage().create_index(build_schema(library.language))
    build_into(ix, library, progress)
    return ix


class IndexStore:
    """The on-disk indexes of one library, under ``cache_dir/index/<library key>/``."""

    def __init__(self, library_root: Path, cache_dir: Path) -> None:
        self.base = cache_dir / "index" / library_key(library_root)
        self.library_root = library_root

    def current_dir(self) -> Path | None:
        """The folder of the index in use, or ``None`` if there is none yet."""
        try:
            name = (self.base / _POINTER).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        if not name or "/" in name or "\\" in name or name.startswith("."):
            return None
        folder = self.base / name
        return folder if folder.is_dir() else None

    @staticmethod
    def _read_manifest(folder: Path | None) -> dict | None:
        if folder is None:
            return None
        try:
            data = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def manifest(self) -> dict | None:
        return self._read_manifest(self.current_dir())

    def is_current(self, library: Library) -> bool:
        """True if the index on disk was built from exactly these files with this schema (and
        says what its files should be, so that damage can be told)."""
        manifest = self.manifest()
        return (manifest is not None and recorded_sums(manifest) is not None
                and manifest.get("fingerprint") == library_fingerprint(library))

    def open(self, verify: bool = False) -> Index | None:
        """Open the current index read-only; ``None`` if missing, damaged or unreadable.

        Its files must have the sizes its manifest recorded (with ``verify``, their CRCs too:
        that reads every byte), and every segment is opened once, so a truncated segment or one
        with a garbled directory fails here, not at the first search. (Damage deeper inside
        shows when a search reads it: the engine then raises ``IndexUnavailableError``.)"""
        folder = self.current_dir()
        sums = recorded_sums(self._read_manifest(folder))
        if folder is None or sums is None or not matches(folder, sums, full=verify):
            return None
        try:
            ix = whoosh_index.open_dir(str(folder), readonly=True)
            with ix.reader() as reader:
                reader.doc_count()
        except Exception:  # whoosh raises many kinds on a damaged index
            return None
        return ix

    def _new_build_folder(self) -> Path:
        """A fresh folder to build in, named after this process, so that the folder of a build
        that died (killed, crashed, power cut) can be told from one still running."""
        folder = self.base / f"{_BUILD_PREFIX}{_this_host()}-{os.getpid()}-{uuid.uuid4().hex}"
        folder.mkdir(parents=True)
        return folder

    @staticmethod
    def _manifest(library: Library, content: bool) -> dict:
        return {
            "fingerprint": library_fingerprint(library),
            # Only for an index shipped with the app: it reads every file.
            "content": content_fingerprint(library) if content else None,
            "schema": SCHEMA_VERSION,
            "app": __version__,
            "library": str(library.root),
            "articles": len(library.reading_order),
            "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
            # What each file was when indexed, and its article: for updating only what changed.
            "stamps": {relpath: list(stamp) for relpath, stamp in library.stamps.items()},
            "ids": {article.relpath: article.id for article in library.articles.values()},
        }

    def _swap_in(self, building: Path, manifest: dict, known: Sums | None = None) -> Index:
        # What each file must be, for telling damage later (``known``: sums of files checked
        # already, not read again).
        manifest[FILES_KEY] = file_sums(building, known)
        # Compact: with an indent json uses its pure-Python encoder, which took a third of
        # re-indexing one changed article at 10,000 articles (the stamps and ids of all).
        (building / _MANIFEST).write_text(json.dumps(manifest, separators=(",", ":")),
                                          encoding="utf-8")
        final = self.base / f"gen-{time.time_ns()}-{os.getpid()}"
        building.rename(final)
        self._point_at(final.name)
        self._remove_old_generations(keep=final.name)
        return whoosh_index.open_dir(str(final), readonly=True)

    def build(self, library: Library, progress: Progress | None = None,
              content: bool = False, helpers: int | None = None) -> Index:
        """Build a complete new index and swap it in. Raises ``OSError`` if the cache is
        not writable (the caller may then fall back to :func:`build_in_memory`).

        A large library is indexed by ``helpers`` extra processes besides this one (by
        default one fewer than the cores, see :mod:`reader.search.parallel`)."""
        self.base.mkdir(parents=True, exist_ok=True)
        self.remove_dead_builds()
        building = self._new_build_folder()
        if helpers is None:
            helpers = helpers_for(len(library.reading_order))
        try:
            ix = whoosh_index.create_in(str(building), build_schema(library.language))
            if helpers > 0:
                try:
                    build_parallel(ix, str(building), library, helpers, progress)
                except HelpersFailedError:
                    shutil.rmtree(building)  # start again, in this process only
                    building.mkdir()
                    ix = whoosh_index.create_in(str(building), build_schema(library.language))
                    build_into(ix, library, progress)
            else:
                build_into(ix, library, progress)
            return self._swap_in(building, self._manifest(library, content))
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise

    def update(self, library: Library) -> Index | None:
        """Re-index only the articles whose files changed since the current index was made
        (a copy of it is updated, then swapped in). ``None`` if a full build is needed: no
        index, another schema or app version, a section file changed (every article stores
        its section's title), a shared text changed (any article may include it), too much
        changed for an update to pay, or the current index is damaged (its copy does not match
        the sizes and CRCs its manifest recorded: a damaged file is never carried forward)."""
        current = self.current_dir()
        manifest = self._read_manifest(current)
        sums = recorded_sums(manifest)
        if (manifest is None or current is None or sums is None
                or manifest.get("schema") != SCHEMA_VERSION or manifest.get("app") != __version__):
            return None
        old, ids = manifest.get("stamps"), manifest.get("ids")
        if not isinstance(old, dict) or not isinstance(ids, dict):
            return None
        new = library.stamps
        changed = [r for r in new if old.get(r) != list(new[r])]
        removed = [r for r in old if r not in new]
        if any(r.rsplit("/", 1)[-1] == SECTION_FILE or r.startswith(f"{SHARED_FOLDER}/")
               for r in changed + removed):
            return None
        if len(changed) + len(removed) > max(20, len(new) // 5):
            return None
        building = self._new_build_folder()
        try:
            shutil.copytree(current, building, dirs_exist_ok=True)
            (building / _MANIFEST).unlink(missing_ok=True)
            for name in building.glob("*WRITELOCK"):
                name.unlink()
            if not matches(building, sums, full=True):
                shutil.rmtree(building, ignore_errors=True)
                return None
            ix = whoosh_index.open_dir(str(building))
            writer = ix.writer(limitmb=64)
            try:
                for relpath in removed:
                    if relpath in ids:
                        writer.delete_by_term("id", ids[relpath])
                for relpath in changed:
                    if relpath in ids:
                        writer.delete_by_term("id", ids[relpath])
                    article = library.article_at(relpath)
                    if article is not None:
                        # An article unreadable now is left out, as a full build would.
                        with contextlib.suppress(OSError):
                            writer.add_document(**article_document(library, article))
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
            return self._swap_in(building, self._manifest(library, content=False), known=sums)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise

    def adopt(self, prebuilt: Path, library: Library) -> Index | None:
        """Copy an index built ahead of time (shipped with the app) into this store, if it
        was built from exactly this library's content; ``None`` if it does not match."""
        try:
            manifest = json.loads((prebuilt / _MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(manifest, dict) or manifest.get("articles") != len(
                library.reading_order) or manifest.get("content") != content_fingerprint(library):
            return None  # (the article count first: it rules out other libraries cheaply)
        sums = recorded_sums(manifest)
        if sums is None:
            return None
        self.base.mkdir(parents=True, exist_ok=True)
        building = self._new_build_folder()
        try:
            shutil.copytree(prebuilt, building, dirs_exist_ok=True)
            for name in building.glob("*WRITELOCK"):
                name.unlink()
            if not matches(building, sums, full=True):  # a damaged copy is not adopted
                shutil.rmtree(building, ignore_errors=True)
                return None
            manifest["fingerprint"] = library_fingerprint(library)
            (building / _MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
            final = self.base / f"gen-{time.time_ns()}-{os.getpid()}"
            building.rename(final)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
        self._point_at(final.name)
        self._remove_old_generations(keep=final.name)
        return self.open()

    def _point_at(self, name: str) -> None:
        # Durable, as the user's own files: after a power cut the pointer names a whole
        # generation, old or new, never an empty file.
        write_atomically(self.base / _POINTER, (name + "\n").encode("utf-8"))

    def _remove_old_generations(self, keep: str) -> None:
        # A reader elsewhere may still have an old generation open: on POSIX its files live on
        # until closed; on Windows the removal fails and is tried again after the next build.
        for folder in self.base.glob("gen-*"):
            if folder.name != keep:
                shutil.rmtree(folder, ignore_errors=True)

    def remove_dead_builds(self) -> None:
        """Remove the folders of builds that died: at once if the process that made one is
        known to be gone, else (another machine, an older name) when it is an hour old."""
        host, now = _this_host(), time.time()
        try:
            folders = list(self.base.glob(f"{_BUILD_PREFIX}*"))
        except OSError:
            return
        for folder in folders:
            owner = folder.name[len(_BUILD_PREFIX):].split("-")
            alive = None
            if len(owner) == 3 and owner[0] == host and owner[1].isdigit():
                alive = _process_alive(int(owner[1]))
            try:
                age = now - folder.stat().st_mtime
                # A day overrules what the pid says: pids are reused, and a process in another
                # namespace may share this host's name.
                if alive is False or age > _DEAD_BUILD_SECONDS or (
                        alive is None and age > _STALE_BUILD_SECONDS):
                    shutil.rmtree(folder, ignore_errors=True)
            except OSError:
                continue


def open_or_build(
    library: Library, cache_dir: Path, progress: Progress | None = None, rebuild: bool = False,
    prebuilt: Path | None = None, verify: bool = False,
) -> tuple[Index, str]:
    """A current index for ``library``, and a note for the user ("" if all is well).

    Opens the stored index if it matches the library and is whole (with ``verify``, checked
    byte by byte: after a search failed on it); else updates it if few files changed; else
    adopts the ``prebuilt`` one (built ahead of time and shipped with the app) if it matches;
    else builds one. If the cache cannot be written, the index is built in memory and the note
    says search works for this session.
    """
    store = IndexStore(library.root, cache_dir)
    store.remove_dead_builds()
    damaged = False
    if not rebuild and store.is_current(library):
        ix = store.open(verify=verify)
        if ix is not None:
            return ix, ""
        damaged = True  # current, but it cannot be used: built anew, not updated
    try:
        if not rebuild and not damaged:
            try:
                ix = store.update(library)
            except OSError:
                raise
            except Exception:
                ix = None
            if ix is not None:
                return ix, ""
        if not rebuild and prebuilt is not None and (prebuilt / _MANIFEST).is_file():
            ix = store.adopt(prebuilt, library)
            if ix is not None:
                return ix, ""
        return store.build(library, progress), ""
    except OSError as error:
        note = translate(
            "SearchIndex", "The search index cannot be saved in {folder} ({reason}); it was "
            "built in memory for this session.").format(
                folder=store.base, reason=error.strerror or error)
        return build_in_memory(library, progress), note
