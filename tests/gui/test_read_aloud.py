"""Read Aloud in the window, with Qt's mock speech engine: what is said and in which order, the
mark on the page following it, pause, resume, stop, speed, "read from here", and what the
reader is told when there is no voice."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLabel

from reader.library.links import Location
from reader.ui import speaker as speaker_module
from reader.ui import speech_host
from reader.ui.speaker import Speaker
from tests.conftest import article

FIFTEEN = "lows-highs-and-sick-days/treating-a-low-the-15-15-rule"



@pytest.fixture
def window(make_window):
    return make_window


def plain(text: str) -> str:
    return " ".join(text.replace("\u2060", "").replace("\u00a0", " ").split())


def marked(view) -> str:
    start, end = view.reading_span
    return plain(view.toPlainText()[start:end])


def test_a_short_article_is_read_in_order_each_sentence_marked_then_the_notice(window, qtbot,
                                                                                make_library):
    root = make_library({"a.md": article(
        "Feet", "Check your feet every day. Look for cuts at or above {{70 mg/dL}}.\n\n"
                "## Shoes\n\nWear soft shoes.")})
    win = window(root)
    win.navigator.go(Location.article("a"))
    said, marks = [], []
    win.read_aloud._speaker().sentenceStarted.connect(
        lambda index: (said.append(win.read_aloud.sentences[index].spoken),
                       marks.append(marked(win.article_view))))
    with qtbot.waitSignal(win.read_aloud.speaker.finished, timeout=30000):
        win.read_aloud_action.trigger()
        assert win.reading.read_aloud_bar.isVisible()
    assert said[:4] == ["Feet", "Check your feet every day.",
                        "Look for cuts at or above 70 milligrams per deciliter, or 3.9 "
                        "millimoles per liter.", "Shoes"]
    assert said[-1].startswith("If you feel very unwell")  # the notice comes last
    shown = [s.shown for s in win.read_aloud.sentences]
    assert marks[:4] == [plain(s) for s in shown[:4]]
    qtbot.waitUntil(lambda: not win.reading.read_aloud_bar.isVisible())
    assert win.article_view.reading_span is None
    assert "Finished reading aloud" in win.statusBar().currentMessage()


def test_pause_resume_and_stop(window, qtbot):
    win = window()
    win.navigator.go(Location.article(FIFTEEN))
    read = win.read_aloud
    started = []
    read._speaker().sentenceStarted.connect(started.append)
    win.read_aloud_action.trigger()
    qtbot.waitUntil(lambda: len(started) >= 2, timeout=10000)
    win.read_aloud_action.trigger()  # pause
    assert read.state == "paused" and "Resume" in win.read_aloud_action.text()
    assert "Paused at sentence" in win.reading.read_aloud_bar.status.text()
    count = len(started)
    qtbot.wait(800)
    assert len(started) == count  # nothing more is said while paused
    win.read_aloud_action.trigger()  # resume
    qtbot.waitUntil(lambda: len(started) > count, timeout=10000)
    assert started == list(range(len(started)))  # no sentence skipped or said twice
    win.stop_reading_action.trigger()
    assert read.state == "stopped" and win.article_view.reading_span is None
    assert not win.reading.read_aloud_bar.isVisible()
    # Another page stops the reading.
    win.read_aloud_action.trigger()
    qtbot.waitUntil(lambda: read.state == "speaking", timeout=5000)
    win.navigator.next()
    assert read.state == "stopped"


def test_the_mark_scrolls_with_the_reading(window, qtbot):
    win = window()
    win.navigator.go(Location.article(FIFTEEN))
    view = win.article_view
    assert view.verticalScrollBar().value() == 0
    panel = win.headings_panel
    panel.tree.setCurrentItem(panel.tree.topLevelItem(panel.texts().index("Lows and driving")))
    with qtbot.waitSignal(win.read_aloud._speaker().sentenceStarted, timeout=10000):
        panel.read_button.click()
    assert marked(view) == "Lows and driving"
    assert view.verticalScrollBar().value() > 0
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.reading_span[0])
    assert 0 <= view.cursorRect(cursor).top() < view.viewport().height()


def test_speed_is_kept_and_units_follow_the_readers_choice(window, qtbot):
    win = window()
    win.navigator.go(Location.article(FIFTEEN))
    win.read_faster_action.setEnabled(True)
    win.read_aloud.faster()
    assert win.preferences.reading_rate == 0.25
    assert "Brisk" in win.statusBar().currentMessage()
    win.look.unit_actions["mmol"].trigger()
    win.read_aloud.start()
    spoken = " ".join(s.spoken for s in win.read_aloud.sentences)
    assert "3.9 millimoles per liter" in spoken and "milligrams" not in spoken
    assert win.read_aloud.speaker.rate == 0.25


def test_no_voice_says_so_and_how_to_get_one(window, qtbot, monkeypatch):
    win = window()
    monkeypatch.setenv("DIABETES_READER_SPEECH_ENGINE", "no-such-engine")
    win.navigator.go(Location.article(FIFTEEN))
    with qtbot.waitSignal(win.read_aloud.said, timeout=10000) as told:
        win.read_aloud_action.trigger()
    assert "none is installed" in told.args[0] and "speech-dispatcher" in told.args[0]
    assert win.read_aloud.state == "stopped"
    assert not win.reading.read_aloud_bar.isVisible()
    assert "speech-dispatcher" in win.announcer.last


def test_an_engine_that_never_speaks_is_given_up_on_not_waited_for(qtbot, monkeypatch):
    monkeypatch.setattr(speaker_module, "START_LIMIT_MS", 300)
    speaker = Speaker(engine="mock")
    speaker.open()
    qtbot.waitSignal(speaker.voicesChanged, timeout=10000).wait()
    send = speaker._send  # the engine never hears the sentence: it never starts
    monkeypatch.setattr(speaker, "_send", lambda what, **v: what != "say" and send(what, **v))
    with qtbot.waitSignal(speaker.failed, timeout=5000) as told:
        speaker.speak(["Hello there."])
    assert "did not answer" in told.args[0] and speaker.state == "stopped"
    speaker.shutdown()


def never_answers(_engine):
    """An engine's process that never says a word (speech-dispatcher without sound)."""
    return sys.executable, ["-c", "import time\nwhile True: time.sleep(1)"]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return not Path(f"/proc/{pid}/stat").read_text().split(") ")[-1].startswith("Z")


