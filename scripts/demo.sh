#!/usr/bin/env bash
# Starts Platnik on its built-in demo.
#   scripts/demo.sh [BUILD_DIR] [--screenshots]
# With a display the window opens. Without one (a server, CI), or with --screenshots, it
# saves a PNG of every main screen, in each language, in ./screenshots instead.
set -euo pipefail
build=${1:-build}
mode=${2:-}
gui="$build/app/gui/platnik"
[ -x "$gui" ] || { echo "demo: $gui is not built" >&2; exit 1; }

if [ "$mode" != "--screenshots" ] && [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; then
  exec "$gui" --demo
fi

shoot() {  # language
  if [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; then
    "$gui" --demo --lang "$1" --screenshots "screenshots/$1"
  else
    xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --demo --lang "$1" --screenshots "screenshots/$1"
  fi
}
# A fresh demo for every screenshot run (CI never depends on an earlier run): the demo is made
# in $XDG_DATA_HOME/platnik/demo, here under the build folder, emptied first.
export XDG_DATA_HOME="$(cd "$build" && pwd)/demo-data"
rm -rf "$XDG_DATA_HOME"
echo "demo: saving screenshots in ./screenshots" >&2
for lang in en sr@latin sr; do
  shoot "$lang"
done
