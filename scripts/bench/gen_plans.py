#!/usr/bin/env python3
"""Writes a synthetic plan library for the start-up benchmark (scripts/bench/ready.sh).

Usage: gen_plans.py DIR [PLANS]   (default 1,000 plans)

DIR gets org.yaml (a bureau and 100 county units in four groups of 25), plans/pNNNN.yaml and duban.yaml. Each
plan has 4 deadline tasks and 3 quarterly recurring tasks over 2024-2026 for one group of 25 units:
4 x 25 + 3 x 12 x 25 = 1,000 occurrences per plan, so 1,000 plans expand to 1,000,000 occurrences.
"""
import os
import sys

out = sys.argv[1]
plans = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
os.makedirs(os.path.join(out, "plans"), exist_ok=True)

with open(os.path.join(out, "org.yaml"), "w", encoding="utf-8") as f:
    f.write("units:\n  - id: bureau\n    name: 示例教育局\n    kind: prefecture\n")
    for u in range(100):
        f.write(f"  - id: u{u:03d}\n    name: 第{u + 1}县教育局\n    kind: county\n    parent: bureau\n")
    f.write("groups:\n")
    for g in range(4):
        members = ", ".join(f"u{u:03d}" for u in range(g * 25, g * 25 + 25))
        f.write(f"  - id: g{g}\n    name: 第{g + 1}组\n    members: [{members}]\n")

months = ["2024年3月底", "2024年8月底", "2025年6月底", "2026年12月底"]
for p in range(plans):
    with open(os.path.join(out, "plans", f"p{p:04d}.yaml"), "w", encoding="utf-8") as f:
        f.write(f"id: p{p:04d}\ntitle: 示例行动计划{p:04d}\nhorizon: 2024—2026年\n")
        f.write(f"assignees: [g{p % 4}]\nreminders: [10, 3]\ntags: [基准]\ntasks:\n")
        for t, due in enumerate(months):
            f.write(f"  - id: d{t}\n    title: 完成第{t + 1}项建设任务\n    kind: deadline\n    due: {due}\n")
        for t in range(3):
            f.write(f"  - id: r{t}\n    title: 第{t + 1}项季度检查\n    kind: recurring\n    recurrence: 每季度\n")

with open(os.path.join(out, "duban.yaml"), "w", encoding="utf-8") as f:
    f.write("plans: plans\norg: org.yaml\nstate_dir: state\nsocket: control.sock\n")
