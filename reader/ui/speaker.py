"""Speaking sentences aloud with the computer's own voices (Qt's QTextToSpeech), offline.

``Speaker`` says a list of sentences one at a time and tells which one it is on, so the article
can mark it; it pauses, resumes, stops, changes speed and voice. QtTextToSpeech is imported
only when the reader first asks for speech: it is not part of start-up.

Speech must never hang or crash the reader. The engine lives in a thread of its own, because
opening one can take seconds (speech-dispatcher is started on first use, and a daemon that
cannot reach a sound device can keep a client waiting for half a minute); the window only sends
it requests and hears back through signals. When there is no engine or no voice, the reader is
told so in words, with how to get one. While speaking, a watchdog ends a sentence the engine
never starts or never finishes (an engine with no working sound output can do either).

The engine is the platform's (speech-dispatcher on Linux, WinRT or SAPI on Windows, AVSpeech on
macOS); ``DIABETES_READER_SPEECH_ENGINE`` names another (the tests use Qt's ``mock``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

#: Names an engine instead of the platform's (the tests use "mock").
ENGINE_VARIABLE = "DIABETES_READER_SPEECH_ENGINE"
#: How long opening the engine, and starting a sentence, may take; and how long a sentence may
#: take per character at the slowest speed, before the reader is told it did not work (ms).
OPEN_LIMIT_MS = 30000
START_LIMIT_MS = 8000
PER_CHARACTER_MS = 100

NO_ENGINE = ("Read aloud needs a speech voice, and none is installed on this computer. "
             "On Linux, install speech-dispatcher and espeak-ng (for example: sudo apt install "
             "speech-dispatcher espeak-ng). On Windows, add a voice under Settings › Time & "
             "Language › Speech. On a Mac, choose one under System Settings › Accessibility › "
             "Spoken Content.")
NO_ANSWER = ("Reading aloud stopped: the speech engine did not answer. Check that the "
             "computer's sound works, then try again.")


class _Engine(QObject):
    """The QTextToSpeech engine, in the speech thread: every slot runs there."""

    opened = Signal(list, str)  # the voices' names, the current voice
    unavailable = Signal(str)  # why there is no speech, in words
    state = Signal(str)  # "speaking", "paused", "ready" or "error"
    error = Signal(str)

    def __init__(self, name: str | None) -> None:
        super().__init__()
        self._name = name
        self._tts = None

    @Slot()
    def open(self) -> None:
        from PySide6.QtCore import QLoggingCategory

        # QtMultimedia names the sound libraries it looks for; speech does not need them.
        QLoggingCategory.setFilterRules("qt.multimedia.*=false")
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:  # the speech libraries are missing from this system
            self.unavailable.emit(f"{NO_ENGINE} ({error})")
            return
        engines = [name for name in QTextToSpeech.availableEngines() if name != "mock"]
        name = self._name or (engines[0] if engines else None)
        if name is None:
            self.unavailable.emit(NO_ENGINE)
            return
        tts = QTextToSpeech(name, self)
        failed = tts.state() == QTextToSpeech.State.Error
        if failed or not tts.availableVoices():
            detail = tts.errorString() if failed else ""
            self.unavailable.emit(NO_ENGINE + (f" (The speech engine said: {detail})"
                                               if detail else ""))
            tts.deleteLater()
            return
        names = {QTextToSpeech.State.Speaking: "speaking", QTextToSpeech.State.Paused: "paused",
                 QTextToSpeech.State.Ready: "ready", QTextToSpeech.State.Error: "error",
                 QTextToSpeech.State.Synthesizing: "speaking"}
        tts.stateChanged.connect(lambda state: self.state.emit(names.get(state, "ready")))
        tts.errorOccurred.connect(lambda _reason, message: self.error.emit(message))
        self._tts = tts
        self.opened.emit([voice.name() for voice in tts.availableVoices()], tts.voice().name())

    @Slot(str)
    def say(self, text: str) -> None:
        if self._tts is not None:
            self._tts.say(text)

    @Slot()
    def pause(self) -> None:
        if self._tts is not None:
            from PySide6.QtTextToSpeech import QTextToSpeech

            self._tts.pause(QTextToSpeech.BoundaryHint.Immediate)

    @Slot()
    def resume(self) -> None:
        if self._tts is not None:
            self._tts.resume()

    @Slot()
    def stop(self) -> None:
        if self._tts is not None:
            from PySide6.QtTextToSpeech import QTextToSpeech

            self._tts.stop(QTextToSpeech.BoundaryHint.Immediate)

    @Slot(float)
    def set_rate(self, rate: float) -> None:
        if self._tts is not None:
            self._tts.setRate(rate)

    @Slot(str)
    def set_voice(self, name: str) -> None:
        for voice in self._tts.availableVoices() if self._tts is not None else ():
            if voice.name() == name:
                self._tts.setVoice(voice)
                return


class Speaker(QObject):
    """Says sentences in order; ``sentenceStarted`` names the one being said."""

    sentenceStarted = Signal(int)  # noqa: N815 — its index in the list given to speak()
    finished = Signal()  # every sentence was said (not after stop())
    failed = Signal(str)  # a sentence for the reader: why speech stopped or cannot start
    stateChanged = Signal(str)  # noqa: N815 — "starting", "speaking", "paused" or "stopped"
    voicesChanged = Signal()  # noqa: N815 — the engine is open: voices() is known

    _open = Signal()
    _say = Signal(str)
    _pause = Signal()
    _resume = Signal()
    _stop = Signal()
    _rate = Signal(float)
    _voice = Signal(str)

    def __init__(self, parent: QObject | None = None, engine: str | None = None) -> None:
        super().__init__(parent)
        self._engine_name = engine if engine is not None else os.environ.get(ENGINE_VARIABLE)
        self._thread: QThread | None = None  # started on first use
        self._engine: _Engine | None = None
        self._status = "closed"  # "closed", "opening", "open" or "unavailable"
        self._problem: str | None = None
        self._voices: list[str] = []
        self._voice_name: str | None = None
        self._sentences: tuple[str, ...] = ()
        self._index = -1
        self._state = "stopped"
        self._rate_value = 0.0
        self._waiting_start: int | None = None  # a sentence to start once the engine is open
        #: Whether the engine said it began the current sentence: a Ready from an earlier
        #: stop that arrives late must not count as this sentence's end.
        self._began = False
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_watchdog)

    # -- the engine --------------------------------------------------------------------------
    def open(self) -> None:
        """Start opening the engine in its thread (``voicesChanged`` or ``failed`` follows)."""
        if self._status != "closed":
            return
        self._status = "opening"
        self._thread = QThread()
        self._thread.setObjectName("speech")
        self._engine = _Engine(self._engine_name)
        self._engine.moveToThread(self._thread)
        self._open.connect(self._engine.open)
        self._say.connect(self._engine.say)
        self._pause.connect(self._engine.pause)
        self._resume.connect(self._engine.resume)
        self._stop.connect(self._engine.stop)
        self._rate.connect(self._engine.set_rate)
        self._voice.connect(self._engine.set_voice)
        self._engine.opened.connect(self._on_opened)
        self._engine.unavailable.connect(self._on_unavailable)
        self._engine.state.connect(self._on_engine_state)
        self._engine.error.connect(self._on_engine_error)
        self._thread.start()
        self._open.emit()
        self._watchdog.start(OPEN_LIMIT_MS)

    @property
    def problem(self) -> str | None:
        """Why nothing can be spoken, once the engine was tried; ``None`` otherwise."""
        return self._problem

    def voices(self) -> list[str]:
        """The names of the engine's voices (empty until it is open)."""
        return list(self._voices)

    def voice(self) -> str | None:
        return self._voice_name

    def set_voice(self, name: str) -> bool:
        if name not in self._voices:
            return False
        self._voice_name = name
        self._voice.emit(name)
        return True

    @property
    def rate(self) -> float:
        return self._rate_value

    def set_rate(self, rate: float) -> None:
        """-1 slowest … 0 normal … 1 fastest; applies from the next sentence."""
        self._rate_value = max(-1.0, min(1.0, rate))
        self._rate.emit(self._rate_value)

    def shutdown(self) -> None:
        """Stop speaking and end the speech thread (the window is closing)."""
        self.stop()
        if self._thread is not None:
            self._thread.quit()
            if not self._thread.wait(5000):
                # An engine stuck opening (see the module's note) must not keep the reader
                # from closing; its thread holds nothing of the reader's.
                self._thread.terminate()
                self._thread.wait(1000)
            self._thread = None

    # -- speaking ----------------------------------------------------------------------------
    @property
    def state(self) -> str:
        return self._state

    @property
    def index(self) -> int:
        """The sentence being said (or paused in), -1 when stopped."""
        return self._index if self._state in ("speaking", "paused") else -1

    def speak(self, sentences: Sequence[str], start: int = 0) -> bool:
        """Say ``sentences`` from ``start`` on (once the engine is open); ``False`` if there
        is nothing to say or the engine is known to be unavailable (``failed`` says why)."""
        self.stop()
        sentences = tuple(sentences)
        if not 0 <= start < len(sentences):
            return False
        if self._status == "unavailable":
            self.failed.emit(self._problem or NO_ENGINE)
            return False
        self._sentences = sentences
        if self._status != "open":
            self._waiting_start = start
            self._set_state("starting")
            self.open()
            return True
        self._set_state("speaking")
        self._start_sentence(start)
        return True

    def pause(self) -> None:
        if self._state == "speaking":
            self._watchdog.stop()
            self._pause.emit()
            self._set_state("paused")

    def resume(self) -> None:
        if self._state == "paused":
            self._set_state("speaking")
            self._resume.emit()
            self._arm(len(self._sentences[self._index]))

    def stop(self) -> None:
        """Stop at once; nothing more is said."""
        self._waiting_start = None
        if self._status != "opening":
            self._watchdog.stop()
        if self._state == "stopped":
            return
        self._set_state("stopped")
        self._stop.emit()

    # -- inside ------------------------------------------------------------------------------
    def _start_sentence(self, index: int) -> None:
        self._index = index
        self._began = False
        self.sentenceStarted.emit(index)
        self._watchdog.start(START_LIMIT_MS)
        self._say.emit(self._sentences[index])

    def _arm(self, characters: int) -> None:
        slowest = 2.0 if self._rate_value < 0 else 1.0
        self._watchdog.start(int(START_LIMIT_MS + characters * PER_CHARACTER_MS * slowest))

    def _on_opened(self, voices: list, current: str) -> None:
        self._watchdog.stop()
        self._status = "open"
        self._voices = [str(name) for name in voices]
        self._voice_name = self._voice_name if self._voice_name in self._voices else current
        self._rate.emit(self._rate_value)
        if self._voice_name and self._voice_name != current:
            self._voice.emit(self._voice_name)
        self.voicesChanged.emit()
        start, self._waiting_start = self._waiting_start, None
        if start is not None and self._state == "starting":
            self._set_state("speaking")
            self._start_sentence(start)

    def _on_unavailable(self, problem: str) -> None:
        self._watchdog.stop()
        self._status, self._problem = "unavailable", problem
        self._waiting_start = None
        self._set_state("stopped")
        self.failed.emit(problem)

    def _on_engine_state(self, state: str) -> None:
        if self._state != "speaking":
            return
        if state == "speaking":
            self._began = True
            self._arm(len(self._sentences[self._index]))
        elif state == "ready" and self._began:
            self._watchdog.stop()
            following = self._index + 1
            if following < len(self._sentences):
                # From the event loop: the engine may still be finishing the last one.
                QTimer.singleShot(0, lambda: self._continue(following))
            else:
                self._set_state("stopped")
                self.finished.emit()

    def _continue(self, index: int) -> None:
        if self._state == "speaking" and self._index == index - 1:
            self._start_sentence(index)

    def _on_engine_error(self, message: str) -> None:
        if self._state == "stopped":
            return
        self.stop()
        self.failed.emit(f"Reading aloud stopped: the speech engine reported a problem "
                         f"({message or 'no details'}).")

    def _on_watchdog(self) -> None:
        if self._status == "opening":
            self._on_unavailable(f"{NO_ANSWER} (The speech engine did not start.)")
            return
        if self._state == "speaking":
            self.stop()
            self.failed.emit(NO_ANSWER)

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)


def speak_and_wait(sentences: Sequence[str]) -> int:
    """Say ``sentences`` and return when done: 0, or 1 with the reason on stderr (for
    ``reader read-aloud``, which has no window)."""
    import sys

    from PySide6.QtCore import QCoreApplication

    if not sentences:
        return 0
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    speaker = Speaker()
    outcome = {"code": 0}

    def fail(message: str) -> None:
        print(f"reader: {message}", file=sys.stderr)
        outcome["code"] = 1
        app.quit()

    speaker.finished.connect(app.quit)
    speaker.failed.connect(fail)
    if speaker.speak(sentences):
        app.exec()
    else:
        outcome["code"] = 1
    speaker.shutdown()
    return outcome["code"]
