"""What the glucose-and-insulin diagram shows in each state: counts, captions and the text a
screen reader speaks. Pure data, no Qt: ``reader.diagram.geometry`` places it and
``reader.ui.diagram`` draws it.

The words are kept in English, marked ``QT_TRANSLATE_NOOP("DiagramState", …)``; wherever one
is shown it is translated then: ``translate("DiagramState", state.title)``.

The biology follows the articles (and the ADA, NIDDK and physiology reviews they cite):
insulin binds its receptor on the outside of the cell and does not need to enter it to send
its signal; the signal moves GLUT4 transporters, stored inside muscle and fat cells, up to the
membrane; glucose flows in through them, down its gradient. In insulin resistance each unit of
insulin moves fewer GLUT4 to the surface (muscle keeps about as many GLUT4 as before; fat cells
in type 2 make fewer), and the pancreas makes much more insulin to make up for it, so for years
blood sugar stays near normal or only slightly raised. High sugar comes when the beta cells
can no longer keep up.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from reader.system.i18n import QT_TRANSLATE_NOOP, translate

#: Articles embed a still of the diagram as an image with this scheme: ``diagram:resistant``.
SCHEME = "diagram"
#: Size (in CSS pixels) of a diagram still in an article: the diagram's smallest full size.
STILL_SIZE = (640, 480)


@dataclass(frozen=True)
class DiagramState:
    key: str
    #: The state in a word or two (its button in the diagram's window).
    name: str
    title: str
    #: One or two short sentences under the title (reading grade 8 or lower).
    caption: str
    #: Everything the picture shows, in words, for screen readers.
    description: str
    insulin: int  # insulin molecules in the blood
    signal: float  # 0..1, strength of the signal inside the cell
    transporters_total: int  # GLUT4 in the cell, about the same in every state
    transporters_at_membrane: int
    glucose_in_blood: int
    glucose_entering: int  # glucose shown passing through transporters
    glucose_in_cell: int
    blood_sugar: float  # 0..1 on the gauge: 0.35 is in range, above 0.6 is high
    blood_sugar_label: str
    pancreas_label: str


NORMAL = DiagramState(
    key="normal",
    name=QT_TRANSLATE_NOOP("DiagramState", "Normal"),
    title=QT_TRANSLATE_NOOP("DiagramState", "Normal: insulin opens the way"),
    caption=QT_TRANSLATE_NOOP(
        "DiagramState",
        "Insulin attaches to receptors on the outside of the cell. The signal brings many "
        "glucose doors (GLUT4) up to the surface. Glucose flows in and gives the cell energy."
    ),
    description=QT_TRANSLATE_NOOP(
        "DiagramState",
        "Diagram, normal state. Beta cells in the pancreas release insulin into the "
        "bloodstream. Insulin attaches to receptors on the outside of a muscle or fat cell. It "
        "does not need to enter the cell to send its signal. A strong signal inside the cell "
        "moves most of its glucose doors, called GLUT4, from inside the cell up to its surface. "
        "Glucose passes through these doors into the cell, from where there is more to where "
        "there is less, and is used for energy. Little glucose is left in the blood, so blood "
        "sugar stays in the healthy range."
    ),
    insulin=4,
    signal=1.0,
    transporters_total=6,
    transporters_at_membrane=5,
    glucose_in_blood=4,
    glucose_entering=3,
    glucose_in_cell=6,
    blood_sugar=0.35,
    blood_sugar_label=QT_TRANSLATE_NOOP("DiagramState", "Blood sugar: in range"),
    pancreas_label=QT_TRANSLATE_NOOP("DiagramState", "Pancreas: normal amount of insulin"),
)

RESISTANT = DiagramState(
    key="resistant",
    name=QT_TRANSLATE_NOOP("DiagramState", "Insulin resistance"),
    title=QT_TRANSLATE_NOOP("DiagramState", "Insulin resistance: the pancreas makes up for it"),
    caption=QT_TRANSLATE_NOOP(
        "DiagramState",
        "The cell answers insulin weakly, so fewer glucose doors reach the surface. The "
        "pancreas makes much more insulin to make up for it. For years, blood sugar stays near "
        "normal."
    ),
    description=QT_TRANSLATE_NOOP(
        "DiagramState",
        "Diagram, insulin resistance. Insulin still attaches to the receptors on the outside of "
        "the cell, but the cell answers it weakly: the signal inside is weak. The pancreas makes "
        "up for it by making much more insulin. Fewer glucose doors (GLUT4) reach the surface "
        "than in the normal state, but with so much insulin, enough glucose still gets in. Only "
        "a little more glucose stays in the blood, so blood sugar is near normal or only "
        "slightly raised. This can go on for years, while the pancreas works much harder."
    ),
    insulin=10,
    signal=0.5,
    transporters_total=6,
    transporters_at_membrane=3,
    glucose_in_blood=6,
    glucose_entering=2,
    glucose_in_cell=4,
    blood_sugar=0.5,
    blood_sugar_label=QT_TRANSLATE_NOOP(
        "DiagramState", "Blood sugar: near normal or slightly raised"),
    pancreas_label=QT_TRANSLATE_NOOP(
        "DiagramState", "Pancreas: working much harder (much more insulin)"),
)

WEARING_OUT = DiagramState(
    key="wearing-out",
    name=QT_TRANSLATE_NOOP("DiagramState", "Over time"),
    title=QT_TRANSLATE_NOOP("DiagramState", "Over time: the beta cells cannot keep up"),
    caption=QT_TRANSLATE_NOOP(
        "DiagramState",
        "After years of working harder, the beta cells make less insulin. Less insulin and a "
        "weak answer let little glucose in. Blood sugar climbs into the diabetes range."
    ),
    description=QT_TRANSLATE_NOOP(
        "DiagramState",
        "Diagram, beta cells wearing out. After years of extra work, the beta cells in the "
        "pancreas can no longer make as much insulin as the body needs. Fewer insulin molecules "
        "reach the receptors, and the signal inside the cell is weak. Most glucose doors (GLUT4) "
        "stay stored inside the cell. Very little glucose gets in, and a lot of glucose is left "
        "in the bloodstream, so blood sugar is high. This is how insulin resistance can lead to "
        "type 2 diabetes."
    ),
    insulin=3,
    signal=0.2,
    transporters_total=6,
    transporters_at_membrane=1,
    glucose_in_blood=16,
    glucose_entering=1,
    glucose_in_cell=1,
    blood_sugar=0.9,
    blood_sugar_label=QT_TRANSLATE_NOOP("DiagramState", "Blood sugar: high"),
    pancreas_label=QT_TRANSLATE_NOOP("DiagramState", "Pancreas: tired beta cells (less insulin)"),
)

STATES: dict[str, DiagramState] = {s.key: s for s in (NORMAL, RESISTANT, WEARING_OUT)}


def state_for(key: str) -> DiagramState | None:
    return STATES.get(key.strip().lower())


def state_from_src(src: str) -> tuple[DiagramState | None, str]:
    """For an image ``src`` such as ``diagram:resistant``: ``(state, "")``, ``(None, reason)``
    if it names no state, or ``(None, "")`` if it is not a diagram at all."""
    try:
        parts = urlsplit(src.strip())
    except ValueError:
        return None, ""
    if parts.scheme != SCHEME:
        return None, ""
    state = state_for(parts.path)
    if state is None:
        names = ", ".join(STATES)
        return None, translate(
            "DiagramState",
        "unknown diagram '{name}' (use one of: {names})").format(
                name=parts.path, names=names)
    return state, ""


def diagram_url(state: DiagramState) -> str:
    """The in-app link that opens the live diagram in ``state``."""
    return f"reader:diagram/{state.key}"


def state_from_url(url: str) -> DiagramState | None:
    """The state named by a ``reader:diagram/…`` link, else ``None``."""
    prefix = "reader:diagram/"
    return state_for(url[len(prefix):]) if url.startswith(prefix) else None
