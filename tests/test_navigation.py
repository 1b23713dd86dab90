"""Reading order as Previous / Next walk it, without a window."""

from __future__ import annotations

from reader.library import load_library
from reader.library.links import Location
from reader.reading.navigation import LABEL_CHARS, neighbours, step_label
from tests.conftest import article


def test_neighbours_of_an_article_a_section_and_home(make_library):
    library = load_library(make_library({
        "01-a/01-one.md": article("One"), "01-a/02-two.md": article("Two"),
        "02-b/01-three.md": article("Three"),
    }))
    titles = lambda pair: tuple(a.title if a else None for a in pair)  # noqa: E731
    assert titles(neighbours(library, Location.article("a/two"))) == ("One", "Three")
    assert titles(neighbours(library, Location.section("b"))) == ("Two", "Three")
    assert titles(neighbours(library, Location.home())) == (None, "One")
    assert titles(neighbours(library, None)) == (None, "One")
    assert titles(neighbours(library, Location.article("gone"))) == (None, "One")


def test_step_labels_name_the_article_shortened_and_say_when_there_is_none(make_library):
    long = "A Very Long Title That Goes On And On About Sick Days"
    library = load_library(make_library({"a.md": article(long)}))
    label = step_label("Next", library.articles["a"], "Ctrl+PgDown")
    assert label.enabled and label.text.startswith("Next: A Very Long") and label.text.endswith(
        "…") and len(label.text) <= len("Next: ") + LABEL_CHARS
    assert label.tooltip == f"Next article: {long} (Ctrl+PgDown)"
    assert step_label("Previous", None, "Ctrl+PgUp") == (
        type(label)(False, "Previous", "No previous article"))
