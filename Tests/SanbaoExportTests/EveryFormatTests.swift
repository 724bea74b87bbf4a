import Foundation
import SanbaoCore
@testable import SanbaoExport
import XCTest

/// What must hold in every format: notes with commas, quotes, line breaks and Chinese
/// survive; an empty selection gives a valid file that says so; ID numbers are masked
/// unless asked for.
final class EveryFormatTests: XCTestCase {
    // MARK: Notes

    func testNotesSurviveXLSX() throws {
        let wb = try Workbook(try Demo.report(Demo.datasetWithHardNote()).render(.xlsx))
        let households = try wb.sheet("户明细")
        let notes = households.column("期内走访记录")
        func note(_ id: String) -> String {
            households.records.first { $0["户ID"]?.text == id }?["期内走访记录"]?.text ?? ""
        }
        XCTAssertTrue(note("621121103201-0016").contains(Demo.demoNote), "the demo's note with comma, quote, newline")
        XCTAssertTrue(note("621121103201-0005").contains(Demo.hardNoteRead), note("621121103201-0005"))
        XCTAssertNotNil(households.cell(notes, 2))
        let gaps = try wb.sheet("问题清单")
        let water = try XCTUnwrap(gaps.records.first { $0["户ID"]?.text == "621121103201-0005" && $0["指标"]?.text == "饮水" })
        XCTAssertTrue(water["原因"]?.text.contains(Demo.hardFinding) ?? false)
        XCTAssertEqual(water["商定措施"]?.text, "联系水务站, \"维修\"\n水窖")
        // Line breaks are kept inside the XML text (in the cell: inline strings), and the cell wraps.
        let xml = String(decoding: try wb.part(wb.sheetPaths[wb.sheetNames.firstIndex(of: "户明细")!]), as: UTF8.self)
        XCTAssertTrue(xml.contains("逗号,\n第二行 &amp; &lt;b&gt;"))
        let cell = try XCTUnwrap(households.records.first { $0["户ID"]?.text == "621121103201-0005" }?["期内走访记录"])
        XCTAssertEqual(wb.styleFormats.count, 5)
        XCTAssertNotNil(try wb.sheet("户明细").root.descendants("c").first { $0["s"] == String(cell.style) })
    }

    func testNotesSurviveCSV() throws {
        let report = try Demo.report(Demo.datasetWithHardNote())
        for bom in [true, false] {
            let data = try report.render(.csv, options: RenderOptions(bom: bom))
            assertStrictRFC4180(data)
            let parsed = try parseCSV(data)
            let id = parsed.header.firstIndex(of: "户ID")!, notes = parsed.header.firstIndex(of: "期内走访记录")!
            let n5 = try XCTUnwrap(parsed.rows.first { $0[id] == "621121103201-0005" })
            XCTAssertTrue(n5[notes].contains(Demo.hardNote), "CSV keeps the note exactly, CR LF included: \(n5[notes])")
            let n16 = try XCTUnwrap(parsed.rows.first { $0[id] == "621121103201-0016" })
            XCTAssertTrue(n16[notes].contains(Demo.demoNote))
            XCTAssertTrue(n5[parsed.header.firstIndex(of: "饮水情况")!].contains(Demo.hardFinding))
        }
        let gaps = try parseCSV(try report.render(.csv, options: RenderOptions(csvTable: .gaps)))
        let measures = gaps.header.firstIndex(of: "商定措施")!
        XCTAssertTrue(gaps.rows.contains { $0[measures] == "联系水务站, \"维修\"\n水窖" })
    }

    func testNotesSurviveJSON() throws {
        let data = try Demo.report(Demo.datasetWithHardNote()).render(.json)
        let back = try SummaryReport.decode(data, name: "notes.json")
        let n5 = try XCTUnwrap(back.households.first { $0.id == "621121103201-0005" })
        XCTAssertEqual(n5.notes.last?.text, Demo.hardNote, "JSON keeps the note exactly, CR LF included")
        XCTAssertTrue(n5.indicators.water.reasons.contains { $0.zh == Demo.hardFinding && $0.en == Demo.hardFinding })
        let n16 = try XCTUnwrap(back.households.first { $0.id == "621121103201-0016" })
        XCTAssertTrue(n16.notes.contains { $0.text == Demo.demoNote && $0.date == LocalDate("2026-03-17") })
        // And read with JSONSerialization, not only our own decoder.
        let raw = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let households = try XCTUnwrap(raw["households"] as? [[String: Any]])
        let notes = try XCTUnwrap(households.first { $0["id"] as? String == "621121103201-0005" }?["notes"] as? [[String: Any]])
        XCTAssertEqual(notes.last?["text"] as? String, Demo.hardNote)
    }

