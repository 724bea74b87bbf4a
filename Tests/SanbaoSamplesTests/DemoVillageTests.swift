// The bundled demo village: it must be deterministic, valid, contain every situation
// the issue asks for, and add up to the summary worked out by hand from its design.
import Foundation
import XCTest
import SanbaoCore
@testable import SanbaoSamples

final class DemoVillageTests: XCTestCase {
    private let village = DemoVillage.make()
    private let asOf = DemoVillage.asOf
    private let assessor = Assessor(config: RulesConfig())

    // MARK: helpers (private: the test target shares one namespace with other files)

    private func date(_ text: String) -> LocalDate {
        guard let value = LocalDate(text) else { preconditionFailure("test literal \(text) is not a date") }
        return value
    }

    private func checks(of h: Household) -> [Check] {
        village.checks.filter { $0.householdID == h.id }
    }

    private func assess(_ h: Household, on day: LocalDate? = nil) -> HouseholdAssessment {
        assessor.assess(h, checks: village.checks, on: day ?? asOf)
    }

    /// The household's facts on `asOf`: its record with every effective check's observations laid over it.
    private func facts(_ h: Household) -> Household {
        CheckHistory.effective(checks(of: h)).reduce(h) { $0.applying($1.observations) }
    }

    /// The households whose facts on `asOf` satisfy `test`.
    private func households(where test: (Household) -> Bool) -> [Household] {
        village.households.filter { test(facts($0)) }
    }

    private func reasons(_ a: HouseholdAssessment, _ i: Indicator) -> String {
        (a.indicators[i]?.reasons ?? []).map(\.zh).joined(separator: "；")
    }

    // MARK: shape

    func testMakeIsDeterministic() {
        XCTAssertEqual(DemoVillage.make(), DemoVillage.make())
        XCTAssertEqual(DemoVillage.asOf, date("2026-11-25"))
    }

    func testVillageShape() {
        XCTAssertEqual(village.households.count, 44, "the guides and Fixtures/demo count 44")
        XCTAssertEqual(Set(village.households.map(\.address.group)), ["一组", "二组", "三组", "四组", "五组"])
        XCTAssertEqual(village.cadres.map(\.id), ["c1", "c2", "c3"])
        XCTAssertEqual(Set(village.cadres.map(\.level)), [.county, .township, .city])
        for h in village.households {
            let a = h.address
            XCTAssertEqual([a.province, a.city, a.county, a.township, a.village], ["甘肃省", "定西市", "通渭县", "榜罗镇", "文峰村"])
            XCTAssertEqual(a.villageCode, "621121103201")
            XCTAssertTrue(h.id.hasPrefix("621121103201-"), h.id)
            XCTAssertEqual(h.id.count, 17, h.id)
            XCTAssertEqual(h.number, h.id.replacingOccurrences(of: "-", with: ""))
            XCTAssertEqual(h.number.count, 16)
            XCTAssertTrue(h.phone.count == 11 && h.phone.hasPrefix("1") && h.phone.allSatisfy(\.isNumber), h.phone)
            XCTAssertFalse(h.members.isEmpty, h.id)
            XCTAssertFalse(h.pairings.isEmpty, h.id)
            XCTAssertFalse(h.measures.isEmpty, h.id)
            XCTAssertLessThanOrEqual(h.causes.others.count, 2, h.id)
            XCTAssertFalse(h.causes.others.contains(h.causes.main), h.id)
        }
        XCTAssertEqual(Set(village.households.map(\.id)).count, village.households.count)
    }

    func testValidatorFindsNothing() {
        let problems = Validator(today: asOf).problems(in: village)
        XCTAssertEqual(problems, [], problems.map { "\($0.record ?? "") \($0.path) \($0.message.en)" }.joined(separator: "\n"))
    }

    func testIDNumbersAreValidUniqueAndMatchTheMembers() {
        var seen = Set<String>()
        for h in village.households {
            for m in h.members {
                guard let raw = m.idNumber, case .success(let id) = IDNumber.parse(raw, today: asOf) else {
                    XCTFail("\(h.id) \(m.name): bad ID \(m.idNumber ?? "nil")")
                    continue
                }
                XCTAssertFalse(id.isLegacy)
                XCTAssertTrue(raw.hasPrefix("621121"))
                XCTAssertEqual(id.birthDate, m.birthDate, m.name)
                XCTAssertEqual(id.sex, m.sex, m.name)
                XCTAssertLessThanOrEqual(m.birthDate, asOf)
                XCTAssertTrue(seen.insert(raw).inserted, "ID \(raw) repeats")
            }
        }
    }

