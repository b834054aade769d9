#!/usr/bin/env bash
# Working-day addition against its C limit (shared/TARGETS.md: duban ≥ 25% of the C loop's rate).
#
#   scripts/bench/workdays.sh [RUNS]      (RUNS process pairs, default 5)
#
# Builds scripts/bench/workdays_ref.c with gcc -O2 and the Benchmarks package's WorkdaysRate in release, writes the
# C side's day table from duban's bundled holiday data (WorkdaysRate --write-table), then runs the two programs in
# turn, C then Swift, RUNS times. Each run draws the same 10,000,000 (date, k) pairs from the same seed, times its
# loop alone over 5 passes and prints the median pass rate and a checksum; the checksums must agree (same answers).
# Prints each side's median rate, and the median of the per-pair ratios Swift/C (pairs run back to back, so the
# ratio holds while the shared machine's speed drifts). Environment: CC (default gcc), PAIRS, ROUNDS, SEED.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-5}"
pairs="${PAIRS:-10000000}"
rounds="${ROUNDS:-5}"
seed="${SEED:-20200101}"
out="$root/Benchmarks/.build/workdays-bench"
mkdir -p "$out"

echo "building: ${CC:-gcc} -O2 workdays_ref.c; swift build -c release --product WorkdaysRate (Benchmarks/)" >&2
"${CC:-gcc}" -O2 -o "$out/workdays_ref" "$root/scripts/bench/workdays_ref.c"
(cd "$root/Benchmarks" && swift build -c release --product WorkdaysRate >&2)
swift_bin="$(cd "$root/Benchmarks" && swift build -c release --show-bin-path)/WorkdaysRate"
"$swift_bin" --write-table "$out/days.bin" >&2

args=(--pairs "$pairs" --rounds "$rounds" --seed "$seed")
field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p"; }
c_rates=()
swift_rates=()
ratios=()
for run in $(seq 1 "$runs"); do
    c_line="$("$out/workdays_ref" "$out/days.bin" "${args[@]}")"
    swift_line="$("$swift_bin" "${args[@]}")"
    c_sum="$(field checksum <<<"$c_line")"
    swift_sum="$(field checksum <<<"$swift_line")"
    if [ "$c_sum" != "$swift_sum" ]; then
        echo "checksums differ: C $c_sum, Swift $swift_sum: the two sides do not give the same answers" >&2
        exit 1
    fi
    c_rate="$(field rate <<<"$c_line")"
    swift_rate="$(field rate <<<"$swift_line")"
    c_rates+=("$c_rate")
    swift_rates+=("$swift_rate")
    ratios+=("$(awk -v s="$swift_rate" -v c="$c_rate" 'BEGIN { printf "%.4f", s / c }')")
    printf 'run %d: C %6.1f M/s  Swift %6.1f M/s  ratio %s  (checksum %s)\n' "$run" \
        "$(awk -v r="$c_rate" 'BEGIN { print r / 1e6 }')" "$(awk -v r="$swift_rate" 'BEGIN { print r / 1e6 }')" \
        "${ratios[-1]}" "$c_sum"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
c_median="$(median "${c_rates[@]}")"
swift_median="$(median "${swift_rates[@]}")"
ratio_median="$(median "${ratios[@]}")"
ratio_min="$(printf '%s\n' "${ratios[@]}" | sort -g | head -1)"
ratio_max="$(printf '%s\n' "${ratios[@]}" | sort -g | tail -1)"
echo
printf 'C loop (gcc -O2, two tables):       %8.1f M additions/s (median of %d runs)\n' "$(awk -v r="$c_median" 'BEGIN { print r / 1e6 }')" "$runs"
printf 'duban addingWorkingDays (release):  %8.1f M additions/s (median of %d runs)\n' "$(awk -v r="$swift_median" 'BEGIN { print r / 1e6 }')" "$runs"
printf 'ratio duban / C: %s (median of per-run ratios; min %s, max %s); target >= 0.25: %s\n' \
    "$ratio_median" "$ratio_min" "$ratio_max" "$(awk -v r="$ratio_median" 'BEGIN { print (r >= 0.25) ? "met" : "MISSED" }')"
