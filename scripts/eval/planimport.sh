#!/bin/sh
# Measures the plan importer on the reference documents (../shared/seeds/) against their hand-verified timelines
# (../shared/timeline/*.yaml): recall and precision overall and per kind, the misses and the false positives.
#
#   scripts/eval/planimport.sh            # the report
#   DEBUG=1 scripts/eval/planimport.sh    # also the drafted items on the line of each miss
#
# Matching rules: Tests/DubanImportTests/ImportEvaluation.swift. The floors CI enforces are in
# SeedEvaluationFloorTests; this script only prints.
set -eu
cd "$(dirname "$0")/../.."
if [ ! -d ../shared/seeds ]; then
    echo "skipped: ../shared/ (the reference documents) is absent" >&2
    exit 0
fi
swift build --build-tests >/dev/null
DUBAN_EVAL=1 DUBAN_EVAL_DEBUG="${DEBUG:-0}" swift test --skip-build --filter 'SeedEvaluationTests/printReport' 2>&1 \
    | grep -v -e '^\[' -e '^◇' -e '^↳' -e '^Test Suite' -e 'Executed 0 tests'
