import Foundation
import SanbaoCore
import SanbaoSamples
@testable import SanbaoExport
import XCTest

/// The fast report builder (pieces on every core, checks found by position, no sort when the
/// households are in order) gives exactly the report of the straightforward one
/// (`ReferenceBuilder`), on generated county-shaped data and on data made awkward on purpose.
final class BuilderEquivalenceTests: XCTestCase {
    static let asOf = Demo.date
    static let generated = Generator.make(households: 2000, seed: 7, asOf: asOf)

    /// The demo's request (judged on the day the generated data is as of).
    func request(_ change: (inout ExportRequest) -> Void = { _ in }) -> ExportRequest { Demo.request(change) }

    func assertSameReport(_ dataset: Dataset, _ request: ExportRequest, _ what: String,
                          file: StaticString = #filePath, line: UInt = #line) throws {
        let fast = try SummaryReport(dataset, request)
        let reference = try ReferenceBuilder.report(dataset, request)
        // The first difference only: a whole report in a failure message is unreadable.
        func firstDifference<T: Equatable>(_ a: [T], _ b: [T]) -> String? {
            if let i = a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) { return "#\(i): \(a[i])\nreference: \(b[i])" }
            return a.count == b.count ? nil : "\(a.count) vs \(b.count) in the reference"
        }
        XCTAssertNil(firstDifference(fast.households, reference.households), "\(what): households", file: file, line: line)
        XCTAssertNil(firstDifference(fast.gaps, reference.gaps), "\(what): gaps", file: file, line: line)
        XCTAssertTrue(fast == reference, "\(what): the whole report", file: file, line: line)
        XCTAssertTrue(try fast.jsonData() == reference.jsonData(), "\(what): the same JSON bytes", file: file, line: line)
        let totals = ReferenceBuilder.totals(fast.households)
        XCTAssertTrue(fast.totals.all == totals.all, "\(what): totals", file: file, line: line)
        XCTAssertNil(firstDifference(fast.totals.villages, totals.villages), "\(what): village totals", file: file, line: line)
    }

    func testGeneratedCountyGivesTheSameReport() throws {
        let d = Self.generated
        XCTAssertEqual(d.households.count, 2000)
        try assertSameReport(d, request(), "everything")
        try assertSameReport(d, request { $0.fullIDs = true; $0.from = LocalDate("2026-06-01") }, "full ids, half a year")
        try assertSameReport(d, request { $0.to = LocalDate("2026-05-31")! }, "judged in May")
        let codes = Array(Set(d.households.map(\.address.villageCode))).sorted()
        try assertSameReport(d, request { $0.villageCodes = [codes[1], codes[0]] }, "two villages")
        let cadre = d.cadres[d.cadres.count / 2]
        try assertSameReport(d, request { $0.cadre = cadre.name }, "one cadre")
        try assertSameReport(d, request { $0.villageCodes = ["621121103299"] }, "no household")
    }

    /// Households out of order (a sort is needed), an id that appears twice (its gaps go
    /// where it first appears), a check of no household, an amended check.
    func testAwkwardDataGivesTheSameReport() throws {
        var d = Self.generated
        // A fixed shuffle: reversed blocks, so it is the same on every run.
        d.households = stride(from: 0, to: d.households.count, by: 97).reversed().flatMap { start in
            d.households[start..<min(start + 97, d.households.count)]
        }
        // The twin has gaps, and sorts far from the household whose id it shares.
        let failing = try XCTUnwrap(d.assessments(on: Self.asOf).firstIndex { !$0.meetsStandard })
        var twin = d.households[failing]
        twin.number = "9" + twin.number.dropFirst()
        d.households.append(twin)
        d.households.insert(d.households[500], at: 3)
        d.checks.append(Check(id: "orphan", householdID: "nobody", date: Self.asOf, cadreID: d.cadres[0].id,
                              recordedAt: "2026-11-25T08:00:00Z", findings: [:]))
        if let original = d.checks.first(where: { $0.householdID == twin.id }) {
            var fix = original
            fix.id = "amended-" + original.id
            fix.supersedes = original.id
            fix.findings = [.water: Finding(state: .notMet, note: "水窖漏水")]
            d.checks.append(fix)
        }
        try assertSameReport(d, request(), "awkward data")
        try assertSameReport(Dataset(), request(), "empty data")
    }

    func testMaskedIDNumberEqualsTheDomains() {
        let samples = ["621121197001010237", "62112119700101023X", "", "1", "1234", "12345", "1234567890",
                       "12345678901", "身份证621121197001010237", "6211\r\n21197001010237", "62112119700101023\u{301}",
                       "abc\rdef\nghijk"]
        for s in samples { XCTAssertEqual(TextTools.maskedIDNumber(s), IDNumber.masked(s), s.debugDescription) }
    }
}
