import Foundation
import SanbaoIntake
import XCTest

/// Every fixture workbook reads as openpyxl reads it: the same sheets in the same order,
/// the same date system, the same rows, and in each row the same cells with the same
/// values. The oracle (`NAME.xlsx.json`) was written by openpyxl when the fixtures were
/// made, so it owes nothing to the reader under test.
final class WorkbookOracleTests: XCTestCase {
    func testEveryFixtureWorkbookReadsAsOpenpyxlReadsIt() throws {
        let names = IntakeFixtures.oracleWorkbooks
        XCTAssertGreaterThanOrEqual(names.count, 9, "the fixtures are missing; run Scripts/make-intake-reader-fixtures.py")
        for name in names { try assertMatchesOracle(name) }
    }

    func assertMatchesOracle(_ name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: IntakeFixtures.path(name + ".json")))
        let oracle = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sheets = try XCTUnwrap(oracle["sheets"] as? [[String: Any]])
        let workbook = try Workbook.open(path: IntakeFixtures.path(name))
        XCTAssertEqual(workbook.sheetNames, sheets.map { $0["name"] as? String ?? "?" }, "\(name): sheet names")
        XCTAssertEqual(workbook.date1904, oracle["date1904"] as? Bool, "\(name): date system")
        var cellsCompared = 0
        for sheet in sheets {
            let sheetName = sheet["name"] as? String ?? "?"
            let expected = try XCTUnwrap(sheet["rows"] as? [[String: Any]])
            let rows = try IntakeFixtures.rows(workbook, sheet: sheetName)
            XCTAssertEqual(rows.map(\.number), expected.map { $0["r"] as? Int ?? -1 }, "\(name) / \(sheetName): row numbers")
            for (row, want) in zip(rows, expected) {
                let cells = try XCTUnwrap(want["cells"] as? [[String: Any]])
                let where_ = "\(name) / \(sheetName) row \(row.number)"
                XCTAssertEqual(row.cells.indices.filter { row.cells[$0] != nil }, cells.map { $0["c"] as? Int ?? -1 }, "\(where_): columns with a value")
                for cell in cells {
                    let column = cell["c"] as? Int ?? -1
                    guard let got = row[column] else { continue }
                    assertCell(got, cell, "\(where_) column \(column)")
                    cellsCompared += 1
                }
            }
        }
        XCTAssertGreaterThan(cellsCompared, 0, name)
    }

    func assertCell(_ got: SheetCell, _ want: [String: Any], _ where_: String) {
        if let text = want["s"] as? String {
            XCTAssertEqual(got.kind, .text, where_)
            XCTAssertEqual(got.text, text, where_)
        } else if let number = want["n"] as? String {
            XCTAssertEqual(got.kind, .number, where_)
            XCTAssertFalse(got.hasDateFormat, "\(where_): not a date")
            XCTAssertEqual(Double(got.text), Double(number), "\(where_): \(got.text) vs openpyxl's \(number)")
            if let whole = Int(number) { XCTAssertEqual(Int(got.text), whole, where_) }
        } else if let flag = want["b"] as? Bool {
            XCTAssertEqual(got.kind, .boolean, where_)
            XCTAssertEqual(got.text, flag ? "1" : "0", where_)
        } else if let error = want["e"] as? String {
            XCTAssertEqual(got.kind, .error, where_)
            XCTAssertEqual(got.text, error, where_)
        } else if let serial = (want["date"] as? String).flatMap(Double.init), let iso = want["iso"] as? String {
            switch got.kind {
            case .number:
                XCTAssertTrue(got.hasDateFormat, "\(where_): a date format")
                XCTAssertEqual(Double(got.text) ?? .nan, serial, accuracy: 1e-6, where_)
            case .isoDate:
                XCTAssertEqual(got.text.prefix(10), iso.prefix(10), where_)
            default:
                XCTFail("\(where_): \(got) is not a date (openpyxl: \(iso))")
            }
        } else {
            XCTFail("\(where_): an oracle cell of no known kind: \(want)")
        }
    }
}
