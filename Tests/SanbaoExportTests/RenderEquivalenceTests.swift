import Foundation
import SanbaoCore
import SanbaoSamples
@testable import SanbaoExport
import XCTest

/// The fast writers (rows made into reused byte buffers, pieces on every core, inline
/// strings, parallel deflate) against the writers as they were (`ReferenceWriters.swift`):
/// CSV byte for byte; XLSX cell for cell, with the same styles, column widths, row
/// heights, frozen panes, filters and print settings.
final class RenderEquivalenceTests: XCTestCase {
    static let asOf = LocalDate(year: 2026, month: 11, day: 25)!

    /// The reports compared: the demo with every awkward note, a generated county piece,
    /// an empty selection, a roll-up (clashes, a source column).
    func reports() throws -> [(String, SummaryReport)] {
        let generated = Generator.make(households: 2000, seed: 3, asOf: Self.asOf)
        let request = ExportRequest(to: Self.asOf, generatedAt: "2026-11-25T00:00:00Z")
        var hard = Demo.datasetWithHardNote()
        // Texts the byte paths must leave to the String paths: CR alone, a control
        // character, a combining mark after a line break, an Excel escape look-alike.
        hard.checks.append(Check(id: "odd", householdID: "621121103201-0007", date: Demo.date, cadreID: "c1",
                                 recordedAt: "2026-11-25T09:00:00Z",
                                 findings: [.housing: Finding(state: .followUp, note: "屋顶\r漏雨\n\u{301}待修 _x0041_ \u{0B}")],
                                 measures: ["a\r\nb", " 前后空格 "], note: "第一行\n\n第三行\t制表 & <标签>"))
        let one = try Demo.report()
        let two = try Demo.report { $0.villageCodes = [Demo.village]; $0.fullIDs = true }
        let rollup = try Rollup.combine([Rollup.Input(name: "a.json", report: one), Rollup.Input(name: "b.json", report: two)],
                                        generatedAt: Demo.generatedAt)
        return [
            ("demo with hard notes", try Demo.report(hard)),
            ("generated 2000", try SummaryReport(generated, request)),
            ("empty", try Demo.report { $0.villageCodes = ["621121103299"] }),
            ("roll-up", rollup),
        ]
    }

    func testTablesEqualTheOldTables() throws {
        for (name, report) in try reports() {
            for language in [Language.zh, .en] {
                let new = ReportTables(report, language: language)
                let old = ReferenceTables(report, language: language)
                XCTAssertEqual(new.all.count, old.all.count, name)
                for (a, b) in zip(new.all, old.all) {
                    XCTAssertEqual(a.columns, b.columns, "\(name) \(a.kind)")
                    XCTAssertEqual(a.placeholder, b.placeholder, "\(name) \(a.kind)")
                    XCTAssertEqual(a.rows.count, b.rows.count, "\(name) \(a.kind)")
                    let differing = zip(a.rows, b.rows).enumerated().first { $0.element.0 != $0.element.1 }
                    XCTAssertNil(differing.map { "row \($0.offset): \($0.element.0) vs \($0.element.1)" }, "\(name) \(a.kind)")
                }
            }
        }
    }

    func testCSVIsByteForByteTheOldCSV() throws {
        for (name, report) in try reports() {
            for language in [Language.zh, .en] {
                let old = ReferenceTables(report, language: language)
                for kind in TableKind.allCases {
                    for bom in [true, false] {
                        let new = try report.render(.csv, options: RenderOptions(language: language, csvTable: kind, bom: bom))
                        let reference = old.csv(kind, bom: bom)
                        XCTAssertTrue(new == reference, "\(name) \(language) \(kind) bom \(bom): \(new.count) vs \(reference.count) bytes")
                    }
                }
            }
        }
    }

    func testCSVFieldQuotingOnBytes() {
        for text in ["", "plain 中文", "a,b", "say \"hi\"", "two\nlines", "cr\r", "\"", "中\"文,", "\r\n"] {
            XCTAssertEqual(CSVWriter.field(text), ReferenceCSVWriter.field(text), text.debugDescription)
        }
        // A quote that carries a combining mark is still a quote byte, and is doubled.
        XCTAssertEqual(CSVWriter.field("a\"\u{301}b"), "\"a\"\"\u{301}b\"")
    }

