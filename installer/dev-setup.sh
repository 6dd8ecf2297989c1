#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# One entry point for a fresh Debian 12 machine (run as root, or with sudo available):
#   installer/dev-setup.sh run    install what is missing, build, start the demo
#   installer/dev-setup.sh test   install what is missing, build, run the whole test suite
#   installer/dev-setup.sh build  install what is missing and build
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${PERIMETER_BUILD_DIR:-$ROOT/build}"
JOBS="${PERIMETER_JOBS:-2}"

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-websockets-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools
  libqt6sql6-sqlite nlohmann-json3-dev libssl-dev libsqlite3-dev libhyperscan-dev libhttp-parser-dev
  xvfb xauth fonts-dejavu-core curl ca-certificates python3 wrk prometheus poppler-utils
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> installing: ${missing[*]}"
    as_root apt-get update
    # --no-install-recommends: qt6-charts-dev otherwise pulls a conflicting OpenGL stack.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

build() {
  echo "==> configuring and building in $BUILD"
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
  cmake --build "$BUILD" -j "$JOBS"
}

run_tests() {
  echo "==> running the test suite"
  QT_QPA_PLATFORM=offscreen ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS" --timeout 600
}

run_demo() {
  local bin="$BUILD/bin" pids=()
  trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM
  echo "==> starting SIMULATED upstreams (perimeter-sim): on-prem on 127.0.0.1:9101, cloud on 127.0.0.1:9102"
  "$bin/perimeter-sim" --name onprem-sim --port 9101 --models llama-3-70b,mixtral-8x7b,text-embed --tokens-per-second 40 & pids+=($!)
  "$bin/perimeter-sim" --name cloud-sim --port 9102 --models gpt-4o,mixtral-8x7b,text-embed --tokens-per-second 80 & pids+=($!)
  local config="$ROOT/resources/demo/perimeter.json"
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$bin/perimeter" ]; then
    echo "==> starting the console with its embedded gateway on http://127.0.0.1:8080 (demo key: pk-demo-not-a-secret)"
    "$bin/perimeter" --config "$config" & pids+=($!)
  else
    echo "==> no display: starting the headless gateway perimeterd on http://127.0.0.1:8080 (demo key: pk-demo-not-a-secret)"
    "$bin/perimeterd" --config "$config" & pids+=($!)
  fi
  # Waiting (rather than running in the foreground) lets the trap stop everything at once on
  # Ctrl-C or SIGTERM; the gateway drains, the simulated upstreams stop.
  wait "${pids[-1]}"
}

case "${1:-}" in
  run)   install_deps; build; run_demo ;;
  test)  install_deps; build; run_tests ;;
  build) install_deps; build ;;
  *) echo "usage: $0 run|test|build" >&2; exit 2 ;;
esac
