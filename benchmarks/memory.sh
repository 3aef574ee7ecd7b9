#!/usr/bin/env bash
# Memory benchmark (issue: delivery): peak resident memory of `run` for 10,000 and for 200,000
# notifications against nginx on 127.0.0.1. Nothing per notification is kept after it ends,
# so the two should be within 10%.
#   usage: benchmarks/memory.sh [SMALL] [LARGE]
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-10000}
large=${2:-200000}
source benchmarks/nginx.sh
swift build -c release >/dev/null
for count in "$small" "$large"; do
  /usr/bin/time -f "%M" -o /tmp/airudder-sim-rss .build/release/airudder-sim run Scenarios/load.json \
    --url "http://127.0.0.1:$NGINX_PORT/" --concurrency 64 --count "$count" --quiet > /tmp/airudder-sim-run.txt
  rss=$(cat /tmp/airudder-sim-rss)
  echo "$count notifications: peak RSS $((rss / 1024)) MiB ($rss KiB); $(grep -E '^notifications' /tmp/airudder-sim-run.txt)"
  eval "rss_$count=$rss"
done
python3 -c "print('large / small: %.3f (goal <= 1.10)' % ($((rss_$large)) / $((rss_$small))))"
