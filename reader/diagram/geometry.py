"""Where every part of the diagram goes, for a picture of a given size, state and phase.

Pure layout maths, no Qt, so it can be tested (and reasoned about) without drawing anything:
the painter (``reader.ui.diagram.painter``) only turns this into drawing calls. Every size is in
*units*: the picture's size over the 800x600 design, the smaller of the two, so the picture
scales as a whole and keeps its proportions.

The size of text depends on the font, which only the painter knows; so ``layout_diagram`` takes
a ``measure`` function. ``estimate_text`` is a font-free stand-in for tests and tools.

The labels are translated here, as the picture is laid out (so they are measured in the words
they are drawn in): the state's with its context ``DiagramState``, the others ``Diagram``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from reader.diagram.states import DiagramState
from reader.system.i18n import translate

#: Smallest size at which every label fits without overlapping (tested).
MIN_SIZE = (640, 480)
#: The size the units are designed at: one unit is one pixel here.
DESIGN_SIZE = (800.0, 600.0)
#: The animation phase of a still: the frame that shows every part clearly.
STILL_PHASE = 0.25
#: Insulin receptors on the cell membrane.
RECEPTORS = 4
#: Smallest text, in pixels, however small the picture.
MIN_TEXT_PIXELS = 9

Point = tuple[float, float]
#: ``measure(text, pixel_size, bold, width)`` → ``(width, height)`` of the text's box: one line
#: if ``width`` is None, else wrapped to ``width`` (and then exactly that wide).
TextMeasure = Callable[[str, int, bool, float | None], tuple[float, float]]


@dataclass(frozen=True)
class Box:
    """A rectangle, from its top-left corner."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def center(self) -> Point:
        return self.left + self.width / 2, self.top + self.height / 2

    def intersects(self, other: Box) -> bool:
        """Whether the two overlap; boxes that only touch do not (as ``QRectF.intersects``)."""
        return (self.left < other.right and other.left < self.right
                and self.top < other.bottom and other.top < self.bottom)

    def contains(self, other: Box) -> bool:
        """Whether ``other`` lies wholly inside (edges included)."""
        return (self.left <= other.left and other.right <= self.right
                and self.top <= other.top and other.bottom <= self.bottom)


@dataclass(frozen=True)
class Label:
    """A piece of text and the box it is drawn (and wrapped) in."""

    text: str
    box: Box
    pixel_size: int
    bold: bool = False
    align: str = "left"  # within its box: "left", "center" or "right"
    colour: str = "text"  # the name of the DiagramPalette colour it is drawn in


@dataclass(frozen=True)
class Glucose:
    center: Point
    scale: float = 1.0


@dataclass(frozen=True)
class Insulin:
    center: Point
    angle: float = 0.0  # degrees, clockwise


@dataclass(frozen=True)
class Arrow:
    start: Point
    end: Point
    width: float  # in units
    dashed: bool = False


@dataclass(frozen=True)
class Panel:
    """A rounded shape with an edge: the blood vessel, the cell, the gauge."""

    box: Box
    radius: float
    edge: float


@dataclass(frozen=True)
class Receptor:
    foot: Point  # where it stands on the membrane
    insulin: Insulin | None  # bound to it, if any
    signal: Arrow | None  # the signal it sends into the cell, if bound


@dataclass(frozen=True)
class BloodGeometry:
    vessel: Panel
    label: Label
    glucose: tuple[Glucose, ...]
    insulin: tuple[Insulin, ...]  # free in the blood, not bound to a receptor


@dataclass(frozen=True)
class CellGeometry:
    body: Panel
    membrane: Box  # the band around the membrane where doors stand
    name_label: Label
    membrane_label: Label
    receptors: tuple[Receptor, ...]
    signal_alpha: float  # 0..1: a weak signal is drawn fainter
    signal_label: Label
    doors: tuple[Point, ...]  # GLUT4 at the membrane
    entering: tuple[Glucose, ...]  # glucose passing through them
    stored: tuple[Point, ...]  # GLUT4 stored inside, each in a bubble
    stored_scale: float
    bubble_radius: float
    bubble_edge: float
    stored_label: Label | None
    rising: Arrow | None  # stored doors moving up to the membrane (strong signal only)
    bolt: tuple[Point, ...]  # the energy bolt's corners
    bolt_edge: float
    energy_glucose: tuple[Glucose, ...]
    energy_label: Label


