"""The reader's display preferences, their allowed values and their steps (no Qt here).

They are stored in the user's settings file (``reader.user.settings``); the UI applies them.
"""

from __future__ import annotations

from reader.user.settings import Settings

#: Text size steps, in percent. Each step is one Ctrl++ / Ctrl+-.
ZOOM_STEPS = (75, 90, 100, 110, 125, 150, 175, 200, 225, 250)
DEFAULT_ZOOM = 100
#: "system" follows the computer's light or dark setting.
THEMES = ("system", "light", "dark", "high-contrast")
THEME_NAMES = {"system": "Follow the System", "light": "Light", "dark": "Dark",
               "high-contrast": "High Contrast"}
#: How glucose values are shown: both units, or only one.
UNITS = ("both", "mg", "mmol")
UNIT_NAMES = {"both": "Both (mg/dL and mmol/L)", "mg": "mg/dL Only", "mmol": "mmol/L Only"}


def zoom_in(percent: int) -> int:
    """The next larger step (or the largest)."""
    return next((step for step in ZOOM_STEPS if step > percent), ZOOM_STEPS[-1])


def zoom_out(percent: int) -> int:
    """The next smaller step (or the smallest)."""
    return next((step for step in reversed(ZOOM_STEPS) if step < percent), ZOOM_STEPS[0])


class Preferences:
    """Typed access to the display preferences in a :class:`Settings` file."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def _choice(self, key: str, allowed: tuple, default):
        value = self.settings.get(key, default)
        return value if value in allowed else default

    @property
    def zoom(self) -> int:
        value = self.settings.get("zoom", DEFAULT_ZOOM)
        if not isinstance(value, int) or isinstance(value, bool):
            return DEFAULT_ZOOM
        return min(max(value, ZOOM_STEPS[0]), ZOOM_STEPS[-1])

    @zoom.setter
    def zoom(self, percent: int) -> None:
        self.settings.set("zoom", min(max(int(percent), ZOOM_STEPS[0]), ZOOM_STEPS[-1]))

    @property
    def theme(self) -> str:
        return self._choice("theme", THEMES, "system")

    @theme.setter
    def theme(self, name: str) -> None:
        if name not in THEMES:
            raise ValueError(f"unknown theme {name!r}")
        self.settings.set("theme", name)

    @property
    def units(self) -> str:
        return self._choice("units", UNITS, "both")

    @units.setter
    def units(self, name: str) -> None:
        if name not in UNITS:
            raise ValueError(f"unknown units {name!r}")
        self.settings.set("units", name)
