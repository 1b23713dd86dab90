import pytest

from reader.library import load_library
from reader.library.links import Location, resolve_image, resolve_link
from tests.conftest import article


@pytest.fixture
def library(make_library):
    return load_library(make_library({
        "01-basics/01-what.md": article("What"),
        "01-basics/02-why.md": article("Why"),
        "02-care/01-feet.md": article("Feet"),
        "02-care/img/foot.png": b"\x89PNG",
        "notes.pdf": b"%PDF",
    }))


@pytest.mark.parametrize(("href", "expected"), [
    ("02-why.md", Location.article("basics/why")),
    ("02-why.md#causes", Location.article("basics/why", "causes")),
    ("../02-care/01-feet.md", Location.article("care/feet")),
    ("/02-care/01-feet.md", Location.article("care/feet")),
    ("#top", Location.article("basics/what", "top")),
    ("../02-care/", Location.section("care")),
    ("..", Location.home()),
])
def test_relative_links_lead_to_places_in_the_app(library, href, expected):
    target = resolve_link(library, library.articles["basics/what"], href)
    assert target.kind == "internal"
    assert target.location == expected


@pytest.mark.parametrize("href", ["https://diabetes.org", "mailto:x@example.org", "//cdn.example"])
def test_web_links_are_external(library, href):
    assert resolve_link(library, library.articles["basics/what"], href).kind == "external"


@pytest.mark.parametrize(("href", "reason"), [
    ("missing.md", "no article"),
    ("../../../etc/passwd", "outside the library"),
    ("javascript:alert(1)", "cannot be opened"),
])
def test_bad_links_are_broken_with_a_reason(library, href, reason):
    target = resolve_link(library, library.articles["basics/what"], href)
    assert target.kind == "broken"
    assert reason in target.reason


def test_link_to_other_file_in_library(library):
    target = resolve_link(library, library.articles["basics/what"], "../notes.pdf")
    assert target.kind == "file" and target.path.name == "notes.pdf"


def test_images_load_from_the_library_only(library):
    feet = library.articles["care/feet"]
    path, _ = resolve_image(library, feet, "img/foot.png")
    assert path == library.root / "02-care/img/foot.png"
    assert resolve_image(library, feet, "img/none.png")[1].endswith("is missing")
    assert "outside" in resolve_image(library, feet, "../../x.png")[1]
    assert "offline" in resolve_image(library, feet, "http://example.org/a.png")[1]


@pytest.mark.parametrize("location", [
    Location.home(), Location.section("care"), Location.article("a b/é ü", "x y"),
])
def test_location_urls_round_trip(location):
    assert Location.from_url(location.to_url()) == location


def test_foreign_urls_are_not_locations():
    assert Location.from_url("https://example.org") is None
    assert Location.from_url("reader:unknown/x") is None
