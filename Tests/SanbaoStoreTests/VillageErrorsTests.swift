import Foundation
import SanbaoCore
import SanbaoSamples
@testable import SanbaoStore
import XCTest

/// An import checks the county it would leave behind village by village (`VillageErrors`):
/// the errors must be exactly the whole validator's, in its order, and where the villages
/// do not stand alone the whole is checked instead.
final class VillageErrorsTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 25)!

    func county() -> Dataset { Generator.make(households: 900, seed: 5, asOf: today) }

    func whole(_ d: Dataset) -> [DataProblem] {
        Validator(today: today).problems(in: d).filter { $0.severity == .error }
    }

    func testErrorsInSeveralVillagesAreTheWholesInItsOrder() throws {
        var d = county()
        let villages = Set(d.households.map(\.address.villageCode))
        XCTAssertGreaterThan(villages.count, 1)
        d.checks[0].cadreID = "nobody"
        d.checks[40].date = LocalDate(year: 2027, month: 1, day: 1)!
        d.checks[d.checks.count - 1].supersedes = d.checks[d.checks.count - 1].id
        d.households[3].members[0].idNumber = "123"
        d.households[d.households.count - 2].members[0].idNumber = "621121197005120139"
        d.households[d.households.count - 2].pairings[0].cadreID = "nobody"
        XCTAssertNotNil(VillageErrors.villages(of: d), "the villages stand alone: the fast way is taken")
        let expected = whole(d)
        XCTAssertGreaterThanOrEqual(expected.count, 6)
        XCTAssertEqual(VillageErrors.of(d, Validator(today: today)), expected)
        XCTAssertEqual(VillageErrors.of(county(), Validator(today: today)), [], "a clean county has none")
        // As an import runs it: the cut made first, the check ids known distinct.
        XCTAssertEqual(VillageErrors.of(d, Validator(today: today), cut: VillageCut(d), checkIDsDistinct: true), expected)
    }

    /// The cut by ids puts every record where its household is, in the dataset's order.
    func testTheCutPutsEachRecordInItsHouseholdsVillage() throws {
        let d = county()
        let cut = try XCTUnwrap(VillageCut(d))
        XCTAssertEqual(cut.codes, d.households.map(\.address.villageCode).reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
        let village = Dictionary(uniqueKeysWithValues: d.households.map { ($0.id, $0.address.villageCode) })
        for (p, code) in cut.codes.enumerated() {
            XCTAssertEqual(cut.households[p], d.households.indices.filter { d.households[$0].address.villageCode == code })
            XCTAssertEqual(cut.checks[p], d.checks.indices.filter { village[d.checks[$0].householdID] == code })
            XCTAssertEqual(cut.edits[p], d.edits.indices.filter { village[d.edits[$0].householdID] == code })
        }
        XCTAssertEqual(cut.checks.joined().count, d.checks.count)
    }

    func testWhereVillagesDoNotStandAloneTheWholeIsChecked() throws {
        var breaks: [(String, (inout Dataset) -> Void)] = []
        breaks.append(("a household id twice", { $0.households.append($0.households[0]) }))
        breaks.append(("a check id twice", { $0.checks.append($0.checks[0]) }))
        breaks.append(("a check of no household", { $0.checks[2].householdID = "621121103201-9999" }))
        breaks.append(("a correction of another village's check", { d in
            let village = Dictionary(d.households.map { ($0.id, $0.address.villageCode) }, uniquingKeysWith: { a, _ in a })
            let here = village[d.checks[0].householdID]
            let other = d.checks.last { c in village[c.householdID] != here }!
            d.checks[0].supersedes = other.id
        }))
        breaks.append(("a correction of no check", { $0.checks[1].supersedes = "20260101-00000000" }))
        breaks.append(("a check id in two villages", { d in
            let village = Dictionary(d.households.map { ($0.id, $0.address.villageCode) }, uniquingKeysWith: { a, _ in a })
            var copy = d.checks[0]
            copy.householdID = d.households.first { $0.address.villageCode != village[copy.householdID] }!.id
            d.checks.append(copy)
        }))

        for (what, change) in breaks {
            var d = county()
            change(&d)
            XCTAssertNil(VillageErrors.villages(of: d), what)
            XCTAssertEqual(VillageErrors.of(d, Validator(today: today)), whole(d), what)
            XCTAssertFalse(whole(d).isEmpty, "\(what) is an error")
        }
        // Not an error, but a household id that does not name its village: the cut by
        // ids cannot be trusted, and the whole is checked.
        var d = county()
        d.households[0].address.villageCode = d.households.first { $0.address.villageCode != d.households[0].address.villageCode }!.address.villageCode
        d.checks[0].cadreID = "nobody"
        XCTAssertNil(VillageCut(d))
        XCTAssertNil(VillageErrors.villages(of: d))
        XCTAssertEqual(VillageErrors.of(d, Validator(today: today)), whole(d))
    }
}
