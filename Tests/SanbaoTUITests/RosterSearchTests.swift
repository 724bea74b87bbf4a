import SanbaoCore
import SanbaoSamples
@testable import SanbaoTUI
import XCTest

/// The roster sorts once and narrows a growing search over the rows already shown;
/// both must show exactly what filtering every row from scratch shows.
final class RosterSearchTests: XCTestCase {
    let asOf = LocalDate(year: 2026, month: 11, day: 25)!

    /// What a screen shows for `text` when it starts from nothing (no cache to reuse).
    func fresh(_ model: Model, _ text: String, configure: (inout RosterScreen) -> Void = { _ in }) -> [Int] {
        var s = RosterScreen(model: model)
        configure(&s)
        s.search = TextField()
        for c in text { _ = s.search.edit(.character(c)) }
        s.orderKey = nil
        s.shownFor = nil
        s.refresh(model)
        return s.visible
    }

    func testTypingOneKeyAtATimeShowsWhatAFreshSearchShows() {
        let model = Model(dataset: Generator.make(households: 1500, seed: 5, asOf: asOf), today: asOf, language: .zh)
        for query in ["zhang", "lhx", "wang s", "621", "0013", "1234x", "文峰", "ma", "g"] {
            var screen = RosterScreen(model: model)
            _ = screen.handle(.character("/"), model: model)
            for (k, c) in query.enumerated() {
                _ = screen.handle(.character(c), model: model)
                let typed = String(query.prefix(k + 1))
                XCTAssertEqual(screen.visible, fresh(model, typed), "after typing \(typed)")
            }
            // Deleting a letter widens again.
            _ = screen.handle(.backspace, model: model)
            XCTAssertEqual(screen.visible, fresh(model, String(query.dropLast())), "after deleting from \(query)")
        }
    }

    func testFiltersAndSortChangesDuringASearchAreHonoured() {
        let model = Model(dataset: Generator.make(households: 1500, seed: 5, asOf: asOf), today: asOf, language: .zh)
        var screen = RosterScreen(model: model)
        _ = screen.handle(.character("/"), model: model)
        for c in "zh" { _ = screen.handle(.character(c), model: model) }
        _ = screen.handle(.enter, model: model)
        _ = screen.handle(.character("f"), model: model)  // any failing indicator
        _ = screen.handle(.character("s"), model: model)  // next sort column
        XCTAssertEqual(screen.visible, fresh(model, "zh") { $0.indicatorFilter = .any; $0.sortColumn = 1 })
        XCTAssertFalse(screen.visible.isEmpty)
        // A second / starts a new search (issue 20); typed afresh, it keeps the filter and sort.
        _ = screen.handle(.character("/"), model: model)
        XCTAssertEqual(screen.visible, fresh(model, "") { $0.indicatorFilter = .any; $0.sortColumn = 1 })
        for c in "zha" { _ = screen.handle(.character(c), model: model) }
        XCTAssertEqual(screen.visible, fresh(model, "zha") { $0.indicatorFilter = .any; $0.sortColumn = 1 })
    }

    func testIDNumberEndsAreFoundWordByWord() {
        XCTAssertTrue(Model.someWord(of: "621121197005120138 62112119700512013X", endsWith: "013X"))
        XCTAssertTrue(Model.someWord(of: "621121197005120138 62112119700512013X", endsWith: "0138"))
        XCTAssertFalse(Model.someWord(of: "621121197005120138 62112119700512013X", endsWith: "0138 6"))
        XCTAssertFalse(Model.someWord(of: "12 34", endsWith: "1234"))
        XCTAssertFalse(Model.someWord(of: "", endsWith: "123"))
        XCTAssertTrue(Model.someWord(of: "123", endsWith: "123"))
    }

    /// The roster keeps only the last six characters of each ID number (issue 16): a
    /// search by the last 3 to 6 finds the household, and so does a longer one (matched
    /// by its own last six), as before.
    func testIDSearchesFindTheHouseholdFromTheKeptEnds() throws {
        let dataset = Generator.make(households: 300, seed: 5, asOf: asOf)
        let model = Model(dataset: dataset, today: asOf, language: .zh)
        let k = 123
        let id = try XCTUnwrap(dataset.households[k].members.compactMap(\.idNumber).first)
        for query in [String(id.suffix(4)), String(id.suffix(6)), String(id.suffix(9)), id] {
            XCTAssertTrue(fresh(model, query).contains(k), "\(query) finds household \(k)")
        }
    }

    func testFilteringSplitOverCoresKeepsOrder() {
        let candidates = (0..<50_001).map { ($0 * 7919) % 50_021 }
        XCTAssertEqual(RosterScreen.filter(candidates, { $0 % 3 == 0 }), candidates.filter { $0 % 3 == 0 })
        XCTAssertEqual(RosterScreen.filter([], { _ in true }), [])
    }
}

extension Model {
    /// `someWord(of:endsWith:)` on Strings, for reading the tests.
    static func someWord(of text: String, endsWith suffix: String) -> Bool {
        var text = text
        var suffix = suffix
        return text.withUTF8 { t in suffix.withUTF8 { someWord(of: t, endsWith: $0) } }
    }
}
