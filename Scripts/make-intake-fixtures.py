#!/usr/bin/env python3
"""Writes Fixtures/intake/: township rosters (花名册) from independent writers, for the intake tests.

- wenfeng.xlsx            openpyxl: a title row, a blank row, the header on row 3, an extra column,
                          ID numbers as text, birth dates as date cells, household numbers as text
- wenfeng.libreoffice.xlsx the same workbook re-saved by LibreOffice Calc
- wenfeng.gb18030.csv     the same rows, header first, GB18030 (as Excel on Chinese Windows saves)
- wenfeng.utf8bom.csv     the same rows, UTF-8 with a byte-order mark (WPS, newer Excel)
- wenfeng.tab.txt         the same rows, tab-separated, GB18030
- wenfeng-update.xlsx     the township's newer roster: a newborn, a changed phone, a new cadre,
                          a household no longer listed
- bad/*.csv, bad/*.xlsx   one roster per problem; bad/NAME.expected holds the exact messages

Run from the repository root: python3 Scripts/make-intake-fixtures.py (needs openpyxl, soffice).
"""
import csv, datetime, io, os, shutil, subprocess, sys, tempfile

import openpyxl
from openpyxl.styles import Font

OUT = "Fixtures/intake"

# ID numbers worked out with the GB 11643 weights (see check() below).
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def check(first17): return "10X98765432"[sum(int(a) * b for a, b in zip(first17, W)) % 11]
def idn(birth, seq): s = "621121" + birth + "%03d" % seq; return s + check(s)

HEADER = ["户编号", "行政区划代码", "省", "市", "县", "乡镇", "村", "组", "联系电话", "户类型", "主要致贫原因",
          "其他致贫原因", "贫困户状态", "脱贫年度", "监测对象类别", "姓名", "性别", "与户主关系", "证件号码", "出生日期",
          "在校生状况", "健康状况", "残疾等级", "劳动技能", "务工时间（月）", "是否参加城乡居民基本医疗保险",
          "是否参加大病保险", "帮扶责任人", "帮扶单位", "帮扶责任人电话", "备注"]
PLACE = ["621121103201", "甘肃省", "定西市", "通渭县", "榜罗镇", "文峰村"]
HE = ["何志刚", "通渭县农业农村局", "13993206618"]
WANG = ["王晓燕", "榜罗镇人民政府", "18893213327"]
ZHAO = ["赵德胜", "通渭县水务局", "13830212345"]

def d(s): return datetime.date.fromisoformat(s)

def household(number, group, phone, htype, cause, others, status, year, monitoring, cadre, members):
    rows = []
    for m in members:
        name, sex, rel, birth, seq, school, health, grade, labour, months, insured, serious = m
        rows.append([number] + PLACE + [group, phone, htype, cause, others, status, year, monitoring,
                     name, sex, rel, idn(birth.replace("-", ""), seq) if seq else "", d(birth), school, health, grade,
                     labour, months, insured, serious] + cadre + [""])
    return rows

