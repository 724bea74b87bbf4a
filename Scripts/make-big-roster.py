#!/usr/bin/env python3
"""Writes a county-sized household roster (花名册) as XLSX, to measure the intake reader.

    Scripts/make-big-roster.py ROWS OUT.xlsx [SEED]

About 25 columns shaped like the national system's export: a title row, a header row,
then one row per household member with names, 18-digit ID numbers stored as text, dates
stored as date-formatted serial numbers, codes, incomes, yes/no columns. Written with
openpyxl's write-only mode, so memory stays small at any size. Deterministic per seed.
"""
import datetime
import random
import sys

from openpyxl import Workbook

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "建国明华文军伟芳秀英丽娟敏静强磊洋艳勇杰涛超平刚桂兰玉梅海燕春生福德成林红霞志永"
TOWNS = ["城关镇", "新集乡", "石门乡", "马营镇", "柳林乡", "红崖乡"]
VILLAGES = ["王家村", "李家湾村", "石岔村", "大庄村", "杨河村", "沙沟村", "上川村", "下川村"]
RELATIONS = ["户主", "配偶", "之子", "之女", "之孙子", "之孙女", "之父", "之母", "儿媳"]
EDUCATION = ["文盲或半文盲", "小学", "初中", "高中", "大专", "本科及以上", "学龄前儿童"]
HEALTH = ["健康", "长期慢性病", "患有大病", "残疾"]
SKILLS = ["普通劳动力", "技能劳动力", "弱劳动力或半劳动力", "丧失劳动力", "无劳动力"]
WORK = ["省外务工", "县外省内务工", "县内务工", "乡镇内务工", "未务工"]
HEADER = ["序号", "县（市、区）", "乡（镇）", "行政村", "自然村（组）", "户编号", "户主姓名",
          "成员姓名", "与户主关系", "性别", "证件号码", "出生日期", "民族", "文化程度", "在校生状况",
          "健康状况", "劳动技能", "务工状况", "务工时间（月）", "家庭人口数", "人均纯收入（元）",
          "是否享受低保", "联系电话", "识别日期", "备注"]


def id_number(rng, born):
    area = "6211%02d" % rng.randint(1, 30)
    body = area + born.strftime("%Y%m%d") + "%03d" % rng.randint(0, 999)
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]
    return body + check


def rows(n, rng):
    household, members, head = 0, 0, ""
    for i in range(1, n + 1):
        if members == 0:
            household += 1
            members = rng.randint(1, 6)
            head = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
        born = datetime.datetime(1940, 1, 1) + datetime.timedelta(days=rng.randint(0, 30000))
        name = head if rng.random() < 0.3 else head[0] + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
        members -= 1
        yield [
            i, "某某县", rng.choice(TOWNS), rng.choice(VILLAGES), "第%d组" % rng.randint(1, 9),
            "6211%014d" % household, head, name, rng.choice(RELATIONS), rng.choice("男女"),
            id_number(rng, born), born, "汉族" if rng.random() < 0.9 else "回族",
            rng.choice(EDUCATION), "非在校生", rng.choice(HEALTH), rng.choice(SKILLS), rng.choice(WORK),
            rng.randint(0, 12), rng.randint(1, 8), round(rng.uniform(3000, 30000), 2),
            rng.choice("是否"), "1%010d" % rng.randint(0, 9999999999),
            datetime.datetime(2014, 1, 1) + datetime.timedelta(days=rng.randint(0, 3000)),
            "" if rng.random() < 0.8 else "2020年已脱贫，监测户",
        ]


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(["某某县建档立卡户家庭成员花名册"])
    ws.append(HEADER)
    for row in rows(n, rng):
        ws.append(row)
    wb.save(out)


if __name__ == "__main__":
    main()
