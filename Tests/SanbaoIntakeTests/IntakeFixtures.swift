import Foundation
import SanbaoIntake
import XCTest

/// The committed fixtures of Scripts/make-intake-reader-fixtures.py, and the reader's
/// output in a form that is easy to compare.
enum IntakeFixtures {
    /// Fixtures/intake/reader, found from this file's path (Tests/SanbaoIntakeTests/ → root).
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/intake/reader").path

    static func path(_ name: String) -> String { directory + "/" + name }

    /// Every workbook that has an openpyxl oracle (`NAME.xlsx.json`) beside it.
    static var oracleWorkbooks: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".xlsx.json") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func rows(_ workbook: Workbook, sheet: String?) throws -> [SheetRow] {
        var rows: [SheetRow] = []
        try workbook.forEachRow(sheet: sheet) { rows.append($0) }
        return rows
    }

    static func rows(_ file: RosterFile) throws -> [SheetRow] {
        var rows: [SheetRow] = []
        try file.forEachRow { rows.append($0) }
        return rows
    }

    /// Rows of text cells as (row number, texts; nil for no cell), for hand-written expectations.
    static func texts(_ rows: [SheetRow]) -> [Row] {
        rows.map { Row($0.number, $0.cells.map { $0?.text }) }
    }

    struct Row: Equatable, CustomStringConvertible {
        var number: Int
        var texts: [String?]
        init(_ number: Int, _ texts: [String?]) {
            self.number = number
            self.texts = texts
        }
        var description: String { "\(number): \(texts.map { $0.map { "\"\($0)\"" } ?? "nil" }.joined(separator: ", "))" }
    }
}
