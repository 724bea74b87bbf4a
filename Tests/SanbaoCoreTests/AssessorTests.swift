import XCTest
@testable import SanbaoCore

final class AssessorTests: XCTestCase {
    let assessor = Assessor()

    /// A household that passes all six on the facts: one insured adult, no school-age child.
    let good = household()

    func testBaselinePassesAllSix() {
        let a = assessor.assess(good, checks: [check()], on: assessDate)
        XCTAssertTrue(a.meetsStandard, "failing: \(a.failing)")
        XCTAssertEqual(a.state(.income), .met)
        XCTAssertEqual(a.state(.foodClothing), .met)
        XCTAssertEqual(a.state(.water), .met)
        XCTAssertEqual(a.state(.education), .notApplicable, "no school-age member")
        XCTAssertEqual(a.state(.medical), .met)
        XCTAssertEqual(a.state(.housing), .met)
        XCTAssertEqual(a.lastCheck, d("2026-02-20"))
        XCTAssertEqual(a.householdID, good.id)
        XCTAssertEqual(a.date, assessDate)
    }

    // MARK: - No check yet

    func testNoCheckYetIsUncheckedButNotApplicableStays() {
        let a = assessor.assess(good, checks: [], on: assessDate)
        for i in Indicator.allCases where i != .education {
            XCTAssertEqual(a.state(i), .unchecked, "\(i)")
            assertReasons(a.indicators[i]?.reasons ?? [], zh: ["尚未入户核查"], en: ["not yet checked on a visit"], "\(i)")
        }
        XCTAssertEqual(a.state(.education), .notApplicable)
        XCTAssertFalse(a.meetsStandard)
        XCTAssertEqual(a.failing, [.income, .foodClothing, .water, .medical, .housing])
        XCTAssertNil(a.lastCheck)
    }

    func testNoCheckYetWithASchoolChildIsUnchecked() {
        let h = household(members: [member(), child()])
        XCTAssertEqual(assessor.assess(h, checks: [], on: assessDate).state(.education), .unchecked)
    }

    func testChecksOfOtherHouseholdsAreIgnored() {
        let other = check("k9", household: "621121103201-999")
        let a = assessor.assess(good, checks: [other], on: assessDate)
        XCTAssertNil(a.lastCheck)
        XCTAssertEqual(a.state(.income), .unchecked)
        XCTAssertTrue(a.overdue)
    }

    // MARK: - Recorded findings against facts

    func testRecordedMetOverriddenByFailingFacts() {
        let h = household(members: [member(), member(2, "李秀英", born: "1978-01-20", sex: .female,
                                                   relation: .spouse, insured: false)])
        let a = assessor.assess(h, checks: [check(findings: findings(.met))], on: assessDate)
        XCTAssertEqual(a.state(.medical), .notMet)
        assertReasons(a.indicators[.medical]!.reasons, zh: ["李秀英 未参加基本医疗保险"],
                      en: ["李秀英 not enrolled in basic medical insurance"], "medical")
        XCTAssertFalse(a.meetsStandard)
        XCTAssertEqual(a.failing, [.medical])
    }

    /// Failing facts win whatever was recorded: met, no state, follow-up, not applicable
    /// or unchecked.
    func testFailingFactsWinOverAnyRecordedState() {
        let h = household(members: [member(insured: false)])
        let rows: [(name: String, recorded: IndicatorState?)] = [
            ("recorded met", .met), ("no state recorded", nil), ("recorded follow-up", .followUp),
            ("recorded not applicable", .notApplicable), ("recorded unchecked", .unchecked),
            ("recorded not met", .notMet),
        ]
        for r in rows {
            let c = check(findings: findings(.met, except: [.medical: Finding(state: r.recorded, note: "已核实")]))
            let a = assessor.assess(h, checks: [c], on: assessDate)
            XCTAssertEqual(a.state(.medical), .notMet, "row \(r.name)")
            assertReasons(a.indicators[.medical]!.reasons, en: ["王大山 not enrolled in basic medical insurance"],
                          "row \(r.name)")
        }
    }

    func testRecordedMetOverriddenByEachFailingRule() {
        let rows: [(indicator: Indicator, household: Household)] = [
            (.income, household(income: [IncomeRecord(year: 2026, perCapita: 3000)])),
            (.foodClothing, household(foodClothing: FoodClothing(enoughFood: false, seasonalClothes: true,
                                                                 winterBedding: true))),
            (.water, household(water: WaterSupply(source: .river, litresPerPersonDay: 40, qualityOK: false,
                                                  pipedToYard: true, daysCutPerYear: 0))),
            (.education, household(members: [member(), child(school: .droppedOut)])),
            (.medical, household(members: [member(insured: false)])),
            (.housing, household(housing: Housing(grade: .d))),
        ]
        for r in rows {
            let a = assessor.assess(r.household, checks: [check()], on: assessDate)
            XCTAssertEqual(a.state(r.indicator), .notMet, "row \(r.indicator)")
            XCTAssertEqual(a.failing, [r.indicator], "row \(r.indicator)")
        }
    }

