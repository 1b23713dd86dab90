"""The library in other languages, without Qt: each article's counterpart (``translation:``),
what ``reader check`` says when one is missing or points nowhere, ``reader list``, which
language the reader starts in, and the libraries' lay synonyms."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.library import load_library
from reader.search.synonyms import read_groups, synonym_table
from reader.system import paths
from reader.user.language import choose, system_language
from reader.user.settings import Settings
from tests.conftest import article, write_files


@pytest.fixture
def shelf(tmp_path, monkeypatch):
    """An install folder with an English and a Spanish library, each article pointing at the
    other."""
    root = tmp_path / "install"
    write_files(root / "content", {
        "_section.md": "---\ntitle: Library\n---\n",
        "01-food/01-fruit.md": article("Fruit", translation="es:comida/fruta"),
        "01-food/02-juice.md": article("Juice", translation="es:comida/jugo"),
    })
    write_files(root / "content-es", {
        "_section.md": "---\ntitle: Biblioteca\nlanguage: es\n---\n",
        "01-comida/01-fruta.md": article("Fruta", translation="en:food/fruit"),
        "01-comida/02-jugo.md": article("Jugo", translation="en:food/juice"),
    })
    monkeypatch.setattr(paths, "install_root", lambda: root)
    return root


def test_the_shelf_is_found_and_each_article_knows_its_counterpart(shelf):
    assert paths.bundled_languages() == ["en", "es"]
    spanish = load_library(paths.bundled_library("es"))
    assert spanish.language == "es" and load_library(paths.bundled_library()).language == "en"
    assert spanish.articles["comida/jugo"].translation("en") == "food/juice"
    assert main(["check"]) == 0


def test_check_names_a_missing_a_broken_and_a_one_way_counterpart(shelf, capsys):
    (shelf / "content-es/01-comida/02-jugo.md").write_text(
        article("Jugo", translation="en:food/fruit"), encoding="utf-8")  # not its own
    (shelf / "content/01-food/02-juice.md").write_text(
        article("Juice", translation="es:comida/zumo"), encoding="utf-8")  # no such article
    write_files(shelf / "content", {"01-food/03-tea.md": article("Tea")})  # none at all
    write_files(shelf / "content-es", {"01-comida/03-te.md": article("Té", translation="fruta")})
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "01-food/02-juice.md:3: translation 'es:comida/zumo' points nowhere: the 'es' " \
           "library has no article 'comida/zumo'" in out
    assert "01-food/03-tea.md:1: no Español counterpart: add 'translation: es:ID'" in out
    assert "01-comida/02-jugo.md:3: translation 'en:food/fruit': that article names " \
           "'comida/fruta' as its 'es' counterpart, not this one" in out
    assert "01-comida/03-te.md:3: translation 'fruta' is not written LANGUAGE:ID" in out


def test_another_folder_has_no_shelf_and_only_the_form_is_checked(make_library, capsys):
    root = make_library({"a.md": article("A", translation="es:somewhere"),
                         "b.md": article("B", translation="nonsense")})
    assert main(["check", "--library", str(root)]) == 1
    out = capsys.readouterr().out
    assert "b.md:3: translation 'nonsense' is not written LANGUAGE:ID" in out
    assert "a.md" not in out  # no Spanish library to look in: nothing to say


def test_list_gives_every_article_with_its_counterpart(shelf, capsys):
    assert main(["list", "--language", "es", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [
        {"id": "comida/fruta", "title": "Fruta", "section": "Comida",
         "path": str(shelf / "content-es/01-comida/01-fruta.md"), "language": "es",
         "translation": "food/fruit"},
        {"id": "comida/jugo", "title": "Jugo", "section": "Comida",
         "path": str(shelf / "content-es/01-comida/02-jugo.md"), "language": "es",
         "translation": "food/juice"}]
    assert main(["list"]) == 0
    assert capsys.readouterr().out.splitlines() == ["food/fruit  Fruit", "food/juice  Juice"]


@pytest.mark.parametrize(("environ", "language"), [
    ({"LANG": "es_MX.UTF-8"}, "es"),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "es_ES.UTF-8"}, "es"),
    ({"LANGUAGE": "es:en", "LANG": "en_GB.UTF-8"}, "es"),
    ({"LANG": "C.UTF-8"}, ""),
    ({"LANG": "fr_FR.UTF-8"}, "fr"),
])
def test_the_computers_language_is_read_from_the_locale(environ, language):
    assert system_language(environ) == language


def test_the_language_is_the_one_asked_then_chosen_then_the_computers(tmp_path):
    settings = Settings.in_folder(tmp_path)
    spanish, french = {"LANG": "es_AR.UTF-8"}, {"LANG": "fr_FR.UTF-8"}
    available = ["en", "es"]
    assert choose(None, settings, available, spanish) == "es"
    assert choose(None, settings, available, french) == "en"  # no French library: English
    settings.set("language", "en")
    assert choose(None, settings, available, spanish) == "en"  # the reader's choice wins
    assert choose("es", settings, available, {}) == "es"  # and --language over it


def test_synonym_groups_are_data_and_matched_by_stem():
    groups = read_groups("# notes\n\njugo, Zumo , jugo\nsolo\ncarro, coche, manejar un auto\n")
    assert groups == [["jugo", "zumo"], ["carro", "coche", "manejar un auto"]]
    table = synonym_table(groups, "es")
    assert table["zum"] == (("jug",),)  # "zumos" and "zumo" share the stem
    assert table["carr"] == (("coch",), ("manej", "aut"))
    assert "manej" not in table  # a phrase is found from a word, not looked up itself
