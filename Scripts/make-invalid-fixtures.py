#!/usr/bin/env python3
"""Writes Fixtures/invalid/: one small data directory per kind of bad input.

Each case starts from the same valid two-household village and breaks exactly one
thing, so a test can assert the exact message for that thing. Re-run after a format
change: python3 Scripts/make-invalid-fixtures.py
"""
import json, os, shutil

ROOT = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "invalid")
V = "621121103201"
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

def idnum(first17):
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, W)) % 11]

def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

def member(mid, name, sex, birth, relation, seq, **extra):
    m = {"id": mid, "name": name, "sex": sex, "birth_date": birth, "relation": relation,
         "id_number": idnum("621121" + birth.replace("-", "") + seq),
         "health": "healthy", "labour": "ordinary", "migrant_months": 0, "insured": True}
    m.update(extra)
    return m

def household(seq, head, members, group="一组"):
    return {
        "id": f"{V}-{seq:04d}", "number": f"{V}{seq:04d}",
        "address": {"province": "甘肃省", "city": "定西市", "county": "通渭县", "township": "榜罗镇",
                    "village": "文峰村", "group": group, "village_code": V},
        "phone": "13909321234", "type": "ordinary_poor",
        "causes": {"main": "illness", "others": ["lack_of_skills"]},
        "status": {"out_of_poverty_year": 2019, "risks": [], "risk_removed": False},
        "members": members, "pairings": [{"cadre_id": "c1", "start": "2021-03-01"}],
        "measures": [], "income": [{"year": 2025, "per_capita": 7200}],
        "food_clothing": {"enough_food": True, "seasonal_clothes": True, "winter_bedding": True},
        "water": {"source": "piped", "litres_per_person_day": 60, "quality_ok": True, "piped_to_yard": True,
                  "days_cut_per_year": 5, "scarce_area": False},
        "housing": {"grade": "B", "renovation": "none", "relocated": False},
    }

def base():
    h1 = household(1, "王建国", [member(1, "王建国", "male", "1970-05-12", "head", "013"),
                                 member(2, "李秀兰", "female", "1972-08-03", "spouse", "024"),
                                 member(3, "王小明", "male", "2012-09-01", "son", "031", school="junior_middle")])
    h2 = household(2, "张桂英", [member(1, "张桂英", "female", "1950-01-20", "head", "042", health="chronic",
                                        chronic_card=True)], group="二组")
    check = {"id": "c-0001", "household_id": h1["id"], "date": "2026-10-15", "cadre_id": "c1",
             "recorded_at": "2026-10-15T09:30:00Z", "confirmed": True, "measures": [], "note": "",
             "findings": {k: {"note": ""} for k in
                          ["income", "food_clothing", "water", "education", "medical", "housing"]}}
    return h1, h2, check

def header(kind, version=1):
    return {"schema_version": version, "kind": kind, "village_code": V}

