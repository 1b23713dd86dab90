"""A build shared with helper processes finds what a build in one process finds.

Its index has a segment per process. Whoosh's scores depend a little on how an index is split
into segments (as after any update), so each query's first hit is compared (not its score),
and every query must still find its article in the first three."""

import multiprocessing.context
import queue

import pytest
from whoosh import index as whoosh_index

from reader.library import load_library
from reader.search import parallel
from reader.search.documents import article_document
from reader.search.engine import SearchEngine
from reader.search.schema import build_schema
from reader.search.store import IndexStore
from reader.search.synonyms import load_synonyms
from reader.search.writer import BuildWriter
from reader.system import paths
from tests.test_content import QUERIES


@pytest.fixture(scope="module")
def library():
    return load_library(paths.bundled_library())


def _results(ix):
    """The first hit of each query, and whether its article is in the first three (searched
    as the app searches, with the library's synonyms)."""
    root = paths.bundled_library()
    engine = SearchEngine(ix, "en", load_synonyms(root))
    try:
        found = {}
        for query, article_id in QUERIES:
            hits = engine.search(query, limit=3).hits
            found[query] = (hits[0].id,
                            article_id in [hit.id for hit in hits])
        return found
    finally:
        engine.close()


@pytest.fixture(scope="module")
def one_process(library, tmp_path_factory):
    store = IndexStore(library.root, tmp_path_factory.mktemp("one"))
    return _results(store.build(library, helpers=0))


def test_segments_written_by_a_helper_find_the_same(library, one_process, tmp_path):
    # The helper's loop, run here: half the articles in its segment, half in the builder's.
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    half = len(library.reading_order) // 2
    jobs, results = queue.Queue(), queue.Queue()
    for batch in ((0, 10), (10, half), None):
        jobs.put(batch)
    parallel._helper(str(tmp_path), library, jobs, results)
    messages = [results.get_nowait() for _ in range(results.qsize())]
    assert [m[0] for m in messages] == ["progress", "progress", "done"]
    writer = BuildWriter(ix)
    for article_id in library.reading_order[half:]:
        writer.add_document(**article_document(library, library.articles[article_id]))
    writer.commit_segments([messages[-1][1]])
    ix = whoosh_index.open_dir(str(tmp_path))
    assert len(ix._segments()) == 2
    assert ix.doc_count() == len(library.reading_order)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == []  # no temporary folders
    assert _results(ix) == one_process


def test_a_build_with_a_spawned_helper_finds_the_same(library, one_process, tmp_path):
    progress = []
    ix = IndexStore(library.root, tmp_path).build(
        library, progress=lambda done, total: progress.append((done, total)), helpers=1)
    assert ix.doc_count() == len(library.reading_order)
    assert progress[-1] == (len(library.reading_order), len(library.reading_order))
    assert _results(ix) == one_process


def test_when_no_process_can_start_the_build_runs_in_this_one(library, one_process, tmp_path,
                                                              monkeypatch):
    def refused(process):
        raise OSError("no processes here")

    monkeypatch.setattr(multiprocessing.context.SpawnProcess, "start", refused)
    ix = IndexStore(library.root, tmp_path).build(library, helpers=1)
    assert len(ix._segments()) == 1
    assert _results(ix) == one_process


def test_small_libraries_use_no_helpers():
    assert parallel.helpers_for(100, cores=8) == 0
    assert parallel.helpers_for(10_000, cores=1) == 0
    assert parallel.helpers_for(10_000, cores=2) == 1
