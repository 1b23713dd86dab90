"""The index breaking under search, from the terminal and in the app's search service: damaged
segments, an index replaced by another copy between open and search, a killed build, and a
reader of ``reader search`` that stops reading."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.filestore import FileStorage

from reader.cli import main
from reader.library import load_library
from reader.search.engine import IndexUnavailableError, SearchEngine
from reader.search.service import SearchService
from reader.search.store import IndexStore, open_or_build
from tests.conftest import ROOT, article

WORDS = ["insulin", "sugar", "feet", "eyes", "kidney", "heart", "blood", "pressure", "exercise",
         "food"]


@pytest.fixture
def root(make_library) -> Path:
    """Thirty articles: enough for a segment with postings worth damaging."""
    return make_library({
        f"{i:02d}-topic.md": article(f"Topic {WORDS[i % 10].title()} {i}",
                                     " ".join(WORDS[(i + j) % 10] for j in range(200)))
        for i in range(30)
    } | {"99-feet.md": article("Feet", "Check your toes every day.")})


def titles(results) -> list[str]:
    return [hit.title for hit in results.hits]


def empty_segments(folder: Path) -> None:
    """What ``: > gen-*/*.seg`` does."""
    for segment in folder.glob("*.seg"):
        segment.write_bytes(b"")


def garble_postings(folder: Path) -> None:
    """Overwrite the postings inside each segment, leaving its size and its directory whole:
    the index still opens, and the damage shows only when a search reads the postings."""
    for segment in folder.glob("*.seg"):
        files = CompoundStorage(FileStorage(str(folder)).open_file(segment.name), use_mmap=False)
        spans = [(entry["offset"], entry["length"]) for name, entry in files._dir.items()
                 if name.endswith(".pst")]
        files.close()
        data = bytearray(segment.read_bytes())
        for offset, length in spans:
            data[offset:offset + length] = b"\xff" * length
        segment.write_bytes(bytes(data))


def run_reader(*args: str, cache: Path, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, DIABETES_READER_CACHE_DIR=str(cache),
               DIABETES_READER_LOG_DIR=str(cache.parent / "log"))
    return subprocess.run([sys.executable, "-m", "reader", *args], env=env, cwd=ROOT,
                          text=True, timeout=300, **kwargs)


# -- 1. a damaged segment is rebuilt by itself ------------------------------------------------

def test_cli_search_after_the_segments_were_emptied_rebuilds_and_answers(root, tmp_path):
    cache = tmp_path / "cache"
    built = run_reader("index", "--library", str(root), cache=cache, capture_output=True)
    assert built.returncode == 0, built.stderr
    store = IndexStore(load_library(root).root, cache)
    empty_segments(store.current_dir())
    for _ in range(2):  # and not only once: the rebuilt index is whole
        result = run_reader("search", "toes", "--library", str(root), cache=cache,
                            capture_output=True)
        assert result.returncode == 0, result.stderr
        assert "1. Feet" in result.stdout and "error" not in result.stderr
    assert all(segment.stat().st_size > 0 for segment in store.current_dir().glob("*.seg"))


@pytest.mark.parametrize("damage", [empty_segments, garble_postings])
def test_the_search_service_rebuilds_a_damaged_index_and_answers(root, tmp_path, damage):
    library = load_library(root)
    open_or_build(library, tmp_path / "cache")
    store = IndexStore(library.root, tmp_path / "cache")
    damaged = store.current_dir()
    damage(damaged)
    service = SearchService(library, tmp_path / "cache")
    service.open()  # does not fail: "Search is not available" was this
    assert titles(service.search("toes")) == ["Feet"]
    assert "Topic Kidney 4" in titles(service.search("kidney"))
    assert store.current_dir() != damaged


def test_a_search_that_reads_damaged_postings_says_the_index_is_unavailable(root, tmp_path):
    library = load_library(root)
    open_or_build(library, tmp_path / "cache")
    store = IndexStore(library.root, tmp_path / "cache")
    garble_postings(store.current_dir())
    engine = SearchEngine(store.open())
    with pytest.raises(IndexUnavailableError):  # not "no articles found"
        engine.search("kidney")


def test_an_update_never_carries_a_damaged_segment_into_the_next_index(root, tmp_path):
    library = load_library(root)
    open_or_build(library, tmp_path / "cache")
    garble_postings(IndexStore(library.root, tmp_path / "cache").current_dir())
    (root / "98-heels.md").write_text(article("Heels", "Cracked heels."), encoding="utf-8")
    ix, _ = open_or_build(load_library(root), tmp_path / "cache")  # one new article
    engine = SearchEngine(ix)
    assert titles(engine.search("cracked")) == ["Heels"]
    assert "Topic Kidney 4" in titles(engine.search("kidney"))


# -- 2. the terminal's search goes through the same recovery as the app's ---------------------

def test_cli_search_when_another_copy_replaces_the_index_between_open_and_search(
        root, monkeypatch, capsys):
    opened = IndexStore.open

    def open_then_replaced(self, *args, **kwargs):
        ix = opened(self, *args, **kwargs)
        if ix is not None and not replaced:
            replaced.append(True)
            self.build(load_library(root))  # another copy's rebuild removes what was opened
        return ix

    replaced: list[bool] = []
    open_or_build(load_library(root), Path(os.environ["DIABETES_READER_CACHE_DIR"]))
    monkeypatch.setattr(IndexStore, "open", open_then_replaced)
    assert main(["search", "toes", "--library", str(root)]) == 0
    captured = capsys.readouterr()
    assert replaced and "1. Feet" in captured.out and "error" not in captured.err


# -- 3. a killed build stops its helpers, and its folder is removed ----------------------------

#: ``reader index`` with two helper processes whatever the machine's cores.
WITH_HELPERS = ("import sys; import reader.search.store as store; "
                "store.helpers_for = lambda articles, cores=None: 2; "
                "from reader.cli import main; sys.exit(main(sys.argv[1:]))")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"spawn_main" in cmdline:
            found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(condition, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout  # only a guard against hanging
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM"])
def test_a_killed_index_build_stops_its_helpers_and_leaves_nothing_behind(tmp_path, signal_name):
    from bench.make_library import make_library

    kill = getattr(signal, signal_name)

    root = make_library(tmp_path / "library", 400)
    cache = tmp_path / "cache"
    assert run_reader("index", "--library", str(root), cache=cache,
                      capture_output=True).returncode == 0
    store = IndexStore(load_library(root).root, cache)
    env = dict(os.environ, DIABETES_READER_CACHE_DIR=str(cache),
               DIABETES_READER_LOG_DIR=str(tmp_path / "log"))
    building = subprocess.Popen([sys.executable, "-c", WITH_HELPERS, "index", "--rebuild",
                                 "--library", str(root)], env=env, cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        helpers: set[int] = set()

        def all_writing() -> bool:
            # Each writer (this process's and each helper's) makes its own pool folder.
            helpers.update(_children(building.pid))
            return len(helpers) >= 2 and len(list(store.base.glob(".build-*/pool-*"))) >= 3

        assert _wait_for(all_writing)
        dead_build = next(store.base.glob(".build-*"))
        building.send_signal(kill)
        building.wait(timeout=60)
    finally:
        if building.poll() is None:
            building.kill()
    try:
        assert _wait_for(lambda: not any(_running(pid) for pid in helpers))
    finally:
        for pid in filter(_running, helpers):
            os.kill(pid, signal.SIGKILL)
    # Nothing was written after the build died: no helper went on to write its segment.
    assert not dead_build.exists() or not list(dead_build.glob("*.seg"))
    if kill == signal.SIGTERM:
        assert not dead_build.exists()  # the build cleaned up after itself
    result = run_reader("index", "--library", str(root), cache=cache, capture_output=True)
    assert result.returncode == 0, result.stderr
    assert not list(store.base.glob(".build-*"))  # the next run removed what the dead one left