def test_an_engine_stuck_opening_is_ended_and_the_window_keeps_working(qtbot, monkeypatch):
    """speech-dispatcher that never answers kept the engine's constructor (and Python's lock)
    for half a minute: in its own process it freezes nothing, and it is ended."""
    monkeypatch.setattr(speaker_module, "OPEN_LIMIT_MS", 1500)
    monkeypatch.setattr(speech_host, "command", never_answers)
    speaker = Speaker(engine="mock")
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(50)
    with qtbot.waitSignal(speaker.failed, timeout=10000) as told:
        assert speaker.speak(["Hello there."])
        assert speaker.state == "starting"
        pid = speaker._process.processId()
    timer.stop()
    assert "did not answer" in told.args[0] and "did not start" in told.args[0]
    assert speaker.state == "stopped" and len(ticks) >= 15  # the event loop ran all along
    qtbot.waitUntil(lambda: not _alive(pid), timeout=3000)
    # The next request tries a fresh engine (the sound may work now).
    monkeypatch.undo()
    with qtbot.waitSignal(speaker.finished, timeout=15000):
        assert speaker.speak(["Hello again."])
    speaker.shutdown()


def test_an_engine_that_dies_while_reading_says_so(qtbot):
    speaker = Speaker(engine="mock")
    with qtbot.waitSignal(speaker.sentenceStarted, timeout=15000):
        speaker.speak(["One sentence to say.", "Another sentence to say.", "A third one."])
    with qtbot.waitSignal(speaker.failed, timeout=5000) as told:
        os.kill(speaker._process.processId(), signal.SIGKILL)
    assert "stopped working" in told.args[0] and speaker.state == "stopped"
    with qtbot.waitSignal(speaker.finished, timeout=15000):
        assert speaker.speak(["It starts again."])
    speaker.shutdown()


