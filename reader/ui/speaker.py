"""Speaking sentences aloud with the computer's own voices (Qt's QTextToSpeech), offline.

``Speaker`` says a list of sentences one at a time and tells which one it is on, so the article
can mark it; it pauses, resumes, stops, changes speed and voice. Nothing of speech is loaded
until the reader first asks for it: it is not part of start-up.

Speech must never hang or crash the reader. The engine runs in a process of its own
(``speech_host``), because opening one can block for half a minute while speech-dispatcher does
not answer, holding Python's interpreter lock: in a thread it would freeze the window. The
speaker only sends that process requests and reads its events. A watchdog ends an engine that
never opens, or a sentence it never starts or never finishes (an engine with no working sound
output can do either): the process is ended, the reader is told in words, and the next request
starts a fresh one. When there is no engine or no voice, the reader is told so, with how to get
one.

The engine is the platform's (speech-dispatcher on Linux, WinRT or SAPI on Windows, AVSpeech on
macOS); ``DIABETES_READER_SPEECH_ENGINE`` names another (the tests use Qt's ``mock``).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from reader.system.i18n import QT_TRANSLATE_NOOP, translate
from reader.ui import speech_host
from reader.ui.speech_host import NO_ENGINE

#: Names an engine instead of the platform's (the tests use "mock").
ENGINE_VARIABLE = "DIABETES_READER_SPEECH_ENGINE"
#: How long opening the engine, and starting a sentence, may take; and how long a sentence may
#: take per character at the slowest speed, before the reader is told it did not work (ms).
OPEN_LIMIT_MS = 30000
START_LIMIT_MS = 8000
PER_CHARACTER_MS = 100
#: How long the engine's process is given to end by itself when the reader closes (ms).
QUIT_LIMIT_MS = 1000

NO_ANSWER = QT_TRANSLATE_NOOP(
    "Speaker", "Reading aloud stopped: the speech engine did not answer. Check that the "
    "computer's sound works, then try again.")
ENGINE_ENDED = QT_TRANSLATE_NOOP(
    "Speaker", "Reading aloud stopped: the speech engine stopped working. Try again; if it "
    "happens again, restart the computer's speech service.")
#: What the engine's process may send as words for the reader (in English: it has no
#: translator); they are translated here, where they are shown.
_KNOWN_MESSAGES = frozenset({NO_ENGINE})

_log = logging.getLogger("reader.speech")
__all__ = ["NO_ENGINE", "Speaker", "speak_and_wait"]


class Speaker(QObject):
    """Says sentences in order; ``sentenceStarted`` names the one being said."""

    sentenceStarted = Signal(int)  # noqa: N815 — its index in the list given to speak()
    finished = Signal()  # every sentence was said (not after stop())
    failed = Signal(str)  # a sentence for the reader: why speech stopped or cannot start
    stateChanged = Signal(str)  # noqa: N815 — "starting", "speaking", "paused" or "stopped"
    voicesChanged = Signal()  # noqa: N815 — the engine is open: voices() is known

    def __init__(self, parent: QObject | None = None, engine: str | None = None) -> None:
        super().__init__(parent)
        self._engine_name = engine if engine is not None else os.environ.get(ENGINE_VARIABLE)
        self._process: QProcess | None = None  # started on first use
        self._status = "closed"  # "closed", "opening", "open" or "unavailable"
        self._problem: str | None = None
        self._voices: list[str] = []
        self._voice_name: str | None = None
        self._sentences: tuple[str, ...] = ()
        self._index = -1
        self._state = "stopped"
        self._rate_value = 0.0
        self._language = ""
        #: Whether the engine has been given the current sentence (not yet, while the engine
        #: opens or when paused before it opened).
        self._sent = False
        #: Whether the engine said it began the current sentence: a Ready from an earlier
        #: stop that arrives late must not count as this sentence's end.
        self._began = False
        #: The number of the sentence last given to the engine: its events carry it, so news
        #: of an earlier one that arrives late is not taken for this one's.
        self._seq = 0
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_watchdog)

    # -- the engine --------------------------------------------------------------------------
    def open(self) -> None:
        """Start the engine's process (``voicesChanged`` or ``failed`` follows)."""
        if self._status != "closed":
            return
        self._status = "opening"
        process = QProcess(self)
        program, arguments = speech_host.command(self._engine_name)
        process.setProgram(program)
        process.setArguments(arguments)
        process.readyReadStandardOutput.connect(self._read_events)
        process.readyReadStandardError.connect(self._log_engine)
        process.errorOccurred.connect(self._on_process_error)
        process.finished.connect(lambda _code, _status: self._on_process_finished(process))
        self._process = process
        self._watchdog.start(OPEN_LIMIT_MS)
        process.start()

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
        self._send("voice", name=name)
        return True

    def set_language(self, language: str) -> None:
        """Speak in ``language``'s voices where the engine has some (the library's language;
        it applies from the next sentence)."""
        if language != self._language:
            self._language = language
            self._send("language", value=language)

    @property
    def rate(self) -> float:
        return self._rate_value

    def set_rate(self, rate: float) -> None:
        """-1 slowest … 0 normal … 1 fastest; applies from the next sentence."""
        self._rate_value = max(-1.0, min(1.0, rate))
        self._send("rate", value=self._rate_value)

    def shutdown(self) -> None:
        """Stop speaking and end the engine's process (the window is closing)."""
        self.stop()
        self._end_process("wait")

    # -- speaking ----------------------------------------------------------------------------
    @property
    def state(self) -> str:
        return self._state

    @property
    def index(self) -> int:
        """The sentence being said, paused in or about to be said; -1 when stopped."""
        return self._index if self._state != "stopped" else -1

    def replace(self, sentences: Sequence[str]) -> bool:
        """The same reading in other words (the reader changed units): the sentence being
        read starts again in its new words. ``False`` if nothing is being read or the
        sentences do not match one for one."""
        sentences = tuple(sentences)
        if self._state == "stopped" or len(sentences) != len(self._sentences):
            return False
        self._sentences = sentences
        if self._sent:
            self._send("stop")
            self._sent = False
        if self._state == "speaking":
            self._start_sentence(self._index)
        return True

    def speak(self, sentences: Sequence[str], start: int = 0) -> bool:
        """Say ``sentences`` from ``start`` on (once the engine is open); ``False`` if there
        is nothing to say. An engine found unavailable before is tried again: a voice may have
        been installed since (``failed`` says why if there is still none)."""
        self.stop()
        sentences = tuple(sentences)
        if not 0 <= start < len(sentences):
            return False
        if self._status == "unavailable":
            self._status = "closed"
        self._sentences, self._index, self._sent = sentences, start, False
        if self._status != "open":
            self._set_state("starting")
            self.open()
            return True
        self._set_state("speaking")
        self._start_sentence(start)
        return True

    def pause(self) -> None:
        """Pause; while the engine is still opening, reading waits paused at its start."""
        if self._state == "speaking":
            self._watchdog.stop()
            self._send("pause")
            self._set_state("paused")
        elif self._state == "starting":
            self._set_state("paused")

    def resume(self) -> None:
        if self._state != "paused":
            return
        if self._sent:
            self._set_state("speaking")
            self._send("resume")
            self._arm(len(self._sentences[self._index]))
        elif self._status == "open":
            self._set_state("speaking")
            self._start_sentence(self._index)
        else:  # paused before the engine opened: go on waiting for it
            self._set_state("starting")

    def stop(self) -> None:
        """Stop at once; nothing more is said."""
        if self._status != "opening":
            self._watchdog.stop()
        if self._state == "stopped":
            return
        self._set_state("stopped")
        if self._sent:
            self._send("stop")

    # -- inside ------------------------------------------------------------------------------
    def _send(self, what: str, **values) -> None:
        if self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning:
            self._process.write(json.dumps({"do": what, **values}).encode() + b"\n")

    def _start_sentence(self, index: int) -> None:
        self._index, self._sent, self._began = index, True, False
        self._seq += 1
        self.sentenceStarted.emit(index)
        self._watchdog.start(START_LIMIT_MS)
        self._send("say", text=self._sentences[index], seq=self._seq)

    def _arm(self, characters: int) -> None:
        slowest = 2.0 if self._rate_value < 0 else 1.0
        self._watchdog.start(int(START_LIMIT_MS + characters * PER_CHARACTER_MS * slowest))

    def _read_events(self) -> None:
        process = self._process
        while process is not None and process is self._process and process.canReadLine():
            self._dispatch_line(bytes(process.readLine()))

    def _dispatch_line(self, line: bytes) -> None:
        """One event from the engine's process (see ``speech_host``)."""
        try:
            event = json.loads(line)
        except ValueError:
            return
        what = event.get("event") if isinstance(event, dict) else None
        if what == "voices":  # another language's voices
            self._voices = [str(name) for name in event.get("voices", ())]
            self._voice_name = str(event.get("voice", "")) or None
            self.voicesChanged.emit()
        elif what == "opened":
            self._on_opened([str(name) for name in event.get("voices", ())],
                            str(event.get("voice", "")))
        elif what == "unavailable":
            self._on_unavailable(_unavailable_text(event))
        elif what == "state":
            if event.get("seq", self._seq) == self._seq:  # not late news of an earlier one
                self._on_engine_state(str(event.get("state")))
        elif what == "error":
            self._on_engine_error(str(event.get("message") or ""))

    def _log_engine(self) -> None:
        """What the engine's process says on stderr (Qt's and the engine's warnings)."""
        if self._process is not None:
            text = bytes(self._process.readAllStandardError()).decode(errors="replace")
            for line in text.splitlines():
                if line.strip():
                    _log.info("speech engine: %s", line.strip())

    def _on_opened(self, voices: list[str], current: str) -> None:
        self._watchdog.stop()
        self._status = "open"
        self._voices = voices
        self._voice_name = self._voice_name if self._voice_name in voices else current
        self._send("rate", value=self._rate_value)
        if self._language:
            self._send("language", value=self._language)
        if self._voice_name and self._voice_name != current:
            self._send("voice", name=self._voice_name)
        self.voicesChanged.emit()
        if self._state == "starting":
            self._set_state("speaking")
            self._start_sentence(self._index)

    def _on_unavailable(self, problem: str) -> None:
        self._watchdog.stop()
        self._status, self._problem = "unavailable", problem
        self._end_process()
        self._set_state("stopped")
        self.failed.emit(problem)

    def _on_engine_state(self, state: str) -> None:
        if self._state == "paused":
            self._while_paused(state)
            return
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

    def _while_paused(self, state: str) -> None:
        """The engine's news after Pause was pressed: a sentence it had not begun when the
        pause reached it begins now (pause it again), or it ended just then (Resume starts
        the next one)."""
        if state == "speaking" and self._sent:
            self._began = True
            self._send("pause")
        elif state == "ready" and self._sent and self._began:
            self._sent = False
            if self._index + 1 < len(self._sentences):
                self._index += 1
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
        self.failed.emit(translate(
            "Speaker", "Reading aloud stopped: the speech engine reported a problem "
            "({details}).").format(details=message or translate("Speaker", "no details")))

    def _on_watchdog(self) -> None:
        """The engine did not open, or did not start or finish a sentence, in time: end its
        process (a fresh one is started next time) and say so."""
        if self._status == "opening":
            self._end_process("kill")
            if self._state != "stopped":  # someone is still waiting for it
                self._set_state("stopped")
                self.failed.emit(translate(
                    "Speaker", "{problem} (The speech engine did not start.)").format(
                        problem=translate("Speaker", NO_ANSWER)))
        elif self._state == "speaking":
            self._end_process("kill")
            self._set_state("stopped")
            self.failed.emit(translate("Speaker", NO_ANSWER))

    def _on_process_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            detail = self._process.errorString()
            self._process = None
            self._status, self._problem = "unavailable", translate(
                "Speaker", "Read aloud could not start its speech engine ({detail}).").format(
                    detail=detail)
            self._watchdog.stop()
            self._set_state("stopped")
            self.failed.emit(self._problem)

    def _on_process_finished(self, process: QProcess) -> None:
        """The engine's process ended by itself (it crashed, or was ended from outside)."""
        if process is not self._process:
            return  # one this speaker already let go
        self._log_engine()
        self._read_events()  # its last words (an error) come before "stopped working"
        if process is not self._process:
            return
        self._process, self._status = None, "closed"
        self._watchdog.stop()
        if self._state != "stopped":
            self._set_state("stopped")
            self.failed.emit(translate("Speaker", ENGINE_ENDED))

    def _end_process(self, how: str = "ask") -> None:
        """Let the engine's process go. ``ask``: close its stdin, so it ends by itself, and
        kill it if it has not after ``QUIT_LIMIT_MS``; ``wait``: the same, but return only
        once it has ended (the reader is closing); ``kill``: end it now (it is stuck)."""
        process, self._process = self._process, None
        if self._status != "unavailable":
            self._status = "closed"
        if process is None:
            return
        # Not deleted here: it may be inside one of its own signals. It is the speaker's child,
        # freed with it; one is left behind only when an engine failed.
        if how == "kill":
            process.kill()
            return
        process.closeWriteChannel()
        if how == "wait":
            if not process.waitForFinished(QUIT_LIMIT_MS):
                process.kill()
                process.waitForFinished(QUIT_LIMIT_MS)
            return
        QTimer.singleShot(QUIT_LIMIT_MS, process, process.kill)

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)


