@testable import SanbaoTUI
import XCTest

/// Pinyin search of names: the generated Unihan table and the matching rule.
final class PinyinTests: XCTestCase {
    func assertFinds(_ text: String, _ queries: [String], file: StaticString = #filePath, line: UInt = #line) {
        for q in queries {
            XCTAssertTrue(PinyinQuery(q).matches(text), "\(q) should find \(text)", file: file, line: line)
        }
    }

    func assertMisses(_ text: String, _ queries: [String], file: StaticString = #filePath, line: UInt = #line) {
        for q in queries {
            XCTAssertFalse(PinyinQuery(q).matches(text), "\(q) should not find \(text)", file: file, line: line)
        }
    }

    // MARK: matching

    func testInitialsPrefixesAndFullReadings() {
        assertFinds("张三", ["zs", "zhangs", "zhangsan", "zhang", "z", "zhangsa", "zhs", "zsan", "zha", "s", "san", "张", "三", "张三"])
        assertMisses("张三", ["sz", "zhangsx", "x", "zhangsanx", "zz", "zhangg", "三张", "李"])
    }

    func testPolyphonesMatchByAnyReading() {
        assertFinds("长", ["chang", "zhang", "c", "zh"])
        assertFinds("长江", ["cj", "changjiang", "zhangj"])
        assertFinds("曾国", ["zg", "zengguo", "cengg"])
        assertFinds("翟明", ["zhaim", "dim"])
        assertFinds("单田芳", ["shantf", "dtf"])
    }

    func testUmlautIsVOrU() {
        assertFinds("吕", ["lv", "lu", "l", "吕"])
        assertFinds("吕小女", ["lvxiaonv", "luxn", "lxnu", "lxnv"])
        assertMisses("吕", ["lo", "le"])
        assertFinds("略阳", ["lueyang", "lveyang", "luy"])
    }

    func testThreeCharacterName() {
        assertFinds("王小明", ["wxm", "wangxm", "xiaoming", "xm", "小明", "wangxiaoming", "wxming", "wangxiaom", "王xm", "王小m"])
        assertMisses("王小明", ["wmx", "xw", "wangxiaominga", "明小"])
    }

    func testRunMayStartAnywhere() {
        assertFinds("文峰村", ["fc", "fengcun", "fengc", "cun", "wfc", "峰村"])
        assertFinds("张三 李四 G012 文峰村 一组", ["ls", "lisi", "g01", "G012", "fc", "yz", "yizu", "一组"])
        // A run does not jump over the spaces between words of the text.
        assertMisses("张三 李四", ["sl", "sanli", "zsls"])
    }

    func testCaseSpacesAndEmptyQuery() {
        assertFinds("张三", ["ZS", "  zhang san  ", "Zhang San", "zhang  s"])
        assertFinds("Hui Zhou Road 7", ["hui zhou", "road 7", "zhou r", "HUI"])
        // Spaces of the query may be skipped, not those of the text.
        assertMisses("Hui Zhou Road 7", ["huizhou"])
        XCTAssertEqual(PinyinQuery("  Zhang   San ").text, "zhang san")
        XCTAssertTrue(PinyinQuery("").matches("张三"))
        XCTAssertTrue(PinyinQuery("   ").matches(""))
        XCTAssertFalse(PinyinQuery("z").matches(""))
    }

    func testDigitsAndIdentifiers() {
        assertFinds("6201 2302 1990 0101 123X", ["123x", "1990"])
        assertFinds("户号 G-0042", ["g-0042", "0042", "hh", "huhao"])
        assertMisses("户号 G-0042", ["0043", "g0042"])
    }

    func testScalarEntryPointAgreesWithString() {
        let names = ["张三", "王小明", "文峰村", "吕布", "长孙无忌", "abc"]
        for q in ["zs", "xm", "fc", "lvb", "zhangsunwj", "changs", "b"] {
            let query = PinyinQuery(q)
            for n in names {
                XCTAssertEqual(query.matches(n), query.matches(scalars: Array(n.unicodeScalars)), "\(q) / \(n)")
                XCTAssertEqual(query.matches(n), query.matches(scalars: n.unicodeScalars), "\(q) / \(n)")
            }
        }
    }

    func testVeryLongQueryFallsBackToSubstring() {
        let long = String(repeating: "ab", count: 40)
        XCTAssertTrue(PinyinQuery(long.uppercased()).matches("x" + long + "y"))
        XCTAssertFalse(PinyinQuery(long).matches(String(long.dropLast())))
    }

    func testNonASCIILettersCaseInsensitive() {
        assertFinds("Ürümqi 乌鲁木齐", ["ürümqi", "ÜRÜMQI", "wlmq", "wulumuqi"])
        assertFinds("😀张三𠀀", ["zs", "😀张", "😀z", "三𠀀", "s𠀀"])
    }

