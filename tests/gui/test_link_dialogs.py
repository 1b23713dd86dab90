"""The link dialogs alone, with a stub for the status bar: what a click on each button does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.ui import link_dialogs


def press(label: str):
    """A stand-in for ``QMessageBox.exec`` that clicks the button named ``label``."""
    def exec_(box: QMessageBox) -> int:
        for button in box.buttons():
            if button.text().replace("&", "") == label:
                button.click()
        return 0
    return exec_


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_copying_a_file_links_location_never_opens_the_file(parent, monkeypatch, tmp_path):
    opened, told = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(QMessageBox, "exec", press("Copy Location"))
    target = tmp_path / "tool.sh"
    link_dialogs.file_link(parent, QUrl.fromLocalFile(str(target)),
                           lambda text, ms: told.append(text))
    assert QGuiApplication.clipboard().text() == str(target)
    assert told == ["Location copied."] and opened == []


def test_show_folder_opens_the_folder_not_the_file(parent, monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(QMessageBox, "exec", press("Show Folder"))
    link_dialogs.file_link(parent, QUrl.fromLocalFile(str(tmp_path / "tool.sh")),
                           lambda text, ms: None)
    assert [Path(url.toLocalFile()) for url in opened] == [tmp_path]


def test_a_web_address_can_be_copied_and_is_never_opened(parent, monkeypatch):
    opened, told = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(QMessageBox, "exec", press("Copy Address"))
    link_dialogs.web_link(parent, "https://diabetes.org/x", lambda text, ms: told.append(text))
    assert QGuiApplication.clipboard().text() == "https://diabetes.org/x"
    assert told == ["Address copied."] and opened == []
