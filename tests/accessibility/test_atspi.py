"""What a screen reader on Linux finds in the real window, asked through AT-SPI.

Orca and every other Linux screen reader see an application only through AT-SPI, the
accessibility bus; a widget Qt does not put there, or puts there without a name or without its
text, does not exist for a blind reader however well it looks (kiwix-desktop #739: the article
text of a Qt reader was unreachable, so the app was useless with a screen reader). Qt's own
widget tests cannot show this: they never leave the process. So this test starts the real app on
a real X server (Xvfb), in a private D-Bus session with its own accessibility bus
(dbus-run-session, at-spi-bus-launcher, QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1), opens the article
"Low Blood Sugar: Signs and Causes" as a reader who left off there would, and walks the window
with the system's Atspi client (python3-gi), the library screen readers are built on. It proves:

* the article's text is reachable as text (every plain sentence and heading of its source);
* the search field is an editable text object named "Search the library";
* (pending) every section heading is an object inside the panel named "On this page".

Needs the packages that ``tools/system-deps.sh --install`` installs (xvfb, at-spi2-core, dbus,
python3-gi, gir1.2-atspi-2.0). Without them it is skipped here with the reason, and fails in CI
(CI=true), which must never skip it. It never touches the user's home, display or session bus:
everything it starts is in one process group, killed at the end, and bounded in time.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library import load_library
from reader.library.links import Location
from reader.system import paths
from reader.user.remembered import Remembered
from reader.user.settings import Settings

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ARTICLE_TITLE = "Low Blood Sugar: Signs and Causes"
SEARCH_NAME = "Search the library"
PANEL_NAME = "On this page"
SYSTEM_PYTHON = "/usr/bin/python3"
#: Seconds for the whole session (the session script is given a little less).
SESSION_TIMEOUT = 50
#: Roles in which a screen reader reads an object's text as text.
TEXT_ROLES = {"label", "text", "entry", "paragraph", "document text", "document frame",
              "document web", "static", "section", "heading"}
EDIT_ROLES = {"entry", "text"}

#: Where distributions put at-spi-bus-launcher (Debian and Ubuntu: /usr/libexec), if not on PATH.
LAUNCHER_PLACES = ("/usr/libexec/at-spi-bus-launcher", "/usr/libexec/at-spi2/at-spi-bus-launcher",
                   "/usr/lib/at-spi2-core/at-spi-bus-launcher",
                   "/usr/lib/*/at-spi2-core/at-spi-bus-launcher",
                   "/usr/lib/at-spi2/at-spi-bus-launcher")


def _missing(reason: str) -> None:
    """Skip here with ``reason``; in CI, fail instead: there the tools must be installed."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason}: CI must run this test (tools/system-deps.sh --install)",
                    pytrace=False)
    pytest.skip(f"{reason} (install them with: sudo tools/system-deps.sh --install)")


def _launcher() -> str | None:
    found = shutil.which("at-spi-bus-launcher")
    if found:
        return found
    for pattern in LAUNCHER_PLACES:
        for path in sorted(glob.glob(pattern)):
            if os.access(path, os.X_OK):
                return path
    return None


def _tools() -> dict[str, str]:
    if not sys.platform.startswith("linux"):
        pytest.skip("AT-SPI is the Linux accessibility bus")
    tools = {"dbus-run-session": shutil.which("dbus-run-session"),
             "dbus-send": shutil.which("dbus-send"), "Xvfb": shutil.which("Xvfb"),
             "at-spi-bus-launcher": _launcher()}
    absent = [name for name, path in tools.items() if not path]
    if absent:
        _missing(f"not installed: {', '.join(absent)}")
    if not os.access(SYSTEM_PYTHON, os.X_OK):
        _missing(f"{SYSTEM_PYTHON} (with python3-gi) is not there")
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0'); "
         "from gi.repository import Atspi"], capture_output=True, text=True, timeout=10)
    if probe.returncode != 0:
        last = (probe.stderr.strip().splitlines() or ["?"])[-1]
        _missing(f"the system Python cannot load Atspi (python3-gi, gir1.2-atspi-2.0): {last}")
    return {name: path for name, path in tools.items() if path}


# -- what the article's source says ---------------------------------------------------------------
def _plain(text: str) -> str:
    """Markdown inline markup taken out of one line, as the page shows its words."""
    text = re.sub(r"\s*\{#[^}]*\}\s*$", "", text)  # a heading's {#anchor}
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [words](link) → words
    text = re.sub(r"\{\{([^}]*)\}\}", r"\1", text)  # {{70 mg/dL}} → 70 mg/dL
    text = re.sub(r"(\*\*|__|\*|_|`)", "", text)
    return text.strip().rstrip("#").strip()


