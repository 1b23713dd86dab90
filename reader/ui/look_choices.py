"""The View menu's Theme and Glucose Units choices: applied, ticked in the menu and kept.

A theme applies to the whole application at once (and "Follow the System" follows the
computer's light or dark setting as it changes); a unit choice is announced with
``unitsChanged`` for the window to draw the page again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from reader.system.i18n import translate
from reader.ui import actions as action_table
from reader.ui import themes as themes_ui
from reader.user.preferences import THEME_NAMES, UNIT_NAMES, Preferences


class LookChoices(QObject):
    """The theme and units submenus' actions; ``theme`` is the theme applied now."""

    unitsChanged = Signal(str)  # noqa: N815

    def __init__(self, preferences: Preferences, window: QMainWindow) -> None:
        super().__init__(window)
        self.preferences = preferences
        self.theme_actions = action_table.choice_actions(
            window, {key: translate("Preferences", name) for key, name in THEME_NAMES.items()},
            self.set_theme, translate("LookChoices", "Colour theme"))
        self.unit_actions = action_table.choice_actions(
            window, {key: translate("Preferences", name) for key, name in UNIT_NAMES.items()},
            self.set_units, translate("LookChoices", "How glucose values are shown"))
        self.theme = themes_ui.apply_theme(QApplication.instance(), preferences.theme)
        self._tick()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme)

    def submenus(self) -> dict:
        """The ``"@theme"`` and ``"@units"`` submenus of the action table."""
        return {"theme": (translate("LookChoices", "&Theme"), self.theme_actions),
                "units": (translate("LookChoices", "&Glucose Units"), self.unit_actions)}

    def set_theme(self, name: str) -> None:
        self.preferences.theme = name
        self.theme = themes_ui.apply_theme(QApplication.instance(), name)
        self._tick()

    def set_units(self, units: str) -> None:
        self.preferences.units = units
        self._tick()
        self.unitsChanged.emit(units)

    def _tick(self) -> None:
        self.theme_actions[self.preferences.theme].setChecked(True)
        self.unit_actions[self.preferences.units].setChecked(True)

    def _on_system_scheme(self) -> None:
        if self.preferences.theme == "system":
            self.theme = themes_ui.apply_theme(QApplication.instance(), "system")
