"""The Handout tab in the window: Add to Handout from the article, a search hit or a
bookmark, reorder by keyboard and by dragging, remove, clear, ready sets, the list kept between
runs, and Save PDF of the whole handout with the clinic's details and the patient's note."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView

from reader.handout.clinic import Clinic, ClinicSettings
from reader.library.links import Location

FIFTEEN = "lows-highs-and-sick-days/treating-a-low-the-15-15-rule"
SICK = "lows-highs-and-sick-days/sick-day-rules"
METER = "tests-numbers-and-monitoring/checking-blood-sugar-with-a-meter"


def listed(window) -> list[str]:
    return window.handout_panel.ids()


def test_add_from_the_article_then_again_says_it_is_there(make_window):
    window = make_window()
    window.navigator.go(Location.article(FIFTEEN))
    window.add_to_handout_action.trigger()
    assert listed(window) == [FIFTEEN]
    assert "Added “Treating a Low" in window.statusBar().currentMessage()
    window.add_to_handout_action.trigger()
    assert listed(window) == [FIFTEEN]
    assert window.statusBar().currentMessage() == "Already in the handout."
    window.navigator.home()
    assert not window.add_to_handout_action.isEnabled()  # only on an article


def test_reorder_by_keyboard_and_by_dragging_remove_and_clear(make_window, qtbot):
    window = make_window(active=True)
    window.handout.add([FIFTEEN, SICK, METER])
    panel = window.handout_panel
    window.focus_handout()
    panel.list.setCurrentRow(0)
    qtbot.keyClick(panel.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert listed(window) == [SICK, FIFTEEN, METER]
    assert panel.current_id() == FIFTEEN  # the moved article stays selected
    assert panel.list.dragDropMode() == QAbstractItemView.DragDropMode.InternalMove
    panel.list.model().moveRow(QModelIndex(), 2, QModelIndex(), 0)  # as a drag does
    assert listed(window) == [METER, SICK, FIFTEEN]
    assert window.basket.ids(window.library.key) == [METER, SICK, FIFTEEN]
    panel.list.setCurrentRow(1)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert listed(window) == [METER, FIFTEEN]
    panel.clear_button.click()
    assert listed(window) == [] and panel.hint.isVisible()


def test_the_handout_is_kept_between_runs_and_a_ready_set_adds_in_order(make_window):
    window = make_window()
    start = [i for i in window.library.root_section.start]
    window.handout_panel.presets.menu().actions()[0].trigger()  # "New to Diabetes"
    assert listed(window) == start
    window.close()
    again = make_window()
    assert listed(again) == start
    section = [a.id for a in again.library.articles_in("lows-highs-and-sick-days")]
    again.handout.add_preset("lows-highs-and-sick-days")
    assert listed(again) == start + [i for i in section if i not in start]


def test_a_search_hit_and_a_bookmark_offer_add_to_handout(make_window, qtbot):
    window = make_window()
    for view in (window.search_panel.view, window.bookmarks_panel.list):
        assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    window.start_indexing()
    qtbot.waitUntil(lambda: window.search.index_ready, timeout=30000)
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "ketones")
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() > 0, timeout=10000)
    view = window.search_panel.view
    index = window.search_panel.model.index(0, 0)
    wanted = window.search_panel.model.hit(0).id
    # (the view lays its rows out in batches: the first row is found once it is laid out)
    qtbot.waitUntil(lambda: window.search_panel.id_at(view.visualRect(index).center()) == wanted,
                    timeout=5000)


def test_save_pdf_of_the_handout_with_the_clinic_and_the_note(make_window, tmp_path):
    window = make_window()
    ClinicSettings(window.settings).clinic = Clinic("Riverside Clinic", "555-0100")
    window.handout.add([FIFTEEN, SICK])
    window.handout_panel.note.setPlainText("Next visit: 14 January")
    window.handout_panel.cover.setChecked(True)
    saved = window.handout.save_pdf(tmp_path / "handout.pdf")
    assert saved is not None and "Saved the handout" in window.statusBar().currentMessage()
    pages = [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(str(saved)).pages]
    assert "Nextvisit:14January" in pages[0]
    assert all(text.startswith("RiversideClinic555-0100") for text in pages)
    assert all(f"Page{n}of{len(pages)}" in text for n, text in enumerate(pages, start=1))


def test_a_damaged_handout_file_is_set_aside_and_said(make_window, tmp_path):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "handout.json").write_text("{ not json", encoding="utf-8")
    window = make_window()
    assert listed(window) == []
    assert "handout" in window.statusBar().currentMessage().lower()
    window.handout.add([FIFTEEN])
    assert listed(window) == [FIFTEEN]


def test_the_text_size_reaches_the_handout_tab(make_window):
    from reader.user.preferences import ZOOM_STEPS

    window = make_window()
    window.apply_zoom(ZOOM_STEPS[-1])
    base = window._base_font.pointSizeF()
    for widget in (window.handout_panel.list, window.handout_panel.note,
                   window.handout_panel.print_button):
        assert widget.font().pointSizeF() == pytest.approx(base * ZOOM_STEPS[-1] / 100)
    window.apply_zoom(100)


def test_moving_skips_articles_no_longer_in_the_library(make_window):
    window = make_window()
    window.basket.add(window.library.key, ["gone/article", FIFTEEN, SICK])
    window.handout.refresh()
    assert listed(window) == [FIFTEEN, SICK]
    window.handout.move(SICK, 0)
    assert listed(window) == [SICK, FIFTEEN]
