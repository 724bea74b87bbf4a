// The scale generator behind `sanbao generate` and `sanbao-bench`: deterministic, the
// size asked for, valid, and shaped like a county's data (the demo village's mix of
// situations, villages of 100-1,000 households, cadres following 3-30 each).
import XCTest
import SanbaoCore
@testable import SanbaoSamples

final class GeneratorTests: XCTestCase {
    static let asOf = d("2026-11-25")
    /// Built once: the tests below only read it.
    static let county = Generator.make(households: 2000, seed: 42, asOf: asOf)

    private var data: Dataset { Self.county }
    private var asOf: LocalDate { Self.asOf }

    func testSameSeedGivesTheSameDataAndAnotherSeedDoesNot() {
        let a = Generator.make(households: 300, seed: 7, asOf: asOf)
        let b = Generator.make(households: 300, seed: 7, asOf: asOf)
        let c = Generator.make(households: 300, seed: 8, asOf: asOf)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
        XCTAssertNotEqual(a.households.map { $0.members.map(\.name) }, c.households.map { $0.members.map(\.name) },
                          "another seed gives other people, not only other ids")
    }

    func testMakesExactlyTheNumberAsked() {
        for n in [1, 2, 37, 250, 1234] {
            let d = Generator.make(households: n, seed: 1, asOf: asOf)
            XCTAssertEqual(d.households.count, n, "households for \(n)")
            XCTAssertEqual(Set(d.households.map(\.id)).count, n, "household ids unique for \(n)")
        }
        XCTAssertEqual(Generator.make(households: 0, seed: 1, asOf: asOf), Dataset())
        XCTAssertEqual(data.households.count, 2000)
    }

    func testTwoThousandHouseholdsPassTheValidator() {
        let problems = Validator(today: asOf).problems(in: data)
        XCTAssertEqual(problems.count, 0, problems.prefix(5).map { "\($0.record ?? ""): \($0.path) \($0.message.en)" }.joined(separator: "\n"))
    }

    func testAnyDateGivesValidData() {
        // A leap day and a date early in the year: every date is computed from asOf.
        for date in ["2028-02-29", "2024-01-03"] {
            let day = d(date)
            let g = Generator.make(households: 400, seed: 3, asOf: day)
            let problems = Validator(today: day).problems(in: g)
            XCTAssertEqual(problems.count, 0, "\(date): " + problems.prefix(3).map { $0.message.en }.joined(separator: "; "))
            XCTAssertTrue(g.checks.allSatisfy { $0.date <= day && $0.date > day.adding(days: -366) }, "checks within the year before \(date)")
        }
    }

    func testIDNumbersAreValidUniqueAndAgreeWithTheMember() {
        let members = data.households.flatMap { h in h.members.map { (h, $0) } }
        let numbers = members.compactMap { $0.1.idNumber }
        XCTAssertEqual(numbers.count, members.count, "every member has an ID number")
        XCTAssertEqual(Set(numbers).count, numbers.count, "no ID number is given twice")
        for (h, m) in members.prefix(3000) {
            guard case .success(let id) = IDNumber.parse(m.idNumber ?? "", today: asOf) else {
                return XCTFail("\(m.name): \(m.idNumber ?? "") does not parse")
            }
            XCTAssertFalse(id.isLegacy)
            XCTAssertEqual(id.birthDate, m.birthDate)
            XCTAssertEqual(id.sex, m.sex)
            XCTAssertEqual(String(id.value.prefix(6)), DivisionCode.county(h.address.villageCode), "registered in the household's county")
            let first17 = String(id.value.prefix(17))
            XCTAssertEqual(id.value.last, gbCheckCharacter(first17))
        }
    }

