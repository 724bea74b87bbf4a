import XCTest
@testable import SanbaoCore

/// The one rule for facts (docs/rules.md, "Facts and checks"): a fact recorded later
/// wins, whether an edit of the record or a visit's observation recorded it. The record
/// given to the assessor already carries its edits (the store patches them in); the
/// edits' times come beside it as `FactTimes`.
final class LaterFactWinsTests: XCTestCase {
    let dangerous = Housing(grade: .c, appraisalDate: d("2019-05-01"), renovation: .none)
    let reinforced = Housing(grade: .c, appraisalDate: d("2019-05-01"), renovation: .reinforced,
                             renovationDate: d("2026-01-10"))

    func edit(_ field: String, _ value: JSONValue, at time: String, household: String = "621121103201-001") -> HouseholdEdit {
        HouseholdEdit(id: "e-\(field)-\(time)", householdID: household, field: field, value: value, parents: [],
                      deviceID: "d1", recordedAt: time)
    }

    func housingValue(_ h: Housing) throws -> JSONValue {
        let data = try JSONEncoder().encode(h)
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    func assess(_ h: Household, _ checks: [Check], _ edits: [HouseholdEdit]) -> HouseholdAssessment {
        Assessor(config: RulesConfig(), clock: FactClock(edits)).assess(h, checks: checks, on: assessDate)
    }

    /// The example: a visit observed a C-grade house not renovated; afterwards
    /// the record is edited to reinforced. The edit is the later fact.
    func testEditAfterCheckWins() throws {
        let visit = check(date: "2026-02-20", recordedAt: "2026-02-20T08:00:00Z", observations: Observations(housing: dangerous))
        let h = household(housing: reinforced)
        let edits = [edit("housing", try housingValue(reinforced), at: "2026-02-21T09:00:00.250Z")]
        XCTAssertEqual(assess(h, [visit], edits).state(.housing), .met)
        let facts = h.currentFacts(checks: [visit], times: FactTimes(edits, of: h.id), on: assessDate)
        XCTAssertEqual(facts.household.housing?.renovation, .reinforced)
        XCTAssertNil(facts.source(of: .housing), "the record decides, so no visit is named")
        // Without the edit's time the older observation would still decide: the rule is the
        // times, not the order the arguments come in.
        XCTAssertEqual(assess(h, [visit], []).state(.housing), .notMet)
    }

    func testCheckAfterEditWins() throws {
        let h = household(housing: reinforced)
        let edits = [edit("housing", try housingValue(reinforced), at: "2026-02-01T09:00:00Z")]
        let visit = check(date: "2026-02-20", recordedAt: "2026-02-20T08:00:00Z", observations: Observations(housing: dangerous))
        XCTAssertEqual(assess(h, [visit], edits).state(.housing), .notMet)
        let facts = h.currentFacts(checks: [visit], times: FactTimes(edits, of: h.id), on: assessDate)
        XCTAssertEqual(facts.source(of: .housing)?.zh, "据 2026-02-20 入户检查")
        XCTAssertEqual(facts.source(of: .housing)?.en, "per the visit of 2026-02-20")
    }

    /// Times within one second: the store writes milliseconds, a hand-made file may not.
    func testSameSecondComparesTheFraction() throws {
        let h = household(housing: reinforced)
        let visit = check(date: "2026-02-20", recordedAt: "2026-02-20T08:00:00Z", observations: Observations(housing: dangerous))
        let later = [edit("housing", try housingValue(reinforced), at: "2026-02-20T08:00:00.001Z")]
        XCTAssertEqual(assess(h, [visit], later).state(.housing), .met, "…00.001Z is after …00Z")
        let visitLater = check(date: "2026-02-20", recordedAt: "2026-02-20T08:00:00.5Z", observations: Observations(housing: dangerous))
        let earlier = [edit("housing", try housingValue(reinforced), at: "2026-02-20T08:00:00.125Z")]
        XCTAssertEqual(assess(h, [visitLater], earlier).state(.housing), .notMet, "…00.5Z is after …00.125Z")
    }

    /// Per field: an edit of the housing leaves the same visit's water observation in force.
    func testByField() throws {
        let dry = WaterSupply(source: .rainCellar, litresPerPersonDay: 10, qualityOK: true, pipedToYard: false,
                              daysCutPerYear: 5)
        let visit = check(date: "2026-02-20", observations: Observations(water: dry, housing: dangerous))
        let h = household(housing: reinforced)
        let edits = [edit("housing", try housingValue(reinforced), at: "2026-02-25T09:00:00Z")]
        let a = assess(h, [visit], edits)
        XCTAssertEqual(a.state(.housing), .met)
        XCTAssertEqual(a.state(.water), .notMet, "the water was not edited: the visit still decides it")
        let facts = h.currentFacts(checks: [visit], times: FactTimes(edits, of: h.id), on: assessDate)
        XCTAssertEqual(facts.source(of: .water)?.zh, "据 2026-02-20 入户检查")
    }

    /// Per member and per key: 王大山 recorded insured after the visit found him
    /// uninsured; the same visit's finding on his wife stands, and so does his health.
    func testByMemberAndKey() {
        let wife = member(2, "李秀英", born: "1977-03-02", sex: .female, relation: .spouse, insured: true)
        let h = household(members: [member(insured: true), wife])
        let visit = check(date: "2026-02-20", observations: Observations(members: [
            MemberObservation(memberID: 1, insured: false, health: .chronic),
            MemberObservation(memberID: 2, insured: false),
        ]))
        let edits = [edit("members[1].insured", .bool(true), at: "2026-02-22T10:00:00Z")]
        let facts = h.currentFacts(checks: [visit], times: FactTimes(edits, of: h.id), on: assessDate).household
        XCTAssertEqual(facts.member(1)?.insured, true, "his insurance was edited after the visit")
        XCTAssertEqual(facts.member(1)?.health, .chronic, "his health was not edited: the visit's stands")
        XCTAssertEqual(facts.member(2)?.insured, false, "hers was not edited: the visit's stands")
        XCTAssertEqual(assess(h, [visit], edits).state(.medical), .notMet)
        let both = edits + [edit("members[2].insured", .bool(true), at: "2026-02-22T10:00:01Z")]
        XCTAssertEqual(h.currentFacts(checks: [visit], times: FactTimes(both, of: h.id), on: assessDate).household.member(2)?.insured, true)
    }

    /// A member added by an edit after the visit sets every key of that member at once.
    func testWholeMemberEdit() {
        let h = household(members: [member(), member(2, "李秀英", born: "1977-03-02", relation: .spouse, insured: true)])
        let visit = check(date: "2026-02-20", observations: Observations(members: [MemberObservation(memberID: 2, insured: false)]))
        let edits = [edit("members[2]", .object(["id": .number(2)]), at: "2026-02-23T10:00:00Z")]
        XCTAssertEqual(assess(h, [visit], edits).state(.medical), .met)
    }

    /// Income by year: an edit of the income that states 2025 outranks an older visit's
    /// 2025 figure, but not a 2026 figure the edit does not state.
    func testIncomeByYear() {
        let h = household(income: [IncomeRecord(year: 2025, perCapita: 9000)])
        let visit = check(date: "2026-02-20", observations: Observations(income: IncomeRecord(year: 2025, perCapita: 2000)))
        let edits = [edit("income", .array([.object(["year": .number(2025), "per_capita": .number(9000)])]), at: "2026-02-24T10:00:00Z")]
        XCTAssertEqual(assess(h, [visit], edits).state(.income), .met)
        XCTAssertEqual(assess(h, [visit], []).state(.income), .notMet, "without the edit the visit's 2025 figure stands")
        let other = check(date: "2026-02-20", observations: Observations(income: IncomeRecord(year: 2026, perCapita: 2000)))
        let facts = h.currentFacts(checks: [other], times: FactTimes(edits, of: h.id), on: assessDate).household
        XCTAssertEqual(facts.income(forYear: 2026)?.perCapita, 2000, "the edit states no 2026 figure")
        XCTAssertEqual(facts.income(forYear: 2025)?.perCapita, 9000)
    }

    /// Another household's edits change nothing here.
    func testOtherHouseholdsEditsDoNotCount() throws {
        let visit = check(date: "2026-02-20", observations: Observations(housing: dangerous))
        let h = household(housing: reinforced)
        let edits = [edit("housing", try housingValue(reinforced), at: "2026-02-25T09:00:00Z", household: "621121103201-002")]
        XCTAssertEqual(assess(h, [visit], edits).state(.housing), .notMet)
    }

    /// A visit that observes what the record already says decides nothing worth naming.
    func testConfirmingVisitIsNotNamed() {
        let h = household()
        let visit = check(date: "2026-02-20", observations: Observations(housing: goodHousing))
        XCTAssertNil(h.currentFacts(checks: [visit], on: assessDate).source(of: .housing))
    }
}
