@testable import SanbaoExport
import XCTest

/// `Array.joining(moving:placeholder:)`: the elements in order, each moved once, and the
/// parts left holding the placeholder.
final class MovingJoinTests: XCTestCase {
    /// Counts live instances, to show nothing is copied or lost.
    final class Tracked {
        nonisolated(unsafe) static var live = 0
        let n: Int
        init(_ n: Int) { self.n = n; Self.live += 1 }
        deinit { Self.live -= 1 }
    }

    func testJoinsInOrderWithoutCopies() {
        Tracked.live = 0
        do {
            let placeholder = Tracked(-1)
            var parts: [[Tracked]] = [[Tracked(0), Tracked(1)], [], [Tracked(2)], [Tracked(3), Tracked(4), Tracked(5)]]
            XCTAssertEqual(Tracked.live, 7)
            let joined = [Tracked].joining(moving: &parts, placeholder: placeholder)
            XCTAssertEqual(joined.map(\.n), [0, 1, 2, 3, 4, 5])
            XCTAssertEqual(Tracked.live, 7, "moved, not copied: no new instance, none freed")
            XCTAssertEqual(parts.map(\.count), [2, 0, 1, 3], "the parts keep their length")
            XCTAssertTrue(parts.joined().allSatisfy { $0 === placeholder }, "and hold the placeholder")
            parts = []
            XCTAssertEqual(Tracked.live, 7, "freeing the parts frees none of the joined elements")
            withExtendedLifetime(joined) {}
        }
        XCTAssertEqual(Tracked.live, 0, "each element freed once")
    }

    func testNothingToJoin() {
        var none: [[Int]] = []
        XCTAssertEqual([Int].joining(moving: &none, placeholder: 0), [])
        var empties: [[Int]] = [[], []]
        XCTAssertEqual([Int].joining(moving: &empties, placeholder: 0), [])
    }
}
