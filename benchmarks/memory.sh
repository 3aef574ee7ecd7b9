#!/usr/bin/env bash
# Memory benchmark (issue: delivery): peak resident memory of `run` for 10,000 and for 200,000
# notifications against nginx on 127.0.0.1, each next to a bare URLSession loop running for the
# same time, to separate what `run` keeps from what FoundationNetworking keeps. The scenario is
# load.json with every workflow started at once, so the simulated dialer's state (which grows
# with workflows running together, not with notifications) is the same size in both runs.
# Goal: the 200,000 run within 10% of the 10,000 run.
#   usage: benchmarks/memory.sh [SMALL] [LARGE]
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-10000}
large=${2:-200000}
source benchmarks/nginx.sh
swift build -c release >/dev/null
work=$(mktemp -d)
sed 's/workflowStagger: "10m"/workflowStagger: "0s"/' Scenarios/load.json > "$work/load-together.json"
.build/release/airudder-sim generate "$work/load-together.json" --count 1 > "$work/body.json"
declare -A rss
for count in "$small" "$large"; do
  /usr/bin/time -f "%M" -o "$work/rss" .build/release/airudder-sim run "$work/load-together.json" \
    --url "http://127.0.0.1:$NGINX_PORT/" --concurrency 64 --count "$count" --quiet --report "$work/report.json" > /dev/null
  rss[$count]=$(cat "$work/rss")
  elapsed=$(python3 -c "import json; print(json.load(open('$work/report.json'))['elapsed_s'])")
  /usr/bin/time -f "%M" -o "$work/bare-rss" .build/release/airudder-sim-bench post-loop "http://127.0.0.1:$NGINX_PORT/" \
    "$work/body.json" 64 "$elapsed" > "$work/bare.txt"
  echo "$count notifications in ${elapsed}s: run peak RSS $((rss[$count] / 1024)) MiB;" \
    "bare URLSession loop for the same time ($(awk '/^requests_ok:/ {print $2}' "$work/bare.txt") requests): $(( $(cat "$work/bare-rss") / 1024 )) MiB"
done
python3 -c "print('run large / small: %.3f (goal <= 1.10)' % (${rss[$large]} / ${rss[$small]}))"
rm -rf "$work"