def write_case(name, households, checks, hheader=None, raw_households=None, cheader=None, edits=None):
    d = os.path.join(ROOT, name)
    os.makedirs(os.path.join(d, "households"))
    os.makedirs(os.path.join(d, "checks"))
    with open(os.path.join(d, "sanbao.json"), "w") as f:
        f.write(json.dumps({"schema_version": 1, "device_id": "fixture", "created": "2026-11-01T00:00:00Z"},
                           indent=2, sort_keys=True) + "\n")
    with open(os.path.join(d, "cadres.json"), "w") as f:
        f.write(json.dumps({"schema_version": 1, "cadres": [
            {"id": "c1", "name": "刘志刚", "unit": "通渭县农业农村局", "level": "county", "phone": "13893201111"}]},
            ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    with open(os.path.join(d, "households", V + ".jsonl"), "wb") as f:
        if raw_households is not None:
            f.write(raw_households)
        else:
            f.write(("\n".join(dumps(x) for x in [hheader or header("households")] + households) + "\n").encode())
    with open(os.path.join(d, "checks", V + ".jsonl"), "w") as f:
        f.write("\n".join(dumps(x) for x in [cheader or header("checks")] + checks) + "\n")
    if edits is not None:
        os.makedirs(os.path.join(d, "edits"))
        with open(os.path.join(d, "edits", V + ".jsonl"), "w") as f:
            f.write("\n".join(dumps(x) for x in [header("edits")] + edits) + "\n")

def edit(eid, household_id, phone):
    return {"id": eid, "household_id": household_id, "field": "phone", "value": phone, "parents": [],
            "device_id": "fixture", "cadre_id": "c1", "recorded_at": "2026-11-02T08:00:00Z"}

def main():
    shutil.rmtree(ROOT, ignore_errors=True)
    h1, h2, c = base()
    lines = lambda hs: ("\n".join(dumps(x) for x in [header("households")] + hs)).encode()

    # Truncated JSON: the last household line is cut off mid-record, as by a crash.
    raw = lines([h1, h2])
    write_case("truncated-json", None, [c], raw_households=raw[:len(raw) - 60])

    # Wrong type: migrant_months written as text.
    h = json.loads(json.dumps(h1)); h["members"][0]["migrant_months"] = "三个月"
    write_case("wrong-type", [h, h2], [c])

    # Bad ID check digit: the last character of 王建国's number changed.
    h = json.loads(json.dumps(h1)); n = h["members"][0]["id_number"]
    h["members"][0]["id_number"] = n[:17] + ("0" if n[17] != "0" else "1")
    write_case("bad-id-check-digit", [h, h2], [c])

    # Unknown indicator in a check's findings.
    cc = json.loads(json.dumps(c)); cc["findings"]["sanitation"] = {"note": "厕所改造"}
    write_case("unknown-indicator", [h1, h2], [cc])

    # Future birth date (no ID number, so only the date itself is wrong).
    h = json.loads(json.dumps(h1)); h["members"][2]["birth_date"] = "2031-06-01"; del h["members"][2]["id_number"]
    write_case("future-birth-date", [h, h2], [c])

    # A households file written by a newer Sanbao.
    write_case("newer-schema-version", [h1, h2], [c], hheader=header("households", 2))

    # The same household id twice.
    h = json.loads(json.dumps(h2)); h["id"] = h1["id"]
    write_case("duplicate-household-id", [h1, h], [c])

    # A check for a household that does not exist.
    cc = json.loads(json.dumps(c)); cc["household_id"] = f"{V}-0099"
    write_case("check-unknown-household", [h1, h2], [cc])

    # Invalid UTF-8: a byte 0xFF inside 张桂英's name (a GBK file pasted in, say).
    raw = lines([h1, h2]) + b"\n"
    raw = raw.replace("张桂英".encode(), b"\xff\xfe", 1)
    write_case("invalid-utf8", None, [c], raw_households=raw)

    # A key no household has (the schemas say additionalProperties: false).
    h = json.loads(json.dumps(h1)); h["members"][0]["nickname"] = "老王"
    write_case("unknown-key", [h, h2], [c])

    # The same key twice in one object: Sanbao would read the first, jq and Python the last.
    raw = lines([h1, h2]) + b"\n"
    raw = raw.replace(b'"phone":"13909321234"', b'"phone":"13909321234","phone":"13800000000"', 2)
    raw = raw.replace(b'"phone":"13909321234","phone":"13800000000"', b'"phone":"13909321234"', 1)
    write_case("duplicate-key", None, [c], raw_households=raw)

    # An integer written as a fraction: 7200.0 yuan.
    raw = lines([h1, h2]) + b"\n"
    raw = raw.replace(b'"per_capita":7200', b'"per_capita":7200.0', 1)
    write_case("not-an-integer", None, [c], raw_households=raw)

    # schema_version written as text in the checks file's header.
    write_case("schema-version-text", [h1, h2], [c], cheader={**header("checks"), "schema_version": "1"})

    # A checks file whose header names another village than its file name.
    write_case("header-village-mismatch", [h1, h2], [c], cheader={**header("checks"), "village_code": V[:-1] + "2"})

    # Two edits with one id.
    write_case("duplicate-edit-id", [h1, h2], [c], edits=[edit("e-0001", h1["id"], "13900000001"),
                                                          edit("e-0001", h2["id"], "13900000002")])

    # An edit of a household that does not exist.
    write_case("edit-unknown-household", [h1, h2], [c], edits=[edit("e-0001", f"{V}-0099", "13900000001")])

if __name__ == "__main__":
    main()
