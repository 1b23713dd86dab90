"""What read-aloud says for a page, sentence by sentence, made from the HTML the reader sees
(no Qt here: the standard library's HTML parser).

An article page is its title, a review line, the body, the sources, the educational notice
and the previous/next footer (``reader/render/pages.py``). The script is the title, the body
and the notice, in the order they are shown, so the notice comes last. The review dates, the
sources (a list of citations, long and of no use by ear), the footer's links and the "Open
the live diagram" link under a diagram (a thing to click) are not read, and neither is a note
about the file that is meant for its author.

Headings, paragraphs, list items and table cells are blocks. A heading is one sentence; other
blocks are split into sentences (:func:`split_sentences`). A link's text is read like the text
around it; a picture is read as "Picture: " and its description; an item of a numbered list
starts with its number, which the page shows and its text may refer to ("from step 1"). A table
cell that is only a number is said with its column's heading, which gives it its meaning:
"54" under "mg/dL" is "54 milligrams per deciliter", "3" under "Times a day" is "Times a day:
3".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from reader.speech import spanish
from reader.speech.words import UNIT_WORDS, spoken

if TYPE_CHECKING:
    from reader.library.model import Article, Library

#: A picture in the text on screen (Qt's plain text has this character where an image is).
PICTURE = "\ufffc"

_BLOCK_KINDS = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "p": "paragraph", "li": "item", "dt": "item", "dd": "item", "td": "cell",
    "th": "cell", "caption": "paragraph", "figcaption": "paragraph", "pre": "paragraph",
    "blockquote": "paragraph", "div": "paragraph",
}
#: Tags that end the text before them (it is a block of its own).
_BREAKS = set(_BLOCK_KINDS) | {"ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr",
                               "hr", "br", "body", "section", "article", "figure", "img"}
_VOID = {"br", "img", "hr", "wbr", "input", "meta", "link", "col", "area", "source", "base"}
_SKIPPED_TAGS = {"head", "title", "script", "style", "template"}
#: Parts of a page that are not read (see the module's docstring).
_SKIPPED_CLASSES = {"updated", "sources", "neighbours", "handout-header", "handout-footer",
                    "file-problem", "diagram-link"}
_NOTICE_CLASS = "notice"
#: A table cell that is only an amount: "54", "3.0", "< 5.7", "7%".
_AMOUNT_CELL_RE = re.compile(r"[<>≤≥~]?\s*\d+(?:[.,]\d+)*\s*%?")
_SAYS_PICTURE_RE = re.compile(r"(?:picture|diagram|photo|photograph|image|drawing|chart|graph|"
                              r"illustration|map|imagen|diagrama|dibujo|foto|fotografía|"
                              r"gráfico|gráfica|ilustración|mapa)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    """One sentence of the script."""

    #: The sentence as the page shows it (to find it on screen: :func:`reader.speech.locate`);
    #: :data:`PICTURE` for a picture.
    shown: str
    #: The words the speech engine is given.
    spoken: str
    #: "heading", "paragraph", "item", "cell", "picture" or "notice".
    kind: str
    #: The index in the script of the heading this sentence falls under (a heading's own
    #: index for a heading), or -1 before the first heading.
    heading: int = -1


#: Words ending in a full stop that do not end a sentence ("No." only before a number).
_NOT_AN_END = {"e.g", "i.e", "dr", "mr", "mrs", "ms", "vs", "st", "approx", "fig", "cf", "no"}
_END_RE = re.compile(r"[.!?]+[\"'”’)\]»]*(?=\s+[¿¡\"'“‘(\[«]?[A-ZÁÉÍÓÚÑÜ0-9])")


def split_sentences(text: str) -> list[str]:
    """``text`` cut into sentences at ". ", "! " or "? " before a capital or a digit (closing
    quotes and brackets stay with their sentence); not after "e.g.", "Dr." or a list's
    number ("1. Have"), and never inside a number ("3.9") or a unit ("mg/dL": a full stop
    after it ends the sentence as any other does)."""
    sentences: list[str] = []
    start = 0
    for match in _END_RE.finditer(text):
        before = text[start:match.start()]
        words = before.split()
        word = words[-1].lower() if words else ""
        if match.group(0).startswith("."):
            following = text[match.end():].lstrip()
            if word in _NOT_AN_END and (word != "no" or following[:1].isdigit()):
                continue  # "e.g. Apples", "No. 2" (but "No. Every article …" ends there)
            if re.fullmatch(r"\s*(?:\d{1,3}|[A-Za-z])", before):
                continue  # a number or letter that only counts: "1. Have 15 grams"
        sentences.append(text[start:match.end()].strip())
        start = match.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def _readable(text: str) -> bool:
    """Worth saying: has a letter or a digit (not only punctuation or a symbol)."""
    return any(ch.isalnum() for ch in text)


class _Reader(HTMLParser):
    """Collects the blocks of a page and turns them into sentences as they end."""

    def __init__(self, abbreviations: Mapping[str, str], language: str = "en") -> None:
        super().__init__(convert_charrefs=True)
        self.abbreviations = abbreviations
        #: How this page's words are said: English (``words``) or Spanish (``spanish``).
        self._spoken = spanish.spoken if language == "es" else spoken
        self._units = spanish.UNIT_WORDS if language == "es" else UNIT_WORDS
        self._picture = "Imagen: " if language == "es" else "Picture: "
        self.sentences: list[Sentence] = []
        self.heading = -1
        #: Open elements: tag, the kind of block it makes, whether it starts a part that is
        #: not read, whether it is the notice.
        self._open: list[tuple[str, str | None, bool, bool]] = []
        self._skipping = 0  # open elements that are not read
        self._notice = 0
        self._text: list[str] = []
        #: The next number of each open list (``None`` for a list with bullets), and the
        #: number of the numbered item whose first sentence is still to come.
        self._lists: list[int | None] = []
        self._number: int | None = None
        #: The open tables: each one's column headings, and its row and column being read
        #: (the innermost last: a table can hold another in a cell).
        self._tables: list[tuple[dict[int, str], list[int]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        skip = tag in _SKIPPED_TAGS or bool(classes & _SKIPPED_CLASSES)
        if tag in _BREAKS or skip:
            self._flush()
        if tag == "img":
            alt = " ".join((attributes.get("alt") or "").split())
            if alt and not self._skipping:
                said = self._spoken(alt, self.abbreviations)
                if not _SAYS_PICTURE_RE.match(said):  # "Diagram: …" says what it is itself
                    said = self._picture + said
                self._add(PICTURE, said, "picture")
            return
        if tag in _VOID:
            return
        notice = _NOTICE_CLASS in classes
        if tag in ("ol", "ul"):
            start = attributes.get("start") or "1"
            self._lists.append((int(start) if start.isdigit() else 1) if tag == "ol" else None)
        elif tag == "li":
            number = self._lists[-1] if self._lists else None
            self._number = number
            if number is not None:
                self._lists[-1] = number + 1
        elif tag == "table":
            self._tables.append(({}, [-1, -1]))
        elif tag == "tr" and self._tables:
            place = self._tables[-1][1]
            place[0], place[1] = place[0] + 1, -1
        elif tag in ("td", "th") and self._tables:
            self._tables[-1][1][1] += 1
        self._open.append((tag, _BLOCK_KINDS.get(tag), skip, notice))
        self._skipping += skip
        self._notice += notice

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not any(entry[0] == tag for entry in self._open):
            return  # a stray end tag (or a void one)
        if tag in _BREAKS:  # the end of a block ends its text; inline ends (</a>) do not
            self._flush()
        while self._open:
            open_tag, _, skip, notice = self._open.pop()
            self._skipping -= skip
            self._notice -= notice
            if open_tag in ("ol", "ul") and self._lists:
                self._lists.pop()
            if open_tag == "table" and self._tables:
                self._tables.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _kind(self) -> str:
        if self._notice:
            return "notice"
        return next((kind for _, kind, _, _ in reversed(self._open) if kind), "paragraph")

    def _flush(self) -> None:
        # HTML's white space (not the no-break space a glucose value keeps) is one space.
        text = re.sub(r"[ \t\n\r\f]+", " ", "".join(self._text)).strip(" ")
        self._text = []
        if not text or self._skipping:
            return
        kind = self._kind()
        if kind == "heading":
            self.heading = len(self.sentences)
            self._add(text, self._spoken(text, self.abbreviations), kind)
            return
        if kind == "cell" and self._tables:
            said = self._cell(text)
            if said is not None:
                self._add(text, said, kind)
                return
        in_item = any(tag == "li" for tag, _, _, _ in self._open)
        for sentence in split_sentences(text):
            said = self._spoken(sentence, self.abbreviations)
            if self._number is not None and in_item:
                # The page shows a numbered list's numbers, and its text may refer to them
                # ("use a fast sugar from step 1"), so they are said too.
                said, self._number = f"{self._number}. {said}", None
            self._add(sentence, said, kind)

    def _cell(self, text: str) -> str | None:
        """What is said for a cell that is only an amount: with its column's heading ("54"
        under "mg/dL": "54 milligrams per deciliter"). ``None`` for any other cell, read as
        text (a heading cell is kept as its column's name)."""
        headings, (row, column) = self._tables[-1]
        if row == 0 or self._innermost("th"):
            headings.setdefault(column, text)
            return None
        heading = headings.get(column)
        if heading and _AMOUNT_CELL_RE.fullmatch(text):
            if heading.strip() in self._units:  # "54 milligrams per deciliter"
                return self._spoken(f"{text} {heading.strip()}", self.abbreviations)
            return self._spoken(f"{heading}: {text}", self.abbreviations)
        return None

    def _innermost(self, tag: str) -> bool:
        return next((open_tag == tag for open_tag, kind, _, _ in reversed(self._open) if kind),
                    False)

    def _add(self, shown: str, said: str, kind: str) -> None:
        if _readable(said) and (shown == PICTURE or _readable(shown)):
            self.sentences.append(Sentence(shown, said, kind, self.heading))


def script(html: str, abbreviations: Mapping[str, str] | None = None,
           language: str = "en") -> tuple[Sentence, ...]:
    """The sentences read aloud for a page's ``html``, in the order they are shown;
    ``abbreviations`` (:func:`reader.speech.words.abbreviations`) are said in full; the words
    are said as ``language`` says them (English, or Spanish: :mod:`reader.speech.spanish`)."""
    reader = _Reader(abbreviations or {}, language)
    reader.feed(html)
    reader.close()
    return tuple(reader.sentences)


def headings(sentences: tuple[Sentence, ...]) -> list[tuple[int, str]]:
    """``(index, text)`` of every heading of a script, to read from there."""
    return [(i, s.shown) for i, s in enumerate(sentences) if s.kind == "heading"]


def article_script(library: Library, article: Article,
                   units: str = "both") -> tuple[Sentence, ...]:
    """The script of ``article`` as the reader shows it in ``units`` ("both", "mg" or
    "mmol"), with the library's glossary abbreviations said in full."""
    from reader.render import Renderer
    from reader.render.glossary import load_glossary
    from reader.speech.words import abbreviations

    html = Renderer(library, units=units).article(article).html
    return script(html, abbreviations(load_glossary(library)), library.language)
