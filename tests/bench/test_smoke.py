"""A small run (100 articles) of the generator and every benchmark measurement, so `make bench`
cannot rot. The real figures come from `make bench` (not part of `make test`)."""

from __future__ import annotations

from bench.make_library import make_library
from bench.run import (
    measure_indexing,
    measure_search,
    measure_startup,
    measure_typing,
    plot,
    print_table,
)
from reader.library import load_library


def test_generator_is_seeded_and_realistic(tmp_path):
    first = make_library(tmp_path / "a", 100)
    second = make_library(tmp_path / "b", 100)
    files = sorted(p.relative_to(first) for p in first.rglob("*.md"))
    assert files == sorted(p.relative_to(second) for p in second.rglob("*.md"))
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    library = load_library(first)
    assert len(library.articles) == 100 and not [
        p for p in library.problems if "duplicate id" in p.message]
    words = (first / files[1]).read_text().split()
    assert 500 < len(words) < 1200 and sum(w.isalpha() for w in words) > len(words) / 2


def test_every_measurement_runs_on_a_small_library(qapp, tmp_path, capsys):
    library = make_library(tmp_path / "lib", 100)
    startup = measure_startup(library, 1, tmp_path / "s")
    indexing = measure_indexing(library, tmp_path / "cache", tmp_path / "i")
    search = measure_search(library, tmp_path / "cache", repeats=1)
    typing = measure_typing(library, tmp_path / "cache", tmp_path / "t", runs=1)
    assert startup["time_ratio"] > 0 and search["p95_ratio"] > 0
    assert indexing["one_change_fraction"] < 1  # one changed article is not a full rebuild
    assert typing["keys"] == 20 and typing["results_after_last_key_ms"] is not None
    growth = {100: {"startup_s": 1, "memory_mb": 80, "build_s": 1, "index_mb": 1,
                    "search_p95_ms": 5, "startup_ratio": 2},
              1000: {"startup_s": 1.2, "memory_mb": 90, "build_s": 9, "index_mb": 9,
                     "search_p95_ms": 9, "startup_ratio": 2}}
    plot(growth, tmp_path / "growth.png")
    assert (tmp_path / "growth.png").stat().st_size > 1000
    print_table({"startup_bundled": startup, "startup_largest": startup, "search": search,
                 "indexing": indexing, "typing": typing, "sizes": [100], "growth": growth})
    assert "search p95" in capsys.readouterr().out
