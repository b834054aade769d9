#!/usr/bin/env python3
"""The supervision rehearsal's expected figures, computed from the drill plan and the holiday file alone.

Used by Tests/DubanDaemonTests/RehearsalTests.swift as an independent oracle: it reads the plan the test wrote
and the bundled holiday year with PyYAML, counts working days itself (Monday to Friday, minus the notice's days
off, plus its make-up days), and prints the ledger rows, lights, ladder days and circular figures duband must
show. It shares no code with duban.

    rehearsal_expect.py PLAN.yaml HOLIDAYS.yaml STEP_DAY EXTENSION_DAYS TODAY
"""
import datetime as dt
import json
import sys

import yaml

ACK_WITHIN = 1          # 签收时限 (docs/supervision.md default)
CHASE, NOTICE, CIRCULAR, REPEAT, REPLY = 1, 3, 5, 5, 3  # the ladder's defaults


def days(text):
    a, _, b = str(text).partition("..")
    start = dt.date.fromisoformat(a)
    end = dt.date.fromisoformat(b) if b else start
    return [start + dt.timedelta(n) for n in range((end - start).days + 1)]


def main():
    plan_path, holidays_path, step_day, extension, today = sys.argv[1:6]
    plan = yaml.safe_load(open(plan_path, encoding="utf-8"))
    year = yaml.safe_load(open(holidays_path, encoding="utf-8"))
    off, work = set(), set()
    for h in year["holidays"]:
        # YAML 1.1 (PyYAML) reads the key `off` as the boolean false.
        items = h.get("off", h.get(False)) or []
        items = items if isinstance(items, list) else [items]
        for item in items:
            off.update(days(item))
        for item in h.get("work") or []:
            work.update(days(item))

    def working(d):
        return d in work or (d.weekday() < 5 and d not in off)

    def add(d, n):
        while n > 0:
            d += dt.timedelta(1)
            if working(d):
                n -= 1
        return d

    def between(a, b):  # working days in (a, b]
        return sum(1 for k in range(1, (b - a).days + 1) if working(a + dt.timedelta(k)))

    task = plan["tasks"][0]
    start = dt.date.fromisoformat(str(task["window"]["start"]))
    due = dt.date.fromisoformat(str(task["due"]))
    step = dt.date.fromisoformat(step_day)
    today = dt.date.fromisoformat(today)
    extended = add(due, int(extension))
    ack_by = add(start, ACK_WITHIN)

    # The ignored unit: the ladder from the 签收时限, no progress ever.
    ladder, notices, d = {}, [], ack_by
    while d < today:
        d += dt.timedelta(1)
        if not working(d):
            continue
        silent = between(ack_by, d)
        if silent >= CHASE and "chase" not in ladder:
            ladder["chase"] = d
        if silent >= NOTICE and (not notices or between(notices[-1], d) >= REPEAT):
            notices.append(d)
        if silent >= CIRCULAR and "circular" not in ladder:
            ladder["circular"] = d

    def month(d):
        return f"{d.year}-{d.month:02d}"

    expected = {
        "assigned": start.isoformat(),
        "acknowledge_by": ack_by.isoformat(),
        "lead": {
            "acknowledged": step.isoformat(), "feedback": [step.isoformat()] * 2,
            "extension_requests": [step.isoformat()], "due": extended.isoformat(), "original_due": due.isoformat(),
            "closed": step.isoformat(), "struck_off": step.isoformat(), "closed_on_time": step <= extended,
            "light": "green", "period": month(extended),
        },
        "ignored": {
            "light": "red", "chase": ladder.get("chase", dt.date.min).isoformat() if "chase" in ladder else None,
            "notices": [n.isoformat() for n in notices],
            "reply_by": add(notices[0], REPLY).isoformat() if notices else None,
            "overdue_on_first_notice": between(ack_by, notices[0]) if notices else None,
            "circular": ladder["circular"].isoformat() if "circular" in ladder else None,
            "period": month(due), "overdue": today > due, "unacknowledged": today > ack_by,
        },
    }
    json.dump(expected, sys.stdout, ensure_ascii=False, indent=1)


main()
