#!/usr/bin/env python3
"""Builds the fuzz targets' seed corpora from what the product already ships and tests.

    Fuzz/seeds.py OUTDIR

writes OUTDIR/<Target>/<n> files: the bundled examples, the shipped calendars and plugin manifests, the test
fixtures (multi-line Swift string literals and time-expression literals in Tests/), and, when a checkout of the
reference material sits beside the repository (../shared/), its documents and expressions. Nothing here is copied
into git: the corpora are made anew on each run from the files they come from.
"""
import hashlib
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MAX_SEED = 16384


def swift_multiline_strings(path):
    """The multi-line string literals of a Swift file, dedented and unescaped as Swift would read them."""
    text = path.read_text(encoding="utf-8")
    out = []
    for match in re.finditer(r'"""\n(.*?)\n([ \t]*)"""', text, re.S):
        indent = match.group(2)
        lines = [line[len(indent):] if line.startswith(indent) else line.lstrip() for line in match.group(1).split("\n")]
        body = "\n".join(lines)
        body = re.sub(r"\\\n", "", body)
        body = body.replace('\\"', '"').replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\")
        out.append(body)
    return out


def swift_string_literals(path):
    """The one-line string literals of a Swift file."""
    text = path.read_text(encoding="utf-8")
    return [m.group(1).replace('\\"', '"') for m in re.finditer(r'"((?:[^"\\\n]|\\.)*)"', text)]


HAN = re.compile(r"[\u4e00-\u9fff]")
TIME_WORDS = re.compile(r"[年月日季期学周次旬前内底末初起间]|工作日|十四五|每")


def yaml_values(path):
    return [m.group(1).strip().strip('"\'') for m in re.finditer(r"^\s*[-\w]+:\s*(.+)$", path.read_text(encoding="utf-8"), re.M)]


def glob(pattern):
    return sorted(ROOT.glob(pattern))


def time_expressions():
    seeds = ["99999999999999999999个工作日内", "2022年8月底", "十四五期间", "每年不少于2次", "15个工作日内"]
    for path in glob("examples/plans/*.yaml"):
        seeds += [v for v in yaml_values(path) if TIME_WORDS.search(v) and len(v) < 80]
    for path in glob("Tests/DubanCalendarTests/TimeExpression*.swift") + glob("Tests/DubanCoreTests/*.swift"):
        seeds += [s for s in swift_string_literals(path) if HAN.search(s) and TIME_WORDS.search(s) and len(s) < 80]
    expressions = SHARED / "timeline" / "EXPRESSIONS.md"
    if expressions.exists():
        seeds += [s for s in re.findall(r"`([^`\n]+)`", expressions.read_text(encoding="utf-8")) if HAN.search(s)]
    return seeds


def fixtures(patterns, marker):
    seeds = []
    for pattern in patterns:
        for path in glob(pattern):
            seeds += [s for s in swift_multiline_strings(path) if re.search(marker, s)]
    return seeds


def files(*patterns):
    return [p.read_text(encoding="utf-8") for pattern in patterns for p in glob(pattern)]


def plugin_lines():
    lines = [
        {"jsonrpc": "2.0", "id": 1, "result": {"name": "duban-email", "version": "0.1.0", "protocol_version": "1.1",
                                             "capabilities": ["notifier"]}},
        {"jsonrpc": "2.0", "id": 2, "result": {"delivered": ["a#due"], "failed": [{"key": "b#due", "error": "relay down",
                                                                                   "retryable": True}]}},
        {"jsonrpc": "2.0", "id": 3, "result": {"results": [{"occurrence": "linxia-it-2022/network-upgrade/kangle/once",
                                                            "state": "done", "progress": 12, "reading": 0.98,
                                                            "evidence": "城镇≥200M 12/12"}]}},
        {"jsonrpc": "2.0", "id": 4, "result": {"plan_yaml": "id: p\ntitle: 计划\n", "items": 1,
                                             "unmapped": [{"line": 3, "text": "背景"}]}},
        {"jsonrpc": "2.0", "id": 5, "error": {"code": -32602, "message": "bad params", "data": {"file": "x", "line": 2}}},
    ]
    seeds = ["\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n"]
    seeds += [json.dumps(line, ensure_ascii=False) + "\n" for line in lines]
    seeds += files("deploy/plugins.d/*.yaml")
    seeds += fixtures(["Tests/DubanPlanFilesTests/PluginManifestFileTests.swift"], r"command")
    return seeds


