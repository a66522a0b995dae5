#!/usr/bin/env bash
# The one entry point behind the README's commands.
#   ./run.sh demo    install what is needed, build, start Platnik on its built-in demo
#   ./run.sh test    install what is needed, build, run every test (also under ASan/UBSan)
#   ./run.sh build   build only (no package installation)
#   ./run.sh bench   build with optimisation and print the benchmark tables
#   ./run.sh fuzz [SECONDS]  build the libFuzzer targets with clang, run each SECONDS (default 60)
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
jobs=$(nproc)

install_deps() { bash scripts/install-deps.sh; }

configure_and_build() {  # dir, extra cmake args...
  local dir=$1
  shift
  # -g1 (line tables: backtraces keep file and line) compiles about a quarter faster than -g.
  cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
}

# Starts Xvfb when there is no display, so GUI tests and the demo have a screen.
ensure_display() {
  if [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; then
    return
  fi
  local n
  for n in $(seq 90 110); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    export DISPLAY=":$n"
    for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
    trap 'kill %Xvfb 2>/dev/null || true' EXIT
    return
  done
}

# Builds the libFuzzer targets with clang and runs each for $1 seconds; output in build-fuzz/fuzz.log.
run_fuzzers() {
  local seconds=$1
  CC=clang CXX=clang++ cmake -S "$root" -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPLATNIK_FUZZ=ON -DPLATNIK_BUILD_TESTS=OFF -DPLATNIK_BUILD_GUI=OFF -DPLATNIK_BUILD_BENCH=OFF \
    -DPLATNIK_FUZZ_SECONDS="$seconds" >/dev/null
  # Only the fuzz targets and what they link (the readers), not the whole tree.
  cmake --build build-fuzz -j "$jobs" --target tests/fuzz/all
  if cmake --build build-fuzz --target fuzz -j 1 >build-fuzz/fuzz.log 2>&1; then
    echo "fuzz: every target ran ${seconds}s without a finding ($(grep -c '^Done' build-fuzz/fuzz.log) targets)"
  else
    grep -E 'ERROR|SUMMARY|crash-|leak-|timeout-' build-fuzz/fuzz.log | head -20
    echo "fuzz: a target found a problem; see build-fuzz/fuzz.log" >&2
    return 1
  fi
}

case "${1:-}" in
  demo)
    install_deps
    configure_and_build build
    exec bash scripts/demo.sh build
    ;;
  test)
    install_deps
    export BOOST_TEST_COLOR_OUTPUT=no
    ensure_display
    # ASan + UBSan over the libraries' own suites: domain, formats, storage, crypto (the
    # faces above them run in the main build; ASan and GTK do not mix well).
    # -O1 -g1, as the sanitizers advise: under ASan+UBSan, -O2 -g compiles 2.5x slower.
    cmake -S "$root" -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLATNIK_SANITIZE=ON \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
      -DPLATNIK_BUILD_GUI=OFF -DPLATNIK_BUILD_BENCH=OFF >/dev/null
    cmake --build build-asan -j "$jobs" --target banking_tests formats_xml_tests formats_mt_tests \
      formats_halcom_tests storage_tests crypto_tests
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir build-asan --output-on-failure -j "$jobs" -L 'domain|formats|storage|crypto'
    run_fuzzers 5
    configure_and_build build
    # The demo's screenshots, kept as the run's output (./screenshots).
    bash scripts/demo.sh build --screenshots >/dev/null
    ctest --test-dir build --output-on-failure -j "$jobs"
    ;;
  fuzz)
    install_deps
    run_fuzzers "${2:-60}"
    ;;
  build)
    configure_and_build build
    ;;
  bench)
    install_deps
    configure_and_build build-bench -DCMAKE_BUILD_TYPE=RelWithDebInfo  # -O2, as the tests build
    ensure_display  # gui_bench opens the window (under Xvfb when there is no display)
    cmake --build build-bench --target bench -j 1  # one at a time: figures undisturbed
    ;;
  *)
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
