"""`make bench`: how fast the reader is, side by side with what a user could pick instead.

Every comparison is made in one run on this machine (it is shared and noisy), as a ratio,
with medians over several runs. Writes bench/results.json, bench/growth.png, prints a table.

    python -m bench.run [--sizes 100,1000,10000] [--runs 5] [--quick]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.make_library import make_library

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench"

#: 50 realistic queries for the synthetic library (it is made of Python's own help texts).
QUERIES = [
    "string methods", "exception handling", "class attribute", "import module", "dictionary",
    "list comprehension", "function arguments", "keyword arguments", "integer division",
    "floating point", "unicode strings", "file object", "iterator protocol", "generator",
    "context manager", "with statement", "operator precedence", "boolean operations",
    "comparison", "slicing", "sequence types", "mapping types", "set operations", "lambda",
    "decorator", "metaclass", "descriptor", "inheritance", "method resolution", "namespace",
    "scope rules", "global statement", "nonlocal", "assignment expression", "augmented",
    "raise exception", "try finally", "assert", "del statement", "return value", "yield",
    "await coroutine", "async for", "formatted string literals", "format specification",
    "special method names", "emulating numeric types", "object identity", "garbage collection",
    "built in functions",
]
BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser
app = QApplication(sys.argv)
view = QTextBrowser()
view.setHtml("<p>One paragraph of text, as a baseline for start-up.</p>")
view.show()
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
probe = Painted()
view.viewport().installEventFilter(probe)
app.exec()
"""


