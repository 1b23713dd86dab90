"""Hostile library files, round two: names that are not UTF-8, ids that collide, links and
images that lead out of the library, FIFOs where a picture should be."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from html import unescape

import pytest

from reader.cli import main
from reader.library import load_library
from reader.library.check import check_library
from reader.library.links import Location, resolve_link
from reader.render import Renderer
from reader.search.engine import SearchEngine
from reader.search.store import open_or_build
from tests.conftest import article


def run_reader(*args: str, cache) -> subprocess.CompletedProcess:
    env = dict(os.environ, DIABETES_READER_CACHE_DIR=str(cache), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_a_file_name_that_is_not_utf8_is_reported_and_the_library_still_works(
        make_library, tmp_path):
    root = make_library({"a.md": article("Alpha", "About insulin.")})
    (root / os.fsdecode(b"b\xff.md")).write_bytes(b"# B\n\nbody\n")
    for command in (["search", "insulin"], ["index"]):
        result = run_reader(*command, "--library", str(root), cache=tmp_path / "cache")
        assert result.returncode == 0, result.stderr
    assert "Alpha" in run_reader("search", "insulin", "--library", str(root),
                                 cache=tmp_path / "cache").stdout
    checked = run_reader("check", "--library", str(root), cache=tmp_path / "cache")
    assert checked.returncode == 1
    assert "b\\xff.md:1: the file name is not valid UTF-8" in checked.stdout
    assert [a.title for a in load_library(root).articles.values()] == ["Alpha"]


def test_every_article_stays_reachable_when_ids_collide(make_library):
    root = make_library({"0-1-a.md.md": "# Zeta\n\nz\n", "0-a.md": "# Alpha\n\na\n",
                         "1-a.md": "# Beta\n\nb\n", "01-x/a.md": "# In 01-x\n\nq\n",
                         "x/a.md": "# In x\n\nq\n"})
    library = load_library(root)
    titles = [library.articles[i].title for i in library.reading_order]
    assert sorted(titles) == ["Alpha", "Beta", "In 01-x", "In x", "Zeta"]
    assert len(set(library.reading_order)) == len(library.reading_order)
    for article_id in library.reading_order:  # prev/next always move
        following = library.next_article(article_id)
        assert following is None or following.id != article_id
    problems = [p.format() for p in check_library(library)]
    assert any("duplicate id 'a'" in p for p in problems)
    assert any("duplicate id 'x'" in p for p in problems)


def test_a_newline_in_a_file_name_stays_on_one_line_of_check(make_library, capsys):
    root = make_library({"a.md": article("A", "[gone](nowhere.md)")})
    os.rename(root / "a.md", root / "a\nb.md")
    assert main(["check", "--library", str(root)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and "a\\nb.md:7: broken link" in lines[0]


def test_a_looping_md_link_is_reported(make_library):
    root = make_library({"a.md": article("A")})
    os.symlink("loop.md", root / "loop.md")
    problems = [p.format() for p in check_library(load_library(root))]
    assert problems == ["loop.md:1: this link leads nowhere (or loops back on itself), so it "
                        "is not an article"]


@pytest.fixture
def outside(tmp_path):
    folder = tmp_path / "private"
    folder.mkdir()
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 8 + b"IHDR" + b"\0" * 9)
    (folder / "tool.sh").write_text("echo hi\n", encoding="utf-8")
    return folder


def test_raw_html_cannot_show_or_link_files_from_outside_the_library(make_library, outside):
    photo, tool = (outside / "photo.png").as_uri(), (outside / "tool.sh").as_uri()
    root = make_library({
        "a.md": article("A", f'<img src="{photo}"> and <a href="{tool}">a tool</a>\n\n'
                        '<p><img src="../private/photo.png"></p>\n\n![md](link.png)'),
        "inside.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 8 + b"IHDR" + b"\0" * 9,
    })
    os.symlink(outside / "photo.png", root / "link.png")  # a link out of the library
    library = load_library(root)
    html = unescape(Renderer(library).page(Location.article("a")).html)
    assert str(outside) not in html  # neither shown, nor printed, nor linked
    assert "reader:broken/" in html
    problems = [p.format() for p in check_library(library)]
    assert any("is a file outside the library" in p and "photo.png" in p for p in problems)
    assert any("broken link" in p and "tool.sh" in p for p in problems)
    assert any("link.png" in p and "not a picture file inside the library" in p
               for p in problems)


def test_a_link_to_a_library_file_is_a_file_link_and_check_agrees(make_library):
    root = make_library({"a.md": article("A", "[the form](form.pdf)"), "form.pdf": b"%PDF"})
    library = load_library(root)
    target = resolve_link(library, library.articles["a"], "form.pdf")
    assert target.kind == "file" and target.path == root / "form.pdf"
    raw = resolve_link(library, library.articles["a"], (root / "form.pdf").as_uri())
    assert raw.kind == "file"
    assert check_library(library) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_device_as_an_image_never_hangs(make_library, tmp_path):
    root = make_library({"a.md": article("A", "![pipe](pipe.png)\n\n<img src=\"file:///dev/stdin\">")})
    os.mkfifo(root / "pipe.png")
    library = load_library(root)
    done = threading.Event()
    results = {}

    def work() -> None:
        results["html"] = Renderer(library).page(Location.article("a")).html
        results["problems"] = [p.format() for p in check_library(library)]
        done.set()

    threading.Thread(target=work, daemon=True).start()
    assert done.wait(20), "rendering or checking blocked on a FIFO"
    assert "pipe.png" in results["html"] and "file:///dev/stdin" not in results["html"]
    assert any("pipe.png" in p and "not a picture file" in p for p in results["problems"])
    target = tmp_path / "a.pdf"
    exported = run_reader("export", "a", "--pdf", str(target), "--library", str(root),
                          cache=tmp_path / "cache")
    assert exported.returncode == 0, exported.stderr


def test_the_window_never_opens_a_file_link_with_another_program(qtbot, make_library,
                                                                  monkeypatch, tmp_path):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.main_window import MainWindow
    from reader.user.settings import Settings

    root = make_library({"a.md": article("A", "[run me](tool.sh)"), "tool.sh": "echo hi\n"})
    window = MainWindow(load_library(root), Settings.in_folder(tmp_path / "config"),
                        tmp_path / "cache")
    qtbot.addWidget(window)
    opened, shown = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()))
    window.navigator.go(Location.article("a"))
    window.article_view.anchorClicked.emit(QUrl((root / "tool.sh").as_uri()))
    assert opened == []
    assert shown and str(root / "tool.sh") in shown[0]


def test_search_finds_the_good_articles_of_a_hostile_library(make_library, tmp_path):
    root = make_library({"a.md": article("Alpha", "About insulin."),
                         "0-1-a.md.md": "# Zeta\n\ninsulin too\n", "1-a.md": "# Beta\n\nb\n"})
    (root / os.fsdecode(b"c\xfe.md")).write_bytes(b"# C\n")
    ix, _ = open_or_build(load_library(root), tmp_path / "cache")
    engine = SearchEngine(ix)
    try:
        assert sorted(h.title for h in engine.search("insulin").hits) == ["Alpha", "Zeta"]
    finally:
        engine.close()


def test_a_picture_whose_name_holds_a_percent_sign_is_shown(make_library):
    root = make_library({"a.md": article("A", "![e](x%2541.png)"),
                         "x%41.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 8 + b"IHDR" + b"\0" * 9})
    html = Renderer(load_library(root)).page(Location.article("a")).html
    assert (root / "x%41.png").as_uri() in html


def test_a_library_folder_whose_name_is_not_utf8_works(tmp_path):
    root = tmp_path / os.fsdecode(b"lib\xff")
    root.mkdir()
    (root / "a.md").write_text(article("Alpha", "About insulin. ![x](gone.png)"), "utf-8")
    cache = tmp_path / "cache"
    found = run_reader("search", "insulin", "--library", str(root), cache=cache)
    assert found.returncode == 0 and "Alpha" in found.stdout, found.stderr
    checked = run_reader("check", "--library", str(root), cache=cache)
    assert checked.returncode == 1 and "lib\\xff/a.md:7: image 'gone.png' is missing" in (
        checked.stdout)
