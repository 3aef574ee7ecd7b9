#!/usr/bin/env bash
# Full-disk check (issue 8, item 5): every file the tool writes, on a real full filesystem (a
# 64 KiB tmpfs), is named with "No space left on device", the exit is 1, and what is kept is
# whole: every journal and record line is JSON, the report is complete or absent. Needs root
# (mount); the unit tests use /dev/full and `ulimit -f` instead.
#   usage: sudo benchmarks/full-disk.sh [BINARY]   (default: a release build)
set -uo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -ne 0 ]; then echo "needs root (mount -t tmpfs)"; exit 2; fi
bin=${1:-}
if [ -z "$bin" ]; then
  swift build -c release --product airudder-sim >/dev/null || exit 2
  bin=.build/release/airudder-sim
fi
disk=$(mktemp -d /tmp/airudder-full-disk.XXXXXX)
scratch=$(mktemp -d /tmp/airudder-full-disk-out.XXXXXX)
mount -t tmpfs -o size=64k tmpfs "$disk" || exit 2
trap 'umount "$disk"; rmdir "$disk"; rm -rf "$scratch"' EXIT
failures=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then echo "ok      $name"; else echo "FAILED  $name"; failures=$((failures + 1)); fi
}
whole_json_lines() {  # every line of $1 is a JSON object and the file ends with a newline
  python3 - "$1" <<'PY'
import json, sys
data = open(sys.argv[1], 'rb').read()
ok = not data or data.endswith(b'\n')
for line in data.splitlines():
    try: ok = ok and isinstance(json.loads(line), dict)
    except ValueError: ok = False
sys.exit(0 if ok else 1)
PY
}
lines() { wc -l <"$1" | tr -d ' '; }

# 1. The journal of 5,000 notifications on 64 KiB.
rm -rf "${disk:?}"/*
"$bin" run Scenarios/load.json --count 5000 --concurrency 32 --quiet --journal "$disk/journal.jsonl" >"$scratch/out" 2>"$scratch/err"
code=$?
err=$(cat "$scratch/err"); out=$(cat "$scratch/out")
echo "journal: exit $code, kept $(lines "$disk/journal.jsonl") of 5000 lines; stderr: $err"
check "journal: exit 1" [ "$code" -eq 1 ]
check "journal: named with the reason" grep -q "journal.jsonl: cannot write the journal: No space left on device" <<<"$err"
check "journal: the run still ended with its summary" grep -q "delivered 5000" <<<"$out"
check "journal: every kept line is whole JSON" whole_json_lines "$disk/journal.jsonl"

# 2. The report, on a disk already full.
rm -rf "${disk:?}"/*
dd if=/dev/zero of="$disk/filler" bs=4k 2>/dev/null
err=$("$bin" run Scenarios/smoke.json --quiet --report "$disk/report.json" 2>&1 >/dev/null)
code=$?
echo "report: exit $code; stderr: $err"
check "report: exit 1" [ "$code" -eq 1 ]
check "report: named with the reason" grep -q "report.json: cannot write the report: No space left on device" <<<"$err"
check "report: absent, no temporary file left" [ -z "$(ls -A "$disk" | grep -v '^filler$')" ]

# 3. The built-in receiver's record, on a disk that fills.
rm -rf "${disk:?}"/*
dd if=/dev/zero of="$disk/filler" bs=4k count=12 2>/dev/null
err=$("$bin" run Scenarios/load.json --count 500 --quiet --record "$disk/record.jsonl" 2>&1 >/dev/null)
code=$?
echo "record: exit $code, kept $(lines "$disk/record.jsonl") of 500 lines; stderr: $err"
check "record: exit 1" [ "$code" -eq 1 ]
check "record: named with the reason" grep -q "record.jsonl: cannot write the record: No space left on device" <<<"$err"
check "record: every kept line is whole JSON" whole_json_lines "$disk/record.jsonl"

# 4. generate's standard output redirected to the full disk.
rm -rf "${disk:?}"/*
err=$("$bin" generate Scenarios/load.json --count 5000 2>&1 >"$disk/out.ndjson")
code=$?
echo "generate: exit $code; stderr: $err"
check "generate: exit 1" [ "$code" -eq 1 ]
check "generate: names standard output" [ "$err" = "error: standard output: cannot write: No space left on device" ]

echo "failures: $failures"
[ "$failures" -eq 0 ]
