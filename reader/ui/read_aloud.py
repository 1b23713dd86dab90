"""Read Aloud: the article shown, spoken sentence by sentence, each marked on the page as it is
read and scrolled into view.

What is said is made in the core (``reader/speech``: units and abbreviations in words, the
notice last); this controller finds each sentence on the page, hands the words to the
``Speaker`` and keeps the bar and the mark in step. Nothing about speech is loaded until the
reader first asks for it. A new page stops the reading.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from reader.library.model import Library
from reader.system.i18n import translate
from reader.ui.article_view import ArticleView
from reader.ui.read_aloud_bar import ReadAloudBar
from reader.user.preferences import READING_RATES, Preferences, read_faster, read_slower


class ReadAloud(QObject):
    """Start, pause, resume, stop; ``said`` carries what the reader should be told."""

    said = Signal(str)  # a status for the reader (and their screen reader)
    stateChanged = Signal(str)  # noqa: N815 — "speaking", "paused" or "stopped"

    def __init__(self, library: Library, view: ArticleView, bar: ReadAloudBar,
                 preferences: Preferences, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._abbreviations: dict[str, str] | None = None  # the glossary's, on first use
        self.view = view
        self.bar = bar
        self.preferences = preferences
        self.speaker = None  # a Speaker, made on first use
        self.sentences: tuple = ()
        self.spans: list[tuple[int, int] | None] = []
        bar.pauseRequested.connect(self.toggle)
        bar.stopRequested.connect(self.stop)
        bar.rateChosen.connect(self.set_rate)
        bar.voiceChosen.connect(self.set_voice)

    @property
    def state(self) -> str:
        return self.speaker.state if self.speaker is not None else "stopped"

    # -- commands ----------------------------------------------------------------------------
    def toggle(self) -> None:
        """Read Aloud: start reading the article, or pause, or resume."""
        if self.state in ("speaking", "starting"):
            self.speaker.pause()
        elif self.state == "paused":
            self.speaker.resume()
        else:
            self.start()

    def start(self, sentence: int = 0, position: int | None = None) -> bool:
        """Read from ``sentence`` (0: the top of the article), or from the first sentence at
        or after ``position`` in the page's text ("Read from here" in On This Page)."""
        page = self.view.page
        if page is None or page.location.kind != "article":
            self.said.emit(translate("ReadAloud", "Open an article to have it read aloud."))
            return False
        speaker = self._speaker()
        self._prepare(page.html)
        if not self.sentences:
            self.said.emit(translate("ReadAloud", "This page has nothing to read aloud."))
            return False
        if position is not None:
            found = self._sentence_at(position)
            if found is None:
                return False
            sentence = found
        self.bar.set_rate(speaker.rate)
        speaker.set_language(self.library.language)
        return speaker.speak([s.spoken for s in self.sentences],
                             min(max(sentence, 0), len(self.sentences) - 1))

    def read_from(self, position: int) -> bool:
        """Read from a place in the page (a heading chosen in On This Page)."""
        return self.start(position=position)

    def stop(self) -> None:
        if self.speaker is not None:
            self.speaker.stop()

    def faster(self) -> None:
        self.set_rate(read_faster(self.preferences.reading_rate))

    def slower(self) -> None:
        self.set_rate(read_slower(self.preferences.reading_rate))

    def set_rate(self, rate: float) -> None:
        self.preferences.reading_rate = rate
        self.bar.set_rate(rate)
        if self.speaker is not None:
            self.speaker.set_rate(rate)
        self.said.emit(translate("ReadAloud", "Reading speed: {speed}").format(
            speed=translate("Preferences", READING_RATES[rate])))

    def page_redrawn(self) -> None:
        """The page was drawn again in other words (units changed): go on reading from the
        same sentence, in the new words, marked where it now is."""
        if self.state == "stopped" or self.view.page is None:
            return
        self._prepare(self.view.page.html)
        if self.speaker.replace([s.spoken for s in self.sentences]):
            self._on_sentence(self.speaker.index)
        else:
            self.stop()

    def set_voice(self, name: str) -> None:
        if self.speaker is not None and self.speaker.set_voice(name):
            self.preferences.voice = name
            self.said.emit(translate("ReadAloud", "Voice: {name}").format(name=name))

    # -- inside ------------------------------------------------------------------------------
    def _speaker(self):
        if self.speaker is None:
            from reader.ui.speaker import Speaker

            self.speaker = Speaker(self)
            self.speaker.set_rate(self.preferences.reading_rate)
            self.speaker.voicesChanged.connect(self._on_voices)
            self.speaker.sentenceStarted.connect(self._on_sentence)
            self.speaker.stateChanged.connect(self._on_state)
            self.speaker.finished.connect(
                lambda: self.said.emit(translate("ReadAloud", "Finished reading aloud.")))
            self.speaker.failed.connect(self.said)
        return self.speaker

    def set_library(self, library: Library) -> None:
        self.stop()
        self.library, self._abbreviations = library, None

    def shutdown(self) -> None:
        """The window is closing: stop, and end the speech thread."""
        if self.speaker is not None:
            self.speaker.shutdown()

    def _on_voices(self) -> None:
        """The engine is open: use the voice chosen before, and offer the others."""
        if self.preferences.voice:
            self.speaker.set_voice(self.preferences.voice)
        self.bar.set_voices(self.speaker.voices(), self.speaker.voice())

    def _prepare(self, html: str) -> None:
        """The sentences of the page, and where each one is in the text on screen."""
        from reader.speech.locate import locate
        from reader.speech.script import script

        if self._abbreviations is None:
            from reader.render.glossary import load_glossary
            from reader.speech.words import abbreviations

            self._abbreviations = abbreviations(load_glossary(self.library))
        self.sentences = script(html, self._abbreviations, self.library.language)
        text = self.view.document().toPlainText()
        self.spans, position = [], 0
        for sentence in self.sentences:
            found = locate(text, sentence.shown, position)
            self.spans.append(found)
            if found is not None:
                position = found[1]

    def _sentence_at(self, position: int) -> int | None:
        """The first sentence at or after ``position`` (a heading's); ``None``, and the reader
        told so, when that part of the page is not read aloud (the sources)."""
        block = self.view.document().findBlock(position)
        end = block.position() + block.length()
        for i, span in enumerate(self.spans):
            if span is not None and span[1] > position:
                if span[0] < end or not block.text().strip():
                    return i
                break
        self.said.emit(translate("ReadAloud", "“{heading}” is not read aloud.").format(
            heading=" ".join(block.text().split())))
        return None

    def _on_sentence(self, index: int) -> None:
        span = self.spans[index] if 0 <= index < len(self.spans) else None
        if span is not None:
            self.view.mark_reading(*span)
        else:
            self.view.clear_reading()
        self.bar.show_state(self.state, index, len(self.sentences))

    def _on_state(self, state: str) -> None:
        index = self.speaker.index if self.speaker is not None else -1
        focused = QApplication.focusWidget()
        in_bar = focused is not None and self.bar.isAncestorOf(focused)
        self.bar.show_state(state, max(index, 0), len(self.sentences))
        if state == "stopped":
            self.view.clear_reading()
            if in_bar:  # back to the article, not wherever Qt sends it when the bar hides
                self.view.setFocus()
        self.stateChanged.emit(state)
