import XCTest
@testable import SanbaoCore

/// Finished junior middle (初中毕业) against out of school, at each age boundary of the
/// usual 6–15 (assessDate 2026-03-01; a child born 2026-03-01 minus N years is N).
final class GraduateOrDropoutTests: XCTestCase {
    func kid(age: Int, _ school: SchoolStatus) -> Household {
        household(members: [member(), child(born: "\(2026 - age)-03-01", school: school)])
    }

    func testEachBoundary() {
        let rows: [(Int, SchoolStatus, Judgement.Verdict, String)] = [
            (5, .notInSchool, .notApplicable, "no member of compulsory-school age"),
            (6, .notInSchool, .notMet, "王小明, 6, not in school"),
            (13, .notInSchool, .notMet, "王小明, 13, not in school"),
            (14, .notInSchool, .followUp, "finished junior middle or dropped out? find out"),
            (15, .notInSchool, .followUp, "finished junior middle or dropped out? find out"),
            (16, .notInSchool, .notApplicable, "no member of compulsory-school age"),
            (14, .completedCompulsory, .met, "王小明, 14, finished junior middle: compulsory education completed"),
            (15, .completedCompulsory, .met, "王小明, 15, finished junior middle: compulsory education completed"),
            (13, .droppedOut, .notMet, "王小明, 13, dropped out"),
            (14, .droppedOut, .notMet, "王小明, 14, dropped out"),
            (15, .droppedOut, .notMet, "王小明, 15, dropped out"),
            (15, .juniorMiddle, .met, "王小明, 15, in junior middle"),
        ]
        runRule(EducationRule.self, rows.map { age, school, verdict, en in
            RuleCase(name: "\(age) \(school.rawValue)", household: kid(age: age, school), verdict: verdict, en: [en])
        })
    }

    func testTheBoundaryFollowsTheConfiguredAges() {
        var config = RulesConfig()
        config.schoolAgeMax = 16
        let j = EducationRule.judge(kid(age: 14, .notInSchool), on: assessDate, config: config)
        XCTAssertEqual(j.verdict, .notMet, "with compulsory age to 16, a graduate is 15 at the youngest")
        XCTAssertEqual(EducationRule.judge(kid(age: 15, .notInSchool), on: assessDate, config: config).verdict, .followUp)
    }

    func testTheRosterWordingsReadAsTheNewStatus() {
        XCTAssertEqual(Wordings.school.value("初中毕业")?.status, .completedCompulsory)
        XCTAssertEqual(Wordings.school.value("completed_compulsory")?.status, .completedCompulsory)
        XCTAssertEqual(Wordings.school.value("非在校生")?.status, .notInSchool)
    }
}
