#!/usr/bin/env bash
# Memory benchmark (issue: delivery): peak resident memory of `run` for SMALL, LARGE and HUGE
# notifications against nginx on 127.0.0.1 (an http:// URL: the socket transport). The scenario
# is load.json with every workflow started at once, so the simulated dialer's state (which grows
# with workflows running together, not with notifications) is the same size in every run.
# Goal: the LARGE run within 10% of the SMALL run; HUGE shows whether anything still grows.
# The same three runs over https follow (nginx's self-signed certificate trusted with --cacert;
# TLS in the socket transport): memory must stay as flat (issue 13).
# For comparison, `run --transport urlsession` and a bare URLSession loop for the same time:
# FoundationNetworking on Linux leaks about 128 bytes per request (see README, "Transports").
#   usage: benchmarks/memory.sh [SMALL] [LARGE] [HUGE]
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-10000}
large=${2:-200000}
huge=${3:-1000000}
source benchmarks/nginx.sh
swift build -c release >/dev/null
work=$(mktemp -d)
url="http://127.0.0.1:$NGINX_PORT/"
sed 's/workflowStagger: "10m"/workflowStagger: "0s"/' Scenarios/load.json > "$work/load-together.json"
.build/release/airudder-sim generate "$work/load-together.json" --count 1 > "$work/body.json"
# Prints "RSS_KIB ELAPSED_S" for one run against $url.
measure() {
  /usr/bin/time -f "%M" -o "$work/rss" .build/release/airudder-sim run "$work/load-together.json" \
    --url "$url" --concurrency 64 --count "$1" --quiet --report "$work/report.json" "${@:2}" > /dev/null
  echo "$(cat "$work/rss") $(python3 -c "import json; print(json.load(open('$work/report.json'))['elapsed_s'])")"
}
declare -A rss tls_rss
for count in "$small" "$large" "$huge"; do
  read -r kib elapsed < <(measure "$count")
  rss[$count]=$kib
  echo "run, $count notifications in ${elapsed}s: peak RSS $((kib / 1024)) MiB ($kib KiB)"
done
for count in "$small" "$large" "$huge"; do
  read -r kib elapsed < <(url="https://127.0.0.1:$NGINX_TLS_PORT/" measure "$count" --cacert "$NGINX_CERT")
  tls_rss[$count]=$kib
  echo "run over https, $count notifications in ${elapsed}s: peak RSS $((kib / 1024)) MiB ($kib KiB)"
done
for count in "$small" "$large"; do
  read -r kib elapsed < <(measure "$count" --transport urlsession)
  /usr/bin/time -f "%M" -o "$work/bare-rss" .build/release/airudder-sim-bench post-loop "$url" "$work/body.json" 64 "$elapsed" > "$work/bare.txt"
  echo "run --transport urlsession, $count notifications in ${elapsed}s: peak RSS $((kib / 1024)) MiB;" \
    "bare URLSession loop for the same time ($(awk '/^requests_ok:/ {print $2}' "$work/bare.txt") requests): $(( $(cat "$work/bare-rss") / 1024 )) MiB"
done
python3 -c "print('run %d / %d: %.3f (goal <= 1.10); run %d / %d: %.3f' % ($large, $small, ${rss[$large]} / ${rss[$small]}, $huge, $large, ${rss[$huge]} / ${rss[$large]}))"
python3 -c "print('https: run %d / %d: %.3f (goal <= 1.10); run %d / %d: %.3f; %d / %d: %.3f' % ($large, $small, ${tls_rss[$large]} / ${tls_rss[$small]}, $huge, $large, ${tls_rss[$huge]} / ${tls_rss[$large]}, $huge, $small, ${tls_rss[$huge]} / ${tls_rss[$small]}))"
rm -rf "$work"
