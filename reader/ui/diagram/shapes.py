"""The diagram's elements, one function each: where they go comes from
``reader.diagram.geometry``, their colours from the caller. Sizes are in units of ``unit``
(pixels per unit), so each element scales with the picture.

Each element has its own shape as well as its own colour (hexagon, key, Y, two bars), so
nothing depends on colour alone.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPen,
)

from reader.diagram.geometry import Label, Point

_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
          "right": Qt.AlignmentFlag.AlignRight}


def diagram_font(pixel_size: int, bold: bool) -> QFont:
    """The application's font at this size: the one text is both measured and drawn in."""
    font = QFont(QGuiApplication.font())
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font


def measure_text(text: str, pixel_size: int, bold: bool,
                 width: float | None) -> tuple[float, float]:
    """The ``TextMeasure`` the geometry needs, with the real font: one line, or wrapped."""
    metrics = QFontMetricsF(diagram_font(pixel_size, bold))
    if width is None:
        return metrics.horizontalAdvance(text) + 2, metrics.height()
    box = metrics.boundingRect(QRectF(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text)
    return width, box.height()


def label(painter: QPainter, text: Label, colour: QColor) -> None:
    """A label in the box the geometry measured for it."""
    box = text.box
    painter.setFont(diagram_font(text.pixel_size, text.bold))
    painter.setPen(colour)
    painter.drawText(QRectF(box.left, box.top, box.width, box.height),
                     int(_ALIGN[text.align] | Qt.TextFlag.TextWordWrap), text.text)


def hexagon(center: Point, radius: float) -> QPainterPath:
    """A flat-sided hexagon, pointy at top and bottom (glucose is a six-sided ring)."""
    middle = QPointF(*center)
    path = QPainterPath()
    for corner in range(6):
        angle = math.pi / 3 * corner + math.pi / 6
        point = middle + QPointF(radius * math.cos(angle), radius * math.sin(angle))
        if corner == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    return path


def glucose(painter: QPainter, center: Point, unit: float, fill: QColor, outline: QColor,
            scale: float = 1.0) -> None:
    """A glucose molecule: an orange hexagon."""
    painter.setPen(QPen(outline, 1.2 * unit))
    painter.setBrush(fill)
    painter.drawPath(hexagon(center, 8.5 * unit * scale))


def insulin_key(painter: QPainter, center: Point, unit: float, fill: QColor, outline: QColor,
                hole: QColor, angle: float = 0.0) -> None:
    """A key: a ring and a toothed stem (insulin as the key that starts the signal).
    ``hole`` is the background, seen through the ring."""
    painter.save()
    painter.translate(QPointF(*center))
    painter.rotate(angle)
    painter.setPen(QPen(outline, 1.1 * unit))
    painter.setBrush(fill)
    painter.drawEllipse(QPointF(0, -6 * unit), 5.5 * unit, 5.5 * unit)
    stem = QPainterPath()
    stem.addRect(QRectF(-1.8 * unit, -1 * unit, 3.6 * unit, 12 * unit))
    stem.addRect(QRectF(1.8 * unit, 6 * unit, 3 * unit, 2.4 * unit))
    stem.addRect(QRectF(1.8 * unit, 9.5 * unit, 2.2 * unit, 2 * unit))
    painter.drawPath(stem.simplified())
    painter.setBrush(hole)
    painter.drawEllipse(QPointF(0, -6 * unit), 2 * unit, 2 * unit)
    painter.restore()


def receptor(painter: QPainter, foot: Point, unit: float, colour: QColor) -> None:
    """A Y-shaped receptor standing on the membrane at ``foot``; its arms reach 22 units up,
    and insulin sits just above them (``geometry`` places it)."""
    x, y = foot
    painter.setPen(QPen(colour, 4 * unit, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(x, y + 6 * unit), QPointF(x, y - 10 * unit))
    painter.drawLine(QPointF(x, y - 10 * unit), QPointF(x - 8 * unit, y - 22 * unit))
    painter.drawLine(QPointF(x, y - 10 * unit), QPointF(x + 8 * unit, y - 22 * unit))


def door(painter: QPainter, center: Point, unit: float, fill: QColor, outline: QColor,
         scale: float = 1.0) -> None:
    """A GLUT4 transporter, standing upright: two bars with a channel between them."""
    x, y = center
    size = unit * scale
    painter.setPen(QPen(outline, 1.1 * unit))
    painter.setBrush(fill)
    for dx in (-9 * size, 4 * size):
        painter.drawRoundedRect(QRectF(x + dx, y - 13 * size, 5 * size, 26 * size),
                                2 * size, 2 * size)


def arrow(painter: QPainter, start: Point, end: Point, unit: float, colour: QColor,
          width: float, dashed: bool = False) -> None:
    """A line from ``start`` with an open head at ``end``; ``width`` in units. Dashed for a
    weak signal."""
    style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
    tip = QPointF(*end)
    painter.setPen(QPen(colour, width * unit, style, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(*start), tip)
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    size = (6 + width) * unit
    head = QPainterPath(tip)
    for side in (-1, 1):
        head.lineTo(end[0] - size * math.cos(angle + side * 0.45),
                    end[1] - size * math.sin(angle + side * 0.45))
        head.moveTo(tip)
    painter.setPen(QPen(colour, width * unit, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(head)
