import os

import pytest

from reader.library import LibraryError, load_library
from reader.system import paths
from tests.conftest import article


def test_numeric_prefix_orders_first_then_title(make_library):
    root = make_library({
        "zebra.md": article("Zebra"),
        "apple.md": article("Apple"),
        "02-second.md": article("Second"),
        "10-tenth.md": article("Tenth"),
        "01-first.md": article("First"),
    })
    library = load_library(root)
    titles = [library.articles[i].title for i in library.reading_order]
    assert titles == ["First", "Second", "Tenth", "Apple", "Zebra"]


def test_title_from_metadata_then_heading_then_file_name(make_library):
    root = make_library({
        "a.md": "title: From Meta\n\n# Heading\n",
        "b.md": "Intro line\n\n# From Heading\n",
        "c.md": "From Setext\n===========\n\ntext\n",
        "04-from-file-name.md": "Just text, no heading.\n",
    })
    library = load_library(root)
    by_file = {a.relpath: a for a in library.articles.values()}
    assert by_file["a.md"].title == "From Meta"
    assert by_file["b.md"].title == "From Heading"
    assert by_file["c.md"].title == "From Setext"
    assert by_file["04-from-file-name.md"].title == "From file name"


def test_heading_inside_code_block_is_not_a_title(make_library):
    root = make_library({"x.md": "```\n# not a title\n```\n\n# Real Title\n"})
    assert load_library(root).articles["x"].title == "Real Title"


def test_reading_order_walks_nested_sections(make_library):
    root = make_library({
        "01-intro.md": article("Intro"),
        "02-basics/01-one.md": article("One"),
        "02-basics/02-two.md": article("Two"),
        "02-basics/03-deeper/01-three.md": article("Three"),
        "03-care/01-four.md": article("Four"),
    })
    library = load_library(root)
    titles = [library.articles[i].title for i in library.reading_order]
    assert titles == ["Intro", "One", "Two", "Three", "Four"]
    # The last article of a section leads to the first of the next one, both ways.
    three = library.articles["basics/deeper/three"]
    assert library.next_article(three.id).title == "Four"
    assert library.previous_article("care/four").title == "Three"
    assert library.previous_article(library.reading_order[0]) is None
    assert library.next_article("care/four") is None


def test_ids_drop_numeric_prefixes_so_renumbering_keeps_them(make_library):
    root = make_library({"05-basics/07-what-is-it.md": article("What")})
    assert list(load_library(root).articles) == ["basics/what-is-it"]


def test_section_file_names_orders_and_excludes(make_library):
    root = make_library({
        "_section.md": "title: My Clinic Library\nexclude: README.md, drafts\n",
        "README.md": "# Not an article\n",
        "drafts/x.md": article("Draft"),
        "b-section/_section.md": "title: Shown First\norder: 1\nsummary: The first one.\n",
        "b-section/x.md": article("B"),
        "a-section/_section.md": "title: Shown Second\norder: 2\n",
        "a-section/y.md": article("A"),
    })
    library = load_library(root)
    assert library.title == "My Clinic Library"
    sections = [library.sections[i].title for k, i in library.root_section.children]
    assert sections == ["Shown First", "Shown Second"]
    assert library.sections["b-section"].summary == "The first one."
    assert "README" not in library.articles and "drafts/x" not in library.articles


def test_folders_without_articles_are_not_sections(make_library):
    root = make_library({"a.md": article("A"), "images/readme.txt": "x"})
    assert set(load_library(root).sections) == {""}


def test_duplicate_ids_are_reported_and_both_kept(make_library):
    root = make_library({"01-same.md": article("One"), "same.md": article("Two")})
    library = load_library(root)
    assert len(library.articles) == 2
    assert any("duplicate id 'same'" in p.message for p in library.problems)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop_does_not_hang(make_library):
    root = make_library({"sub/a.md": article("A")})
    os.symlink(root, root / "sub" / "loop")
    library = load_library(root)
    assert list(library.articles) == ["sub/a"]
    assert any("loops back" in p.message for p in library.problems)


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(LibraryError, match="not a folder"):
        load_library(tmp_path / "nope")


def test_bundled_library_has_the_starter_articles():
    library = load_library(paths.bundled_library())
    titles = {a.title for a in library.articles.values()}
    assert {
        "What Is Type 2 Diabetes?", "What Is Insulin Resistance?",
        "What Causes Insulin Resistance?", "What Is Double Diabetes?", "About This Library",
    } <= titles
    assert "README" not in " ".join(library.articles)
    assert all(a.updated and a.sources for a in library.articles.values())


def test_catalog_gives_the_same_library_and_notices_changes(make_library, tmp_path):
    root = make_library({
        "_section.md": "title: Lib\n\nAn introduction\nover two lines.\n",
        "01-a.md": article("Alpha", "Text."),
        "02-b.md": "No heading here.\n\nMore text.\n",
        "03-c.md": "",
        "04-d.md": "---\ntitle: Delta\nnot metadata\n\n# Delta\n",
        "sub/01-e.md": "Echo\n====\n\nSetext title.\n",
    })
    cache = tmp_path / "cache"
    plain = load_library(root)
    first = load_library(root, cache)  # reads the files and writes the catalog
    second = load_library(root, cache)  # from the catalog
    for loaded in (first, second):
        assert loaded.articles == plain.articles
        assert loaded.reading_order == plain.reading_order
        assert loaded.sections == plain.sections
        assert sorted(loaded.problems, key=str) == sorted(plain.problems, key=str)
    path = root / "01-a.md"
    path.write_text(article("Alpha Renamed"), encoding="utf-8")
    os.utime(path, ns=(5, 5))
    assert load_library(root, cache).articles["a"].title == "Alpha Renamed"
    for catalog in (cache / "catalog").iterdir():
        catalog.write_text("{damaged")  # set aside, and the library read from its files
    assert load_library(root, cache).articles["a"].title == "Alpha Renamed"
