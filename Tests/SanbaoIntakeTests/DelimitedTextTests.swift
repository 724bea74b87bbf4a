import Foundation
import SanbaoIntake
import XCTest

/// CSV and text rosters: the encoding and delimiter found without asking, RFC 4180
/// quoting, and row numbers that count records as a spreadsheet shows them.
final class DelimitedTextTests: XCTestCase {
    typealias Row = IntakeFixtures.Row

    /// The rows of ROSTER_CSV_ROWS in Scripts/make-intake-reader-fixtures.py, written by hand.
    static let roster: [Row] = [
        Row(1, ["序号", "户主姓名", "证件号码", "住址", "备注"]),
        Row(2, ["1", "王建国", "622421196803151234", "甘肃省,某某县", "家有\"老人\""]),
        Row(4, ["2", "𠀀㐀李秀英", "0123", "", "第一行\n第二行"]),
    ]

    func assertRoster(_ name: String, _ encoding: TextEncoding, _ delimiter: Character, file: StaticString = #filePath, line: UInt = #line) throws {
        let roster = try RosterFile.open(path: IntakeFixtures.path(name), sheet: nil)
        XCTAssertEqual(roster.kind, .delimited, name, file: file, line: line)
        XCTAssertEqual(roster.encoding, encoding, name, file: file, line: line)
        XCTAssertNil(roster.sheetName, file: file, line: line)
        let rows = try IntakeFixtures.rows(roster)
        XCTAssertEqual(IntakeFixtures.texts(rows), Self.roster, name, file: file, line: line)
        XCTAssertTrue(rows.allSatisfy { $0.cells.allSatisfy { $0?.kind == .text } }, file: file, line: line)
        let text = try DelimitedText(bytes: [UInt8](FileManager.default.contents(atPath: IntakeFixtures.path(name))!))
        XCTAssertEqual(text.delimiter, delimiter.asciiValue, name, file: file, line: line)
    }

    func testGB18030WithCRLFAndNoNewlineAtTheEnd() throws { try assertRoster("roster-gb18030.csv", .gb18030, ",") }
    func testUTF8WithByteOrderMark() throws { try assertRoster("roster-utf8-bom.csv", .utf8BOM, ",") }
    func testUTF8WithCarriageReturns() throws { try assertRoster("roster-utf8.csv", .utf8, ",") }
    func testExcelUnicodeTextIsUTF16Tabbed() throws { try assertRoster("roster-utf16le.txt", .utf16LE, "\t") }
    func testSemicolons() throws { try assertRoster("roster-semicolon.csv", .gb18030, ";") }

    func testLibreOfficeCSVOfTheRoster() throws {
        let rows = try IntakeFixtures.rows(RosterFile.open(path: IntakeFixtures.path("roster-libreoffice.csv"), sheet: nil))
        XCTAssertEqual(rows.map(\.number), Array(1...12), "LibreOffice writes every row, empty ones as commas")
        XCTAssertEqual(rows[0][0]?.text, "甘肃省某某县某某乡建档立卡户花名册（2024年）")
        XCTAssertEqual(rows[3][4]?.text, "622421196803151234")
        XCTAssertEqual(rows[5][11]?.text, "省外务工\n（兰州）")
        XCTAssertEqual(rows[6][11]?.text, "在校生 <本科> & \"助学\"")
        XCTAssertEqual(rows[9][11]?.text, "  前后有空格  ")
        XCTAssertEqual(rows[11][1]?.text, "#N/A")
        XCTAssertEqual(rows[1].cells.count, 12)
        XCTAssertTrue(rows[1].isBlank)
    }

    func read(_ text: String) throws -> [Row] {
        var rows: [Row] = []
        try DelimitedText(bytes: Array(text.utf8)).forEachRow { rows.append(Row($0.number, $0.cells.map { $0?.text })) }
        return rows
    }

    func testRecordsQuotingAndLineEnds() throws {
        XCTAssertEqual(try read(""), [])
        XCTAssertEqual(try read("a"), [Row(1, ["a"])])
        XCTAssertEqual(try read("a,b\n"), [Row(1, ["a", "b"])])
        XCTAssertEqual(try read("a,\n,b,\n"), [Row(1, ["a", ""]), Row(2, ["", "b", ""])])
        XCTAssertEqual(try read("\n\na\r\n\r\nb\rc"), [Row(3, ["a"]), Row(5, ["b"]), Row(6, ["c"])], "blank lines keep their numbers")
        XCTAssertEqual(try read("\"x\ny\",1\n2,\"a\"\"b\",\"\"\n3"),
                       [Row(1, ["x\ny", "1"]), Row(2, ["2", "a\"b", ""]), Row(3, ["3"])],
                       "a quoted line break is one record")
        XCTAssertEqual(try read("\"a,b\"\"\",c\"d\n"), [Row(1, ["a,b\"", "c\"d"])])
        XCTAssertEqual(try read("=\"0123\",\"=\"\"007\"\"\",=1+1,=\"\""), [Row(1, ["0123", "007", "=1+1", ""])])
        XCTAssertEqual(try read("\"unterminated,x\n"), [Row(1, ["unterminated,x\n"])])
    }

    func testDelimiterIsFoundOutsideQuotes() throws {
        XCTAssertEqual(try DelimitedText(bytes: Array("\"a,b,c\"\tx\n\"d,e\"\ty\n".utf8)).delimiter, UInt8(ascii: "\t"))
        XCTAssertEqual(try DelimitedText(bytes: Array("one column\nmore\n".utf8)).delimiter, UInt8(ascii: ","))
        XCTAssertEqual(try DelimitedText(bytes: Array("\n\na;b;c\n".utf8)).delimiter, UInt8(ascii: ";"))
    }

    func testEncodingLabels() {
        XCTAssertEqual([TextEncoding.utf8, .utf8BOM, .gb18030, .utf16LE, .utf16BE].map(\.label),
                       ["UTF-8", "UTF-8 (BOM)", "GB18030", "UTF-16", "UTF-16"])
    }

    func testUTF16BigEndianAndGBKText() throws {
        let big = try DelimitedText(bytes: [0xFE, 0xFF] + Array("户主\t王".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        XCTAssertEqual(big.encoding, .utf16BE)
        var cells: [String?] = []
        try big.forEachRow { cells = $0.cells.map { $0?.text } }
        XCTAssertEqual(cells, ["户主", "王"])
        // 户主 in GBK (a subset of GB18030): BB A7 D6 F7.
        let gbk = try DelimitedText(bytes: [0xBB, 0xA7, 0xD6, 0xF7, 0x2C, 0x31])
        XCTAssertEqual(gbk.encoding, .gb18030)
        try gbk.forEachRow { cells = $0.cells.map { $0?.text } }
        XCTAssertEqual(cells, ["户主", "1"])
    }
}
