#!/usr/bin/env bash
# HTML report benchmark (issue 12): how long `report --html` takes to render a big run's report
# and a journal. One `run` of COUNT notifications of load.json against nginx on 127.0.0.1
# (concurrency 64) writes the report and the journal; the first LINES lines of the journal are
# kept (the run's own attempts, so the page's story belongs to the report), then `report --html`
# is timed ROUNDS times. Printed: wall time and peak RSS of each round, the median, the page's
# size. Goal: under 2 s for 1,000,000 notifications and a 10,000-line journal.
#   usage: benchmarks/report-html.sh [COUNT] [LINES] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
lines=${2:-10000}
rounds=${3:-5}
source benchmarks/nginx.sh
swift build -c release >/dev/null
bin=.build/release
work=$(mktemp -d)
trap 'stop_nginx; rm -rf "$work"' EXIT
url="http://127.0.0.1:$NGINX_PORT/"
$bin/airudder-sim run Scenarios/load.json --url "$url" --concurrency 64 --count "$count" --quiet \
  --report "$work/report.json" --journal "$work/journal.jsonl" >/dev/null
head -n "$lines" "$work/journal.jsonl" >"$work/journal-head.jsonl"
python3 - "$work/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("run: %d notifications, %d attempts in %.1f s; time series %d intervals of %d s; report %d bytes"
      % (r["notifications"]["generated"], r["attempts"]["total"], r["elapsed_s"], len(r["time_series"]["intervals"]),
         r["time_series"]["interval_s"], len(open(sys.argv[1], "rb").read())))
PY
times=""
for round in $(seq "$rounds"); do
  /usr/bin/time -f "%e %M" -o "$work/time" $bin/airudder-sim report "$work/report.json" \
    --journal "$work/journal-head.jsonl" --html "$work/report.html"
  read -r seconds kib <"$work/time"
  times+=" $seconds"
  echo "round $round: report --html in ${seconds} s, peak RSS $((kib / 1024)) MiB"
done
median=$(printf '%s\n' $times | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median ${median} s for $count notifications and a $(wc -l <"$work/journal-head.jsonl")-line journal" \
  "(goal < 2 s); page $(wc -c <"$work/report.html") bytes"
