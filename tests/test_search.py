import json
import os
import stat

import pytest

from reader.cli import main
from reader.library import load_library
from reader.search.engine import SearchEngine
from reader.search.highlight import TermMatcher
from reader.search.results import snippet_text
from reader.search.store import IndexStore, open_or_build
from reader.system import paths
from tests.conftest import article


@pytest.fixture
def small_library(make_library):
    return make_library({
        "01-resistance.md": article(
            "Insulin Resistance", "When cells resist insulin, sugar stays in the blood.",
            keywords="resistant cells"),
        "02-eyes.md": article(
            "Eye Care", "## Check your eyes\n\nHigh sugar can harm the eyes. Insulin resistance "
            "is mentioned here once."),
        "03-food.md": article("Food", "Vegetables, beans and whole grains. Diabetes and food."),
    })


@pytest.fixture
def engine(small_library, tmp_path):
    ix, note = open_or_build(load_library(small_library), tmp_path / "cache")
    assert note == ""
    engine = SearchEngine(ix)
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def bundled_engine(tmp_path_factory):
    library = load_library(paths.bundled_library())
    ix, _ = open_or_build(library, tmp_path_factory.mktemp("bundled-cache"))
    engine = SearchEngine(ix)
    yield engine
    engine.close()


def titles(results):
    return [hit.title for hit in results.hits]


def test_stemming_finds_other_forms_of_a_word(engine):
    assert "Insulin Resistance" in titles(engine.search("resisting"))
    assert "Insulin Resistance" in titles(engine.search("resistances"))


def test_title_match_ranks_above_a_passing_mention(engine):
    assert titles(engine.search("insulin resistance"))[0] == "Insulin Resistance"


def test_heading_match_counts(engine):
    assert titles(engine.search("check"))[0] == "Eye Care"


def test_snippets_mark_the_hits(engine):
    hit = engine.search("vegetables").hits[0]
    assert "[Vegetables]" in snippet_text(hit.snippet, "[", "]")


def test_misspelled_word_is_corrected(engine):
    results = engine.search("vegtables")
    assert results.corrected and results.effective_query == "vegetables"
    assert titles(results) == ["Food"]


def test_typing_the_start_of_a_word_already_finds_it(engine):
    results = engine.search("vegeta", typing=True)
    assert titles(results) == ["Food"] and not results.corrected


@pytest.mark.parametrize("query", [
    '"unbalanced', "AND", "OR OR", "NOT", "*", "?", "insulin AND", "((", "))", "title:", "a:b:c",
    "^2", "[a TO", "{", "~", "\\", "'", "🍎 sugar", "\x00\x01", "x" * 500, "word " * 300,
    "ins*", "*ulin", "-", "+sugar", "日本語", "NOT NOT NOT", '"a" "b" "', "<script>",
])
def test_any_typed_text_gives_results_or_none_never_an_error(engine, query):
    results = engine.search(query)
    assert isinstance(results.hits, tuple)
    engine.search(query, typing=True)


def test_bundled_misspelling_puts_insulin_resistance_first(bundled_engine):
    results = bundled_engine.search("insulin resistence")
    assert results.hits[0].title == "What Is Insulin Resistance?"
    assert results.suggestion == "insulin resistance"


def test_bundled_did_you_mean_diabetes(bundled_engine):
    results = bundled_engine.search("diabetis")
    assert results.corrected and results.effective_query == "diabetes"
    assert results.hits


def test_term_matcher_matches_like_the_index():
    spans = TermMatcher().spans("Cells resist insulin; resistance grows.", ["resistance"])
    assert [(s, n) for s, n in spans] == [(6, 6), (22, 10)]


