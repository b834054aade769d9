#!/usr/bin/python3
"""A loopback SMTP server for duban's email tests (aiosmtpd).

Each message it accepts is written to DIR as NAME.eml (the raw bytes) and NAME.json (what Python's own `email`
package decodes from it: subject, addresses, Message-ID, each text part by Content-Language), so the tests check
duban's encoder against an independent decoder. Prints "ready PORT" once listening; SIGTERM or SIGINT stops it.

Usage: /usr/bin/python3 smtp_sink.py --port PORT --dir DIR
"""
import argparse
import email
import email.policy
import json
import os
import signal
import threading
import uuid

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory):
        self.directory = directory

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        parts = {}
        for part in message.walk():
            if part.get_content_maintype() == "text":
                parts[str(part.get("Content-Language", "und"))] = part.get_content()
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "from": str(message["from"]),
            "to": str(message["to"]),
            "subject": str(message["subject"]),
            "message_id": str(message["message-id"]),
            "date": str(message["date"]),
            "auto_submitted": str(message["auto-submitted"]),
            "event": str(message["x-duban-event"]),
            "events": str(message["x-duban-events"] or "").split(),
            "content_type": message.get_content_type(),
            "parts": parts,
            "defects": [repr(d) for p in message.walk() for d in p.defects],
        }
        name = uuid.uuid4().hex
        with open(os.path.join(self.directory, name + ".eml"), "wb") as f:
            f.write(raw)
        tmp = os.path.join(self.directory, name + ".json.tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(tmp, os.path.join(self.directory, name + ".json"))
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    controller = Controller(Sink(args.dir), hostname="127.0.0.1", port=args.port)
    controller.start()
    print("ready", args.port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