def roster(update=False):
    h1 = [("马国强", "男", "户主", "1960-03-05", 11, "非在校生", "长期慢性病", "", "普通劳动力", 0, "是", "是"),
          ("王兰", "女", "配偶", "1962-08-12", 22, "非在校生", "健康", "", "普通劳动力", 0, "是", "是"),
          ("马军", "男", "之子", "1988-01-01", 31, "非在校生", "健康", "", "技能劳动力", 10, "是", "是"),
          ("李娟", "女", "之儿媳", "1990-06-15", 42, "非在校生", "健康", "", "普通劳动力", 6, "是", "是"),
          ("马小虎", "男", "之孙子", "2013-09-20", 51, "七年级", "健康", "", "无劳动力", 0, "是", "是"),
          ("马小花", "女", "之孙女", "2017-03-01", 62, "送教上门", "残疾", 2, "无劳动力", 0, "是", "是")]
    if update:
        h1.append(("马小宝", "男", "之孙子", "2026-10-01", 0, "", "健康", "", "无劳动力", 0, "是", ""))
    h2 = [("张福", "男", "户主", "1945-11-11", 71, "非在校生", "患有大病", "", "丧失劳动力", 0, "是", "是"),
          ("刘秀", "女", "配偶", "1950-02-02", 82, "非在校生", "健康", "", "无劳动力", 0, "是", "是")]
    h3 = [("赵平", "男", "户主", "1975-07-07", 93, "非在校生", "健康", "", "普通劳动力", 8, "是", "否")]
    h4 = [("李福", "男", "户主", "1958-12-24", 15, "非在校生", "长期慢性病", "", "弱劳动力或半劳动力", 0, "是", "是")]
    rows = household("6211211032010101", "一组", "13909321234", "低保户", "因病", "缺劳力", "已脱贫", 2019, "", HE, h1)
    rows += household("6211211032010102", "一组", "13519324321" if update else "13519320000", "特困供养户", "缺劳力", "",
                      "未脱贫", "", "边缘易致贫户", WANG, h2)
    rows += household("6211211032010103", "二组", "18793201111", "一般贫困户", "缺技术", "缺资金、交通条件落后", "已脱贫",
                      2020, "", ZHAO if update else HE, h3)
    if not update:
        rows += household("6211211032010104", "二组", "", "一般贫困户", "因病", "", "已脱贫", 2018, "脱贫不稳定户", HE, h4)
    return rows