    func testEveryNameIsUsedOnce() {
        let names = village.households.flatMap(\.members).map(\.name)
        let repeated = Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        XCTAssertEqual(repeated, [], "a search for a name should find one person")
    }

    func testChecksCoverTheYearByThePairedCadre() {
        XCTAssertEqual(Set(village.checks.map(\.id)).count, village.checks.count)
        for (n, c) in village.checks.enumerated() {
            XCTAssertEqual(c.id, "demo-" + String(repeating: "0", count: 4 - String(n + 1).count) + String(n + 1))
            XCTAssertTrue((date("2025-12-01")...asOf).contains(c.date), "\(c.id) on \(c.date)")
            XCTAssertTrue(c.recordedAt.hasPrefix("\(c.date)T") && c.recordedAt.hasSuffix("Z"), c.recordedAt)
            XCTAssertEqual(c.cadreID, village.household(c.householdID)?.cadreID(on: c.date), c.id)
        }
        let perHousehold = Dictionary(grouping: village.checks, by: \.householdID).mapValues(\.count)
        XCTAssertGreaterThan(perHousehold.values.filter { $0 >= 3 }.count, village.households.count * 3 / 4)
        XCTAssertTrue(village.checks.contains { !$0.confirmed })
        XCTAssertTrue(village.checks.contains { $0.followUp != nil && !$0.measures.isEmpty })
    }

    func testACadreChangeKeepsTheHistory() {
        let changed = village.households.filter { h in
            h.pairings.contains { $0.end != nil } && h.pairings.count >= 2
        }
        XCTAssertFalse(changed.isEmpty)
        for h in changed {
            guard let ended = h.pairings.first(where: { $0.end != nil }), let end = ended.end else { continue }
            let before = checks(of: h).filter { $0.date <= end }.map(\.cadreID)
            let after = checks(of: h).filter { $0.date > end }.map(\.cadreID)
            XCTAssertTrue(before.allSatisfy { $0 == ended.cadreID }, h.id)
            XCTAssertTrue(!after.isEmpty && after.allSatisfy { $0 != ended.cadreID }, h.id)
        }
    }

    func testANoteCarriesACommaAQuoteAndANewline() {
        XCTAssertTrue(village.checks.contains { $0.note.contains(",") && $0.note.contains("\"") && $0.note.contains("\n") })
    }

    // MARK: required situations

    func testEveryIndicatorFailsSomewhere() {
        let assessed = village.households.map { assess($0) }
        for i in Indicator.allCases {
            XCTAssertTrue(assessed.contains { $0.state(i) == .notMet }, "\(i) is never not met")
        }
    }

    func testADropoutOf14FailsEducation() {
        let found = households { h in h.members.contains { $0.school == .droppedOut && $0.birthDate.age(on: asOf) == 14 } }
        XCTAssertEqual(found.count, 1)
        guard let h = found.first else { return }
        XCTAssertEqual(h.members.first { $0.birthDate.age(on: asOf) == 14 }?.school, .juniorMiddle, "the record keeps the registration fact")
        let a = assess(h)
        XCTAssertEqual(a.state(.education), .notMet)
        XCTAssertTrue(reasons(a, .education).contains("14 岁"), reasons(a, .education))
        XCTAssertTrue(reasons(a, .education).contains("已辍学"), reasons(a, .education))
        XCTAssertEqual(assess(h, on: date("2026-03-01")).state(.education), .met, "in school before the March visit")
    }

    func testADisabledChildTaughtAtHomeIsExempt() {
        let found = households { h in
            h.members.contains {
                $0.health == .disabled && $0.school == .notInSchool && $0.educationExemption == .homeTeaching
                    && (6...15).contains($0.birthDate.age(on: asOf))
            }
        }
        XCTAssertEqual(found.count, 1)
        guard let h = found.first else { return }
        let a = assess(h)
        XCTAssertEqual(a.state(.education), .met)
        XCTAssertTrue(reasons(a, .education).contains("送教上门（豁免）"), reasons(a, .education))
    }

