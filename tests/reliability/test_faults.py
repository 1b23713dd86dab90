"""Faults in the app itself: unexpected errors are caught, logged and shown; and the app never
opens a network connection."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.system import paths
from reader.system.logs import setup_logging
from reader.ui.errors import ErrorReporter


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_shown_and_the_app_keeps_running(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(
        (box.text(), box.informativeText(), box.detailedText())) or 0)
    log_path = setup_logging()
    widget = QWidget()
    qtbot.addWidget(widget)
    reporter = ErrorReporter(widget)
    reporter.log_path = str(log_path)
    previous = sys.excepthook
    reporter.install()
    try:
        def broken_slot() -> None:
            raise RuntimeError("the button broke")

        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
        ticks = []
        QTimer.singleShot(0, lambda: ticks.append(1))
        qtbot.waitUntil(lambda: bool(ticks), timeout=2000)  # the event loop still runs
    finally:
        sys.excepthook = previous
    text, informative, details = shown[0]
    assert "still working" in text and "RuntimeError: the button broke" in informative
    assert "Traceback" in details and "broken_slot" in details
    assert "RuntimeError: the button broke" in log_path.read_text(encoding="utf-8")
    assert log_path.parent == paths.log_dir()


NO_NETWORK = textwrap.dedent("""
    import socket, sys
    attempts = []
    def refuse(self, *args, **kwargs):
        attempts.append(args)
        raise OSError("network access is not allowed in this test")
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = lambda *a, **k: refuse(None, *a)
    sys.argv = ["reader", "--self-test"]
    from reader.cli import main
    code = main()
    assert "PySide6.QtNetwork" not in sys.modules, "QtNetwork was loaded"
    if attempts:
        print("network attempts:", attempts)
        code = 3
    sys.exit(code)
""")


def test_self_test_passes_with_every_connection_refused():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", NO_NETWORK], capture_output=True, text=True,
                            env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test: passed" in result.stdout


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="unshare -n is not permitted here")
def test_self_test_passes_with_no_network_at_all():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(["unshare", "-n", sys.executable, "-m", "reader", "--self-test"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_unexpected_error_in_a_command_is_one_line_and_logged(monkeypatch, capsys):
    from reader import cli

    def broken(args):
        raise RuntimeError("the disk caught fire")

    monkeypatch.setattr(cli, "cmd_check", broken)
    assert cli.main(["check"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("reader: unexpected error: the disk caught fire")
    log = err[0].split("(details in ", 1)[1].rstrip(")")
    assert "RuntimeError: the disk caught fire" in Path(log).read_text(encoding="utf-8")


def test_no_network_client_is_imported_to_check_and_render(tmp_path):
    # urllib.request once came in through a path helper, with http.client, ssl and email:
    # slower start-up, and a network client loaded in an app that must never use one.
    # (Search is not asked: Whoosh's own compat module imports urllib.request.)
    script = textwrap.dedent("""
        import sys
        from reader.system import paths
        from reader.cli import main
        from reader.library import load_library
        from reader.library.links import Location
        from reader.render import Renderer
        main(["check"])
        library = load_library(paths.bundled_library())
        renderer = Renderer(library)
        for article_id in library.reading_order:
            renderer.page(Location.article(article_id))
        loaded = sorted(m for m in ("http.client", "ssl", "urllib.request") if m in sys.modules)
        print("LOADED", loaded)
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               DIABETES_READER_CACHE_DIR=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, timeout=180)
    assert "LOADED []" in result.stdout, result.stdout + result.stderr
