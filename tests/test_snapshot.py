"""The loaded library kept in the cache: used while no folder changed, checked file by file."""

from __future__ import annotations

import os

from reader.library import load_library
from reader.library.snapshot import files_changed, snapshot_path
from tests.conftest import article

FILES = {
    "_section.md": "title: My Library\n\nWelcome.\n",
    "01-basics/01-a.md": article("Alpha", summary="First."),
    "01-basics/02-b.md": article("Beta"),
    "02-food/c.md": "no title here\n",
}


def test_a_second_start_gets_the_same_library_without_reading_files(make_library, tmp_path,
                                                                      monkeypatch):
    root = make_library(FILES)
    cache = tmp_path / "cache"
    first = load_library(root, cache, trust_snapshot=True)
    assert first.verified and snapshot_path(cache, first.root).exists()

    def no_reading(*_args):
        raise AssertionError("a file was read")

    monkeypatch.setattr("reader.library.loader._Loader.read_head", no_reading)
    second = load_library(root, cache, trust_snapshot=True)
    assert not second.verified
    for name in ("title", "sections", "articles", "reading_order", "problems", "stamps"):
        assert getattr(second, name) == getattr(first, name), name
    assert second.next_article("basics/a").title == "Beta"


def test_an_added_file_changes_its_folder_so_the_library_is_loaded_again(make_library,
                                                                         tmp_path):
    root = make_library(FILES)
    cache = tmp_path / "cache"
    load_library(root, cache, trust_snapshot=True)
    folder = root / "02-food"
    os.utime(folder, ns=(1, 1))  # as if time had passed since it was kept
    (folder / "d.md").write_text(article("Delta"), encoding="utf-8")
    library = load_library(root, cache, trust_snapshot=True)
    assert library.verified and "food/d" in library.articles


def test_a_file_edited_in_place_is_found_by_the_later_check(make_library, tmp_path):
    root = make_library(FILES)
    cache = tmp_path / "cache"
    load_library(root, cache, trust_snapshot=True)
    folder = root / "01-basics"
    folder_time = folder.stat().st_mtime_ns
    (folder / "02-b.md").write_text(article("Beta, longer title"), encoding="utf-8")
    os.utime(folder, ns=(folder_time, folder_time))  # an in-place edit leaves the folder alone
    kept = load_library(root, cache, trust_snapshot=True)
    assert not kept.verified and files_changed(kept)
    assert load_library(root, cache).article("basics/b").title == "Beta, longer title"
    assert not files_changed(load_library(root, cache, trust_snapshot=True))


def test_a_damaged_snapshot_is_ignored(make_library, tmp_path):
    root = make_library(FILES)
    cache = tmp_path / "cache"
    library = load_library(root, cache)
    snapshot_path(cache, library.root).write_bytes(b"\x00garbage")
    again = load_library(root, cache, trust_snapshot=True)
    assert again.verified and again.articles == library.articles


def test_an_edited_shared_rule_counts_as_a_changed_library(make_library, tmp_path):
    root = make_library({"_shared/rule.md": "Old rule.", "a.md": article("A", "[[include: rule]]")})
    cache = tmp_path / "cache"
    load_library(root, cache)
    rule = root / "_shared" / "rule.md"
    rule.write_text("New rule, longer.", encoding="utf-8")  # its folder's time is unchanged
    os.utime(rule, ns=(1, 1))
    kept = load_library(root, cache, trust_snapshot=True)
    assert "_shared/rule.md" in kept.stamps
    assert files_changed(kept)


def test_the_reload_decision_changes_nothing_it_is_given(make_library, tmp_path):
    from reader.library.snapshot import reload_if_changed

    root = make_library({"a.md": article("A")})
    cache = tmp_path / "cache"
    load_library(root, cache)
    kept = load_library(root, cache, trust_snapshot=True)
    assert reload_if_changed(kept, cache) is None and not kept.verified  # left to its owner
    (root / "a.md").write_text(article("A, edited"), encoding="utf-8")
    os.utime(root / "a.md", ns=(1, 1))
    fresh = reload_if_changed(kept, cache)
    assert fresh is not None and fresh.verified and fresh.article("a").title == "A, edited"
