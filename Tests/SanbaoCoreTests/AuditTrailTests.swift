import XCTest
@testable import SanbaoCore

/// `sanbao history`'s before and after (issue 13): each check and edit is judged on the
/// facts as they stood when it was recorded, so an edit between two checks is seen by
/// the second and shows its own effect.
final class AuditTrailTests: XCTestCase {
    let inSchool = household(members: [member(), child(school: .primary)])
    let droppedOut = Observations(members: [MemberObservation(memberID: 2, school: .droppedOut)])
    let backAtSchool = Observations(members: [MemberObservation(memberID: 2, school: .primary)])
    let edit = HouseholdEdit(id: "e-school", householdID: "621121103201-001", field: "members[2].school",
                             value: .string("primary"), parents: [], deviceID: "d1", recordedAt: "2026-02-21T09:00:00Z")

    /// The record with the edits `ids` applied, as the store would give it.
    func facts(_ ids: Set<String>) -> (Household, FactTimes) {
        var h = inSchool
        guard ids.contains(edit.id) else { return (h, FactTimes()) }
        h.members[1].school = .primary
        return (h, FactTimes([edit], of: h.id))
    }

    /// A visit finds the child dropped out; an edit records him back at school; a second
    /// visit confirms it. The second visit changes nothing (the edit already did); the
    /// edit is where education went from not met to met.
    func testAnEditBetweenTwoChecksIsSeenByTheSecond() {
        // Ticked met, but the facts fail: not met, until the facts change.
        let first = check("k1", date: "2026-02-20", observations: droppedOut)
        let second = check("k2", date: "2026-02-25", observations: backAtSchool)
        let trail = AuditTrail(householdID: inSchool.id, checks: [second, first], edits: [edit], config: RulesConfig(), facts: facts)
        guard trail.steps.count == 3, case .check(let a) = trail.steps[0], case .edit(let e) = trail.steps[1],
              case .check(let b) = trail.steps[2] else { return XCTFail("not in recorded order: \(trail.steps)") }
        XCTAssertEqual(a.check.id, "k1")
        XCTAssertEqual(a.changes.first { $0.indicator == .education }?.to, .notMet)
        XCTAssertEqual(e.changes.map(\.indicator), [.education])
        XCTAssertEqual(e.changes.first?.from, .notMet)
        XCTAssertEqual(e.changes.first?.to, .met)
        XCTAssertEqual(b.check.id, "k2")
        XCTAssertFalse(b.changes.contains { $0.indicator == .education }, "the edit changed it, not the visit: \(b.changes)")

        // Judged on today's record without the edits' times, the first visit's observation
        // would still decide before the second, and the second would take the credit.
        let flat = AuditTrail(household: facts([edit.id]).0, checks: [first, second], config: RulesConfig())
        XCTAssertEqual(flat.entries[1].changes.first { $0.indicator == .education }?.from, .notMet)
    }

    /// At one instant an edit comes before a check (an edit wins a tie, as in `FactTimes`),
    /// and an edit with no day (a merge's registration difference) changes nothing.
    func testOrderAtOneInstantAndEditsWithNoDay() {
        let same = check("k1", date: "2026-02-21", recordedAt: "2026-02-21T09:00:00Z")
        let registration = HouseholdEdit(id: "e-0", householdID: inSchool.id, field: "phone", value: .string("1"), parents: [],
                                         deviceID: "d1", recordedAt: "0000-00-00T00:00:00Z")
        let trail = AuditTrail(householdID: inSchool.id, checks: [same], edits: [edit, registration], config: RulesConfig(), facts: facts)
        let order = trail.steps.map { step -> String in
            switch step {
            case .check(let c): c.check.id
            case .edit(let e): e.edit.id
            }
        }
        XCTAssertEqual(order, ["e-0", "e-school", "k1"])
        if case .edit(let e) = trail.steps[0] { XCTAssertTrue(e.changes.isEmpty) }
    }
}