def _unavailable_text(event: dict) -> str:
    """The words of an ``unavailable`` event for the reader, in the reader's language."""
    message = str(event.get("message") or NO_ENGINE)
    if message in _KNOWN_MESSAGES:
        message = translate("Speaker", message)
    if event.get("error"):
        return translate("Speaker", "{problem} ({error})").format(
            problem=message, error=event["error"])
    if event.get("engine_said"):
        return translate("Speaker", "{problem} (The speech engine said: {detail})").format(
            problem=message, detail=event["engine_said"])
    return message


def speak_and_wait(sentences: Sequence[str]) -> int:
    """Say ``sentences`` and return when done: 0, or 1 with the reason on stderr (for
    ``reader read-aloud``, which has no window)."""
    import sys

    from PySide6.QtCore import QCoreApplication

    if not sentences:
        return 0
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    speaker = Speaker()
    outcome: dict[str, int] = {}

    def end(code: int, message: str = "") -> None:
        if message:
            print(f"reader: {message}", file=sys.stderr)
        outcome.setdefault("code", code)
        app.quit()

    speaker.finished.connect(lambda: end(0))
    speaker.failed.connect(lambda message: end(1, message))
    if not speaker.speak(sentences):
        outcome.setdefault("code", 1)
    if "code" not in outcome:  # one reported at once must not leave exec() waiting forever
        app.exec()
    speaker.shutdown()
    return outcome.get("code", 1)
