"""A full index build on every core: helper processes each write a segment of the new index.

The app builds its index from a thread of a Qt process, where ``fork()`` is unsafe, so helpers
are *spawned* (a fresh interpreter; in the frozen app ``multiprocessing.freeze_support()`` in
the launcher runs them). Whoosh's own ``MpWriter`` forks, so it is not used. Articles are handed
out in small batches from one queue, which the building process also works from; each helper
writes its documents as one segment into the new index's folder, and the builder commits all
segments together (no merge: a search reads the few segments as one index, with the same
scores). If no helper can be started, the builder does all the work itself; if a helper fails,
:class:`HelpersFailedError` tells the caller to build again in one process. A helper ends
the moment the building process does, however that ends (even killed outright), so no helper
outlives its build or writes into a folder that the next build removes.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import queue
import threading
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import Index

from reader.library.model import Library
from reader.search.documents import article_document
from reader.search.writer import BuildWriter

#: The private Whoosh members this module uses, written against whoosh-reloaded 2.7.5 (pinned
#: exactly in pyproject.toml; tests/test_ranking.py checks that they still exist): a helper's
#: writer takes no lock (the builder holds the index's).
WHOOSH_PRIVATE = {"whoosh.writing.SegmentWriter": ("_lk",)}

#: Articles handed out at a time: small enough to share the work evenly at the end.
BATCH = 40
#: Fewer articles than this per process do not pay for starting one (about half a second).
MIN_ARTICLES_PER_PROCESS = 300
#: Memory for each writer's postings before it sorts them out to disk (by Whoosh's estimate;
#: at 128 a 10,000-article build spilled and merged runs: 101 s, at 512: 70 s, 390 MB peak).
LIMIT_MB = 512
#: How long the builder waits for a helper's next message before checking it is alive.
_POLL_SECONDS = 0.5


class HelpersFailedError(Exception):
    """A helper process failed (not for want of disk space or permission): build again in
    one process."""


def usable_cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def helpers_for(articles: int, cores: int | None = None) -> int:
    """How many helper processes a build of ``articles`` articles should start."""
    cores = usable_cores() if cores is None else cores
    return max(0, min(cores, articles // MIN_ARTICLES_PER_PROCESS) - 1)


def _add_batch(writer: BuildWriter, library: Library, batch: tuple[int, int]) -> int:
    added = 0
    for article_id in library.reading_order[batch[0]:batch[1]]:
        try:
            document = article_document(library, library.articles[article_id])
        except OSError:
            continue  # unreadable now: left out, as in a build in one process
        writer.add_document(**document)
        added += 1
    return added


def _exit_with_parent() -> None:
    """In a helper process: end it at once when the process that started it ends. A killed
    builder can neither stop its helpers nor take their segments, and its queue may still hold
    every batch: without this a helper would index them all and write a segment for nobody."""
    parent = multiprocessing.parent_process()
    if parent is None:  # (run in the builder itself, as the tests do)
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])  # ready when the parent is gone
        os._exit(1)

    threading.Thread(target=watch, name="reader-index-parent-watch", daemon=True).start()


def _helper(folder: str, library: Library, jobs: Any, results: Any) -> None:
    """A helper process: index batches until told to stop, then write them as a segment."""
    _exit_with_parent()
    writer = None
    try:
        writer = BuildWriter(whoosh_index.open_dir(folder), helper=True, _lk=False,
                             limitmb=LIMIT_MB)
        added = 0
        while (batch := jobs.get()) is not None:
            added += _add_batch(writer, library, batch)
            results.put(("progress", batch[1] - batch[0]))
        results.put(("done", writer.finish_segment(), added))
    except BaseException as error:  # reported to the builder, which decides
        if writer is not None and not writer.is_closed:
            with contextlib.suppress(Exception):
                writer.cancel()
        kept = error if isinstance(error, OSError) else HelpersFailedError(repr(error))
        with contextlib.suppress(Exception):
            results.put(("error", kept))


def build_parallel(ix: Index, folder: str, library: Library, helpers: int,
                   progress: Any = None) -> int:
    """Write every article of ``library`` into the empty on-disk index ``ix`` (in ``folder``)
    with up to ``helpers`` helper processes besides this one; returns the count."""
    total = len(library.reading_order)
    context = multiprocessing.get_context("spawn")
    jobs, results = context.Queue(), context.Queue()
    processes = []
    for _ in range(helpers):
        process = context.Process(target=_helper, args=(folder, library, jobs, results),
                                  daemon=True, name="reader-index-helper")
        try:
            process.start()
        except Exception:  # no processes here (sandbox, limits): fewer helpers
            break
        processes.append(process)
    for start in range(0, total, BATCH):
        jobs.put((start, min(total, start + BATCH)))
    for _ in range(len(processes) + 1):  # one "stop" for each helper and one for this process
        jobs.put(None)
    writer = BuildWriter(ix, limitmb=LIMIT_MB)
    done = count = 0
    segments = []
    try:
        running = len(processes)

        def take(block: bool) -> None:
            nonlocal done, count, running
            while running:
                try:
                    message = results.get(timeout=_POLL_SECONDS) if block else results.get_nowait()
                except queue.Empty:
                    if not block:
                        return
                    ended = sum(not p.is_alive() for p in processes)
                    if ended > len(processes) - running:
                        # More helpers ended than said "done": one died, or its last message
                        # is still in flight.
                        try:
                            message = results.get(timeout=2 * _POLL_SECONDS)
                        except queue.Empty:
                            raise HelpersFailedError(
                                "a helper process ended unexpectedly") from None
                        handle(message)  # and go on: other helpers may still be writing
                    continue
                handle(message)

        def handle(message: tuple) -> None:
            nonlocal done, count, running
            if message[0] == "progress":
                done += message[1]
                if progress is not None:
                    progress(done, total)
            elif message[0] == "done":
                running -= 1
                if message[1] is not None:
                    segments.append(message[1])
                count += message[2]
            else:
                raise message[1]

        while (batch := jobs.get()) is not None:
            count += _add_batch(writer, library, batch)
            done += batch[1] - batch[0]
            if progress is not None:
                progress(done, total)
            take(block=False)
        take(block=True)
        for process in processes:
            process.join()
    except BaseException:
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join()
        writer.cancel()
        raise
    finally:
        for channel in (jobs, results):
            channel.close()
            channel.cancel_join_thread()
    writer.commit_segments(segments)
    return count
