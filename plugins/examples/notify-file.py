#!/usr/bin/env python3
"""A minimal duban notifier plugin (protocol 1.x), Python 3 standard library only.

It appends every event it is given to a file, one JSON object per line, and says so on stderr (which duband
copies into the journal). Use it as the starting point for a real notifier (SMS gateway, WeCom webhook …).

Manifest (/etc/duban/plugins.d/notify-file.yaml):

    executable: /usr/lib/duban/plugins/notify-file.py
    capabilities: [notifier]
    timeout: 10s
    settings:
      path: /var/lib/duban/notifications.jsonl

Protocol: docs/plugin-protocol.md. One JSON-RPC 2.0 message per line on stdin (requests) and stdout (replies);
nothing else may be written to stdout.
"""
import json
import sys

PROTOCOL_VERSION = "1.1"
settings = {}


def reply(request_id, result=None, error=None):
    message = {"jsonrpc": "2.0", "id": request_id}
    if error is not None:
        message["error"] = error
    else:
        message["result"] = result
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def log(text):
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def initialize(params):
    global settings
    major = params["protocolVersion"].split(".")[0]
    if major != PROTOCOL_VERSION.split(".")[0]:
        log(f"host speaks protocol {params['protocolVersion']}, this plugin {PROTOCOL_VERSION}")
    settings = params.get("settings") or {}
    if "path" not in settings:
        raise ValueError("settings.path is required")
    return {"protocolVersion": PROTOCOL_VERSION, "name": "notify-file", "version": "1.0.0",
            "capabilities": ["notifier"]}


def notify(params):
    delivered, failed = [], []
    try:
        with open(settings["path"], "a", encoding="utf-8") as out:
            for event in params["events"]:
                emails = [r.get("email") for r in event["recipients"] if r.get("email")]
                out.write(json.dumps({"key": event["key"], "kind": event["kind"], "to": emails,
                                      "subject": event["subject"][event["locale"]],
                                      "text": event["text"][event["locale"]],
                                      "items": [i["key"] for i in event.get("items") or []]},
                                     ensure_ascii=False) + "\n")
                delivered.append(event["key"])
    except OSError as error:
        # The file system may come back: ask the host to retry these events later.
        failed = [{"key": e["key"], "error": str(error), "retryable": True}
                  for e in params["events"] if e["key"] not in delivered]
    log(f"notify-file: {len(delivered)} delivered, {len(failed)} failed")
    return {"delivered": delivered, "failed": failed}


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
        except ValueError:
            reply(None, error={"code": -32700, "message": "parse error"})
            continue
        request_id, method = request.get("id"), request.get("method")
        params = request.get("params") or {}
        try:
            if method == "initialize":
                reply(request_id, initialize(params))
            elif method == "notify":
                reply(request_id, notify(params))
            elif method == "shutdown":
                print("notify-file: shutdown received", file=sys.stderr, flush=True)
                reply(request_id, None)
                return 0
            else:
                reply(request_id, error={"code": -32601, "message": f"method not found: {method}"})
        except Exception as error:  # a bug here must become an error reply, not a dead plugin
            reply(request_id, error={"code": -32603, "message": f"{type(error).__name__}: {error}"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