    // MARK: readings

    func testReadingsOfKnownCharacters() {
        XCTAssertEqual(Pinyin.readings(of: "张"), ["zhang"])
        XCTAssertEqual(Pinyin.readings(of: "三"), ["san"])
        XCTAssertEqual(Pinyin.readings(of: "吕"), ["lv"])
        let chang = Pinyin.readings(of: "长")
        XCTAssertTrue(chang.contains("chang") && chang.contains("zhang"), "\(chang)")
        XCTAssertEqual(Pinyin.readings(of: "a"), [])
        XCTAssertEqual(Pinyin.readings(of: "1"), [])
        XCTAssertEqual(Pinyin.readings(of: "。"), [])
        XCTAssertEqual(Pinyin.readings(of: "😀"), [])
        XCTAssertEqual(Pinyin.readings(ofScalar: "\u{20000}"), [], "supplementary planes are not covered")
        // A variation selector does not change the reading.
        XCTAssertEqual(Pinyin.readings(of: Character("张\u{FE00}")), ["zhang"])
        // The table's own characters: m, n and hm readings with no vowel, ê as e.
        XCTAssertEqual(Pinyin.readings(of: "呣"), ["m"])
        XCTAssertTrue(Pinyin.readings(of: "欸").contains("e"))
        XCTAssertEqual(Pinyin.readings(of: "儿"), ["er"], "not kHanyuPinlu's erhua \"r\"")
    }

    func testCommonSurnames() {
        let expected: [(Character, String)] = [
            ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"),
            ("杨", "yang"), ("赵", "zhao"), ("黄", "huang"), ("周", "zhou"), ("吴", "wu"),
            ("徐", "xu"), ("孙", "sun"), ("胡", "hu"), ("朱", "zhu"), ("高", "gao"),
            ("林", "lin"), ("何", "he"), ("郭", "guo"), ("马", "ma"), ("罗", "luo"),
        ]
        for (c, r) in expected {
            XCTAssertEqual(Pinyin.readings(of: c).first, r, "\(c)")
        }
    }

    /// Surnames whose reading is not the character's everyday one: kMandarin alone
    /// lacks these, the generator adds them from the modern dictionaries.
    func testSurnameReadingsOfPolyphones() {
        let expected: [(Character, String)] = [
            ("曾", "zeng"), ("翟", "zhai"), ("单", "shan"), ("仇", "qiu"), ("区", "ou"),
            ("解", "xie"), ("朴", "piao"), ("查", "zha"), ("覃", "qin"), ("缪", "miao"),
            ("尉", "yu"), ("盖", "ge"), ("沈", "shen"), ("乐", "yue"), ("长", "chang"),
        ]
        for (c, r) in expected {
            XCTAssertTrue(Pinyin.readings(of: c).contains(r), "\(c): \(Pinyin.readings(of: c))")
        }
    }

    func testTableCoverage() {
        var covered = 0
        for v in UInt32(0x4E00)...0x9FA5 where !Pinyin.readings(ofScalar: Unicode.Scalar(v)!).isEmpty {
            covered += 1
        }
        XCTAssertGreaterThanOrEqual(covered, 20_000)
        var all = 0
        for v in Array(UInt32(0x3400)...0x9FFF) + Array(UInt32(0xF900)...0xFAFF) {
            let r = Pinyin.readings(ofScalar: Unicode.Scalar(v)!)
            if !r.isEmpty { all += 1 }
            XCTAssertLessThanOrEqual(r.count, 4)
            XCTAssertEqual(Set(r).count, r.count, "duplicate reading for U+\(String(v, radix: 16))")
        }
        XCTAssertEqual(all, PinyinTable.characterCount)
        let syllables = Pinyin.syllables
        XCTAssertGreaterThan(syllables.count, 400)
        XCTAssertLessThan(syllables.count, 450)
        for s in syllables {
            XCTAssertTrue(!s.isEmpty && s.utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }, s)
            XCTAssertLessThanOrEqual(s.count, 6, s)
        }
    }

    /// Issue 14, defect 11: sorting by head was code-point order (何, 冯, 刘, 岳, 常, 张, 李).
    func testNamesSortByPinyin() {
        let names = ["何小军", "冯亮亮", "刘建军", "岳永强", "常有福", "张永强", "李磊", "单明", "曾强", "吕红"]
        XCTAssertEqual(names.sorted { PinyinOrder.key($0) < PinyinOrder.key($1) },
                       ["常有福", "冯亮亮", "何小军", "李磊", "刘建军", "吕红", "单明", "岳永强", "曾强", "张永强"])
    }
}
