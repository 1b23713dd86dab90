"""Hostile input: anything typed into search, and mistakes on the command line."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.library import load_library
from reader.search.engine import SearchEngine
from reader.search.store import open_or_build
from reader.system import paths

#: A search must come back within this bound whatever is typed (a person's query takes ms).
TIME_BOUND_S = 2.0
#: Examples per property in CI; `FUZZ_EXAMPLES=20000 make test` runs the long fuzz.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "500"))

SYNTAX = st.sampled_from(['"', "'", "(", ")", "AND", "OR", "NOT", "*", "?", "~", "^", ":",
                          "[", "]", "{", "}", "TO", "\\", "-", "+", "/", "title:", "*:*",
                          "ANDNOT", "ANDMAYBE", "~2", "^3", "\x00", "\u202e", "🍎"])
WORDS = st.sampled_from(["insulin", "sugar", "low", "diabetis", "resistence", "a1c", "70",
                         "3.9", "keto", "mg/dL", "what", "is"])


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    ix, _ = open_or_build(load_library(paths.bundled_library()),
                          tmp_path_factory.mktemp("fuzz-index"))
    engine = SearchEngine(ix)
    yield engine
    engine.close()


def timed_search(engine, text: str, typing: bool) -> None:
    started = time.perf_counter()
    results = engine.search(text, limit=20, typing=typing)
    elapsed = time.perf_counter() - started
    assert isinstance(results.hits, tuple)
    assert elapsed < TIME_BOUND_S, f"{text[:60]!r} took {elapsed:.2f} s"


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=st.text(max_size=300), typing=st.booleans())
def test_any_unicode_text(engine, text, typing):
    timed_search(engine, text, typing)


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(parts=st.lists(st.one_of(SYNTAX, WORDS, st.text(max_size=8)), max_size=40),
       joiner=st.sampled_from([" ", "", "  ", "\t"]), typing=st.booleans())
def test_query_syntax_fragments(engine, parts, joiner, typing):
    timed_search(engine, joiner.join(parts), typing)


@pytest.mark.parametrize("text", [
    "*", "*ulin", "?nsulin", "*" * 5000, "insulin " * 10_000, "a" * 100_000,
    " ".join(f"word{i}" for i in range(10_000)), '"' * 1000, "(" * 5000, "NOT " * 3000,
])
def test_pathological_queries_are_limited_not_run_unbounded(engine, text):
    timed_search(engine, text, typing=False)
    timed_search(engine, text, typing=True)


@pytest.mark.parametrize(("argv", "message"), [
    (["--bogus"], "unrecognized arguments: --bogus"),
    (["search"], "required: query"),
    (["diagram", "--state", "sideways"], "invalid choice"),
    (["diagram", "--size", "big", "--png", "x.png"], "is not a size"),
    (["check", "--library", "/no/such/folder"], "not a folder"),
    (["check", "--library", "/etc/hostname"], "not a folder"),
    (["export", "nope", "--pdf", "x.pdf"], "no article 'nope'"),
])
def test_command_line_mistakes_get_one_line_and_a_non_zero_exit(argv, message):
    result = subprocess.run([sys.executable, "-m", "reader", *argv], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


def test_a_folder_that_cannot_be_read_is_reported_not_raised(tmp_path, monkeypatch, capsys):
    (tmp_path / "lib").mkdir()

    def denied(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("os.scandir", denied)
    assert main(["check", "--library", str(tmp_path / "lib")]) == 1
    out = capsys.readouterr().out
    assert "folder cannot be read: Permission denied" in out
