#!/usr/bin/env bash
# The interface's translations with Qt's own tools (see reader/system/i18n.py):
#   tools/translations.sh update [LANGUAGE…]   collect the strings into translations/reader_<l>.ts
#                                              (new strings are added "unfinished", old kept)
#   tools/translations.sh build                build every translations/*.ts into its .qm
# A new language: tools/translations.sh update fr, then fill in reader_fr.ts with Qt Linguist
# (.venv/bin/pyside6-linguist) and run make install.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV:-.venv}/bin"
what="${1:-build}"
shift || true
case "$what" in
  update)
    languages=("$@")
    if [ ${#languages[@]} -eq 0 ]; then
      for ts in translations/reader_*.ts; do
        [ -e "$ts" ] || continue
        name="${ts##*/reader_}"; languages+=("${name%.ts}")
      done
    fi
    mapfile -t sources < <(find reader -name '*.py' -not -path '*/__pycache__/*' | sort)
    for language in "${languages[@]}"; do
      "$BIN/pyside6-lupdate" -no-obsolete -locations none -source-language en \
        -target-language "$language" "${sources[@]}" -ts "translations/reader_${language}.ts"
    done
    ;;
  build)
    for ts in translations/reader_*.ts; do
      [ -e "$ts" ] || continue
      "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
    done
    ;;
  *)
    echo "usage: $0 update [LANGUAGE…] | build" >&2
    exit 2
    ;;
esac
