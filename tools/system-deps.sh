#!/usr/bin/env bash
# Qt's system libraries on Debian/Ubuntu: check that they are there, or install them.
#   tools/system-deps.sh --check     exit 1 with the apt-get line to run if Qt cannot load
#   tools/system-deps.sh --install   install what is missing (needs root; used by CI)
# A name with "|" lists alternatives: Debian 13 / Ubuntu 24.04 renamed some libraries (t64).
set -euo pipefail

PACKAGES=(
  # Needed even headless (QT_QPA_PLATFORM=offscreen):
  libegl1 libgl1 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3
  "libglib2.0-0t64|libglib2.0-0" fonts-dejavu-core
  # Needed for a real window on X11 (xcb):
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-sync1 libxcb-xkb1
  libx11-xcb1
  # For the packaging tests (make package, then the .desktop file is validated):
  desktop-file-utils
  # For the tests that trace connect() calls (a PDF export never contacts a print server):
  strace
  # Read aloud: PySide6-Addons' QtTextToSpeech (speech-dispatcher plug-in) and QtMultimedia
  # load these when imported, even headless:
  libpulse0 libspeechd2
  # For the AT-SPI test (tests/accessibility): the real window on a virtual X server (Xvfb;
  # the test gives it -displayfd itself, so xvfb-run and its xauth are not needed), a private
  # session bus (dbus-run-session, dbus-send and the dbus-daemon it starts: "dbus-daemon" since
  # Debian 12 / Ubuntu 23.04, part of "dbus" before), the accessibility bus (at-spi2-core:
  # at-spi-bus-launcher, at-spi2-registryd), and the screen readers' client library for the
  # system Python (python3-gi with the Atspi typelib; the name stayed in Ubuntu 24.04 and
  # Debian 13, where only the library became libatspi2.0-0t64):
  xvfb "dbus-daemon|dbus" at-spi2-core python3-gi gir1.2-atspi-2.0
  # For the packaging test that the frozen build really speaks (speech-dispatcher with an
  # espeak-ng voice; the test sends its sound to ALSA's null device):
  speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
)

pick() {  # the first alternative that apt knows
  local choice
  IFS='|' read -r -a choices <<<"$1"
  for choice in "${choices[@]}"; do
    if apt-cache show "$choice" >/dev/null 2>&1; then echo "$choice"; return; fi
  done
  echo "${choices[0]}"
}

missing() {
  local spec name
  for spec in "${PACKAGES[@]}"; do
    local found=""
    IFS='|' read -r -a names <<<"$spec"
    for name in "${names[@]}"; do
      if dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "ok installed"; then
        found=1; break
      fi
    done
    [ -n "$found" ] || echo "$spec"
  done
}

case "${1:---check}" in
  --check)
    python="${2:-.venv/bin/python}"
    if QT_QPA_PLATFORM=offscreen "$python" -c "from PySide6 import QtWidgets" 2>/dev/null; then
      exit 0
    fi
    echo "Qt cannot load: some system libraries are missing." >&2
    if command -v dpkg-query >/dev/null; then
      mapfile -t need < <(missing | sed 's/|.*//')
      echo "Install them with:  sudo apt-get install ${need[*]:-${PACKAGES[*]%%|*}}" >&2
    fi
    exit 1
    ;;
  --install)
    command -v apt-get >/dev/null || { echo "not a Debian/Ubuntu system: skipping" >&2; exit 0; }
    mapfile -t need < <(missing)
    [ "${#need[@]}" -eq 0 ] && exit 0
    apt-get update -qq
    resolved=()
    for spec in "${need[@]}"; do resolved+=("$(pick "$spec")"); done
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${resolved[@]}"
    ;;
  *) echo "usage: $0 --check [PYTHON] | --install" >&2; exit 2 ;;
esac
