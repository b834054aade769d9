#!/usr/bin/env python3
"""Timer accuracy: from a due instant to its entry in journald (TARGETS.md: p99 ≤ 50 ms; systemd timers'
default AccuracySec=1min is the reference).

Usage: timer_accuracy.py DUBAND [ROUNDS] [TASKS] [UNITS]   (default 3 rounds, 10 tasks x 20 units)

Needs root: it uses the running journald, or starts /lib/systemd/systemd-journald standalone. Each round writes a
plan library whose TASKS deadline tasks, each assigned to UNITS units, fall due today, with the office day starting
at the next whole minute at least 20 s away (duband fires a day's notices at the start of office hours, so that is
the due notice's instant), starts duband on the real clock, waits past the instant, and reads the `due` entries
back with `journalctl -o json`. Run it on a working day (Asia/Shanghai), before 23:50 there. Latency is the entry's
__REALTIME_TIMESTAMP minus the due instant. All TASKS x UNITS events of a round share one instant, so the figures
include delivering a batch: what an office sees at the end of a working day.
"""
import datetime
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from zoneinfo import ZoneInfo

duband = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
tasks = int(sys.argv[3]) if len(sys.argv) > 3 else 10
units = int(sys.argv[4]) if len(sys.argv) > 4 else 20
zone = ZoneInfo("Asia/Shanghai")
JOURNAL = "/run/systemd/journal/socket"


def journal_listening():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    try:
        s.connect(JOURNAL)
        return True
    except OSError:
        return False
    finally:
        s.close()


journald = None
if not journal_listening():
    journald = subprocess.Popen(["/lib/systemd/systemd-journald"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if journal_listening():
            break
        time.sleep(0.1)

latencies = []
try:
    for r in range(rounds):
        now = datetime.datetime.now(zone)
        due = (now + datetime.timedelta(seconds=80)).replace(second=0, microsecond=0)
        plan = f"timer{int(time.time())}r{r}"
        library = tempfile.mkdtemp()
        os.makedirs(f"{library}/plans")
        with open(f"{library}/org.yaml", "w") as f:
            f.write("units:\n  - id: bureau\n    name: 示例教育局\n    kind: prefecture\n")
            for u in range(units):
                f.write(f"  - id: u{u:03d}\n    name: 第{u + 1}县教育局\n    kind: county\n    parent: bureau\n")
        with open(f"{library}/plans/timer.yaml", "w") as f:
            f.write(f"id: {plan}\ntitle: 计时测试\nreminders: []\nassignees: [{', '.join(f'u{u:03d}' for u in range(units))}]\ntasks:\n")
            for t in range(tasks):
                f.write(f"  - id: t{t}\n    title: 到期事项{t}\n    kind: deadline\n    due: {due.date().isoformat()}\n")
        with open(f"{library}/duban.yaml", "w") as f:
            f.write(f'plans: plans\norg: org.yaml\nstate_dir: state\nsocket: control.sock\n'
                    f'office_hours: "{due.strftime("%H:%M")}-23:59"\n')
        proc = subprocess.Popen([duband, "--config", f"{library}/duban.yaml"], stdout=subprocess.DEVNULL,
                                stderr=open(f"{library}/duband.log", "w"))
        time.sleep(max(0.0, (due - datetime.datetime.now(zone)).total_seconds()) + 5)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        out = subprocess.run(["journalctl", "-o", "json", "--no-pager", f"DUBAN_PLAN={plan}", "DUBAN_EVENT=due"],
                             capture_output=True, text=True).stdout
        entries = [json.loads(line) for line in out.splitlines() if line.strip()]
        due_us = int(due.timestamp() * 1_000_000)
        round_latencies = [(int(e["__REALTIME_TIMESTAMP"]) - due_us) / 1000.0 for e in entries]
        if len(round_latencies) != tasks * units:
            print(f"round {r}: expected {tasks * units} due entries, found {len(round_latencies)}", file=sys.stderr)
            print(open(f"{library}/duband.log").read()[-2000:], file=sys.stderr)
        latencies += round_latencies
        if round_latencies:
            print(f"round {r}: due {due.isoformat()}, {len(round_latencies)} entries, first {min(round_latencies):.1f} ms, "
                  f"last {max(round_latencies):.1f} ms", flush=True)
        shutil.rmtree(library)
finally:
    if journald:
        journald.send_signal(signal.SIGTERM)
        journald.wait()

latencies.sort()
if latencies:
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    print(f"due -> journald over {len(latencies)} entries: p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms, "
          f"max {latencies[-1]:.1f} ms (reference: systemd timers' AccuracySec=1min = 60000 ms)")
