"""The speech engine's own process: QTextToSpeech, driven by one JSON line per request.

Why a process and not a thread: opening an engine can block inside Qt for half a minute while
speech-dispatcher does not answer, and it blocks holding Python's interpreter lock, so a thread
would freeze the whole reader with it. In a process of its own a stuck engine freezes nothing:
the reader's ``Speaker`` times it out and ends it.

Requests (stdin, one JSON object a line): ``{"do": "say", "text": …}``, ``pause``, ``resume``,
``stop``, ``{"do": "rate", "value": -1…1}``, ``{"do": "voice", "name": …}``. The process ends
when stdin closes (the reader quit or died). Events (stdout): ``{"event": "opened", "voices":
[…], "voice": …}``, ``{"event": "unavailable", "message": …}``, ``{"event": "state", "state":
"speaking" | "paused" | "ready" | "error"}``, ``{"event": "error", "message": …}``.

Started as ``reader --speech-host ENGINE`` (``ENGINE`` empty: the platform's), so the frozen app
runs it from its own executable.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from typing import BinaryIO

from PySide6.QtCore import QCoreApplication, QLoggingCategory, QObject, Signal, Slot

#: The command-line flag that makes ``reader`` this process (not listed in ``--help``).
FLAG = "--speech-host"

NO_ENGINE = ("Read aloud needs a speech voice, and none is installed on this computer. "
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


class Engine(QObject):
    """QTextToSpeech, answering requests and reporting what it does through ``send``."""

    def __init__(self, name: str | None, send) -> None:
        super().__init__()
        self._name = name
        self._send = send
        self._tts = None

    def open(self) -> None:
        # QtMultimedia names the sound libraries it looks for; speech does not need them.
        QLoggingCategory.setFilterRules("qt.multimedia.*=false")
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:  # the speech libraries are missing from this system
            self._send(event="unavailable", message=f"{NO_ENGINE} ({error})")
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
            self._send(event="unavailable", message=NO_ENGINE + (
                f" (The speech engine said: {detail})" if detail else ""))
            return
        names = {QTextToSpeech.State.Speaking: "speaking", QTextToSpeech.State.Paused: "paused",
                 QTextToSpeech.State.Ready: "ready", QTextToSpeech.State.Error: "error",
                 QTextToSpeech.State.Synthesizing: "speaking"}
        tts.stateChanged.connect(
            lambda state: self._send(event="state", state=names.get(state, "ready")))
        tts.errorOccurred.connect(lambda _reason, message: self._send(event="error",
                                                                      message=message))
        self._tts = tts
        self._send(event="opened", voices=[voice.name() for voice in tts.availableVoices()],
                   voice=tts.voice().name())

    @Slot(dict)
    def handle(self, request: dict) -> None:
        tts = self._tts
        if tts is None:
            return
        from PySide6.QtTextToSpeech import QTextToSpeech

        what = request.get("do")
        if what == "say":
            tts.say(str(request.get("text", "")))
        elif what == "pause":
            tts.pause(QTextToSpeech.BoundaryHint.Immediate)
        elif what == "resume":
            tts.resume()
        elif what == "stop":
            tts.stop(QTextToSpeech.BoundaryHint.Immediate)
        elif what == "rate":
            tts.setRate(max(-1.0, min(1.0, float(request.get("value", 0.0)))))
        elif what == "voice":
            for voice in tts.availableVoices():
                if voice.name() == request.get("name"):
                    tts.setVoice(voice)
                    break


def serve(engine: str | None) -> int:
    """Run the engine until stdin closes. Only the events reach stdout: whatever a library
    prints goes to stderr, so it cannot break a line of the protocol."""
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


def command(engine: str | None) -> tuple[str, list[str]]:
    """The program and arguments that start this process, frozen or not."""
    prefix = [] if getattr(sys, "frozen", False) else ["-m", "reader"]
    return sys.executable, [*prefix, FLAG, engine or ""]
