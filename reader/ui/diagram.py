"""The glucose-and-insulin diagram, drawn with QPainter: vector shapes, crisp at any size.

``paint_diagram`` draws one frame of a state (what it shows comes from ``reader.diagram``);
``render_still`` makes a picture for articles, printing and ``reader diagram``;
``DiagramWidget`` animates it calmly (pause, step, reduced motion; no timer while hidden);
``DiagramWindow`` adds the controls.

Colours come from the Okabe–Ito palette, which stays distinct for colour-blind readers, and
every element also has its own shape, so nothing depends on colour alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reader.diagram import NORMAL, STATES, DiagramState

#: Smallest size at which every label fits without overlapping (tested).
MIN_SIZE = QSize(640, 480)
#: One full animation cycle, and frames per second: slow and calm.
CYCLE_MS = 7000
FRAME_MS = 50
RECEPTORS = 4

GLUCOSE = QColor("#E69F00")  # orange hexagons
INSULIN = QColor("#0072B2")  # blue keys
GLUT4 = QColor("#009E73")  # bluish-green doors
RECEPTOR = QColor("#CC79A7")  # reddish-purple Y shapes
SIGNAL = QColor("#D55E00")  # vermilion arrows


@dataclass
class Layout:
    """Where things were drawn: used by tests, and by nothing else."""

    blood: QRectF = field(default_factory=QRectF)
    cell: QRectF = field(default_factory=QRectF)
    membrane: QRectF = field(default_factory=QRectF)
    labels: list[tuple[str, QRectF]] = field(default_factory=list)


@dataclass(frozen=True)
class _Colours:
    background: QColor
    text: QColor
    muted: QColor
    blood: QColor
    blood_edge: QColor
    cell: QColor
    cell_edge: QColor
    outline: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> _Colours:
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = background.lightness() < 128
        return cls(
            background=background,
            text=text,
            muted=QColor("#b8b8b8") if dark else QColor("#555555"),
            blood=QColor("#4a2226") if dark else QColor("#fbe3e1"),
            blood_edge=QColor("#c0645e") if dark else QColor("#c96a63"),
            cell=QColor("#1f3340") if dark else QColor("#e7f1f8"),
            cell_edge=QColor("#7fb2d8") if dark else QColor("#4a7ea8"),
            outline=QColor("#f0f0f0") if dark else QColor("#222222"),
        )


def _hexagon(center: QPointF, radius: float) -> QPainterPath:
    path = QPainterPath()
    for i in range(6):
        angle = math.pi / 3 * i + math.pi / 6
        point = center + QPointF(radius * math.cos(angle), radius * math.sin(angle))
        if i == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    return path


class _Painter:
    """Draws one frame; every size is in units of ``u`` so the picture scales as a whole."""

    def __init__(self, painter: QPainter, rect: QRectF, state: DiagramState, phase: float,
                 palette: QPalette, caption: bool) -> None:
        self.p = painter
        self.rect = rect
        self.state = state
        self.phase = phase % 1.0
        self.c = _Colours.from_palette(palette)
        self.u = min(rect.width() / 800.0, rect.height() / 600.0)
        self.caption = caption
        self.layout = Layout()

    # -- text --------------------------------------------------------------------------------
    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont(QGuiApplication.font())
        font.setPixelSize(max(9, round(size * self.u)))
        font.setBold(bold)
        return font

    def label(self, text: str, point: QPointF, size: float = 13, bold: bool = False,
              align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
              colour: QColor | None = None, width: float | None = None) -> QRectF:
        """Draw ``text`` with its top-left (or top-centre / top-right) at ``point``."""
        font = self.font(size, bold)
        metrics = QFontMetricsF(font)
        if width is None:
            box = QRectF(0, 0, metrics.horizontalAdvance(text) + 2, metrics.height())
        else:
            box = metrics.boundingRect(QRectF(0, 0, width, 10_000),
                                       int(Qt.TextFlag.TextWordWrap), text)
            box.setWidth(width)
        if align == Qt.AlignmentFlag.AlignHCenter:
            box.moveTopLeft(QPointF(point.x() - box.width() / 2, point.y()))
        elif align == Qt.AlignmentFlag.AlignRight:
            box.moveTopLeft(QPointF(point.x() - box.width(), point.y()))
        else:
            box.moveTopLeft(point)
        self.p.setFont(font)
        self.p.setPen(colour or self.c.text)
        self.p.drawText(box, int(align | Qt.TextFlag.TextWordWrap), text)
        self.layout.labels.append((text, box))
        return box

    # -- shapes ------------------------------------------------------------------------------
    def glucose(self, center: QPointF, scale: float = 1.0) -> None:
        self.p.setPen(QPen(self.c.outline, 1.2 * self.u))
        self.p.setBrush(GLUCOSE)
        self.p.drawPath(_hexagon(center, 8.5 * self.u * scale))

    def insulin(self, center: QPointF, angle: float = 0.0) -> None:
        """A key: a ring and a toothed stem (insulin as the key that starts the signal)."""
        u = self.u
        self.p.save()
        self.p.translate(center)
        self.p.rotate(angle)
        self.p.setPen(QPen(self.c.outline, 1.1 * u))
        self.p.setBrush(INSULIN)
        self.p.drawEllipse(QPointF(0, -6 * u), 5.5 * u, 5.5 * u)
        stem = QPainterPath()
        stem.addRect(QRectF(-1.8 * u, -1 * u, 3.6 * u, 12 * u))
        stem.addRect(QRectF(1.8 * u, 6 * u, 3 * u, 2.4 * u))
        stem.addRect(QRectF(1.8 * u, 9.5 * u, 2.2 * u, 2 * u))
        self.p.drawPath(stem.simplified())
        self.p.setBrush(self.c.background)
        self.p.drawEllipse(QPointF(0, -6 * u), 2 * u, 2 * u)
        self.p.restore()

    def receptor(self, x: float, y: float) -> QPointF:
        """A Y-shaped receptor standing on the membrane; returns where insulin sits in it."""
        u = self.u
        pen = QPen(RECEPTOR, 4 * u, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        self.p.setPen(pen)
        self.p.drawLine(QPointF(x, y + 6 * u), QPointF(x, y - 10 * u))
        self.p.drawLine(QPointF(x, y - 10 * u), QPointF(x - 8 * u, y - 22 * u))
        self.p.drawLine(QPointF(x, y - 10 * u), QPointF(x + 8 * u, y - 22 * u))
        return QPointF(x, y - 26 * u)

    def door(self, center: QPointF, upright: bool = True, scale: float = 1.0) -> None:
        """A GLUT4 transporter: two bars with a channel between them."""
        u = self.u * scale
        self.p.setPen(QPen(self.c.outline, 1.1 * self.u))
        self.p.setBrush(GLUT4)
        if upright:
            for dx in (-9 * u, 4 * u):
                self.p.drawRoundedRect(QRectF(center.x() + dx, center.y() - 13 * u, 5 * u, 26 * u),
                                       2 * u, 2 * u)
        else:
            for dy in (-9 * u, 4 * u):
                self.p.drawRoundedRect(QRectF(center.x() - 13 * u, center.y() + dy, 26 * u, 5 * u),
                                       2 * u, 2 * u)

    def arrow(self, start: QPointF, end: QPointF, colour: QColor, width: float,
              dashed: bool = False) -> None:
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        pen = QPen(colour, width * self.u, style, Qt.PenCapStyle.RoundCap)
        self.p.setPen(pen)
        self.p.drawLine(start, end)
        angle = math.atan2(end.y() - start.y(), end.x() - start.x())
        size = (6 + width) * self.u
        head = QPainterPath(end)
        for side in (-1, 1):
            head.lineTo(end.x() - size * math.cos(angle + side * 0.45),
                        end.y() - size * math.sin(angle + side * 0.45))
            head.moveTo(end)
        self.p.setPen(QPen(colour, width * self.u, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        self.p.drawPath(head)

    # -- the picture -------------------------------------------------------------------------
    def paint(self) -> Layout:
        p, u, rect, state = self.p, self.u, self.rect, self.state
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(rect, self.c.background)
        margin = 18 * u
        top = rect.top() + margin
        inner_width = rect.width() - 2 * margin
        if self.caption:
            title = self.label(state.title, QPointF(rect.left() + margin, top), 21, bold=True,
                               width=inner_width)
            caption = self.label(state.caption,
                                 QPointF(rect.left() + margin, title.bottom() + 4 * u), 14,
                                 width=inner_width)
            top = caption.bottom() + 12 * u
        area = QRectF(rect.left() + margin, top, inner_width, rect.bottom() - margin - top)
        main = QRectF(area.left() + area.width() * 0.2, area.top(), area.width() * 0.56,
                      area.height())
        side = QRectF(main.right() + 20 * u, area.top(), area.right() - main.right() - 20 * u,
                      area.height())
        blood = QRectF(main.left(), main.top() + 22 * u, main.width(), main.height() * 0.3)
        cell = QRectF(main.left(), blood.bottom() + main.height() * 0.14, main.width(),
                      main.bottom() - blood.bottom() - main.height() * 0.14)
        self.layout.blood, self.layout.cell = blood, cell
        self.layout.membrane = QRectF(cell.left(), cell.top() - 16 * u, cell.width(), 32 * u)
        self.paint_blood(blood)
        self.paint_cell(cell, blood)
        self.paint_pancreas(QRectF(area.left(), blood.top(), area.width() * 0.2 - 14 * u,
                                   blood.height() + 30 * u), blood)
        self.paint_side(side)
        return self.layout

    def paint_blood(self, blood: QRectF) -> None:
        p, u, state = self.p, self.u, self.state
        p.setPen(QPen(self.c.blood_edge, 2 * u))
        p.setBrush(self.c.blood)
        p.drawRoundedRect(blood, 18 * u, 18 * u)
        self.label("Bloodstream", QPointF(blood.left() + 12 * u, blood.top() - 20 * u), 13,
                   bold=True)
        # Glucose drifts slowly along the vessel; more of it when it cannot get into cells.
        count = state.glucose_in_blood
        usable = QRectF(blood.left() + 16 * u, blood.top() + 14 * u, blood.width() - 32 * u,
                        blood.height() - 28 * u)
        columns = max(1, math.ceil(count / 2))
        for i in range(count):
            row, column = i % 2, i // 2
            fraction = ((column + 0.5) / columns + self.phase / columns) % 1.0
            x = usable.left() + fraction * usable.width()
            y = usable.top() + usable.height() * (0.28 + 0.5 * row) + 4 * u * math.sin(
                2 * math.pi * (self.phase + i * 0.37))
            self.glucose(QPointF(x, y))
        # Free insulin in the blood, drifting the other way.
        free = max(0, state.insulin - RECEPTORS)
        for i in range(free):
            fraction = ((i + 0.5) / max(free, 1) - self.phase / max(free, 1)) % 1.0
            x = usable.left() + fraction * usable.width()
            self.insulin(QPointF(x, usable.center().y() + 3 * u * math.cos(
                2 * math.pi * (self.phase + i * 0.21))), angle=20.0 * math.sin(i))

    def paint_cell(self, cell: QRectF, blood: QRectF) -> None:
        p, u, state = self.p, self.u, self.state
        p.setPen(QPen(self.c.cell_edge, 5 * u))
        p.setBrush(self.c.cell)
        p.drawRoundedRect(cell, 26 * u, 26 * u)
        self.label("Muscle or fat cell", QPointF(cell.left() + 16 * u, cell.bottom() - 30 * u),
                   13, bold=True)
        self.label("Cell membrane →", QPointF(cell.left() - 8 * u, cell.top() - 6 * u),
                   11, align=Qt.AlignmentFlag.AlignRight, colour=self.c.muted,
                   width=cell.left() - self.rect.left() - 24 * u)
        membrane_y = cell.top()
        # Receptors at fixed places; doors stand in the places between and beside them.
        receptor_x = [cell.left() + cell.width() * (0.1 + 0.8 * i / (RECEPTORS - 1))
                      for i in range(RECEPTORS)]
        door_slots = sorted(
            [cell.left() + cell.width() * (0.1 + 0.8 * (i + 0.5) / (RECEPTORS - 1))
             for i in range(RECEPTORS - 1)]
            + [cell.left() + cell.width() * 0.045, cell.right() - cell.width() * 0.045]
        )
        bound = min(state.insulin, RECEPTORS)
        signal_end = QPointF(cell.center().x(), cell.top() + cell.height() * 0.55)
        strong = state.signal >= 0.6
        signal_colour = QColor(SIGNAL)
        signal_colour.setAlphaF(0.35 + 0.65 * state.signal)
        for index, x in enumerate(receptor_x):
            seat = self.receptor(x, membrane_y)
            if index < bound:
                bob = 2 * u * math.sin(2 * math.pi * (self.phase + index * 0.25))
                self.insulin(QPointF(seat.x(), seat.y() - 4 * u + bob))
                self.arrow(QPointF(x, membrane_y + 12 * u),
                           QPointF(x + (signal_end.x() - x) * 0.55,
                                   membrane_y + (signal_end.y() - membrane_y) * 0.55),
                           signal_colour, 1.5 + 2.5 * state.signal, dashed=not strong)
        self.label("Strong signal" if strong else "Weak signal",
                   QPointF(signal_end.x(), cell.top() + cell.height() * 0.4), 12, bold=True,
                   align=Qt.AlignmentFlag.AlignHCenter, colour=SIGNAL if strong else self.c.muted)
        # Doors at the surface, and glucose flowing in through them.
        count = min(state.transporters_at_membrane, len(door_slots))
        # Spread evenly over the slots: one door stands in the middle, five fill every slot.
        at_membrane = [door_slots[int((i + 0.5) * len(door_slots) / count)] for i in range(count)]
        for x in at_membrane:
            self.door(QPointF(x, membrane_y))
        for i in range(min(state.glucose_entering, len(at_membrane))):
            x = at_membrane[(i * 2) % len(at_membrane)]
            travel = (self.phase + i / max(1, state.glucose_entering)) % 1.0
            y = (blood.bottom() - 6 * u) + travel * (membrane_y + 40 * u - blood.bottom())
            self.glucose(QPointF(x, y), 0.85)
        # Doors still stored inside the cell, in little bubbles.
        stored = state.transporters_total - len(at_membrane)
        store_y = cell.top() + cell.height() * 0.66
        for i in range(stored):
            x = cell.left() + cell.width() * (0.33 + 0.09 * i)
            p.setPen(QPen(self.c.cell_edge, 1.2 * u, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(x, store_y), 16 * u, 16 * u)
            self.door(QPointF(x, store_y), scale=0.55)
        if stored:
            self.label(f"GLUT4 doors stored inside ({stored})",
                       QPointF(cell.left() + cell.width() * 0.33 - 16 * u, store_y + 19 * u), 11,
                       colour=self.c.muted)
        if strong and stored < state.transporters_total:
            self.arrow(QPointF(cell.center().x() + cell.width() * 0.12, store_y - 20 * u),
                       QPointF(cell.center().x() + cell.width() * 0.12, membrane_y + 40 * u),
                       GLUT4, 2.5)
        # Energy: where the glucose that got in goes.
        energy = QPointF(cell.right() - cell.width() * 0.14, cell.top() + cell.height() * 0.6)
        p.setPen(QPen(self.c.outline, 1.2 * u))
        p.setBrush(QColor("#F0E442"))
        bolt = QPainterPath()
        for dx, dy in ((2, -16), (-8, 2), (-1, 2), (-4, 16), (8, -3), (1, -3)):
            point = QPointF(energy.x() + dx * u, energy.y() + dy * u)
            bolt.moveTo(point) if bolt.elementCount() == 0 else bolt.lineTo(point)
        bolt.closeSubpath()
        p.drawPath(bolt)
        for i in range(state.glucose_in_cell):
            angle = 2 * math.pi * (i / max(1, state.glucose_in_cell) + self.phase * 0.15)
            self.glucose(QPointF(energy.x() - 36 * u + 20 * u * math.cos(angle),
                                 energy.y() + 14 * u * math.sin(angle)), 0.7)
        self.label("Energy", QPointF(energy.x(), energy.y() + 22 * u), 12, bold=True,
                   align=Qt.AlignmentFlag.AlignHCenter)

    def paint_pancreas(self, box: QRectF, blood: QRectF) -> None:
        p, u, state = self.p, self.u, self.state
        shape = QPainterPath()
        cx, cy = box.center().x(), box.top() + box.height() * 0.45
        w, h = box.width() * 0.46, box.height() * 0.26
        shape.moveTo(cx - w, cy)
        shape.cubicTo(cx - w, cy - h * 1.4, cx + w * 0.2, cy - h * 0.6, cx + w, cy - h * 0.9)
        shape.cubicTo(cx + w * 1.2, cy + h * 0.2, cx + w * 0.1, cy + h * 1.2, cx - w, cy)
        p.setPen(QPen(QColor("#a06a3a"), 2 * u))
        p.setBrush(QColor("#e8c9a0") if self.c.background.lightness() >= 128 else QColor("#6b5030"))
        p.drawPath(shape)
        tired = state.insulin < 3
        for i in range(3):
            cell_center = QPointF(cx - w * 0.45 + i * w * 0.45, cy - h * 0.1)
            p.setPen(QPen(self.c.outline, 1 * u))
            p.setBrush(QColor("#bbbbbb") if tired and i > 0 else QColor("#ffffff"))
            p.drawEllipse(cell_center, 6 * u, 6 * u)
        self.label("Pancreas", QPointF(cx, cy + h * 1.1 + 4 * u), 13, bold=True,
                   align=Qt.AlignmentFlag.AlignHCenter)
        self.label("beta cells make insulin", QPointF(cx, cy + h * 1.1 + 22 * u), 11,
                   align=Qt.AlignmentFlag.AlignHCenter, colour=self.c.muted,
                   width=box.width() + 8 * u)
        # Insulin leaving the pancreas for the blood.
        start = QPointF(cx + w * 0.7, cy - h * 0.4)
        end = QPointF(blood.left() + 10 * u, blood.center().y())
        travel = self.phase
        for k in range(min(3, max(1, state.insulin // 3))):
            t = (travel + k / 3) % 1.0
            self.insulin(QPointF(start.x() + (end.x() - start.x()) * t,
                                 start.y() + (end.y() - start.y()) * t), angle=-30)

    def paint_side(self, side: QRectF) -> None:
        p, u, state = self.p, self.u, self.state
        gauge = QRectF(side.left() + 8 * u, side.top() + 26 * u, 26 * u, side.height() * 0.42)
        self.label("Blood sugar", QPointF(side.left(), side.top()), 13, bold=True)
        p.setPen(QPen(self.c.outline, 1.5 * u))
        p.setBrush(self.c.background)
        p.drawRoundedRect(gauge, 8 * u, 8 * u)
        in_range = QRectF(gauge.left(), gauge.bottom() - gauge.height() * 0.5, gauge.width(),
                          gauge.height() * 0.25)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 158, 115, 70))
        p.drawRect(in_range)
        level = gauge.height() * state.blood_sugar
        fill = QRectF(gauge.left() + 5 * u, gauge.bottom() - level, gauge.width() - 10 * u,
                      level - 5 * u)
        p.setBrush(GLUCOSE)
        p.drawRoundedRect(fill, 4 * u, 4 * u)
        self.label("healthy range", QPointF(gauge.right() + 6 * u, in_range.top() + 2 * u), 11,
                   colour=self.c.muted, width=side.right() - gauge.right() - 6 * u)
        y = self.label(state.blood_sugar_label, QPointF(side.left(), gauge.bottom() + 8 * u), 12,
                       bold=True, width=side.width()).bottom() + 6 * u
        y = self.label(state.pancreas_label, QPointF(side.left(), y), 11,
                       width=side.width()).bottom() + 10 * u
        legend = (("Glucose (sugar)", self.glucose), ("Insulin", self.insulin),
                  ("Receptor", None), ("GLUT4 glucose door", None))
        for text, draw in legend:
            center = QPointF(side.left() + 10 * u, y + 10 * u)
            if draw is not None:
                draw(center)
            elif text == "Receptor":
                self.receptor(center.x(), center.y() + 12 * u)
            else:
                self.door(center, scale=0.7)
            self.label(text, QPointF(side.left() + 26 * u, y + 2 * u), 11,
                       width=side.width() - 26 * u)
            y += 28 * u


def paint_diagram(painter: QPainter, rect: QRectF, state: DiagramState, phase: float = 0.25,
                  palette: QPalette | None = None, caption: bool = True) -> Layout:
    """Draw ``state`` at animation ``phase`` (0..1) into ``rect``; returns what went where."""
    palette = palette or QGuiApplication.palette()
    return _Painter(painter, rect, state, phase, palette, caption).paint()


def render_still(state: DiagramState, width: int, height: int, palette: QPalette | None = None,
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


class DiagramWidget(QWidget):
    """The live diagram. Keys: 1/2/3 or ←/→ switch state, Space pauses, . steps."""

    stateChanged = Signal(str)  # noqa: N815 — the new state's key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = NORMAL
        self.phase = 0.25
        self.paused = False
        self.reduced_motion = False
        self.setMinimumSize(MIN_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Diagram: how glucose enters cells")
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._tick)
        self._update_accessibility()

    @property
    def animating(self) -> bool:
        return self.timer.isActive()

    def set_state(self, key: str) -> None:
        state = STATES.get(key)
        if state is None or state is self.state:
            return
        self.state = state
        self._update_accessibility()
        self.update()
        self.stateChanged.emit(key)

    def cycle_state(self, step: int) -> None:
        keys = list(STATES)
        self.set_state(keys[(keys.index(self.state.key) + step) % len(keys)])

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        self._sync_timer()

    def set_reduced_motion(self, reduced: bool) -> None:
        """No movement at all: a still frame that shows every part clearly."""
        self.reduced_motion = reduced
        if reduced:
            self.phase = 0.25
            self.update()
        self._sync_timer()

    def step(self) -> None:
        """Advance one eighth of a cycle (for explaining it step by step while paused)."""
        self.phase = (self.phase + 0.125) % 1.0
        self.update()

    def _tick(self) -> None:
        self.phase = (self.phase + FRAME_MS / CYCLE_MS) % 1.0
        self.update()

    def _sync_timer(self) -> None:
        # The animation costs nothing unless it can be seen.
        should_run = self.isVisible() and not self.paused and not self.reduced_motion
        if should_run and not self.timer.isActive():
            self.timer.start()
        elif not should_run and self.timer.isActive():
            self.timer.stop()

    def _update_accessibility(self) -> None:
        self.setAccessibleDescription(self.state.description)
        self.setToolTip(self.state.caption)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._sync_timer()

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        self._sync_timer()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            paint_diagram(painter, QRectF(self.rect()), self.state, self.phase, self.palette())
        finally:
            painter.end()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        keys = list(STATES)
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_1 + len(keys) - 1:
            self.set_state(keys[key - Qt.Key.Key_1])
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.cycle_state(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.cycle_state(-1)
        elif key == Qt.Key.Key_Space:
            self.set_paused(not self.paused)
        elif key == Qt.Key.Key_Period:
            self.step()
        else:
            super().keyPressEvent(event)


class DiagramWindow(QWidget):
    """The live diagram with its controls, as a window of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("How Insulin Gets Glucose into Cells")
        self.diagram = DiagramWidget(self)
        self.buttons = QButtonGroup(self)
        row = QHBoxLayout()
        for number, state in enumerate(STATES.values(), start=1):
            button = QRadioButton(f"&{number} {state.title.split(':')[0]}", self)
            button.setAccessibleDescription(state.caption)
            self.buttons.addButton(button, number - 1)
            row.addWidget(button)
            if state is self.diagram.state:
                button.setChecked(True)
        row.addStretch(1)
        self.pause_button = QPushButton("&Pause", self)
        self.pause_button.setCheckable(True)
        self.pause_button.setToolTip("Pause or play the animation (Space)")
        self.step_button = QPushButton("S&tep", self)
        self.step_button.setToolTip("Move the animation on one step (.)")
        self.reduced = QCheckBox("&Reduced motion", self)
        self.reduced.setToolTip("Show a still picture with no movement")
        row.addWidget(self.pause_button)
        row.addWidget(self.step_button)
        row.addWidget(self.reduced)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setAccessibleName("What the diagram shows")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.diagram, 1)
        layout.addWidget(self.description)
        keys = list(STATES)
        self.buttons.idClicked.connect(lambda index: self.diagram.set_state(keys[index]))
        self.diagram.stateChanged.connect(self._on_state)
        self.pause_button.toggled.connect(self._on_pause)
        self.step_button.clicked.connect(self.diagram.step)
        self.reduced.toggled.connect(self.diagram.set_reduced_motion)
        close = QShortcut(QKeySequence.StandardKey.Close, self)
        close.activated.connect(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.close)
        self._on_state(self.diagram.state.key)
        self.resize(980, 820)

    def show_state(self, key: str) -> None:
        self.diagram.set_state(key)
        self.show()
        self.raise_()
        self.activateWindow()
        self.diagram.setFocus()

    def _on_state(self, key: str) -> None:
        index = list(STATES).index(key)
        button = self.buttons.button(index)
        if button is not None and not button.isChecked():
            button.setChecked(True)
        self.description.setText(STATES[key].description)

    def _on_pause(self, paused: bool) -> None:
        self.pause_button.setText("&Play" if paused else "&Pause")
        self.diagram.set_paused(paused)
