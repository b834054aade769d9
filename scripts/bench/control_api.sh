#!/usr/bin/env bash
# The control API under load (shared/TARGETS.md):
#   - GET /v1/status with 16 concurrent clients (`curl --parallel --parallel-max 16`), beside nginx serving the same
#     JSON bytes from a Unix socket with the same curl command (target: ≥ 0.5× nginx's requests/s);
#   - GET /v1/milestones?within_days=30 (open, first 100) over 1,000,000 occurrences, 16 clients, beside nginx
#     serving that page's bytes (target: ≥ 0.25× nginx's requests/s);
#   - both with one client, one request at a time (target: p50 ≤ 1 ms each);
#   - a change is visible in the very next answer (checked at the end: a completion, then the same page).
# The 1,000,000 occurrences come from generated files: 1,000 org units, 17 monthly tasks × 60 months (2024–2028)
# × 1,000 units = 1,020,000; a third are marked done straight in the SQLite file before the daemon starts (the
# store's state survives restarts). Latencies are curl's per-transfer time_total.
#
# Usage: scripts/bench/control_api.sh [duband]   (default: .build/release/duband; `swift build -c release --product duband`)
#        REQUESTS=20000 to change the request count per run.
set -euo pipefail
cd "$(dirname "$0")/../.."
duband=$(realpath "${1:-.build/release/duband}")
requests=${REQUESTS:-20000}
command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light; }
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3; }
work=$(mktemp -d)
cleanup() {
    [ -n "${daemon:-}" ] && kill "$daemon" 2>/dev/null || true
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# --- Workspace: 1,000 units, one plan of 17 monthly tasks for all of them.
python3 - "$work" <<'PY'
import sys, os
work = sys.argv[1]
os.makedirs(f"{work}/plans", exist_ok=True)
with open(f"{work}/org.yaml", "w") as f:
    f.write("units:\n  - {id: bureau, name: 教育局, kind: county}\n")
    for i in range(999):
        f.write(f"  - {{id: s{i:03d}, name: 第{i}学校, kind: school, parent: bureau}}\n")
with open(f"{work}/plans/bench.yaml", "w") as f:
    f.write("id: bench\ntitle: 基准计划\nhorizon: {start: 2024-01-01, end: 2028-12-31}\ntasks:\n")
    for t in range(17):
        units = "[bureau, " + ", ".join(f"s{i:03d}" for i in range(999)) + "]"
        f.write(f"  - {{id: t{t:02d}, title: 每月报送{t}, kind: recurring, recurrence: 每月, assignees: {units}, reminders: [3]}}\n")
with open(f"{work}/duban.yaml", "w") as f:
    f.write("plans: plans\norg: org.yaml\ncalendar_dir: []\nstate_dir: state\nsocket: control.sock\n")
PY

start_daemon() {
    "$duband" --config "$work/duban.yaml" --clock-start 2026-06-01T09:00:00+08:00 --clock-speed 1 >"$work/duband.log" 2>&1 &
    daemon=$!
    for _ in $(seq 1 1200); do
        # /v1/status answers once the first store sync has finished.
        curl -sf --max-time 600 --unix-socket "$work/control.sock" http://x/v1/status >/dev/null 2>&1 && break
        sleep 0.25
    done
    curl -sf --unix-socket "$work/control.sock" http://x/v1/status >/dev/null 2>&1 \
        || { echo "duband did not come up" >&2; tail -20 "$work/duband.log" >&2; exit 1; }
    # Measure a daemon at rest: wait until the notices it catches up at start are all written to the journal.
    for _ in $(seq 1 600); do
        pending=$(sqlite3 "$work/state/duban.sqlite" "SELECT count(*) FROM outbox WHERE delivered_at IS NULL" 2>/dev/null || echo 1)
        [ "$pending" = 0 ] && return 0
        sleep 0.5
    done
    echo "duband still writing notices after 5 minutes" >&2; exit 1
}
t0=$(date +%s.%N)
start_daemon
t1=$(date +%s.%N)
occurrences=$(sqlite3 "$work/state/duban.sqlite" "SELECT count(*) FROM occurrence")
echo "duband ready with $occurrences stored occurrences in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s (first start, store sync included)"
kill "$daemon"; wait "$daemon" 2>/dev/null || true
sqlite3 "$work/state/duban.sqlite" "UPDATE occurrence SET state = 'done' WHERE rowid % 3 = 0"
start_daemon

# --- nginx serving the same bytes as duband, one static file per measured route.
curl -s --unix-socket "$work/control.sock" http://x/v1/status > "$work/status.json"
curl -s --unix-socket "$work/control.sock" 'http://x/v1/milestones?within_days=30' > "$work/milestones.json"
mkdir -p "$work/nginx"
cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
    uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
    server {
        listen unix:$work/nginx.sock;
        location = /v1/status { default_type application/json; alias $work/status.json; }
        location = /v1/milestones { default_type application/json; alias $work/milestones.json; }
    }
}
NGINX
# nginx's workers run as an unprivileged user: they must be able to read the files (else every answer is a 403
# page and the reference is meaningless).
chmod 755 "$work"; chmod 644 "$work/status.json" "$work/milestones.json"
nginx -c "$work/nginx.conf"
for _ in $(seq 1 50); do [ -S "$work/nginx.sock" ] && break; sleep 0.1; done
for route in status milestones; do
    curl -sf --unix-socket "$work/nginx.sock" "http://x/v1/$route?x=1" | cmp -s - "$work/$route.json" \
        || { echo "nginx does not serve duband's $route bytes" >&2; cat "$work/nginx/error.log" >&2; exit 1; }
