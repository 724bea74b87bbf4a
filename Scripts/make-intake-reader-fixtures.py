#!/usr/bin/env python3
"""Makes the fixtures of the spreadsheet reading layer (SanbaoIntakeTests), in
Fixtures/intake/reader/, by writers independent of the reader under test:

- openpyxl writes workbooks (it stores every string inline, <is><t>…</t></is>);
- LibreOffice re-saves them (shared strings, cached formula results, its own styles);
- a few parts are written by hand into a ZIP, for what neither writer produces
  (namespace prefixes, cells and rows without r, _x000D_ escapes, phonetic runs, CDATA);
- Python's codecs write the CSV and text files (GB18030, UTF-8 with BOM, UTF-16LE).

Next to each workbook W.xlsx it writes W.xlsx.json: the values openpyxl reads from it
(load_workbook(data_only=True)), the oracle the tests compare the reader with.

    Scripts/make-intake-reader-fixtures.py        # needs python3 with openpyxl, and soffice
"""
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
import openpyxl.reader.excel
from openpyxl.cell.text import Text
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment
from openpyxl.utils.datetime import CALENDAR_MAC_1904, to_excel
from openpyxl.utils.escape import unescape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "Fixtures", "intake", "reader")


# ---------------------------------------------------------------- the oracle

# openpyxl reads the text of <si> and <is> without decoding OOXML's _xHHHH_ escapes, and
# for shared strings only drops "x005F_" (so "_x005F_x000D_", a literal "_x000D_", would
# be decoded twice by a later unescape). The oracle decodes each string once, where it is
# read, with openpyxl's own unescape.
_plain_content = Text.content.fget
Text.content = property(lambda self: unescape(_plain_content(self)))


def _read_string_table(xml_source):
    tag = "{%s}si" % SHEET_MAIN_NS
    strings = []
    for _, node in iterparse(xml_source):
        if node.tag == tag:
            strings.append(Text.from_tree(node).content)
            node.clear()
    return strings


openpyxl.reader.excel.read_string_table = _read_string_table


