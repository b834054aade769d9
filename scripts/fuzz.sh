#!/usr/bin/env bash
# Builds the fuzz package (Fuzz/) and runs each parser's fuzz target for a bounded time; fails on any crash, leak
# report or timeout, printing the offending input in hex. CI runs it from .ci/run; locally:
#
#   scripts/fuzz.sh                      # every target, 60 s each, two at a time
#   FUZZ_SECONDS=300 scripts/fuzz.sh FuzzPlanFile FuzzTimeExpression
#
# Environment: FUZZ_SECONDS (per target, default 60), FUZZ_JOBS (targets at once, default the number of cores),
# FUZZ_OUT (work directory, default .build-fuzz/run: corpora grown by earlier runs are kept there and reused).
# A finding's input is left in $FUZZ_OUT/artifacts/; turn it into a regression test in the product's own suite.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-60}"
jobs="${FUZZ_JOBS:-$(nproc)}"
out="${FUZZ_OUT:-$PWD/.build-fuzz/run}"
all=(FuzzTimeExpression FuzzPlanFile FuzzOrgDirectory FuzzConfiguration FuzzSchoolCalendar FuzzHolidayYear
    FuzzHolidayNotice FuzzImporter FuzzPluginCodec FuzzControlAPI)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

echo "== fuzz: building Fuzz/ (release, -sanitize=fuzzer,address)"
started=$(date +%s)
(cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    --scratch-path ../.build-fuzz/build 2>&1 | grep -E "error|warning: .*Fuzz/|Compiling|Build complete" \
    | grep -vE "^\[[0-9]+/[0-9]+\] Compiling" || true)
bin=".build-fuzz/build/release"
for target in "${targets[@]}"; do
    [ -x "$bin/$target" ] || { echo "fuzz: $target was not built (see the build output above)" >&2; exit 1; }
done
echo "== fuzz: built in $(( $(date +%s) - started )) s"

rm -rf "$out/seeds" "$out/artifacts" "$out/logs"
mkdir -p "$out/seeds" "$out/artifacts" "$out/logs" "$out/corpus"
python3 Fuzz/seeds.py "$out/seeds" | sed 's/^/   seeds /'

run_one() {
    local target="$1" log="$out/logs/$1.log"
    mkdir -p "$out/corpus/$target"
    # The first directory takes new inputs; the seeds are read only. -timeout: one input may take 10 s at most.
    # -rss_limit_mb: 2 GiB per process (two run at once on a 24 GiB machine). Leaks are reported by LeakSanitizer.
    DUBAN_ROOT="$PWD" LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0" \
        ASAN_OPTIONS="detect_leaks=$(leaks "$target")" "$bin/$target" -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 \
        -rss_limit_mb=2048 -detect_leaks="$(leaks "$target")" -dict=Fuzz/duban.dict -print_final_stats=1 -artifact_prefix="$out/artifacts/$target-" \
        "$out/corpus/$target" "$out/seeds/$target" >"$log" 2>&1
}
# FuzzControlAPI's daemon holds Data values in Swift enums whose payload pointers carry tag bits, which
# LeakSanitizer cannot follow: it reports live memory as leaked, even the static `OpenAPIDocument.json` at exit
# (checked: 10,000 requests in one process hold RSS flat with ASan's quarantine off). Its leaks are watched by the
# RSS limit instead; every other target runs with LeakSanitizer, at each input and at exit.
leaks() {
    case "$1" in
        FuzzControlAPI) echo 0 ;;
        *) echo 1 ;;
    esac
}
max_len() {
    case "$1" in
        FuzzImporter | FuzzHolidayNotice | FuzzPlanFile) echo 16384 ;;
        *) echo 4096 ;;
    esac
}
export -f run_one max_len leaks
export out bin seconds

echo "== fuzz: ${#targets[@]} targets, ${seconds} s each, ${jobs} at a time"
status=0
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one {} && echo "   done {}" || echo "   FAILED {}"' \
    | tee "$out/logs/summary" || true
grep -q FAILED "$out/logs/summary" && status=1

echo "== fuzz: results"
printf '   %-20s %12s %8s %8s  %s\n' target executions exec/s corpus result
for target in "${targets[@]}"; do
    log="$out/logs/$target.log"
    runs=$(awk '/^stat::number_of_executed_units:/ {print $2}' "$log" | tail -1)
    rate=$(awk '/^stat::average_exec_per_sec:/ {print $2}' "$log" | tail -1)
    corpus=$(ls "$out/corpus/$target" | wc -l)
    if grep -qE "ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|SUMMARY: |Fatal error|fatal error|deadly signal" "$log"; then
        result="FINDING"
        status=1
    elif grep -q "FAILED $target\$" "$out/logs/summary"; then
        result="FAILED"
        status=1
    else
        result="ok"
    fi
    printf '   %-20s %12s %8s %8s  %s\n' "$target" "${runs:-?}" "${rate:-?}" "$corpus" "$result"
done

if [ "$status" -ne 0 ]; then
    for target in "${targets[@]}"; do
        log="$out/logs/$target.log"
        grep -qE "ERROR: |SUMMARY: |Fatal error|fatal error|deadly signal" "$log" || grep -q "FAILED $target\$" "$out/logs/summary" || continue
        echo "== fuzz: $target: the end of its log"
        tail -60 "$log"
        for artifact in "$out/artifacts/$target-"*; do
            [ -f "$artifact" ] || continue
            echo "== fuzz: $target: input $(basename "$artifact") ($(stat -c %s "$artifact") bytes), in hex:"
            od -An -tx1 -v "$artifact" | head -200
        done
    done
    echo "fuzz: a target crashed, leaked or timed out (inputs above; kept in $out/artifacts)" >&2
fi
exit "$status"
