@testable import SanbaoCore
import XCTest

/// `concurrentMap` gives what `map` gives, in the same order, whatever the sizes.
final class ConcurrentMapTests: XCTestCase {
    func testIndexMapKeepsOrder() {
        for n in [0, 1, 2, 3, 17, 1_000] {
            XCTAssertEqual((0..<n).concurrentMap { $0 * $0 }, (0..<n).map { $0 * $0 }, "\(n)")
        }
        XCTAssertEqual((5..<9).concurrentMap { "\($0)" }, ["5", "6", "7", "8"], "a range not starting at 0")
    }

    func testArrayMapKeepsOrderAcrossChunks() {
        let values = Array(0..<10_007)
        for chunk in [1, 7, 1_024, 20_000] {
            XCTAssertEqual(values.concurrentMap(chunk: chunk) { $0 &* 31 }, values.map { $0 &* 31 }, "chunk \(chunk)")
        }
        XCTAssertEqual([Int]().concurrentMap { $0 }, [])
    }

    func testEachIndexRunsOnce() {
        let runs = (0..<64).concurrentMap { k in (0..<1_000).reduce(k) { $0 &+ $1 } }
        XCTAssertEqual(runs, (0..<64).map { k in (0..<1_000).reduce(k) { $0 &+ $1 } })
    }
}
