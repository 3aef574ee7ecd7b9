#!/usr/bin/env bash
# Delivery benchmark (issue: delivery): `run` throughput against nginx answering `{}` on
# 127.0.0.1 at concurrency 64, next to a bare URLSession loop posting one fixed body, in the
# same session. `run` generates and signs a fresh body for every notification; the bare loop's
# fixed body has the mean size of `run`'s. The two alternate for ROUNDS rounds (the machine
# drifts by several percent) and the medians are compared.
# Goal: run >= 90% of the bare loop's requests per second.
# A third loop posts the same body through the tool's own URLSessionTransport.
#   usage: benchmarks/delivery.sh [SECONDS] [CONCURRENCY] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
concurrency=${2:-64}
rounds=${3:-3}
source benchmarks/nginx.sh
swift build -c release >/dev/null
bin=.build/release
work=$(mktemp -d)
$bin/airudder-sim generate Scenarios/load.json --count 5000 > "$work/all.ndjson"
python3 - "$work/all.ndjson" "$work/body.json" <<'PY'
import sys
lines = open(sys.argv[1], "rb").read().splitlines()
mean = sum(map(len, lines)) / len(lines)
open(sys.argv[2], "wb").write(min(lines, key=lambda line: abs(len(line) - mean)))
PY
url="http://127.0.0.1:$NGINX_PORT/"
echo "nginx on $url; concurrency $concurrency; $seconds s per measurement; bare loop body $(wc -c < "$work/body.json") bytes (mean of run's)"
bare_all=(); run_all=(); transport_all=()
for round in $(seq "$rounds"); do
  bare=$($bin/airudder-sim-bench post-loop "$url" "$work/body.json" "$concurrency" "$seconds")
  bare_rps=$(awk '/^requests_per_s:/ {print $2}' <<<"$bare")
  # The tool's own transport (delegate callbacks, bounded bodies, deadline) in the same bare loop:
  # separates what the transport costs from what generating, signing and accounting cost.
  transport_rps=$($bin/airudder-sim-bench transport-loop "$url" "$work/body.json" "$concurrency" "$seconds" | awk '/^requests_per_s:/ {print $2}')
  $bin/airudder-sim run Scenarios/load.json --url "$url" --concurrency "$concurrency" --duration "${seconds}s" \
    --count 100000000 --quiet --report "$work/run.json" > /dev/null || true
  run_rps=$(python3 -c "import json; r=json.load(open('$work/run.json')); print(round(r['attempts']['total']/r['elapsed_s']))")
  summary=$(python3 -c "import json; r=json.load(open('$work/run.json')); n=r['notifications']; print(n['delivered'], 'delivered,', n['dropped'], 'dropped, p99', r['latency_ms']['p99'], 'ms')")
  echo "round $round: bare URLSession loop $bare_rps req/s; URLSessionTransport loop $transport_rps req/s; airudder-sim run $run_rps req/s ($summary)"
  bare_all+=("$bare_rps"); run_all+=("$run_rps"); transport_all+=("$transport_rps")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
bare_median=$(median "${bare_all[@]}"); run_median=$(median "${run_all[@]}"); transport_median=$(median "${transport_all[@]}")
echo "median: bare $bare_median req/s, URLSessionTransport loop $transport_median req/s, run $run_median req/s"
python3 -c "print('transport loop / bare: %.1f%%; run / transport loop: %.1f%%' % (100.0 * $transport_median / $bare_median, 100.0 * $run_median / $transport_median))"
python3 -c "print('ratio run / bare: %.1f%% (goal >= 90%%)' % (100.0 * $run_median / $bare_median))"
rm -rf "$work"
