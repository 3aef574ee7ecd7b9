#!/usr/bin/env bash
# A distributed run on one machine: N shard processes (`run --shard i/N`, started together by
# --start-at) against one `airudder-sim receive`, then `merge`. Checks that
#   - the CallIDs the receiver accepted are exactly those of `generate` with the same
#     scenario, seed and count (none missing, none extra), and
#   - the merged report's figures equal the receiver's: notifications delivered = notifications
#     it answered 2xx, attempts = requests it received, 5xx attempts = its 503 answers.
# The receiver refuses the first attempt of 10% of the notifications (503), so retries (one
# second apart at --time-scale 60) are part of what must reconcile.
#
#   deploy/shards.sh [SHARDS] [COUNT] [SCENARIO]     (defaults: 4 2000 Scenarios/collection.json)
set -euo pipefail
cd "$(dirname "$0")/.."
shards="${1:-4}"
count="${2:-2000}"
scenario="${3:-Scenarios/collection.json}"
port="${PORT:-18089}"

swift build --product airudder-sim >/dev/null
tool="$(swift build --show-bin-path)/airudder-sim"
work="$(mktemp -d)"
receiver_pid=""
cleanup() {
  if [[ -n "$receiver_pid" ]] && kill -0 "$receiver_pid" 2>/dev/null; then kill "$receiver_pid"; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$tool" receive --port "$port" --record "$work/received.jsonl" --quiet \
  --fail-first 1 --fail-first-rate 0.1 --seed 5 >"$work/receiver.out" 2>&1 &
receiver_pid=$!
for _ in $(seq 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.1
done

echo "$shards shards of $count notifications of $scenario -> receive on 127.0.0.1:$port"
pids=()
for ((i = 0; i < shards; i++)); do
  "$tool" run "$scenario" --url "http://127.0.0.1:$port/" --shard "$i/$shards" --count "$count" \
    --concurrency 64 --time-scale 60 --start-at +2s --quiet --report "$work/shard-$i.json" \
    >"$work/shard-$i.out" 2>&1 &
  pids+=($!)
done
failed=0
for ((i = 0; i < shards; i++)); do
  if ! wait "${pids[$i]}"; then
    echo "shard $i/$shards failed:"; cat "$work/shard-$i.out"; failed=1
  fi
done
kill -INT "$receiver_pid"; wait "$receiver_pid" || true; receiver_pid=""
[[ $failed == 0 ]] || exit 1

"$tool" merge "$work"/shard-*.json --report "$work/merged.json"
"$tool" generate "$scenario" --count "$count" >"$work/generated.ndjson"

python3 - "$work" "$count" <<'PY'
import json, sys
work, count = sys.argv[1], int(sys.argv[2])
expected = [d["CallID"] for line in open(f"{work}/generated.ndjson") for d in json.loads(line)["Details"]]
records = [json.loads(line) for line in open(f"{work}/received.jsonl")]
accepted = [r for r in records if r["status"] is not None and 200 <= r["status"] < 300]
received = {d["CallID"] for r in accepted for d in r["notification"]["Details"]}
merged = json.load(open(f"{work}/merged.json"))
checks = [
    ("receiver's unique CallIDs == generate's", received == set(expected), f"{len(received)} vs {len(set(expected))}"),
    ("no CallID missing", not (set(expected) - received), f"{len(set(expected) - received)} missing"),
    ("merged generated == --count", merged["notifications"]["generated"] == count, merged["notifications"]["generated"]),
    ("merged delivered == receiver's 2xx answers", merged["notifications"]["delivered"] == len(accepted),
     f"{merged['notifications']['delivered']} vs {len(accepted)}"),
    ("merged attempts == receiver's requests", merged["attempts"]["total"] == len(records),
     f"{merged['attempts']['total']} vs {len(records)}"),
    ("merged 5xx attempts == receiver's 503s", merged["attempts"]["by_class"]["5xx"] == sum(r["status"] == 503 for r in records),
     f"{merged['attempts']['by_class']['5xx']} vs {sum(r['status'] == 503 for r in records)}"),
    ("merged histogram count == attempts", merged["latency_histogram"]["count"] == merged["attempts"]["total"],
     merged["latency_histogram"]["count"]),
    ("every shard merged", merged["merged"]["missing"] == [] and len(merged["merged"]["shards"]) == merged["merged"]["count"],
     merged["merged"]),
]
for name, ok, detail in checks:
    print(f"{'ok  ' if ok else 'FAIL'} {name} ({detail})")
sys.exit(0 if all(ok for _, ok, _ in checks) else 1)
PY
