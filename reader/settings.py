"""The user's settings: a small JSON file in their config folder.

Kept free of Qt so it is tested without a display, and robust on a shared clinic PC: a file
that cannot be parsed is set aside (renamed, never deleted) and the app starts with defaults;
writes go to a temporary file that is renamed over the old one, so a crash never leaves half a
file behind. If the folder cannot be written, settings still work for the session.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from pathlib import Path
from typing import Any

SETTINGS_FILE = "settings.json"


class Settings:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.values: dict[str, Any] = {}
        #: A sentence for the user if the file was damaged or cannot be saved; else ``None``.
        self.problem: str | None = None
        self._load()

    @classmethod
    def in_folder(cls, folder: Path) -> Settings:
        return cls(folder / SETTINGS_FILE)

    def _load(self) -> None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as error:
            self.problem = f"Settings could not be read ({error}); using defaults."
            return
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except ValueError:
            aside = self.path.with_name(f"{self.path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
            try:
                os.replace(self.path, aside)
                where = f" The damaged file was kept as {aside.name}."
            except OSError:
                where = ""
            self.problem = f"Settings were damaged and have been reset.{where}"
            return
        self.values = data

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self.values[key] = value

    def save(self) -> bool:
        """Write atomically; ``False`` (and :attr:`problem` set) if it cannot be written."""
        temporary = self.path.with_name(f".{self.path.name}.{uuid.uuid4().hex}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(self.values, indent=1, sort_keys=True),
                                 encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError as error:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            self.problem = f"Settings cannot be saved in {self.path.parent} ({error.strerror})."
            return False
        return True