done

# run PARALLEL SOCKET URL: requests/s, p50 and p99 in ms over $requests requests with PARALLEL transfers at once.
run() {
    local parallel=$1 socket=$2 url=$3 start end
    curl -s --unix-socket "$socket" -o /dev/null "$url" # warm
    start=$(date +%s%N)
    curl -s --parallel --parallel-max "$parallel" --unix-socket "$socket" -o /dev/null -w '%{time_total}\n' \
        "$url&n=[1-$requests]" > "$work/times.txt" 2>/dev/null
    end=$(date +%s%N)
    sort -n "$work/times.txt" | awk -v n="$requests" -v ns=$((end - start)) '
        { t[NR] = $1 }
        END { printf "%8.0f req/s   p50 %6.3f ms   p99 %6.3f ms", n / (ns / 1e9), t[int(NR * 0.50)] * 1000, t[int(NR * 0.99)] * 1000 }'
}

best() { # best of three by requests/s
    local best_line="" best_rate=0 line rate
    for _ in 1 2 3; do
        line=$(run "$@")
        rate=$(echo "$line" | awk '{print $1}')
        if awk -v a="$rate" -v b="$best_rate" 'BEGIN{exit !(a > b)}'; then best_rate=$rate; best_line=$line; fi
    done
    echo "$best_line"
}
rate() { echo "$1" | awk '{print $1}'; }
p50() { echo "$1" | awk '{print $4}'; }

open_total=$(curl -s --unix-socket "$work/control.sock" 'http://x/v1/milestones?within_days=30&limit=1' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "$requests requests per run, best of 3; milestones page: first 100 of $open_total open, $(wc -c < "$work/milestones.json") bytes"
status_path="http://x/v1/status?x=1"
milestones_path="http://x/v1/milestones?within_days=30"
echo "16 clients (curl --parallel --parallel-max 16):"
nginx_status=$(best 16 "$work/nginx.sock" "$status_path")
duband_status=$(best 16 "$work/control.sock" "$status_path")
nginx_milestones=$(best 16 "$work/nginx.sock" "$milestones_path")
duband_milestones=$(best 16 "$work/control.sock" "$milestones_path")
echo "  nginx  /v1/status (same bytes):      $nginx_status"
echo "  duband /v1/status:                   $duband_status"
echo "  nginx  /v1/milestones (same bytes):  $nginx_milestones"
echo "  duband /v1/milestones:               $duband_milestones"
echo "1 client (--parallel-max 1):"
one_status=$(best 1 "$work/control.sock" "$status_path")
one_milestones=$(best 1 "$work/control.sock" "$milestones_path")
echo "  duband /v1/status:                   $one_status"
echo "  duband /v1/milestones:               $one_milestones"
awk -v a="$(rate "$duband_status")" -v b="$(rate "$nginx_status")" \
    -v c="$(rate "$duband_milestones")" -v d="$(rate "$nginx_milestones")" \
    -v e="$(p50 "$one_status")" -v f="$(p50 "$one_milestones")" 'BEGIN {
    printf "status:     duband / nginx = %.2f (target ≥ 0.5)\n", a / b
    printf "milestones: duband / nginx = %.2f (target ≥ 0.25)\n", c / d
    printf "one client: status p50 %.3f ms, milestones p50 %.3f ms (target ≤ 1 ms each)\n", e, f }'

# --- A change shows in the very next answer: complete the first milestone of the page, then ask again.
first=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["items"][0]["id"])' "$work/milestones.json")
encoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$first")
curl -sf --unix-socket "$work/control.sock" -X POST -H 'Content-Type: application/json' -d '{"note":"bench"}' \
    "http://x/v1/occurrences/$encoded/done" > /dev/null
after=$(curl -s --unix-socket "$work/control.sock" "$milestones_path")
if echo "$after" | python3 -c 'import json,sys; ids=[m["id"] for m in json.load(sys.stdin)["items"]]; sys.exit(0 if sys.argv[1] not in ids else 1)' "$first"; then
    echo "fresh: the completed $first left the very next page"
else
    echo "STALE: $first still listed after its completion" >&2; exit 1
fi