@dataclass(frozen=True)
class BetaCell:
    center: Point
    tired: bool


@dataclass(frozen=True)
class PancreasGeometry:
    start: Point
    curves: tuple[tuple[Point, Point, Point], ...]  # cubic curves: two controls, then the end
    edge: float
    beta_cells: tuple[BetaCell, ...]
    beta_radius: float
    beta_edge: float
    name_label: Label
    role_label: Label
    insulin: tuple[Insulin, ...]  # on its way to the blood


@dataclass(frozen=True)
class LegendRow:
    kind: str  # "glucose", "insulin", "receptor" or "door"
    at: Point  # where the element is drawn (a receptor: its foot)
    scale: float
    label: Label


@dataclass(frozen=True)
class SideGeometry:
    """The blood-sugar gauge, the state's two short labels, and the legend."""

    title: Label
    gauge: Panel
    healthy: Box  # the healthy range on the gauge
    level: Box  # the blood sugar, filled
    level_radius: float
    healthy_label: Label
    sugar_label: Label
    pancreas_label: Label
    legend: tuple[LegendRow, ...]


@dataclass(frozen=True)
class DiagramGeometry:
    """Everything in one frame, in the order it is drawn."""

    picture: Box
    unit: float
    title: Label | None
    caption: Label | None
    blood: BloodGeometry
    cell: CellGeometry
    pancreas: PancreasGeometry
    side: SideGeometry

    @property
    def membrane(self) -> Box:
        return self.cell.membrane

    @property
    def labels(self) -> list[Label]:
        """Every label, in drawing order."""
        cell, pancreas, side = self.cell, self.pancreas, self.side
        labels = [self.title, self.caption, self.blood.label, cell.name_label,
                  cell.membrane_label, cell.signal_label, cell.stored_label, cell.energy_label,
                  pancreas.name_label, pancreas.role_label, side.title, side.healthy_label,
                  side.sugar_label, side.pancreas_label, *(row.label for row in side.legend)]
        return [label for label in labels if label is not None]


def unit_for(width: float, height: float) -> float:
    """Pixels per unit for a picture of this size."""
    return min(width / DESIGN_SIZE[0], height / DESIGN_SIZE[1])


def text_pixels(size: float, unit: float) -> int:
    """A font size in units, as whole pixels (never unreadably small)."""
    return max(MIN_TEXT_PIXELS, round(size * unit))


def estimate_text(text: str, pixel_size: int, bold: bool,
                  width: float | None) -> tuple[float, float]:
    """A font-free ``TextMeasure``: glyphs a little wider than a typical sans serif's, so a
    layout that fits with it fits with real fonts too (tests; the painter measures exactly)."""
    advance = pixel_size * (0.68 if bold else 0.62)
    line = pixel_size * 1.2
    if width is None:
        return len(text) * advance + 2, line
    lines, used = 1, 0.0
    for word in text.split():
        needed = len(word) * advance if used == 0 else (len(word) + 1) * advance
        if used and used + needed > width:
            lines, used = lines + 1, len(word) * advance
        else:
            used += needed
    return width, lines * line


@dataclass(frozen=True)
class _Labeller:
    measure: TextMeasure
    unit: float

    def __call__(self, text: str, at: Point, size: float, bold: bool = False,
                 align: str = "left", colour: str = "text", width: float | None = None) -> Label:
        """A label with its top-left (or top-centre, top-right, by ``align``) at ``at``."""
        pixels = text_pixels(size, self.unit)
        box_width, box_height = self.measure(text, pixels, bold, width)
        x, y = at
        if align == "center":
            x = x - box_width / 2
        elif align == "right":
            x = x - box_width
        return Label(text, Box(x, y, box_width, box_height), pixels, bold, align, colour)


