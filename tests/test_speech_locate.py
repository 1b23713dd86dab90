"""The mark follows the voice: every sentence read aloud is found, in order, in the text the
article view shows (a QTextDocument of the same HTML, as QTextBrowser holds it)."""

from __future__ import annotations

import pytest

from reader.library import load_library
from reader.render import Renderer
from reader.render.glossary import load_glossary
from reader.speech.locate import locate
from reader.speech.script import PICTURE, script
from reader.speech.words import abbreviations
from reader.system import paths

pytest.importorskip("PySide6.QtGui")

#: What lies between two sentences on screen when it is not read (see reader/speech/script.py).
UNREAD = ("Last reviewed:", "Last updated:", "Sources\n", "Open the live diagram")


@pytest.mark.parametrize("units", ["both", "mg", "mmol"])
def test_every_sentence_of_every_article_is_found_on_screen_in_order(qapp, units):
    from PySide6.QtGui import QTextDocument

    library = load_library(paths.bundled_library())
    table = abbreviations(load_glossary(library))
    renderer = Renderer(library, units=units)
    checked = 0
    for article_id in library.reading_order:
        html = renderer.article(library.articles[article_id]).html
        document = QTextDocument()
        document.setHtml(html)
        text = document.toPlainText()
        position = 0
        sentences = script(html, table)
        assert sentences, article_id
        for sentence in sentences:
            found = locate(text, sentence.shown, position)
            assert found is not None, (article_id, sentence.shown, text[position:position + 200])
            start, end = found
            # Nothing read is passed over: between two sentences there is only white space
            # or a part of the page that is not read.
            gap = text[position:start].strip()
            assert not gap or gap.startswith(UNREAD), (article_id, sentence.shown, gap)
            if sentence.shown == PICTURE:
                assert text[start:end] == PICTURE
            position = end
            checked += 1
        # After the notice only the previous/next footer is left.
        assert "For your information" not in text[position:]
    assert checked > 5000


def test_a_picture_from_the_library_is_where_qt_draws_it(qapp, make_library):
    from PySide6.QtGui import QTextDocument

    from tests.conftest import article
    from tests.test_speech import png

    root = make_library({"a.md": article("A", "Look.\n\n![A meter](m.png)\n\nThen this."),
                         "m.png": png()})
    library = load_library(root)
    html = Renderer(library).article(library.articles["a"]).html
    document = QTextDocument()
    document.setHtml(html)
    text = document.toPlainText()
    position, spans = 0, []
    for sentence in script(html):
        found = locate(text, sentence.shown, position)
        assert found is not None, sentence
        spans.append(text[found[0]:found[1]])
        position = found[1]
    assert spans[1:4] == ["Look.", PICTURE, "Then this."]
