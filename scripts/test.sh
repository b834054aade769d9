#!/usr/bin/env bash
# The README's test command: installs what the suite needs (scripts/setup.sh test; as root, or it names the command
# to run), checks the module boundaries, runs the whole suite, then checks the live control API against its
# contract. `.ci/run` calls this, then the fuzzers.
#   scripts/test.sh [swift test arguments…]   (e.g. --filter DaemonEndToEndTests; the contract checks then skip)
set -euo pipefail
cd "$(dirname "$0")/.."
trap 'status=$?; [ $status -ne 0 ] && echo "duban: the test run failed (exit $status) at: $BASH_COMMAND" >&2' EXIT
scripts/setup.sh test
if [ "$(id -u)" -ne 0 ]; then
    echo "duban: not root: the journald, socket-activation and install tests will skip, each saying why." >&2
fi
echo "== building (a first build takes several minutes; progress below)"
# Module boundaries: a target may import only what it declares (docs/ARCHITECTURE.md).
swift build --build-tests --explicit-target-dependency-import-check error
echo "== swift test"
swift test --skip-build "$@"
if [ $# -eq 0 ]; then
    echo "== the control API against docs/openapi.yaml"
    # The JSON copy of docs/openapi.yaml served at /v1/openapi.json is current, and the live API keeps to it.
    python3 scripts/openapi-json.py --check
    scripts/schemathesis.sh
fi
