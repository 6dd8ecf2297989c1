#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Gateway overhead benchmark (not a test): the same ~1 KB chat request sent with wrk to a
# perimeter-sim upstream directly, and through perimeterd in front of it. Loopback only,
# every run bounded in time; only the processes this script started are stopped.
#
#   tests/bench/gateway_overhead.sh [-d SECONDS] [-c CONNECTIONS] [--stream] [--build DIR]
#
# Mode for ../shared/bench/run_overhead.sh: with --serve-for-harness the script only starts
# perimeterd in front of $BENCH_UPSTREAM_BASE on port $PERIMETER_BENCH_PORT (default 18900)
# and waits, e.g.
#   ../shared/bench/run_overhead.sh --extra-cmd "tests/bench/gateway_overhead.sh --serve-for-harness" \
#       perimeter=http://127.0.0.1:18900/v1
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="$ROOT/build"
DURATION=10
CONNS=32
STREAM=0
SERVE=0
while [ $# -gt 0 ]; do
  case "$1" in
    -d) DURATION=$2; shift 2 ;;
    -c) CONNS=$2; shift 2 ;;
    --stream) STREAM=1; shift ;;
    --build) BUILD=$2; shift 2 ;;
    --serve-for-harness) SERVE=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
BIN="$BUILD/bin"
RUN="$(mktemp -d /tmp/perimeter-bench.XXXXXX)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$RUN"; }
trap cleanup EXIT INT TERM

KEY="sk-bench-not-a-real-key"
HASH=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)

write_config() { # upstream_base port
  cat > "$RUN/perimeter.json" <<JSON
{"listen": {"host": "127.0.0.1", "port": $2}, "data_dir": "$RUN/var",
 "health_checks": {"enabled": false},
 "callers": [{"id": "bench", "team": "bench", "api_key_sha256": "$HASH"}],
 "endpoints": [{"id": "upstream", "tier": "cloud", "url": "$1", "capacity": 100000}],
 "models": [{"name": "gpt-4o-mini", "kind": "chat", "endpoints": ["upstream"]}]}
JSON
}

wait_for_url() { # logfile -> prints the URL from the "listening on" line
  for _ in $(seq 100); do
    grep -q "listening on" "$1" && { grep -o 'listening on http://[0-9.:]*' "$1" | head -1 | cut -d' ' -f3; return 0; }
    sleep 0.1
  done
  echo "did not start: $(cat "$1")" >&2; exit 1
}

if [ $SERVE -eq 1 ]; then
  write_config "${BENCH_UPSTREAM_BASE:?BENCH_UPSTREAM_BASE is set by run_overhead.sh}" "${PERIMETER_BENCH_PORT:-18900}"
  exec "$BIN/perimeterd" --config "$RUN/perimeter.json"
fi

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
# Started here, not in a command substitution, so that cleanup knows their PIDs.
"$BIN/perimeter-sim" --name bench --port 0 --models gpt-4o-mini --reply-tokens 8 > "$RUN/sim.log" 2>&1 & PIDS+=($!)
SIM_URL=$(wait_for_url "$RUN/sim.log")
write_config "$SIM_URL/v1" 0
"$BIN/perimeterd" --config "$RUN/perimeter.json" > "$RUN/gw.log" 2>&1 & PIDS+=($!)
GW_URL=$(wait_for_url "$RUN/gw.log")

LUA="$RUN/chat.lua"
cat > "$LUA" <<'LUA'
local stream = os.getenv("BENCH_STREAM") == "1"
local pad = string.rep("The quick brown fox jumps over the lazy dog. ", 20)
wrk.method = "POST"
wrk.body = '{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are a helpful assistant."},'
  .. '{"role":"user","content":"' .. pad .. '"}],"max_tokens":64,"stream":' .. (stream and "true" or "false") .. '}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-bench-not-a-real-key"
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.0f p50_us=%d p99_us=%d errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
LUA

run() { # name url
  local out
  out=$(BENCH_STREAM=$STREAM timeout $((DURATION + 30)) wrk -t 1 -c "$CONNS" -d "${DURATION}s" --timeout 10s -s "$LUA" "$2/v1/chat/completions" | grep '^RESULT')
  printf '%-10s %s\n' "$1" "${out#RESULT }"
}

echo "perimeter gateway overhead: $CONNS connections, ${DURATION}s per run, stream=$STREAM, $(nproc) cores"
# wrk, the sim and the gateway share the machine's cores: compare the rows, not absolute figures.
run direct "$SIM_URL"
run perimeter "$GW_URL"
