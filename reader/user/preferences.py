"""The reader's display preferences, their allowed values and their steps (no Qt here).

They are stored in the user's settings file (``reader.user.settings``); the UI applies them.
"""

from __future__ import annotations

from reader.system.i18n import QT_TRANSLATE_NOOP
from reader.user.settings import Settings

#: Text size steps, in percent. Each step is one Ctrl++ / Ctrl+-.
ZOOM_STEPS = (75, 90, 100, 110, 125, 150, 175, 200, 225, 250)
DEFAULT_ZOOM = 100
#: "system" follows the computer's light or dark setting.
THEMES = ("system", "light", "dark", "high-contrast")
#: Their names in the View menu, in English: shown as ``translate("Preferences", name)``.
THEME_NAMES = {"system": QT_TRANSLATE_NOOP("Preferences", "Follow the System"),
               "light": QT_TRANSLATE_NOOP("Preferences", "Light"),
               "dark": QT_TRANSLATE_NOOP("Preferences", "Dark"),
               "high-contrast": QT_TRANSLATE_NOOP("Preferences", "High Contrast")}
#: How glucose values are shown: both units, or only one.
UNITS = ("both", "mg", "mmol")
UNIT_NAMES = {"both": QT_TRANSLATE_NOOP("Preferences", "Both (mg/dL and mmol/L)"),
              "mg": QT_TRANSLATE_NOOP("Preferences", "mg/dL Only"),
              "mmol": QT_TRANSLATE_NOOP("Preferences", "mmol/L Only")}
#: Read-aloud speeds, as speech-engine rates (-1 slowest … 0 normal … 1 fastest), and their
#: names. Even "Fast" stays easy to follow; "Slow" helps a reader who is learning the words.
#: Shown as ``translate("Preferences", name)``.
READING_RATES = {-0.5: QT_TRANSLATE_NOOP("Preferences", "Slow"),
                 -0.25: QT_TRANSLATE_NOOP("Preferences", "Relaxed"),
                 0.0: QT_TRANSLATE_NOOP("Preferences", "Normal"),
                 0.25: QT_TRANSLATE_NOOP("Preferences", "Brisk"),
                 0.5: QT_TRANSLATE_NOOP("Preferences", "Fast")}


def zoom_in(percent: int) -> int:
    """The next larger step (or the largest)."""
    return next((step for step in ZOOM_STEPS if step > percent), ZOOM_STEPS[-1])


def zoom_out(percent: int) -> int:
    """The next smaller step (or the smallest)."""
    return next((step for step in reversed(ZOOM_STEPS) if step < percent), ZOOM_STEPS[0])


def read_faster(rate: float) -> float:
    """The next faster reading speed (or the fastest)."""
    return next((step for step in READING_RATES if step > rate), max(READING_RATES))


def read_slower(rate: float) -> float:
    """The next slower reading speed (or the slowest)."""
    return next((step for step in reversed(READING_RATES) if step < rate), min(READING_RATES))


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

    @property
    def reading_rate(self) -> float:
        return self._choice("reading_rate", tuple(READING_RATES), 0.0)

    @reading_rate.setter
    def reading_rate(self, rate: float) -> None:
        if rate not in READING_RATES:
            raise ValueError(f"unknown reading speed {rate!r}")
        self.settings.set("reading_rate", rate)

    @property
    def voice(self) -> str | None:
        """The read-aloud voice chosen by name (``None``: the system's default voice)."""
        value = self.settings.get("voice")
        return value if isinstance(value, str) and value else None

    @voice.setter
    def voice(self, name: str | None) -> None:
        self.settings.set("voice", name)