    func testAnUninsuredMemberFailsMedical() {
        let found = households { h in h.members.contains { $0.insured == false } }
        XCTAssertEqual(found.count, 1)
        guard let h = found.first else { return }
        let a = assess(h)
        XCTAssertEqual(a.state(.medical), .notMet)
        XCTAssertTrue(reasons(a, .medical).contains("未参加基本医疗保险"), reasons(a, .medical))
    }

    func testInsuranceEnrolledLaterPasses() {
        let found = village.households.filter { h in
            h.members.contains { $0.insured == false } && facts(h).members.allSatisfy { $0.insured == true }
        }
        XCTAssertEqual(found.count, 1)
        guard let h = found.first else { return }
        XCTAssertEqual(assess(h).state(.medical), .met)
        XCTAssertEqual(assess(h, on: date("2025-12-31")).state(.medical), .notMet)
    }

    func testAChronicPatientWithoutACardNeedsFollowUp() {
        let found = households { h in h.members.contains { $0.health == .chronic && $0.chronicCard != true } }
        XCTAssertEqual(found.count, 1)
        guard let h = found.first else { return }
        let a = assess(h)
        XCTAssertEqual(a.state(.medical), .followUp)
        XCTAssertTrue(reasons(a, .medical).contains("未办慢病卡"), reasons(a, .medical))
    }

    func testACGradeHouseNotRenovatedFails() {
        let found = households { h in h.housing?.grade == .c && h.housing?.renovation == Renovation.none }
        XCTAssertEqual(found.count, 1)
        guard let h = found.first else { return }
        let a = assess(h)
        XCTAssertEqual(a.state(.housing), .notMet)
        XCTAssertTrue(reasons(a, .housing).contains("C级（局部危房）"), reasons(a, .housing))
        XCTAssertTrue(reasons(a, .housing).contains("未改造"), reasons(a, .housing))
    }

    func testADGradeHouseRebuiltThisYearPasses() {
        let found = households { h in h.housing?.grade == .d && h.housing?.renovationDate?.year == 2026 }
        XCTAssertEqual(found.count, 1)
        guard let h = found.first else { return }
        XCTAssertEqual(h.housing?.renovation, Renovation.none, "the record holds the house as registered")
        let a = assess(h)
        XCTAssertEqual(a.state(.housing), .met)
        XCTAssertTrue(reasons(a, .housing).contains("已重建"), reasons(a, .housing))
        XCTAssertEqual(assess(h, on: date("2026-05-01")).state(.housing), .notMet, "still being built in May")
    }

    func testRainCellarsMostlyPassOneFails() {
        let cellars = households { $0.water?.source == .rainCellar }.map { assess($0) }
        XCTAssertGreaterThanOrEqual(cellars.filter { $0.state(.water) == .met }.count, 2)
        let failing = cellars.filter { $0.state(.water) == .notMet }
        XCTAssertEqual(failing.count, 1)
        if let a = failing.first {
            XCTAssertTrue(reasons(a, .water).contains("断水 55 天"), reasons(a, .water))
            XCTAssertTrue(reasons(a, .water).contains("16 升"), reasons(a, .water))
        }
    }

    func testARelocatedHouseholdPassesHousing() {
        let found = households { $0.housing?.relocated == true }
        XCTAssertEqual(found.count, 1)
        guard let h = found.first else { return }
        XCTAssertEqual(assess(h).state(.housing), .met)
        XCTAssertTrue(h.measures.contains { $0.breakthrough == .relocation })
    }

    func testMonitoringAndExitYears() {
        let categories = Set(village.households.compactMap(\.status.monitoring))
        XCTAssertEqual(categories, Set(MonitoringCategory.allCases))
        let years = village.households.compactMap(\.status.outOfPovertyYear)
        XCTAssertGreaterThan(years.filter { (2018...2020).contains($0) }.count, village.households.count / 2)
        XCTAssertTrue(years.allSatisfy { (2014...2020).contains($0) })
    }

