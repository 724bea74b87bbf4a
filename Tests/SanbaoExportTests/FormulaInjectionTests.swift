import Foundation
import SanbaoCore
@testable import SanbaoExport
import XCTest

/// A text that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) is written so a
/// spreadsheet shows it as text (issue 16, OWASP "CSV injection"): in CSV behind a single
/// quote, in XLSX as a string cell, never a formula; in HTML escaped.
final class FormulaInjectionTests: XCTestCase {
    static let hyperlink = #"=HYPERLINK("http://x","y")"#
    static let household = "621121103201-0009"

    /// The demo with formula-like texts in a head's name, a cadre's name, a group, and a
    /// check's measures on household 0009.
    static func hostileDataset() -> Dataset {
        var d = Demo.dataset
        let i = d.households.firstIndex { $0.id == household }!
        let head = d.households[i].members.firstIndex { $0.relation == .head } ?? 0
        d.households[i].members[head].name = hyperlink
        d.households[i].address.group = "-1+1"
        let c = d.cadres.firstIndex { $0.id == "c3" }!
        d.cadres[c].name = "@SUM(1+1)"
        d.checks.append(Check(id: "20261125-formula", householdID: household, date: Demo.date, cadreID: "c1",
                              recordedAt: "2026-11-25T08:00:00Z",
                              findings: [.water: Finding(state: .notMet, note: "+8613912345678")],
                              measures: ["\t=1+1", "\r-2"], note: "=cmd|' /C calc'!A0"))
        return d
    }

    /// Cells a spreadsheet would evaluate: text starting with = + - @, tab or CR.
    func formulaLike(_ rows: [[String]]) -> [String] {
        rows.flatMap { $0 }.filter { $0.first.map { "=+-@\t\r".contains($0) } ?? false }
    }

    func testCSVTextCellsStartingLikeAFormulaGetAQuote() throws {
        let report = try Demo.report(Self.hostileDataset())
        for table in TableKind.allCases where table != .clashes {
            let data = try report.render(.csv, options: RenderOptions(csvTable: table))
            assertStrictRFC4180(data)
            let parsed = try parseCSV(data)
            XCTAssertEqual(formulaLike(parsed.rows), [], "\(table)")
        }
        let households = try parseCSV(try report.render(.csv))
        let id = households.header.firstIndex(of: "户ID")!
        let row = try XCTUnwrap(households.rows.first { $0[id] == Self.household })
        XCTAssertEqual(row[households.header.firstIndex(of: "户主")!], "'" + Self.hyperlink)
        XCTAssertEqual(row[households.header.firstIndex(of: "组")!], "'-1+1")
        XCTAssertEqual(row[households.header.firstIndex(of: "人口")!], String(Demo.dataset.household(Self.household)!.members.count),
                       "a number stays a number")
        let gaps = try parseCSV(try report.render(.csv, options: RenderOptions(csvTable: .gaps)))
        let measures = gaps.header.firstIndex(of: "商定措施")!
        XCTAssertTrue(gaps.rows.contains { $0[measures] == "'\t=1+1；\r-2" }, "\(gaps.rows.map { $0[measures] })")
        let cadre = gaps.header.firstIndex(of: "帮扶干部")!
        XCTAssertTrue(gaps.rows.contains { $0[cadre] == "'@SUM(1+1)" })
    }

    func testCSVNeutralisesTextButNotNumbers() {
        let table = ReportTable(kind: .summary, title: "t", columns: (0..<9).map { Column("k\($0)", "c\($0)") },
                                rows: [[.int(-5), .text("-5"), .text("+8613912345678"), .text("=1+1"), .text("@x"),
                                        .text("\tx"), .text("\r\nx"), .text("a=b"), .date(LocalDate("2026-01-02")!)]],
                                placeholder: false)
        let csv = String(decoding: CSVWriter.render(TableRows(table), bom: false), as: UTF8.self)
        XCTAssertEqual(csv, "c0,c1,c2,c3,c4,c5,c6,c7,c8\r\n-5,'-5,'+8613912345678,'=1+1,'@x,'\tx,\"'\r\nx\",a=b,2026-01-02\r\n")
    }

    func testXLSXWritesFormulaLikeTextAsAStringNeverAFormula() throws {
        let wb = try Workbook(try Demo.report(Self.hostileDataset()).render(.xlsx))
        for name in wb.sheetNames {
            XCTAssertEqual(try wb.sheet(name).root.descendants("f").count, 0, "\(name): no formula anywhere")
        }
        let households = try wb.sheet("户明细")
        let cell = try XCTUnwrap(households.records.first { $0["户ID"]?.text == Self.household }?["户主"])
        XCTAssertEqual(cell.type, "inlineStr", "a string cell")
        XCTAssertEqual(cell.text, Self.hyperlink, "kept as typed: a string cell is never evaluated")
    }

    func testHTMLEscapesMarkupInNames() throws {
        var d = Self.hostileDataset()
        let i = d.households.firstIndex { $0.id == Self.household }!
        let head = d.households[i].members.firstIndex { $0.relation == .head } ?? 0
        d.households[i].members[head].name = "<script>alert(1)</script>&amp;"
        let html = String(decoding: try Demo.report(d).render(.html), as: UTF8.self)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;"))
    }
}
