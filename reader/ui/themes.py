"""Applying a colour theme (``reader.render.themes``) to the whole application."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from reader.render import themes

#: Focus must always be visible: a clear outline on every control that takes it.
FOCUS_STYLE = """
QTreeView:focus, QListView:focus, QListWidget:focus, QTextBrowser:focus, QLineEdit:focus,
QTabBar::tab:focus, QPushButton:focus, QToolButton:focus, QCheckBox:focus, QRadioButton:focus {
    border: 2px solid palette(highlight);
}
"""


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def palette_for(name: str) -> QPalette:
    palette = QPalette()
    for role_name, colour in themes.PALETTES[name].items():
        role = getattr(QPalette.ColorRole, role_name)
        palette.setColor(QPalette.ColorGroup.All, role, QColor(colour))
        if role_name in ("Text", "WindowText", "ButtonText"):
            disabled = QColor(colour)
            disabled.setAlphaF(0.45)
            palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_theme(app: QApplication, preference: str) -> str:
    """Apply ``preference`` ("system" follows the computer); returns the theme now shown."""
    name = themes.resolve(preference, system_is_dark())
    # The style is Fusion, chosen when the application is made (``reader.ui.app``).
    app.setPalette(palette_for(name))
    app.setStyleSheet(FOCUS_STYLE)
    return name
