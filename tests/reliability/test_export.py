"""PDF handouts (`reader export`, File › Export PDF): written without a print server, and a
target that cannot be written is refused with the reason, leaving nothing behind."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.diagram.states import STILL_SIZE
from reader.library import load_library
from reader.library.links import Location
from reader.system import paths
from reader.ui.main_window import MainWindow
from reader.user.settings import Settings

LOW = "lows-highs-and-sick-days/treating-a-low-the-15-15-rule"
IR = "diabetes-basics/what-is-insulin-resistance"  # has a diagram still
#: A print server address that does not answer (reserved, unrouted).
NOWHERE = "10.255.255.1"
#: A connect() to the network, or to the local CUPS socket, in an ``strace`` line.
NETWORK_CONNECT = re.compile(
    r'connect\(\d+, \{sa_family=(AF_INET6?\b|AF_UNIX, sun_path="[^"]*cups[^"]*")')

# The window, exporting the article argv[3] to argv[1]; its warnings are printed.
WINDOW_EXPORT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication, QMessageBox
    app = QApplication(sys.argv[:1])
    from reader.system import paths
    from reader.library import load_library
    from reader.library.links import Location
    from reader.user.settings import Settings
    from reader.ui.main_window import MainWindow
    QMessageBox.warning = staticmethod(lambda parent, title, text, *a: print("warning:", text))
    base = Path(sys.argv[2])
    win = MainWindow(load_library(paths.bundled_library()), Settings.in_folder(base / "config"),
                     base / "cache", base / "data")
    win.show()
    win.navigator.go(Location.article(sys.argv[3]))
    print("saved:", win.export_pdf(Path(sys.argv[1])))
    print("print support loaded:", "PySide6.QtPrintSupport" in sys.modules)
    win.close()
""")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CUPS_SERVER", "DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def _export_command(target: Path, article: str = LOW) -> list[str]:
    return [sys.executable, "-m", "reader", "export", article, "--pdf", str(target)]


def _window_command(target: Path, base: Path, article: str = LOW) -> list[str]:
    return [sys.executable, "-c", WINDOW_EXPORT, str(target), str(base), article]


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


# -- no print server -------------------------------------------------------------------------

def _traced(command: list[str], env: dict[str, str], trace: Path,
            ) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run ``command`` under ``strace``; the result and its network connect() calls."""
    if not shutil.which("strace"):
        pytest.skip("strace is not installed (tools/system-deps.sh --install adds it)")
    probe = subprocess.run(["strace", "-f", "-e", "trace=connect", "-o", os.devnull, "true"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"strace cannot trace here: {probe.stderr.strip()}")
    result = subprocess.run(["strace", "-f", "-e", "trace=connect", "-o", str(trace), *command],
                            capture_output=True, text=True, env=env, timeout=300)
    calls = trace.read_text(encoding="utf-8", errors="replace").splitlines()
    return result, [line for line in calls if NETWORK_CONNECT.search(line)]


@pytest.mark.parametrize("cups_server", [None, NOWHERE], ids=["no-cups-server", "cups-server"])
def test_export_command_never_contacts_a_print_server(tmp_path, cups_server):
    target = tmp_path / "low.pdf"
    env = _env(**({"CUPS_SERVER": cups_server} if cups_server else {}))
    result, network = _traced(_export_command(target), env, tmp_path / "trace")
    assert result.returncode == 0, result.stderr
    assert network == [], "connections attempted:\n" + "\n".join(network)
    assert "Treating a Low: the 15-15 Rule" in _pdf_text(target)


@pytest.mark.parametrize("cups_server", [None, NOWHERE], ids=["no-cups-server", "cups-server"])
def test_window_export_never_contacts_a_print_server(tmp_path, cups_server):
    target = tmp_path / "low.pdf"
    env = _env(**({"CUPS_SERVER": cups_server} if cups_server else {}))
    result, network = _traced(_window_command(target, tmp_path), env, tmp_path / "trace")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"saved: {target}" in result.stdout and "warning:" not in result.stdout
    assert network == [], "connections attempted:\n" + "\n".join(network)
    assert "print support loaded: False" in result.stdout
    assert "Treating a Low: the 15-15 Rule" in _pdf_text(target)


def test_export_does_not_wait_for_a_print_server_that_never_answers(tmp_path):
    """A print server that accepts and then says nothing held the export for minutes."""
    started = time.monotonic()
    usual = subprocess.run(_export_command(tmp_path / "usual.pdf"), capture_output=True,
                           text=True, env=_env(), timeout=300)
    assert usual.returncode == 0, usual.stderr
    guard = max(30.0, 5 * (time.monotonic() - started))  # a guard, not a timing
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        env = _env(CUPS_SERVER=f"127.0.0.1:{silent.getsockname()[1]}")
        try:
            result = subprocess.run(_export_command(tmp_path / "low.pdf"), capture_output=True,
                                    text=True, env=env, timeout=guard)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the export waited for the print server (still running after "
                        f"{guard:.0f} s; it usually takes far less)")
        silent.setblocking(False)
        contacted = 0
        while True:
            try:
                silent.accept()[0].close()
            except BlockingIOError:
                break
            contacted += 1
    assert result.returncode == 0, result.stderr
    assert contacted == 0, f"the print server was contacted {contacted} time(s)"


def test_handout_pdf_keeps_its_layout(tmp_path):
    """A4 here (the C locale), page numbers, the document's title, the diagram at print
    resolution: the same handout as before it stopped going through QPrinter."""
    target = tmp_path / "ir.pdf"
    env = _env(LC_ALL="C.UTF-8", LANG="C.UTF-8")
    result = subprocess.run(_export_command(target, IR), capture_output=True, text=True,
                            env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(str(target))
    assert len(reader.pages) >= 2
    assert all([round(float(v)) for v in page.mediabox] == [0, 0, 595, 842]
               for page in reader.pages)
    assert reader.metadata.title == "What Is Insulin Resistance?"
    for number, page in enumerate(reader.pages, start=1):
        assert page.extract_text().rstrip().endswith(str(number))  # the page number
    images = [ref.get_object() for page in reader.pages
              for ref in (page["/Resources"].get("/XObject") or {}).values()]
    widths = [image["/Width"] for image in images if image.get("/Subtype") == "/Image"]
    assert widths and max(widths) >= STILL_SIZE[0] * 3  # drawn for ~300 dpi


# -- a target that cannot be written ---------------------------------------------------------

def _unprivileged() -> list[str]:
    """A command prefix under which folder permissions apply (root ignores them)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root and setpriv is missing: permissions cannot be tested")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