def normalize(text: str) -> str:
    """Compare words, not the spaces and quote marks between them."""
    for odd in ("\u00a0", "\u2028", "\u2029", "\u200b", "\ufffc", "\n", "\t"):
        text = text.replace(odd, " ")
    text = text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"',
                                         "\u201d": '"'}))
    return re.sub(r" +", " ", text).strip()


def body_of(source: str) -> list[str]:
    """The source's lines without its front matter."""
    lines = source.splitlines()
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        lines = lines[end + 1:]
    return lines


def section_headings(source: str) -> list[str]:
    """The ``##`` headings, as the page shows them."""
    return [_plain(line[3:]) for line in body_of(source) if re.match(r"##\s", line)]


def plain_sentences(source: str) -> list[str]:
    """The sentences of ordinary paragraphs that have no markup at all (so that what the page
    shows is exactly what the source says): each must be readable as text."""
    sentences = []
    for line in body_of(source):
        line = line.strip()
        if not line or line.startswith(("#", "-", "*", "|", ">", "[[", "<")) or re.match(
                r"\d+\.\s", line):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            if len(sentence) >= 20 and not re.search(r"[\[\]{}*_`<>\"']", sentence):
                sentences.append(sentence)
    return sentences


# -- the session -----------------------------------------------------------------------------------
def _live_members(pgid: int) -> list[int]:
    """Processes of group ``pgid`` still running (zombies waiting to be reaped do not count)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if len(fields) > 2 and fields[2] == str(pgid) and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


def _kill_group(session: subprocess.Popen) -> None:
    """End every process the session started: they all share its process group."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(session.pid, sig)
        except ProcessLookupError:
            break
        end = time.monotonic() + 3
        while _live_members(session.pid) and time.monotonic() < end:
            session.poll()  # reap the leader as soon as it exits
            time.sleep(0.05)
        if not _live_members(session.pid):
            break
    with contextlib.suppress(subprocess.TimeoutExpired):
        session.wait(timeout=5)


def _tail(path: Path, lines: int = 40) -> str:
    if not path.exists():
        return f"({path.name}: none)"
    text = path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
    return f"--- {path.name} ---\n" + "\n".join(text)


def outline(dump: dict) -> str:
    """The tree as a screen reader meets it: role, name, and a start of any text."""
    rows = []
    for item in dump["objects"]:
        text = normalize(item["text"] or "")
        shown = f"  text: {text[:70]!r}" if text and text != item["name"] else ""
        rows.append(f"{'  ' * item['depth']}{item['role']} {item['name']!r}{shown}")
    return "\n".join(rows)


def _session_env(base: Path, runtime: Path) -> dict[str, str]:
    """The user's environment without their display, session bus or folders."""
    dropped = ("DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS",
               "AT_SPI_BUS_ADDRESS", "XDG_", "QT_", "DIABETES_READER_", "SESSION_MANAGER")
    env = {key: value for key, value in os.environ.items() if not key.startswith(dropped)}
    home = base / "home"
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(
        HOME=str(home), XDG_RUNTIME_DIR=str(runtime),
        XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local/share"), XDG_STATE_HOME=str(home / ".local/state"),
        # at-spi-bus-launcher keeps "accessibility on" in GSettings: in memory, not in dconf.
        GSETTINGS_BACKEND="memory", PYTHONDONTWRITEBYTECODE="1",
        DIABETES_READER_CACHE_DIR=str(base / "cache"),
        DIABETES_READER_CONFIG_DIR=str(base / "config"),
        DIABETES_READER_DATA_DIR=str(base / "data"),
        DIABETES_READER_LOG_DIR=str(base / "log"))
    return env


@pytest.fixture(scope="module")
def article() -> dict:
    library = load_library(paths.bundled_library())
    found = [a for a in library.articles.values() if a.title == ARTICLE_TITLE]
    assert found, f"the bundled library has no article titled {ARTICLE_TITLE!r}"
    source = (library.root / found[0].relpath).read_text(encoding="utf-8")
    return {"library": library, "id": found[0].id, "source": source}


