@testable import SanbaoCore
import XCTest

/// Issue 14, defect 3: a chosen 需跟进 on 医疗 with a member uninsured showed `X 未达标`
/// with no word about the choice. The rule: failing facts decide; the choice is
/// overruled, said so, and its note and follow-up date are kept (docs/rules.md).
final class ChoiceOverrideTests: XCTestCase {
    let uninsured = household(members: [member(), member(2, "刘鹏飞", born: "1980-01-01", relation: .spouse, insured: false)])

    func assessed(_ h: Household, _ chosen: IndicatorState, note: String = "已提醒续保", followUp: String? = "2026-12-15") -> Assessment {
        let c = check(household: h.id, date: "2026-11-20",
                      findings: findings(except: [.medical: Finding(state: chosen, note: note)]), followUp: followUp)
        return Assessor().assess(h, checks: [c], on: d("2026-11-25")).indicators[.medical]!
    }

    func testFailingFactsOverruleAChosenFollowUpAndKeepItsPlan() {
        let a = assessed(uninsured, .followUp)
        XCTAssertEqual(a.state, .notMet)
        assertReasons(a.reasons, zh: ["刘鹏飞", "已提醒续保"], en: ["已提醒续保"], "the facts' reason and the note")
        let why = ChoiceOverride.reason(chosen: .followUp, got: a.state)
        XCTAssertEqual(why?.zh, "所选“需跟进”未采用：户内情况为“未达标”，以户内情况为准；说明和跟进日期照常保存")
        XCTAssertEqual(why?.en, "the chosen \"follow-up\" is overruled: the household's facts say \"not met\", and facts decide; the note and follow-up date are still kept")
    }

    func testEveryChoiceTheFailingFactsOverruleIsSaid() {
        for chosen in [IndicatorState.met, .followUp, .notApplicable] {
            let a = assessed(uninsured, chosen)
            XCTAssertEqual(a.state, .notMet, "\(chosen)")
            XCTAssertNotNil(ChoiceOverride.reason(chosen: chosen, got: a.state), "\(chosen)")
        }
        XCTAssertNil(ChoiceOverride.reason(chosen: .notMet, got: assessed(uninsured, .notMet).state))
    }

    func testAChoiceTheFactsAllowIsHonoured() {
        let insured = household()
        for chosen in [IndicatorState.notMet, .followUp, .notApplicable, .met] {
            let a = assessed(insured, chosen)
            XCTAssertEqual(a.state, chosen)
            XCTAssertNil(ChoiceOverride.reason(chosen: chosen, got: a.state), "\(chosen)")
        }
        XCTAssertNil(ChoiceOverride.reason(chosen: nil, got: .notMet), "from the facts: nothing to overrule")
    }

    /// `sanbao check` warns of every overruled choice, not only a chosen met.
    func testTheDraftNamesEveryOverruledChoice() {
        var draft = CheckDraft(householdID: uninsured.id, date: d("2026-11-25"))
        draft.findings[.medical] = Finding(state: .followUp)
        draft.findings[.water] = Finding(state: .met)
        let found = draft.contradictions(household: uninsured, checks: [], config: RulesConfig())
        XCTAssertEqual(found.map(\.0), [.medical])
        XCTAssertEqual(found.first?.1.state, .notMet)
    }
}
