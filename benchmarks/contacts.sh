#!/usr/bin/env bash
# Contact-list benchmark (issue 11): peak resident memory of `generate --contacts` for a list of
# SMALL and of LARGE generated rows (every column filled: loan fields, Extras, two Variables),
# next to the same scenario with as many simulated contacts, so that what the list itself costs
# is visible. The list is checked whole before the first notification (8 bytes per row while
# checking: a 64-bit hash of each CaseID), then streamed to the workflows; nothing else grows
# with the rows. Also gives the CPU time of each run. Goal: LARGE within a constant of SMALL.
#   usage: benchmarks/contacts.sh [SMALL] [LARGE] [WORKFLOWS]
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-10000}
large=${2:-1000000}
workflows=${3:-10}
swift build -c release --product airudder-sim >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tool=.build/release/airudder-sim
cat > "$work/scenario.json" <<JSON
{ name: "contacts-bench", scene: "collection", seed: 11, workflows: $workflows, contactsPerWorkflow: 1,
  dialer: { lines: 30, redialLimit: 3, redialInterval: "5m", connectRate: 0.45 } }
JSON
# Writes ROWS contacts as CSV to FILE.
write_list() {
  python3 - "$1" "$2" <<'PY'
import sys
rows, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w", newline="") as out:
    out.write("CaseID,CalleeNumber,CalleeName,CalleeGender,Comments,ExtraA,ExtraB,ExtraC,BorrowedDate,DueDate,"
              "BorrowedAmount,TotalOwingAmount,CurrencyUnit,Variables.loan_id,Variables.bucket\r\n")
    for i in range(rows):
        out.write(f'LN-{i:09d},+62812{i:08d},"NAME {i}, SURNAME",{"female" if i % 2 else "male"},"note ""{i}""",'
                  f'branch-{i % 40},tier-{i % 3},,2024-01-{i % 28 + 1:02d},2024-02-{i % 28 + 1:02d},'
                  f'{1000000 + i},{1150000 + i}.50,IDR,KRD-{i:09d},M{i % 3 + 1}\r\n')
PY
}
# Prints "RSS_KIB CPU_SECONDS NOTIFICATIONS DETAILS" for one generate (its output is counted
# as it streams, never stored). CPU time (user + system), since the machine is shared.
measure() {
  local counts
  counts=$(/usr/bin/time -f "%M %U %S" -o "$work/rss" "$tool" generate "$@" | python3 -c '
import sys
lines = details = 0
for line in sys.stdin.buffer:
    lines += 1
    details += line.count(b"\"CaseID\":")
print(lines, details)')
  read -r kib user system < "$work/rss"
  echo "$kib $(python3 -c "print(round($user + $system, 2))") $counts"
}
declare -A listed simulated
for rows in "$small" "$large"; do
  write_list "$rows" "$work/contacts.csv"
  size=$(du -m "$work/contacts.csv" | cut -f1)
  read -r kib seconds notifications calls < <(measure "$work/scenario.json" --contacts "$work/contacts.csv")
  listed[$rows]=$kib
  sed "s/contactsPerWorkflow: 1/contactsPerWorkflow: $(( (rows + workflows - 1) / workflows ))/" "$work/scenario.json" > "$work/simulated.json"
  read -r skib sseconds _ scalls < <(measure "$work/simulated.json")
  simulated[$rows]=$skib
  echo "$rows rows (${size} MB CSV): generate --contacts peak RSS $((kib / 1024)) MiB, ${seconds} s CPU," \
    "$notifications notifications, $calls Details (one per contact);" \
    "$scalls simulated contacts: $((skib / 1024)) MiB, ${sseconds} s CPU"
done
printf '%-22s %12s %12s\n' "peak RSS (MiB)" "$small rows" "$large rows"
printf '%-22s %12d %12d\n' "generate --contacts" $(( ${listed[$small]} / 1024 )) $(( ${listed[$large]} / 1024 ))
printf '%-22s %12d %12d\n' "simulated contacts" $(( ${simulated[$small]} / 1024 )) $(( ${simulated[$large]} / 1024 ))
python3 -c "print('contact list, %d rows over %d rows: +%.1f MiB (%.3f×)' % ($large, $small, (${listed[$large]} - ${listed[$small]}) / 1024, ${listed[$large]} / ${listed[$small]}))"
