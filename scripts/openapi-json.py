#!/usr/bin/env python3
"""docs/openapi.yaml (the one source) → Sources/DubanControlRoutes/OpenAPI/openapi.json (served at /v1/openapi.json).

    scripts/openapi-json.py           write the JSON copy
    scripts/openapi-json.py --check   exit 1 when the copy differs from the YAML (CI)
Needs PyYAML (schemathesis brings it).
"""
import json, os, sys
import yaml

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
source = os.path.join(root, "docs", "openapi.yaml")
target = os.path.join(root, "Sources", "DubanControlRoutes", "OpenAPI", "openapi.json")
with open(source, encoding="utf-8") as f:
    document = yaml.safe_load(f)
text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
if "--check" in sys.argv:
    current = open(target, encoding="utf-8").read() if os.path.exists(target) else ""
    if current != text:
        print(f"{target} is out of date: run scripts/openapi-json.py", file=sys.stderr)
        sys.exit(1)
    print("openapi.json matches docs/openapi.yaml")
else:
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {target}")
