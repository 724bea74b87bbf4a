@testable import SanbaoCore
import XCTest

/// `ordinal` is the position in `allCases` (orders, shared-label positions and hashing rely on
/// it), and hashing by it keeps every case apart.
final class IndicatorTests: XCTestCase {
    func testOrdinalIsThePositionInAllCases() {
        XCTAssertEqual(Indicator.allCases.map(\.ordinal), Array(Indicator.allCases.indices))
        XCTAssertEqual(IndicatorState.allCases.map(\.ordinal), Array(IndicatorState.allCases.indices))
        XCTAssertEqual(Indicator.allCases.sorted(), Indicator.allCases, "ordered as listed")
    }

    func testHashingKeepsCasesApart() {
        XCTAssertEqual(Set(Indicator.allCases).count, Indicator.allCases.count)
        XCTAssertEqual(Set(IndicatorState.allCases).count, IndicatorState.allCases.count)
        let byIndicator = Dictionary(uniqueKeysWithValues: Indicator.allCases.map { ($0, $0.rawValue) })
        for i in Indicator.allCases { XCTAssertEqual(byIndicator[i], i.rawValue) }
        // Equal values hash alike within a run (a case read from its raw value is the same key).
        XCTAssertEqual(byIndicator[Indicator(rawValue: "water")!], "water")
    }
}