def test_pause_while_the_voice_starts_waits_paused_then_resumes(qtbot):
    speaker = Speaker(engine="mock")
    started = []
    speaker.sentenceStarted.connect(started.append)
    speaker.speak(["First sentence.", "Second sentence."])
    speaker.pause()  # the engine is still opening
    assert speaker.state == "paused"
    qtbot.waitSignal(speaker.voicesChanged, timeout=15000).wait()
    qtbot.wait(300)
    assert speaker.state == "paused" and started == []  # nothing is said while paused
    with qtbot.waitSignal(speaker.finished, timeout=15000):
        speaker.resume()
    assert started == [0, 1]
    speaker.shutdown()


def test_closing_ends_the_engine_process(qtbot):
    speaker = Speaker(engine="mock")
    with qtbot.waitSignal(speaker.voicesChanged, timeout=15000):
        speaker.open()
    pid = speaker._process.processId()
    speaker.shutdown()
    assert not _alive(pid)


def test_changing_units_while_reading_goes_on_in_the_new_units(window, qtbot):
    win = window()
    win.navigator.go(Location.article(FIFTEEN))
    read = win.read_aloud
    started = []
    read._speaker().sentenceStarted.connect(started.append)
    win.read_aloud_action.trigger()
    qtbot.waitUntil(lambda: len(started) >= 2, timeout=10000)
    at = read.speaker.index
    win.look.unit_actions["mmol"].trigger()
    assert read.state == "speaking" and read.speaker.index == at  # from the same sentence
    spoken = " ".join(s.spoken for s in read.sentences)
    assert "3.9 millimoles per liter" in spoken and "milligrams" not in spoken
    assert read.speaker._sentences == tuple(s.spoken for s in read.sentences)
    assert marked(win.article_view) == plain(read.sentences[read.speaker.index].shown)
    read.stop()


def test_pause_while_the_voice_is_starting_pauses_it(window, qtbot):
    win = window()
    win.navigator.go(Location.article(FIFTEEN))
    win.read_aloud_action.trigger()
    assert win.read_aloud.state == "starting"
    win.read_aloud_action.trigger()
    assert win.read_aloud.state == "paused"
    assert "Resume" in win.read_aloud_action.text()
    assert "Paused at sentence 1" in win.reading.read_aloud_bar.status.text()
    qtbot.waitSignal(win.read_aloud.speaker.voicesChanged, timeout=15000).wait()
    qtbot.wait(300)  # the engine is open, and says nothing
    assert win.read_aloud.state == "paused"
    with qtbot.waitSignal(win.read_aloud.speaker.sentenceStarted, timeout=10000) as first:
        win.read_aloud_action.trigger()
    assert first.args == [0]
    win.read_aloud.stop()


