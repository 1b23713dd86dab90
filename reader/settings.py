"""The user's settings: a small JSON file in their config folder.

Kept free of Qt so it is tested without a display, and robust on a shared clinic PC: a file
that cannot be parsed is set aside (renamed, never deleted) and the app starts with defaults;
writes go to a temporary file that is renamed over the old one, so a crash never leaves half a
file behind. If the folder cannot be written, settings still work for the session.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.json_file import DamagedFileError, read_json, write_json

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
            data = read_json(self.path, lambda data: isinstance(data, dict))
        except OSError as error:
            self.problem = f"Settings could not be read ({error.strerror}); using defaults."
            return
        except DamagedFileError as error:
            self.problem = f"Settings were damaged and have been reset.{error}"
            return
        self.values = data or {}

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self.values[key] = value

    def save(self) -> bool:
        """Write atomically; ``False`` (and :attr:`problem` set) if it cannot be written."""
        try:
            write_json(self.path, self.values)
        except OSError as error:
            self.problem = f"Settings cannot be saved in {self.path.parent} ({error.strerror})."
            return False
        return True
