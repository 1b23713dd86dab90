"""The packaged app, as a family gets it: the frozen one-folder build runs its self-test from a
read-only copy, with an empty home folder and no network; the .deb and .tar.gz hold what they
must. Building takes minutes, so these run when DIABETES_READER_PACKAGE_TESTS=1 (CI sets it
and builds once with `make package` before `make test`)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from reader import __version__

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "build" / "package" / "dist" / "diabetes-reader"
VERSION = __version__
#: The .tar.gz before read aloud, measured 2 December 2026 on Debian 12 x86_64 (Python 3.11.7,
#: PyInstaller 6.22.3, PySide6 6.10.3) with `make package` at commit f7abf4c: the frozen app
#: 138,029,914 bytes unpacked (du -sb), the .deb 41,774,644 bytes. Speech may add at most 5 MB.
BASELINE_TARBALL_BYTES = 56_419_958
SPEECH_BUDGET_BYTES = 5_000_000
QT = Path("_internal") / "PySide6" / "Qt"
#: Left to the system (the .deb depends on libspeechd2 and libpulse0), never bundled.
SYSTEM_SPEECH_LIBRARIES = ("libspeechd.so", "libpulse.so", "libpulsecommon", "libsndfile.so")
FFMPEG = ("avcodec", "avformat", "avutil", "avdevice", "avfilter", "swresample", "swscale",
          "ffmpegmediaplugin")
#: The shortest article: the first sentence an engine with no working sound never finishes
#: is short, so the app's watchdog gives up well within the test's time limit.
SPOKEN_ARTICLE = "start-here/about-this-library"

pytestmark = pytest.mark.skipif(
    os.environ.get("DIABETES_READER_PACKAGE_TESTS") != "1" or not sys.platform.startswith("linux"),
    reason="packaging tests run in CI (set DIABETES_READER_PACKAGE_TESTS=1 after make package)")


@pytest.fixture(scope="session")
def build() -> Path:
    if not (APP / "diabetes-reader").exists():
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], check=True,
                       cwd=ROOT, timeout=1800)
    return APP


def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DIABETES_READER_", "XDG_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PATH="/usr/bin:/bin")
    return env


def no_network(command: list[str]) -> list[str]:
    ok = shutil.which("unshare") and subprocess.run(
        ["unshare", "-n", "true"], capture_output=True).returncode == 0
    return ["unshare", "-n", *command] if ok else command


def test_frozen_app_self_test_read_only_empty_home_no_network(build, tmp_path):
    copy = tmp_path / "app"
    shutil.copytree(build, copy, symlinks=True)
    for path in [copy, *copy.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    before = sorted(str(p) for p in copy.rglob("*"))
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(no_network([str(copy / "diabetes-reader"), "--self-test"]),
                            capture_output=True, text=True, env=clean_env(home), timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test: passed" in result.stdout
    assert sorted(str(p) for p in copy.rglob("*")) == before  # nothing written into the app
    version = subprocess.run([str(copy / "diabetes-reader"), "--version"], capture_output=True,
                             text=True, env=clean_env(home), timeout=60)
    assert version.stdout.strip() == f"Diabetes Reader {VERSION}"


def test_prebuilt_index_is_used_on_first_start(build, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run([str(build / "diabetes-reader"), "index"], capture_output=True,
                            text=True, env=clean_env(home), timeout=120)
    assert result.returncode == 0, result.stderr
    assert (build / "_internal" / "prebuilt-index" / "manifest.json").is_file()
    manifests = list((home / ".cache" / "diabetes-reader").rglob("manifest.json"))
    assert manifests  # adopted into the user's cache, not rebuilt from scratch (see test_search)


def test_the_spanish_library_ships_with_its_index_and_searches_in_spanish(build, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    assert (build / "_internal" / "content-es" / "_section.md").is_file()
    assert (build / "_internal" / "prebuilt-index-es" / "manifest.json").is_file()
    result = subprocess.run([str(build / "diabetes-reader"), "search", "--language", "es",
                             "--json", "azucar", "baja"], capture_output=True, text=True,
                            env=clean_env(home), timeout=120)
    assert result.returncode == 0, result.stderr
    hits = [hit["id"] for hit in json.loads(result.stdout)][:3]
    assert "bajas-altas-y-dias-de-enfermedad/baja-de-azucar-senales-y-causas" in hits


def test_frozen_handout_carries_the_shared_safety_rules(build, tmp_path):
    from pypdf import PdfReader

    home = tmp_path / "home"
    home.mkdir()
    target = tmp_path / "sitter.pdf"
    result = subprocess.run(
        [str(build / "diabetes-reader"), "export",
         "children-teens-pregnancy-and-school/babysitters-sleepovers-and-trips", "--pdf",
         str(target)], capture_output=True, text=True, env=clean_env(home), timeout=120)
    assert result.returncode == 0, result.stderr
    text = " ".join("".join(page.extract_text() for page in PdfReader(target).pages).split())
    assert "Call your local emergency number now" in text  # from content/_shared, bundled
    assert "[[include" not in text and "could not be shown" not in text


def test_deb_contents_and_desktop_file(build, tmp_path):
    debs = list((ROOT / "dist").glob(f"diabetes-reader_{VERSION}_*.deb"))
    assert debs, "make package writes the .deb"
    contents = subprocess.run(["dpkg-deb", "--contents", str(debs[0])], capture_output=True,
                              text=True, check=True).stdout
    for expected in ("./opt/diabetes-reader/diabetes-reader",
                     "./usr/share/applications/diabetes-reader.desktop",
                     "./usr/share/icons/hicolor/256x256/apps/diabetes-reader.png",
                     "./usr/share/icons/hicolor/scalable/apps/diabetes-reader.svg",
                     "./usr/bin/diabetes-reader -> /opt/diabetes-reader/diabetes-reader"):
        assert expected in contents
    info = subprocess.run(["dpkg-deb", "--info", str(debs[0])], capture_output=True, text=True,
                          check=True).stdout
    assert f"Version: {VERSION}" in info and "Depends: " in info
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(root)], check=True)
    home = tmp_path / "home"
    home.mkdir()
    version = subprocess.run([str(root / "opt" / "diabetes-reader" / "diabetes-reader"),
                              "--version"], capture_output=True, text=True, env=clean_env(home),
                             timeout=60)
    assert version.returncode == 0 and VERSION in version.stdout
    desktop = root / "usr" / "share" / "applications" / "diabetes-reader.desktop"
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                               text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout
    assert debs[0].stat().st_size < 80e6


def test_tarball_holds_app_desktop_file_and_icons(build):
    tarballs = list((ROOT / "dist").glob(f"diabetes-reader-{VERSION}-linux-*.tar.gz"))
    assert tarballs
    with tarfile.open(tarballs[0]) as tar:
        names = tar.getnames()
    prefix = tarballs[0].name.removesuffix(".tar.gz")
    for expected in ("app/diabetes-reader", "diabetes-reader.desktop",
                     "icons/hicolor/48x48/apps/diabetes-reader.png", "INSTALL.txt"):
        assert f"{prefix}/{expected}" in names
    assert tarballs[0].stat().st_size < 80e6


# -- read aloud (QtTextToSpeech) ---------------------------------------------------------------
def test_speech_engine_bundled_without_mock_ffmpeg_or_system_libraries(build):
    engines = build / QT / "plugins" / "texttospeech"
    assert sorted(p.name for p in engines.iterdir()) == ["libqtexttospeech_speechd.so"]  # no mock
    assert (build / "_internal" / "PySide6" / "QtTextToSpeech.abi3.so").is_file()
    for library in ("libQt6TextToSpeech.so.6", "libQt6Multimedia.so.6"):
        assert (build / QT / "lib" / library).is_file()
    assert not (build / QT / "plugins" / "multimedia").exists()
    names = [p.name for p in build.rglob("*")]
    assert not [n for n in names if any(part in n for part in FFMPEG)]
    assert not [n for n in names if n.startswith(SYSTEM_SPEECH_LIBRARIES)]
    # Python bindings speech does not import stay out (the C++ libraries they wrap ship).
    for module in ("QtMultimedia", "QtNetwork", "QtConcurrent"):
        assert not list((build / "_internal" / "PySide6").glob(f"{module}.*"))


def test_speech_engine_links_resolve(build):
    """As the frozen app loads it (its bootloader puts _internal first on LD_LIBRARY_PATH):
    everything is found, in the bundle or, for what the .deb depends on, in the system."""
    engine = build / QT / "plugins" / "texttospeech" / "libqtexttospeech_speechd.so"
    env = dict(os.environ, LD_LIBRARY_PATH=str(build / "_internal"))
    ldd = subprocess.run(["ldd", str(engine)], capture_output=True, text=True, env=env,
                         check=True).stdout
    resolved = dict(re.findall(r"^\s*(\S+) => (\S+)", ldd, re.M))
    missing = [name for name, path in resolved.items() if path == "not"]
    assert not missing, f"not found: {missing} (the .deb depends on libspeechd2, libpulse0)"
    for name in ("libQt6TextToSpeech.so.6", "libQt6Multimedia.so.6", "libQt6Core.so.6"):
        assert resolved[name].startswith(str(build)), (name, resolved[name])
    for name in ("libspeechd.so.2", "libpulse.so.0"):
        assert not resolved[name].startswith(str(build)), (name, resolved[name])


def test_speech_is_not_loaded_at_start_up(build, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = dict(clean_env(home), LD_DEBUG="libs")
    result = subprocess.run([str(build / "diabetes-reader"), "--exit-after-paint"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = re.findall(r"calling init: (\S+)", result.stderr)
    assert any("libQt6Widgets" in path for path in loaded)  # the trace works
    assert not [path for path in loaded
                if re.search(r"TextToSpeech|Multimedia|speechd|pulse", path)]


def test_tarball_within_speech_budget(build):
    tarballs = list((ROOT / "dist").glob(f"diabetes-reader-{VERSION}-linux-*.tar.gz"))
    assert tarballs
    size = tarballs[0].stat().st_size
    assert size <= BASELINE_TARBALL_BYTES + SPEECH_BUDGET_BYTES, (
        f"{size:,} bytes: {size - BASELINE_TARBALL_BYTES:+,} over the baseline")


def test_deb_depends_on_speech_libraries_and_recommends_a_voice(build):
    debs = list((ROOT / "dist").glob(f"diabetes-reader_{VERSION}_*.deb"))
    assert debs, "make package writes the .deb"

    def field(name: str) -> list[str]:
        value = subprocess.run(["dpkg-deb", "--field", str(debs[0]), name], capture_output=True,
                               text=True, check=True).stdout
        return [item.strip() for item in value.replace("\n", " ").split(",")]

    depends, recommends = field("Depends"), field("Recommends")
    for package in ("libspeechd2", "libpulse0"):
        assert package in depends, depends
    for package in ("speech-dispatcher", "espeak-ng"):
        assert package in recommends, recommends


def frozen_read_aloud_cli(build: Path) -> None:
    """Skip while the frozen app has no ``read-aloud`` command (reader/cli.py)."""
    usage = subprocess.run([str(build / "diabetes-reader"), "--help"], capture_output=True,
                           text=True, timeout=60).stdout
    if "read-aloud" not in usage:
        pytest.skip("read-aloud CLI not yet built")


@pytest.fixture()
def speech_home(tmp_path):
    """An empty home for one read-aloud run. The speech-dispatcher daemon that the app starts
    for it (and its voice module) outlive the app, and one that found no sound device ignores
    SIGTERM: afterwards they are ended with SIGKILL, found by their HOME, by process id."""
    home = tmp_path / "home"
    home.mkdir()
    yield home
    marker = f"HOME={home}".encode()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            environment = (proc / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if marker in environment:
            with contextlib.suppress(OSError):  # it ended by itself meanwhile
                os.kill(int(proc.name), signal.SIGKILL)


def read_aloud(build: Path, home: Path, prefix: tuple[str, ...] = ()) -> tuple[int, str]:
    """``diabetes-reader read-aloud`` of the frozen app; fails the test if it runs 60 s."""
    process = subprocess.Popen(
        [*prefix, str(build / "diabetes-reader"), "read-aloud", SPOKEN_ARTICLE],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=clean_env(home),
        start_new_session=True)
    try:
        _out, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("read-aloud hung: still running after 60 s")
    return process.returncode, err


def assert_spoke_or_said_why(code: int, err: str) -> None:
    assert "Traceback" not in err, err
    if code != 0:
        assert code == 1, err
        assert re.search(r"speech|voice", err, re.I), err  # what is missing, in words
        assert re.search(r"install|sound", err, re.I), err  # and what to do about it


def test_read_aloud_speaks_or_says_why_and_never_hangs(build, speech_home):
    """Depends on the read-aloud CLI. With this machine's speech as it is (in CI: often
    speech-dispatcher with no sound device, whose requests never finish)."""
    frozen_read_aloud_cli(build)
    text = subprocess.run([str(build / "diabetes-reader"), "read-aloud", SPOKEN_ARTICLE,
                           "--text"], capture_output=True, text=True,
                          env=clean_env(speech_home), timeout=60)
    assert text.returncode == 0 and text.stdout.strip(), text.stderr
    assert_spoke_or_said_why(*read_aloud(build, speech_home))


SPEECHD_CONF = Path("/etc/speech-dispatcher/speechd.conf")
SPEECHD_MODULES = Path("/usr/lib/speech-dispatcher-modules")


def test_read_aloud_speaks_through_speech_dispatcher(build, speech_home):
    """Depends on the read-aloud CLI. The frozen engine really speaks: speech-dispatcher with
    eSpeak NG, its sound sent to ALSA's null device (CI has no sound card), must finish."""
    frozen_read_aloud_cli(build)
    if not (Path("/usr/bin/speech-dispatcher").exists() and SPEECHD_CONF.exists()
            and list(SPEECHD_MODULES.glob("sd_espeak-ng*"))):
        pytest.skip("speech-dispatcher and espeak-ng are not installed here "
                    "(apt install speech-dispatcher espeak-ng)")
    (speech_home / ".asoundrc").write_text("pcm.!default { type null }\n"
                                           "ctl.!default { type hw card 0 }\n")
    conf = SPEECHD_CONF.read_text(encoding="utf-8")
    conf, count = re.subn(r"(?m)^#?\s*AudioOutputMethod\s.*$", 'AudioOutputMethod "alsa"', conf,
                          count=1)
    folder = speech_home / ".config" / "speech-dispatcher"
    folder.mkdir(parents=True)
    (folder / "speechd.conf").write_text(conf if count else conf + '\nAudioOutputMethod "alsa"\n',
                                         encoding="utf-8")
    code, err = read_aloud(build, speech_home)
    assert code == 0, err


def test_read_aloud_without_speech_dispatcher_says_how_to_get_a_voice(build, speech_home):
    """Depends on the read-aloud CLI. No speech-dispatcher (hidden by a private mount when it
    is installed here): exit 1 with what to install."""
    frozen_read_aloud_cli(build)
    prefix: tuple[str, ...] = ()
    if Path("/usr/bin/speech-dispatcher").exists():
        hide = ["unshare", "-m", "sh", "-c",
                'mount --bind /bin/false /usr/bin/speech-dispatcher && exec "$@"', "sh"]
        if subprocess.run([*hide, "true"], capture_output=True).returncode != 0:
            pytest.skip("cannot hide speech-dispatcher here (needs unshare -m and mount)")
        prefix = tuple(hide)
    code, err = read_aloud(build, speech_home, prefix)
    assert code == 1, err
    assert_spoke_or_said_why(code, err)
    assert "speech-dispatcher" in err and "espeak-ng" in err, err
