"""ranking.py against Whoosh's own scoring, with coordination on, and the Whoosh it was written for.

What ranking.py's docstring says, checked: its scores are those Whoosh's matchers give every
matching document when the matcher tree stays as the query built it; Whoosh's
``searcher.search`` differs only by recounting a coordinated OR's terms as their postings run
out; a document that scores 0 still matches.
"""

import importlib
import inspect
import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from whoosh import collectors
from whoosh import query as wq
from whoosh.filedb.filestore import RamStorage

from reader.library import load_library
from reader.search import parallel, ranking, writer
from reader.search.engine import SearchEngine
from reader.search.ranking import Ranker, plan
from reader.search.schema import build_schema
from reader.search.store import open_or_build
from reader.system import paths
from tests.test_content import QUERIES

ROOT = Path(__file__).resolve().parent.parent
#: The modules that use private Whoosh members, each listing them in WHOOSH_PRIVATE.
MODULES = (ranking, writer, parallel)
#: Scores may differ by float rounding only (sums added in another order): 3e-14 was seen.
TOLERANCE = 1e-9


def _pinned_version() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    [pin] = [d for d in project["dependencies"] if d.lower().startswith("whoosh-reloaded")]
    _, exact, version = pin.partition("==")
    assert exact, f"{pin!r}: whoosh-reloaded must be pinned exactly (==), see reader/search/"
    return version.strip()


def _private_members() -> str:
    return "; ".join(
        f"{module.__name__}: " + ", ".join(
            f"{qualified.rsplit('.', 1)[1]}.{name}"
            for qualified, names in module.WHOOSH_PRIVATE.items() for name in names)
        for module in MODULES)


def test_the_installed_whoosh_is_the_pinned_one():
    installed, pinned = metadata.version("whoosh-reloaded"), _pinned_version()
    assert installed == pinned, (
        f"whoosh-reloaded {installed} is installed but pyproject.toml pins {pinned}, the "
        f"version reader/search/ was written against. Before moving the pin, re-check each "
        f"private Whoosh member it uses against the new source ({_private_members()}), and "
        f"that the differential tests in tests/test_ranking.py still pass.")


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.__name__)
def test_the_private_whoosh_members_used_exist_and_are_the_ones_used(module):
    own_source = inspect.getsource(module)
    for qualified, names in module.WHOOSH_PRIVATE.items():
        module_name, _, class_name = qualified.rpartition(".")
        cls = getattr(importlib.import_module(module_name), class_name)
        source = "".join(inspect.getsource(klass) for klass in cls.__mro__
                         if klass.__module__.startswith("whoosh"))
        parameters = inspect.signature(cls.__init__).parameters
        for name in names:
            assert (hasattr(cls, name) or name in parameters
                    or re.search(rf"self\.{name}\b", source)), f"{qualified}.{name} is gone"
            # (an attribute used, a method overridden, or a keyword passed)
            assert re.search(rf"\.{name}\b|def {name}\b|\b{name}=", own_source), (
                f"{module.__name__} lists {qualified}.{name} but does not use it")


# -- the content queries -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    ix, _ = open_or_build(load_library(paths.bundled_library()),
                          tmp_path_factory.mktemp("ranking-index"))
    engine = SearchEngine(ix)
    yield engine
    engine.close()


def _ranked_queries(engine, text, typing):
    """The Whoosh queries the engine ranks for ``text`` (parsed, corrected), as it runs them."""
    seen = []
    rank = engine._rank
    engine._rank = lambda parsed, limit: seen.append(parsed) or rank(parsed, limit)
    try:
        engine.search(text, typing=typing)
    finally:
        del engine._rank
    assert seen, f"{text!r} ranked nothing"
    return seen


def _unsimplified(searcher, q, limit):
    """Whoosh's own scores of every match, by the matcher tree as the query built it: no
    replacing while collecting (``replace=0``), no skipping by block quality."""
    collector = collectors.TopCollector(limit=limit, usequality=False, replace=0)
    searcher.search_with_collector(q, collector)
    results = collector.results()
    return [(hit.score, hit.docnum) for hit in results], len(results)


def _assert_same(ours, theirs):
    assert [docnum for _, docnum in ours] == [docnum for _, docnum in theirs]
    assert max((abs(a - b) for (a, _), (b, _) in zip(ours, theirs, strict=True)),
               default=0.0) < TOLERANCE