def control_requests():
    occurrence = "linxia-it-2022%2Fnetwork-upgrade%2Fkangle%2Fonce"
    quota = "baoshan-2023%2Fideology-teacher-training%2Fbaoshan%2F2023"
    requests = [
        "GET /v1/status\n\n",
        "GET /v1/health\n\n",
        "GET /v1/plans\n\n",
        "GET /v1/tasks?plan=linxia-it-2022&org=linxia&limit=5&offset=0\n\n",
        "GET /v1/milestones?within_days=30&org=linxia&limit=100\n\n",
        "GET /v1/milestones?overdue=true&from=2022-01-01&to=2022-12-31\n\n",
        f"GET /v1/occurrences/{occurrence}\n\n",
        "GET /v1/audit?limit=10&before=100\n\n",
        "GET /v1/notifications?state=failed&limit=5\n\n",
        "GET /v1/preview?date=2023-03-06\n\n",
        "GET /v1/plugins\n\n",
        "GET /v1/export.ics?org=kangle\n\n",
        "GET /v1/export.csv?plan=linxia-it-2022\n\n",
        f"POST /v1/occurrences/{occurrence}/done\nIdempotency-Key: fuzz-1\nContent-Type: application/json\n\n"
        '{"evidence": "康教发〔2022〕31号", "note": "已完成"}',
        f"POST /v1/occurrences/{occurrence}/reopen\nContent-Type: application/json\n\n" '{"reason": "复核未通过"}',
        f"POST /v1/occurrences/{occurrence}/waive\n\n" '{"reason": "不适用"}',
        f"POST /v1/occurrences/{occurrence}/extend\n\n" '{"due": "2022-12-30", "reason": "延期申请已批准"}',
        f"POST /v1/occurrences/{quota}/progress\nIdempotency-Key: cron-0510\n\n" '{"amount": 30, "note": "5月培训"}',
        "POST /v1/readings\n\n" '{"plan": "linxia-preschool", "task": "enrolment-rate", "org": "linxia", "value": 98.5}',
        "GET /v1/readings?plan=linxia-preschool&task=enrolment-rate&org=linxia\n\n",
        "POST /v1/procedures\n\n"
        '{"task": "linxia-disclosure/request-reply", "on": "2022-09-05", "reference": "YSQ-2022-017", "org": "linxia"}',
        "POST /v1/reload\n\n",
    ]
    openapi = ROOT / "docs" / "openapi.yaml"
    if openapi.exists():
        for path in re.findall(r"^  (/v1/[^:]+):", openapi.read_text(encoding="utf-8"), re.M):
            if path != "/v1/backup":
                requests.append("GET " + re.sub(r"\{[^}]+\}", occurrence, path) + "\n\n")
    return requests


TARGETS = {
    "FuzzTimeExpression": time_expressions,
    "FuzzPlanFile": lambda: files("examples/plans/*.yaml")
    + fixtures(["Tests/DubanPlanFilesTests/PlanFileTests.swift", "Tests/DubanCtlTests/*.swift",
                "Tests/DubanDaemonTests/*.swift"], r"tasks:")
    + ([p.read_text(encoding="utf-8") for p in sorted((SHARED / "timeline").glob("*.yaml"))] if SHARED.exists() else []),
    "FuzzOrgDirectory": lambda: files("examples/org.yaml")
    + fixtures(["Tests/DubanPlanFilesTests/OrgDirectoryFileTests.swift", "Tests/*/*.swift"], r"units:"),
    "FuzzConfiguration": lambda: files("examples/duban.yaml", "deploy/duban.yaml")
    + fixtures(["Tests/DubanPlanFilesTests/ConfigFileTests.swift", "Tests/DubanPlanFilesTests/NotificationConfigTests.swift"],
               r"\w+:")
    + ["{{marker}}{{summary}}\n{{#items}}{{index}}. {{title}} {{due_text}} {{status}}\n{{/items}}\0{{marker}}{{title}}",
       "{{#single}}{{title}}{{/single}}{{^single}}{{count}}项{{/single}}\0{{org_name}}:{{days_left}}个工作日"],
    "FuzzSchoolCalendar": lambda: files("examples/school-calendars/*.yaml")
    + fixtures(["Tests/DubanPlanFilesTests/SchoolCalendarFileTests.swift", "Tests/DubanCoreTests/*.swift"], r"terms:"),
    "FuzzHolidayYear": lambda: files("Sources/DubanPlanFiles/Calendars/*.yaml")
    + fixtures(["Tests/DubanPlanFilesTests/CalendarYearFileTests.swift", "Tests/DubanCalendarTests/*.swift"],
               r"holidays:"),
    "FuzzHolidayNotice": lambda: fixtures(["Tests/DubanCalendarTests/*.swift", "Tests/DubanCtlTests/*.swift"],
                                          r"放假|节假日"),
    "FuzzImporter": lambda: fixtures(["Tests/DubanImportTests/*.swift"], r"[\u4e00-\u9fff]{6}")
    + ([p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))] if SHARED.exists() else []),
    "FuzzPluginCodec": plugin_lines,
    "FuzzControlAPI": control_requests,
}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = pathlib.Path(sys.argv[1])
    for target, make in TARGETS.items():
        directory = out / target
        directory.mkdir(parents=True, exist_ok=True)
        seeds = make()
        written = set()
        for seed in seeds:
            data = seed.encode("utf-8")
            # Long documents are cut into pieces of at most MAX_SEED bytes at line ends, so each stays within -max_len.
            pieces = [data] if len(data) <= MAX_SEED else chunks(data)
            for piece in pieces:
                name = hashlib.sha1(piece).hexdigest()[:16]
                if name in written:
                    continue
                written.add(name)
                (directory / name).write_bytes(piece)
        print(f"{target}: {len(written)} seeds")
        if not written:
            sys.exit(f"no seeds for {target}: the files it reads are missing")


def chunks(data):
    pieces, start = [], 0
    while start < len(data):
        end = min(len(data), start + MAX_SEED)
        if end < len(data):
            cut = data.rfind(b"\n", start, end)
            end = cut + 1 if cut > start else end
        pieces.append(data[start:end])
        start = end
    return pieces


if __name__ == "__main__":
    main()