def layout_diagram(state: DiagramState, picture: Box, measure: TextMeasure,
                   phase: float = STILL_PHASE, caption: bool = True) -> DiagramGeometry:
    """Where everything goes when ``state`` is drawn into ``picture`` at animation ``phase``
    (0..1, one cycle); ``caption`` adds the title and caption at the top."""
    phase = phase % 1.0
    unit = unit_for(picture.width, picture.height)
    label = _Labeller(measure, unit)
    margin = 18 * unit
    top = picture.top + margin
    inner_width = picture.width - 2 * margin
    title = caption_label = None
    if caption:
        title = label(translate("DiagramState", state.title), (picture.left + margin, top), 21,
                      bold=True, width=inner_width)
        caption_label = label(translate("DiagramState", state.caption),
                              (picture.left + margin, title.box.bottom + 4 * unit), 14,
                              width=inner_width)
        top = caption_label.box.bottom + 12 * unit
    # The pancreas on the left, blood and cell in the middle, the gauge and legend on the right.
    area = Box(picture.left + margin, top, inner_width, picture.bottom - margin - top)
    main = Box(area.left + area.width * 0.2, area.top, area.width * 0.56, area.height)
    side = Box(main.right + 20 * unit, area.top, area.right - main.right - 20 * unit,
               area.height)
    blood = Box(main.left, main.top + 22 * unit, main.width, main.height * 0.3)
    cell = Box(main.left, blood.bottom + main.height * 0.14, main.width,
               main.bottom - blood.bottom - main.height * 0.14)
    pancreas = Box(area.left, blood.top, area.width * 0.2 - 14 * unit,
                   blood.height + 30 * unit)
    return DiagramGeometry(
        picture=picture, unit=unit, title=title, caption=caption_label,
        blood=_blood(state, blood, phase, unit, label),
        cell=_cell(state, cell, blood, picture, phase, unit, label),
        pancreas=_pancreas(state, pancreas, blood, phase, unit, label),
        side=_side(state, side, unit, label),
    )


def _blood(state: DiagramState, blood: Box, phase: float, unit: float,
           label: _Labeller) -> BloodGeometry:
    # Glucose drifts slowly along the vessel; more of it when it cannot get into cells.
    count = state.glucose_in_blood
    usable = Box(blood.left + 16 * unit, blood.top + 14 * unit, blood.width - 32 * unit,
                 blood.height - 28 * unit)
    columns = max(1, math.ceil(count / 2))
    glucose = []
    for i in range(count):
        row, column = i % 2, i // 2
        fraction = ((column + 0.5) / columns + phase / columns) % 1.0
        x = usable.left + fraction * usable.width
        y = usable.top + usable.height * (0.28 + 0.5 * row) + 4 * unit * math.sin(
            2 * math.pi * (phase + i * 0.37))
        glucose.append(Glucose((x, y)))
    # Free insulin in the blood, drifting the other way.
    free = max(0, state.insulin - RECEPTORS)
    insulin = []
    for i in range(free):
        fraction = ((i + 0.5) / max(free, 1) - phase / max(free, 1)) % 1.0
        x = usable.left + fraction * usable.width
        insulin.append(Insulin((x, usable.center[1] + 3 * unit * math.cos(
            2 * math.pi * (phase + i * 0.21))), angle=20.0 * math.sin(i)))
    return BloodGeometry(
        vessel=Panel(blood, 18 * unit, 2 * unit),
        label=label(translate("Diagram", "Bloodstream"),
                    (blood.left + 12 * unit, blood.top - 20 * unit), 13, bold=True),
        glucose=tuple(glucose), insulin=tuple(insulin))


