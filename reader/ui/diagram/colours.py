"""Between Qt's colours and the diagram's: a QPalette read into a ``DiagramPalette``, and the
palette's hex strings made into QColors. The only place the diagram's colours meet Qt."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from reader.diagram.palette import DiagramPalette


def diagram_palette(palette: QPalette | None = None) -> DiagramPalette:
    """The diagram's colours for a widget's palette (the application's if None), so the
    picture follows the theme shown around it."""
    palette = palette or QGuiApplication.palette()
    return DiagramPalette.from_roles({
        "Base": hex_colour(palette.color(QPalette.ColorRole.Base)),
        "Text": hex_colour(palette.color(QPalette.ColorRole.Text)),
    })


def hex_colour(colour: QColor) -> str:
    """``#rrggbb``, or ``#rrggbbaa`` if it is see-through (the palette's form)."""
    name = colour.name(QColor.NameFormat.HexRgb)
    return name if colour.alpha() == 255 else f"{name}{colour.alpha():02x}"


def qcolor(colour: str) -> QColor:
    """A palette colour (``#rrggbb`` or ``#rrggbbaa``) as a QColor."""
    if len(colour) == 9:
        red, green, blue, alpha = (int(colour[i:i + 2], 16) for i in (1, 3, 5, 7))
        return QColor(red, green, blue, alpha)
    return QColor(colour)
