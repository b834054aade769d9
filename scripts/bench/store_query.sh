#!/usr/bin/env bash
# "Open milestones due within 30 days, first 100" over 1,000,000 occurrences (docs/TARGETS: ≤ 2× sqlite3).
#
# 1. `DUBAN_BENCH=1 swift test -c release --filter StoreBenchmark` builds the file through SQLiteStateStore.sync,
#    marks a third done, times 2,000 openMilestones calls at different start days, and writes the same 2,000
#    queries as SQL beside the database.
# 2. The sqlite3 CLI runs those queries on the same file (output to /dev/null); its start-up, measured with an
#    empty script, is subtracted. Best of 3 runs.
#
# Usage: scripts/bench/store_query.sh [DB_PATH]   (default: a temporary file, removed afterwards)
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3; }

workdir=$(mktemp -d)
db=${1:-$workdir/bench.sqlite}
trap 'rm -rf "$workdir"' EXIT

DUBAN_BENCH=1 DUBAN_BENCH_DB="$db" swift test -c release --filter StoreBenchmark 2>&1 | tee "$workdir/test.log" \
    | grep -E '^bench|✘|error' || true
grep -q '^bench store' "$workdir/test.log" || { echo "benchmark test did not run" >&2; tail -20 "$workdir/test.log" >&2; exit 1; }
queries=$(grep -c '^SELECT' "$db.queries.sql")

# Wall time of one CLI run in nanoseconds.
run_ns() {
    local start end
    start=$(date +%s%N)
    sqlite3 "$db" < "$1" > /dev/null
    end=$(date +%s%N)
    echo $((end - start))
}
best_ns() {
    local best=0 t
    for _ in 1 2 3; do
        t=$(run_ns "$1")
        if [ "$best" -eq 0 ] || [ "$t" -lt "$best" ]; then best=$t; fi
    done
    echo "$best"
}

printf '.output /dev/null\nSELECT 1;\n' > "$workdir/empty.sql"
sqlite3 "$db" < "$db.queries.sql" > /dev/null   # warm the page cache
base=$(best_ns "$workdir/empty.sql")
same=$(best_ns "$db.queries.sql")
targets=$(best_ns "$db.targets.sql")

store=$(sed -n 's/^bench store openMilestones: .*, \([0-9.]*\) µs\/query$/\1/p' "$workdir/test.log")
cli=$(awk -v t="$same" -v b="$base" -v n="$queries" 'BEGIN { printf "%.1f", (t - b) / n / 1000 }')
cli_targets=$(awk -v t="$targets" -v b="$base" -v n="$queries" 'BEGIN { printf "%.1f", (t - b) / n / 1000 }')
ratio=$(awk -v s="$store" -v c="$cli" 'BEGIN { printf "%.2f", s / c }')

echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1), $queries queries, 30-day window, first 100, 1,000,000 rows"
echo "store (SQLiteStateStore.openMilestones):         $store µs/query"
echo "sqlite3 CLI, same query on the same file:          $cli µs/query"
echo "sqlite3 CLI, TARGETS.md form (ORDER BY due only):  $cli_targets µs/query"
echo "ratio store / CLI same query: $ratio (target ≤ 2)"
rm -f "$db.queries.sql" "$db.targets.sql"
