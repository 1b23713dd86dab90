"""One frame of the diagram: the geometry (``reader.diagram.geometry``) and the palette
(``reader.diagram.palette``) turned into drawing calls. One drawing serves the live widget,
the stills in articles and handouts, and ``reader diagram --png``.

Every position and size comes from the geometry and every colour from the palette; what is
left here is the order things are drawn in (later over earlier).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPainterPath, QPalette, QPen

from reader.diagram.geometry import (
    STILL_PHASE,
    BloodGeometry,
    Box,
    CellGeometry,
    DiagramGeometry,
    Label,
    PancreasGeometry,
    Panel,
    SideGeometry,
    layout_diagram,
)
from reader.diagram.palette import DiagramPalette
from reader.diagram.states import DiagramState
from reader.ui.diagram import shapes
from reader.ui.diagram.colours import diagram_palette, qcolor


def paint_diagram(painter: QPainter, rect: QRectF, state: DiagramState,
                  phase: float = STILL_PHASE, palette: QPalette | DiagramPalette | None = None,
                  caption: bool = True) -> DiagramGeometry:
    """Draw ``state`` at animation ``phase`` (0..1) into ``rect``, in the colours of
    ``palette`` (the application's if None); returns what went where (for tests)."""
    if not isinstance(palette, DiagramPalette):
        palette = diagram_palette(palette or QGuiApplication.palette())
    picture = Box(rect.x(), rect.y(), rect.width(), rect.height())
    geometry = layout_diagram(state, picture, shapes.measure_text, phase, caption)
    unit = geometry.unit
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, qcolor(palette.background))
    for text in (geometry.title, geometry.caption):
        if text is not None:
            _label(painter, text, palette)
    _paint_blood(painter, geometry.blood, unit, palette)
    _paint_cell(painter, geometry.cell, unit, palette)
    _paint_pancreas(painter, geometry.pancreas, unit, palette)
    _paint_side(painter, geometry.side, unit, palette)
    return geometry


