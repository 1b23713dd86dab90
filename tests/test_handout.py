"""Clinic handouts from the command line (``reader handout``), read back from the PDF: every
article from a new page, the clinic and "Page N of M" on every page, the note on the cover,
the logo drawn, and bad input refused with a message and no file."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from reader.cli import main
from reader.handout.clinic import MAX_LOGO_BYTES, parse_clinic
from tests.conftest import ROOT

LOGO = ROOT / "resources" / "icons" / "app.svg"
ARTICLES = ["lows-highs-and-sick-days/treating-a-low-the-15-15-rule",
            "lows-highs-and-sick-days/sick-day-rules",
            "tests-numbers-and-monitoring/checking-blood-sugar-with-a-meter"]
TITLES = ["Treating a Low: the 15-15 Rule", "Sick-Day Rules",
          "Checking Blood Sugar with a Meter"]
CLINIC = "Riverside Clinic · 555-0100"
#: How every page's header reads back: the name at the left, the phone at the right.
HEADER = "RiversideClinic555-0100"


def squashed(text: str) -> str:
    """PDF text without its spaces: the extraction puts gaps inside kerned words."""
    return re.sub(r"\s+", "", text)


def pages_of(path) -> list[str]:
    return [squashed(page.extract_text()) for page in PdfReader(str(path)).pages]


@pytest.fixture(scope="module")
def handout(tmp_path_factory):
    target = tmp_path_factory.mktemp("handout") / "handout.pdf"
    code = main(["handout", *ARTICLES, "--language", "en", "--clinic", CLINIC, "--logo", str(LOGO),
                 "--note", "Next visit: 14 January, 9:30", "--cover", "--pdf", str(target)])
    assert code == 0
    return target


def test_each_article_starts_on_a_new_page_after_the_cover(handout):
    pages = pages_of(handout)
    header = HEADER
    starts = [next(i for i, text in enumerate(pages)
                   if text.startswith(header + squashed(title))) for title in TITLES]
    assert starts[0] == 1  # the cover is page 1
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    for title, start in zip(TITLES, starts, strict=True):
        # Not the start of any earlier page (the cover only lists it).
        assert not any(text.startswith(header + squashed(title)) for text in pages[:start])
    assert len(pages) > starts[-1]  # the last article has its own pages too


def test_every_page_has_the_clinic_and_its_number(handout):
    pages = pages_of(handout)
    for number, text in enumerate(pages, start=1):
        assert text.startswith(HEADER), number
        assert squashed(f"Page {number} of {len(pages)}") in text, number
        assert "DiabetesReaderLibrary" in text


def test_the_cover_has_the_note_and_what_is_inside(handout):
    cover = pages_of(handout)[0]
    assert squashed("Next visit: 14 January, 9:30") in cover
    assert squashed("In this handout") in cover
    assert all(squashed(title) in cover for title in TITLES)


def test_the_logo_is_drawn_on_every_page(handout):
    reader = PdfReader(str(handout))
    assert all(len(page.images) >= 1 for page in reader.pages)


def test_every_article_keeps_its_sources_and_the_notice(handout):
    text = "".join(pages_of(handout))
    assert text.count("Sources") >= len(TITLES)
    assert text.count(squashed("For your information")) >= len(TITLES)  # the notice


def test_a_missing_article_is_named_and_no_file_is_left(tmp_path, capsys):
    target = tmp_path / "handout.pdf"
    assert main(["handout", ARTICLES[0], "no-such/article", "--pdf", str(target)]) == 1
    assert "no article 'no-such/article'" in capsys.readouterr().err
    assert not target.exists()


@pytest.mark.parametrize(("make", "says"), [
    (lambda path: path.write_bytes(b"not a picture at all"), "is not a PNG or SVG"),
    (lambda path: path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * (MAX_LOGO_BYTES + 1)),
     "is too large"),
    (lambda path: None, "there is no logo file"),
    (lambda path: path.mkdir(), "cannot be read"),
])
def test_a_bad_logo_is_named_and_no_file_is_left(tmp_path, capsys, make, says):
    logo = tmp_path / "logo.png"
    make(logo)
    target = tmp_path / "handout.pdf"
    assert main(["handout", ARTICLES[0], "--logo", str(logo), "--pdf", str(target)]) == 1
    assert says in capsys.readouterr().err
    assert not target.exists()


def test_a_file_that_cannot_be_written_is_named(tmp_path, capsys):
    target = tmp_path / "missing-folder" / "handout.pdf"
    assert main(["handout", ARTICLES[0], "--pdf", str(target)]) == 1
    assert "cannot save" in capsys.readouterr().err and not target.exists()


def test_a_spanish_handout_from_english_ids(tmp_path):
    target = tmp_path / "hoja.pdf"
    try:
        assert main(["handout", *ARTICLES[:2], "--language", "es", "--clinic", CLINIC,
                     "--pdf", str(target)]) == 0
    finally:
        from reader.ui.translators import install_language

        install_language("en")
    pages = pages_of(target)
    assert pages[0].startswith(HEADER + squashed("Tratar una baja: la regla 15-15"))
    assert all(squashed(f"Página {n} de {len(pages)}") in text
               for n, text in enumerate(pages, start=1))


def test_the_clinic_line_is_read_as_name_and_phone():
    assert parse_clinic("Riverside Clinic · 555-0100").line == "Riverside Clinic · 555-0100"
    assert parse_clinic("Clínica Río | 555 0100").phone == "555 0100"
    assert parse_clinic("Just a name").phone == ""


def test_a_long_name_a_wide_logo_and_a_note_without_cover(tmp_path):
    """The phone and "Page N of M" always show; a note brings its cover."""
    wide = tmp_path / "wide.svg"
    wide.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="20">'
                    '<rect width="1000" height="20" fill="#2f6fb0"/></svg>', encoding="utf-8")
    name = "Riverside Community Diabetes and Endocrinology Outpatient Clinic, North Campus"
    target = tmp_path / "handout.pdf"
    assert main(["handout", ARTICLES[1], "--clinic", f"{name} · 555-0199", "--logo", str(wide),
                 "--note", "Bring your meter", "--pdf", str(target)]) == 0
    pages = pages_of(target)
    assert squashed("Bring your meter") in pages[0]  # the note's cover
    for number, text in enumerate(pages, start=1):
        assert "555-0199" in text and squashed(f"Page {number} of {len(pages)}") in text


def test_an_article_given_by_its_file_path(tmp_path):
    from reader.system import paths

    path = next(paths.bundled_library().glob("05-*/07-sick-day-rules.md"))
    target = tmp_path / "handout.pdf"
    assert main(["handout", str(path), "--pdf", str(target)]) == 0
    assert "Sick-DayRules" in pages_of(target)[0]