def _cell(state: DiagramState, cell: Box, blood: Box, picture: Box, phase: float, unit: float,
          label: _Labeller) -> CellGeometry:
    name_label = label(translate("Diagram", "Muscle or fat cell"),
                       (cell.left + 16 * unit, cell.bottom - 30 * unit), 13, bold=True)
    membrane_label = label(translate("Diagram", "Cell membrane →"),
                           (cell.left - 8 * unit, cell.top - 6 * unit), 11,
                           align="right", colour="muted",
                           width=cell.left - picture.left - 24 * unit)
    membrane_y = cell.top
    # Receptors at fixed places; doors stand in the places between and beside them.
    receptor_x = [cell.left + cell.width * (0.1 + 0.8 * i / (RECEPTORS - 1))
                  for i in range(RECEPTORS)]
    door_slots = sorted(
        [cell.left + cell.width * (0.1 + 0.8 * (i + 0.5) / (RECEPTORS - 1))
         for i in range(RECEPTORS - 1)]
        + [cell.left + cell.width * 0.045, cell.right - cell.width * 0.045]
    )
    bound = min(state.insulin, RECEPTORS)
    signal_end = (cell.center[0], cell.top + cell.height * 0.55)
    strong = state.signal >= 0.6
    receptors = []
    for index, x in enumerate(receptor_x):
        insulin = signal = None
        if index < bound:
            seat_y = membrane_y - 26 * unit  # just above the receptor's arms
            bob = 2 * unit * math.sin(2 * math.pi * (phase + index * 0.25))
            insulin = Insulin((x, seat_y - 4 * unit + bob))
            signal = Arrow((x, membrane_y + 12 * unit),
                           (x + (signal_end[0] - x) * 0.55,
                            membrane_y + (signal_end[1] - membrane_y) * 0.55),
                           1.5 + 2.5 * state.signal, dashed=not strong)
        receptors.append(Receptor((x, membrane_y), insulin, signal))
    signal_label = label(translate("Diagram", "Strong signal") if strong
                         else translate("Diagram", "Weak signal"),
                         (signal_end[0], cell.top + cell.height * 0.4), 12, bold=True,
                         align="center", colour="signal" if strong else "muted")
    # Doors at the surface, and glucose flowing in through them.
    count = min(state.transporters_at_membrane, len(door_slots))
    # Spread evenly over the slots: one door stands in the middle, five fill every slot.
    doors = [door_slots[int((i + 0.5) * len(door_slots) / count)] for i in range(count)]
    entering = []
    for i in range(min(state.glucose_entering, len(doors))):
        x = doors[(i * 2) % len(doors)]
        travel = (phase + i / max(1, state.glucose_entering)) % 1.0
        y = (blood.bottom - 6 * unit) + travel * (membrane_y + 40 * unit - blood.bottom)
        entering.append(Glucose((x, y), 0.85))
    # Doors still stored inside the cell, in little bubbles.
    stored = state.transporters_total - len(doors)
    store_y = cell.top + cell.height * 0.66
    stored_label = None
    if stored:
        stored_label = label(translate("Diagram", "GLUT4 doors stored inside ({count})").format(
                                 count=stored),
                             (cell.left + cell.width * 0.33 - 16 * unit, store_y + 19 * unit), 11,
                             colour="muted")
    rising = None
    if strong and stored < state.transporters_total:
        rising_x = cell.center[0] + cell.width * 0.12
        rising = Arrow((rising_x, store_y - 20 * unit), (rising_x, membrane_y + 40 * unit), 2.5)
    # Energy: where the glucose that got in goes.
    energy = (cell.right - cell.width * 0.14, cell.top + cell.height * 0.6)
    bolt = tuple((energy[0] + dx * unit, energy[1] + dy * unit)
                 for dx, dy in ((2, -16), (-8, 2), (-1, 2), (-4, 16), (8, -3), (1, -3)))
    energy_glucose = []
    for i in range(state.glucose_in_cell):
        angle = 2 * math.pi * (i / max(1, state.glucose_in_cell) + phase * 0.15)
        energy_glucose.append(Glucose((energy[0] - 36 * unit + 20 * unit * math.cos(angle),
                                       energy[1] + 14 * unit * math.sin(angle)), 0.7))
    return CellGeometry(
        body=Panel(cell, 26 * unit, 5 * unit),
        membrane=Box(cell.left, cell.top - 16 * unit, cell.width, 32 * unit),
        name_label=name_label, membrane_label=membrane_label, receptors=tuple(receptors),
        signal_alpha=0.35 + 0.65 * state.signal, signal_label=signal_label,
        doors=tuple((x, membrane_y) for x in doors), entering=tuple(entering),
        stored=tuple((cell.left + cell.width * (0.33 + 0.09 * i), store_y)
                     for i in range(stored)),
        stored_scale=0.55, bubble_radius=16 * unit, bubble_edge=1.2 * unit,
        stored_label=stored_label, rising=rising, bolt=bolt, bolt_edge=1.2 * unit,
        energy_glucose=tuple(energy_glucose),
        energy_label=label(translate("Diagram", "Energy"), (energy[0], energy[1] + 22 * unit), 12,
                           bold=True, align="center"),
    )


