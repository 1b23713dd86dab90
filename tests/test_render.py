import pytest

from reader.library import load_library
from reader.library.links import Location
from reader.render import NOTICE_TEXT, Renderer
from tests.conftest import article


@pytest.fixture
def library(make_library):
    return load_library(make_library({
        "01-a.md": article("First", "Go to [second](02-b.md#part) or [web](https://x.org) or "
                           "[nowhere](gone.md).\n\n![A foot](foot.png)\n\n![Gone](gone.png)",
                           updated="2026-03-05", sources="ADA Standards of Care 2025"),
        "02-b.md": article("Second", "## Part\n\nText."),
        "foot.png": b"\x89PNG",
    }))


def test_article_page_has_title_date_sources_notice_and_neighbours(library):
    page = Renderer(library).page(Location.article("a"))
    html = page.html
    assert page.title == "First"
    assert "Last reviewed: 5 March 2026 · Next review due: 5 March 2029" in html
    assert "ADA Standards of Care 2025" in html
    assert NOTICE_TEXT in html
    assert "Next: <a href=\"reader:article/b\">Second</a>" in html
    assert html.index("First</h1>") < html.index("Last reviewed")


def test_links_and_images_are_resolved(library):
    html = Renderer(library).page(Location.article("a")).html
    assert 'href="reader:article/b#part"' in html
    assert 'class="external"' in html
    assert 'href="reader:broken/' in html
    assert (library.root / "foot.png").as_uri() in html
    assert "[Gone: image 'gone.png' is missing]" in html.replace("&#x27;", "'")


def test_headings_get_anchors(library):
    assert 'id="part"' in Renderer(library).page(Location.article("b")).html


def test_an_article_can_be_due_for_review_sooner(make_library):
    library = load_library(make_library({
        "a.md": article("Metformin", updated="2026-12-02", **{"review-due": "2027-12-02"}),
        "b.md": article("Leap", updated="2024-02-29"),
    }))
    renderer = Renderer(library)
    assert ("Last reviewed: 2 December 2026 · Next review due: 2 December 2027"
            in renderer.page(Location.article("a")).html)
    assert "Next review due: 28 February 2027" in renderer.page(Location.article("b")).html
    handout = renderer.article(library.articles["a"], handout=True).html
    assert "Next review due: 2 December 2027" in handout


def test_missing_date_falls_back_to_file_date(library):
    html = Renderer(library).page(Location.article("b")).html
    assert "(file date)" in html


def test_unreadable_bytes_show_a_notice_not_a_crash(make_library):
    library = load_library(make_library({"x.md": b"# Title\n\ncaf\xe9\n"}))
    html = Renderer(library).page(Location.article("x")).html
    assert "could not be read" in html and "x.md:3" in html


def test_home_and_section_pages_list_articles(make_library):
    library = load_library(make_library({
        "01-s/_section.md": "title: Basics\nsummary: Start here.\n",
        "01-s/01-a.md": article("Alpha"),
    }))
    renderer = Renderer(library)
    home = renderer.page(Location.home()).html
    assert "Basics" in home and "Start here." in home and "Alpha" in home
    assert "Alpha" in renderer.page(Location.section("s")).html


def test_unknown_article_gives_an_error_page(library):
    page = Renderer(library).page(Location.article("nope"))
    assert page.title == "Article not found"


def test_index_text_has_no_markup():
    from reader.render.plaintext import headings, to_text

    text = ("Summary\n-------\n\n!!! note \"See Also\"\n    Read **this** [page](x.md){: #a }"
            "\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n")
    plain = to_text(text)
    for markup in ("---", "!!!", "**", "](", "{:", "|"):
        assert markup not in plain
    assert "See Also" in plain and "Read this page" in plain
    assert headings(text) == ["Summary"]


def test_index_text_keeps_blocks_apart_and_joins_wrapped_lines():
    from reader.render.plaintext import to_text

    text = "## How it is diagnosed\nA blood test\ncan show it.\n\n- first\n- second\n"
    assert to_text(text).splitlines() == [
        "How it is diagnosed", "A blood test can show it.", "first", "second",
    ]


def test_a_large_librarys_home_page_lists_sections_with_counts(make_library, monkeypatch):
    monkeypatch.setattr("reader.render.pages.HOME_LISTS_ARTICLES_UP_TO", 2)
    root = make_library({"01-one/a.md": article("Alpha"), "01-one/b.md": article("Beta"),
                         "02-two/c.md": article("Gamma")})
    text = Renderer(load_library(root)).home().html
    assert "2 articles" in text and "1 article<" in text
    assert "Alpha" not in text  # each section's page lists its articles


def test_breadcrumb_links_every_level_above_and_bolds_the_page(make_library):
    from reader.render.breadcrumb import breadcrumb_html

    library = load_library(make_library({
        "_section.md": "---\ntitle: Lib & Co\n---\n",
        "01-basics/_section.md": "---\ntitle: Basics\n---\n",
        "01-basics/01-a.md": article("What <Is> It?"),
    }))
    crumb = breadcrumb_html(library, Location.article("basics/a"))
    assert crumb == ('<a href="reader:home">Lib &amp; Co</a> › '
                     '<a href="reader:section/basics">Basics</a> › <b>What &lt;Is&gt; It?</b>')
    assert breadcrumb_html(library, Location.section("basics")).endswith("<b>Basics</b>")
    assert breadcrumb_html(library, Location.article("gone")) == (
        '<a href="reader:home">Lib &amp; Co</a>')
