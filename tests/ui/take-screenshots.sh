#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Takes one PNG per console screen for docs/screenshots under Xvfb.
#   tests/ui/take-screenshots.sh [BUILD_DIR] [OUT_DIR] [LANG]
# Real data: two perimeter-sim upstreams, perimeterd serving a mix of requests for a short
# while (so the audit trail has history), then the console on the same configuration with
# --screenshot-dir, which grabs each page with QWidget::grab() and exits.
set -euo pipefail

src="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$src/../build-ui}"
out="${2:-$src/docs/screenshots}"
lang="${3:-en}"
traffic_seconds="${TRAFFIC_SECONDS:-60}"
bin="$build/bin"
for p in perimeter perimeterd perimeter-sim; do
  [[ -x "$bin/$p" ]] || { echo "missing $bin/$p: build the targets perimeter perimeterd perimeter-sim first" >&2; exit 2; }
done
command -v xvfb-run >/dev/null || { echo "xvfb-run is not installed" >&2; exit 2; }

tmp="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
onprem_port=$(free_port); cloud_port=$(free_port); gw_port=$(free_port)

"$bin/perimeter-sim" --name onprem-sim --port "$onprem_port" --models llama-3-70b,mixtral-8x7b,text-embed --latency-ms 40 >/dev/null 2>&1 & pids+=($!)
"$bin/perimeter-sim" --name cloud-sim --port "$cloud_port" --models gpt-4o,mixtral-8x7b,text-embed --latency-ms 20 --fail 5xx --fail-rate 0.05 >/dev/null 2>&1 & pids+=($!)

key="pk-screenshots"
key_hash=$(printf %s "$key" | sha256sum | cut -d' ' -f1)
key2="pk-screenshots-bob"
key2_hash=$(printf %s "$key2" | sha256sum | cut -d' ' -f1)
cat > "$tmp/perimeter.json" <<JSON
{
  "listen": {"host": "127.0.0.1", "port": $gw_port},
  "data_dir": "data",
  "callers": [
    {"id": "alice", "team": "risk", "api_key_sha256": "$key_hash"},
    {"id": "bob", "team": "research", "api_key_sha256": "$key2_hash"}
  ],
  "endpoints": [
    {"id": "onprem-sim", "tier": "onprem", "url": "http://127.0.0.1:$onprem_port/v1"},
    {"id": "cloud-sim", "tier": "cloud", "url": "http://127.0.0.1:$cloud_port/v1"}
  ],
  "models": [
    {"name": "llama-3-70b", "kind": "chat", "endpoints": ["onprem-sim"]},
    {"name": "gpt-4o", "kind": "chat", "endpoints": ["cloud-sim"]},
    {"name": "mixtral-8x7b", "kind": "chat", "endpoints": ["onprem-sim", "cloud-sim"]},
    {"name": "text-embed", "kind": "embedding", "endpoints": ["onprem-sim", "cloud-sim"]}
  ],
  "policy": "policy.json",
  "costs": {
    "currency": "USD",
    "prices": [{"model": "mixtral-8x7b", "input_per_1m": 0.6, "output_per_1m": 0.6, "as_of": "2025-06-01"},
               {"model": "text-embed", "input_per_1m": 0.02, "output_per_1m": 0.0, "as_of": "2025-06-01"}],
    "cloud_equivalents": {"llama-3-70b": "gpt-4o-mini"},
    "onprem": {"default": {"hardware_cost": 40000, "amortization_months": 36, "power_watts": 700, "price_per_kwh": 0.2,
                           "throughput_tokens_per_second": 2500, "utilization": 0.4}}
  }
}
JSON
# The policy editor edits (and would write) this file, so it is a copy: the demo levels plus
# one of each section the editor shows.
cat > "$tmp/policy.json" <<'JSON'
{
  "version": "demo-2",
  "comment": "Demo policy for the screenshots.",
  "levels": {
    "public": ["onprem", "cloud"],
    "internal": ["onprem", "cloud"],
    "confidential": ["onprem"],
    "restricted": ["onprem"]
  },
  "overrides": [
    {"team": "risk", "levels": {"internal": ["onprem"]}, "comment": "risk data stays home"}
  ],
  "models": {"gpt-4o": {"teams": ["risk", "research"]}},
  "classifier": {
    "types": {"EMAIL_ADDRESS": {"level": "internal", "threshold": 0.5}, "DATE_TIME": {"threshold": 0.9}},
    "markers": [
      {"name": "banners", "type": "ORG_MARKER", "level": "confidential", "terms": ["CONFIDENTIAL - INTERNAL ONLY", "Project Nightingale"]}
    ],
    "custom_recognizers": [
      {"name": "employee-id", "type": "EMPLOYEE_ID", "pattern": "\\bEMP-[0-9]{6}\\b", "score": 0.8, "level": "confidential", "context": ["employee"]}
    ]
  }
}
JSON

"$bin/perimeterd" --config "$tmp/perimeter.json" >"$tmp/perimeterd.log" 2>&1 & gw_pid=$!; pids+=($gw_pid)
for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$gw_port/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done

send() { # model text [key]
  curl -sS -o /dev/null -X POST "http://127.0.0.1:$gw_port/v1/chat/completions" \
    -H "Authorization: Bearer ${3:-$key}" -H 'Content-Type: application/json' \
    -d "{\"model\":\"$1\",\"messages\":[{\"role\":\"user\",\"content\":\"$2\"}]}" || true
}
echo "==> sending traffic for ${traffic_seconds}s"
end=$((SECONDS + traffic_seconds))
i=0
while (( SECONDS < end )); do
  i=$((i + 1))
  send gpt-4o "Summarise the release notes of version $i in three bullets."
  send mixtral-8x7b "Write a haiku about autumn number $i."
  send gpt-4o "Draft a literature overview on topic $i." "$key2"
  (( i % 2 == 1 )) && send llama-3-70b "Explain gradient descent, variant $i." "$key2"
  (( i % 2 == 0 )) && send llama-3-70b "Refund card 4111 1111 1111 1111 for order $i."
  (( i % 3 == 0 )) && send gpt-4o "Transfer to IBAN DE89 3704 0044 0532 0130 00, ticket $i."
  (( i % 4 == 0 )) && send mixtral-8x7b "Call Maria at maria.rossi@example.com about ticket $i."
  (( i % 7 == 0 )) && send gpt-4o "hello" "pk-wrong-key"
  (( i % 9 == 0 )) && send gpt-4o "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"
  sleep 0.$((RANDOM % 6 + 2))
done
kill -TERM "$gw_pid"; wait "$gw_pid" || true

mkdir -p "$out"
echo "==> taking screenshots into $out"
XDG_CONFIG_HOME="$tmp/xdg" XDG_DATA_HOME="$tmp/xdg-data" \
  xvfb-run -a -s "-screen 0 1400x900x24" \
  "$bin/perimeter" --config "$tmp/perimeter.json" --screenshot-dir "$out" --lang "$lang"