    func testRecordedNotMetWithNoteStandsWithTheNote() {
        let note = "房顶漏雨，需维修"
        let c = check(findings: findings(.met, except: [.housing: Finding(state: .notMet, note: note)]))
        let a = assessor.assess(good, checks: [c], on: assessDate)
        XCTAssertEqual(a.state(.housing), .notMet)
        XCTAssertEqual(a.indicators[.housing]?.reasons.first, Bilingual(zh: note, en: note))
        XCTAssertEqual(a.failing, [.housing])
    }

    func testRecordedNotMetWithoutNoteSaysItWasRecorded() {
        let c = check(findings: findings(.met, except: [.water: Finding(state: .notMet)]))
        let a = assessor.assess(good, checks: [c], on: assessDate)
        XCTAssertEqual(a.state(.water), .notMet)
        assertReasons(a.indicators[.water]!.reasons, zh: ["核查记为未达标"], en: ["recorded as not met"], "water")
    }

    func testRecordedFollowUpSaysWhenItIsOrWasDue() {
        let c = check(date: "2026-02-10",
                      findings: findings(.met, except: [.income: Finding(state: .followUp, note: "羊价下跌")]),
                      followUp: "2026-02-25")
        let rows: [(name: String, on: String, zh: String, en: String)] = [
            ("assessed after the follow-up date", "2026-03-01", "跟进日期 2026-02-25 已过", "follow-up was due 2026-02-25"),
            ("assessed before the follow-up date", "2026-02-20", "跟进日期 2026-02-25", "follow-up due 2026-02-25"),
            ("assessed on the follow-up date", "2026-02-25", "跟进日期 2026-02-25", "follow-up due 2026-02-25"),
        ]
        for r in rows {
            let a = assessor.assess(good, checks: [c], on: d(r.on))
            XCTAssertEqual(a.state(.income), .followUp, "row \(r.name)")
            XCTAssertEqual(a.followUp, d("2026-02-25"), "row \(r.name)")
            let reasons = a.indicators[.income]!.reasons
            assertReasons(reasons, zh: [r.zh, "羊价下跌"], en: [r.en], "row \(r.name)")
        }
        for day in ["2026-02-20", "2026-02-25"] {
            let reasons = assessor.assess(good, checks: [c], on: d(day)).indicators[.income]!.reasons
            XCTAssertFalse(reasons.joined(.en).contains("was due"), "not yet past due on \(day): \(reasons.joined(.en))")
            XCTAssertFalse(reasons.joined(.zh).contains("已过"), "not yet past due on \(day): \(reasons.joined(.zh))")
        }
    }

    func testFollowUpFromFactsWithRecordedMet() {
        let h = household(income: [IncomeRecord(year: 2026, perCapita: 5000)])
        let a = assessor.assess(h, checks: [check()], on: assessDate)
        XCTAssertEqual(a.state(.income), .followUp)
        assertReasons(a.indicators[.income]!.reasons, en: ["below the monitoring line of 6,000"], "income")
    }

    func testMissingFactsFallBackOnTheRecordedState() {
        // A child's school status is not recorded: the rule says unknown.
        let h = household(members: [member(), child(school: nil)])
        let rows: [(name: String, finding: Finding, state: IndicatorState)] = [
            ("finding without a state: follow-up", Finding(state: nil, note: ""), .followUp),
            ("recorded met: met as recorded", Finding(state: .met), .met),
            ("recorded not applicable", Finding(state: .notApplicable), .notApplicable),
            ("recorded not met", Finding(state: .notMet), .notMet),
        ]
        for r in rows {
            let a = assessor.assess(h, checks: [check(findings: findings(.met, except: [.education: r.finding]))],
                                    on: assessDate)
            XCTAssertEqual(a.state(.education), r.state, "row \(r.name)")
            assertReasons(a.indicators[.education]!.reasons, en: ["school status not recorded"], "row \(r.name)")
        }
    }

    func testFindingWithoutStateFollowsTheFacts() {
        let a = assessor.assess(good, checks: [check(findings: findings(nil))], on: assessDate)
        XCTAssertTrue(a.meetsStandard, "failing: \(a.failing)")
    }

    func testIndicatorWithoutFindingIsUncheckedEvenAfterAVisit() {
        var f = findings(.met)
        f[.water] = nil
        let a = assessor.assess(good, checks: [check(findings: f)], on: assessDate)
        XCTAssertEqual(a.state(.water), .unchecked)
        XCTAssertEqual(a.state(.housing), .met)
    }

