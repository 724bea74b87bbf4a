import Foundation
@testable import SanbaoIntake
import XCTest

/// What openpyxl cannot say about the hand-made workbook: the kind of each cell, the
/// literal a number was stored as, which numbers have a date format, sheet resolution.
final class WorkbookTests: XCTestCase {
    typealias Row = IntakeFixtures.Row

    func testHandmadeWorkbookGivesEachCellItsKindAndLiteral() throws {
        let workbook = try Workbook.open(path: IntakeFixtures.path("handmade.xlsx"))
        XCTAssertEqual(workbook.sheetNames, ["说明", "户 & 人"], "workbook order, not file order")
        XCTAssertTrue(workbook.date1904)
        let rows = try IntakeFixtures.rows(workbook, sheet: "户 & 人")
        XCTAssertEqual(IntakeFixtures.texts(rows), [
            Row(1, ["户主姓名", "王 建国", nil, nil, "成员"]),
            Row(2, ["张三", nil, "45292", "45293.5", "3"]),
            Row(5, ["第一行\r\n第二行 & <备注> 中文", "文_x000D_本&富文本", "张三!", "1", "#DIV/0!", "2024-03-01T00:00:00"]),
            Row(8, [nil, "  两端空格  ", nil, "2", nil, "<不转义> & 原样"]),
            Row(9, ["6.21121198711201E+17", "621121198711201234", "-0.5"]),
        ])
        let kinds = rows.map { $0.cells.map { $0?.kind } }
        XCTAssertEqual(kinds[1], [.text, nil, .number, .number, .number])
        XCTAssertEqual(kinds[2], [.text, .text, .text, .boolean, .error, .isoDate])
        XCTAssertEqual(rows[1].cells.map { $0?.hasDateFormat }, [false, nil, true, true, false], "built-in 14, custom 年月日; \"第\"0\"组\" is not a date")
        XCTAssertEqual(rows[4][0], SheetCell(.number, "6.21121198711201E+17"), "an ID typed as a number keeps the literal Excel stored")
    }

    func testFirstSheetIsTheDefaultAndNamesAreMatchedWithoutCase() throws {
        let workbook = try Workbook.open(path: IntakeFixtures.path("roster-openpyxl.xlsx"))
        XCTAssertEqual(workbook.sheetNames, ["花名册", "说明", "空表"])
        XCTAssertEqual(try IntakeFixtures.rows(workbook, sheet: nil).first?.cells.first??.text, "甘肃省某某县某某乡建档立卡户花名册（2024年）")
        XCTAssertEqual(try IntakeFixtures.rows(workbook, sheet: "空表"), [])
        let roster = try RosterFile.open(path: IntakeFixtures.path("roster-libreoffice.xlsx"), sheet: "说明")
        XCTAssertEqual(roster.kind, .xlsx)
        XCTAssertEqual(roster.sheetName, "说明")
        XCTAssertNil(roster.encoding)
        XCTAssertEqual(IntakeFixtures.texts(try IntakeFixtures.rows(roster)), [
            Row(1, ["填表说明"]), Row(2, ["1. 证件号码请以文本格式填写"]), Row(3, [nil, "42"]),
        ])
        let english = try Workbook.open(path: IntakeFixtures.path("random-1-openpyxl.xlsx"))
        XCTAssertEqual(english.sheetNames, ["随机1"])
    }

    /// A row cut anywhere by the end of an inflated chunk reads the same as a whole one.
    func testRowsCutAtEveryChunkBoundaryReadTheSame() throws {
        let archive = try WorkbookArchive(path: IntakeFixtures.path("handmade.xlsx"))
        let strings = try SharedStrings.read(archive, part: "xl/strings.xml")
        let xml = try archive.bytes(of: "xl/worksheets/data.xml")
        func read(chunk: Int) throws -> [SheetRow] {
            var scanner = SheetScanner(part: "data", strings: strings, styles: CellStyles())
            var rows: [SheetRow] = []
            var pending: [UInt8] = []
            var at = 0
            while at < xml.count {
                pending.append(contentsOf: xml[at..<min(at + chunk, xml.count)])
                at += chunk
                let used = try pending.withUnsafeBufferPointer { try scanner.scan(XMLScan(bytes: $0)) { rows.append($0) } }
                pending.removeFirst(used)
            }
            return rows
        }
        let whole = try read(chunk: xml.count)
        XCTAssertEqual(whole.count, 5)
        for chunk in [1, 2, 3, 5, 8, 13, 64, 333] {
            XCTAssertEqual(try read(chunk: chunk), whole, "chunks of \(chunk) bytes")
        }
    }

    func testDateFormats() {
        XCTAssertTrue(NumberFormat.isDate(code: "yyyy-mm-dd"))
        XCTAssertTrue(NumberFormat.isDate(code: "yyyy\"年\"m\"月\"d\"日\""))
        XCTAssertTrue(NumberFormat.isDate(code: "[$-804]yyyy年m月d日"))
        XCTAssertTrue(NumberFormat.isDate(code: "[h]:mm:ss"))
        XCTAssertTrue(NumberFormat.isDate(code: "h:mm AM/PM"))
        XCTAssertFalse(NumberFormat.isDate(code: "General"))
        XCTAssertFalse(NumberFormat.isDate(code: "0.00_);[Red](0.00)"))
        XCTAssertFalse(NumberFormat.isDate(code: "\"第\"0\"组\""))
        XCTAssertFalse(NumberFormat.isDate(code: "#,##0\\d"), "an escaped letter is text")
        XCTAssertFalse(NumberFormat.isDate(code: "0;[Red]\"yes\";dd"), "only the first section counts")
        XCTAssertEqual((0...60).filter(NumberFormat.isBuiltInDate),
                       Array(14...22) + Array(27...36) + Array(45...47) + Array(50...58))
    }

    func testXstringAndEntities() {
        func decode(_ s: String) -> String {
            let bytes = Array(s.utf8)
            return bytes.withUnsafeBufferPointer { XMLText.string($0, 0..<bytes.count, xstring: true) }
        }
        XCTAssertEqual(decode("a_x000D_b"), "a\rb")
        XCTAssertEqual(decode("_x005F_x000D_"), "_x000D_")
        XCTAssertEqual(decode("_xD83D__xDE00_"), "😀")
        XCTAssertEqual(decode("_x00ZZ_ &amp;&lt;&gt;&quot;&apos;&#20013;&#x6587;&bogus;"), "_x00ZZ_ &<>\"'中文&bogus;")
        XCTAssertEqual(decode("一\r\n二\r三"), "一\n二\n三")
    }
}
