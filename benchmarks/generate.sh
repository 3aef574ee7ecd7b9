#!/usr/bin/env bash
# Generation benchmark (issue: generator): Details generated, signed and serialised per second
# for Scenarios/collection.json on one core, release build, no I/O. Runs several trials and
# prints each and the median, because a shared 2-core machine varies by several percent.
# Goal: median >= 200,000 Details/s.
#   usage: benchmarks/generate.sh [SCENARIO] [TRIALS] [SECONDS_PER_TRIAL]
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-Scenarios/collection.json}
trials=${2:-5}
seconds=${3:-3}
swift build -c release --product airudder-sim-bench >/dev/null
bench=.build/release/airudder-sim-bench
pin=()
command -v taskset >/dev/null && pin=(taskset -c 1)
rates=()
for i in $(seq "$trials"); do
  out=$("${pin[@]}" "$bench" generate "$scenario" "$seconds")
  rate=$(awk '/^details_per_s:/ {print $2}' <<<"$out")
  mb=$(awk '/^mb_per_s:/ {print $2}' <<<"$out")
  echo "trial $i: $rate Details/s, $mb MB/s"
  rates+=("$rate")
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "scenario: $scenario"
echo "median_details_per_s: $median"
if [ "$median" -ge 200000 ]; then echo "goal (>= 200000 Details/s): met"; else echo "goal (>= 200000 Details/s): NOT met"; fi
