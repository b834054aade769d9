#!/usr/bin/env python3
"""Time to READY=1 and resident memory of duband on a plan library (the driver of scripts/bench/ready.sh).

Usage: ready.py DUBAND LIBRARY_DIR RUNS

Starts DUBAND --config LIBRARY_DIR/duban.yaml with NOTIFY_SOCKET on a datagram socket bound here, and measures
from spawn to READY=1. Each run is one cold start (state directory removed: the store is built from nothing)
followed by one warm start (same state, as after a restart). After READY it reads VmRSS and VmHWM from
/proc/PID/status at once and again once the first store sync (which runs after READY) has logged that it finished,
then stops the daemon with SIGTERM. Prints one line per start and the SQLite file's size.
"""
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

duband, library, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
config = os.path.join(library, "duban.yaml")
state = os.path.join(library, "state")


def memory(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) / 1024.0
    return fields["VmRSS"], fields["VmHWM"]


def start():
    log = os.path.join(library, "duband.log")
    synced_before = open(log, "rb").read().count(b"store synced") if os.path.exists(log) else 0
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    env = dict(os.environ, NOTIFY_SOCKET=path)
    t0 = time.monotonic()
    proc = subprocess.Popen([duband, "--config", config], env=env, stdout=subprocess.DEVNULL,
                            stderr=open(os.path.join(library, "duband.log"), "ab"))
    sock.settimeout(120)
    ready = None
    while ready is None:
        message = sock.recv(65536).decode()
        if "READY=1" in message.split("\n"):
            ready = time.monotonic() - t0
    rss_ready, _ = memory(proc.pid)
    # Settle: the first store sync runs after READY; wait for its log line.
    log = os.path.join(library, "duband.log")
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        with open(log, "rb") as f:
            if f.read().count(b"store synced") > synced_before:
                break
        time.sleep(0.1)
    synced = time.monotonic() - t0
    rss, hwm = memory(proc.pid)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    sock.close()
    shutil.rmtree(tmp)
    return ready, rss_ready, rss, hwm, synced


results = {"cold": [], "warm": []}
for _ in range(runs):
    shutil.rmtree(state, ignore_errors=True)
    for kind in ("cold", "warm"):
        ready, rss_ready, rss, hwm, synced = start()
        results[kind].append((ready, rss_ready, rss, hwm, synced))
        print(f"duband {kind}: READY {ready * 1000:.0f} ms, store synced {synced * 1000:.0f} ms, RSS at READY "
              f"{rss_ready:.0f} MiB, after sync {rss:.0f} MiB, peak {hwm:.0f} MiB", flush=True)

db = sum(os.path.getsize(os.path.join(state, f)) for f in os.listdir(state) if f.startswith("duban.sqlite"))
print(f"sqlite files {db / 1048576:.0f} MiB")
for kind, rows in results.items():
    print(f"median {kind}: READY {statistics.median(r[0] for r in rows) * 1000:.0f} ms, "
          f"store synced {statistics.median(r[4] for r in rows) * 1000:.0f} ms, "
          f"RSS after sync {statistics.median(r[2] for r in rows):.0f} MiB, peak {statistics.median(r[3] for r in rows):.0f} MiB")
