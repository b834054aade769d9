#!/usr/bin/env python3
"""A deliberately broken duban plugin for the host's fault tests. The first argument picks the fault:

good          a working notifier/checker/importer
crash-start   exits 3 before reading anything
hang          answers initialize, then never answers a call (and ignores SIGTERM)
garbage       answers initialize, then writes a line that is not JSON
flood         answers initialize, then writes 100 MB without a newline
flood-lines   answers initialize, then writes 100 MB of short garbage lines
wrong-id      answers initialize, then answers calls with id + 1000
exit-mid-call answers initialize, then exits 7 when a call arrives
wrong-major   answers initialize with protocolVersion 2.0
schema        answers initialize, then answers notify with a result that breaks the schema
stray         answers initialize, then writes an unsolicited line after each reply
error-reply   answers initialize, then answers calls with a JSON-RPC error (-32000)
idle-crash    answers initialize and the first call, then exits 9 a moment later
"""
import json
import os
import signal
import sys
import time

mode = sys.argv[1] if len(sys.argv) > 1 else "good"
calls = 0


def send(obj):
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


if mode == "crash-start":
    sys.stderr.write("fault-plugin: crashing at start\n")
    sys.exit(3)

for raw in sys.stdin:
    request = json.loads(raw)
    method, rid, params = request["method"], request.get("id"), request.get("params") or {}
    if method == "initialize":
        version = "2.0" if mode == "wrong-major" else "1.0"
        sys.stderr.write(f"fault-plugin: initialize in mode {mode}, host {params['host']['name']}\n")
        sys.stderr.flush()
        send({"jsonrpc": "2.0", "id": rid, "result": {
            "protocolVersion": version, "name": "fault-plugin", "version": "0.0.1",
            "capabilities": ["notifier", "checker", "importer"]}})
        continue
    if method == "shutdown":
        sys.stderr.write("fault-plugin: shutdown received\n")
        sys.stderr.flush()
        send({"jsonrpc": "2.0", "id": rid, "result": None})
        sys.exit(0)
    calls += 1
    if mode == "hang":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        sys.stderr.write("fault-plugin: hanging\n")
        sys.stderr.flush()
        time.sleep(3600)
    elif mode == "garbage":
        sys.stdout.write("this is not JSON at all\n")
        sys.stdout.flush()
    elif mode == "flood":
        chunk = "A" * (1 << 20)
        for _ in range(100):
            sys.stdout.write(chunk)
        sys.stdout.write("\n")
        sys.stdout.flush()
    elif mode == "flood-lines":
        line = ("x" * 99 + "\n") * 10000
        for _ in range(100):
            sys.stdout.write(line)
        sys.stdout.flush()
    elif mode == "wrong-id":
        send({"jsonrpc": "2.0", "id": rid + 1000, "result": {"delivered": [], "failed": []}})
    elif mode == "exit-mid-call":
        sys.stderr.write("fault-plugin: exiting mid-call\n")
        sys.stderr.flush()
        os._exit(7)
    elif mode == "schema":
        send({"jsonrpc": "2.0", "id": rid, "result": {"delivered": "everything"}})
    elif mode == "error-reply":
        send({"jsonrpc": "2.0", "id": rid, "error": {"code": -32000, "message": "smtp server unreachable"}})
    else:
        if method == "notify":
            result = {"delivered": [e["key"] for e in params["events"]], "failed": []}
        elif method == "check":
            result = {"results": [{"occurrence": o["id"], "state": "done", "evidence": f"checked {o['id']}"}
                                  for o in params["occurrences"]]}
        elif method == "import":
            result = {"planYAML": "id: imported\n", "items": 0, "unmapped": []}
        else:
            send({"jsonrpc": "2.0", "id": rid, "error": {"code": -32601, "message": f"no method {method}"}})
            continue
        send({"jsonrpc": "2.0", "id": rid, "result": result})
        if mode == "stray":
            sys.stdout.write('{"note": "unsolicited"}\n')
            sys.stdout.flush()
        if mode == "idle-crash":
            time.sleep(0.2)
            sys.stderr.write("fault-plugin: crashing while idle\n")
            sys.stderr.flush()
            os._exit(9)