    // MARK: - Observations and dates

    func testObservationsReplaceFactsFromTheirDateOn() {
        let first = check("k1", date: "2026-01-10")
        let collapse = check("k2", date: "2026-02-10", recordedAt: "2026-02-10T09:00:00Z",
                             observations: Observations(housing: Housing(grade: .d, appraisalDate: d("2026-02-10"))))
        let rows: [(name: String, on: String, housing: IndicatorState, last: String)] = [
            ("day before the second check", "2026-02-09", .met, "2026-01-10"),
            ("day of the second check", "2026-02-10", .notMet, "2026-02-10"),
            ("later", "2026-03-01", .notMet, "2026-02-10"),
        ]
        for r in rows {
            let a = assessor.assess(good, checks: [collapse, first], on: d(r.on))
            XCTAssertEqual(a.state(.housing), r.housing, "row \(r.name)")
            XCTAssertEqual(a.lastCheck, d(r.last), "row \(r.name)")
        }
    }

    func testMemberAndIncomeObservations() {
        let h = household(members: [member(insured: false)], income: [])
        let c = check(observations: Observations(income: IncomeRecord(year: 2026, perCapita: 8000),
                                                 members: [MemberObservation(memberID: 1, insured: true)]))
        let a = assessor.assess(h, checks: [c], on: assessDate)
        XCTAssertEqual(a.state(.medical), .met)
        XCTAssertEqual(a.state(.income), .met)
        XCTAssertTrue(a.meetsStandard, "failing: \(a.failing)")
        // The household record itself is not changed.
        XCTAssertEqual(h.members[0].insured, false)
    }

    func testLaterObservationsWinOverEarlierOnes() {
        let c1 = check("k1", date: "2026-01-05", observations: Observations(
            members: [MemberObservation(memberID: 2, school: .droppedOut)]))
        let c2 = check("k2", date: "2026-02-05", observations: Observations(
            members: [MemberObservation(memberID: 2, school: .juniorMiddle)]))
        let h = household(members: [member(), child(school: nil)])
        XCTAssertEqual(assessor.assess(h, checks: [c2, c1], on: d("2026-01-20")).state(.education), .notMet)
        XCTAssertEqual(assessor.assess(h, checks: [c2, c1], on: assessDate).state(.education), .met)
    }

    func testCheckAfterTheAssessmentDateIsIgnored() {
        let early = check("k1", date: "2026-02-01")
        let late = check("k2", date: "2026-03-05", findings: findings(.notMet),
                         observations: Observations(foodClothing: FoodClothing(enoughFood: false, seasonalClothes: false,
                                                                               winterBedding: false)))
        let a = assessor.assess(good, checks: [early, late], on: assessDate)
        XCTAssertTrue(a.meetsStandard, "failing: \(a.failing)")
        XCTAssertEqual(a.lastCheck, d("2026-02-01"))
        // Only a future check: nothing is known yet.
        XCTAssertEqual(assessor.assess(good, checks: [late], on: assessDate).state(.income), .unchecked)
    }

    func testTwoChecksOnOneDayAreOrderedByRecordingTime() {
        let morning = check("k-b", date: "2026-02-20", recordedAt: "2026-02-20T01:00:00Z",
                            findings: findings(.met, except: [.housing: Finding(state: .notMet)]))
        let evening = check("k-a", date: "2026-02-20", recordedAt: "2026-02-20T10:00:00Z")
        XCTAssertEqual(assessor.assess(good, checks: [evening, morning], on: assessDate).state(.housing), .met)
        XCTAssertEqual(assessor.assess(good, checks: [morning, evening], on: assessDate).state(.housing), .met)
    }

    // MARK: - Amendments

    func testAmendmentReplacesTheSupersededCheck() {
        let wrong = check("k1", date: "2026-02-20", recordedAt: "2026-02-20T08:00:00Z",
                          findings: findings(.met, except: [.housing: Finding(state: .notMet, note: "记错了")]),
                          observations: Observations(members: [MemberObservation(memberID: 1, insured: false)]),
                          followUp: "2026-02-22")
        let fixed = check("k2", date: "2026-02-20", recordedAt: "2026-02-21T08:00:00Z", supersedes: "k1")
        for order in [[wrong, fixed], [fixed, wrong]] {
            let a = assessor.assess(good, checks: order, on: assessDate)
            XCTAssertEqual(a.state(.housing), .met, "order \(order.map(\.id))")
            XCTAssertEqual(a.state(.medical), .met, "the superseded check's observations are dropped")
            XCTAssertNil(a.followUp, "the superseded check's follow-up is dropped")
            XCTAssertTrue(a.meetsStandard, "failing: \(a.failing)")
        }
        // Without the amendment the original stands.
        let a = assessor.assess(good, checks: [wrong], on: assessDate)
        XCTAssertEqual(a.state(.housing), .notMet)
        XCTAssertEqual(a.state(.medical), .notMet)
    }

