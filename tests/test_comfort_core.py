"""The plain-Python parts of the comfort features: units, glossary, preferences, bookmarks,
find, recent articles and theme contrast."""

from __future__ import annotations

import json
from decimal import Decimal
from html import unescape
from pathlib import Path

import pytest

from reader.library import load_library, read_source
from reader.library.includes import expand
from reader.library.links import Location
from reader.library.model import library_key
from reader.reading.find import find_all, step
from reader.render import Renderer, themes
from reader.render.glossary import parse_glossary
from reader.render.glucose import (
    GLUCOSE_RE,
    Glucose,
    expand_for_search,
    mg_to_mmol,
    mmol_to_mg,
    parse,
)
from reader.search.engine import SearchEngine
from reader.search.store import open_or_build
from reader.system import paths
from reader.user.bookmarks import BookmarkStore
from reader.user.preferences import ZOOM_STEPS, Preferences, zoom_in, zoom_out
from reader.user.remembered import Remembered
from reader.user.settings import Settings
from tests.conftest import article


@pytest.mark.parametrize(("written", "both"), [
    ("{{70 mg/dL}}", "70 mg/dL (3.9 mmol/L)"),
    ("{{54 mg/dL}}", "54 mg/dL (3.0 mmol/L)"),
    ("{{100 mg/dL}}", "100 mg/dL (5.6 mmol/L)"),
    ("{{126 mg/dL}}", "126 mg/dL (7.0 mmol/L)"),
    ("{{80–130 mg/dL}}", "80–130 mg/dL (4.4–7.2 mmol/L)"),
    ("{{140 to 199 mg/dL}}", "140–199 mg/dL (7.8–11.0 mmol/L)"),
    ("{{200 mg/dL}}", "200 mg/dL (11.1 mmol/L)"),
    ("{{70–180 mg/dL}}", "70–180 mg/dL (3.9–10.0 mmol/L)"),
    ("{{5.6 mmol/L}}", "100 mg/dL (5.6 mmol/L)"),
    ("{{3.9 mmol/L}}", "70 mg/dL (3.9 mmol/L)"),
    ("{{7.0 mmol/L}}", "126 mg/dL (7.0 mmol/L)"),
    ("{{10 mmol/L}}", "180 mg/dL (10.0 mmol/L)"),
])
def test_glucose_values_convert_the_way_clinics_print_them(written, both):
    assert parse(GLUCOSE_RE.search(written)).display("both") == both


def test_mmol_to_mg_prefers_round_numbers():
    assert [mmol_to_mg(v) for v in (5.6, 3.9, 11.1, 13.3, 16.7)] == [100, 70, 200, 240, 300]


@pytest.mark.parametrize(("written", "both"), [
    ("{{70–250 mg/dL}}", "70–250 mg/dL (3.9–13.9 mmol/L)"),  # a round top is not cut short
    ("{{100–140 mg/dL}}", "100–140 mg/dL (5.6–7.8 mmol/L)"),
    ("{{100–125 mg/dL}}", "100–125 mg/dL (5.6–6.9 mmol/L)"),
    ("{{7.8–11.0 mmol/L}}", "140–199 mg/dL (7.8–11.0 mmol/L)"),  # as clinics write it
    ("{{3.9–10.0 mmol/L}}", "70–180 mg/dL (3.9–10.0 mmol/L)"),
    ("{{5.6–6.9 mmol/L}}", "100–125 mg/dL (5.6–6.9 mmol/L)"),
    ("{{4.4–7.2 mmol/L}}", "80–130 mg/dL (4.4–7.2 mmol/L)"),
])
def test_range_tops_convert_without_undershooting_or_overlapping(written, both):
    assert parse(GLUCOSE_RE.search(written)).display("both") == both


def test_every_value_from_20_to_600_converts_both_ways():
    for mg in range(20, 601):
        nearest = mg_to_mmol(mg)
        assert abs(nearest * 18 - mg) <= Decimal("0.9")  # half a tenth of a mmol/L
        assert mg_to_mmol(mmol_to_mg(float(nearest))) == nearest  # the way back agrees
        top = mg_to_mmol(mg, top_of_range=True)
        # A range's top is the nearest value, or one step below it when the nearest stands
        # for more than the top: never above, never further.
        assert top in (nearest, nearest - Decimal("0.1"))
        assert round(top * 18) <= mg
        assert top == nearest or round(nearest * 18) > mg
        assert mg_to_mmol(mmol_to_mg(float(top), top_of_range=True), top_of_range=True) == top
        # A range up to mg and one starting just above it never share a value.
        assert top < mg_to_mmol(mg + 1) or round(mg_to_mmol(mg + 1) * 18) <= mg