    func testWorkbookHoldsWhatTheOldWorkbookHeld() throws {
        for (name, report) in try reports() {
            let new = try Workbook(try report.render(.xlsx))
            let old = try Workbook(try ReferenceTables(report, language: .zh).xlsx())
            XCTAssertEqual(new.sheetNames, old.sheetNames, name)
            // Top-aligned cells now take the default style (index 0) and name none; the
            // formats themselves are the same, so cells are compared by how they look.
            XCTAssertEqual(Set(new.styleLooks), Set(old.styleLooks), name)
            XCTAssertEqual(new.formatCodes, old.formatCodes, name)
            XCTAssertEqual(try XNode.parse(new.part("xl/workbook.xml")).descendants("definedName").map { [$0["name"], $0["localSheetId"], $0.text] },
                           try XNode.parse(old.part("xl/workbook.xml")).descendants("definedName").map { [$0["name"], $0["localSheetId"], $0.text] },
                           "\(name): filters and print titles")
            let (newBook, oldBook) = (new, old)
            for sheetName in old.sheetNames {
                let a = try new.sheet(sheetName), b = try old.sheet(sheetName)
                let what = "\(name) \(sheetName)"
                XCTAssertEqual(a.rowCount, b.rowCount, what)
                XCTAssertEqual(a.columnCount, b.columnCount, what)
                XCTAssertEqual(a.columnWidths, b.columnWidths, "\(what): widths")
                XCTAssertEqual(a.rowHeights, b.rowHeights, "\(what): row heights")
                XCTAssertEqual(Set(a.cells.keys), Set(b.cells.keys), "\(what): the same cells hold something")
                var differences: [String] = []
                for (ref, old) in b.cells {
                    guard let new = a.cells[ref] else { continue }
                    // Text is inline or shared now (was always shared); numbers and dates alike.
                    if new.text != old.text || (new.type == nil) != (old.type == nil)
                        || newBook.styleLooks[new.style] != oldBook.styleLooks[old.style]
                        || (old.type == nil && new.raw != old.raw) {
                        differences.append("\(ref): \(new) vs \(old)")
                    }
                }
                XCTAssertEqual(differences.count, 0, "\(what): \(differences.prefix(3))")
                for element in ["pane", "selection", "dimension", "autoFilter", "pageSetup", "pageSetUpPr", "sheetView", "pageMargins"] {
                    XCTAssertEqual(a.root.descendants(element).map(\.attributes), b.root.descendants(element).map(\.attributes),
                                   "\(what): \(element)")
                }
            }
        }
    }

    /// The workbook's rows are made once with wrapped columns at their widest, and made
    /// again only when a wrapped column turns out narrower. The reports above take both
    /// ways, so the comparison with the old workbook covers both.
    func testBothWaysOfMakingRowsAreCovered() throws {
        var wide = false, narrow = false
        for (_, report) in try reports() {
            for table in ReportTables(report, language: .zh).allRows where table.columns.contains(where: \.wrap) {
                let sheet = XLSXWriter.Sheet(rows: table, widths: [], selected: false)
                let pieces = Parallel.chunks(table.count, size: XLSXWriter.rowsPerPiece)
                let widths = XLSXWriter.widths(table, measured: try sheet.deflatedRows(pieces, level: 1).map(\.widest))
                for (col, w) in zip(table.columns, widths) where col.wrap {
                    if w == XLSXWriter.maxWrappedWidth { wide = true } else { narrow = true }
                }
            }
        }
        XCTAssertTrue(wide, "some wrapped column is at its widest: its rows are made once")
        XCTAssertTrue(narrow, "some wrapped column is narrower: its rows are made again")
    }

    /// Every character measured on bytes as `TextTools.width` measures it.
    func testDisplayWidthOnBytesOfEveryCharacter() {
        var wrong: [String] = []
        for v in UInt32(0x20)...0x2_FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            var bytes = Array(text.utf8)
            let measured = bytes.withUnsafeMutableBufferPointer { TextTools.displayWidth(UnsafeBufferPointer($0)) }
            if measured != TextTools.displayWidth(text) { wrong.append(String(v, radix: 16)) }
        }
        XCTAssertEqual(wrong.prefix(10), [])
    }

    /// The byte measures of a text cell give what the String ones gave.
    func testCellTextMeasuresEqualTheStringOnes() {
        let texts = ["", "达标", "a\nb", "第一行\n第二行很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长", "\n", "a\n",
                     "x\r\ny", "x\n\u{301}y", "x\n\u{FE0F}", "😀 emoji\n中", "tab\there", "  lead", "e\u{301}\ncafé"]
        for text in texts {
            var bytes = Array(text.utf8)
            bytes.withUnsafeMutableBufferPointer { b in
                let buffer = UnsafeBufferPointer(b)
                XCTAssertEqual(TextTools.displayWidth(buffer), TextTools.displayWidth(text), text.debugDescription)
                let cell = XLSXWriter.CellText(buffer)
                XCTAssertEqual(cell.hasLineBreak, text.contains("\n"), text.debugDescription)
                for wraps in [true, false] {
                    for room in [1.0, 4.5, 38.5] {
                        let old = wraps || text.contains("\n") ? XLSXWriter.lines(text, wraps: wraps, room: room) : 1
                        XCTAssertEqual(cell.lines(wraps: wraps, room: room), old, "\(text.debugDescription) \(wraps) \(room)")
                    }
                }
            }
        }
    }
}
