"""Every colour the diagram is drawn in, as hex strings, chosen from a theme (no Qt here).

The elements keep the Okabe–Ito colours in every theme: they stay distinct for colour-blind
readers, and each element also has its own shape, so nothing depends on colour alone. The
surfaces (blood, cell, pancreas, text) follow the theme's background, so the picture reads
on light, dark and high-contrast themes alike.

Colours are ``#rrggbb``, or ``#rrggbbaa`` (CSS order) when they are see-through.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# Okabe–Ito: the element colours, the same in every theme.
GLUCOSE = "#E69F00"  # orange hexagons
INSULIN = "#0072B2"  # blue keys
GLUT4 = "#009E73"  # bluish-green doors
RECEPTOR = "#CC79A7"  # reddish-purple Y shapes
SIGNAL = "#D55E00"  # vermilion arrows
ENERGY = "#F0E442"  # yellow bolt


@dataclass(frozen=True)
class DiagramPalette:
    """The colours of one theme's diagram; the painter takes every colour from here."""

    background: str
    text: str
    muted: str  # secondary labels
    outline: str  # the thin edge around every element
    blood: str
    blood_edge: str
    cell: str
    cell_edge: str
    pancreas: str
    pancreas_edge: str
    beta_cell: str
    beta_cell_tired: str
    healthy_range: str  # the band on the blood-sugar gauge (see-through)
    glucose: str = GLUCOSE
    insulin: str = INSULIN
    glut4: str = GLUT4
    receptor: str = RECEPTOR
    signal: str = SIGNAL
    energy: str = ENERGY

    @classmethod
    def from_roles(cls, roles: Mapping[str, str]) -> DiagramPalette:
        """From a theme's palette roles (``reader.render.themes.PALETTES[name]``, or a QPalette
        read into the same form): its ``Base`` and ``Text``; the rest follows whether the
        background is dark."""
        background, text = roles["Base"], roles["Text"]
        dark = lightness(background) < 128
        return cls(
            background=background,
            text=text,
            muted="#b8b8b8" if dark else "#555555",
            outline="#f0f0f0" if dark else "#222222",
            blood="#4a2226" if dark else "#fbe3e1",
            blood_edge="#c0645e" if dark else "#c96a63",
            cell="#1f3340" if dark else "#e7f1f8",
            cell_edge="#7fb2d8" if dark else "#4a7ea8",
            pancreas="#6b5030" if dark else "#e8c9a0",
            pancreas_edge="#a06a3a",
            beta_cell="#ffffff",
            beta_cell_tired="#bbbbbb",
            healthy_range="#009E7346",  # GLUT4's green at alpha 70 of 255
        )


def lightness(colour: str) -> float:
    """HSL lightness (0..255) of a ``#rrggbb`` colour, as Qt's ``QColor.lightness`` gives it."""
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return (max(channels) + min(channels)) / 2
