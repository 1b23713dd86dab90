"""The interface's translations: every string a reader can see is in each language's .ts and
translated there, the .qm the app loads says the same as the .ts, and the core reads the .ts by
itself where Qt is not running."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from reader.system import i18n, paths
from tests.conftest import ROOT

LANGUAGES = [code for code in paths.bundled_languages() if code != i18n.SOURCE_LANGUAGE]
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


def messages(ts: Path) -> dict[tuple[str, str], ElementTree.Element]:
    root = ElementTree.parse(ts).getroot()
    return {(context.findtext("name"), message.findtext("source")): message.find("translation")
            for context in root.iter("context") for message in context.iter("message")}


@pytest.fixture(scope="module")
def collected(tmp_path_factory) -> dict[tuple[str, str], ElementTree.Element]:
    """Every string the code marks for translation, as lupdate collects it now."""
    target = tmp_path_factory.mktemp("lupdate") / "reader_xx.ts"
    sources = sorted(str(p) for p in (ROOT / "reader").rglob("*.py"))
    subprocess.run([str(LUPDATE), "-silent", "-locations", "none", *sources, "-ts",
                    str(target)], check=True, capture_output=True, timeout=120)
    return messages(target)


def test_the_code_marks_the_interface_for_translation(collected):
    contexts = {context for context, _ in collected}
    assert {"Actions", "MainWindow", "ReadAloudBar", "Page"} <= contexts
    assert len(collected) > 300


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(collected, language):
    ts = i18n.ts_file(language)
    assert ts.is_file(), f"run tools/translations.sh update {language}"
    have = messages(ts)
    missing = sorted(set(collected) - set(have))
    assert not missing, f"{len(missing)} strings not in {ts.name} (tools/translations.sh " \
                        f"update): {missing[:5]}"
    unfinished = sorted(key for key, element in have.items() if key in collected and (
        element is None or not (element.text or "").strip()
        or element.get("type") == "unfinished"))
    assert not unfinished, f"{len(unfinished)} untranslated in {ts.name}: {unfinished[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translation_keeps_the_placeholders_and_the_markup(language):
    import re

    for (context, source), text in i18n.catalog(language).items():
        assert sorted(re.findall(r"\{\w*\}", source)) == sorted(re.findall(r"\{\w*\}", text)), \
            (context, source, text)
        assert sorted(re.findall(r"</?\w+", source)) == sorted(re.findall(r"</?\w+", text)), \
            (context, source, text)
        # An Alt key is "&" before a letter ("&File"; "Time & Language" is only an "and").
        keys = len(re.findall(r"&(?=\w)", source.replace("&&", "")))
        assert len(re.findall(r"&(?=\w)", text.replace("&&", ""))) == keys, \
            f"{context}: {source!r} has {keys} Alt key(s), {text!r} does not"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_qm_the_app_loads_says_what_the_ts_says(language):
    from PySide6.QtCore import QTranslator

    from reader.ui.translators import qm_file

    qm = qm_file(language)
    assert qm.is_file(), "make install builds it (tools/translations.sh build)"
    assert qm.stat().st_mtime >= i18n.ts_file(language).stat().st_mtime, "stale: rebuild it"
    translator = QTranslator()
    assert translator.load(str(qm))
    for (context, source), text in i18n.catalog(language).items():
        assert translator.translate(context, source) == text


def test_the_core_translates_without_qt(monkeypatch):
    i18n.bind(None)
    try:
        i18n.set_language("es")
        assert i18n.translate("Actions", "&File") not in ("&File", "")
        assert i18n.translate("NoSuchContext", "Anything") == "Anything"
        i18n.set_language("en")
        assert i18n.translate("Actions", "&File") == "&File"
    finally:
        i18n.set_language("en")
