#!/usr/bin/env bash
# Slowloris stress (issue 8, item 6): a slow client holds up only itself. Starts
# `airudder-sim receive`, holds SLOW connections open with a partial request head that gains one
# header line every 5 s (reopened when the server closes them), and meanwhile posts VALID signed
# notifications, a fresh connection each, over 10 s. Prints the slow connections held, the valid
# requests sent, how many were answered 200 within 1 s, and p50/p99/max latency.
# Loopback only; ends by itself (at most about two minutes).
#   usage: benchmarks/slowloris.sh [SLOW] [VALID]
#   AIRUDDER_SIM=path/to/airudder-sim benchmarks/slowloris.sh   # measure another binary
set -euo pipefail
cd "$(dirname "$0")/.."
slow=${1:-2000}
valid=${2:-500}
if [ -z "${AIRUDDER_SIM:-}" ]; then
  swift build -c release >/dev/null
  AIRUDDER_SIM=.build/release/airudder-sim
fi
work=$(mktemp -d)
"$AIRUDDER_SIM" generate Scenarios/collection.json --count "$valid" > "$work/bodies.jsonl"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$AIRUDDER_SIM" receive --port "$port" --quiet > "$work/receiver.txt" &
receiver=$!
trap 'kill -INT $receiver 2>/dev/null; wait $receiver 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
echo "receiver: $AIRUDDER_SIM on 127.0.0.1:$port; $slow slow connections, $valid valid notifications"
timeout 150 python3 benchmarks/slowloris.py "$port" "$work/bodies.jsonl" "$slow" 5 10
kill -INT $receiver; wait $receiver 2>/dev/null || true
echo "receiver counts:"; grep -E "requests|answers" "$work/receiver.txt" || true
