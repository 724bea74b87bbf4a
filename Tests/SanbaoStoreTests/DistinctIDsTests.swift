import SanbaoCore
@testable import SanbaoStore
import XCTest

/// `DistinctIDs` says what a set of every id says, few records or many (split by hash
/// over the cores), a repeat first, last or between.
final class DistinctIDsTests: XCTestCase {
    func testRepeatsAreFoundWhereverTheyAre() {
        for count in [0, 1, 2, 100, 8192, 8193, 40_000] {
            let ids = (0..<count).map { "20261125-\(String($0, radix: 16))" }
            XCTAssertTrue(DistinctIDs.hold(ids) { $0 }, "\(count) distinct")
            guard count > 1 else { continue }
            for (from, to) in [(0, count - 1), (count - 1, 0), (count / 2, count / 3), (1, 0)] where from != to {
                var copy = ids
                copy[to] = copy[from]
                XCTAssertFalse(DistinctIDs.hold(copy) { $0 }, "\(count): \(from) repeated at \(to)")
            }
        }
    }
}
