"""The user's settings: a small JSON file in their config folder.

Kept free of Qt so it is tested without a display, and robust on a shared clinic PC
(``reader.system.json_file.JsonStore``): a file that cannot be parsed is set aside (renamed, never
deleted) and the app starts with defaults; one that cannot be read is left alone and never
saved over; writes go to a synced temporary file that is renamed over the old one, so a crash
never leaves half a file behind. If the folder cannot be written, settings still work for the
session.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.system.json_file import JsonStore, StoredInJson

SETTINGS_FILE = "settings.json"


class Settings(StoredInJson):
    def __init__(self, path: Path) -> None:
        self._store = JsonStore(
            path, lambda data: isinstance(data, dict), what="Settings",
            damaged="Settings were damaged and have been reset.",
            instead="defaults are used", meanwhile="changes last until the app closes")
        self.values: dict[str, Any] = self._store.load() or {}

    @classmethod
    def in_folder(cls, folder: Path) -> Settings:
        return cls(folder / SETTINGS_FILE)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self.values[key] = value

    def save(self) -> bool:
        """Write atomically; ``False`` (and :attr:`problem` set) if it cannot be written, or
        must not be because the file there could not be read."""
        return self._store.save(self.values)
