#!/usr/bin/env bash
# Runs schemathesis (PyPI, 4.x) against docs/openapi.yaml on a live duband: the bundled examples, a bound control
# socket, and scripts/unix-forward.py so schemathesis can speak TCP; then scripts/openapi-responses.py validates real
# answers of every operation with openapi-core. Fails on any 5xx, undocumented status, schema
# violation or wrong answer to a schema-valid request (settings: .ci/schemathesis.toml). About a minute.
#   scripts/schemathesis.sh [path to duband]       (default .build/debug/duband)
set -euo pipefail
cd "$(dirname "$0")/.."
duband=${1:-.build/debug/duband}
work=$(mktemp -d)
port=${DUBAN_ST_PORT:-18765}
cleanup() {
    [ -n "${fwd:-}" ] && kill "$fwd" 2>/dev/null || true
    [ -n "${daemon:-}" ] && kill "$daemon" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
cp -r examples/org.yaml examples/plans "$work/"
cat > "$work/duban.yaml" <<YAML
plans: plans
org: org.yaml
calendar_dir: []
state_dir: state
socket: control.sock
YAML
"$duband" --config "$work/duban.yaml" --clock-start 2024-05-06T09:00:00+08:00 --clock-speed 1 >"$work/duband.log" 2>&1 &
daemon=$!
for _ in $(seq 1 600); do [ -S "$work/control.sock" ] && break; sleep 0.1; done
python3 scripts/unix-forward.py "127.0.0.1:$port" "$work/control.sock" &
fwd=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/v1/health" >/dev/null && break; sleep 0.1; done
# /v1/backup writes files where it is told (as root here) and /v1/events never ends: both are tested elsewhere.
status=0
st --config-file .ci/schemathesis.toml run docs/openapi.yaml --url "http://127.0.0.1:$port" \
    --exclude-path /v1/backup --exclude-path /v1/events --max-examples "${DUBAN_ST_EXAMPLES:-20}" \
    --seed "${DUBAN_ST_SEED:-20261123}" || status=$?
# Then real answers of every operation, good and bad input, malformed HTTP included, validated by openapi-core.
python3 scripts/openapi-responses.py "http://127.0.0.1:$port" >"$work/openapi-responses.log" || {
    status=1
    cat "$work/openapi-responses.log"
}
tail -1 "$work/openapi-responses.log"
if ! kill -0 "$daemon" 2>/dev/null; then
    echo "duband died during the run:" >&2
    tail -50 "$work/duband.log" >&2
    exit 1
fi
exit $status
