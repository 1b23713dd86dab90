"""The diagram's layout, without Qt: everything fits, nothing overlaps, the states look as
different as they are, and the picture scales as a whole. (Text is measured with the
font-free estimate, which is a little wider than real fonts; ``tests/gui/test_diagram.py``
checks the same with the real font.)"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
import subprocess
import sys

import pytest

from reader.diagram.geometry import (
    MIN_SIZE,
    RECEPTORS,
    Box,
    DiagramGeometry,
    estimate_text,
    layout_diagram,
)
from reader.diagram.palette import DiagramPalette, lightness
from reader.diagram.states import NORMAL, RESISTANT, STATES, WEARING_OUT
from reader.render.themes import PALETTES, contrast_ratio

SIZES = [MIN_SIZE, (800, 600), (1600, 1200), (2400, 1000)]
PHASES = [0.0, 0.25, 0.5, 0.8]


def lay_out(state, width=800, height=600, phase=0.25, caption=True, x=0.0, y=0.0):
    return layout_diagram(state, Box(x, y, width, height), estimate_text, phase, caption)


def element_points(geometry: DiagramGeometry) -> list[tuple[str, tuple[float, float], float]]:
    """Every small element as (what, centre, how far it reaches from the centre)."""
    unit, cell, pancreas, side = (geometry.unit, geometry.cell, geometry.pancreas,
                                  geometry.side)
    points = [("glucose", g.center, 9 * unit * g.scale)
              for g in (*geometry.blood.glucose, *cell.entering, *cell.energy_glucose)]
    points += [("insulin", key.center, 12 * unit)
               for key in (*geometry.blood.insulin, *pancreas.insulin)]
    points += [("bound insulin", site.insulin.center, 12 * unit)
               for site in cell.receptors if site.insulin is not None]
    points += [("receptor", site.foot, 22 * unit) for site in cell.receptors]
    points += [("door", center, 13 * unit) for center in cell.doors]
    points += [("stored door", center, cell.bubble_radius) for center in cell.stored]
    points += [("bolt", corner, 0.0) for corner in cell.bolt]
    points += [("beta cell", beta.center, pancreas.beta_radius) for beta in pancreas.beta_cells]
    points += [(f"legend {row.kind}", row.at, 13 * unit) for row in side.legend]
    return points


def test_the_core_diagram_loads_no_qt():
    code = ("import reader.diagram.states, reader.diagram.geometry, reader.diagram.palette, sys; "
            "assert not any(m.startswith('PySide6') for m in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("key", list(STATES))
def test_nothing_falls_outside_the_picture(key, size):
    for phase, caption in itertools.product(PHASES, (True, False)):
        geometry = lay_out(STATES[key], *size, phase=phase, caption=caption)
        picture = geometry.picture
        for label in geometry.labels:
            assert picture.contains(label.box), f"{label.text!r} is clipped at {size}"
        for panel in (geometry.blood.vessel, geometry.cell.body, geometry.side.gauge):
            assert picture.contains(panel.box)
        for what, (x, y), reach in element_points(geometry):
            inside = Box(x - reach, y - reach, 2 * reach, 2 * reach)
            assert picture.contains(inside), f"a {what} is outside at {size}, phase {phase}"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("key", list(STATES))
def test_labels_never_overlap(key, size):
    geometry = lay_out(STATES[key], *size)
    assert len(geometry.labels) >= 12
    for a, b in itertools.combinations(geometry.labels, 2):
        assert not a.box.intersects(b.box), f"{a.text!r} overlaps {b.text!r} at {size}"


def test_resistance_brings_fewer_doors_to_the_membrane():
    doors = {state.key: len(lay_out(state).cell.doors)
             for state in (NORMAL, RESISTANT, WEARING_OUT)}
    assert doors["normal"] > doors["resistant"] > doors["wearing-out"] > 0


@pytest.mark.parametrize("key", list(STATES))
def test_what_is_drawn_matches_the_states_counts(key):
    state = STATES[key]
    geometry = lay_out(state)
    cell = geometry.cell
    assert len(geometry.blood.glucose) == state.glucose_in_blood
    assert len(cell.doors) == state.transporters_at_membrane
    assert len(cell.stored) == state.transporters_total - state.transporters_at_membrane
    assert len(cell.energy_glucose) == state.glucose_in_cell
    assert len(cell.entering) == min(state.glucose_entering, state.transporters_at_membrane)
    bound = [site for site in cell.receptors if site.insulin is not None]
    assert len(cell.receptors) == RECEPTORS
    assert len(bound) == min(state.insulin, RECEPTORS)
    assert len(geometry.blood.insulin) == max(0, state.insulin - RECEPTORS)
    # Every bound receptor sends a signal: dashed and fainter when the signal is weak.
    assert all(site.signal is not None for site in bound)
    assert all(site.signal.dashed == (state.signal < 0.6) for site in bound)
    assert math.isclose(cell.signal_alpha, 0.35 + 0.65 * state.signal)
    if cell.stored:
        assert f"({len(cell.stored)})" in cell.stored_label.text
    else:
        assert cell.stored_label is None
    labels = {label.text for label in geometry.labels}
    assert {state.title, state.caption, state.blood_sugar_label, state.pancreas_label} <= labels


@pytest.mark.parametrize("key", list(STATES))
def test_doors_stand_on_the_membrane_and_glucose_flows_in_the_vessel(key):
    geometry = lay_out(STATES[key])
    membrane, vessel = geometry.membrane, geometry.blood.vessel.box
    for x, y in geometry.cell.doors:
        assert membrane.left <= x <= membrane.right and membrane.top < y < membrane.bottom
    for molecule in geometry.blood.glucose:
        x, y = molecule.center
        assert vessel.left < x < vessel.right and vessel.top < y < vessel.bottom


def test_the_blood_sugar_gauge_rises_with_blood_sugar():
    levels = [lay_out(state).side.level for state in (NORMAL, RESISTANT, WEARING_OUT)]
    assert levels[0].top > levels[1].top > levels[2].top  # higher sugar, a fuller gauge
    healthy = lay_out(NORMAL).side.healthy
    assert healthy.top <= levels[0].top <= healthy.bottom  # normal is in the healthy range


@pytest.mark.parametrize("key", list(STATES))
def test_the_layout_scales_with_the_picture(key):
    small, large = lay_out(STATES[key], 800, 600), lay_out(STATES[key], 1600, 1200)
    assert math.isclose(large.unit, 2 * small.unit)
    pairs = {"blood": (small.blood.vessel.box, large.blood.vessel.box),
             "cell": (small.cell.body.box, large.cell.body.box),
             "gauge": (small.side.gauge.box, large.side.gauge.box)}
    for part, (box_small, box_large) in pairs.items():
        for name in ("left", "top", "width", "height"):
            # Within a pixel or two: text heights are whole pixels, not units.
            assert math.isclose(getattr(box_large, name), 2 * getattr(box_small, name),
                                rel_tol=0.02), f"the {part}'s {name} does not scale"
    for a, b in zip(small.labels, large.labels, strict=True):
        assert b.pixel_size >= 2 * a.pixel_size - 1  # text grows with the picture


def test_the_layout_follows_the_pictures_position():
    here, moved = lay_out(NORMAL), lay_out(NORMAL, x=100, y=40)
    assert math.isclose(moved.cell.body.box.left, here.cell.body.box.left + 100)
    assert math.isclose(moved.blood.vessel.box.top, here.blood.vessel.box.top + 40)


@pytest.mark.parametrize("theme", list(PALETTES))
def test_every_theme_gives_every_colour_and_readable_text(theme):
    palette = DiagramPalette.from_roles(PALETTES[theme])
    for field in dataclasses.fields(palette):
        assert re.fullmatch(r"#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?", getattr(palette, field.name))
    assert palette.background == PALETTES[theme]["Base"]
    assert contrast_ratio(palette.text, palette.background) >= 4.5
    assert contrast_ratio(palette.muted, palette.background) >= 4.5
    # Every label is drawn in one of the palette's colours.
    names = {field.name for field in dataclasses.fields(palette)}
    for state in STATES.values():
        assert {label.colour for label in lay_out(state).labels} <= names


@pytest.mark.parametrize("theme", list(PALETTES))
def test_surfaces_follow_the_theme(theme):
    # No glaring pale shapes on a dark background, no murky ones on a light background.
    palette = DiagramPalette.from_roles(PALETTES[theme])
    dark = lightness(palette.background) < 128
    for surface in (palette.blood, palette.cell, palette.pancreas):
        assert (lightness(surface) < 128) == dark


def test_tired_beta_cells_are_drawn_only_where_the_label_says_so():
    for state in STATES.values():
        tired = any(beta.tired for beta in lay_out(state).pancreas.beta_cells)
        assert tired == ("tired" in state.pancreas_label), state.key
