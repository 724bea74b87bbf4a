import XCTest
@testable import SanbaoCore

/// Members who join and leave (人口自然变更): from the date they leave they count in no
/// rule; before the date they join, neither. The record keeps them either way.
final class MemberChangeTests: XCTestCase {
    let assessor = Assessor()

    func state(_ h: Household, _ indicator: Indicator, on date: LocalDate = assessDate) -> IndicatorState {
        assessor.assess(h, checks: [check(household: h.id, date: "2026-01-05")], on: date).indicators[indicator]!.state
    }

    func testADropoutWhoMovedAwayNoLongerFailsEducation() {
        var dropout = child(2, "王小军", born: "2012-09-01", school: .droppedOut)  // 13 on assessDate
        let h = household(members: [member(), dropout])
        XCTAssertEqual(state(h, .education), .notMet)
        dropout.left = MemberChange(reason: .movedAway, date: d("2026-02-01"))
        let moved = household(members: [member(), dropout])
        XCTAssertNotEqual(state(moved, .education), .notMet)
        XCTAssertEqual(state(moved, .education, on: d("2026-01-31")), .notMet, "before the move he still counted")
        XCTAssertEqual(moved.members.count, 2, "a member who left is never deleted")
    }

    func testAMemberWhoDiedNoLongerCountsAsUninsured() {
        var grandmother = member(3, "李秀英", born: "1940-02-02", sex: .female, relation: .parent, insured: false)
        XCTAssertEqual(state(household(members: [member(), grandmother]), .medical), .notMet)
        grandmother.left = MemberChange(reason: .died, date: d("2026-01-10"))
        let h = household(members: [member(), grandmother])
        XCTAssertEqual(state(h, .medical), .met)
        XCTAssertEqual(h.departed(by: assessDate).map(\.name), ["李秀英"])
        XCTAssertEqual(h.present(on: assessDate).members.map(\.name), ["王大山"])
    }

    func testAMemberWhoJoinsCountsFromTheJoinDate() {
        var bride = member(4, "张丽", born: "2000-04-04", sex: .female, relation: .daughterInLaw, insured: false)
        bride.joined = MemberChange(reason: .marriedIn, date: d("2026-02-15"))
        let h = household(members: [member(), bride])
        XCTAssertEqual(state(h, .medical, on: d("2026-02-14")), .met)
        XCTAssertEqual(state(h, .medical, on: d("2026-02-15")), .notMet)
    }

    func testChangeDatesAreValidated() {
        var m = member(2, "王小军", born: "2010-01-01", relation: .son)
        m.left = MemberChange(reason: .movedAway, date: d("2009-12-31"))
        m.joined = MemberChange(reason: .movedIn, date: d("2027-01-01"))
        let problems = Validator(today: assessDate).problems(in: household(members: [member(), m]), knownCadres: ["c1"])
        let en = problems.map(\.message.en)
        XCTAssertTrue(en.contains("王小军: left on 2009-12-31, before the birth date 2010-01-01"), "\(en)")
        XCTAssertTrue(en.contains("王小军: joined on 2027-01-01, in the future"), "\(en)")
        XCTAssertTrue(en.contains("王小军: left on 2009-12-31, before joining on 2027-01-01"), "\(en)")
        XCTAssertEqual(problems.first { $0.message.en.contains("in the future") }?.path, "$.members[1].joined.date")
    }

    func testOneHeadOfHouseholdAmongThoseWhoRemain() {
        var old = member(1, "王老汉", born: "1940-01-01")
        let new = member(2, "王大山", born: "1975-06-15")
        let two = Validator(today: assessDate).problems(in: household(members: [old, new]), knownCadres: ["c1"])
        XCTAssertEqual(two.map(\.message.en), ["more than one head of household: 王老汉, 王大山"])
        old.left = MemberChange(reason: .died, date: d("2026-01-01"))
        let h = household(members: [old, new])
        XCTAssertTrue(Validator(today: assessDate).problems(in: h, knownCadres: ["c1"]).isEmpty)
        XCTAssertEqual(h.head?.name, "王大山", "the head is the one who remains")
    }

    func testIdentity() {
        let a = member(1, "王大山", born: "1975-06-15", idNumber: idWithCheck("62112119750615001"))
        var b = a
        b.id = 7
        b.name = "王大珊"  // a typo in one record: the ID number still says who it is
        XCTAssertTrue(a.isSamePerson(as: b))
        b.idNumber = idWithCheck("62112119750615003")
        XCTAssertFalse(a.isSamePerson(as: b))
        var noID = a
        noID.idNumber = nil
        XCTAssertTrue(noID.isSamePerson(as: member(9, "王大山", born: "1975-06-15")))
        XCTAssertFalse(noID.isSamePerson(as: member(9, "王大山", born: "1975-06-16")))
        let h = household(members: [a])
        XCTAssertEqual(NewID.member(for: b, in: h), NewID.member(for: b, in: h), "the same person, the same id")
        XCTAssertNotEqual(NewID.member(for: b, in: h), NewID.member(for: noID, in: household(members: [])))
        XCTAssertGreaterThanOrEqual(NewID.member(for: b, in: h), NewID.firstDeviceMemberID)
        XCTAssertLessThan(NewID.member(for: b, in: h), NewID.firstDeviceMemberID + (1 << 47))
        XCTAssertTrue(NewID.household(headedBy: a, village: wenfeng).hasPrefix(wenfeng + "-n"))
    }
}
