#!/usr/bin/env bash
# Time to READY=1 and resident memory of duband with 1,000 plan files / 1,000,000 occurrences (TARGETS.md:
# READY ≤ 2× reading and decoding the same YAML with Yams alone, and under 5 s; RSS ≤ 2× the SQLite file).
#
# 1. gen_plans.py writes the library (org directory of 100 units, 1,000 plans of 1,000 occurrences each).
# 2. The reference: Benchmarks' YamsDecode reads and decodes every file with Yams (release build), best of 3.
# 3. ready.py starts the release duband on it: cold starts (empty state) and warm restarts, READY and RSS each.
#
# Usage: scripts/bench/ready.sh [PLANS] [RUNS]   (default 1000 plans, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
plans=${1:-1000}
runs=${2:-3}

swift build -c release --product duband >/dev/null
(cd Benchmarks && swift build -c release --product YamsDecode >/dev/null)
duband=$(swift build -c release --show-bin-path)/duband
yams=$(cd Benchmarks && swift build -c release --show-bin-path)/YamsDecode

library=$(mktemp -d)
trap 'rm -rf "$library"' EXIT
python3 scripts/bench/gen_plans.py "$library" "$plans"

for _ in 1 2 3; do "$yams" "$library"; done | sort -t' ' -k7 -n | head -1 | sed 's/^/reference (best of 3): /'
python3 scripts/bench/ready.py "$duband" "$library" "$runs"