def oracle(path):
    """Writes path + '.json': every cell openpyxl finds a value in, by sheet and row."""
    wb = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in wb.worksheets:
        rows = {}
        for (r, c), cell in sorted(ws._cells.items()):
            if cell.value is None:
                continue
            rows.setdefault(r, []).append(describe(cell, wb.epoch, c - 1))
        sheets.append({"name": ws.title, "rows": [{"r": r, "cells": cells} for r, cells in sorted(rows.items())]})
    doc = {"date1904": wb.epoch == CALENDAR_MAC_1904, "sheets": sheets}
    with open(path + ".json", "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


def describe(cell, epoch, column):
    v = cell.value
    if cell.data_type == "e":
        return {"c": column, "e": str(v)}
    if isinstance(v, bool):
        return {"c": column, "b": v}
    if isinstance(v, (int, float)):
        return {"c": column, "n": repr(v)}
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
        serial = v.total_seconds() / 86400 if isinstance(v, datetime.timedelta) else to_excel(v, epoch)
        return {"c": column, "date": repr(float(serial)), "iso": str(v)}
    return {"c": column, "s": str(v)}


# ---------------------------------------------------------------- workbooks by openpyxl

HEADER = ["序号", "户主姓名", "成员姓名", "与户主关系", "证件号码", "出生日期", "识别日期（文本）",
          "家庭人口", "人均纯收入", "是否低保", "证件号（数字）", "备注"]


def roster_openpyxl(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws["A1"] = "甘肃省某某县某某乡建档立卡户花名册（2024年）"
    ws.merge_cells("A1:L1")
    ws.append([])  # row 2 empty
    ws.append(HEADER)  # row 3
    people = [
        (1, "王建国", "王建国", "户主", "622421196803151234", datetime.date(1968, 3, 15), "2014-05-01", 4, 3520.5, True, 622421196803151234, None),
        (2, "王建国", "李秀英", "配偶", "62242119700812462X", datetime.date(1970, 8, 12), "2014年5月1日", 4, 3520.5, True, None, "长期慢性病"),
        (3, "王建国", "王小明", "之子", "622421199512013317", datetime.date(1995, 12, 1), "2014/5/1", 4, 3520.5, False, None, "省外务工\n（兰州）"),
        (4, "王建国", "王丽", "之女", "622421200102280028", datetime.date(2001, 2, 28), "", 4, 3520.5, False, None, "在校生 <本科> & \"助学\""),
    ]
    for p in people:
        ws.append(list(p))
    for r in range(4, 8):
        ws.cell(r, 6).number_format = "yyyy-mm-dd"
        ws.cell(r, 12).alignment = Alignment(wrap_text=True)
    ws.cell(4, 9).number_format = "0.00_);[Red](0.00)"   # a number format that is not a date
    ws.cell(5, 6).number_format = 'yyyy"年"m"月"d"日"'    # a Chinese date format
    # rows with gaps in numbering and gaps between cells
    ws["A10"] = 5
    ws["C10"] = "张三"
    ws["F10"] = datetime.datetime(1958, 1, 9, 0, 0)
    ws["L10"] = "  前后有空格  "
    ws["B12"] = "#N/A"                      # openpyxl stores this as an error cell
    ws["D12"] = 0.1
    ws["E12"] = -1.5e-07
    ws["G12"] = datetime.datetime(2024, 2, 29, 13, 45, 30)
    ws["H12"] = "=H4+1"                    # a formula: openpyxl stores no cached value
    ws["I12"] = 1e20
    ws["J12"] = False
    ws["K12"] = 12345678901234567890
    rich = CellRichText([TextBlock(InlineFont(b=True), "重点"), "监测户", TextBlock(InlineFont(color="FF0000"), "（返贫风险）")])
    ws["L12"] = rich
    second = wb.create_sheet("说明")
    second["A1"] = "填表说明"
    second["A2"] = "1. 证件号码请以文本格式填写"
    second["B3"] = 42
    wb.create_sheet("空表")
    wb.save(path)


def date1904_openpyxl(path):
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "日期"
    ws.append(["出生日期", datetime.date(1990, 6, 1)])
    ws.append(["时间", datetime.time(8, 30)])
    wb.save(path)


def random_workbook(path, seed, rows=300, columns=14):
    """Seeded and bounded: strings (CJK, spaces, markup characters, line breaks), numbers of
    every size, booleans, dates, gaps between cells and rows."""
    rng = random.Random(seed)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "随机%d" % seed
    pieces = ["王", "李", "村", "组", "户", "号", "a", "Z", " ", "&", "<", ">", "\"", "'", "\n", "1", "0", "。", "（", "）", "𠀀", "_", "x"]
    r = 0
    for _ in range(rows):
        r += rng.choice([1, 1, 1, 1, 2, 5])
        for c in range(1, columns + 1):
            roll = rng.random()
            if roll < 0.25:
                continue
            if roll < 0.55:
                v = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
                if v.strip() == "" or v.startswith("="):
                    v = "空" + v
            elif roll < 0.65:
                v = rng.randint(-10**6, 10**6)
            elif roll < 0.72:
                v = rng.randint(10**15, 10**18)
            elif roll < 0.82:
                v = rng.uniform(-1e6, 1e6) * (10 ** rng.randint(-12, 12))
            elif roll < 0.87:
                v = rng.random() < 0.5
            else:
                v = datetime.datetime(1950, 1, 1) + datetime.timedelta(days=rng.randint(0, 30000), seconds=rng.choice([0, 0, rng.randint(0, 86399)]))
            ws.cell(r, c, v)
    wb.save(path)


# ---------------------------------------------------------------- workbooks by hand

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/notes.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/strings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""

NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

# Sheet "说明" (notes.xml) comes first in the workbook though its relationship is rId2;
# the data sheet's target is absolute; the shared strings part has an unusual name.
WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:workbook {NS}><x:workbookPr date1904="1"/><x:sheets><x:sheet name="说明" sheetId="2" r:id="rId2"/><x:sheet name="户 &amp; 人" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>"""

WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/notes.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:styleSheet {NS}><x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><x:numFmt numFmtId="165" formatCode="&quot;第&quot;0&quot;组&quot;"/></x:numFmts><x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs><x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="14"/><x:xf numFmtId="164"/><x:xf numFmtId="165"/></x:cellXfs></x:styleSheet>"""

# Index 0: plain; 1: rich runs; 2: phonetic run left out; 3: entities and _x000D_; 4: preserved spaces.
STRINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:sst {NS} count="5" uniqueCount="5"><x:si><x:t>户主姓名</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t>王</x:t></x:r><x:r><x:t xml:space="preserve"> 建国</x:t></x:r></x:si><x:si><x:t>张三</x:t><x:rPh sb="0" eb="2"><x:t>ちょうさん</x:t></x:rPh><x:phoneticPr fontId="1"/></x:si><x:si><x:t>第一行_x000D_
第二行 &amp; &lt;备注&gt; &#20013;&#x6587;</x:t></x:si><x:si><x:t xml:space="preserve">  两端空格  </x:t></x:si></x:sst>"""

# Cells without r follow the one before; a row without r follows the one before; gaps; a
# self-closing cell and row; a formula with its cached string; every cell type; CDATA.
DATA = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet {NS}><x:dimension ref="A1:F9"/><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c r="E1" t="inlineStr"><x:is><x:t>成员</x:t></x:is></x:c></x:row>
<x:row><x:c r="A2" t="s"><x:v>2</x:v></x:c><x:c r="C2" s="1"><x:v>45292</x:v></x:c><x:c s="2"><x:v>45293.5</x:v></x:c><x:c s="3"><x:v>3</x:v></x:c></x:row>
<x:row r="3"/>
<x:row r="4"><x:c r="A4" s="1"/><x:c r="B4"/></x:row>
<x:row r="5" spans="1:6"><x:c r="A5" t="s"><x:v>3</x:v></x:c><x:c r="B5" t="inlineStr"><x:is><x:r><x:t>文_x005F_x000D_本</x:t></x:r><x:r><x:t>&amp;富文本</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ふ</x:t></x:rPh></x:is></x:c><x:c r="C5" t="str"><x:f>A2&amp;"!"</x:f><x:v>张三!</x:v></x:c><x:c r="D5" t="b"><x:v>1</x:v></x:c><x:c r="E5" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="F5" t="d"><x:v>2024-03-01T00:00:00</x:v></x:c></x:row>
<x:row r="8"><x:c r="B8" t="s"><x:v>4</x:v></x:c><x:c r="D8"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="F8" t="inlineStr"><x:is><x:t><![CDATA[<不转义> & 原样]]></x:t></x:is></x:c></x:row>
<!-- a comment between rows -->
<x:row><x:c r="A9"><x:v>6.21121198711201E+17</x:v></x:c><x:c r="B9" t="inlineStr"><x:is><x:t>621121198711201234</x:t></x:is></x:c><x:c r="C9"><x:v>-0.5</x:v></x:c></x:row>
</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A3:B3"/></x:mergeCells></x:worksheet>"""

NOTES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>本表由系统导出</t></is></c></row></sheetData></worksheet>"""


def handmade(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/styles.xml", STYLES)
        z.writestr("xl/strings.xml", STRINGS)
        z.writestr("xl/worksheets/data.xml", DATA)
        z.writestr("xl/worksheets/notes.xml", NOTES)


def damaged(path):
    """The hand-made workbook with its data sheet cut off in the middle of a row."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/styles.xml", STYLES)
        z.writestr("xl/strings.xml", STRINGS)
        z.writestr("xl/worksheets/data.xml", DATA[: DATA.index('<x:row r="5"') + 40])
        z.writestr("xl/worksheets/notes.xml", NOTES)


def not_a_workbook(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "这不是工作簿")


# ---------------------------------------------------------------- LibreOffice

def libreoffice(src, dest, to="xlsx"):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", "--convert-to", to, "--outdir", tmp, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        made = [f for f in os.listdir(tmp) if not f.startswith(".")]
        assert len(made) == 1, made
        shutil.move(os.path.join(tmp, made[0]), dest)


# ---------------------------------------------------------------- text files

# Expected values are written by hand in DelimitedTextTests; keep the two in step.
ROSTER_CSV_ROWS = [
    ["序号", "户主姓名", "证件号码", "住址", "备注"],
    ["1", "王建国", '="622421196803151234"', "甘肃省,某某县", "家有\"老人\""],
    [],
    ["2", "𠀀㐀李秀英", '="0123"', "", "第一行\n第二行"],
]


def csv_line(fields, delimiter):
    def quote(f):
        if any(ch in f for ch in (delimiter, '"', "\n", "\r")):
            return '"' + f.replace('"', '""') + '"'
        return f
    return delimiter.join(quote(f) for f in fields)


def text_files():
    crlf = "\r\n".join(csv_line(r, ",") for r in ROSTER_CSV_ROWS)  # no newline at the end
    write(os.path.join(OUT, "roster-gb18030.csv"), crlf.encode("gb18030"))
    write(os.path.join(OUT, "roster-utf8-bom.csv"), ("\n".join(csv_line(r, ",") for r in ROSTER_CSV_ROWS) + "\n").encode("utf-8-sig"))
    write(os.path.join(OUT, "roster-utf8.csv"), ("\r".join(csv_line(r, ",") for r in ROSTER_CSV_ROWS) + "\r").encode("utf-8"))
    write(os.path.join(OUT, "roster-utf16le.txt"), ("\r\n".join(csv_line(r, "\t") for r in ROSTER_CSV_ROWS) + "\r\n").encode("utf-16"))
    write(os.path.join(OUT, "roster-semicolon.csv"), ("\n".join(csv_line(r, ";") for r in ROSTER_CSV_ROWS) + "\n").encode("gb18030"))
    # Valid GB18030 up to the second line, then 0x81 0x20: a lead byte with no trail byte.
    write(os.path.join(OUT, "undecodable.csv"), "序号,姓名\n1,王".encode("gb18030") + b"\x81\x20,x\n")
    # An Excel 97-2003 file, as LibreOffice writes it.
    libreoffice(os.path.join(OUT, "handmade.xlsx"), os.path.join(OUT, "old-format.xls"), to="xls")


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    made = []

    def keep(name, make):
        path = os.path.join(OUT, name)
        make(path)
        made.append(path)
        return path

    base = keep("roster-openpyxl.xlsx", roster_openpyxl)
    keep("roster-libreoffice.xlsx", lambda p: libreoffice(base, p))
    keep("date1904-openpyxl.xlsx", date1904_openpyxl)
    hand = keep("handmade.xlsx", handmade)
    keep("handmade-libreoffice.xlsx", lambda p: libreoffice(hand, p))
    for seed in (1, 2):
        rnd = keep("random-%d-openpyxl.xlsx" % seed, lambda p: random_workbook(p, seed))
        keep("random-%d-libreoffice.xlsx" % seed, lambda p: libreoffice(rnd, p))
    for path in made:
        oracle(path)
    damaged(os.path.join(OUT, "damaged.xlsx"))
    not_a_workbook(os.path.join(OUT, "not-a-workbook.xlsx"))
    text_files()
    libreoffice(os.path.join(OUT, "roster-libreoffice.xlsx"), os.path.join(OUT, "roster-libreoffice.csv"),
                # comma, double quote, UTF-8 (LibreOffice's encoding number 76)
                to="csv:Text - txt - csv (StarCalc):44,34,76")
    print("wrote", len(os.listdir(OUT)), "files to", os.path.relpath(OUT))


if __name__ == "__main__":
    sys.exit(main())