    func testNotesSurviveHTML() throws {
        let page = try Python.readHTML(try Demo.report(Demo.datasetWithHardNote()).render(.html), test: self)
        let cells = page.text["td"] ?? []
        XCTAssertTrue(cells.contains { $0.contains(Demo.hardNoteRead) }, "the note, unescaped by a real HTML parser")
        XCTAssertTrue(cells.contains { $0.contains(Demo.demoNote) })
        XCTAssertTrue(cells.contains { $0.contains(Demo.hardFinding) })
        XCTAssertNil(page.tags["b"], "<b> in a note is text, not markup")
    }

    // MARK: Empty selection

    func testEmptySelectionGivesValidFilesThatSaySo() throws {
        let report = try Demo.report { $0.villageCodes = ["621121103299"] }
        XCTAssertTrue(report.isEmpty)
        XCTAssertEqual(report.counts.households, 0)

        let wb = try Workbook(try report.render(.xlsx))
        XCTAssertEqual(wb.sheetNames.count, 4)
        XCTAssertEqual(try wb.sheet("户明细").text(0, 2), "没有符合条件的户")
        XCTAssertEqual(try wb.sheet("问题清单").text(0, 2), "没有符合条件的户")
        XCTAssertTrue(try wb.sheet("概况").records.contains { $0["内容"]?.text == "没有符合条件的户" })
        XCTAssertEqual(try wb.sheet("户明细").pane?["state"], "frozen")

        for table in [TableKind.households, .gaps] {
            let data = try report.render(.csv, options: RenderOptions(language: .en, csvTable: table))
            assertStrictRFC4180(data)
            let parsed = try parseCSV(data)
            XCTAssertEqual(parsed.rows.count, 1)
            XCTAssertEqual(parsed.rows[0].first, "no households selected")
        }
        let summary = try parseCSV(try report.render(.csv, options: RenderOptions(csvTable: .summary)))
        XCTAssertEqual(summary.rows.count, 6, "the 'all' scope, with zero households")
        XCTAssertTrue(summary.rows.allSatisfy { $0[5] == "0" })

        let raw = try XCTUnwrap(try JSONSerialization.jsonObject(with: try report.render(.json)) as? [String: Any])
        XCTAssertEqual(raw["empty"] as? Bool, true)
        XCTAssertEqual((raw["households"] as? [Any])?.count, 0)

        let page = try Python.readHTML(try report.render(.html), test: self)
        XCTAssertEqual(page.problems, [])
        XCTAssertTrue((page.text["p"] ?? []).contains("没有符合条件的户"))
    }

    func testNoFailingIndicatorSaysSo() throws {
        let one = try Demo.report { $0.villageCodes = [Demo.village] }
        let passing = one.households.first(where: \.meetsStandard)!
        var d = Demo.dataset
        d.households = d.households.filter { $0.id == passing.id }
        let report = try Demo.report(d)
        XCTAssertTrue(report.gaps.isEmpty)
        let gaps = try parseCSV(try report.render(.csv, options: RenderOptions(csvTable: .gaps)))
        XCTAssertEqual(gaps.rows.map { $0[0] }, ["没有未达标的指标"])
    }

    // MARK: Masking

    /// Every text an output holds: for XLSX, all its XML parts.
    func texts(_ report: SummaryReport) throws -> [String: String] {
        var out: [String: String] = [:]
        for format in [ExportFormat.json, .html] {
            out[format.rawValue] = String(decoding: try report.render(format), as: UTF8.self)
        }
        for table in TableKind.allCases {
            out["csv-" + table.rawValue] = String(decoding: try report.render(.csv, options: RenderOptions(csvTable: table)), as: UTF8.self)
        }
        let wb = try Workbook(try report.render(.xlsx))
        out["xlsx"] = wb.parts.values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        return out
    }

    func testIDNumbersAreMaskedUnlessAskedFor() throws {
        let ids = Demo.allIDNumbers
        XCTAssertGreaterThan(ids.count, 40)
        let masked = try texts(try Demo.report())
        for (format, text) in masked {
            for id in ids { XCTAssertFalse(text.contains(id), "\(format) holds \(id) in full") }
        }
        for format in ["json", "html", "csv-households", "xlsx"] {
            XCTAssertTrue(masked[format]!.contains(IDNumber.masked(Demo.headIDNumbers[0])), "\(format) holds the masked number")
        }
        let full = try texts(try Demo.report { $0.fullIDs = true })
        for format in ["json", "html", "csv-households", "xlsx"] {
            for id in Demo.headIDNumbers { XCTAssertTrue(full[format]!.contains(id), "\(format) holds \(id) with --full-ids") }
        }
        let report = try Demo.report()
        XCTAssertEqual(report.idNumbers, .masked)
        let h = try XCTUnwrap(report.households.first)
        XCTAssertEqual(h.headIDNumber, IDNumber.masked(Demo.dataset.household(h.id)!.head!.idNumber!))
    }
}
