#!/usr/bin/env bash
# Delivery benchmark (issue: delivery): `run` throughput against nginx answering `{}` on
# 127.0.0.1 at concurrency 64, next to a bare URLSession loop posting one fixed body, in the
# same session. `run` generates and signs a fresh body for every notification; the bare loops'
# fixed body has the mean size of `run`'s. Everything alternates for ROUNDS rounds (the machine
# drifts by several percent) and the medians are compared.
# Goal: run >= 90% of the bare URLSession loop's requests per second.
# Measured in each round:
#   bare URLSession loop       URLSession.data(for:) with one fixed request (the issue's yardstick)
#   URLSessionTransport loop   the same loop through the tool's URLSession transport
#   SocketTransport loop       the same loop through the tool's socket transport
#   run                        `run` as users run it (an http:// URL: the socket transport)
#   run --transport urlsession `run` on URLSession
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
loop_rps() { $bin/airudder-sim-bench "$1" "$url" "$work/body.json" "$concurrency" "$seconds" | awk '/^requests_per_s:/ {print $2}'; }
run_rps() {
  $bin/airudder-sim run Scenarios/load.json --url "$url" --concurrency "$concurrency" --duration "${seconds}s" \
    --count 100000000 --quiet --report "$work/run.json" "$@" > /dev/null || true
  python3 -c "import json; r=json.load(open('$work/run.json')); n=r['notifications']; print(round(r['attempts']['total']/r['elapsed_s']), '(%d delivered, %d dropped, p99 %s ms)' % (n['delivered'], n['dropped'], r['latency_ms']['p99']))"
}
declare -A all
names=(bare urlsession_transport socket_transport run run_urlsession)
for round in $(seq "$rounds"); do
  bare=$(loop_rps post-loop)
  urlsession_transport=$(loop_rps transport-loop)
  socket_transport=$(loop_rps socket-loop)
  run_line=$(run_rps); run=${run_line%% *}
  run_urlsession_line=$(run_rps --transport urlsession); run_urlsession=${run_urlsession_line%% *}
  echo "round $round: bare URLSession loop $bare; URLSessionTransport loop $urlsession_transport; SocketTransport loop $socket_transport;" \
    "run $run_line; run --transport urlsession $run_urlsession_line  (req/s)"
  for name in "${names[@]}"; do all[$name]="${all[$name]:-} ${!name}"; done
done
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A med
for name in "${names[@]}"; do med[$name]=$(median "${all[$name]}"); done
echo "median req/s: bare URLSession loop ${med[bare]}, URLSessionTransport loop ${med[urlsession_transport]}," \
  "SocketTransport loop ${med[socket_transport]}, run ${med[run]}, run --transport urlsession ${med[run_urlsession]}"
ratio() { python3 -c "print('%.1f%%' % (100.0 * $1 / $2))"; }
echo "run / bare URLSession loop: $(ratio "${med[run]}" "${med[bare]}") (goal >= 90%)"
echo "run --transport urlsession / bare URLSession loop: $(ratio "${med[run_urlsession]}" "${med[bare]}");" \
  "URLSessionTransport loop / bare URLSession loop: $(ratio "${med[urlsession_transport]}" "${med[bare]}")"
echo "run / SocketTransport loop: $(ratio "${med[run]}" "${med[socket_transport]}") (what generating, signing and accounting cost at this rate)"
rm -rf "$work"
