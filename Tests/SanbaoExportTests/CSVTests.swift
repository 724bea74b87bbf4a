import Foundation
import SanbaoCore
@testable import SanbaoExport
import XCTest

/// CSV files are read back with yaslab/CSV.swift and checked byte by byte for RFC 4180
/// framing (CR LF, quoting), then compared with the domain's summary and roster.
final class CSVTests: XCTestCase {
    func csv(_ report: SummaryReport, _ table: TableKind = .households, bom: Bool = true,
             language: Language = .zh) throws -> Data {
        try report.render(.csv, options: RenderOptions(language: language, csvTable: table, bom: bom))
    }

    func testHouseholdsByDefaultWithBOMAndCRLF() throws {
        let data = try SummaryReport(Demo.dataset, Demo.request()).render(.csv)
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 BOM by default")
        assertStrictRFC4180(data)
        let parsed = try parseCSV(data)
        XCTAssertEqual(parsed.header.first, "户编号", "the BOM is not part of the first heading")
        XCTAssertEqual(parsed.rows.count, 44)
        let roster = Dictionary(uniqueKeysWithValues: Demo.dataset.roster(on: Demo.date).map { ($0.id, $0) })
        let id = try XCTUnwrap(parsed.header.firstIndex(of: "户ID"))
        let last = try XCTUnwrap(parsed.header.firstIndex(of: "上次走访"))
        for row in parsed.rows {
            XCTAssertEqual(row.count, parsed.header.count)
            let r = try XCTUnwrap(roster[row[id]])
            for i in Indicator.allCases {
                XCTAssertEqual(row[parsed.header.firstIndex(of: i.zh)!], r.state(i).label.zh, "\(r.id) \(i)")
            }
            XCTAssertEqual(row[last], r.lastCheck?.description ?? "")
        }
    }

    func testNoBOM() throws {
        let data = try csv(try Demo.report(), bom: false)
        XCTAssertEqual(Array(data.prefix(3)), Array("户".utf8))
        assertStrictRFC4180(data)
    }

    func testSummaryTableEqualsDomainSummary() throws {
        let summary = Summary(Demo.dataset, on: Demo.date)
        let data = try csv(try Demo.report(), .summary, language: .en)
        assertStrictRFC4180(data)
        let parsed = try parseCSV(data)
        XCTAssertEqual(parsed.header, ["Level", "Village code", "Village", "Group", "Indicator", "Households", "Met", "Not met",
                                       "Follow-up", "Unchecked", "Not applicable", "Households meeting all six", "Overdue households"])
        XCTAssertEqual(parsed.rows.count, 42)
        for row in parsed.rows {
            let tally: Tally
            switch row[0] {
            case "all": tally = summary.total
            case "village": tally = try XCTUnwrap(summary.byVillage[row[1]])
            case "group": tally = try XCTUnwrap(summary.group(row[1], row[3]))
            default: XCTFail("level \(row[0])"); continue
            }
            let i = try XCTUnwrap(Indicator.allCases.first { $0.label.en == row[4] })
            XCTAssertEqual(Int(row[5]), tally.households)
            XCTAssertEqual(row[6...10].map { Int($0)! },
                           [tally.count(i, .met), tally.count(i, .notMet), tally.count(i, .followUp),
                            tally.count(i, .unchecked), tally.count(i, .notApplicable)], "\(row[0]) \(row[3]) \(i)")
            XCTAssertEqual(Int(row[11]), tally.meetingStandard)
            XCTAssertEqual(Int(row[12]), tally.overdue)
        }
    }

    func testGapTable() throws {
        let data = try csv(try Demo.report(), .gaps)
        assertStrictRFC4180(data)
        let parsed = try parseCSV(data)
        let failing = Demo.dataset.assessments(on: Demo.date).reduce(0) { $0 + $1.failing.count }
        XCTAssertEqual(parsed.rows.count, failing)
        XCTAssertEqual(parsed.header.prefix(3), ["户编号", "户ID", "户主"])
    }

    func testFieldQuoting() {
        XCTAssertEqual(CSVWriter.field("plain 中文"), "plain 中文")
        XCTAssertEqual(CSVWriter.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVWriter.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVWriter.field("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(CSVWriter.field("cr\r"), "\"cr\r\"")
        XCTAssertEqual(CSVWriter.field(""), "")
    }
}
