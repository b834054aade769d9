#!/usr/bin/env python3
"""Validates real answers of a live duband against docs/openapi.yaml with openapi-core (PyPI).

Every operation is called with good and bad input (unknown ids, wrong types, absurd amounts, a wrong
Content-Type, an oversized body, a wrong method, malformed HTTP); each answer's status, headers and body must be
what the document declares for that operation. Answers that match no operation (a wrong method, a garbage
request line) must still have the documented error shape. Prints one line per call and fails on the first
mismatch list at the end.

    scripts/openapi-responses.py http://127.0.0.1:18765     (scripts/schemathesis.sh runs it on its daemon)
"""
import http.client
import json
import sys
import urllib.parse
from pathlib import Path

import jsonschema
import yaml
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "docs" / "openapi.yaml"


def main() -> int:
    base = urllib.parse.urlsplit(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:18765")
    openapi = OpenAPI.from_file_path(str(SPEC_PATH))
    error_schema = yaml.safe_load(SPEC_PATH.read_text())["components"]["schemas"]["Error"]
    failures: list[str] = []
    calls = 0

    def exchange(method: str, target: str, body: bytes | None = None, headers: dict | None = None):
        connection = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
        try:
            connection.request(method, target, body=body, headers=headers or {})
        except (BrokenPipeError, ConnectionResetError):
            pass  # an oversized body is answered (413) and the connection closed before all of it is sent
        answer = connection.getresponse()
        data = answer.read()
        result = (answer.status, {k: v for k, v in answer.getheaders()}, data)
        connection.close()
        return result

    def call(method: str, target: str, body=None, content_type="application/json", headers=None, expect=None):
        nonlocal calls
        calls += 1
        raw = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
        sent = dict(headers or {})
        if raw is not None and content_type is not None:
            sent["Content-Type"] = content_type
        status, answer_headers, data = exchange(method, target, raw, sent)
        parts = urllib.parse.urlsplit(target)
        query = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
        request = MockRequest(
            "http://localhost", method.lower(), parts.path,
            args={k: v[-1] for k, v in query.items()}, headers=sent, data=raw or b"",
            content_type=sent.get("Content-Type", "application/json"),
        )
        media = answer_headers.get("Content-Type", "")
        response = MockResponse(
            # Text bodies (the .ics and .csv exports) are strings to the schema, not bytes.
            data.decode("utf-8") if media.startswith("text/") else data,
            status_code=status, headers=answer_headers,
            content_type=answer_headers.get("Content-Type", "").split(";")[0],
        )
        verdict = "ok"
        try:
            openapi.validate_response(request, response)
        except Exception as error:  # openapi-core raises one exception type per kind of mismatch
            verdict = f"MISMATCH {type(error).__name__}: {error}"
            cause = getattr(error, "__cause__", None)
            if cause is not None:
                verdict += f" ({cause})"
            failures.append(f"{method} {target} → {status}: {verdict}")
        if expect is not None and status != expect:
            failures.append(f"{method} {target} → {status}, expected {expect}: {data[:200]!r}")
            verdict = f"expected {expect}"
        print(f"{status} {method} {target} {verdict}")
        return status, data

    def error_shape(what: str, status: int, data: bytes, expect: int):
        nonlocal calls
        calls += 1
        problem = None
        try:
            jsonschema.validate(json.loads(data), error_schema)
        except Exception as error:
            problem = f"{type(error).__name__}: {error}"
        if status != expect or problem:
            failures.append(f"{what} → {status} (expected {expect}): {problem or data[:200]!r}")
        print(f"{status} {what} {'ok' if not problem and status == expect else 'MISMATCH'}")

    # Reads.
    for target in [
        "/v1/health", "/v1/status", "/v1/openapi.json", "/v1/plans", "/v1/plans/linxia-it-2022", "/v1/plans/nope",
        "/v1/tasks", "/v1/tasks?plan=linxia-it-2022", "/v1/tasks?org=kangle", "/v1/tasks?kind=quota",
        "/v1/milestones", "/v1/milestones?within_days=30", "/v1/milestones?within_working_days=15",
        "/v1/milestones?state=all&limit=5", "/v1/milestones?state=overdue", "/v1/milestones?org=kangle&limit=3",
        "/v1/milestones?from=2024-02-30", "/v1/milestones?limit=0", "/v1/milestones?limit=99999999",
        "/v1/milestones?kind=nonsense", "/v1/audit", "/v1/audit?limit=2", "/v1/notifications",
        "/v1/notifications?state=pending", "/v1/preview?days=7", "/v1/export.ics", "/v1/export.csv",
        "/v1/export.csv?plan=linxia-it-2022", "/v1/plugins", "/v1/readings?plan=baoshan-2023",
        "/v1/occurrences/" + urllib.parse.quote("a/b/c/d", safe=""),
    ]:
        call("GET", target)

    # Conditional reads: the ETag of an answer in If-None-Match gets 304 without a body while nothing changed.
    etags: dict[str, str] = {}
    for target in ["/v1/status", "/v1/openapi.json", "/v1/plans", "/v1/plans/linxia-it-2022", "/v1/tasks",
                   "/v1/milestones?kind=deadline&limit=3"]:
        status, answer_headers, _ = exchange("GET", target)
        tag = answer_headers.get("ETag")
        if status != 200 or not tag:
            failures.append(f"GET {target} → {status} without an ETag")
            continue
        etags[target] = tag
        if target != "/v1/status":  # the status moves with every second of the clock
            status, data = call("GET", target, headers={"If-None-Match": tag}, expect=304)
            if data:
                failures.append(f"GET {target} with its ETag → a 304 with a body: {data[:80]!r}")

    status, data = call("GET", "/v1/milestones?plan=linxia-it-2022&kind=quota&state=all&limit=1")
    quota = json.loads(data)["items"][0]["id"]
    status, data = call("GET", "/v1/milestones?kind=deadline&limit=3")
    deadlines = [item["id"] for item in json.loads(data)["items"]]
    status, data = call("GET", "/v1/tasks?kind=target")
    target_task = next((t for t in json.loads(data).get("items", json.loads(data).get("tasks", []))), None)

    def path(occurrence: str, action: str = "") -> str:
        return "/v1/occurrences/" + urllib.parse.quote(occurrence, safe="") + (f"/{action}" if action else "")

    # Changes, good and bad.
    call("GET", path(quota))
    call("GET", path(quota, "progress"))
    call("POST", path(quota, "progress"), {"amount": 5, "note": "培训5人"}, headers={"Idempotency-Key": "oc-1"})
    call("POST", path(quota, "progress"), {"amount": 5, "note": "培训5人"}, headers={"Idempotency-Key": "oc-1"})
    call("POST", path(quota, "progress"), {"amount": 6}, headers={"Idempotency-Key": "oc-1"}, expect=409)
    call("POST", path(quota, "progress"), {"amount": -5}, expect=422)
    call("POST", path(quota, "progress"), {"amount": 1e300}, expect=422)
    call("POST", path(quota, "progress"), {"amount": "30"}, expect=400)
    call("POST", path(quota, "progress"), b'{"amount": 3', expect=400)
    call("POST", path(quota, "progress"), {"amount": 1}, content_type="text/plain", expect=415)
    call("POST", path(quota, "progress"), b"x" * 1_100_000, expect=413)
    call("POST", path(quota, "progress"), {"amount": 1, "date": "2024-13-01"}, expect=400)
    if deadlines:
        first = deadlines[0]
        call("POST", path(first, "done"), {"note": "已完成", "evidence": "临教发〔2022〕1号"}, expect=200)
        call("POST", path(first, "done"), {"note": "again"}, expect=409)
        call("POST", path(first, "reopen"), {"note": "复核未通过"}, expect=200)
        call("POST", path(first, "waive"), {"reason": " "}, expect=422)
        call("POST", path(first, "waive"), {"reason": "不再适用"}, expect=200)
        call("POST", path(first, "extend"), {"working_days": 5, "reason": "延期"})
        # The change shows in the very next answer: the ETags held before it are stale now.
        for target in ["/v1/plans", "/v1/milestones?kind=deadline&limit=3"]:
            if target in etags:
                call("GET", target, headers={"If-None-Match": etags[target]}, expect=200)
    if len(deadlines) > 1:
        # The supervision loop's steps, as root (an admin): compare-and-sets on the stage expected.
        loop = deadlines[1]
        call("POST", path(loop, "acknowledge"), {"expected_state": "assigned"}, expect=200)
        call("POST", path(loop, "acknowledge"), {"expected_state": "assigned"}, expect=409)
        call("POST", path(loop, "feedback"), {"expected_state": "in_progress"}, expect=422)
        call("POST", path(loop, "feedback"), {"expected_state": "in_progress", "note": "已部署"}, expect=200)
        call("POST", path(loop, "extension-request"), {"expected_state": "in_progress", "working_days": 3,
                                                       "note": "等待验收"}, expect=200)
        call("POST", path(loop, "approve"), {"expected_state": "extension_requested"}, expect=200)
        call("POST", path(loop, "submit"), {"expected_state": "in_progress"}, expect=422)
        call("POST", path(loop, "submit"), {"expected_state": "in_progress", "evidence": "临教发〔2022〕2号"},
             expect=200)
        call("POST", path(loop, "return"), {"expected_state": "submitted", "note": "材料不全"}, expect=200)
        call("POST", path(loop, "submit"), {"expected_state": "in_progress", "evidence": "临教发〔2022〕3号"},
             expect=200)
        call("POST", path(loop, "pass"), {"expected_state": "submitted"}, expect=200)
        call("POST", path(loop, "strike"), {"expected_state": "closed"}, expect=200)
        call("POST", path(loop, "pause"), {"expected_state": "struck_off", "note": "x"}, expect=409)
        call("POST", path(loop, "resume"), {"expected_state": "nowhere"}, expect=400)
        call("POST", path(loop, "reject"), {"expected_state": "struck_off", "note": "x"}, expect=409)
        call("GET", path(loop))
    call("GET", "/v1/ledger?limit=5")
    call("GET", "/v1/ledger.csv?plan=linxia-it-2022&limit=5")
    call("GET", "/v1/report?period=2022-08")
    call("GET", "/v1/report?period=2022-Q3&plan=linxia-it-2022")
    call("GET", "/v1/report?period=2022-13", expect=400)
    call("GET", "/v1/score?period=2022")
    call("GET", "/v1/score", expect=400)
    call("GET", "/v1/notices")
    call("GET", "/v1/notices?org=linxia&limit=5")
    call("GET", "/v1/notices?org=no-such-unit", expect=404)
    call("GET", "/v1/notices/%E4%B8%B4%E6%95%99%E7%9D%A3%E3%80%942026%E3%80%95999%E5%8F%B7", expect=404)
    call("GET", "/v1/notices/x?format=pdf", expect=400)
    call("GET", "/v1/board")
    call("GET", "/v1/board?org=linxia&limit=2")
    call("GET", "/v1/board?org=nowhere", expect=404)
    call("POST", path("a/b/c/d", "done"), {}, expect=404)
    call("POST", "/v1/readings", {"plan": "nope", "task": "t", "org": "kangle", "value": 1}, expect=404)
    call("POST", "/v1/readings", {"plan": "x", "task": "t", "org": "kangle", "value": 1e12}, expect=422)
    if target_task:
        plan, task = target_task.get("plan"), target_task.get("id") or target_task.get("task")
        call("POST", "/v1/readings", {"plan": plan, "task": task, "org": "kangle", "value": 97.5})
        call("GET", f"/v1/readings?plan={plan}&task={task}&org=kangle")
    call("POST", "/v1/procedures", {"plan": "nope", "task": "t", "org": "kangle", "date": "2024-05-06"}, expect=404)
    call("POST", "/v1/procedures", {"plan": "linxia-disclosure"}, expect=400)
    call("POST", "/v1/reload", None)
    call("GET", "/v1/audit?limit=5")

    # Answers that match no operation still have the error shape.
    status, _, data = exchange("DELETE", "/v1/status")
    error_shape("DELETE /v1/status", status, data, 405)
    status, _, data = exchange("GET", "/v1/nowhere")
    error_shape("GET /v1/nowhere", status, data, 404)
    for what, raw in [
        ("a garbage request line", b"THIS IS NOT HTTP\r\n\r\n"),
        ("a bad Content-Length", b"POST /v1/reload HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"),
        ("a head over 80 KiB", b"GET /v1/status HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n"),
    ]:
        import socket

        with socket.create_connection((base.hostname, base.port), timeout=10) as sock:
            try:
                sock.sendall(raw)
            except OSError:
                pass
            reply = b""
            while True:
                try:
                    chunk = sock.recv(65536)
                except OSError:
                    break
                if not chunk:
                    break
                reply += chunk
        head, _, body = reply.partition(b"\r\n\r\n")
        status = int(head.split(b" ")[1]) if head.startswith(b"HTTP/") else 0
        error_shape(what, status, body or b"{}", 400)

    print(f"{calls} calls, {len(failures)} mismatches")
    for failure in failures:
        print("  " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
