"""Shared fixtures. Qt runs offscreen, and every user folder points into a temporary folder, so
tests never read or change the real user's settings, bookmarks or index."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(autouse=True)
def user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    base = tmp_path_factory.mktemp("user")
    for name in ("CACHE", "CONFIG", "DATA"):
        monkeypatch.setenv(f"DIABETES_READER_{name}_DIR", str(base / name.lower()))
    # English unless a test asks for another language, whatever the machine's locale.
    monkeypatch.setenv("LANGUAGE", "en")
    return base


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A test that switched the interface's language (a command run with --language es)
    leaves the next one in English."""
    yield
    from reader.system import i18n

    if i18n.language() != i18n.SOURCE_LANGUAGE or i18n._state["lookup"] is not None:
        i18n.set_language(i18n.SOURCE_LANGUAGE)
        i18n.bind(None)
        i18n.bind_dates(None)
        i18n.bind_numbers(None)


MakeLibrary = Callable[[dict[str, str | bytes]], Path]


@pytest.fixture
def make_library(tmp_path: Path) -> MakeLibrary:
    """Write ``{relative path: text or bytes}`` into a fresh folder and return it."""

    def make(files: dict[str, str | bytes]) -> Path:
        return write_files(tmp_path / "library", files)

    return make


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{relative path: text or bytes}`` under ``root`` (text is dedented)."""
    for relpath, content in files.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


def article(title: str, body: str = "Some text.", **meta: str) -> str:
    """A small article in the library format."""
    lines = ["---", f"title: {title}"]
    lines += [f"{key}: {value}" for key, value in meta.items()]
    lines += ["---", "", f"# {title}", "", body, ""]
    return "\n".join(lines)