@pytest.mark.skipif(os.name != "posix", reason="elsewhere an owner is not asked: an hour's wait")
def test_only_the_folders_of_builds_whose_process_is_gone_are_removed_at_once(root, tmp_path):
    library = load_library(root)
    store = IndexStore(library.root, tmp_path / "cache")
    running = store._new_build_folder()  # this process's: a build still under way
    finished = subprocess.Popen([sys.executable, "-c", "pass"])  # a process now gone
    finished.wait()
    dead = running.with_name(running.name.replace(f"-{os.getpid()}-", f"-{finished.pid}-"))
    dead.mkdir()
    old_style = store.base / ".build-0123456789abcdef"  # no owner: only after an hour
    old_style.mkdir()
    open_or_build(library, tmp_path / "cache")
    assert running.exists() and old_style.exists() and not dead.exists()


def test_a_build_folder_a_day_old_goes_whatever_its_pid_says(root, tmp_path):
    # Pids are reused: a folder "owned" by a live process but a day old is a dead build's.
    library = load_library(root)
    store = IndexStore(library.root, tmp_path / "cache")
    stuck = store._new_build_folder()  # named after this (live) process
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(stuck, (two_days_ago, two_days_ago))
    open_or_build(library, tmp_path / "cache")
    assert not stuck.exists()


# -- 4. a reader that stops reading ------------------------------------------------------------

@pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="no SIGPIPE here")
@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_search_into_a_pipe_closed_early_exits_quietly(root, tmp_path, extra):
    cache = tmp_path / "cache"
    assert run_reader("index", "--library", str(root), cache=cache,
                      capture_output=True).returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head` that has already read what it wanted
    try:
        result = run_reader("search", "insulin", "--limit", "30", "--library", str(root),
                            *extra, cache=cache, stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 128 + signal.SIGPIPE