@pytest.mark.parametrize(("text", "article_id"), QUERIES)
def test_content_queries_score_as_whoosh_scores_every_match(engine, text, article_id):
    searcher, everything = engine.searcher, engine.doc_count
    for parsed in _ranked_queries(engine, text, typing=False):
        assert isinstance(parsed, wq.Or) and parsed.scale == 0.9  # coordination on
        planned = plan(parsed)
        ours, total = Ranker(searcher).top(planned, everything)
        theirs, their_total = _unsimplified(searcher, parsed, everything)
        assert total == their_total == len(ours)
        _assert_same(ours, theirs)  # every match, in order
        top, _ = Ranker(searcher).top(planned, 10)  # what the engine asks for
        _assert_same(top, theirs[:10])


@pytest.mark.parametrize(("text", "article_id"), QUERIES)
def test_content_queries_while_typing_score_as_whoosh_but_keep_zero_scores(engine, text,
                                                                           article_id):
    # Around the completions of the last word: an OR without coordination, of which the
    # parsed (coordinated) words are one part. Whoosh preloads such an OR's scores on an
    # index this small, and skips the documents that score 0 (but for its first match);
    # ranking.py keeps them.
    searcher, everything = engine.searcher, engine.doc_count
    for parsed in _ranked_queries(engine, text, typing=True):
        ours, total = Ranker(searcher).top(plan(parsed), everything)
        theirs, their_total = _unsimplified(searcher, parsed, everything)
        assert total == len(ours) and their_total == len(theirs)
        _assert_same([hit for hit in ours if hit[0] > 0], [hit for hit in theirs if hit[0] > 0])
        assert ({docnum for score, docnum in theirs if score == 0}
                <= {docnum for score, docnum in ours if score == 0})


# -- the documented differences ----------------------------------------------------------------

def _index(texts, segments=1):
    ix = RamStorage().create_index(build_schema())
    per_segment = -(-len(texts) // segments)
    for start in range(0, len(texts), per_segment):
        with ix.writer() as w:
            for number in range(start, min(len(texts), start + per_segment)):
                w.add_document(id=str(number), title=str(number), body=texts[number])
    return ix


def test_whoosh_search_recounts_coordinated_terms_as_their_postings_run_out():
    # "fig" is in the first document only. Whoosh's collector simplifies its matcher every 10
    # matches: from the 11th on, "fig" has left the tree, CoordMatcher counts one term, and
    # the SQR's (T - 1) / T makes every later document score 0. ranking.py scores the 15 equal
    # documents alike, as Whoosh's matchers do when the tree is not simplified.
    ix = _index(["plum fig"] + ["plum"] * 15)
    query = wq.Or([wq.Term("body", "plum"), wq.Term("body", "fig")], scale=0.9)
    with ix.searcher() as searcher:
        ours, total = Ranker(searcher).top(plan(query), 20)
        unsimplified, _ = _unsimplified(searcher, query, 20)
        default = {hit.docnum: hit.score for hit in searcher.search(query, limit=20)}
    assert total == 16 and ours[0][1] == 0
    _assert_same(ours, unsimplified)
    same = ours[1][0]
    assert same > 0 and all(abs(score - same) < TOLERANCE for score, _ in ours[1:])
    assert [abs(default[docnum] - same) < TOLERANCE for docnum in range(1, 10)] == [True] * 9
    assert [default[docnum] for docnum in range(10, 16)] == [0.0] * 6


def test_segments_and_deletions_with_coordination_score_as_whoosh():
    # T is counted per segment (the terms it holds), idf over the whole index, deleted
    # documents never match.
    texts = ["Insulin moves sugar into cells.", "Sugar in the blood, sugar in food.",
             "Insulin resistance and insulin pumps.", "Fruit has sugar and fibre.",
             "Nothing to see here.", "Insulin, insulin, insulin.", "Fruit and insulin."]
    ix = _index(texts, segments=3)
    with ix.writer() as w:
        w.delete_by_term("id", "1")
        w.merge = False
    query = wq.Or([wq.Term("body", "insulin"), wq.Term("title", "5", boost=2.0),
                   wq.Term("body", "sugar"), wq.Term("body", "fruit"),
                   wq.Or([wq.Term("body", "fibr"), wq.Term("body", "pump")], scale=0.5)],
                  scale=0.9)
    with ix.searcher() as searcher:
        assert len(list(searcher.leaf_searchers())) > 1 and searcher.reader().has_deletions()
        ours, total = Ranker(searcher).top(plan(query), 10)
        theirs, their_total = _unsimplified(searcher, query, 10)
    assert total == their_total == 5
    _assert_same(ours, theirs)
