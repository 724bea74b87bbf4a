import XCTest
@testable import SanbaoCore

/// Naming a household as a cadre does: the full id, the 户编号, or the end of either when
/// it names one household (issue 14, defect 17).
final class HouseholdReferenceTests: XCTestCase {
    func village(_ code: String, _ n: Int) -> [Household] {
        (1...n).map { k in
            var h = household(code + "-" + String(String(k + 10000).suffix(4)))
            h.number = code + String(String(k + 10000).suffix(4))
            return h
        }
    }

    func ids(_ r: HouseholdReference) -> [String] {
        switch r {
        case .one(let h): [h.id]
        case .none: []
        case .many(let hs): hs.map(\.id)
        }
    }

    func testShortFormsNameOneHousehold() {
        let hs = village("621121103201", 20)
        for typed in ["621121103201-0004", "6211211032010004", "0004", "004", "4", " 0004 "] {
            XCTAssertEqual(ids(HouseholdReference(typed, in: hs)), ["621121103201-0004"], typed)
        }
        XCTAssertEqual(ids(HouseholdReference("14", in: hs)), ["621121103201-0014"])
    }

    func testAmbiguousFormsListEveryCandidate() {
        let hs = village("621121103201", 5) + village("621121103202", 5)
        let r = HouseholdReference("0004", in: hs)
        XCTAssertEqual(ids(r), ["621121103201-0004", "621121103202-0004"])
        // The full forms still name one.
        XCTAssertEqual(ids(HouseholdReference("6211211032020004", in: hs)), ["621121103202-0004"])
    }

    func testWhatNamesNoHousehold() {
        let hs = village("621121103201", 5)
        for typed in ["", "0099", "99", "621121103201-0099", "四", "-4", "x0004"] {
            XCTAssertEqual(ids(HouseholdReference(typed, in: hs)), [], typed)
        }
    }
}
