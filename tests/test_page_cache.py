"""The page kept for the next start: reused only while it is exactly what rendering gives."""

from __future__ import annotations

import os

from reader.library import load_library
from reader.library.links import Location
from reader.render import Renderer
from reader.render.page_cache import PageCache
from tests.conftest import article


def _setup(make_library, tmp_path):
    root = make_library({"01-a.md": article("Alpha", "Some text about {{70 mg/dL}}."),
                         "02-b.md": article("Beta")})
    library = load_library(root)
    return root, library, PageCache(tmp_path / "cache", library)


def test_a_kept_page_comes_back_as_it_was(make_library, tmp_path):
    _, library, cache = _setup(make_library, tmp_path)
    page = Renderer(library).page(Location.article("a"))
    cache.put(page, "both", ())
    kept = PageCache(tmp_path / "cache", load_library(library.root)).get(
        Location.article("a"), "both", ())
    assert kept == page


def test_anything_the_html_depends_on_makes_a_miss(make_library, tmp_path):
    root, library, cache = _setup(make_library, tmp_path)
    cache.put(Renderer(library).page(Location.home(), ("a",)), "both", ("a",))
    assert cache.get(Location.home(), "both", ("a",)) is not None
    assert cache.get(Location.home(), "mmol", ("a",)) is None  # other units
    assert cache.get(Location.home(), "both", ("b", "a")) is None  # recently read changed
    assert cache.get(Location.article("a"), "both", ("a",)) is None  # another page
    path = root / "02-b.md"
    path.write_text(article("Beta, renamed"), encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert PageCache(tmp_path / "cache", load_library(root)).get(
        Location.home(), "both", ("a",)) is None  # a file changed


def test_a_damaged_or_unwritable_cache_is_ignored(make_library, tmp_path):
    _, library, cache = _setup(make_library, tmp_path)
    cache.path.parent.mkdir(parents=True)
    cache.path.write_bytes(b"\x00not json")
    assert cache.get(Location.home(), "both", ()) is None
    blocked = PageCache(tmp_path / "a-file", library)
    (tmp_path / "a-file").write_text("not a folder")
    blocked.put(Renderer(library).page(Location.home()), "both", ())  # no exception
    assert blocked.get(Location.home(), "both", ()) is None


def test_error_pages_are_not_kept(make_library, tmp_path):
    _, library, _ = _setup(make_library, tmp_path)
    assert not Renderer(library).page(Location.article("missing")).cacheable


def test_a_changed_shared_rule_is_not_shown_from_the_cache(make_library, tmp_path):
    root = make_library({"_shared/rule.md": "Call at once.",
                         "a.md": article("Alpha", "[[include: rule]]")})
    library = load_library(root)
    PageCache(tmp_path / "cache", library).put(
        Renderer(library).page(Location.article("a")), "both", ())
    rule = root / "_shared" / "rule.md"
    rule.write_text("Call the emergency number now.", encoding="utf-8")
    os.utime(rule, ns=(1, 1))
    changed = load_library(root)
    assert PageCache(tmp_path / "cache", changed).get(Location.article("a"), "both", ()) is None
    assert "emergency number now" in Renderer(changed).page(Location.article("a")).html
