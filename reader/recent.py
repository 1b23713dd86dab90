"""Recently read articles, per library, for the home page (kept in the settings file)."""

from __future__ import annotations

from reader.settings import Settings

RECENT_LIMIT = 6


def recently_read(settings: Settings, library: str) -> list[str]:
    """Article ids, most recent first."""
    recent = settings.get("recent", {})
    items = recent.get(library, []) if isinstance(recent, dict) else []
    return [i for i in items if isinstance(i, str)][:RECENT_LIMIT]


def remember_read(settings: Settings, library: str, article_id: str) -> None:
    recent = settings.get("recent", {})
    recent = dict(recent) if isinstance(recent, dict) else {}
    items = [article_id, *(i for i in recently_read(settings, library) if i != article_id)]
    recent[library] = items[:RECENT_LIMIT]
    settings.set("recent", recent)
