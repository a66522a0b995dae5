#!/usr/bin/env bash
# Starts Platnik on its built-in demo. Argument: the build folder (default: build).
# With a display the window opens; without one (a server, CI) it runs under Xvfb and saves
# a screenshot of every main screen in ./screenshots instead.
set -euo pipefail
build=${1:-build}
gui="$build/app/gui/platnik"
[ -x "$gui" ] || { echo "demo: $gui is not built" >&2; exit 1; }

if [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; then
  exec "$gui"
fi
echo "demo: no display; running under Xvfb and saving screenshots in ./screenshots" >&2
exec xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --screenshots screenshots
