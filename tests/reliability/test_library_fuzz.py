"""Whole libraries from a seeded generator: random Markdown, raw HTML, metadata and file names.
Loading, checking, rendering, indexing and showing every article must never raise, and each
article must be shown within a bound. ``FUZZ_LIBRARIES=20 make test`` runs more seeds."""

from __future__ import annotations

import os
import random
import re
import time
from pathlib import Path

import pytest

from reader.library import load_library
from reader.library.check import check_library
from reader.library.links import Location
from reader.render import Renderer
from reader.search.engine import SearchEngine
from reader.search.store import open_or_build

SEEDS = list(range(int(os.environ.get("FUZZ_LIBRARIES", "2"))))
FILES = 220
UNSAFE_RE = re.compile(r"<script\b|<[a-z][^<>]*\s(?:(?:src|href)=\"(?:javascript:|file:///"
                       r"(?:etc|bin)/)|on\w+=)")
#: A guard per article (rendering and laying out a real article takes milliseconds).
GUARD_S = 3.0

NAME_PARTS = ["a", "b", "01-", "1_", "10 ", "é", "ñ", "🍎", " ", "-", ".", "x.md", "ß", "中",
              "README", "0-1-", "_", "~", "#", "%20", "?", "'", "dup"]
WORDS = ["insulin", "sugar", "low", "ketones", "diabetes", "the", "and", "a1c", "{{70 mg/dL}}",
         "{{5.6 mmol/L}}", "{{80–130 mg/dL}}", "{{999 mg/dL}}", "{{ mg/dL}}", "**bold**", "_it_",
         "`code`", "[", "]", "(", ")", "<", ">", "&", "&amp;", "\\", "*", "|", "~~", "\u202e",
         "\u0000", "\ufeff", "🍎", "é"]
BLOCKS = [
    "# {w}", "## {w} {w}", "### {w}", "{w} {w} {w}. {w} {w}.", "- {w}\n- {w}\n  - {w}",
    "1. {w}\n2. {w}", "> {w}\n> > {w}", "```\n{w}\n```", "    {w}",
    "| {w} | {w} |\n|---|---|\n| {w} | {w} |",
    "[{w}](b.md)", "[{w}](../../etc/passwd)", "[{w}](file:///etc/passwd)", "[{w}](http://x.org)",
    "[{w}](#{w})", "[{w}](javascript:alert(1))", "![{w}](img.png)", "![{w}](diagram:resistant)",
    "![{w}](diagram:nope)", "![{w}](http://x.org/a.png)", "<img src=\"file:///etc/hostname\">",
    "<script>alert(1)</script>", "<table><tr><td>{w}</td></tr></table>", "<div><p>{w}",
    "<a href=\"file:///bin/sh\">{w}</a>", "<a onclick=\"x()\">{w}</a>", "[[include: {w}]]",
    "[[include: rule]]", "*[{w}]: {w}", "{w}[^1]\n\n[^1]: {w}", "!!! note \"{w}\"\n    {w}",
    "{w}\n===", "{w}\n---", "---", "<!-- {w}", "-" * 50, "[" * 300, "a" * 3000,
    "<ul><li>" * 30 + "{w}", "<table><tr><td>" * 4 + "{w}",
]
HEADS = ["", "---\ntitle: {w}\nsummary: {w}\nupdated: 2026-01-01\nkeywords: {w}, {w}\n---\n",
         "---\ntitle: {w}\n\nbroken: block\n", "title: {w}\nupdated: not-a-date\n\n",
         "---\n---\n", "\ufeff---\ntitle: {w}\n---\n", "---\nreview-due: 2020-01-01\n---\n"]


def _text(rng: random.Random, template: str) -> str:
    return template.replace("{w}", "{}").format(
        *(rng.choice(WORDS) for _ in range(template.count("{w}"))))


def make_library(root: Path, seed: int) -> None:
    rng = random.Random(seed)
    folders = [root] + [root / "".join(rng.choices(NAME_PARTS, k=rng.randint(1, 3))).strip()
                        or "f" for _ in range(8)]
    (root / "_shared").mkdir(parents=True, exist_ok=True)
    (root / "_shared" / "rule.md").write_text("Shared {{70 mg/dL}} [x](/b.md).\n", "utf-8")
    (root / "img.png").write_bytes(b"\x89PNG\r\n\x1a\n" + rng.randbytes(40))
    for number in range(FILES):
        folder = rng.choice(folders)
        if folder.name.startswith((".", "_")) or "/" in folder.name:
            folder = root
        folder.mkdir(parents=True, exist_ok=True)
        name = "".join(rng.choices(NAME_PARTS, k=rng.randint(1, 4))).replace("/", "") or "n"
        name = f"{name}{number % 7}{rng.choice(['.md', '.md', '.markdown', '.MD', '.md.md'])}"
        text = _text(rng, rng.choice(HEADS)) + "\n\n".join(
            _text(rng, rng.choice(BLOCKS)) for _ in range(rng.randint(0, 25)))
        data = text.encode("utf-8")
        if rng.random() < 0.05:
            data = data[:rng.randint(0, len(data))] + b"\xff\xfe\xc3"  # not UTF-8, cut short
        try:
            (folder / name).write_bytes(data)
        except OSError:
            continue
    (root / "_section.md").write_text("---\ntitle: Fuzz\nstart: b, nowhere\n---\n", "utf-8")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_random_library_loads_checks_renders_indexes_and_shows(qtbot, tmp_path, seed):
    from reader.ui.main_window import MainWindow
    from reader.user.settings import Settings

    root = tmp_path / "library"
    make_library(root, seed)
    library = load_library(root, tmp_path / "cache")
    assert len(library.reading_order) > FILES // 2
    assert len(set(library.reading_order)) == len(library.reading_order)
    for problem in check_library(library):
        assert "\n" not in problem.format()
    renderer = Renderer(library, units="mmol")
    for article_id in library.reading_order:
        started = time.perf_counter()
        page = renderer.page(Location.article(article_id))
        assert time.perf_counter() - started < GUARD_S, article_id
        # Written as text (escaped) is fine; as a tag or a link or image, never.
        assert not UNSAFE_RE.search(page.html), (article_id, UNSAFE_RE.search(page.html))
    ix, _ = open_or_build(library, tmp_path / "cache")
    engine = SearchEngine(ix)
    try:
        for query in ("insulin", "sugar low", "ketones", "[", "🍎", "a1c"):
            engine.search(query)
    finally:
        engine.close()
    window = MainWindow(library, Settings.in_folder(tmp_path / "config"), tmp_path / "cache")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.article_view
    for article_id in library.reading_order:
        started = time.perf_counter()
        window.navigator.go(Location.article(article_id))
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
        view.repaint()
        assert time.perf_counter() - started < GUARD_S, article_id
        assert window.navigator.current is not None and window.navigator.current.id == article_id
