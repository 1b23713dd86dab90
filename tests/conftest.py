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
    return base


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
