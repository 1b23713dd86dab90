"""A library from anyone: every kind of bad file. The app starts, good articles stay readable
and searchable, each bad one says what is wrong in place, and `reader check` names it."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from reader.library import load_library
from reader.library.check import check_library
from reader.library.links import Location
from reader.render import Renderer
from reader.search.engine import SearchEngine
from reader.search.store import open_or_build
from tests.conftest import article, write_files


def png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk
            + struct.pack(">I", zlib.crc32(chunk)) + b"garbage")


def nested_list(items: int, depth: int) -> str:
    return "\n".join("  " * (i % depth) + f"- item {i}" for i in range(items))


@pytest.fixture(scope="module")
def bad_library(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad")
    files: dict[str, str | bytes] = {
        "01-good.md": article("Good Article", "Ordinary words about **vegetables**."),
        "02-latin1.md": "title: Latin One\n\n# Latin One\n\ncaf\xe9 au lait\n".encode("latin-1"),
        "03-empty.md": "",
        "04-huge.md": b"# Huge\n\n" + b"word " * (4 * 1024 * 1024),
        "05-nested.md": "# Nested\n\n" + nested_list(10_000, 100),
        "06-broken-meta.md": "---\ntitle: Broken Meta\nthis line is not metadata\n\nBody.\n",
        "07-duplicate.md": article("Good Article", "Same title as another."),
        "08-empty-section/_section.md": "title: Nothing Here\n",
        "09-images.md": article("Pictures", "![gone](nope.png) ![empty](empty.png) "
                                "![corrupt](corrupt.png) ![huge](huge.png) ![text](text.png) "
                                "![out](../../../etc/passwd)"),
        "empty.png": b"",
        "corrupt.png": b"\x89PNG\r\n\x1a\nnot really",
        "huge.png": png_header(20000, 20000),
        "text.png": b"hello, I am not a picture",
        "10-hostile.md": article("Hostile", (
            "<script>alert('x')</script>\n\n<iframe src=\"http://example.org\"></iframe>\n\n"
            "<object data=\"x.swf\"></object>\n\n<p onclick=\"steal()\">click</p>\n\n"
            "[js](javascript:alert(1)) [data](data:text/html,hi)\n\n"
            "<img src=\"http://example.org/track.png\">\n\nSafe sentence about lentils.")),
        "11-links-out.md": article("Links Out", "[secret](../../../etc/passwd)"),
        "12 spaces é 😀.md": article("Spaces Accents Emoji", "Unicode name about quinoa."),
    }
    write_files(root, files)
    (root / "loop").mkdir()
    os.symlink(root, root / "loop" / "back")
    return root


@pytest.fixture(scope="module")
def library(bad_library):
    return load_library(bad_library)


def problems_for(library, relpath: str) -> list[str]:
    return [p.message for p in check_library(library) if p.relpath == relpath]


@pytest.mark.parametrize(("relpath", "expected"), [
    ("02-latin1.md", "not valid UTF-8"),
    ("03-empty.md", "file is empty"),
    ("04-huge.md", "file is too large"),
    ("05-nested.md", "nest"),
    ("06-broken-meta.md", "metadata line is not"),
    ("07-duplicate.md", "duplicate title 'Good Article'"),
    ("08-empty-section/_section.md", "section has no articles"),
    ("09-images.md", "image 'nope.png' is missing"),
    ("09-images.md", "image 'empty.png' is empty"),
    ("09-images.md", "image 'corrupt.png' is a damaged PNG"),
    ("09-images.md", "image 'huge.png' is too large to show (20000×20000"),
    ("09-images.md", "image 'text.png' is not a picture"),
    ("09-images.md", "outside the library"),
    ("10-hostile.md", "unsafe HTML removed when shown: '<script'"),
    ("10-hostile.md", "'<iframe'"),
    ("10-hostile.md", "'<object'"),
    ("10-hostile.md", "onclick="),
    ("10-hostile.md", "javascript:"),
    ("10-hostile.md", "data:"),
    ("10-hostile.md", "//"),
    ("11-links-out.md", "points outside the library"),
    ("loop", "loops back"),
])
def test_check_names_each_bad_file_with_its_line(library, relpath, expected):
    found = [p for p in check_library(library) if p.relpath.startswith(relpath)]
    assert any(expected in p.message for p in found), [p.format() for p in found]
    assert all(p.line >= 1 for p in found)


def test_check_command_prints_path_line_and_fails_without_a_traceback(bad_library):
    result = subprocess.run([sys.executable, "-m", "reader", "check", "--library",
                             str(bad_library)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{bad_library / '03-empty.md'}:1: file is empty" in result.stdout


@pytest.mark.parametrize(("article_id", "notice"), [
    ("latin1", "some characters could not be read"),
    ("empty", "this article is empty"),
    ("huge", "too large to show"),
    ("nested", "shown as plain text because its lists or quotes nest"),
    ("broken-meta", "metadata line is not"),
])
def test_bad_article_says_what_is_wrong_in_place(library, article_id, notice):
    html = Renderer(library).page(Location.article(article_id)).html
    assert 'class="file-problem"' in html and notice in html


def test_hostile_html_never_reaches_the_screen(library):
    html = Renderer(library).page(Location.article("hostile")).html
    for bad in ("<script", "alert('x')", "<iframe", "<object", "onclick", 'href="javascript:',
                'href="data:', "http://example.org/track.png"):
        assert bad not in html
    assert "Safe sentence about lentils." in html


def test_good_articles_stay_readable_and_searchable(library, tmp_path):
    renderer = Renderer(library)
    good = renderer.page(Location.article("good")).html
    assert "<strong>vegetables</strong>" in good and "file-problem" not in good
    unicode_id = next(i for i in library.articles if "spaces" in i)
    assert "quinoa" in renderer.page(Location.from_url(Location.article(unicode_id).to_url())).html
    ix, _ = open_or_build(library, tmp_path / "cache")
    engine = SearchEngine(ix)
    assert [h.title for h in engine.search("vegetables").hits] == ["Good Article"]
    assert [h.id for h in engine.search("quinoa").hits] == [unicode_id]
    assert "Hostile" in [h.title for h in engine.search("lentils").hits]


def test_the_app_starts_and_works_on_the_bad_library(bad_library):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "reader", "--self-test", "--library",
                             str(bad_library)], capture_output=True, text=True, env=env,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test: passed" in result.stdout