def child(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time (s) and peak memory (MB) of one process, started to finished.

    Memory comes from GNU time, run in between: a child's own peak would otherwise include
    the memory it shared with this (large) process when it was forked.
    """
    timer = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []
    started = time.perf_counter()
    result = subprocess.run(timer + command, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{command} failed: {result.stderr[-500:]}")
    peak_kb = int(result.stderr.strip().splitlines()[-1]) if timer else 0
    return wall, peak_kb / 1024


def user_env(base: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # Measure the app as installed, with its modules compiled (a wheel or the frozen build has
    # bytecode; the warm-up run writes it for a source checkout).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for name in ("CACHE", "CONFIG", "DATA", "LOG"):
        env[f"DIABETES_READER_{name}_DIR"] = str(base / name.lower())
    return env


def measure_startup(library: Path | None, runs: int, work: Path) -> dict:
    """The reader's start to first paint against a bare QTextBrowser window, interleaved."""
    env = user_env(work / "startup")
    reader = [sys.executable, "-m", "reader", "--exit-after-paint"]
    if library is not None:
        reader += ["--library", str(library)]
    bare = [sys.executable, "-c", BARE]
    child(bare, env), child(reader, env)  # warm the disk cache for both
    ours, theirs = [], []
    for _ in range(runs):
        theirs.append(child(bare, env))
        ours.append(child(reader, env))
    result = {
        "reader_s": statistics.median(w for w, _ in ours),
        "bare_s": statistics.median(w for w, _ in theirs),
        "reader_mb": statistics.median(m for _, m in ours),
        "bare_mb": statistics.median(m for _, m in theirs),
    }
    result["time_ratio"] = result["reader_s"] / result["bare_s"]
    result["memory_ratio"] = result["reader_mb"] / result["bare_mb"]
    return result


def measure_startup_instructions(work: Path) -> dict | None:
    """Start-up counted in CPU instructions (valgrind's callgrind), bare window against the
    reader with the bundled library: unlike seconds, the same on a busy machine. ``None`` if
    valgrind is not installed."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    env = user_env(work / "startup")

    def instructions(command: list[str]) -> int:
        result = subprocess.run([valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null",
                                 *command], env=env, capture_output=True, text=True)
        found = re.search(r"Collected : (\d+)", result.stderr)
        if result.returncode != 0 or found is None:
            raise RuntimeError(f"{command} under valgrind failed: {result.stderr[-500:]}")
        return int(found.group(1))

    bare = instructions([sys.executable, "-c", BARE])
    reader = instructions([sys.executable, "-m", "reader", "--exit-after-paint"])
    return {"reader_instructions": reader, "bare_instructions": bare,
            "ratio": reader / bare}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def fts_query(text: str) -> str:
    words = [w for w in text.replace('"', " ").split() if w.isalnum()]
    return " OR ".join(f'"{w}"' for w in words)


def measure_search(library_dir: Path, cache: Path, repeats: int = 3) -> dict:
    """p50/p95 of 50 queries with highlighted snippets: ours against SQLite FTS5 (porter, bm25,
    snippet()) over the same article texts."""
    from reader.library import load_library
    from reader.search.documents import iter_documents
    from reader.search.engine import SearchEngine
    from reader.search.store import open_or_build

    library = load_library(library_dir)
    ix, _ = open_or_build(library, cache)  # the index measure_indexing built, if it ran first
    engine = SearchEngine(ix)
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, "
               "tokenize='porter')")
    db.executemany("INSERT INTO docs VALUES (?, ?, ?)",
                   [(d["id"], d["title"], d["body"]) for _, d in iter_documents(library) if d])
    db.commit()
    ours, theirs = [], []
    for query in QUERIES * repeats:
        started = time.perf_counter()
        engine.search(query, limit=20)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        db.execute("SELECT id, title, snippet(docs, 2, '[', ']', '…', 24) FROM docs "
                   "WHERE docs MATCH ? ORDER BY bm25(docs, 0, 5.0, 1.0) LIMIT 20",
                   (fts_query(query),)).fetchall()
        theirs.append(time.perf_counter() - started)
    engine.close()
    result = {
        "reader_p50_ms": 1000 * statistics.median(ours),
        "reader_p95_ms": 1000 * percentile(ours, 0.95),
        "fts5_p50_ms": 1000 * statistics.median(theirs),
        "fts5_p95_ms": 1000 * percentile(theirs, 0.95),
    }
    result["p95_ratio"] = result["reader_p95_ms"] / result["fts5_p95_ms"]
    return result


def measure_indexing(library_dir: Path, cache: Path, work: Path) -> dict:
    """Our full build against a naive single-process Whoosh writer; then one changed article."""
    from whoosh import index as whoosh_index
    from whoosh.fields import ID, TEXT, Schema

    from reader.library import load_library
    from reader.search.documents import iter_documents
    from reader.search.store import IndexStore, open_or_build

    library = load_library(library_dir)
    store = IndexStore(library.root, cache)
    started = time.perf_counter()
    store.build(library)
    ours = time.perf_counter() - started
    naive_dir = work / "naive-index"
    naive_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    ix = whoosh_index.create_in(str(naive_dir), Schema(id=ID(stored=True), title=TEXT(stored=True),
                                                       body=TEXT(stored=True)))
    writer = ix.writer()
    for _, document in iter_documents(library):
        if document:
            writer.add_document(id=document["id"], title=document["title"],
                                body=document["body"])
    writer.commit()
    naive = time.perf_counter() - started
    changed = library.path_of(library.articles[library.reading_order[len(library.reading_order)
                                                                      // 2]])
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more sentence.\n",
                       encoding="utf-8")
    reloaded = load_library(library_dir)
    started = time.perf_counter()
    open_or_build(reloaded, cache)
    incremental = time.perf_counter() - started
    size = sum(f.stat().st_size for f in store.current_dir().rglob("*") if f.is_file())
    return {"reader_build_s": ours, "naive_build_s": naive, "build_ratio": ours / naive,
            "one_change_s": incremental, "one_change_fraction": incremental / ours,
            "index_mb": size / 1e6}


def measure_typing(library_dir: Path, cache: Path, work: Path, runs: int = 3) -> dict:
    """The typing probe in ``runs`` fresh processes: the median of each figure."""
    probes = []
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-m", "bench.typing_probe", str(library_dir),
                                 str(cache)], capture_output=True, text=True,
                                env=user_env(work / "typing"), cwd=ROOT, timeout=3600)
        if result.returncode != 0:
            raise RuntimeError(result.stderr[-2000:])
        probes.append(json.loads(result.stdout.strip().splitlines()[-1]))
    medians = {}
    for key in probes[0]:
        values = [p[key] for p in probes if p[key] is not None]
        medians[key] = statistics.median(values) if values else None
    medians["runs"] = runs
    return medians


def measure_handout(work: Path, runs: int = 3) -> dict:
    """A 10-article clinic handout (cover, clinic, logo) built into a PDF by ``reader handout``,
    the whole command: best and median of ``runs`` (target: under 3 s on this machine)."""
    from reader.library import load_library
    from reader.system import paths

    library = load_library(paths.bundled_library())
    ids = library.reading_order[10:20]
    command = [sys.executable, "-m", "reader", "handout", *ids, "--clinic",
               "Riverside Clinic · 555-0100", "--logo", str(ROOT / "resources" / "icons" /
                                                       "app.svg"),
               "--note", "Next visit: 14 January", "--cover", "--pdf", str(work / "h.pdf")]
    env = user_env(work)
    env["QT_QPA_PLATFORM"] = "offscreen"
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
        seconds.append(time.perf_counter() - started)
    pages = _pdf_pages(work / "h.pdf")
    return {"articles": len(ids), "pages": pages, "best_s": min(seconds),
            "median_s": statistics.median(seconds)}


def _pdf_pages(path: Path) -> int:
    try:
        from pypdf import PdfReader
    except ImportError:
        return 0
    return len(PdfReader(str(path)).pages)


def plot(growth: dict[int, dict], path: Path) -> None:
    """Cost against library size, on log–log axes, drawn with Qt (no plotting library)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import math

    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
    from PySide6.QtWidgets import QApplication

    # A widgets application, not a QGuiApplication: one may be needed later in the process.
    _app = QApplication.instance() or QApplication([])
    image = QImage(900, 560, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    area = QRectF(80, 50, 560, 430)
    sizes = sorted(growth)
    series = [("Build time", "build_s", "#0072B2"), ("Search p95", "search_p95_ms", "#D55E00"),
              ("Index size", "index_mb", "#009E73"), ("Start-up", "startup_s", "#CC79A7"),
              ("Memory", "memory_mb", "#E69F00")]
    p.setPen(QPen(QColor("#333"), 1.5))
    p.drawRect(area)
    p.setFont(QFont("sans", 11))
    p.drawText(QRectF(0, 10, 900, 30), int(Qt.AlignmentFlag.AlignCenter),
               "Cost as the library grows (each line relative to its value at the smallest size)")
    x_of = {n: area.left() + area.width() * (math.log10(n) - math.log10(sizes[0]))
            / max(1e-9, math.log10(sizes[-1]) - math.log10(sizes[0])) for n in sizes}
    top = max(growth[n][key] / max(1e-9, growth[sizes[0]][key]) for _, key, _ in series
              for n in sizes)
    top = max(top, sizes[-1] / sizes[0])

    def y_of(ratio: float) -> float:
        return area.bottom() - area.height() * math.log10(max(ratio, 1e-3) + 1e-9) / math.log10(
            top * 1.2)

    p.setPen(QPen(QColor("#bbbbbb"), 1, Qt.PenStyle.DashLine))
    p.drawLine(QPointF(x_of[sizes[0]], y_of(1)), QPointF(x_of[sizes[-1]], y_of(top_linear :=
               sizes[-1] / sizes[0])))
    p.setPen(QColor("#555"))
    p.drawText(QPointF(x_of[sizes[-1]] - 120, y_of(top_linear) - 8), "linear growth")
    for n in sizes:
        p.drawText(QPointF(x_of[n] - 20, area.bottom() + 20), f"{n:,}")
    p.drawText(QPointF(area.center().x() - 60, area.bottom() + 42), "articles (log scale)")
    for index, (name, key, colour) in enumerate(series):
        base = max(1e-9, growth[sizes[0]][key])
        points = [QPointF(x_of[n], y_of(growth[n][key] / base)) for n in sizes]
        p.setPen(QPen(QColor(colour), 3))
        for a, b in itertools.pairwise(points):
            p.drawLine(a, b)
        for point in points:
            p.drawEllipse(point, 4, 4)
        p.drawLine(QPointF(665, 80 + 28 * index), QPointF(695, 80 + 28 * index))
        p.setPen(QColor("#222"))
        p.drawText(QPointF(705, 85 + 28 * index), name)
    p.end()
    image.save(str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Diabetes Reader benchmarks")
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    largest = max(sizes)
    results: dict = {"machine": f"{os.cpu_count()} cores, {sys.platform}",
                     "date": time.strftime("%Y-%m-%d"), "sizes": sizes}
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        print(f"start-up with the bundled library ({args.runs} runs each, interleaved)…")
        results["startup_bundled"] = measure_startup(None, args.runs, work)
        print("start-up in CPU instructions (callgrind)…", flush=True)
        results["startup_instructions"] = measure_startup_instructions(work)
        print("a 10-article clinic handout…", flush=True)
        results["handout"] = measure_handout(work / "handout")
        growth: dict[int, dict] = {}
        for size in sizes:
            print(f"library of {size:,} articles…", flush=True)
            library = make_library(work / f"lib-{size}", size)
            startup = measure_startup(library, max(3, args.runs // 2), work / f"s{size}")
            cache = work / f"cache-{size}"
            indexing = measure_indexing(library, cache, work / f"i{size}")
            search = measure_search(library, cache, repeats=1 if size > 1000 else 3)
            growth[size] = {"startup_s": startup["reader_s"], "startup_ratio":
                            startup["time_ratio"], "memory_mb": startup["reader_mb"],
                            "build_s": indexing["reader_build_s"], "index_mb":
                            indexing["index_mb"], "search_p95_ms": search["reader_p95_ms"]}
            if size == largest:
                results["startup_largest"] = startup
                results["indexing"] = indexing
                results["search"] = search
                print("typing in the window…", flush=True)
                results["typing"] = measure_typing(library, cache, work / "t", runs=3)
        results["growth"] = growth
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=1))
    plot(growth, args.out / "growth.png")
    print_table(results)
    return 0


def print_table(r: dict) -> None:
    s, big, q, i, t = (r["startup_bundled"], r["startup_largest"], r["search"], r["indexing"],
                     r["typing"])
    n = max(r["sizes"])
    rows = [
        ("start-up, bundled library", f"{s['reader_s']:.2f} s vs bare {s['bare_s']:.2f} s",
         f"{s['time_ratio']:.2f}×", "≤ 1.3×"),
        *([("start-up, bundled, instructions", f"{c['reader_instructions'] / 1e9:.2f} G vs bare "
            f"{c['bare_instructions'] / 1e9:.2f} G", f"{c['ratio']:.2f}×", "≤ 1.3×")]
          if (c := r.get("startup_instructions")) else []),
        ("peak memory, bundled", f"{s['reader_mb']:.0f} MB vs bare {s['bare_mb']:.0f} MB",
         f"{s['memory_ratio']:.2f}×", "≤ 1.5×"),
        (f"start-up, {n:,} articles", f"{big['reader_s']:.2f} s vs bare {big['bare_s']:.2f} s",
         f"{big['time_ratio']:.2f}×", "≤ 1.5×"),
        (f"search p95, {n:,} articles", f"{q['reader_p95_ms']:.1f} ms vs FTS5 "
         f"{q['fts5_p95_ms']:.1f} ms", f"{q['p95_ratio']:.2f}×", "≤ 2×"),
        ("typing: longest UI stall", f"{t['max_stall_ms']:.0f} ms", "", "≤ 50 ms"),
        ("typing: results after last key", f"{t['results_after_last_key_ms']} ms", "",
         "≤ 100 ms"),
        (f"full index build, {n:,}", f"{i['reader_build_s']:.1f} s vs naive "
         f"{i['naive_build_s']:.1f} s", f"{i['build_ratio']:.2f}×", "≤ 0.5×"),
        ("one changed article", f"{i['one_change_s']:.2f} s",
         f"{100 * i['one_change_fraction']:.1f}% of full", "≤ 2%"),
        *([("10-article handout (PDF)", f"{h['median_s']:.2f} s for {h['pages']} pages", "",
            "< 3 s")] if (h := r.get("handout")) else []),
    ]
    print(f"\n{'measurement':34} {'result':44} {'ratio':>16} {'target':>9}")
    for row in rows:
        print(f"{row[0]:34} {row[1]:44} {row[2]:>16} {row[3]:>9}")
    print(f"\n{'articles':>9} {'start-up s':>11} {'memory MB':>10} {'build s':>9} "
          f"{'index MB':>9} {'search p95 ms':>14}")
    for size, g in sorted(r["growth"].items(), key=lambda item: int(item[0])):
        print(f"{int(size):>9,} {g['startup_s']:>11.2f} {g['memory_mb']:>10.0f} "
              f"{g['build_s']:>9.1f} {g['index_mb']:>9.1f} {g['search_p95_ms']:>14.1f}")


if __name__ == "__main__":
    sys.exit(main())