def _pancreas(state: DiagramState, box: Box, blood: Box, phase: float, unit: float,
              label: _Labeller) -> PancreasGeometry:
    # A soft, leaf-like outline around its middle; span_x and span_y are about half its size.
    middle_x, middle_y = box.center[0], box.top + box.height * 0.45
    span_x, span_y = box.width * 0.46, box.height * 0.26
    curves = (
        ((middle_x - span_x, middle_y - span_y * 1.4),
         (middle_x + span_x * 0.2, middle_y - span_y * 0.6),
         (middle_x + span_x, middle_y - span_y * 0.9)),
        ((middle_x + span_x * 1.2, middle_y + span_y * 0.2),
         (middle_x + span_x * 0.1, middle_y + span_y * 1.2),
         (middle_x - span_x, middle_y)),
    )
    # The pancreas label says when its beta cells are tired: the fewest insulin of any state.
    tired = state.insulin <= 3
    beta_cells = tuple(
        BetaCell((middle_x - span_x * 0.45 + i * span_x * 0.45, middle_y - span_y * 0.1),
                 tired and i > 0)
        for i in range(3))
    # Insulin leaving the pancreas for the blood.
    start = (middle_x + span_x * 0.7, middle_y - span_y * 0.4)
    end = (blood.left + 10 * unit, blood.center[1])
    insulin = []
    for index in range(min(3, max(1, state.insulin // 3))):
        travel = (phase + index / 3) % 1.0
        insulin.append(Insulin((start[0] + (end[0] - start[0]) * travel,
                                start[1] + (end[1] - start[1]) * travel), angle=-30))
    below = middle_y + span_y * 1.1
    return PancreasGeometry(
        start=(middle_x - span_x, middle_y), curves=curves, edge=2 * unit,
        beta_cells=beta_cells, beta_radius=6 * unit, beta_edge=1 * unit,
        name_label=label(translate("Diagram", "Pancreas"), (middle_x, below + 4 * unit), 13,
                         bold=True, align="center"),
        role_label=label(translate("Diagram", "beta cells make insulin"),
                         (middle_x, below + 22 * unit), 11, align="center", colour="muted",
                         width=box.width + 8 * unit),
        insulin=tuple(insulin),
    )


def _side(state: DiagramState, side: Box, unit: float, label: _Labeller) -> SideGeometry:
    gauge = Box(side.left + 8 * unit, side.top + 26 * unit, 26 * unit, side.height * 0.42)
    title = label(translate("Diagram", "Blood sugar"), (side.left, side.top), 13, bold=True)
    healthy = Box(gauge.left, gauge.bottom - gauge.height * 0.5, gauge.width,
                  gauge.height * 0.25)
    level = gauge.height * state.blood_sugar
    fill = Box(gauge.left + 5 * unit, gauge.bottom - level, gauge.width - 10 * unit,
               level - 5 * unit)
    healthy_label = label(translate("Diagram", "healthy range"),
                          (gauge.right + 6 * unit, healthy.top + 2 * unit), 11, colour="muted",
                          width=side.right - gauge.right - 6 * unit)
    sugar_label = label(translate("DiagramState", state.blood_sugar_label),
                        (side.left, gauge.bottom + 8 * unit), 12, bold=True, width=side.width)
    y = sugar_label.box.bottom + 6 * unit
    pancreas_label = label(translate("DiagramState", state.pancreas_label), (side.left, y), 11,
                           width=side.width)
    y = pancreas_label.box.bottom + 10 * unit
    legend = []
    for kind, text in (("glucose", translate("Diagram", "Glucose (sugar)")),
                       ("insulin", translate("Diagram", "Insulin")),
                       ("receptor", translate("Diagram", "Receptor")),
                       ("door", translate("Diagram", "GLUT4 glucose door"))):
        at = (side.left + 10 * unit, y + 10 * unit)
        if kind == "receptor":
            at = (at[0], at[1] + 12 * unit)
        legend.append(LegendRow(kind, at, 0.7 if kind == "door" else 1.0,
                                label(text, (side.left + 26 * unit, y + 2 * unit), 11,
                                      width=side.width - 26 * unit)))
        y += 28 * unit
    return SideGeometry(
        title=title, gauge=Panel(gauge, 8 * unit, 1.5 * unit), healthy=healthy, level=fill,
        level_radius=4 * unit, healthy_label=healthy_label, sugar_label=sugar_label,
        pancreas_label=pancreas_label, legend=tuple(legend))
