"""Read aloud, in the core: what a listener hears for a page (reader/speech), no Qt."""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import types
import zlib

import pytest

from reader.cli import main
from reader.library import load_library
from reader.render import Renderer
from reader.render.glossary import load_glossary
from reader.speech.locate import locate
from reader.speech.script import PICTURE, article_script, headings, script, split_sentences
from reader.speech.words import abbreviations, spoken
from reader.system import paths
from tests.conftest import ROOT, article

FIFTEEN = "lows-highs-and-sick-days/treating-a-low-the-15-15-rule"
UNITS_ARTICLE = "tests-numbers-and-monitoring/blood-sugar-units-mg-dl-and-mmol-l"

GLOSSARY = article("Glossary", """\
Words.

## CGM

Short for continuous glucose monitor. It is a small sensor worn on the skin.

## DKA

Short for diabetic ketoacidosis. It is an emergency.

## eGFR

Short for estimated glomerular filtration rate. It shows how well your kidneys work.

## Glucagon

A hormone that raises blood sugar.
""", glossary="yes")

LOWS = article("Lows", """\
A low is below {{70 mg/dL}}. Treat it at once.

## What to do

1. **Have 15 grams of fast sugar.** For example, 4 glucose tablets.
2. **Wait 15 minutes.**

- Check with your CGM.
- Keep [glucagon](01-glossary.md#glucagon) near.

## Aim

| Time | Target |
|---|---|
| Before meals | {{80–130 mg/dL}} |

![A meter showing 112](meter.png)
""", sources="A. Textbook of lows, 2024.", updated="2026-01-02")