def test_stale_index_is_rebuilt_and_swapped(small_library, tmp_path):
    cache = tmp_path / "cache"
    library = load_library(small_library)
    store = IndexStore(library.root, cache)
    open_or_build(library, cache)
    first = store.current_dir()
    assert store.is_current(library)

    path = small_library / "03-food.md"
    path.write_text(article("Food", "Now about lentils."), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different mtime, whatever the clock resolution
    changed = load_library(small_library)
    assert not store.is_current(changed)
    ix, _ = open_or_build(changed, cache)
    assert store.current_dir() != first and not first.exists()
    assert titles(SearchEngine(ix).search("lentils")) == ["Food"]


def test_interrupted_build_keeps_the_old_index(small_library, tmp_path):
    cache = tmp_path / "cache"
    library = load_library(small_library)
    open_or_build(library, cache)
    store = IndexStore(library.root, cache)
    before = store.current_dir()

    def crash(done, total):
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        open_or_build(library, cache, crash, rebuild=True)
    assert store.current_dir() == before
    assert titles(SearchEngine(store.open()).search("vegetables")) == ["Food"]
    assert not list(store.base.glob(".build-*"))


def test_garbled_index_is_rebuilt(small_library, tmp_path):
    cache = tmp_path / "cache"
    library = load_library(small_library)
    open_or_build(library, cache)
    store = IndexStore(library.root, cache)
    for file in store.current_dir().iterdir():
        if file.suffix in (".toc", ".seg"):
            file.write_bytes(b"garbage")
    assert store.open() is None
    ix, _ = open_or_build(library, cache)
    assert titles(SearchEngine(ix).search("vegetables")) == ["Food"]


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else False,
                    reason="root can write to read-only folders")
