#!/usr/bin/env bash
# Runs duband on the bundled examples (embedded SQLite state under ./var/) with a rehearsal clock — June 2022 at
# one simulated day per second — shows its status and the coming milestones, lets it remind for a few seconds,
# then stops it. Each run starts from a fresh state (var/duban.sqlite*), so the rehearsal is the same every time.
# Usage: scripts/run-examples.sh [SECONDS]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
trap 'status=$?; [ $status -ne 0 ] && echo "duban: run-examples failed (exit $status) at: $BASH_COMMAND" >&2' EXIT
seconds="${1:-15}"
# What building and running needs (as root it installs what is missing; otherwise it names the command to run).
scripts/setup.sh run
echo "== building duband and dubanctl (a first build takes a few minutes; progress below)"
swift build --product duband
swift build --product dubanctl
bin="$(swift build --show-bin-path)"
mkdir -p var
rm -f var/duban.sqlite var/duban.sqlite-wal var/duban.sqlite-shm
log=var/duband.log
DUBAN_LOG=stderr "$bin/duband" --config examples/duban.yaml --clock-start 2022-06-01T08:00:00+08:00 --clock-speed 86400 >"$log" 2>&1 &
pid=$!
trap 'status=$?; kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
    [ $status -ne 0 ] && echo "duban: run-examples failed (exit $status); duband log: $log" >&2' EXIT
for _ in $(seq 50); do [ -S var/control.sock ] && break; sleep 0.2; done
echo "== duband status (dubanctl status)"
"$bin/dubanctl" status --config examples/duban.yaml
echo
echo "== milestones due in the next 30 days (dubanctl milestones)"
"$bin/dubanctl" milestones --config examples/duban.yaml --from 2022-06-01 --within 30d --limit 15
echo
echo "== reminders as duband sends them (${seconds} simulated days; log: $log)"
sleep "$seconds"
# Deadline notices first (reminders, due today, overdue), then what the daily check found (docs/notifications.md).
grep -E "督办" "$log" | grep -vE "进度滞后|目标存在风险|运行失败|节假日安排" | sed -E 's/ duban\..*//' | head -15 || true
others=$(grep -E "督办" "$log" | grep -cE "进度滞后|目标存在风险|运行失败|节假日安排" || true)
if [ "${others:-0}" -gt 0 ]; then
    echo "… and ${others} notice(s) from the daily check, e.g.:"
    grep -E "进度滞后|目标存在风险|运行失败|节假日安排" "$log" | sed -E 's/ duban\..*//' | head -3
fi