@pytest.fixture(scope="module")
def dump(article: dict, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """Start the session, open the article, and return what AT-SPI saw of the window."""
    tools = _tools()
    base = tmp_path_factory.mktemp("atspi")
    out = base / "out"
    out.mkdir()
    # XDG_RUNTIME_DIR holds the accessibility bus's socket: a short path, as a socket's path
    # is limited to 107 bytes and pytest's folders can be deep.
    with tempfile.TemporaryDirectory(prefix="atspi-", dir="/tmp") as runtime:
        yield _run_session(article, tools, base, out, _session_env(base, Path(runtime)))


def _run_session(article: dict, tools: dict[str, str], base: Path, out: Path,
                 env: dict[str, str]) -> dict:
    # The app reopens where the reader left off: leave off at the article.
    settings = Settings.in_folder(base / "config")
    Remembered(settings).remember_location(article["library"], Location.article(article["id"]))
    assert settings.save(), settings.problem

    command = [tools["dbus-run-session"], "--", sys.executable, str(HERE / "atspi_session.py"),
               "--out", str(out), "--launcher", tools["at-spi-bus-launcher"],
               "--xvfb", tools["Xvfb"], "--client-python", SYSTEM_PYTHON,
               "--timeout", str(SESSION_TIMEOUT - 8)]
    started = time.monotonic()
    with open(out / "run.log", "wb") as run_log:
        session = subprocess.Popen(command, env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                                   stdout=run_log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        try:
            code = session.wait(timeout=SESSION_TIMEOUT)
        except subprocess.TimeoutExpired:
            code = None
        finally:
            _kill_group(session)
    took = time.monotonic() - started
    logs = "\n".join(_tail(out / name) for name in ("run.log", "session.log", "app.log"))
    if code is None:
        pytest.fail(f"the AT-SPI session took over {SESSION_TIMEOUT} s\n{logs}", pytrace=False)
    try:
        result = json.loads((out / "dump.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        pytest.fail(f"no AT-SPI dump ({error}); session exit code {code}\n{logs}", pytrace=False)
    if code != 0 or not result.get("objects"):
        pytest.fail(f"the app never appeared on the AT-SPI desktop (exit code {code}; "
                    f"applications there: {result.get('apps')})\n{logs}", pytrace=False)
    (out / "tree.txt").write_text(outline(result) + "\n", encoding="utf-8")
    print(f"AT-SPI session: {took:.1f} s, {len(result['objects'])} objects; tree in "
          f"{out / 'tree.txt'}\n{outline(result)}")
    result["logs"] = logs
    return result


def _descendants(objects: list[dict], ancestor: dict) -> list[dict]:
    prefix = ancestor["path"] + "."
    return [item for item in objects if item["path"].startswith(prefix)]


# -- the tests -------------------------------------------------------------------------------------
def test_article_text_is_reachable_as_text(dump: dict, article: dict) -> None:
    sentences = plain_sentences(article["source"])
    assert len(sentences) >= 3, "the article has too few plain sentences to test with"
    holders = [item for item in dump["objects"]
               if item["role"] in TEXT_ROLES and item["text"]
               and normalize(sentences[0]) in normalize(item["text"])]
    assert holders, (
        f"no text object holds the article's words ({sentences[0]!r}); text objects: "
        + repr([(i["role"], i["name"], normalize(i["text"])[:60])
                for i in dump["objects"] if i["text"]]))
    text = normalize(holders[0]["text"])
    unreadable = [s for s in sentences if normalize(s) not in text]
    assert not unreadable, f"sentences a screen reader cannot reach: {unreadable}"
    headings = [h for h in section_headings(article["source"]) if normalize(h) not in text]
    assert not headings, f"headings missing from the article's text: {headings}"


def test_search_field_is_a_named_text_field(dump: dict) -> None:
    fields = [item for item in dump["objects"] if item["name"] == SEARCH_NAME]
    assert fields, f"no object named {SEARCH_NAME!r}"
    assert any(item["role"] in EDIT_ROLES and "editable" in item["states"]
               and "showing" in item["states"] for item in fields), (
        f"{SEARCH_NAME!r} is not an editable text field on screen: "
        f"{[(i['role'], i['states']) for i in fields]}")


def test_every_control_a_screen_reader_meets_has_a_name(dump: dict) -> None:
    """Buttons, fields, lists and tabs, shown now or later (a field's clear button, a combo
    box's list): an unnamed one is read as "button" or "list" with nothing to say what it
    does."""
    named_roles = {"push button", "toggle button", "check box", "radio button", "combo box",
                   "entry", "text", "list", "tree", "tree table", "page tab", "slider"}
    unnamed = [(item["role"], item.get("path", "")) for item in dump["objects"]
               if item["role"] in named_roles and not item["name"].strip()]
    assert not unnamed, f"unnamed controls: {unnamed}"


def test_every_heading_is_listed_on_this_page(dump: dict, article: dict) -> None:
    headings = section_headings(article["source"])
    assert headings, "the article has no ## headings"
    panels = [item for item in dump["objects"] if item["name"] == PANEL_NAME]
    assert panels, f"no object named {PANEL_NAME!r}"
    names = {normalize(item["name"]) for panel in panels
             for item in _descendants(dump["objects"], panel)}
    absent = [h for h in headings if normalize(h) not in names]
    assert not absent, f"headings not listed in {PANEL_NAME!r}: {absent}"
