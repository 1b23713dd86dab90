"""The speech engine's own process: QTextToSpeech, driven by one JSON line per request.

Why a process and not a thread: opening an engine can block inside Qt for half a minute while
speech-dispatcher does not answer, and it blocks holding Python's interpreter lock, so a thread
would freeze the whole reader with it. In a process of its own a stuck engine freezes nothing:
the reader's ``Speaker`` times it out and ends it.

Requests (stdin, one JSON object a line): ``{"do": "say", "text": …, "seq": N}``, ``pause``,
``resume``, ``stop``, ``{"do": "rate", "value": -1…1}``, ``{"do": "voice", "name": …}``,
``{"do": "language", "value": "es"}`` (use that language's voices: a ``voices`` event
follows, like ``opened``). The
process ends when stdin closes (the reader quit), and on Linux when the reader dies. Events
(stdout): ``{"event": "opened", "voices": […], "voice": …}``, ``{"event": "unavailable",
"message": …, "error": …, "engine_said": …}`` (``message`` is ``NO_ENGINE``, in English: this
process has no translator, the reader translates it when it shows it; ``error`` and
``engine_said``, each there only when known, say why), ``{"event": "state", "state":
"speaking" | "paused" | "ready" | "error", "seq": N}``, ``{"event": "error", "message": …}``.

A state event carries the ``seq`` of the sentence it is about. Engines report a stop late (the
speech-dispatcher one resumes, then cancels, each reported on its own), so after a ``stop`` the
requests that follow wait until the engine is idle (at most ``SETTLE_MS``): the late events of
the stopped sentence can then never be taken for those of the next one.

Started as ``reader --speech-host ENGINE`` (``ENGINE`` empty: the platform's), so the frozen app
runs it from its own executable.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from typing import BinaryIO

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QLoggingCategory,
    QObject,
    QTimer,
    Signal,
    Slot,
)

from reader.system.i18n import QT_TRANSLATE_NOOP

#: The command-line flag that makes ``reader`` this process (not listed in ``--help``).
FLAG = "--speech-host"

#: Sent to the reader in English; the reader's ``Speaker`` translates it where it shows it.
NO_ENGINE = QT_TRANSLATE_NOOP(
    "Speaker", "Read aloud needs a speech voice, and none is installed on this computer. "
    "On Linux, install speech-dispatcher and espeak-ng (for example: sudo apt install "
    "speech-dispatcher espeak-ng). On Windows, add a voice under Settings › Time & "
    "Language › Speech. On a Mac, choose one under System Settings › Accessibility › "
    "Spoken Content.")


class _Requests(QObject):
    """Lines read from stdin in a thread, handed to the main thread as signals."""

    arrived = Signal(dict)
    ended = Signal()

    def read(self, stream: BinaryIO) -> None:
        for line in stream:
            try:
                request = json.loads(line)
            except ValueError:
                continue
            if isinstance(request, dict):
                self.arrived.emit(request)
        self.ended.emit()


#: How long requests after a ``stop`` wait for the engine to say it is idle (ms).
SETTLE_MS = 1000


class Engine(QObject):
    """QTextToSpeech, answering requests and reporting what it does through ``send``."""

    def __init__(self, name: str | None, send) -> None:
        super().__init__()
        self._name = name
        self._send = send
        self._tts = None
        self._seq = None  # the sentence being said
        self._waiting: list[dict] | None = None  # requests held while a stop settles
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.timeout.connect(self._settled)

    def open(self) -> None:
        # QtMultimedia names the sound libraries it looks for; speech does not need them.
        QLoggingCategory.setFilterRules("qt.multimedia.*=false")
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:  # the speech libraries are missing from this system
            self._send(event="unavailable", message=NO_ENGINE, error=str(error))
            return
        engines = [name for name in QTextToSpeech.availableEngines() if name != "mock"]
        name = self._name or (engines[0] if engines else None)
        if name is None:
            self._send(event="unavailable", message=NO_ENGINE)
            return
        tts = QTextToSpeech(name, self)
        failed = tts.state() == QTextToSpeech.State.Error
        if failed or not tts.availableVoices():
            detail = tts.errorString() if failed else ""
            self._send(event="unavailable", message=NO_ENGINE,
                       **({"engine_said": detail} if detail else {}))
            return
        names = {QTextToSpeech.State.Speaking: "speaking", QTextToSpeech.State.Paused: "paused",
                 QTextToSpeech.State.Ready: "ready", QTextToSpeech.State.Error: "error",
                 QTextToSpeech.State.Synthesizing: "speaking"}
        tts.stateChanged.connect(lambda state: self._on_state(names.get(state, "ready")))
        tts.errorOccurred.connect(lambda _reason, message: self._send(event="error",
                                                                      message=message))
        self._tts = tts
        self._send(event="opened", voices=[voice.name() for voice in tts.availableVoices()],
                   voice=tts.voice().name())

    def _on_state(self, state: str) -> None:
        if self._waiting is not None:
            if state in ("ready", "error"):
                self._settled()
            return  # the stopped sentence's own news
        self._send(event="state", state=state, seq=self._seq)

    def _settled(self) -> None:
        self._settle.stop()
        waiting, self._waiting = self._waiting or [], None
        for request in waiting:
            self.handle(request)

    @Slot(dict)
    def handle(self, request: dict) -> None:
        tts = self._tts
        if tts is None:
            return
        if self._waiting is not None:
            self._waiting.append(request)
            return
        from PySide6.QtTextToSpeech import QTextToSpeech

        what = request.get("do")
        if what == "say":
            self._seq = request.get("seq")
            tts.say(str(request.get("text", "")))
        elif what == "pause":
            tts.pause(QTextToSpeech.BoundaryHint.Immediate)
        elif what == "resume":
            tts.resume()
        elif what == "stop":
            busy = tts.state() not in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error)
            self._seq = None
            tts.stop(QTextToSpeech.BoundaryHint.Immediate)
            if busy and tts.state() not in (QTextToSpeech.State.Ready,
                                            QTextToSpeech.State.Error):
                self._waiting = []
                self._settle.start(SETTLE_MS)
        elif what == "rate":
            tts.setRate(max(-1.0, min(1.0, float(request.get("value", 0.0)))))
        elif what == "voice":
            for voice in tts.availableVoices():
                if voice.name() == request.get("name"):
                    tts.setVoice(voice)
                    break
        elif what == "language":
            self._use_language(str(request.get("value", "")))

    def _use_language(self, language: str) -> None:
        """Voices of ``language`` (the library's), where the engine has them: a Spanish page
        in an English voice is hard to follow. The reader hears which voices there are."""
        tts = self._tts
        if tts.locale().language() == QLocale(language).language():
            return
        wanted = QLocale(language).language()
        system = QLocale.system()
        matching = [locale for locale in tts.availableLocales() if locale.language() == wanted]
        if not matching:
            return
        # The computer's own country first (es_MX on a Mexican system), else the first one.
        matching.sort(key=lambda locale: locale.territory() != system.territory())
        tts.setLocale(matching[0])
        self._send(event="voices", voices=[voice.name() for voice in tts.availableVoices()],
                   voice=tts.voice().name())


def serve(engine: str | None) -> int:
    """Run the engine until stdin closes. Only the events reach stdout: whatever a library
    prints goes to stderr, so it cannot break a line of the protocol."""
    _end_with_the_reader()
    events = os.fdopen(os.dup(sys.stdout.fileno()), "wb", buffering=0)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])

    def send(**event) -> None:
        try:
            events.write(json.dumps(event).encode() + b"\n")
        except OSError:  # the reader is gone
            app.quit()

    speech = Engine(engine or None, send)
    requests = _Requests()
    requests.arrived.connect(speech.handle)
    requests.ended.connect(app.quit)
    threading.Thread(target=requests.read, args=(sys.stdin.buffer,), daemon=True).start()
    speech.open()
    app.exec()
    # Not a normal exit: an engine's destructor can wait on speech-dispatcher, and nothing is
    # left to save.
    events.flush()
    os._exit(0)


def _end_with_the_reader() -> None:
    """On Linux, be killed when the reader dies, even while stuck in the engine (its stdin
    closing is only noticed once Python runs again)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return


def command(engine: str | None) -> tuple[str, list[str]]:
    """The program and arguments that start this process, frozen or not."""
    prefix = [] if getattr(sys, "frozen", False) else ["-m", "reader"]
    return sys.executable, [*prefix, FLAG, engine or ""]