def test_every_range_the_library_writes_round_trips():
    library = load_library(paths.bundled_library())
    ranges = set()
    for article_id in library.reading_order:
        body = read_source(library, library.articles[article_id]).body
        body = expand(library.root, body).text
        ranges |= {m.group(0) for m in GLUCOSE_RE.finditer(body) if m.group("high")}
    assert len(ranges) >= 4
    for written in ranges:
        value = parse(GLUCOSE_RE.search(written))
        assert value.mg[0] < value.mg[1] and value.mmol[0] < value.mmol[1], written
        again_from_mmol = Glucose.parse(*(str(v) for v in value.mmol), "mmol/L")
        again_from_mg = Glucose.parse(*(str(v) for v in value.mg), "mg/dL")
        assert again_from_mmol == value == again_from_mg, written


def test_articles_show_glucose_in_the_chosen_units_and_search_finds_either(make_library,
                                                                            tmp_path):
    root = make_library({"a.md": article("Lows", "A low is below {{70 mg/dL}} for most people."),
                         "b.md": article("Other", "Nothing about numbers.")})
    library = load_library(root)
    renderer = Renderer(library)

    def shown() -> str:  # as read: no-break space and word joiner keep units on one line
        html = unescape(renderer.page(Location.article("a")).html)
        assert "70\u00a0mg/\u2060dL" in html or "3.9\u00a0mmol/\u2060L" in html
        return html.replace("\u00a0", " ").replace("\u2060", "")

    assert "70 mg/dL (3.9 mmol/L)" in shown()
    renderer.units = "mmol"  # the other unit stays in the tooltip only
    html = shown()
    assert ">3.9 mmol/L</span>" in html and ">70 mg/dL" not in html
    renderer.units = "mg"
    html = shown()
    assert ">70 mg/dL</span>" in html and "(3.9 mmol/L)<" not in html
    ix, _ = open_or_build(library, tmp_path / "cache")
    engine = SearchEngine(ix)
    assert [h.title for h in engine.search("3.9").hits] == ["Lows"]
    assert [h.title for h in engine.search("70").hits] == ["Lows"]
    assert expand_for_search("x {{5.6 mmol/L}}") == "x 100 mg/dL (5.6 mmol/L)"


GLOSSARY = """# Glossary

## A1C

*Also: HbA1c*

A blood test of your average sugar.

More text that is not the definition.

## Beta Cell

A cell in the pancreas that makes insulin.
"""


def test_glossary_entries_come_from_headings():
    entries = parse_glossary(GLOSSARY)
    assert entries["a1c"].definition == "A blood test of your average sugar."
    assert entries["a1c"].forms == ("HbA1c",)
    assert entries["beta-cell"].term == "Beta Cell"


def test_first_use_of_each_term_is_marked_with_its_definition(make_library):
    root = make_library({
        "01-a.md": article("Tests", "## A1C and you\n\nYour A1C and HbA1c matter. Beta cells "
                           "make insulin. A1C again. See [the test](02-b.md)."),
        "02-b.md": article("B", "Body."),
        "03-glossary.md": "---\ntitle: Glossary\nglossary: yes\n---\n\n" + GLOSSARY,
    })
    html = Renderer(load_library(root)).page(Location.article("a")).html
    assert html.count('class="term"') == 2  # A1C (with its other form) and beta cells
    assert 'title="A1C: A blood test of your average sugar."' in html
    assert ">Beta cells</a>" in html
    assert "<h2" in html and "A1C and you</h2>" in html  # headings are left alone


def test_zoom_steps_and_limits(tmp_path):
    assert zoom_in(100) == 110 and zoom_out(100) == 90
    assert zoom_in(ZOOM_STEPS[-1]) == 250 and zoom_out(ZOOM_STEPS[0]) == 75
    preferences = Preferences(Settings.in_folder(tmp_path))
    preferences.zoom = 400
    assert preferences.zoom == 250
    preferences.settings.set("zoom", "huge")
    assert preferences.zoom == 100
    with pytest.raises(ValueError):
        preferences.theme = "purple"


def test_bookmarks_survive_a_restart_and_reorder(tmp_path):
    lib, other = library_key(Path("/lib")), library_key(Path("/other"))
    store = BookmarkStore.in_folder(tmp_path)
    store.add(lib, "a", "Alpha")
    store.add(lib, "b", "Beta")
    store.add(other, "c", "Gamma")
    assert store.move(lib, "b", -1)
    assert store.save()
    again = BookmarkStore.in_folder(tmp_path)
    assert [b.title for b in again.for_library(lib)] == ["Beta", "Alpha"]
    assert again.remove(lib, "a") and not again.remove(lib, "a")