@pytest.fixture
def read_only_folder(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def _unwritable_targets(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Target → what the message must say, for a missing folder and a folder at the path."""
    (tmp_path / "a-folder.pdf").mkdir()
    (tmp_path / "a-file").write_text("x")
    return {
        "missing folder": (tmp_path / "nowhere" / "low.pdf",
                           f"the folder {tmp_path / 'nowhere'} does not exist"),
        "folder at the path": (tmp_path / "a-folder.pdf", "is a folder"),
        "file instead of a folder": (tmp_path / "a-file" / "low.pdf",
                                     f"{tmp_path / 'a-file'} is not a folder"),
    }


def _leftovers(tmp_path: Path) -> list[Path]:
    return sorted(p for p in tmp_path.rglob("*")
                  if p.name not in ("a-folder.pdf", "a-file", "read-only", "nowhere", "user"))


def test_export_command_says_why_the_pdf_cannot_be_written(tmp_path):
    for case, (target, reason) in _unwritable_targets(tmp_path).items():
        result = subprocess.run(_export_command(target), capture_output=True, text=True,
                                env=_env(), timeout=300)
        assert result.returncode == 1, (case, result.stderr)
        assert reason in result.stderr and str(target) in result.stderr, (case, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert (tmp_path / "a-folder.pdf").is_dir() and not any((tmp_path / "a-folder.pdf").iterdir())
    assert _leftovers(tmp_path) == []


def test_export_command_into_a_read_only_folder(read_only_folder):
    target = read_only_folder / "low.pdf"
    result = subprocess.run([*_unprivileged(), *_export_command(target)], capture_output=True,
                            text=True, env=_env(), timeout=300)
    assert result.returncode == 1, result.stderr
    assert f"{target}: Permission denied" in result.stderr, result.stderr
    assert list(read_only_folder.iterdir()) == []


def test_export_command_leaves_a_read_only_file_as_it_is(tmp_path):
    target = tmp_path / "kept.pdf"
    target.write_bytes(b"the handout printed last year")
    target.chmod(0o444)
    result = subprocess.run([*_unprivileged(), *_export_command(target)], capture_output=True,
                            text=True, env=_env(), timeout=300)
    assert result.returncode == 1, result.stderr
    assert f"cannot save {target}: the file there is read-only" in result.stderr
    assert target.read_bytes() == b"the handout printed last year"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.pdf"]


def test_window_export_into_a_read_only_folder(read_only_folder, tmp_path):
    target = read_only_folder / "low.pdf"
    result = subprocess.run([*_unprivileged(), *_window_command(target, tmp_path / "user")],
                            capture_output=True, text=True, env=_env(), timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"warning: cannot save {target}: Permission denied" in result.stdout, result.stdout
    assert "saved: None" in result.stdout
    assert list(read_only_folder.iterdir()) == []


def test_window_export_says_why_the_pdf_cannot_be_written(qtbot, tmp_path, monkeypatch):
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: warnings.append(text)))
    win = MainWindow(load_library(paths.bundled_library()),
                     Settings.in_folder(tmp_path / "user" / "config"), tmp_path / "user" / "cache",
                     tmp_path / "user" / "data")
    qtbot.addWidget(win)
    win.show()
    win.navigator.go(Location.article(LOW))
    for case, (target, reason) in _unwritable_targets(tmp_path).items():
        warnings.clear()
        assert win.export_pdf(target) is None, case
        assert len(warnings) == 1 and reason in warnings[0] and str(target) in warnings[0], \
            (case, warnings)
    assert not any((tmp_path / "a-folder.pdf").iterdir())
    assert [p for p in _leftovers(tmp_path) if "user" not in p.parts] == []
    QApplication.processEvents()