def png() -> bytes:
    """A real one-pixel PNG (the article view draws it; the script reads its description)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


@pytest.fixture
def small(make_library):
    root = make_library({"01-glossary.md": GLOSSARY, "02-lows.md": LOWS,
                         "03-next.md": article("Next One"), "meter.png": png()})
    return load_library(root)


def spoken_lines(library, article_id, units="both"):
    return [s.spoken for s in article_script(library, library.articles[article_id], units)]


# -- the order of what is read ---------------------------------------------------------------

def test_a_small_article_is_read_title_body_then_the_notice(small):
    sentences = article_script(small, small.articles["lows"])
    said = [(s.kind, s.spoken) for s in sentences]
    assert said == [
        ("heading", "Lows"),
        ("paragraph", "A low is below 70 milligrams per deciliter, or 3.9 millimoles per liter."),
        ("paragraph", "Treat it at once."),
        ("heading", "What to do"),
        ("item", "1. Have 15 grams of fast sugar."),
        ("item", "For example, 4 glucose tablets."),
        ("item", "2. Wait 15 minutes."),
        ("item", "Check with your continuous glucose monitor."),
        ("item", "Keep glucagon near."),  # a link is read as its text
        ("heading", "Aim"),
        ("cell", "Time"), ("cell", "Target"),
        ("cell", "Before meals"),
        ("cell", "80 to 130 milligrams per deciliter, or 4.4 to 7.2 millimoles per liter"),
        ("picture", "Picture: A meter showing 112"),
        ("notice", "For your information."),
        ("notice", "The information here is general: it helps you learn about diabetes, but it "
                   "is not medical advice for you."),
        ("notice", "Talk with your doctor or diabetes care team before you change how you eat, "
                   "move or take medicine."),
        ("notice", "If you feel very unwell, get emergency help."),
    ]
    # Not read: the review dates, the sources, the previous/next links.
    everything = " ".join(s.spoken for s in sentences)
    for unread in ("reviewed", "Sources", "Textbook", "Previous", "Next One"):
        assert unread not in everything


def test_each_sentence_knows_its_heading_and_reading_can_start_at_one(small):
    sentences = article_script(small, small.articles["lows"])
    assert headings(sentences) == [(0, "Lows"), (3, "What to do"), (9, "Aim")]
    assert [s.heading for s in sentences[:5]] == [0, 0, 0, 3, 3]
    assert {s.heading for s in sentences[9:]} == {9}  # the notice falls under the last one
    assert sentences[14].shown == PICTURE  # where Qt's text has the picture
    assert script("<p>Before any heading.</p>")[0].heading == -1


def test_the_units_setting_decides_what_is_said(small):
    line = {units: spoken_lines(small, "lows", units)[1] for units in ("both", "mg", "mmol")}
    assert line["both"] == ("A low is below 70 milligrams per deciliter, "
                            "or 3.9 millimoles per liter.")
    assert line["mg"] == "A low is below 70 milligrams per deciliter."
    assert line["mmol"] == "A low is below 3.9 millimoles per liter."
    shown = article_script(small, small.articles["lows"], "mmol")[1].shown
    assert shown == "A low is below 3.9\xa0mmol/\u2060L."  # exactly as the page has it


def test_nothing_outside_the_article_is_read():
    html = ('<html><head><title>T</title></head><body><h1>T</h1><p class="updated">Last '
            'reviewed: 1 May 2026</p><p class="file-problem">a.md:3: bad line</p><p>Body.</p>'
            '<h2 class="sources">Sources</h2><ul class="sources"><li>A book.</li></ul>'
            '<table class="notice"><tr><td><b>Note.</b> Read me.</td></tr></table>'
            '<table class="neighbours"><tr><td>← Previous: <a href="x">A</a></td></tr>'
            "</table></body></html>")
    assert [(s.kind, s.shown) for s in script(html)] == [
        ("heading", "T"), ("paragraph", "Body."), ("notice", "Note."), ("notice", "Read me.")]


def test_pictures_and_links_are_read_as_text():
    html = ('<p>See <a href="reader:article/x">the <b>other</b> page</a> now.</p>'
            '<p><img src="a.png" alt="A glucose meter"> <img src="b.png" alt=""></p>'
            '<div><span class="diagram"><a href="reader:diagram/normal"><img alt="Diagram: a '
            'cell"></a><br><a class="diagram-link" href="x">Open the live diagram</a></span>'
            "</div>")
    assert [(s.kind, s.shown, s.spoken) for s in script(html)] == [
        ("paragraph", "See the other page now.", "See the other page now."),
        ("picture", PICTURE, "Picture: A glucose meter"),  # one without a description: silent
        ("picture", PICTURE, "Diagram: a cell"),  # no "Picture:" before what says it itself
    ]


# -- sentences ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "sentences"), [
    ("It is 3.9 mmol/L. That is low.", ["It is 3.9 mmol/L.", "That is low."]),
    ("Drink juice, e.g. Apple juice. Then wait.", ["Drink juice, e.g. Apple juice.",
                                                   "Then wait."]),
    ("Dr. Lee said so. Then we left.", ["Dr. Lee said so.", "Then we left."]),
    ("Below 70\xa0mg/\u2060dL. Treat it!", ["Below 70\xa0mg/\u2060dL.", "Treat it!"]),
    ("1. Have 15 grams. 2. Wait.", ["1. Have 15 grams.", "2. Wait."]),
    ("Is it my fault? No. Diabetes is not.", ["Is it my fault?", "No.", "Diabetes is not."]),
    ("See No. 2 above.", ["See No. 2 above."]),
    ('Try "sugar" or "tired." Medical words work.', ['Try "sugar" or "tired."',
                                                    "Medical words work."]),
    ("Aim for 6.5% or less. Ask why.", ["Aim for 6.5% or less.", "Ask why."]),
    ("Wow! really.", ["Wow! really."]),
])
def test_sentences_end_where_a_reader_would_stop(text, sentences):
    assert split_sentences(text) == sentences


def test_a_heading_is_one_sentence():
    assert [s.shown for s in script("<h2>Why? Because. Yes.</h2>")] == ["Why? Because. Yes."]


def test_no_sentence_in_the_library_is_empty_or_only_punctuation():
    library = load_library(paths.bundled_library())
    for article_id in library.reading_order:
        for sentence in article_script(library, library.articles[article_id]):
            assert re.search(r"\w", sentence.spoken), (article_id, sentence)
            assert sentence.shown == PICTURE or re.search(r"\w", sentence.shown)


def test_the_library_is_said_without_symbols_an_engine_stumbles_on():
    library = load_library(paths.bundled_library())
    for units in ("both", "mg", "mmol"):
        for article_id in library.reading_order:
            for line in spoken_lines(library, article_id, units):
                assert not re.search(r"[/%°–≥≤<>()\u2060\xa0]|\d-\d|\bmg\b|\bmmol\b|A1C|,,",
                                     line), (article_id, line)


# -- words ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("shown", "said"), [
    ("70\xa0mg/\u2060dL", "70 milligrams per deciliter"),
    ("3.9\xa0mmol/\u2060L", "3.9 millimoles per liter"),
    ("below 70\xa0mg/\u2060dL (3.9\xa0mmol/\u2060L), treat it",
     "below 70 milligrams per deciliter, or 3.9 millimoles per liter, treat it"),
    ("at or above 70 mg/dL (3.9 mmol/L).",
     "at or above 70 milligrams per deciliter, or 3.9 millimoles per liter."),
    ("1 mmol/L", "1 millimole per liter"),
    # Two amounts in both units: each unit once, so "or" is not heard as a choice.
    ("Between 70 mg/dL (3.9 mmol/L) and 90 mg/dL (5.0 mmol/L), eat",
     "Between 70 and 90 milligrams per deciliter, or 3.9 and 5.0 millimoles per liter, eat"),
    ("It is measured in mg/dL or mmol/L.",
     "It is measured in milligrams per deciliter or millimoles per liter."),
    ("80–130\xa0mg/\u2060dL", "80 to 130 milligrams per deciliter"),
    ("80-130", "80 to 130"),
    ("70 to 180 mg/dL", "70 to 180 milligrams per deciliter"),
    ("between 70–180 mg/dL", "between 70 and 180 milligrams per deciliter"),
    ("0.6 to 1.4 mmol/L", "0.6 to 1.4 millimoles per liter"),
    ("≥126 mg/dL", "at least 126 milligrams per deciliter"),
    ("≤ 7%", "at most 7 percent"),
    ("<54 mg/dL", "below 54 milligrams per deciliter"),
    (">250", "above 250"),
    ("6.5% (48 mmol/mol)", "6.5 percent, or 48 millimoles per mole"),
    ("5.7–6.4%", "5.7 to 6.4 percent"),
    ("at 36–46 °F (2–8 °C).", "at 36 to 46 degrees Fahrenheit, or 2 to 8 degrees Celsius."),
    ("98.6°F", "98.6 degrees Fahrenheit"),
    ("Your A1C test", "Your A 1 C test"),
    ("the 15-15 rule", "the 15 15 rule"),
    ("the 15-minute wait", "the 15 minute wait"),
    ("Have 15 g of sugar, or 1 g more.", "Have 15 grams of sugar, or 1 gram more."),
    ("half a cup (4 ounces or 120 mL) of juice",
     "half a cup, 4 ounces or 120 milliliters, of juice"),
    ("200 pounds (91 kg)", "200 pounds, or 91 kilograms"),
    ("below 130/80 mmHg", "below 130 over 80 millimeters of mercury"),
    ("1/2 cup of oatmeal", "one half cup of oatmeal"),
    ("such as 70/30, show the mix", "such as 70 30, show the mix"),
    ("GLP-1 medicines and SGLT2 inhibitors", "G L P 1 medicines and S G L T 2 inhibitors"),
    ("GLUT4 doors", "GLUT 4 doors"),
    ("U-100 insulin", "U 100 insulin"),
    ("call 1-800-QUIT-NOW", "call 1 800 QUIT-NOW"),
    ("less than 2,300 mg a day", "less than 2,300 milligrams a day"),
    ("juice, e.g. apple", "juice, for example, apple"),
    ("that is, i.e. now", "that is, that is, now"),
    ("apples vs. pears", "apples versus pears"),
    ("tea and/or coffee", "tea or coffee"),
    ("your pen/syringe", "your pen or syringe"),
    ("press Ctrl+PgDn", "press Control plus Page Down"),
    ("choose View › Glucose Units", "choose View, then Glucose Units"),
    ("126 ÷ 18 = 7.0", "126 divided by 18 equals 7.0"),
    ("A1C: ______", "A 1 C: blank"),
    # A unit counted against another is "per", not a choice ("or") between two words.
    ("0.5 units/kg a day", "0.5 units per kilogram a day"),
    ("a dose in mg/kg", "a dose in milligrams per kilogram"),
    ("1 mg/kg", "1 milligram per kilogram"),
    ("2 L/day", "2 liters per day"),
])
def test_numbers_units_and_signs_are_said_in_words(shown, said):
    assert spoken(shown) == said


TABLE = {"CGM": "continuous glucose monitor", "DKA": "diabetic ketoacidosis",
         "HHS": "hyperosmolar hyperglycemic state", "eGFR": "estimated glomerular filtration rate"}


@pytest.mark.parametrize(("shown", "said"), [
    ("Wear your CGM.", "Wear your continuous glucose monitor."),
    ("CGMs beep at night.", "Continuous glucose monitors beep at night."),
    ("DKA is an emergency.", "Diabetic ketoacidosis is an emergency."),
    ("It is an HHS emergency.", "It is a hyperosmolar hyperglycemic state emergency."),
    ("Your eGFR is 60.", "Your estimated glomerular filtration rate is 60."),
    # Where the sentence spells it out, the author is teaching the short name: say it.
    ("Diabetic Ketoacidosis (DKA)", "Diabetic Ketoacidosis, or DKA"),
    ("This is called diabetic ketoacidosis, or DKA.",
     "This is called diabetic ketoacidosis, or DKA."),
    ("A CGM, or continuous glucose monitor, is small.",
     "A CGM, or continuous glucose monitor, is small."),
    ("A CGM (continuous glucose monitor) with alerts.",
     "A CGM, or continuous glucose monitor, with alerts."),
    ("eGFR stands for estimated glomerular filtration rate.",
     "e G F R stands for estimated glomerular filtration rate."),
    ("Very High Sugar (HHS)", "Very High Sugar, hyperosmolar hyperglycemic state"),
    ("CGM", "CGM"),  # the glossary's own heading
    ("eGFR", "e G F R"),
    ("Ask about a CGMX or an XCGM.", "Ask about a CGMX or an XCGM."),  # whole words only
])
def test_glossary_abbreviations_are_said_in_full(shown, said):
    assert spoken(shown, TABLE) == said


def test_the_abbreviation_table_is_the_glossary_short_for_terms(small):
    assert abbreviations(load_glossary(small)) == {
        "CGM": "continuous glucose monitor", "DKA": "diabetic ketoacidosis",
        "eGFR": "estimated glomerular filtration rate"}


def test_the_bundled_glossary_gives_every_abbreviation_it_defines():
    table = abbreviations(load_glossary(load_library(paths.bundled_library())))
    assert table == {
        "CGM": "continuous glucose monitor", "DKA": "diabetic ketoacidosis",
        "eGFR": "estimated glomerular filtration rate",
        "HHS": "hyperosmolar hyperglycemic state",
        "LADA": "latent autoimmune diabetes in adults",
        "MODY": "maturity-onset diabetes of the young",
        "mg/dL": "milligrams per deciliter", "mmol/L": "millimoles per liter"}


def test_units_in_the_table_are_still_said_as_units():
    table = {"mg/dL": "milligrams per deciliter"}
    assert spoken("1 mg/dL (0.1 mmol/L)", table) == ("1 milligram per deciliter, "
                                                     "or 0.1 millimoles per liter")


def test_a_number_alone_in_a_table_is_said_with_its_column_heading():
    """The Blood Sugar Units table: "54" and "3.0" alone mean nothing by ear."""
    library = load_library(paths.bundled_library())
    cells = [s for s in article_script(library, library.articles[UNITS_ARTICLE])
             if s.kind == "cell"]
    at = next(i for i, s in enumerate(cells) if s.shown.startswith("Level 2 low"))
    assert [s.spoken for s in cells[at:at + 3]] == [
        "Level 2 low blood sugar: below", "54 milligrams per deciliter",
        "3.0 millimoles per liter"]
    counted = script("<table><tr><th>Test</th><th>Times a year</th></tr>"
                     "<tr><td>A1C</td><td>2</td></tr></table>")
    assert [s.spoken for s in counted] == ["Test", "Times a year", "A 1 C", "Times a year: 2"]
    assert [s.shown for s in counted][-1] == "2"  # found on screen as it is shown


def test_a_loose_numbered_list_keeps_its_numbers():
    """Markdown makes ``<li><p>`` of a list with blank lines between its items."""
    said = [s.spoken for s in script("<ol><li><p>Have fast sugar.</p></li>"
                                     "<li><p>Wait 15 minutes.</p><p>Then check.</p></li></ol>")]
    assert said == ["1. Have fast sugar.", "2. Wait 15 minutes.", "Then check."]


# -- finding a sentence on screen ------------------------------------------------------------

def test_locate_finds_the_sentence_across_lines_and_word_joiners():
    page = "Key points\nRepeat until 70 mg/\u2060dL (3.9 mmol/\u2060L).\nRepeat until done."
    shown = "Repeat until 70\xa0mg/\u2060dL (3.9\xa0mmol/\u2060L)."
    start, end = locate(page, shown, 0)
    assert page[start:end] == "Repeat until 70 mg/\u2060dL (3.9 mmol/\u2060L)."
    assert locate(page.replace("\u2060", ""), shown, 0) is not None  # with or without one
    assert locate("Key\npoints", "Key points", 0) == (0, 10)
    # From where the sentence before ended: the second of two equal sentences.
    assert locate("Wait. Wait.", "Wait.", 1) == (6, 11)
    assert locate(page, "Not on this page.", 0) is None
    assert locate(page, "   ", 0) is None


def test_locate_finds_a_picture_where_qt_puts_it():
    assert locate("Before\n\ufffc\nAfter", PICTURE, 0) == (7, 8)


def test_find_in_page_still_matches_as_before():
    from reader.reading.find import find_all

    text = "70 mg/\u2060dL and 70 MG/dL\nand  70 mg / dL"
    assert find_all(text, "70 mg/dL") == [(0, 9), (14, 8)]
    assert find_all(text, "") == []


# -- the command -------------------------------------------------------------------------------

def test_read_aloud_text_prints_each_sentence_of_a_real_article():
    result = subprocess.run(
        [sys.executable, "-m", "reader", "read-aloud", FIFTEEN, "--text", "--units", "mg"],
        capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == ["Treating a Low: the 15 15 Rule", "Key points",
                         "Treat a low as soon as you notice it."]
    assert "A low means blood sugar below 70 milligrams per deciliter." in lines
    assert "1. Have 15 grams of fast sugar." in lines
    assert lines[-4:] == [
        "For your information.",
        "The information here is general: it helps you learn about diabetes, but it is not "
        "medical advice for you.",
        "Talk with your doctor or diabetes care team before you change how you eat, move or "
        "take medicine.",
        "If you feel very unwell, get emergency help."]
    assert all(line.strip() for line in lines)


def test_read_aloud_text_runs_without_qt(small):
    code = ("import sys; from reader.cli import main; "
            f"rc = main(['read-aloud', 'lows', '--text', '--library', {str(small.root)!r}]); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'; "
            "sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Lows"


def test_read_aloud_uses_the_units_set_in_the_app(small, capsys):
    from reader.user.preferences import Preferences
    from reader.user.settings import Settings

    settings = Settings.in_folder(paths.config_dir())
    Preferences(settings).units = "mmol"
    assert settings.save()
    assert main(["read-aloud", "lows", "--text", "--library", str(small.root)]) == 0
    assert "A low is below 3.9 millimoles per liter." in capsys.readouterr().out.splitlines()


def test_an_unknown_article_is_named_with_the_nearest_ids(small, capsys):
    assert main(["read-aloud", "low", "--text", "--library", str(small.root)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no article 'low'" in captured.err and "'lows'" in captured.err


def test_without_text_the_sentences_go_to_the_speaker(small, monkeypatch):
    heard: list[list[str]] = []
    speaker = types.ModuleType("reader.ui.speaker")
    speaker.speak_and_wait = lambda sentences: heard.append(list(sentences)) or 0
    monkeypatch.setitem(sys.modules, "reader.ui.speaker", speaker)
    assert main(["read-aloud", "lows", "--library", str(small.root)]) == 0
    assert heard == [spoken_lines(small, "lows", "both")]


def test_the_speech_core_loads_no_qt(small):
    code = ("import sys; import reader.speech.script, reader.speech.words, "
            "reader.speech.locate; from reader.library import load_library; "
            "from reader.speech.script import article_script; "
            f"library = load_library({str(small.root)!r}); "
            "assert article_script(library, library.articles['lows']); "
            "assert not any(m.startswith('PySide6') for m in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr


def test_the_script_is_made_from_the_page_the_reader_sees(small):
    renderer = Renderer(small, units="mg")
    html = renderer.article(small.articles["lows"]).html
    assert script(html, abbreviations(load_glossary(small))) == article_script(
        small, small.articles["lows"], "mg")


# -- the Spanish library ---------------------------------------------------------------------

@pytest.mark.parametrize(("shown", "said"), [
    ("Repita hasta que esté en 70 mg/dL (3.9 mmol/L) o más.",
     "Repita hasta que esté en 70 miligramos por decilitro, o 3.9 milimoles por litro, o más."),
    ("Una meta común es de 80–130 mg/dL (4.4–7.2 mmol/L).",
     "Una meta común es de 80 a 130 miligramos por decilitro, o 4.4 a 7.2 milimoles por "
     "litro."),
    ("entre 70 mg/dL (3.9 mmol/L) y 180 mg/dL (10.0 mmol/L)",
     "entre 70 y 180 miligramos por decilitro, o 3.9 y 10.0 milimoles por litro"),
    ("Una A1C de 6.5% o más", "Una A 1 C de 6.5 por ciento o más"),
    ("≥ 7%", "al menos 7 por ciento"),
    ("menos de 130/80 mmHg", "menos de 130 sobre 80 milímetros de mercurio"),
    ("0.5 unidades/kg al día", "0.5 unidades por kilogramo al día"),
    ("la regla 15-15", "la regla 15 15"),
    ("use la pluma/jeringa", "use la pluma o jeringa"),
    ("Ver › Unidades de glucosa", "Ver, luego Unidades de glucosa"),
    ("tome 15 g de azúcar", "tome 15 gramos de azúcar"),
])
def test_the_spanish_library_is_said_in_spanish_words(shown, said):
    from reader.speech.spanish import spoken as spoken_es

    assert spoken_es(shown) == said


def test_a_spanish_page_is_read_with_spanish_words_and_questions_split():
    said = [s.spoken for s in script(
        "<p>¿Puedo comer fruta? Sí. Coma 1 taza.</p><img alt='Dibujo: la célula'/>"
        "<p>Mida {{x}} 70 mg/dL.</p>", language="es")]
    assert said[:3] == ["¿Puedo comer fruta?", "Sí.", "Coma 1 taza."]
    assert said[3] == "Dibujo: la célula"  # says what it is itself: no "Imagen:" before it
    assert "70 miligramos por decilitro" in said[4]
    assert script("<img alt='la célula'/>", language="es")[0].spoken == "Imagen: la célula"
