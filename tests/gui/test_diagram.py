"""The diagram: what the pictures show, how the live one behaves, and where it appears."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

from reader.diagram.geometry import Box
from reader.diagram.palette import GLUCOSE, GLUT4
from reader.diagram.states import NORMAL, RESISTANT, STATES
from reader.library import load_library
from reader.library.check import check_library
from reader.library.links import Location
from reader.system import paths
from reader.ui.diagram.painter import paint_diagram
from reader.ui.diagram.widget import DiagramWidget
from reader.ui.diagram.window import DiagramWindow
from reader.ui.main_window import MainWindow
from reader.user.settings import Settings
from tests.conftest import ARTIFACTS, article


def draw(state, width, height):
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    layout = paint_diagram(painter, QRectF(0, 0, width, height), state)
    painter.end()
    return image, layout


def as_rect(box: Box) -> QRectF:
    return QRectF(box.left, box.top, box.width, box.height)


def count_colour(image: QImage, rect: QRectF, colour: QColor, tolerance: int = 40) -> int:
    count = 0
    r = rect.toAlignedRect().intersected(image.rect())
    for y in range(r.top(), r.bottom(), 2):
        for x in range(r.left(), r.right(), 2):
            pixel = image.pixelColor(x, y)
            if (abs(pixel.red() - colour.red()) + abs(pixel.green() - colour.green())
                    + abs(pixel.blue() - colour.blue())) < tolerance:
                count += 1
    return count


@pytest.mark.parametrize("size", [(640, 480), (800, 600), (1600, 1200)])
@pytest.mark.parametrize("key", list(STATES))
def test_labels_are_inside_and_never_overlap(qapp, key, size):
    image, layout = draw(STATES[key], *size)
    bounds = QRectF(image.rect())
    assert len(layout.labels) >= 12
    for label in layout.labels:
        assert bounds.contains(as_rect(label.box)), f"{label.text!r} is clipped at {size}"
    for a, b in itertools.combinations(layout.labels, 2):
        assert not as_rect(a.box).intersects(as_rect(b.box)), \
            f"{a.text!r} overlaps {b.text!r} at {size}"


@pytest.mark.parametrize("size", [(800, 600), (1600, 1200)])
def test_states_differ_in_doors_at_the_surface_and_sugar_in_the_blood(qapp, size):
    # Resistance is compensated: fewer doors, much more insulin, sugar only a little higher.
    # High sugar belongs to the last state, when the beta cells cannot keep up.
    drawn = {key: draw(STATES[key], *size) for key in ("normal", "resistant", "wearing-out")}
    doors = {key: count_colour(image, as_rect(layout.membrane), QColor(GLUT4))
             for key, (image, layout) in drawn.items()}
    sugar = {key: count_colour(image, as_rect(layout.blood.vessel.box), QColor(GLUCOSE))
             for key, (image, layout) in drawn.items()}
    assert doors["normal"] > doors["resistant"] > doors["wearing-out"] > 0
    assert sugar["normal"] < sugar["resistant"] < 2 * sugar["normal"]
    assert sugar["wearing-out"] > 3 * sugar["normal"]
    assert STATES["resistant"].insulin >= 2 * NORMAL.insulin > STATES["wearing-out"].insulin
    assert "high" not in RESISTANT.blood_sugar_label
    assert "high" in STATES["wearing-out"].blood_sugar_label
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for key, (image, _) in drawn.items():
        image.save(str(ARTIFACTS / f"diagram-{key}-{size[0]}.png"))


def test_keyboard_switches_state_and_screen_readers_hear_it(qtbot):
    widget = DiagramWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.accessibleDescription() == NORMAL.description
    qtbot.keyClick(widget, Qt.Key.Key_2)
    assert widget.state is RESISTANT
    assert widget.accessibleDescription() == RESISTANT.description
    qtbot.keyClick(widget, Qt.Key.Key_Left)
    assert widget.state is NORMAL
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert widget.paused and not widget.animating
    phase = widget.phase
    qtbot.keyClick(widget, Qt.Key.Key_Period)
    assert widget.phase != phase


def test_animation_runs_only_while_visible_and_wanted(qtbot):
    widget = DiagramWidget()
    qtbot.addWidget(widget)
    assert not widget.animating  # never shown: no timer
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.animating
    phase = widget.phase
    qtbot.waitUntil(lambda: widget.phase != phase, timeout=2000)
    widget.hide()
    assert not widget.animating
    widget.show()
    assert widget.animating
    widget.set_reduced_motion(True)
    assert not widget.animating
    widget.set_reduced_motion(False)
    widget.set_paused(True)
    assert not widget.animating


def test_window_controls_switch_state(qtbot):
    window = DiagramWindow()
    qtbot.addWidget(window)
    window.show_state("resistant")
    assert window.buttons.checkedId() == list(STATES).index("resistant")
    assert window.description.text() == RESISTANT.description
    window.buttons.button(0).click()
    assert window.diagram.state is NORMAL
    window.reduced.setChecked(True)
    assert not window.diagram.animating


def test_a_new_state_is_announced_to_screen_readers(qtbot):
    window = DiagramWindow()
    qtbot.addWidget(window)
    heard = []
    window.announcer.announced.connect(heard.append)
    window.show_state("normal")
    window.buttons.button(1).click()  # the picture changes, the focus does not move
    assert heard == [f"{RESISTANT.title}. {RESISTANT.caption}"]


def test_insulin_resistance_article_shows_the_still_and_opens_the_live_diagram(qtbot, tmp_path):
    library = load_library(paths.bundled_library())
    window = MainWindow(library, Settings.in_folder(tmp_path), tmp_path / "cache")
    qtbot.addWidget(window)
    window.resize(1200, 900)
    window.show()
    qtbot.waitExposed(window)
    window.navigator.go(Location.article("diabetes-basics/what-is-insulin-resistance"))
    view = window.article_view
    cursor = view.document().find("Prediabetes numbers")
    view.verticalScrollBar().setValue(max(0, view.cursorRect(cursor).top() - 650
                                          + view.verticalScrollBar().value()))
    qtbot.wait(50)
    image = view.document().resource(QTextDocument.ResourceType.ImageResource,
                                     QUrl("diagram:resistant"))
    assert isinstance(image, QImage) and image.width() >= 640
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(ARTIFACTS / "article-with-diagram.png"))
    view.anchorClicked.emit(QUrl("reader:diagram/resistant"))
    assert window.diagram_window.isVisible()
    assert window.diagram_window.diagram.state is RESISTANT
    window.diagram_window.close()
    assert not window.diagram_window.diagram.animating


def test_check_knows_diagram_images(make_library):
    root = make_library({"a.md": article("A", "![ok](diagram:normal)\n\n![bad](diagram:sideways)")})
    problems = [p.message for p in check_library(load_library(root))]
    assert len(problems) == 1 and "unknown diagram 'sideways'" in problems[0]


def test_diagram_command_writes_a_png_of_the_size_asked(tmp_path):
    target = tmp_path / "still.png"
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the command must go offscreen by itself
    env.pop("DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "diagram", "--state", "resistant", "--png", str(target),
         "--size", "1000x750"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1000, 750)
