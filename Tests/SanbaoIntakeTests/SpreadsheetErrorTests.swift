import Foundation
import SanbaoIntake
import XCTest

/// Each way a roster file can fail to read gives its own error, and a message in
/// Chinese and English that names the file, part or sheets concerned.
final class SpreadsheetErrorTests: XCTestCase {
    func error(_ body: () throws -> Void) -> SpreadsheetError? {
        do {
            try body()
            return nil
        } catch let error as SpreadsheetError {
            return error
        } catch {
            XCTFail("not a SpreadsheetError: \(error)")
            return nil
        }
    }

    func testOldExcelFile() {
        let path = IntakeFixtures.path("old-format.xls")
        XCTAssertEqual(error { _ = try RosterFile.open(path: path, sheet: nil) }, .oldExcelFormat(path: path))
        XCTAssertEqual(error { _ = try Workbook.open(path: path) }, .oldExcelFormat(path: path))
        let message = SpreadsheetError.oldExcelFormat(path: path).message
        XCTAssertTrue(message.zh.contains("旧式 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV"), message.zh)
        XCTAssertTrue(message.en.contains("save it as .xlsx or CSV"), message.en)
    }

    func testNotAWorkbook() {
        for name in ["not-a-workbook.xlsx", "roster-utf8.csv"] {
            let path = IntakeFixtures.path(name)
            XCTAssertEqual(error { _ = try Workbook.open(path: path) }, .notWorkbook(path: path))
        }
        let path = IntakeFixtures.path("not-a-workbook.xlsx")
        XCTAssertEqual(error { _ = try RosterFile.open(path: path, sheet: nil) }, .notWorkbook(path: path))
        let message = SpreadsheetError.notWorkbook(path: "a.xlsx").message
        XCTAssertEqual(message.zh, "a.xlsx 不是 Excel 工作簿（.xlsx）")
        XCTAssertEqual(message.en, "a.xlsx is not an Excel workbook (.xlsx)")
    }

    func testNoSuchSheetNamesTheSheetsThereAre() throws {
        let path = IntakeFixtures.path("roster-openpyxl.xlsx")
        let expected = SpreadsheetError.noSuchSheet(name: "花名", available: ["花名册", "说明", "空表"])
        XCTAssertEqual(error { _ = try RosterFile.open(path: path, sheet: "花名") }, expected)
        XCTAssertEqual(error { try Workbook.open(path: path).forEachRow(sheet: "花名") { _ in } }, expected)
        XCTAssertEqual(expected.message.zh, "工作簿中没有名为“花名”的工作表；现有工作表：花名册、说明、空表")
        XCTAssertEqual(expected.message.en, "The workbook has no sheet named \"花名\"; its sheets are: 花名册, 说明, 空表")
    }

    func testDamagedSheetNamesThePart() throws {
        let workbook = try Workbook.open(path: IntakeFixtures.path("damaged.xlsx"))
        var rows: [Int] = []
        let failure = error { try workbook.forEachRow(sheet: "户 & 人") { rows.append($0.number) } }
        guard case .damagedPart(let part, _)? = failure else { return XCTFail("\(String(describing: failure))") }
        XCTAssertEqual(part, "xl/worksheets/data.xml")
        XCTAssertEqual(rows, [1, 2], "the rows before the damage were read")
        XCTAssertTrue(failure!.message.zh.contains("工作簿已损坏：xl/worksheets/data.xml"), failure!.message.zh)
        XCTAssertTrue(failure!.message.en.contains("the XML of xl/worksheets/data.xml"), failure!.message.en)
        XCTAssertEqual(try IntakeFixtures.rows(workbook, sheet: "说明").count, 1, "the undamaged sheet still reads")
    }

    func testMissingAndUnreadableFiles() {
        let missing = IntakeFixtures.path("no-such-file.xlsx")
        XCTAssertEqual(error { _ = try RosterFile.open(path: missing, sheet: nil) }, .fileNotFound(path: missing))
        XCTAssertEqual(error { _ = try Workbook.open(path: missing) }, .fileNotFound(path: missing))
        XCTAssertEqual(SpreadsheetError.fileNotFound(path: "x.csv").message, .init(zh: "找不到文件：x.csv", en: "No such file: x.csv"))
        let folder = IntakeFixtures.directory
        guard case .unreadable(let path, _)? = error({ _ = try RosterFile.open(path: folder, sheet: nil) }) else {
            return XCTFail("a folder is not readable as a roster")
        }
        XCTAssertEqual(path, folder)
        let message = SpreadsheetError.unreadable(path: "p", reason: "r").message
        XCTAssertTrue(message.zh.contains("无法读取文件：p") && message.en.contains("Cannot read p"))
    }

    func testSheetForACSV() {
        let path = IntakeFixtures.path("roster-gb18030.csv")
        XCTAssertEqual(error { _ = try RosterFile.open(path: path, sheet: "花名册") }, .sheetInDelimitedText(path: path))
        let message = SpreadsheetError.sheetInDelimitedText(path: "a.csv").message
        XCTAssertTrue(message.zh.contains("a.csv 是文本文件（CSV），没有工作表"), message.zh)
        XCTAssertTrue(message.en.contains("a.csv is a text (CSV) file, which has no sheets"), message.en)
    }

    func testUndecodableBytesSayWhere() {
        // "序号,姓名\n" is 10 bytes in GB18030, "1,王" 4 more: 0x81 0x20 is at byte 14, on line 2.
        let path = IntakeFixtures.path("undecodable.csv")
        XCTAssertEqual(error { _ = try RosterFile.open(path: path, sheet: nil) }, .undecodableText(offset: 14, line: 2))
        XCTAssertEqual(error { _ = try DelimitedText(bytes: [0xFF, 0xFE, 0x41]) }, .undecodableText(offset: 2, line: 1), "UTF-16 cut in half")
        let message = SpreadsheetError.undecodableText(offset: 14, line: 2).message
        XCTAssertEqual(message.zh, "文件第 2 行（第 14 字节）的文字无法识别：既不是 UTF-8，也不是 GB18030（GBK）")
        XCTAssertEqual(message.en, "The text on line 2 (byte 14) cannot be decoded: it is neither UTF-8 nor GB18030 (GBK)")
    }
}
