@testable import SanbaoCore
import XCTest

/// The follow-up worklist: open follow-ups due by a date and visits falling due, soonest
/// first, with what to look at.
final class WorklistTests: XCTestCase {
    func testDueFollowUpsAndVisitsSoonestFirst() {
        let a = household("621121103201-001", members: [member(), member(2, "刘鹏飞", born: "1980-01-01", relation: .spouse, insured: false)])
        let b = household("621121103201-002"), never = household("621121103201-003")
        let checks = [
            check("a1", household: a.id, date: "2026-11-20", findings: findings(nil, except: [.medical: Finding(state: .followUp, note: "已提醒续保")]),
                  followUp: "2026-12-10"),
            check("b1", household: b.id, date: "2026-10-01", followUp: "2026-10-20"),
            check("b2", household: b.id, date: "2026-11-01"),  // a later visit closes b1's follow-up
        ]
        let d = Dataset(households: [a, b, never], checks: checks)
        let w = Worklist(d, by: LocalDate("2026-12-10")!).items
        XCTAssertEqual(w.map(\.householdID), [never.id, b.id, a.id])
        XCTAssertEqual(w.map(\.kind), [.visit, .visit, .followUp])
        XCTAssertEqual(w[1].due?.description, "2026-12-02", "the day after the 30-day interval")
        XCTAssertEqual(w[2].indicators.map(\.indicator), [.medical])
        XCTAssertEqual(w[2].indicators.first?.note, "已提醒续保")
        XCTAssertEqual(Worklist(d, by: LocalDate("2026-12-09")!).items.map(\.householdID), [never.id, b.id], "not yet due")
        XCTAssertEqual(Worklist(d, by: LocalDate("2026-12-10")!, households: [a.id]).items.map(\.kind), [.followUp])
    }
}
