"""Print, as JSON, what a screen reader sees of one running application through AT-SPI.

Run with the *system* Python (``/usr/bin/python3``), which has PyGObject and the Atspi typelib
(Debian's python3-gi and gir1.2-atspi-2.0); the project's virtualenv has neither. It must run
inside the same D-Bus session as the application (``DBUS_SESSION_BUS_ADDRESS``), where
at-spi-bus-launcher answers for the accessibility bus.

    /usr/bin/python3 atspi_dump.py --app "Diabetes Reader" --wait 30 --pid 1234

It waits until an application of that name (or with that process id) is on the AT-SPI desktop
and has a window, then walks its tree (bounded in depth, count and time) and prints one JSON
object: ``{"app": name, "apps": [names on the desktop], "objects": [...], "truncated": bool}``
where each object is ``{"path", "depth", "role", "name", "states", "interfaces", "text"}``
(``text``: the first characters of the Text interface, for objects that have one). Exit code 0
when the application was found, 3 when it never appeared (the JSON still says what was there).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402 — require_version must come first


def pump() -> None:
    """Let libatspi read what arrived on the bus (applications coming and going)."""
    context = GLib.MainContext.default()
    for _ in range(1000):  # bounded: a source that is always ready must not hang the client
        if not context.pending():
            return
        context.iteration(False)


def safe(call, *args, default=None):
    """``call(*args)``, or ``default`` if the object went away or did not answer in time: one
    such object is left out of the dump, it does not end the walk."""
    try:
        return call(*args)
    except Exception:  # GLib.Error mostly; any failure of one object is treated alike
        return default


def find_app(names: list[str], pid: int | None) -> tuple[Atspi.Accessible | None, list[str]]:
    desktop = Atspi.get_desktop(0)
    seen = []
    match = None
    for index in range(safe(desktop.get_child_count, default=0) or 0):
        app = safe(desktop.get_child_at_index, index)
        if app is None:
            continue
        name = safe(app.get_name, default="") or ""
        seen.append(name)
        by_pid = pid is not None and safe(app.get_process_id) == pid
        by_name = any(wanted.lower() == name.lower() for wanted in names)
        if (by_pid or by_name) and (safe(app.get_child_count, default=0) or 0) > 0:
            match = app
    return match, seen


def describe(obj: Atspi.Accessible, path: str, depth: int, text_limit: int) -> dict:
    states = safe(lambda: obj.get_state_set().get_states(), default=[]) or []
    interfaces = safe(obj.get_interfaces, default=[]) or []
    item = {
        "path": path,
        "depth": depth,
        "role": safe(obj.get_role_name, default="") or "",
        "name": safe(obj.get_name, default="") or "",
        "states": sorted(state.value_nick for state in states),
        "interfaces": sorted(interfaces),
        "text": None,
    }
    if "Text" in interfaces:
        count = safe(obj.get_character_count, default=0) or 0
        item["text"] = safe(obj.get_text, 0, min(count, text_limit), default="")
    return item


def walk(root: Atspi.Accessible, max_depth: int, max_count: int, text_limit: int,
         deadline: float) -> tuple[list[dict], bool]:
    objects: list[dict] = []
    stack = [(root, "0", 0)]
    while stack:
        if len(objects) >= max_count or time.monotonic() > deadline:
            return objects, True
        obj, path, depth = stack.pop()
        objects.append(describe(obj, path, depth, text_limit))
        if depth >= max_depth:
            continue
        count = min(safe(obj.get_child_count, default=0) or 0, max_count)
        children = []
        for index in range(count):
            child = safe(obj.get_child_at_index, index)
            if child is not None:
                children.append((child, f"{path}.{index}", depth + 1))
        stack.extend(reversed(children))  # depth first, in the order a screen reader reads
    return objects, False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", action="append", default=[], help="an application name")
    parser.add_argument("--pid", type=int, help="the application's process id")
    parser.add_argument("--wait", type=float, default=30.0, help="seconds to wait for it")
    parser.add_argument("--settle", type=float, default=1.0,
                        help="seconds to wait after it appears, for its first page")
    parser.add_argument("--walk-time", type=float, default=15.0, help="seconds for the walk")
    parser.add_argument("--max-depth", type=int, default=30)
    parser.add_argument("--max-count", type=int, default=4000)
    parser.add_argument("--text-limit", type=int, default=2000,
                        help="characters of each object's text to keep")
    args = parser.parse_args()

    Atspi.init()
    Atspi.set_timeout(3000, 10000)  # per D-Bus call, ms: a hung app fails the walk, not CI
    deadline = time.monotonic() + args.wait
    app, seen = None, []
    while time.monotonic() < deadline:
        pump()
        app, seen = find_app(args.app, args.pid)
        if app is not None:
            break
        time.sleep(0.2)
    if app is None:
        json.dump({"app": None, "apps": seen, "objects": [], "truncated": False}, sys.stdout)
        return 3
    time.sleep(args.settle)
    pump()
    objects, truncated = walk(app, args.max_depth, args.max_count, args.text_limit,
                              time.monotonic() + args.walk_time)
    json.dump({"app": safe(app.get_name, default=""), "apps": seen, "objects": objects,
               "truncated": truncated}, sys.stdout, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
