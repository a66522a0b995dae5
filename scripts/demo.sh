#!/usr/bin/env bash
# Starts Platnik on its built-in demo (argument: the build folder).
set -euo pipefail
build=${1:-build}
echo "Platnik demo: nothing to start yet" >&2
