import SanbaoCore
@testable import SanbaoTUI
import XCTest

/// The check form asks about every indicator, once each, in `Indicator.allCases` order:
/// an indicator added to the domain without a page of the form fails here.
final class IndicatorPagesTests: XCTestCase {
    func testEveryIndicatorHasOnePage() {
        XCTAssertEqual(CheckFormScreen.Page.allCases.compactMap(\.indicator), Indicator.allCases)
    }

    func testRosterHasAColumnPerIndicator() {
        XCTAssertEqual(RosterScreen.widths(80).count, 4 + Indicator.allCases.count + 2)
    }
}
