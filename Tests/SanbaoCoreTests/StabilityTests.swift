import SanbaoCore
import SanbaoSamples
import XCTest

/// `Assessor.nextChange` promises that nothing the roster shows (states, last check,
/// follow-up, cadre) changes before the date it gives. Checked on generated data
/// against a fresh assessment on many later days.
final class StabilityTests: XCTestCase {
    func testNothingChangesBeforeTheNextChangeDate() {
        let asOf = LocalDate(year: 2026, month: 11, day: 25)!
        let data = Generator.make(households: 800, seed: 3, asOf: asOf)
        let assessor = Assessor(config: data.rules)
        let checks = Dictionary(grouping: data.checks, by: \.householdID)
        var compared = 0
        for judged in [asOf, asOf.adding(days: -200)] {
            for h in data.households {
                let own = checks[h.id] ?? []
                let base = assessor.assess(h, checks: own, on: judged)
                let next = assessor.nextChange(of: h, checks: own, after: judged)
                XCTAssertGreaterThan(next, judged)
                for days in stride(from: 1, through: 420, by: 11) {
                    let day = judged.adding(days: days)
                    guard day < next else { break }
                    let later = assessor.assess(h, checks: own, on: day)
                    compared += 1
                    XCTAssertEqual(later.indicators.mapValues(\.state), base.indicators.mapValues(\.state), "\(h.id) on \(day)")
                    XCTAssertEqual(later.lastCheck, base.lastCheck)
                    XCTAssertEqual(later.followUp, base.followUp)
                    XCTAssertEqual(h.cadreID(on: day), h.cadreID(on: judged))
                }
            }
        }
        XCTAssertGreaterThan(compared, 800)
    }

    func testSchoolAgeBirthdaysAndDatedChecksAreChangeDates() {
        let d = { (s: String) in LocalDate(s)! }
        var child = Member(id: 2, name: "小明", sex: .male, idNumber: nil, birthDate: d("2020-12-10"), relation: .son)
        child.school = nil
        let h = Household(id: "h1", number: "1",
                          address: Address(province: "", city: "", county: "", township: "", village: "", group: "", villageCode: ""),
                          phone: "", type: .ordinaryPoor, causes: PovertyCauses(main: .illness),
                          status: PovertyStatus(outOfPovertyYear: 2019),
                          members: [Member(id: 1, name: "父", sex: .male, idNumber: nil, birthDate: d("1990-01-01"), relation: .head), child],
                          pairings: [Pairing(cadreID: "c1", start: d("2020-01-01"))])
        let a = Assessor()
        XCTAssertEqual(a.nextChange(of: h, checks: [], after: d("2026-11-25")), d("2026-12-10"))
        XCTAssertEqual(a.nextChange(of: h, checks: [], after: d("2026-12-10")), d("2027-01-01"))
        let ahead = Check(id: "k", householdID: "h1", date: d("2026-11-30"), cadreID: "c1", recordedAt: "x", findings: [:])
        XCTAssertEqual(a.nextChange(of: h, checks: [ahead], after: d("2026-11-25")), d("2026-11-30"))
        XCTAssertTrue(a.isOverdue(lastCheck: nil, on: d("2026-11-25")))
        XCTAssertFalse(a.isOverdue(lastCheck: d("2026-10-26"), on: d("2026-11-25")))
        XCTAssertTrue(a.isOverdue(lastCheck: d("2026-10-25"), on: d("2026-11-25")))
    }

    func testStateSetPacksEveryState() {
        var s = StateSet()
        XCTAssertTrue(Indicator.allCases.allSatisfy { s[$0] == .unchecked })
        for (k, i) in Indicator.allCases.enumerated() { s[i] = IndicatorState.allCases[k % IndicatorState.allCases.count] }
        XCTAssertEqual(StateSet(bits: s.bits), s)
        XCTAssertEqual(StateSet(s.dictionary), s)
        XCTAssertNil(StateSet(bits: UInt32.max))
        XCTAssertFalse(s.meetsStandard)
        XCTAssertTrue(StateSet(Dictionary(uniqueKeysWithValues: Indicator.allCases.map { ($0, .met) })).meetsStandard)
    }
}
