"""The handout basket: the articles chosen for the next handout, in order, per library, kept
between runs in the reader's data folder (no Qt here). Stored like the bookmarks
(``JsonStore``: atomic writes, a damaged file set aside, never saved over one it could not
read). The note for the patient is not kept: it is written for each handout."""

from __future__ import annotations

from pathlib import Path

from reader.system.json_file import JsonStore, StoredInJson

BASKET_FILE = "handout.json"


def _valid(data: object) -> bool:
    return isinstance(data, dict) and isinstance(data.get("libraries"), dict) and all(
        isinstance(ids, list) and all(isinstance(i, str) for i in ids)
        for ids in data["libraries"].values())


class HandoutBasket(StoredInJson):
    """Every library's basket; each method takes the library's key (``Library.key``)."""

    def __init__(self, path: Path) -> None:
        self._store = JsonStore(
            path, _valid, what="The handout",
            damaged="The handout file was damaged, so a new handout was started.",
            instead="the handout starts empty", meanwhile="it lasts until the app closes")
        data = self._store.load()
        self._baskets: dict[str, list[str]] = (
            {key: list(dict.fromkeys(ids)) for key, ids in data["libraries"].items()}
            if data is not None else {})

    @classmethod
    def in_folder(cls, folder: Path) -> HandoutBasket:
        return cls(folder / BASKET_FILE)

    def ids(self, library: str) -> list[str]:
        return list(self._baskets.get(library, []))

    def add(self, library: str, article_ids: list[str]) -> int:
        """Add articles at the end (each once); how many were new."""
        basket = self._baskets.setdefault(library, [])
        new = [i for i in dict.fromkeys(article_ids) if i not in basket]
        basket.extend(new)
        return len(new)

    def remove(self, library: str, article_id: str) -> bool:
        basket = self._baskets.get(library, [])
        if article_id not in basket:
            return False
        basket.remove(article_id)
        return True

    def move(self, library: str, article_id: str, to: int) -> bool:
        """Put an article at position ``to`` (clamped); ``False`` if it is not there."""
        basket = self._baskets.get(library, [])
        if article_id not in basket:
            return False
        basket.remove(article_id)
        basket.insert(max(0, min(to, len(basket))), article_id)
        return True

    def set_order(self, library: str, article_ids: list[str]) -> None:
        """The order the reader dragged the articles into (unknown ids are ignored)."""
        basket = self._baskets.get(library, [])
        ordered = [i for i in article_ids if i in basket]
        self._baskets[library] = ordered + [i for i in basket if i not in ordered]

    def clear(self, library: str) -> None:
        self._baskets.pop(library, None)

    def save(self) -> bool:
        return self._store.save({"version": 1, "libraries": self._baskets})
