"""An oracle for the export's Summary sheet, independent of Sanbao's tally and XLSX code.

argv: summary.xlsx roster.json. The workbook is read with openpyxl (not Sanbao's reader);
the expected counts are tallied here from `sanbao list --json` (one household per object,
states as words), a second algorithm over the same assessment. Prints one line per
mismatch and exits 1 if any; prints the number of rows compared otherwise."""
import json
import sys

import openpyxl

NAMES = {"income": "Income", "food_clothing": "Food & clothing", "water": "Water",
         "education": "Education", "medical": "Medical", "housing": "Housing"}
STATES = ["met", "not_met", "follow_up", "unchecked", "not_applicable"]

wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = list(wb["Summary"].iter_rows(values_only=True))
header, body = rows[0], rows[1:]
roster = json.load(open(sys.argv[2], encoding="utf-8"))


def tally(households, indicator):
    counts = {s: 0 for s in STATES}
    for h in households:
        counts[h["indicators"][indicator]] += 1
    return [len(households)] + [counts[s] for s in STATES] + \
        [sum(1 for h in households if h["meets_standard"]), sum(1 for h in households if h["overdue"])]


expected = {}
for key, indicator in NAMES.items():
    expected[("all", None, indicator)] = tally(roster, key)
    for g in sorted({h["group"] for h in roster}):
        expected[("group", g, indicator)] = tally([h for h in roster if h["group"] == g], key)

problems, compared = [], 0
for r in body:
    level, group, indicator = r[0], r[3], r[4]
    if level not in ("all", "group"):
        continue
    want = expected.pop((level, group, indicator), None)
    got = list(r[5:13])
    compared += 1
    if want != got:
        problems.append(f"{level} {group} {indicator}: sheet {got}, tallied {want}")
for k in expected:
    problems.append(f"missing row {k}")
print("\n".join(problems) if problems else compared)
sys.exit(1 if problems else 0)
