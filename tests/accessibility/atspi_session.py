"""Inside a private D-Bus session: the accessibility bus, an X server, the app, and the dump.

Run by tests/accessibility/test_atspi.py as

    dbus-run-session -- PYTHON atspi_session.py --out DIR --launcher PATH --xvfb PATH ...

with the environment already pointed away from the user's home (HOME, XDG_*, the app's own
folder variables) and no DISPLAY. Needs only the standard library, so the project's Python runs
it. In order, it:

1. starts ``at-spi-bus-launcher --launch-immediately`` and waits until it answers
   ``org.a11y.Bus.GetAddress`` on the session bus (the accessibility bus is then up), and sets
   ``org.a11y.Status.IsEnabled`` as a desktop does when a screen reader starts;
2. starts ``Xvfb -displayfd`` (it picks a free display itself and tells us which);
3. starts the app for real on xcb with ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1`` on that display;
4. runs the AT-SPI client (atspi_dump.py, with the system Python that has PyGObject), which
   writes what it sees to DIR/dump.json;
5. stops everything it started, whatever happened; dbus-run-session then ends the bus.

Everything it starts stays in the test's process group, which the test kills at the end too.
Output: DIR/dump.json, DIR/app.log, DIR/session.log; the exit code is the client's.
"""

from __future__ import annotations

import argparse
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def log(message: str) -> None:
    print(f"[atspi-session {time.monotonic():.2f}] {message}", file=sys.stderr, flush=True)


def stop(process: subprocess.Popen | None, name: str) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=3)
    except subprocess.TimeoutExpired:
        log(f"{name} did not stop on SIGTERM: killing it")
        process.kill()
        process.wait(timeout=3)


def _dbus(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(["dbus-send", "--session", "--print-reply=literal",
                           "--reply-timeout=2000", *arguments],
                          capture_output=True, text=True, timeout=5, check=False)


def a11y_bus_address(launcher: subprocess.Popen, deadline: float) -> str:
    """Wait until our launcher owns org.a11y.Bus on the session bus (asking the name before
    would make D-Bus start a second launcher), then ask it for the accessibility bus."""
    while time.monotonic() < deadline and launcher.poll() is None:
        owned = _dbus("--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                      "org.freedesktop.DBus.NameHasOwner", "string:org.a11y.Bus")
        if owned.stdout.split()[-1:] == ["true"]:
            break
        time.sleep(0.05)
    else:
        raise RuntimeError("at-spi-bus-launcher did not take the name org.a11y.Bus"
                           f" (exit code {launcher.poll()}; see session.log)")
    answer = _dbus("--dest=org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus.GetAddress")
    if answer.returncode != 0 or not answer.stdout.strip():
        raise RuntimeError(f"the accessibility bus did not come up: {answer.stderr.strip()}")
    return answer.stdout.strip()


def enable_accessibility() -> None:
    """What a desktop does when a screen reader starts. Best effort: Qt is also told by
    QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, which is what this test relies on."""
    answer = _dbus("--dest=org.a11y.Bus", "/org/a11y/bus", "org.freedesktop.DBus.Properties.Set",
                   "string:org.a11y.Status", "string:IsEnabled", "variant:boolean:true")
    if answer.returncode != 0:
        log(f"could not set org.a11y.Status.IsEnabled: {answer.stderr.strip()}")


def start_xvfb(xvfb: str, deadline: float, log_file) -> tuple[subprocess.Popen, str]:
    """Xvfb on a display it picks (-displayfd), so no running X server is ever touched."""
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x1024x24",
         "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_end,), stdin=subprocess.DEVNULL, stdout=log_file, stderr=log_file)
    os.close(write_end)
    number = b""
    try:
        while not number.endswith(b"\n"):
            timeout = deadline - time.monotonic()
            if timeout <= 0 or process.poll() is not None:
                raise RuntimeError("Xvfb did not start (see session.log)")
            ready, _, _ = select.select([read_end], [], [], timeout)
            if ready:
                chunk = os.read(read_end, 16)
                if not chunk:
                    raise RuntimeError("Xvfb closed -displayfd without naming a display")
                number += chunk
    except BaseException:
        stop(process, "Xvfb")
        raise
    finally:
        os.close(read_end)
    return process, ":" + number.decode().strip()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--launcher", required=True, help="at-spi-bus-launcher")
    parser.add_argument("--xvfb", required=True)
    parser.add_argument("--client-python", default="/usr/bin/python3")
    parser.add_argument("--app-name", default="Diabetes Reader")
    parser.add_argument("--timeout", type=float, default=40.0, help="for all of it, seconds")
    args = parser.parse_args()

    # A SIGTERM from the test (its time is up) still runs the clean-up below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(124))
    deadline = time.monotonic() + args.timeout
    started: list[tuple[str, subprocess.Popen]] = []
    session_log = open(args.out / "session.log", "ab")  # noqa: SIM115 — closed at the end
    try:
        launcher = subprocess.Popen([args.launcher, "--launch-immediately"],
                                    stdin=subprocess.DEVNULL, stdout=session_log,
                                    stderr=session_log)
        started.append(("at-spi-bus-launcher", launcher))
        address = a11y_bus_address(launcher, min(deadline, time.monotonic() + 10))
        log(f"accessibility bus: {address}")
        enable_accessibility()

        xvfb, display = start_xvfb(args.xvfb, min(deadline, time.monotonic() + 10),
                                   session_log)
        started.append(("Xvfb", xvfb))
        log(f"Xvfb on {display}")

        app_env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb",
                       QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
        with open(args.out / "app.log", "wb") as app_log:
            # In English whatever the machine's locale: the checks name English controls.
            app = subprocess.Popen([sys.executable, "-m", "reader", "--language", "en"],
                                   env=app_env,
                                   stdin=subprocess.DEVNULL, stdout=app_log, stderr=app_log)
        started.append(("the app", app))
        log(f"app started, pid {app.pid}")

        remaining = deadline - time.monotonic()
        wait = max(1.0, min(25.0, remaining - 12))
        client_env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
        client = [args.client_python, str(HERE / "atspi_dump.py"), "--app", args.app_name,
                  "--pid", str(app.pid), "--wait", str(wait), "--walk-time", "8",
                  "--text-limit", "50000"]
        with open(args.out / "dump.json", "wb") as dump:
            try:
                code = subprocess.run(client, env=client_env, stdin=subprocess.DEVNULL,
                                      stdout=dump, stderr=session_log,
                                      timeout=max(1.0, deadline - time.monotonic())).returncode
            except subprocess.TimeoutExpired:
                log("the AT-SPI client ran out of time")
                code = 124
        if app.poll() is not None:
            log(f"the app exited early, code {app.returncode} (see app.log)")
        log(f"client exit code {code}")
        return code
    except RuntimeError as error:
        log(str(error))
        return 2
    finally:
        for name, process in reversed(started):
            stop(process, name)
        session_log.close()


if __name__ == "__main__":
    sys.exit(main())
