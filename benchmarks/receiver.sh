#!/usr/bin/env bash
# Mock receiver benchmark (issue: mock receiver): requests per second the built-in receiver
# answers when wrk posts a generated notification at concurrency 64, next to nginx answering
# `{}` on the same machine. The receiver parses, checks the schema and the Sign of every body.
#   usage: benchmarks/receiver.sh [SECONDS] [CONNECTIONS]
#   AIRUDDER_SIM=path/to/airudder-sim benchmarks/receiver.sh   # measure another binary
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-64}
command -v wrk >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }
source benchmarks/nginx.sh
if [ -z "${AIRUDDER_SIM:-}" ]; then
  swift build -c release >/dev/null
  AIRUDDER_SIM=.build/release/airudder-sim
fi
work=$(mktemp -d)
"$AIRUDDER_SIM" generate Scenarios/collection.json --count 1 > "$work/body.json"
python3 - "$work/body.json" "$work/post.lua" <<'PY'
import json, sys
body = open(sys.argv[1]).read().strip()
open(sys.argv[2], "w").write(
  'wrk.method = "POST"\n'
  'wrk.headers["Content-Type"] = "application/json"\n'
  'wrk.headers["User-Agent"] = "Airudder"\n'
  'wrk.body = ' + json.dumps(body) + '\n')
PY
port=18089
"$AIRUDDER_SIM" receive --port $port --quiet > "$work/receiver.txt" &
receiver=$!
trap 'kill -INT $receiver 2>/dev/null; wait $receiver 2>/dev/null; stop_nginx; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
echo "body: $(wc -c < "$work/body.json") bytes; wrk -t2 -c$connections -d${seconds}s"
for target in "airudder-sim receive|http://127.0.0.1:$port/" "nginx|http://127.0.0.1:$NGINX_PORT/"; do
  name=${target%%|*}; url=${target##*|}
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$work/post.lua" "$url")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
  latency=$(awk '/Latency/ {print $2; exit}' <<<"$out")
  echo "$name: $rps requests/s, mean latency $latency ${errors:+($errors)}"
done
kill -INT $receiver; wait $receiver 2>/dev/null || true
echo "receiver counts:"; tail -4 "$work/receiver.txt"
