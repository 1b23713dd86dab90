from pathlib import Path

import pytest

from reader.library.links import Location
from reader.reading.history import History
from reader.user.settings import Settings


def test_settings_round_trip(tmp_path):
    settings = Settings.in_folder(tmp_path / "cfg")
    settings.set("last", "x")
    assert settings.save()
    assert Settings.in_folder(tmp_path / "cfg").get("last") == "x"


def test_damaged_settings_are_set_aside_not_deleted(tmp_path):
    (tmp_path / "settings.json").write_text("{not json")
    settings = Settings.in_folder(tmp_path)
    assert settings.values == {} and "reset" in settings.problem
    kept = list(tmp_path.glob("settings.json.broken-*"))
    assert kept and kept[0].read_text() == "{not json"


def test_unwritable_settings_folder_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    settings = Settings.in_folder(blocker / "cfg")
    settings.set("a", 1)
    assert not settings.save() and "cannot be saved" in settings.problem


def test_history_back_forward_and_new_visit_drops_forward():
    history = History()
    a, b, c = (Location.article(x) for x in "abc")
    for place in (a, b, c):
        history.visit(place)
    assert history.back() == b and history.back() == a and history.back() is None
    assert history.forward() == b
    history.visit(c)
    assert history.current == c and not history.can_go_forward()
    history.visit(c)  # revisiting the current place adds nothing
    assert history.back() == b


def test_history_remembers_scroll_positions():
    history = History()
    history.visit(Location.article("a"))
    history.remember_scroll(420)
    history.visit(Location.article("b"))
    history.back()
    assert history.current_scroll == 420


@pytest.mark.parametrize("kind", ["cache", "config", "data", "log"])
@pytest.mark.parametrize("xdg", [False, True])
def test_user_folders_are_where_platformdirs_puts_them(kind, xdg, monkeypatch, tmp_path):
    """Read from the XDG variables directly (faster start) but to the same folders."""
    import platformdirs

    from reader import APP_SLUG
    from reader.system import paths

    variable = {"cache": "XDG_CACHE_HOME", "config": "XDG_CONFIG_HOME",
                "data": "XDG_DATA_HOME", "log": "XDG_STATE_HOME"}[kind]
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if xdg:
        monkeypatch.setenv(variable, str(tmp_path / "xdg"))
    else:
        monkeypatch.delenv(variable, raising=False)
    expected = getattr(platformdirs, f"user_{kind}_dir")(APP_SLUG, appauthor=False)
    assert paths.platform_dir(kind) == Path(expected)
