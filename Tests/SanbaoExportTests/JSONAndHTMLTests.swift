import Foundation
import SanbaoCore
@testable import SanbaoExport
import XCTest

/// The JSON summary against docs/schema/summary.schema.json (python3 + jsonschema), and the
/// HTML page read with Python's html.parser.
final class JSONTests: XCTestCase {
    func testDemoSummaryValidatesAgainstTheSchema() throws {
        let report = try Demo.report()
        let empty = try Demo.report { $0.villageCodes = ["621121103299"] }
        let cadre = try Demo.report { $0.cadre = "王晓燕"; $0.fullIDs = true }
        let rollup = try Rollup.combine([Rollup.Input(name: "a.json", report: cadre), Rollup.Input(name: "b.json", report: report)],
                                        generatedAt: Demo.generatedAt)
        try Python.validateSummaries([
            "demo.json": try report.render(.json), "empty.json": try empty.render(.json),
            "cadre.json": try cadre.render(.json), "rollup.json": try rollup.render(.json),
            "notes.json": try Demo.report(Demo.datasetWithHardNote()).render(.json),
        ], test: self)
    }

    func testSchemaRejectsWhatTheCodeWouldNotWrite() throws {
        let good = try XCTUnwrap(try JSONSerialization.jsonObject(with: try Demo.report().render(.json)) as? [String: Any])
        var extra = good
        extra["extra"] = 1
        var badState = good
        var households = good["households"] as! [[String: Any]]
        var indicators = households[0]["indicators"] as! [String: Any]
        indicators["water"] = ["state": "fine", "reasons": []]
        households[0]["indicators"] = indicators
        badState["households"] = households
        let dir = tempDir(self)
        var paths: [String] = []
        for (name, doc) in [("extra.json", extra), ("state.json", badState)] {
            let p = dir + "/" + name
            try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: p))
            paths.append(p)
        }
        let r = try Python.run(Python.validator, [Python.summarySchema] + paths, test: self)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("extra.json: $: Additional properties"), r.stdout)
        XCTAssertTrue(r.stdout.contains("state.json: $.households[0].indicators.water.state"), r.stdout)
    }

    func testTotalsEqualDomainSummaryAndRoundTrip() throws {
        let report = try Demo.report()
        let data = try report.render(.json)
        let back = try SummaryReport.decode(data, name: "demo.json")
        XCTAssertEqual(back, report, "decoding the JSON gives the same report")
        let summary = Summary(Demo.dataset, on: Demo.date)
        XCTAssertEqual(back.totals.all, TallyRecord(summary.total))
        XCTAssertEqual(back.totals.villages.map(\.code), [Demo.village])
        XCTAssertEqual(back.totals.villages[0].tally, TallyRecord(summary.byVillage[Demo.village]!))
        for g in back.totals.villages[0].groups {
            XCTAssertEqual(g.tally, TallyRecord(summary.group(Demo.village, g.group)!), g.group)
        }
        XCTAssertEqual(back.totals.villages[0].groups.map(\.group), ["一组", "二组", "三组", "四组", "五组"])
        // Field names are English and stable; reasons carry both languages.
        let raw = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(raw["format"] as? String, "sanbao-summary")
        XCTAssertEqual(raw["sanbao_version"] as? String, SanbaoVersion.current)
        let h = try XCTUnwrap((raw["households"] as? [[String: Any]])?.first { $0["id"] as? String == "621121103201-0002" })
        let education = try XCTUnwrap((h["indicators"] as? [String: Any])?["education"] as? [String: Any])
        XCTAssertEqual(education["state"] as? String, "not_met")
        let reason = try XCTUnwrap((education["reasons"] as? [[String: String]])?.first)
        XCTAssertEqual(reason["zh"], "张浩宇 14 岁，已辍学")
        XCTAssertEqual(reason["en"], "张浩宇, 14, dropped out")
        let last = try XCTUnwrap(h["last_check"] as? [String: Any])
        XCTAssertNotNil(last["recorded_at"] as? String)
        XCTAssertNotNil(last["id"] as? String)
        XCTAssertEqual((raw["thresholds"] as? [String: Any])?["visit_interval_days"] as? Int, 30)
    }

    func testPeriodCountsVisitsAndDefaultsToTwelveMonths() throws {
        let report = try Demo.report()
        XCTAssertEqual(report.period, SummaryReport.Period(from: LocalDate("2025-11-25")!, to: Demo.date))
        XCTAssertEqual(ExportRequest.yearBefore(LocalDate("2028-02-29")!), LocalDate("2027-02-28")!)
        let history = Demo.dataset.checksByHousehold
        for h in report.households {
            let effective = CheckHistory.effective(history[h.id] ?? []).filter { $0.date <= Demo.date }
            XCTAssertEqual(h.visitsInPeriod, effective.filter { $0.date >= report.period.from }.count, h.id)
            XCTAssertEqual(h.lastCheck?.id, effective.last?.id)
        }
        XCTAssertEqual(report.counts.visitedInPeriod, report.households.filter { $0.visitsInPeriod > 0 }.count)
        // A short period: only the autumn visits count, the states are the same.
        let autumn = try Demo.report { $0.from = LocalDate("2026-09-01") }
        XCTAssertLessThan(autumn.counts.visitedInPeriod, report.counts.visitedInPeriod)
        XCTAssertEqual(autumn.totals, report.totals)
        // An earlier assessment date judges on that date.
        let march = LocalDate("2026-03-31")!
        let earlier = try Demo.report { $0.to = march }
        XCTAssertEqual(earlier.totals.all, TallyRecord(Summary(Demo.dataset, on: march).total))
    }

    func testSelectionByVillageAndCadre() throws {
        let c2 = try Demo.report { $0.cadre = "王晓燕" }
        let paired = Demo.dataset.households.filter { $0.cadreID(on: Demo.date) == "c2" }.map(\.id)
        XCTAssertEqual(Set(c2.households.map(\.id)), Set(paired))
        XCTAssertEqual(c2.cadres.map(\.name), ["王晓燕"])
        XCTAssertEqual(c2.selection.cadre, "王晓燕")
        let village = try Demo.report { $0.villageCodes = [Demo.village] }
        XCTAssertEqual(village.households.count, 44)
        XCTAssertThrowsError(try Demo.report { $0.cadre = "nobody" }) { e in
            XCTAssertEqual((e as? ExportError)?.isUsage, true)
        }
        XCTAssertThrowsError(try Demo.report { $0.villageCodes = ["6211"] }) { e in
            XCTAssertEqual((e as? ExportError)?.isUsage, true)
        }
        XCTAssertThrowsError(try Demo.report { $0.from = LocalDate("2026-12-01") }) { e in
            XCTAssertEqual((e as? ExportError)?.isUsage, true)
        }
    }

    func testNotJSONOrWrongFormatIsADataError() {
        for (name, text) in [("a.json", "not json"), ("b.json", #"{"format": "sanbao-bundle", "schema_version": 1}"#),
                             ("c.json", #"{"format": "sanbao-summary", "schema_version": 9}"#)] {
            XCTAssertThrowsError(try SummaryReport.decode(Data(text.utf8), name: name)) { e in
                let error = e as? ExportError
                XCTAssertEqual(error?.isUsage, false)
                XCTAssertTrue(error?.message.en.contains(name) ?? false, "\(String(describing: error))")
            }
        }
    }
}

final class HTMLTests: XCTestCase {
    func testSelfContainedPrintablePage() throws {
        let data = try Demo.report().render(.html)
        let html = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
        XCTAssertTrue(html.contains("@page { size: A4; margin: 15mm }"))
        XCTAssertFalse(html.contains("<script"), "no scripts")
        XCTAssertFalse(html.contains("<link"), "no external style sheets")
        XCTAssertFalse(html.contains("@import"))
        let page = try Python.readHTML(data, test: self)
        XCTAssertEqual(page.problems, [], "every element is closed in order")
        XCTAssertEqual(page.refs, [], "no src, href or url(): nothing external")
        XCTAssertEqual(page.tags["svg"], 1, "one chart for a single village")
        XCTAssertEqual(page.tags["rect"].map { $0 > 7 }, true)
        let sections = page.text["h2"] ?? []
        XCTAssertEqual(sections, ["概况", "六项指标汇总", "问题清单", "户明细"])
        // The chart is well-formed SVG on its own, as an image viewer would read it.
        let start = try XCTUnwrap(html.range(of: "<svg ")), end = try XCTUnwrap(html.range(of: "</svg>"))
        let svg = try XNode.parse(Data(html[start.lowerBound..<end.upperBound].utf8))
        XCTAssertEqual(svg.name, "svg")
        XCTAssertEqual(svg.descendants("text").count, 7 * 2 + svg.descendants("rect").filter { $0.child("title") != nil && Double($0["width"] ?? "0")! >= 22 }.count)
    }

    func testChartsAndTotalsMatchTheSummary() throws {
        let summary = Summary(Demo.dataset, on: Demo.date)
        let page = try Python.readHTML(try Demo.report().render(.html), test: self)
        let texts = Set(page.text["text"] ?? [])
        for i in Indicator.allCases {
            XCTAssertTrue(texts.contains("达标 \(summary.total.count(i, .met)) / 44"), "\(i) bar label")
        }
        XCTAssertTrue(texts.contains("\(summary.total.meetingStandard) 户达标"))
        let titles = page.text["title"] ?? []
        let notMet = summary.total.count(.housing, .notMet)
        XCTAssertTrue(titles.contains("未达标: \(notMet)"), "segment tooltips give counts")
        // The gap list: one row per failing indicator (plus the heading row of each table).
        let failing = Demo.dataset.assessments(on: Demo.date).reduce(0) { $0 + $1.failing.count }
        let cells = page.text["td"] ?? []
        XCTAssertTrue(cells.contains("12 月陪同到县医院办理慢病卡"))
        XCTAssertGreaterThanOrEqual(page.tags["tr"] ?? 0, failing + 44)
    }

    func testSeveralVillagesGetAChartEach() throws {
        var d = Demo.dataset
        var other = d.households[0]
        other.id = "621121103202-0001"
        other.number = "6211211032020001"
        other.address.village = "岔口村"
        other.address.villageCode = "621121103202"
        d.households.append(other)
        let report = try Demo.report(d)
        XCTAssertEqual(report.villages.map(\.code), [Demo.village, "621121103202"])
        let page = try Python.readHTML(try report.render(.html), test: self)
        XCTAssertEqual(page.tags["svg"], 3, "all, and each of the two villages")
    }
}