def render_still(state: DiagramState, width: int, height: int,
                 palette: QPalette | DiagramPalette | None = None,
                 device_pixel_ratio: float = 1.0, caption: bool = True) -> QImage:
    """A picture of ``state``: for articles, print-outs and ``reader diagram --png``."""
    image = QImage(round(width * device_pixel_ratio), round(height * device_pixel_ratio),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(device_pixel_ratio)
    painter = QPainter(image)
    try:
        paint_diagram(painter, QRectF(0, 0, width, height), state, palette=palette,
                      caption=caption)
    finally:
        painter.end()
    return image


def _label(painter: QPainter, text: Label, palette: DiagramPalette) -> None:
    shapes.label(painter, text, qcolor(getattr(palette, text.colour)))


def _rect(box: Box) -> QRectF:
    return QRectF(box.left, box.top, box.width, box.height)


def _panel(painter: QPainter, panel: Panel, fill: str, edge: str) -> None:
    painter.setPen(QPen(qcolor(edge), panel.edge))
    painter.setBrush(qcolor(fill))
    painter.drawRoundedRect(_rect(panel.box), panel.radius, panel.radius)


def _paint_blood(painter: QPainter, blood: BloodGeometry, unit: float,
                 palette: DiagramPalette) -> None:
    glucose, insulin = qcolor(palette.glucose), qcolor(palette.insulin)
    outline, background = qcolor(palette.outline), qcolor(palette.background)
    _panel(painter, blood.vessel, palette.blood, palette.blood_edge)
    _label(painter, blood.label, palette)
    for molecule in blood.glucose:
        shapes.glucose(painter, molecule.center, unit, glucose, outline, molecule.scale)
    for key in blood.insulin:
        shapes.insulin_key(painter, key.center, unit, insulin, outline, background, key.angle)


def _paint_cell(painter: QPainter, cell: CellGeometry, unit: float,
                palette: DiagramPalette) -> None:
    glucose, insulin, glut4 = (qcolor(palette.glucose), qcolor(palette.insulin),
                               qcolor(palette.glut4))
    outline, background = qcolor(palette.outline), qcolor(palette.background)
    _panel(painter, cell.body, palette.cell, palette.cell_edge)
    _label(painter, cell.name_label, palette)
    _label(painter, cell.membrane_label, palette)
    receptor = qcolor(palette.receptor)
    signal = qcolor(palette.signal)
    signal.setAlphaF(cell.signal_alpha)
    for site in cell.receptors:
        shapes.receptor(painter, site.foot, unit, receptor)
        if site.insulin is not None:
            shapes.insulin_key(painter, site.insulin.center, unit, insulin, outline, background,
                               site.insulin.angle)
        if site.signal is not None:
            shapes.arrow(painter, site.signal.start, site.signal.end, unit, signal,
                         site.signal.width, site.signal.dashed)
    _label(painter, cell.signal_label, palette)
    for center in cell.doors:
        shapes.door(painter, center, unit, glut4, outline)
    for molecule in cell.entering:
        shapes.glucose(painter, molecule.center, unit, glucose, outline, molecule.scale)
    bubble = qcolor(palette.cell_edge)
    for center in cell.stored:
        painter.setPen(QPen(bubble, cell.bubble_edge, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(*center), cell.bubble_radius, cell.bubble_radius)
        shapes.door(painter, center, unit, glut4, outline, cell.stored_scale)
    if cell.stored_label is not None:
        _label(painter, cell.stored_label, palette)
    if cell.rising is not None:
        shapes.arrow(painter, cell.rising.start, cell.rising.end, unit, glut4, cell.rising.width,
                     cell.rising.dashed)
    painter.setPen(QPen(outline, cell.bolt_edge))
    painter.setBrush(qcolor(palette.energy))
    bolt = QPainterPath(QPointF(*cell.bolt[0]))
    for corner in cell.bolt[1:]:
        bolt.lineTo(QPointF(*corner))
    bolt.closeSubpath()
    painter.drawPath(bolt)
    for molecule in cell.energy_glucose:
        shapes.glucose(painter, molecule.center, unit, glucose, outline, molecule.scale)
    _label(painter, cell.energy_label, palette)


def _paint_pancreas(painter: QPainter, pancreas: PancreasGeometry, unit: float,
                    palette: DiagramPalette) -> None:
    outline = qcolor(palette.outline)
    shape = QPainterPath()
    shape.moveTo(QPointF(*pancreas.start))
    for first, second, end in pancreas.curves:
        shape.cubicTo(QPointF(*first), QPointF(*second), QPointF(*end))
    painter.setPen(QPen(qcolor(palette.pancreas_edge), pancreas.edge))
    painter.setBrush(qcolor(palette.pancreas))
    painter.drawPath(shape)
    for beta in pancreas.beta_cells:
        painter.setPen(QPen(outline, pancreas.beta_edge))
        painter.setBrush(qcolor(palette.beta_cell_tired if beta.tired else palette.beta_cell))
        painter.drawEllipse(QPointF(*beta.center), pancreas.beta_radius, pancreas.beta_radius)
    _label(painter, pancreas.name_label, palette)
    _label(painter, pancreas.role_label, palette)
    insulin, background = qcolor(palette.insulin), qcolor(palette.background)
    for key in pancreas.insulin:
        shapes.insulin_key(painter, key.center, unit, insulin, outline, background, key.angle)


def _paint_side(painter: QPainter, side: SideGeometry, unit: float,
                palette: DiagramPalette) -> None:
    _label(painter, side.title, palette)
    _panel(painter, side.gauge, palette.background, palette.outline)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(qcolor(palette.healthy_range))
    painter.drawRect(_rect(side.healthy))
    painter.setBrush(qcolor(palette.glucose))
    painter.drawRoundedRect(_rect(side.level), side.level_radius, side.level_radius)
    for text in (side.healthy_label, side.sugar_label, side.pancreas_label):
        _label(painter, text, palette)
    outline = qcolor(palette.outline)
    for row in side.legend:
        if row.kind == "glucose":
            shapes.glucose(painter, row.at, unit, qcolor(palette.glucose), outline, row.scale)
        elif row.kind == "insulin":
            shapes.insulin_key(painter, row.at, unit, qcolor(palette.insulin), outline,
                               qcolor(palette.background))
        elif row.kind == "receptor":
            shapes.receptor(painter, row.at, unit, qcolor(palette.receptor))
        else:
            shapes.door(painter, row.at, unit, qcolor(palette.glut4), outline, row.scale)
        _label(painter, row.label, palette)
