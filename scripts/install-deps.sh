#!/usr/bin/env bash
# Installs every Debian 12 package Platnik needs to build, run and test.
# Idempotent; run as root (or through sudo).
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  clang clang-format clang-tidy libclang-rt-14-dev
  # libraries
  libwxgtk3.2-dev libsqlite3-dev sqlite3 libssl-dev openssl
  libp11-dev p11-kit libp11-kit-dev libcurl4-openssl-dev
  libboost-dev libboost-test-dev libxml2-dev libxml2-utils
  nlohmann-json3-dev libcli11-dev libfmt-dev libspdlog-dev
  libzbar-dev libqrencode-dev libhpdf-dev gettext
  # tokens, for the demo and the tests
  softhsm2 opensc gnutls-bin
  # a display for the GUI when there is none, and screenshots
  xvfb xauth x11-utils imagemagick poppler-utils
  # the font printed orders and statements embed (Serbian Latin and Cyrillic glyphs)
  fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