def test_bookmarks_an_older_version_kept_by_folder_path_are_found_under_the_librarys_key(
        tmp_path, make_library):
    library = load_library(make_library({"a.md": article("Alpha")}))
    (tmp_path / "bookmarks.json").write_text(json.dumps({"version": 1, "bookmarks": [
        {"library": str(library.root), "article_id": "a", "title": "Alpha"}]}))
    store = BookmarkStore.in_folder(tmp_path)
    assert [b.title for b in store.for_library(library.key)] == ["Alpha"]
    assert store.save()
    saved = json.loads((tmp_path / "bookmarks.json").read_text())["bookmarks"]
    assert saved[0]["library"] == library.key


def test_damaged_bookmarks_file_is_kept_aside(tmp_path):
    (tmp_path / "bookmarks.json").write_text(json.dumps({"bookmarks": [{"wrong": 1}]}))
    store = BookmarkStore.in_folder(tmp_path)
    assert store.items == [] and "damaged" in store.problem
    assert list(tmp_path.glob("bookmarks.json.broken-*"))


def test_find_in_page_matches_and_steps():
    text = "Insulin helps. insulin\nresistance is common; INSULIN."
    assert len(find_all(text, "insulin")) == 3
    assert find_all(text, "insulin resistance") == [(15, 18)]
    assert find_all(text, "   ") == []
    assert step(2, 3, True) == 0 and step(0, 3, False) == 2 and step(-1, 0, True) == -1


def test_recent_articles_most_recent_first(tmp_path, make_library):
    library = load_library(make_library({"a.md": article("A")}))
    remembered = Remembered(Settings.in_folder(tmp_path))
    for article_id in ("a", "b", "a", "c"):
        remembered.remember_read(library, article_id)
    assert remembered.recent(library) == ["c", "a", "b"]


def test_what_is_remembered_is_kept_per_library_and_survives_a_save(tmp_path, make_library):
    one = load_library(make_library({"a.md": article("A"), "s/b.md": article("B")}))
    other_root = tmp_path / "other"
    other_root.mkdir()
    (other_root / "x.md").write_text(article("X"), encoding="utf-8")
    other = load_library(other_root)
    settings = Settings.in_folder(tmp_path / "config")
    remembered = Remembered(settings)
    remembered.remember_location(one, Location.article("s/b", "part"))
    remembered.last_library = other.root
    remembered.window_geometry = "AAAA"
    assert settings.save()
    again = Remembered(Settings.in_folder(tmp_path / "config"))
    assert again.last_location(one) == Location.article("s/b")  # without the anchor
    assert again.last_location(other) == Location.home()
    assert again.last_library == other.root and again.window_geometry == "AAAA"
    assert again.splitter_state is None


def test_a_location_an_older_version_kept_under_the_path_is_still_read(tmp_path, make_library):
    library = load_library(make_library({"a.md": article("A")}))
    settings = Settings.in_folder(tmp_path)
    settings.set("last_location", {str(library.root): "reader:article/a"})
    settings.set("recent", {str(library.root): ["a"]})
    remembered = Remembered(settings)
    assert remembered.last_location(library) == Location.article("a")
    assert remembered.recent(library) == ["a"]
    remembered.remember_read(library, "a")
    assert list(settings.get("recent")) == [library.key]  # moved to the one key


def test_a_remembered_place_that_is_gone_opens_home(tmp_path, make_library):
    library = load_library(make_library({"a.md": article("A")}))
    settings = Settings.in_folder(tmp_path)
    settings.set("last_location", {library.key: "reader:article/deleted"})
    assert Remembered(settings).last_location(library) == Location.home()


@pytest.mark.parametrize(("theme", "minimum"), [("light", 4.5), ("dark", 4.5),
                                                 ("high-contrast", 7.0)])
def test_theme_text_and_links_are_readable(theme, minimum):
    palette = themes.PALETTES[theme]
    for role in ("Text", "Link"):
        assert themes.contrast_ratio(palette[role], palette["Base"]) >= minimum
    assert themes.resolve("system", system_is_dark=True) == "dark"


def test_home_page_has_start_path_and_recent(make_library):
    root = make_library({
        "_section.md": "title: Lib\nstart: b, a\n",
        "a.md": article("Alpha"), "b.md": article("Beta"), "c.md": article("Gamma"),
    })
    html = Renderer(load_library(root)).page(Location.home(), recent=("c",)).html
    assert "Start here" in html and html.index("Beta") < html.index("Alpha")
    assert "Recently read" in html and "Gamma" in html