def write_xlsx(path, rows, title=True, header=HEADER, as_numbers=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    if title:
        ws.append(["通渭县榜罗镇文峰村建档立卡贫困户花名册（2026 年）"])
        ws["A1"].font = Font(bold=True)
        ws.append([])
    ws.append(header)
    for r in rows:
        ws.append(r)
    first = ws.max_row - len(rows) + 1
    for row in ws.iter_rows(min_row=first):
        for cell in row:
            col = header[cell.column - 1] if cell.column <= len(header) else ""
            if col in ("户编号", "证件号码", "身份证号", "行政区划代码", "联系电话", "帮扶责任人电话") and col not in as_numbers:
                cell.number_format = "@"
                if cell.value is not None and cell.value != "": cell.value = str(cell.value)
            if isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
            if col in as_numbers and isinstance(cell.value, str) and cell.value.isdigit():
                cell.value = int(cell.value)
    wb.properties.creator = "openpyxl"
    wb.save(path)

def text_rows(rows, header=HEADER):
    out = [header]
    for r in rows:
        out.append(["" if v is None else v.isoformat() if isinstance(v, datetime.date) else str(v) for v in r])
    return out

def write_csv(path, rows, encoding, delimiter=",", header=HEADER):
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(text_rows(rows, header))
    with open(path, "wb") as f:
        f.write(buf.getvalue().encode(encoding))

def libreoffice_resave(src, dst):
    with tempfile.TemporaryDirectory() as tmp:
        profile = "-env:UserInstallation=file://" + os.path.join(tmp, "profile")
        shutil.copy(src, os.path.join(tmp, "in.xlsx"))
        subprocess.run(["soffice", profile, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                        "--outdir", os.path.join(tmp, "out"), os.path.join(tmp, "in.xlsx")],
                       check=True, capture_output=True, timeout=120)
        shutil.copy(os.path.join(tmp, "out", "in.xlsx"), dst)

def stored_value(path, ref):
    """The literal a cell's <v> holds in the sheet XML, read with the standard library."""
    import re, zipfile
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    return re.search(r'<c r="%s"[^>]*>.*?<v>([^<]*)</v>' % ref, xml).group(1)

def bad(name, rows, expected, header=HEADER, xlsx=False, as_numbers=()):
    path = os.path.join(OUT, "bad", name)
    if xlsx:
        write_xlsx(path, rows, title=False, header=header, as_numbers=as_numbers)
    else:
        write_csv(path, rows, "utf-8-sig", header=header)
    with open(path.rsplit(".", 1)[0] + ".expected", "w", encoding="utf-8") as f:
        f.write("\n".join(expected) + "\n")

def main():
    os.makedirs(os.path.join(OUT, "bad"), exist_ok=True)
    rows = roster()
    write_xlsx(os.path.join(OUT, "wenfeng.xlsx"), rows)
    libreoffice_resave(os.path.join(OUT, "wenfeng.xlsx"), os.path.join(OUT, "wenfeng.libreoffice.xlsx"))
    write_csv(os.path.join(OUT, "wenfeng.gb18030.csv"), rows, "gb18030")
    write_csv(os.path.join(OUT, "wenfeng.utf8bom.csv"), rows, "utf-8-sig")
    write_csv(os.path.join(OUT, "wenfeng.tab.txt"), rows, "gb18030", delimiter="\t")
    write_xlsx(os.path.join(OUT, "wenfeng-update.xlsx"), roster(update=True))

    one = roster()[:1]   # 马国强, head of 0101, row 2 of a bad file
    def edit(row, col, value): r = list(row); r[HEADER.index(col)] = value; return r
    h = one[0]
    wrong = idn("19600305", 11)[:-1] + ("3" if idn("19600305", 11)[-1] != "3" else "4")
    bad("bad-check-digit.csv", [edit(h, "证件号码", wrong)],
        ["bad-check-digit.csv:2: 列 证件号码: “%s”：身份证号校验位应为 %s，实为 %s" % (wrong, idn("19600305", 11)[-1], wrong[-1])])
    wife = roster()[1]
    wife_head = edit(wife, "与户主关系", "户主")
    bad("id-as-number.xlsx", [wife_head], [], xlsx=True, as_numbers=("证件号码",))
    # The message quotes the number as the file stores it (openpyxl writes 6.211211962081202e+17).
    stored = stored_value(os.path.join(OUT, "bad", "id-as-number.xlsx"), "S2")
    with open(os.path.join(OUT, "bad", "id-as-number.expected"), "w", encoding="utf-8") as f:
        f.write("id-as-number.xlsx:花名册:2: 列 证件号码: “%s”被存成了数字。Excel 只保留 15 位有效数字，末几位已丢失，无法恢复；"
                "请先把该列设置为“文本”格式，再重新填入或粘贴号码\n" % stored)
    twin = edit(edit(h, "姓名", "马国华"), "与户主关系", "之子")
    bad("duplicate-id.csv", [h, twin],
        ["duplicate-id.csv:3: 列 证件号码: 身份证号 %s 与第 2 行重复" % h[HEADER.index("证件号码")]])
    bad("no-head.csv", [wife], ["no-head.csv:2: 列 与户主关系: 户 6211211032010101 没有户主（与户主关系 为“户主”的一行）"])
    bad("two-heads.csv", [h, edit(wife, "与户主关系", "户主")],
        ["two-heads.csv:3: 列 与户主关系: 户 6211211032010101 已有户主（第 2 行）"])
    bad("birth-date-differs.csv", [edit(h, "出生日期", d("1960-05-03"))],
        ["birth-date-differs.csv:2: 列 出生日期: 出生日期 1960-05-03 与身份证号中的 1960-03-05 不符"])
    bad("bad-household-number.csv", [edit(h, "户编号", "62112110320101O1")],
        ["bad-household-number.csv:2: 列 户编号: 户编号应为 6 到 20 位数字（国家系统为 16 位），实为“62112110320101O1”"])
    bad("unknown-wording.csv", [edit(h, "健康状况", "良好")],
        ["unknown-wording.csv:2: 列 健康状况: 无法识别“良好”；可填：健康、长期慢性病、慢性病、患有大病、大病、重病、残疾"])
    no_id = [c for c in HEADER if c != "证件号码"]
    bad("missing-column.csv", [[v for c, v in zip(HEADER, h) if c != "证件号码"]],
        ["missing-column.csv:1: 缺少“身份证号”列（也可写作：证件号码、身份证号码、公民身份号码、证件号）"], header=no_id)

if __name__ == "__main__":
    main()
