"""Small files that would freeze the window: each is caught by a cheap scan, reported by
``reader check`` with its line, and shown as plain text in a bounded time."""

from __future__ import annotations

import time

import pytest

from reader.library import load_library
from reader.library.check import check_library
from reader.library.cost import layout_costs
from reader.library.links import Location
from reader.render import Renderer
from tests.conftest import article

#: A guard against a hang, far above what showing any of these takes now (seconds before:
#: 30 s to minutes); the speed itself is measured in ``make bench``, not here.
GUARD_S = 5.0

BOMBS = {
    "nested-tables": "<table><tr><td>" * 20 + "x" + "</td></tr></table>" * 20,
    "nested-lists": "<ul><li>" * 1000 + "x" + "</li></ul>" * 1000,
    "long-word": "a" * 1_900_000,
    "brackets": "[" * 8000,
    "long-table": "| a | b |\n|---|---|\n" + "| x | y |\n" * 20_000,
}
#: What ``reader check`` says of each (the body starts on line 7 of the test article).
SAID = {
    "nested-tables": "html tables sit 20 deep inside each other (the limit is 6)",
    "nested-lists": "html nests 2000 levels deep (the limit is 40)",
    "long-word": "more than 10,000 characters without a space",
    "brackets": "too many '[' (up to 8,000 in one paragraph",
    "long-table": "a table has 20,002 rows (the limit is 3,000)",
}


@pytest.fixture(scope="module")
def bomb_library(tmp_path_factory):
    root = tmp_path_factory.mktemp("bombs")
    for name, body in BOMBS.items():
        (root / f"{name}.md").write_text(article(name, body), encoding="utf-8")
    (root / "good.md").write_text(article("Good", "A [real](nested-tables.md) article, "
                                          "with a | b and <b>bold</b> words."), encoding="utf-8")
    return load_library(root)


@pytest.mark.parametrize("name", list(BOMBS))
def test_check_names_the_cost_and_its_line(bomb_library, name):
    problems = [p.format() for p in check_library(bomb_library) if p.relpath == f"{name}.md"]
    assert any(SAID[name] in p.lower() and p.startswith(f"{name}.md:7:") for p in problems), (
        problems)


def test_real_articles_cost_nothing(bomb_library):
    from reader.system import paths

    bundled = load_library(paths.bundled_library())
    from reader.library.loader import read_source

    for article_id in [*bundled.reading_order, "good"]:
        library = bundled if article_id in bundled.articles else bomb_library
        body = read_source(library, library.articles[article_id]).body
        assert layout_costs(body) == [], article_id


@pytest.mark.parametrize("name", list(BOMBS))
def test_a_costly_article_is_shown_plainly_and_quickly(qtbot, bomb_library, name, tmp_path):
    from reader.ui.main_window import MainWindow
    from reader.user.settings import Settings

    html = Renderer(bomb_library).page(Location.article(name)).html
    assert "this article is shown as plain text because" in html
    window = MainWindow(bomb_library, Settings.in_folder(tmp_path / "config"),
                        tmp_path / "cache")
    qtbot.addWidget(window)
    window.resize(900, 700)
    window.show()
    qtbot.waitExposed(window)
    started = time.perf_counter()
    window.navigator.go(Location.article(name))
    view = window.article_view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())  # lay out it all
    view.repaint()
    qtbot.wait(1)
    assert time.perf_counter() - started < GUARD_S
    assert "shown as plain text" in view.toPlainText()


#: Ways around the limits that a second read found: each must be caught as the plain bombs are.
BYPASSES = {
    "many-long-runs": " ".join(["a" * 10_000] * 190),
    "brackets-spread": "\n\n".join(["[" * 999] * 300),
    "self-closing-tables": "<table/><tr><td/>" * 18 + "x",
    "long-attributes": (f'<table title="{"a " * 1100}"><tr><td>' * 20) + "x",
}


@pytest.mark.parametrize("name", list(BYPASSES))
def test_ways_around_the_limits_are_caught_quickly(name):
    started = time.perf_counter()
    costs = layout_costs(BYPASSES[name])
    assert time.perf_counter() - started < GUARD_S
    if name == "many-long-runs":  # each run is allowed; scanning them must stay linear
        assert costs == []
    else:
        assert costs, name


def test_shared_text_cannot_smuggle_in_a_costly_body(make_library):
    root = make_library({"_shared/bomb.md": "[" * 8000,
                         "_shared/tables.md": "<table><tr><td>" * 18 + "x",
                         "a.md": article("A", "Fine.\n\n[[include: bomb]]"),
                         "b.md": article("B", "Fine.\n\n[[include: tables]]")})
    library = load_library(root)
    problems = [p.format() for p in check_library(library)]
    assert any(p.startswith("_shared/bomb.md:") and "too many '['" in p for p in problems)
    assert any(p.startswith("_shared/tables.md:") and "tables sit 18 deep" in p for p in problems)
    assert any(p.startswith("a.md:1:") and "with its shared text in place" in p
               for p in problems)
    for article_id in ("a", "b"):
        started = time.perf_counter()
        html = Renderer(library).page(Location.article(article_id)).html
        assert time.perf_counter() - started < GUARD_S
        assert "shown as plain text because" in html
