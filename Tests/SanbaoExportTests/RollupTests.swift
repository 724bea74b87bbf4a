import Foundation
import SanbaoCore
@testable import SanbaoExport
import XCTest

/// The township roll-up: overlapping households (the later check wins, the clash is
/// listed) and inputs judged with different thresholds (flagged).
final class RollupTests: XCTestCase {
    static let revisited = "621121103201-0001"

    /// The demo plus a later visit to household 0001 that finds the water not met.
    static func laterDataset() -> Dataset {
        var d = Demo.dataset
        d.checks.append(Check(id: "20261125-later", householdID: revisited, date: Demo.date, cadreID: "c1",
                              recordedAt: "2026-11-25T11:00:00Z",
                              findings: [.water: Finding(state: .notMet, note: "水管冻裂，停水")],
                              measures: ["联系水务站抢修"], followUp: LocalDate("2026-12-01")))
        return d
    }

    /// a.json: cadre 何志刚's households from the demo; b.json: the whole village from a
    /// directory that also holds the later visit. Every household of a.json is in b.json.
    func inputs() throws -> [(name: String, data: Data)] {
        let a = try Demo.report { $0.cadre = "何志刚" }
        let b = try Demo.report(Self.laterDataset())
        return [("a.json", try a.render(.json)), ("b.json", try b.render(.json))]
    }

    func testLaterCheckWinsAndClashesAreListed() throws {
        let files = try inputs()
        let a = try SummaryReport.decode(files[0].data, name: "a.json")
        let report = try Rollup.combine(files: files, generatedAt: Demo.generatedAt)
        XCTAssertEqual(report.kind, .rollup)
        XCTAssertEqual(report.households.count, 44, "each household once")
        XCTAssertEqual(Set(report.households.map(\.id)).count, 44)
        XCTAssertEqual(report.clashes.count, a.households.count, "every household of a.json is also in b.json")

        let clash = try XCTUnwrap(report.clashes.first { $0.householdID == Self.revisited })
        XCTAssertEqual(clash.kept, "b.json")
        XCTAssertEqual(clash.resolution, .laterCheck)
        XCTAssertEqual(clash.entries.map(\.file), ["a.json", "b.json"])
        XCTAssertEqual(clash.entries[1].lastCheck?.id, "20261125-later")
        let kept = try XCTUnwrap(report.households.first { $0.id == Self.revisited })
        XCTAssertEqual(kept.indicators.water.state, .notMet)
        XCTAssertEqual(kept.source, "b.json")
        XCTAssertTrue(report.gaps.contains { $0.householdID == Self.revisited && $0.indicator == .water && $0.measures == ["联系水务站抢修"] })

        // Households with the same latest check in both files: the first file's record.
        let same = try XCTUnwrap(report.clashes.first { $0.resolution == .sameCheck })
        XCTAssertEqual(same.kept, "a.json")
        // The never-visited household of 何志刚 (0006).
        XCTAssertEqual(report.clashes.first { $0.householdID == "621121103201-0006" }?.resolution, .noChecks)

        // Totals are recomputed from the kept records: the later directory's summary.
        XCTAssertEqual(report.totals.all, TallyRecord(Summary(Self.laterDataset(), on: Demo.date).total))
        XCTAssertEqual(report.counts.gaps, Self.laterDataset().assessments(on: Demo.date).reduce(0) { $0 + $1.failing.count })
        XCTAssertTrue(report.thresholdMismatches.isEmpty)
        XCTAssertEqual(report.sources.map(\.file), ["a.json", "b.json"])
        XCTAssertEqual(report.sources.map(\.households), [a.households.count, 44])
        XCTAssertTrue(report.warnings.contains { $0.en.contains("more than one file") })
    }

    func testOrderOfInputsDoesNotChangeTheWinner() throws {
        let files = try inputs()
        let report = try Rollup.combine(files: files.reversed(), generatedAt: Demo.generatedAt)
        let clash = try XCTUnwrap(report.clashes.first { $0.householdID == Self.revisited })
        XCTAssertEqual(clash.kept, "b.json")
        XCTAssertEqual(report.households.first { $0.id == Self.revisited }?.indicators.water.state, .notMet)
    }