    func testNeverCheckedAndOverdueHouseholds() {
        let never = village.households.filter { checks(of: $0).isEmpty }
        XCTAssertFalse(never.isEmpty)
        for h in never {
            let a = assess(h)
            XCTAssertTrue(a.overdue)
            XCTAssertTrue(Indicator.allCases.allSatisfy { a.state($0) == .unchecked || a.state($0) == .notApplicable }, h.id)
        }
        let lapsed = village.households.filter { h in
            guard let last = checks(of: h).map(\.date).max() else { return false }
            return last.days(to: asOf) > 30
        }
        XCTAssertFalse(lapsed.isEmpty)
        XCTAssertTrue(lapsed.allSatisfy { assess($0).overdue })
    }

    func testSomeHouseholdsMeetTheStandard() {
        XCTAssertTrue(village.households.contains { assess($0).meetsStandard })
    }

    func testIncomeSpread() {
        for h in village.households {
            XCTAssertEqual(Set(facts(h).income.map(\.year)), [2024, 2025, 2026], h.id)
        }
        let latest = village.households.compactMap { facts($0).income(forYear: 2026)?.perCapita }
        XCTAssertGreaterThan(latest.filter { $0 > 6000 }.count, latest.count * 3 / 4)
        let poor = village.households.filter { (facts($0).income(forYear: 2026)?.perCapita ?? 0) <= 4000 }
        XCTAssertEqual(poor.count, 1)
        if let h = poor.first {
            let a = assess(h)
            XCTAssertEqual(a.state(.income), .notMet)
            XCTAssertTrue(reasons(a, .income).contains("未超过贫困线 4,000 元"), reasons(a, .income))
            XCTAssertEqual(h.status.monitoring, .suddenHardship)
        }
        let between = village.households.filter { ((4001...5999).contains(facts($0).income(forYear: 2026)?.perCapita ?? 0)) }
        XCTAssertEqual(between.count, 3)
        XCTAssertTrue(between.allSatisfy { assess($0).state(.income) == .followUp })
    }

    func testMeasuresCoverTheBreakthroughs() {
        let measures = village.households.flatMap(\.measures)
        XCTAssertEqual(Set(measures.map(\.breakthrough)), Set(Breakthrough.allCases))
        XCTAssertEqual(Set(measures.map(\.progress)), Set(MeasureProgress.allCases))
        for word in ["养羊", "养牛", "马铃薯", "当归", "黄芪", "党参", "护林员", "保洁员", "道路养护员", "小额信贷"] {
            XCTAssertTrue(measures.contains { $0.what.contains(word) }, word)
        }
        XCTAssertTrue(measures.contains { $0.amount != nil })
    }

    func testHouseholdTypesCausesAndLabour() {
        XCTAssertEqual(Set(village.households.map(\.type)), Set(HouseholdType.allCases))
        XCTAssertGreaterThanOrEqual(Set(village.households.map(\.causes.main)).count, 6)
        XCTAssertTrue(village.households.contains { $0.causes.others.count == 2 })
        let members = village.households.flatMap(\.members)
        XCTAssertEqual(Set(members.map(\.labour)), Set(LabourAbility.allCases))
        XCTAssertTrue(members.contains { $0.migrantMonths > 0 })
        XCTAssertEqual(Set(members.map(\.sex)), [.male, .female])
    }

    func testFoodAndClothing() {
        let assessed = village.households.map { assess($0) }
        let short = assessed.filter { $0.state(.foodClothing) == .notMet }
        XCTAssertEqual(short.count, 1)
        if let a = short.first { XCTAssertTrue(reasons(a, .foodClothing).contains("缺少冬季被褥"), reasons(a, .foodClothing)) }
        XCTAssertEqual(assessed.filter { $0.state(.foodClothing) == .followUp }.count, 1)
    }

    func testAnAmendedCheckReplacesTheOneItCorrects() {
        let amendments = village.checks.filter { $0.supersedes != nil }
        XCTAssertEqual(amendments.count, 1)
        guard let fix = amendments.first, let h = village.household(fix.householdID),
              let wrong = village.checks.first(where: { $0.id == fix.supersedes }) else { return XCTFail("no amendment") }
        XCTAssertEqual(wrong.findings[.water]?.state, .notMet)
        XCTAssertEqual(wrong.date, fix.date)
        XCTAssertEqual(assess(h).state(.water), .met)
    }