def _tab_stops(start, count):
    """The next ``count`` widgets Tab reaches from ``start``."""
    from PySide6.QtCore import Qt

    found, widget = [], start
    while len(found) < count:
        widget = widget.nextInFocusChain()
        if (widget.isVisible() and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            found.append(widget)
    return found


def test_the_bar_is_reached_by_tab_before_the_article_and_stop_returns_there(window, qtbot):
    win = window()
    win.navigator.go(Location.article(FIFTEEN))
    bar = win.reading.read_aloud_bar
    win.read_aloud_action.trigger()
    qtbot.waitUntil(lambda: win.read_aloud.state == "speaking", timeout=10000)
    assert _tab_stops(bar.pause_button, 4) == [bar.stop_button, bar.speed, bar.voice,
                                                win.article_view]
    bar.stop_button.setFocus()
    bar.stop_button.click()
    assert not bar.isVisible()
    assert QApplication.focusWidget() is win.article_view


def _mnemonic(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


def test_alt_keys_of_the_window_are_each_used_once(window, qtbot):
    win = window()
    win.navigator.go(Location.article(FIFTEEN))
    win.read_aloud_action.trigger()
    qtbot.waitUntil(lambda: win.reading.read_aloud_bar.isVisible(), timeout=10000)
    bar = win.reading.read_aloud_bar
    texts = [action.text() for action in win.menuBar().actions()]
    texts += [win.tabs.tabText(i) for i in range(win.tabs.count())]
    texts += [win.headings_panel.read_button.text(), bar.pause_button.text(),
              bar.stop_button.text()]
    texts += [label.text() for label in bar.findChildren(QLabel) if label.buddy()]
    keys = [_mnemonic(text) for text in texts]
    assert None not in keys, texts
    assert len(keys) == len(set(keys)), sorted(zip(keys, texts, strict=True))
    win.read_aloud_action.trigger()  # pause: the button becomes Resume, still its own key
    assert _mnemonic(bar.pause_button.text()) not in keys
    win.read_aloud.stop()


def test_read_from_here_says_so_for_a_part_that_is_not_read_and_is_off_on_other_pages(
        window, qtbot):
    win = window()
    win.navigator.go(Location.article(FIFTEEN))
    panel = win.headings_panel
    panel.tree.setCurrentItem(panel.tree.topLevelItem(panel.texts().index("Sources")))
    with qtbot.waitSignal(win.read_aloud.said, timeout=5000) as told:
        panel.read_button.click()
    assert told.args == ["“Sources” is not read aloud."]
    assert win.read_aloud.state == "stopped"
    win.navigator.home()
    assert panel.texts() and not panel.read_button.isEnabled()


def test_pause_just_as_a_sentence_ends_resumes_with_the_next(qtbot, monkeypatch):
    """The engine's "ready" for a sentence can cross the Pause on its way (the engine had
    finished and has nothing to pause): Resume must start the next sentence, not wait on an
    engine that has nothing left to resume."""
    speaker = Speaker(engine="mock")
    started = []
    speaker.sentenceStarted.connect(started.append)
    with qtbot.waitSignal(speaker.sentenceStarted, timeout=15000):
        speaker.speak(["First sentence, a long one to say.", "Second sentence."])
    qtbot.waitUntil(lambda: speaker._began, timeout=5000)
    send = speaker._send  # the pause reaches an engine that has just finished: it is lost
    monkeypatch.setattr(speaker, "_send", lambda what, **v: what != "pause" and send(what, **v))
    speaker.pause()
    qtbot.waitUntil(lambda: speaker.index == 1, timeout=10000)  # its end, heard while paused
    assert speaker.state == "paused" and started == [0]
    monkeypatch.undo()
    with qtbot.waitSignal(speaker.finished, timeout=15000):
        speaker.resume()
    assert started == [0, 1]
    speaker.shutdown()


def test_late_news_of_an_earlier_sentence_is_not_taken_for_the_next(qtbot):
    speaker = Speaker(engine="mock")
    with qtbot.waitSignal(speaker.sentenceStarted, timeout=15000):
        speaker.speak(["One sentence to say.", "Another sentence to say."])
    qtbot.waitUntil(lambda: speaker._began, timeout=5000)
    earlier = speaker._seq - 1  # what a stop of the sentence before would report, late
    for stale in (b'{"event": "state", "state": "speaking", "seq": %d}' % earlier,
                  b'{"event": "state", "state": "ready", "seq": %d}' % earlier):
        speaker._dispatch_line(stale)
    assert speaker.index == 0 and speaker.state == "speaking"  # not moved on by old news
    qtbot.waitUntil(lambda: speaker.index == 1, timeout=10000)  # its own end moves it on
    speaker.shutdown()


def test_stop_while_the_voice_starts_says_nothing_later(qtbot, monkeypatch):
    monkeypatch.setattr(speaker_module, "OPEN_LIMIT_MS", 800)
    monkeypatch.setattr(speech_host, "command", never_answers)
    speaker = Speaker(engine="mock")
    told = []
    speaker.failed.connect(told.append)
    speaker.speak(["Hello there."])
    pid = speaker._process.processId()
    speaker.stop()
    qtbot.waitUntil(lambda: not _alive(pid), timeout=5000)  # the stuck engine is still ended
    assert told == [] and speaker.state == "stopped"


def test_closing_ends_an_engine_stuck_opening_within_a_second_or_two(qtbot, monkeypatch):
    monkeypatch.setattr(speech_host, "command", never_answers)
    speaker = Speaker(engine="mock")
    speaker.open()
    qtbot.waitUntil(lambda: speaker._process.processId() > 0, timeout=5000)
    pid = speaker._process.processId()
    speaker.shutdown()
    assert not _alive(pid)


def test_read_aloud_on_the_command_line_never_waits_on_an_engine_that_cannot_start(
        monkeypatch, capsys):
    monkeypatch.setattr(speech_host, "command", lambda _engine: ("/no/such/program", []))
    assert speaker_module.speak_and_wait(["Hello there."]) == 1
    assert "could not start its speech engine" in capsys.readouterr().err