def test_read_only_cache_falls_back_to_memory(small_library, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        ix, note = open_or_build(load_library(small_library), cache)
        assert "in memory" in note
        assert titles(SearchEngine(ix).search("vegetables")) == ["Food"]
    finally:
        cache.chmod(stat.S_IRWXU)


def test_unwritable_cache_falls_back_to_memory(small_library, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")  # a file where the cache folder should be: fails even for root
    ix, note = open_or_build(load_library(small_library), blocker)
    assert "in memory" in note
    assert titles(SearchEngine(ix).search("vegetables")) == ["Food"]


def test_search_command_json(small_library, capsys):
    assert main(["search", "vegetables", "--library", str(small_library), "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["title"] == "Food"
    assert {"id", "title", "section", "score", "snippet"} <= set(hits[0])


def test_search_command_prints_correction(small_library, capsys):
    assert main(["search", "vegtables", "--library", str(small_library)]) == 0
    out = capsys.readouterr().out
    assert 'Showing results for "vegetables"' in out and "1. Food" in out


def test_index_command_builds_in_the_user_cache(small_library, capsys):
    assert main(["index", "--library", str(small_library)]) == 0
    assert list((paths.cache_dir() / "index").iterdir())


def test_a_word_split_in_two_is_joined(make_library, tmp_path):
    root = make_library({"a.md": article("Ketoacidosis", "Ketoacidosis is an emergency."),
                         "b.md": article("Other", "Lactic acidosis is rare.")})
    ix, _ = open_or_build(load_library(root), tmp_path / "cache")
    results = SearchEngine(ix).search("keto acidosis")
    assert results.corrected and results.effective_query == "ketoacidosis"
    assert titles(results)[0] == "Ketoacidosis"


def test_related_article_lists_are_not_indexed(make_library, tmp_path):
    root = make_library({
        "a.md": article("Feet", "Check your feet.\n\n## Related articles\n\n- [Eyes](b.md)\n"),
        "b.md": article("Eyes", "Check your eyes."),
    })
    ix, _ = open_or_build(load_library(root), tmp_path / "cache")
    assert titles(SearchEngine(ix).search("eyes")) == ["Eyes"]


def test_an_index_built_ahead_of_time_is_adopted_if_the_content_matches(small_library,
                                                                         tmp_path):
    import shutil

    library = load_library(small_library)
    open_or_build(library, tmp_path / "build-cache")
    prebuilt = tmp_path / "prebuilt"
    shutil.copytree(IndexStore(library.root, tmp_path / "build-cache").current_dir(), prebuilt)
    for file in small_library.iterdir():  # installing changes times, not content
        os.utime(file, ns=(1, 1))
    moved = load_library(small_library)
    store = IndexStore(moved.root, tmp_path / "user-cache")
    ix, note = open_or_build(moved, tmp_path / "user-cache", prebuilt=prebuilt)
    assert note == "" and store.is_current(moved)
    assert titles(SearchEngine(ix).search("vegetables")) == ["Food"]
    (small_library / "03-food.md").write_text(article("Food", "Changed."), encoding="utf-8")
    changed = load_library(small_library)
    assert store.adopt(prebuilt, changed) is None  # different content: built afresh instead


def test_one_changed_article_is_updated_not_rebuilt(small_library, tmp_path):
    cache = tmp_path / "cache"
    library = load_library(small_library)
    open_or_build(library, cache)
    store = IndexStore(library.root, cache)
    path = small_library / "02-eyes.md"
    path.write_text(article("Eye Care", "Now about pupils."), encoding="utf-8")
    os.utime(path, ns=(2, 2))
    (small_library / "03-food.md").unlink()
    changed = load_library(small_library)
    ix = store.update(changed)
    assert ix is not None and store.is_current(changed)
    engine = SearchEngine(ix)
    assert titles(engine.search("pupils")) == ["Eye Care"]
    assert titles(engine.search("vegetables")) == []
    assert ix.doc_count() == 2
    (small_library / "_section.md").write_text("title: Renamed\n", encoding="utf-8")
    assert store.update(load_library(small_library)) is None  # section titles: full build


def test_typed_queries_are_scored_as_whoosh_scores_them():
    # The ranker sums term scores itself; across segments and deletions it must agree with
    # Whoosh's own collector (an OR without coordination, where Whoosh's sums are exact).
    from whoosh import query as wq
    from whoosh.filedb.filestore import RamStorage

    from reader.search.ranking import Ranker, plan
    from reader.search.schema import build_schema

    ix = RamStorage().create_index(build_schema())
    texts = ["Insulin moves sugar into cells.", "Sugar in the blood, sugar in food.",
             "Insulin resistance and insulin pumps.", "Fruit has sugar and fibre.",
             "Nothing to see here.", "Insulin, insulin, insulin."]
    for number, text in enumerate(texts):
        writer = ix.writer()
        writer.add_document(id=str(number), title=text.split()[0], body=text)
        if number == 4:
            writer.delete_by_term("id", "1")
        writer.commit(merge=False)
    searcher = ix.searcher()
    assert len(list(searcher.leaf_searchers())) > 1 and searcher.reader().has_deletions()
    query = wq.Or([wq.Term("body", "insulin"), wq.Term("title", "insulin", boost=2.0),
                   wq.Term("body", "sugar"), wq.Or([wq.Term("body", "fruit")], boost=3.0)])
    ours, total = Ranker(searcher).top(plan(query), 10)
    theirs = searcher.search(query, limit=10)
    assert total == len(theirs) == 4
    assert [(round(score, 9), docnum) for score, docnum in ours] == [
        (round(hit.score, 9), hit.docnum) for hit in theirs]


def test_queries_other_than_word_lists_are_left_to_whoosh():
    from whoosh import query as wq

    from reader.search.ranking import plan

    assert plan(wq.And([wq.Term("body", "a"), wq.Term("body", "b")])) is None
    assert plan(wq.Or([wq.Term("body", "a"), wq.Phrase("body", ["b", "c"])])) is None


def test_phrases_still_find_and_mark(engine):
    results = engine.search('"insulin resistance"')
    assert titles(results)[0] == "Insulin Resistance"
    assert "[insulin]" in snippet_text(results.hits[0].snippet, "[", "]").lower()


def test_a_search_can_be_abandoned(engine):
    from reader.search.results import SearchCancelledError

    with pytest.raises(SearchCancelledError):
        engine.search("insulin sugar", cancelled=lambda: True)
    assert titles(engine.search("vegetables", cancelled=lambda: False)) == ["Food"]


def test_snippets_mark_words_with_the_stem_not_the_same_letters():
    from reader.search.snippets import SnippetMaker

    snippet = SnippetMaker().snippet(
        "Resin is not resistance. Cells are RESISTING it.", {"resist"})
    assert snippet_text(snippet, "[", "]") == (
        "Resin is not [resistance]. Cells are [RESISTING] it.")


def test_snippets_highlights_and_corrections_share_one_bounded_stem_cache(engine):
    from reader.search import schema
    from reader.search.snippets import SnippetMaker

    assert schema.stems.cache_info().maxsize == schema.CACHED_STEMS
    assert schema.make_analyzer()[-1].cachesize is None  # the index's analyzer keeps none
    schema.stems.cache_clear()
    assert TermMatcher().stems("Resisting") == {"resist"}
    snippet = SnippetMaker().snippet("Resisting it.", {"resist"})
    assert snippet_text(snippet, "[", "]") == "[Resisting] it."
    assert engine._stems("RESISTING") == {"resist"}
    info = schema.stems.cache_info()
    assert (info.misses, info.currsize) == (1, 1) and info.hits >= 2