    /// An amendment that corrects a check's date to a later day: the superseded record is
    /// wrong data, so it must not count on any date, including days before the amendment.
    func testAmendmentThatMovesTheDateLaterDropsTheOriginalEverywhere() {
        let misdated = check("k1", date: "2026-02-01", recordedAt: "2026-02-15T08:00:00Z",
                             findings: findings(.met, except: [.housing: Finding(state: .notMet)]))
        let fixed = check("k2", date: "2026-02-15", recordedAt: "2026-02-16T08:00:00Z", supersedes: "k1")
        let between = assessor.assess(good, checks: [misdated, fixed], on: d("2026-02-10"))
        XCTAssertNil(between.lastCheck, "the superseded check still counts as a visit on 2026-02-01")
        XCTAssertEqual(between.state(.housing), .unchecked)
        let after = assessor.assess(good, checks: [misdated, fixed], on: assessDate)
        XCTAssertEqual(after.lastCheck, d("2026-02-15"))
        XCTAssertEqual(after.state(.housing), .met)
    }

    func testAmendmentOfAnAmendment() {
        let c1 = check("k1", findings: findings(.notMet))
        let c2 = check("k2", recordedAt: "2026-02-20T09:00:00Z", findings: findings(.followUp), supersedes: "k1")
        let c3 = check("k3", recordedAt: "2026-02-20T10:00:00Z", findings: findings(.met), supersedes: "k2")
        XCTAssertEqual(CheckHistory.effective([c3, c1, c2]).map(\.id), ["k3"])
        XCTAssertTrue(assessor.assess(good, checks: [c1, c2, c3], on: assessDate).meetsStandard)
    }

    func testChronologicalOrder() {
        let a = check("a", date: "2026-02-01", recordedAt: "2026-02-01T10:00:00Z")
        let b = check("b", date: "2026-01-15", recordedAt: "2026-02-02T10:00:00Z")
        let c = check("c", date: "2026-02-01", recordedAt: "2026-02-01T09:00:00Z")
        let e = check("e", date: "2026-02-01", recordedAt: "2026-02-01T09:00:00Z")
        XCTAssertEqual(CheckHistory.chronological([a, e, b, c]).map(\.id), ["b", "c", "e", "a"])
    }

    // MARK: - Overdue

    func testOverdue() {
        var every60 = RulesConfig()
        every60.visitIntervalDays = 60
        let rows: [(name: String, last: String?, config: RulesConfig, overdue: Bool)] = [
            ("checked today", "2026-03-01", RulesConfig(), false),
            ("last check 30 days before", "2026-01-30", RulesConfig(), false),
            ("last check 31 days before", "2026-01-29", RulesConfig(), true),
            ("never checked", nil, RulesConfig(), true),
            ("interval 60, 31 days before", "2026-01-29", every60, false),
            ("interval 60, 61 days before", "2025-12-30", every60, true),
        ]
        for r in rows {
            let checks = r.last.map { [check(date: $0)] } ?? []
            let a = Assessor(config: r.config).assess(good, checks: checks, on: assessDate)
            XCTAssertEqual(a.overdue, r.overdue, "row \(r.name)")
            XCTAssertEqual(a.lastCheck, r.last.map(d), "row \(r.name)")
        }
    }

    // MARK: - Meeting the standard

    func testMeetsStandardOnlyWhenAllSixPass() {
        XCTAssertTrue(assessor.assess(good, checks: [check()], on: assessDate).meetsStandard)
        for indicator in Indicator.allCases {
            for state in [IndicatorState.notMet, .followUp, .unchecked] {
                let c = check(findings: findings(.met, except: [indicator: Finding(state: state)]))
                let a = assessor.assess(good, checks: [c], on: assessDate)
                XCTAssertEqual(a.state(indicator), state, "row \(indicator) recorded \(state)")
                XCTAssertFalse(a.meetsStandard, "row \(indicator) recorded \(state)")
                XCTAssertEqual(a.failing, [indicator], "row \(indicator) recorded \(state)")
            }
            let na = check(findings: findings(.met, except: [indicator: Finding(state: .notApplicable)]))
            XCTAssertTrue(assessor.assess(good, checks: [na], on: assessDate).meetsStandard,
                          "row \(indicator) recorded not applicable passes")
        }
    }

    func testStatePassesAndLetters() {
        XCTAssertEqual(IndicatorState.allCases.filter(\.passes), [.met, .notApplicable])
        XCTAssertEqual(String(IndicatorState.allCases.map(\.letter)), "+X!-?")
    }
}
