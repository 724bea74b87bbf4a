#!/usr/bin/env python3
"""Generates Sources/SanbaoTUI/PinyinTable.swift from Unihan's Mandarin readings.

Input: Unihan_Readings.txt from Debian's unicode-data package
(apt-get install unicode-data), which ships it as
/usr/share/unicode/Unihan_Readings.txt.bz2; Unihan.zip or a plain
Unihan_Readings.txt can be given instead:

    python3 Scripts/gen-pinyin-table.py [UNIHAN_FILE [OUTPUT]]

Which readings: kMandarin alone names one reading for most characters (two for
52), so it drops the surname readings people search by: 长 is only zhǎng, 曾 only
céng, 翟 only dí, 单 only dān, 仇 only chóu, 区 only qū. The readings of the two
standard modern dictionaries Unihan carries (kXHC1983, 现代汉语词典; kTGHZ2013,
通用规范汉字字典) and of the frequency list kHanyuPinlu are added after
kMandarin's. kHanyuPinyin (汉语大字典) is left out: it lists classical readings
nobody types (仇 jū, 行 xìng, 查 chái).

Covered: every character in U+3400-U+9FFF and U+F900-U+FAFF with a kMandarin
value (the three others only add to those). Tone marks are stripped; ü is
written v, as pinyin input methods type it; ê is written e.

Output format (parsed once, at first use, by Pinyin.swift): the string
`PinyinTable.readings` holds sections separated by a line "#"; section n lists
each character's n-th reading, one line per syllable: the syllable in ASCII
letters, then the characters that have it, e.g. "zhang张章彰...". Parsing the
sections in order gives each character its readings in the order above.
"""
import bz2, collections, io, os, sys, unicodedata, zipfile

DEFAULT_INPUTS = ["/usr/share/unicode/Unihan_Readings.txt.bz2",
                  "/usr/share/unicode/Unihan.zip",
                  "/usr/share/unicode/Unihan_Readings.txt"]
FIELDS = ["kMandarin", "kHanyuPinlu", "kXHC1983", "kTGHZ2013"]


def open_readings(path):
    if path.endswith(".bz2"):
        return io.TextIOWrapper(bz2.open(path), encoding="utf-8")
    if path.endswith(".zip"):
        z = zipfile.ZipFile(path)
        return io.TextIOWrapper(z.open("Unihan_Readings.txt"), encoding="utf-8")
    return open(path, encoding="utf-8")


def in_range(cp):
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF


def toneless(reading):
    """'zhǎng' -> 'zhang', 'lǚ' -> 'lv', 'ê̄' -> 'e', 'ḿ' -> 'm'."""
    out = []
    for ch in unicodedata.normalize("NFD", reading.lower()):
        if ch == "\u0308":            # diaeresis: u + ¨ = ü, typed v
            if out and out[-1] == "u":
                out[-1] = "v"
            else:
                raise ValueError("diaeresis not on u: %r" % reading)
        elif unicodedata.combining(ch):
            continue                  # tone marks, circumflex of ê
        elif "a" <= ch <= "z":
            out.append(ch)
        else:
            raise ValueError("unexpected letter %r in %r" % (ch, reading))
    return "".join(out)


def values(field, value):
    """The pinyin readings in one field's value, in the order given."""
    if field == "kMandarin":        # "cháng zhǎng"
        return value.split()
    if field == "kHanyuPinlu":      # "zhǎng(1879) cháng(1179)"
        # 儿 also has "r(3254)", the erhua suffix: not a reading anyone types.
        return [r for r in (v.split("(")[0] for v in value.split()) if r != "r"]
    # kXHC1983 "0121.040:cháng 1456.020:zhǎng", kTGHZ2013 "331.080,331.090:shěn"
    return [r for v in value.split() for r in v.rsplit(":", 1)[1].split(",")]


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else next((p for p in DEFAULT_INPUTS if os.path.exists(p)), None)
    if src is None:
        sys.exit("no Unihan_Readings found: apt-get install unicode-data, or pass its path")
    dst = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "SanbaoTUI", "PinyinTable.swift")

    version = "?"
    raw = collections.defaultdict(dict)   # cp -> field -> value
    with open_readings(src) as f:
        for line in f:
            if line.startswith("# Unicode version:"):
                version = line.split(":", 1)[1].strip()
            if line.startswith("#") or not line.strip():
                continue
            cp, field, value = line.rstrip("\n").split("\t")
            cp = int(cp[2:], 16)
            if field in FIELDS and in_range(cp):
                raw[cp][field] = value

    readings = {}                          # cp -> [syllable], preferred first
    for cp, fs in raw.items():
        if "kMandarin" not in fs:
            continue
        seen = []
        for field in FIELDS:
            for r in values(field, fs.get(field, "")):
                s = toneless(r)
                if s and s not in seen:
                    seen.append(s)
        readings[cp] = seen

    depth = max(len(v) for v in readings.values())
    sections = []
    for n in range(depth):
        by_syllable = collections.defaultdict(list)
        for cp in sorted(readings):
            if len(readings[cp]) > n:
                by_syllable[readings[cp][n]].append(chr(cp))
        sections.append("\n".join(s + "".join(cs) for s, cs in sorted(by_syllable.items())))
    body = "\n#\n".join(sections)
    assert '"""' not in body and "\\" not in body

    syllables = sorted({s for v in readings.values() for s in v})
    polyphones = sum(1 for v in readings.values() if len(v) > 1)
    out = [
        "// Generated by Scripts/gen-pinyin-table.py from Unihan %s (kMandarin, kHanyuPinlu, kXHC1983, kTGHZ2013). Do not edit." % version,
        "// %d characters (U+3400-U+9FFF, U+F900-U+FAFF), %d of them with several readings; %d syllables."
        % (len(readings), polyphones, len(syllables)),
        "// Format: see the script. Pinyin.swift parses it once, at first use.",
        "",
        "enum PinyinTable {",
        '    static let unicodeVersion = "%s"' % version,
        "    static let characterCount = %d" % len(readings),
        "    static let readings = \"\"\"",
        body,
        "\"\"\"",
        "}",
        "",
    ]
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    print("%s: %d characters, %d polyphones, %d syllables, up to %d readings, %d bytes"
          % (os.path.normpath(dst), len(readings), polyphones, len(syllables), depth, os.path.getsize(dst)))


if __name__ == "__main__":
    main()
