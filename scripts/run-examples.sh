#!/usr/bin/env bash
# Runs duband on the bundled examples (embedded SQLite state under ./var/) with a rehearsal clock — June 2022 at
# one simulated day per second — shows its status and the coming milestones, lets it remind for a few seconds,
# then stops it. Usage: scripts/run-examples.sh [SECONDS]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
swift build --product duband >/dev/null
swift build --product dubanctl >/dev/null
bin="$(swift build --show-bin-path)"
mkdir -p var
log=var/duband.log
"$bin/duband" --config examples/duban.yaml --clock-start 2022-06-01T08:00:00+08:00 --clock-speed 86400 >"$log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -S var/control.sock ] && break; sleep 0.2; done
echo "== duband status (dubanctl status)"
"$bin/dubanctl" status --config examples/duban.yaml
echo
echo "== milestones due in the next 30 days (dubanctl milestones)"
"$bin/dubanctl" milestones --config examples/duban.yaml --from 2022-06-01 --within 30d --limit 15
echo
echo "== reminders as duband sends them (${seconds} simulated days; log: $log)"
sleep "$seconds"
if grep -q "督办" "$log"; then
    grep -E "督办" "$log" | sed -E 's/ duban\..*//' | head -20
elif command -v journalctl >/dev/null; then
    # With a journald running, duband logs there (structured fields: journalctl -o json _PID=$pid).
    journalctl --no-pager -o cat "_PID=$pid" | grep "督办" | head -20 || true
fi