    // MARK: the summary, counted by hand

    /// Expected states on 2026-11-25, from the household table in DemoVillage.specs
    /// (44 households; "—" means met, or n/a for education where no child is 6-15):
    ///
    /// | hh | income | food | water | edu   | medical | housing | visits  |
    /// |----|--------|------|-------|-------|---------|---------|---------|
    /// | 02 |        |      |       | X     |         |         |         |
    /// | 04 |        |      |       | n/a   |         | X       |         |
    /// | 06 | ?      | ?    | ?     | n/a   | ?       | ?       | never   |
    /// | 07 | !      |      |       | n/a   |         |         |         |
    /// | 09 | X      |      |       | n/a   |         |         |         |
    /// | 12 |        |      |       | n/a   | X       |         |         |
    /// | 15 |        |      |       | n/a   |         |         | overdue |
    /// | 16 |        |      |       | n/a   | !       |         |         |
    /// | 18 | !      |      |       |       |         |         |         |
    /// | 19 |        |      | X     |       |         |         |         |
    /// | 22 |        | X    |       | n/a   |         |         |         |
    /// | 23 | ?      | ?    | ?     | ?     | ?       | ?       | never   |
    /// | 24 |        |      |       |       |         |         | overdue |
    /// | 25 | !      |      |       |       |         |         |         |
    /// | 29 |        |      |       | n/a   |         |         | overdue |
    /// | 33 | ?      | ?    | ?     | n/a   | ?       | ?       | never   |
    /// | 35 |        |      |       | n/a   |         |         | overdue |
    /// | 39 |        | !    |       | n/a   |         |         |         |
    /// | 41 |        |      |       |       |         |         | overdue |
    ///
    /// Education n/a (no child 6-15): the elderly, adult-children and custom childless
    /// households 03 04 06 07 09 12 13 15 16 20 22 26 27 29 32 33 35 37 39 42 43 = 21.
    /// Education met: 44 - 21 n/a - 1 not met (02) - 1 unchecked (23) = 21.
    /// Failing the standard: 02 04 06 07 09 12 16 18 19 22 23 25 33 39 = 14, so 30 meet it.
    /// Overdue: never visited 06 23 33, last visit in September 15 24 29 35 41 = 8.
    func testSummaryMatchesTheHandCount() {
        let s = Summary(village, on: asOf).total
        XCTAssertEqual(s.households, 44)
        XCTAssertEqual(s.meetingStandard, 30)
        XCTAssertEqual(s.overdue, 8)
        let expected: [Indicator: [IndicatorState: Int]] = [
            .income: [.met: 37, .notMet: 1, .followUp: 3, .unchecked: 3],
            .foodClothing: [.met: 39, .notMet: 1, .followUp: 1, .unchecked: 3],
            .water: [.met: 40, .notMet: 1, .unchecked: 3],
            .education: [.met: 21, .notMet: 1, .notApplicable: 21, .unchecked: 1],
            .medical: [.met: 39, .notMet: 1, .followUp: 1, .unchecked: 3],
            .housing: [.met: 40, .notMet: 1, .unchecked: 3],
        ]
        for i in Indicator.allCases {
            for state in IndicatorState.allCases {
                XCTAssertEqual(s.count(i, state), expected[i]?[state] ?? 0, "\(i) \(state)")
            }
        }
    }

    func testSummaryByCadreAndGroup() {
        let s = Summary(village, on: asOf)
        XCTAssertEqual(s.byCadre.mapValues(\.households), ["c1": 12, "c2": 15, "c3": 17])
        let groups = Dictionary(uniqueKeysWithValues: s.byGroup.map { ($0.key.group, $0.value.households) })
        XCTAssertEqual(groups, ["一组": 9, "二组": 9, "三组": 9, "四组": 9, "五组": 8])
    }

    // MARK: JSON

    func testJSONRoundTrip() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let decoder = JSONDecoder()
        XCTAssertEqual(try decoder.decode([Household].self, from: encoder.encode(village.households)), village.households)
        XCTAssertEqual(try decoder.decode([Check].self, from: encoder.encode(village.checks)), village.checks)
        XCTAssertEqual(try decoder.decode([Cadre].self, from: encoder.encode(village.cadres)), village.cadres)
    }
}
