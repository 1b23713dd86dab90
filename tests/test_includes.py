"""Shared text: a safety rule written once in ``_shared/`` and included by articles."""

from __future__ import annotations

import os
from html import unescape

import pytest

from reader.library import load_library
from reader.library.check import check_library
from reader.library.includes import expand, find_includes
from reader.library.links import Location
from reader.render import Renderer
from reader.search.engine import SearchEngine
from reader.search.store import IndexStore, open_or_build
from tests.conftest import article

RULE = """\
---
title: Driving and lows
sources: DVLA. Information for drivers with diabetes.
---

Do not drive below {{90 mg/dL}}. Wait at least 45 minutes after a low before driving.
See [DKA](/02-dka.md).
"""


@pytest.fixture
def library(make_library):
    return load_library(make_library({
        "_shared/driving-rule.md": RULE,
        "01-a.md": article("Travel", "Plan your trip.\n\n[[include: driving-rule]]\n\nPack snacks.",
                           sources="ADA. Standards of Care."),
        "02-dka.md": article("DKA", "About ketones."),
    }))


def text_of(library, article_id: str, units: str = "both") -> str:
    html = Renderer(library, units).page(Location.article(article_id)).html
    return unescape(html).replace("\u00a0", " ").replace("\u2060", "")


def test_an_include_is_shown_in_place_with_units_links_and_its_sources(library):
    html = text_of(library, "a", units="mmol")
    plan, rule, snacks = (html.index(s) for s in ("Plan your trip", "Do not drive", "Pack snacks"))
    assert plan < rule < snacks
    assert '">5.0 mmol/L</span>' in html  # in the reader's units, inside the shared text
    assert 'href="reader:article/dka"' in html  # a root link in shared text resolves
    assert "[[include" not in html
    sources = html[html.index('class="sources"'):]
    assert "ADA. Standards of Care." in sources and "DVLA. Information for drivers" in sources


def test_an_included_rule_is_found_by_search(library, tmp_path):
    ix, _ = open_or_build(library, tmp_path / "cache")
    engine = SearchEngine(ix)
    try:
        hits = engine.search("45 minutes driving").hits
        assert [h.id for h in hits][:1] == ["a"]
        assert "45" in hits[0].snippet
    finally:
        engine.close()


def test_changing_a_shared_rule_changes_every_article_that_includes_it(library, tmp_path):
    cache = tmp_path / "cache"
    open_or_build(library, cache)
    path = library.root / "_shared" / "driving-rule.md"
    path.write_text(RULE.replace("45 minutes", "an hour and lentils"), encoding="utf-8")
    os.utime(path, ns=(1, 1))
    changed = load_library(library.root)
    store = IndexStore(changed.root, cache)
    assert not store.is_current(changed)
    assert store.update(changed) is None  # not patched article by article: rebuilt whole
    ix, _ = open_or_build(changed, cache)
    assert [h.id for h in SearchEngine(ix).search("lentils").hits] == ["a"]
    assert "an hour and lentils" in text_of(changed, "a")


def test_a_missing_include_is_a_check_error_with_its_line_and_shown_in_place(make_library):
    library = load_library(make_library({
        "_shared/known.md": "Known rule.",
        "a.md": article("A", "Text.\n\n[[include: unknown-rule]]\n\n[[include: known]]"),
    }))
    problems = [p.format() for p in check_library(library)]
    # The article template puts the body on line 7: the include is on line 9 of the file.
    assert problems == ["a.md:9: include: no shared text 'unknown-rule' (there is no file "
                        "_shared/unknown-rule.md)"]
    html = text_of(library, "a")
    assert "a.md:9: this part could not be shown: no shared text 'unknown-rule'" in html
    assert "Known rule." in html


def test_check_reports_bad_names_relative_links_and_nested_includes(make_library):
    library = load_library(make_library({
        "_shared/rule.md": "See [a](a.md) and [b](/gone.md).\n\n[[include: other]]\n",
        "a.md": article("A", "[[include: ../../etc/passwd]]\n\n[[include: rule]]"),
    }))
    problems = [p.format() for p in check_library(library)]
    assert any(p.startswith("a.md:7: include: '../../etc/passwd' is not a shared-text name")
               for p in problems)
    assert any(p.startswith("_shared/rule.md:1: 'a.md': links in shared text start with '/'")
               for p in problems)
    assert ("_shared/rule.md:1: broken link: no article or file '/gone.md' in the library"
            in problems)
    assert "_shared/rule.md:3: shared text cannot include other shared text" in problems


def test_includes_in_code_blocks_are_left_as_written(tmp_path):
    text = "```\n[[include: rule]]\n```\n\n  [[include: rule]]  \n"
    assert find_includes(text) == [(5, "rule")]


def test_a_fifo_in_place_of_a_shared_file_does_not_hang(tmp_path):
    (tmp_path / "_shared").mkdir()
    os.mkfifo(tmp_path / "_shared" / "rule.md")
    expanded = expand(tmp_path, "[[include: rule]]\n")
    assert expanded.includes[0].problem == "_shared/rule.md is not a regular file"
    assert expanded.text.strip() == ""


def test_a_huge_shared_file_is_refused(tmp_path):
    (tmp_path / "_shared").mkdir()
    (tmp_path / "_shared" / "rule.md").write_text("x" * 100_000, encoding="utf-8")
    expanded = expand(tmp_path, "[[include: rule]]\n", lambda include: "REFUSED")
    assert "too large" in expanded.includes[0].problem
    assert "REFUSED" in expanded.text and "xxxx" not in expanded.text