    func testDifferentThresholdsAreFlagged() throws {
        var strict = Demo.dataset
        strict.rules.visitIntervalDays = 14
        let a = try Demo.report { $0.cadre = "何志刚" }
        let c = try Demo.report(strict) { $0.cadre = "王晓燕" }
        let report = try Rollup.combine([Rollup.Input(name: "a.json", report: a), Rollup.Input(name: "c.json", report: c)],
                                        generatedAt: Demo.generatedAt)
        XCTAssertEqual(report.thresholdMismatches, ["c.json"])
        XCTAssertEqual(report.sources.map(\.thresholdsMatch), [true, false])
        XCTAssertEqual(report.thresholds, Demo.dataset.rules, "the first input's thresholds")
        XCTAssertTrue(report.clashes.isEmpty)
        XCTAssertTrue(report.warnings.contains { $0.zh.contains("c.json 的判定标准与 a.json 不同") })

        // The flag is in the header of every format.
        let wb = try Workbook(try report.render(.xlsx))
        XCTAssertEqual(wb.sheetNames, ["概况", "汇总", "户明细", "问题清单", "重复户"])
        let overview = try wb.sheet("概况").records
        XCTAssertTrue(overview.contains { $0["项目"]?.text == "注意" && ($0["内容"]?.text.contains("c.json") ?? false) })
        XCTAssertTrue(overview.contains { $0["项目"]?.text == "来源文件" && ($0["内容"]?.text.contains("（判定标准不同）") ?? false) })
        XCTAssertEqual(try wb.sheet("重复户").text(0, 2), "没有重复户")
        let html = String(decoding: try report.render(.html), as: UTF8.self)
        XCTAssertTrue(html.contains("<p class=\"warn\">c.json 的判定标准与 a.json 不同"))
        let raw = try XCTUnwrap(try JSONSerialization.jsonObject(with: try report.render(.json)) as? [String: Any])
        XCTAssertEqual(raw["threshold_mismatches"] as? [String], ["c.json"])
    }

    func testClashesInEveryFormat() throws {
        let report = try Rollup.combine(files: try inputs(), generatedAt: Demo.generatedAt)
        let wb = try Workbook(try report.render(.xlsx))
        let sheet = try wb.sheet("重复户")
        XCTAssertEqual(sheet.records.count, report.clashes.count)
        let row = try XCTUnwrap(sheet.records.first { $0["户ID"]?.text == Self.revisited })
        XCTAssertEqual(row["采用文件"]?.text, "b.json")
        XCTAssertTrue(row["出现于"]?.text.contains("b.json：2026-11-25（20261125-later") ?? false)
        XCTAssertEqual(try wb.sheet("户明细").headings.last, "来源文件")

        let csv = try parseCSV(try report.render(.csv, options: RenderOptions(language: .en, csvTable: .clashes)))
        XCTAssertEqual(csv.rows.count, report.clashes.count)
        XCTAssertTrue(csv.rows.contains { $0[0] == Self.revisited && $0[3] == "b.json" && $0[4] == "kept the later check" })

        let page = try Python.readHTML(try report.render(.html), test: self)
        XCTAssertEqual(page.problems, [])
        XCTAssertTrue((page.text["h2"] ?? []).contains("重复户"))

        // A roll-up is itself a summary: it validates and can be rolled up again.
        let json = try report.render(.json)
        try Python.validateSummaries(["rollup.json": json], test: self)
        let again = try Rollup.combine(files: [("township.json", json)], generatedAt: Demo.generatedAt)
        XCTAssertEqual(again.totals, report.totals)
    }

    func testRollupMasksFullIDNumbersUnlessAskedFor() throws {
        let full = try Demo.report { $0.fullIDs = true }
        let data = try full.render(.json)
        let masked = try Rollup.combine(files: [("full.json", data)], generatedAt: Demo.generatedAt)
        XCTAssertEqual(masked.idNumbers, .masked)
        let text = String(decoding: try masked.render(.json), as: UTF8.self)
        for id in Demo.headIDNumbers { XCTAssertFalse(text.contains(id)) }
        let kept = try Rollup.combine(files: [("full.json", data)], generatedAt: Demo.generatedAt, fullIDs: true)
        XCTAssertEqual(kept.idNumbers, .full)
        XCTAssertEqual(kept.households.first?.headIDNumber, full.households.first?.headIDNumber)
    }

    func testBadInputIsADataError() throws {
        let good = try inputs()[0]
        XCTAssertThrowsError(try Rollup.combine(files: [good, ("notes.txt", Data("hello".utf8))], generatedAt: Demo.generatedAt)) { e in
            XCTAssertEqual((e as? ExportError)?.isUsage, false)
            XCTAssertTrue((e as? ExportError)?.message.zh.contains("notes.txt") ?? false)
        }
        XCTAssertThrowsError(try Rollup.combine(files: [], generatedAt: Demo.generatedAt))
    }
}
