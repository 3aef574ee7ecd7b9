#!/usr/bin/env bash
# Peers benchmark: `run` beside the load generators users already know, all posting to nginx
# (one worker, answering `{}`) on 127.0.0.1 at concurrency 64, in alternating rounds (the machine
# drifts by several percent, so each round measures every client once and the medians compare).
#   wrk              POST of one fixed body (a Lua script sets method, body and headers)
#   h2load --h1      the same over HTTP/1.1
#   hey              the same
#   run              `run Scenarios/load.json`: a freshly generated and signed body per notification
# Printed per client: requests per second, and client CPU per request in microseconds (user + sys
# of the client process over its requests). The fixed body has the mean size of `run`'s bodies.
# Goal (issue 9): run >= hey's requests per second, at no more CPU per request than hey.
# BASELINE=path/to/airudder-sim adds a client `base`, that binary's `run` measured the same way in
# the same rounds: before and after a change, in one session (issue 12: recording the time series
# costs at most 3% of run's requests per second).
#   usage: [BASELINE=BINARY] benchmarks/peers.sh [SECONDS] [CONCURRENCY] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
concurrency=${2:-64}
rounds=${3:-3}
need() { command -v "$1" >/dev/null || { apt-get update -qq >/dev/null; apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need hey hey
need h2load nghttp2-client
source benchmarks/nginx.sh
swift build -c release >/dev/null
bin=.build/release
work=$(mktemp -d)
trap 'stop_nginx; rm -rf "$work"' EXIT
$bin/airudder-sim generate Scenarios/load.json --count 5000 > "$work/all.ndjson"
python3 - "$work/all.ndjson" "$work/body.json" "$work/post.lua" <<'PY'
import json, sys
lines = open(sys.argv[1], "rb").read().splitlines()
mean = sum(map(len, lines)) / len(lines)
body = min(lines, key=lambda line: abs(len(line) - mean))
open(sys.argv[2], "wb").write(body)
open(sys.argv[3], "w").write(
    'wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\n'
    'wrk.headers["User-Agent"] = "Airudder"\n' % json.dumps(body.decode()))
PY
url="http://127.0.0.1:$NGINX_PORT/"
echo "nginx on $url; concurrency $concurrency; $seconds s per measurement; fixed body $(wc -c < "$work/body.json") bytes"

# Runs a client, keeps its output in $work/out, prints its CPU seconds (user + sys, children).
cpu_of() {
  python3 - "$work/out" "$@" <<'PY'
import resource, subprocess, sys
with open(sys.argv[1], "wb") as out:
    subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.STDOUT)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.6f" % (usage.ru_utime + usage.ru_stime))
PY
}
# "REQUESTS_PER_S MICROSECONDS_PER_REQUEST" from a request count, a wall time and CPU seconds.
figures() { python3 -c "import sys; n, wall, cpu = map(float, sys.argv[1:]); print('%d %.1f' % (n / wall, cpu * 1e6 / max(n, 1)))" "$@"; }

measure_wrk() {
  local cpu; cpu=$(cpu_of wrk -t 1 -c "$concurrency" -d "${seconds}s" -s "$work/post.lua" "$url")
  local n wall
  read -r n wall < <(awk '/requests in/ {gsub(/s,/, "", $4); print $1, $4}' "$work/out")
  figures "$n" "$wall" "$cpu"
}
measure_h2load() {
  local cpu; cpu=$(cpu_of h2load --h1 -c "$concurrency" -D "$seconds" -d "$work/body.json" \
    -H 'Content-Type: application/json' -H 'User-Agent: Airudder' "$url")
  local n wall
  n=$(awk '/^requests:/ {print $8}' "$work/out")
  wall=$(awk '/^finished in/ {gsub(/s,/, "", $3); print $3}' "$work/out")
  figures "$n" "$wall" "$cpu"
}
measure_hey() {
  local cpu; cpu=$(cpu_of hey -z "${seconds}s" -c "$concurrency" -m POST -D "$work/body.json" -T application/json \
    -H 'User-Agent: Airudder' "$url")
  local n wall
  n=$(awk '/responses$/ {s += $2} END {print s}' "$work/out")
  wall=$(awk '/Total:/ {print $2; exit}' "$work/out")
  figures "$n" "$wall" "$cpu"
}
measure_run() { measure_binary "$bin/airudder-sim"; }
measure_base() { measure_binary "$BASELINE"; }
measure_binary() {
  local cpu; cpu=$(cpu_of "$1" run Scenarios/load.json --url "$url" --concurrency "$concurrency" \
    --duration "${seconds}s" --count 100000000 --quiet --report "$work/run.json")
  local n wall
  read -r n wall < <(python3 -c "import json; r=json.load(open('$work/run.json')); print(r['attempts']['total'], r['elapsed_s'])")
  figures "$n" "$wall" "$cpu"
}

clients=(wrk h2load hey run)
if [ -n "${BASELINE:-}" ]; then clients+=(base); fi
declare -A rps cpu
for round in $(seq "$rounds"); do
  line="round $round:"
  for client in "${clients[@]}"; do
    read -r r c < <("measure_$client")
    rps[$client]="${rps[$client]:-} $r"
    cpu[$client]="${cpu[$client]:-} $c"
    line+=" $client $r req/s ${c} µs/req;"
  done
  echo "$line"
done
median() { printf '%s\n' $1 | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-8s %12s %12s\n' client "req/s" "µs/request"
for client in "${clients[@]}"; do
  printf '%-8s %12s %12s\n' "$client" "$(median "${rps[$client]}")" "$(median "${cpu[$client]}")"
done
python3 - "$(median "${rps[run]}")" "$(median "${cpu[run]}")" "$(median "${rps[hey]}")" "$(median "${cpu[hey]}")" <<'PY'
import sys
run_rps, run_cpu, hey_rps, hey_cpu = map(float, sys.argv[1:])
print("run / hey: %.0f%% of its requests per second (goal >= 100%%), %.0f%% of its CPU per request (goal <= 100%%)"
      % (100 * run_rps / hey_rps, 100 * run_cpu / hey_cpu))
PY
if [ -n "${BASELINE:-}" ]; then
  python3 - "$(median "${rps[run]}")" "$(median "${cpu[run]}")" "$(median "${rps[base]}")" "$(median "${cpu[base]}")" <<'PY'
import sys
run_rps, run_cpu, base_rps, base_cpu = map(float, sys.argv[1:])
print("run / base: %.1f%% of its requests per second, %.1f%% of its CPU per request" % (100 * run_rps / base_rps, 100 * run_cpu / base_cpu))
PY
fi