    func testVillagesGroupsAndCadresHaveRealisticSizes() {
        let big = Generator.make(households: 20000, seed: 5, asOf: asOf)
        let villages = Dictionary(grouping: big.households, by: \.address.villageCode)
        XCTAssertGreaterThanOrEqual(villages.count, 20)
        for (code, hs) in villages {
            XCTAssertNil(DivisionCode.problem(code), code)
            XCTAssertTrue((100...1000).contains(hs.count), "village \(code) has \(hs.count) households")
            let groups = Set(hs.map(\.address.group))
            XCTAssertTrue((4...8).contains(groups.count), "village \(code) has \(groups.count) groups")
            XCTAssertEqual(Set(hs.map(\.address.village)).count, 1)
        }
        // The real places of domain.md come first.
        XCTAssertEqual(big.households[0].address.villageCode, "621121103201")
        XCTAssertEqual(big.households[0].address.village, "文峰村")
        XCTAssertEqual(big.households[0].address.township, "榜罗镇")
        let names = Dictionary(villages.map { ($0.key, $0.value[0].address.village) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(names["621121103202"], "岔口村")
        XCTAssertEqual(names["621121103206"], "积麻村")
        // Each cadre follows 3-30 households on asOf.
        let load = Dictionary(grouping: big.households.compactMap { $0.cadreID(on: asOf) }, by: { $0 }).mapValues(\.count)
        XCTAssertEqual(Set(load.keys), Set(big.cadres.map(\.id)), "every cadre follows someone")
        XCTAssertTrue(load.values.allSatisfy { (3...30).contains($0) }, "loads from \(load.values.min() ?? 0) to \(load.values.max() ?? 0)")
        XCTAssertTrue(big.households.allSatisfy { $0.cadreID(on: asOf) != nil }, "every household has a cadre")
    }

    func testChecksLookLikeAYearOfVisits() {
        let perHousehold = Double(data.checks.count) / Double(data.households.count)
        XCTAssertTrue((3.3...5.0).contains(perHousehold), "\(perHousehold) checks per household")
        XCTAssertEqual(Set(data.checks.map(\.id)).count, data.checks.count, "check ids unique")
        XCTAssertTrue(data.checks.allSatisfy { $0.id.count == 17 && $0.id.dropFirst(8).first == "-" }, "ids like 20261015-3fa2b9c1")
        XCTAssertTrue(data.checks.allSatisfy { $0.date <= asOf && $0.date >= asOf.adding(days: -365) })
        let byID = Dictionary(uniqueKeysWithValues: data.households.map { ($0.id, $0) })
        XCTAssertTrue(data.checks.allSatisfy { byID[$0.householdID]?.cadreID(on: $0.date) == $0.cadreID },
                      "each check is by the cadre paired on its date")
        let observed = data.checks.filter { $0.observations != nil }.count
        XCTAssertTrue((50...800).contains(observed), "\(observed) checks carry observations")
        XCTAssertTrue(data.checks.contains { $0.supersedes != nil }, "amendments")
        XCTAssertTrue(data.checks.contains { !$0.confirmed }, "some not signed")
        XCTAssertTrue(data.households.contains { $0.pairings.count == 2 && $0.pairings[0].end != nil }, "cadre changes keep history")
    }

    func testTheDemoVillagesSituationsAreAllThere() {
        let assessments = data.assessments(on: asOf)
        func count(_ i: Indicator, _ s: IndicatorState) -> Int { assessments.filter { $0.state(i) == s }.count }
        for i in Indicator.allCases {
            XCTAssertGreaterThan(count(i, .notMet), 0, "\(i) not met somewhere")
        }
        for i in [Indicator.income, .foodClothing, .medical] {
            XCTAssertGreaterThan(count(i, .followUp), 0, "\(i) follow-up somewhere")
        }
        XCTAssertGreaterThan(count(.education, .notApplicable), 0)
        XCTAssertGreaterThan(assessments.filter { $0.lastCheck == nil }.count, 20, "never checked")
        XCTAssertGreaterThan(assessments.filter { $0.overdue && $0.lastCheck != nil }.count, 100, "overdue")
        let checks = data.checks
        XCTAssertTrue(checks.contains { $0.observations?.members.contains { $0.school == .droppedOut } ?? false }, "dropouts")
        XCTAssertTrue(checks.contains { $0.observations?.members.contains { $0.insured == false } ?? false }, "uninsured")
        XCTAssertTrue(checks.contains { [.c, .d].contains($0.observations?.housing?.grade) && $0.observations?.housing?.renovation == HousingRenovationNone.value }, "C/D houses found")
        let hs = data.households
        XCTAssertGreaterThan(hs.filter { $0.water?.source == .rainCellar }.count, 200, "rain cellars")
        XCTAssertTrue(hs.contains { $0.housing?.relocated == true }, "relocated")
        XCTAssertTrue(hs.contains { $0.members.contains { $0.educationExemption == .homeTeaching } }, "taught at home")
        for m in MonitoringCategory.allCases {
            XCTAssertTrue(hs.contains { $0.status.monitoring == m }, "monitoring \(m)")
        }
        for t in HouseholdType.allCases {
            XCTAssertTrue(hs.contains { $0.type == t }, "type \(t)")
        }
        for f in [HousingGrade.c, .d] {
            XCTAssertTrue(hs.contains { $0.housing?.grade == f && $0.housing?.renovation != Renovation.none }, "\(f) renovated")
        }
    }

    func testShareMeetingTheStandardIsRealistic() {
        let assessments = data.assessments(on: asOf)
        let share = Double(assessments.filter(\.meetsStandard).count) / Double(assessments.count)
        XCTAssertTrue((0.40...0.90).contains(share), "\(share) of households meet all six")
        let sizes = data.households.map(\.members.count)
        let mean = Double(sizes.reduce(0, +)) / Double(sizes.count)
        XCTAssertTrue((2.5...4.0).contains(mean), "\(mean) people per household")
        XCTAssertTrue(sizes.allSatisfy { (1...6).contains($0) })
    }
}

/// `Renovation.none` spelt so it cannot be read as `Optional.none`.
private enum HousingRenovationNone {
    static let value = Renovation.none
}
