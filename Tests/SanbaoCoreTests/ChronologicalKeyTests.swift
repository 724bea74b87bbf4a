@testable import SanbaoCore
import XCTest

/// Checks are ordered by keys of packed words (`ChronologicalKey`, `PackedText`); the
/// order must be exactly that of comparing `(date, recordedAt, id)` as strings, whatever
/// the strings hold.
final class ChronologicalKeyTests: XCTestCase {
    /// Texts that pack and texts that do not, side by side: prefixes of one another, 24
    /// bytes and 25, NUL, DEL, accents, Chinese, a combining mark (compared by String's
    /// rules, not bytes), the empty string.
    static let texts = ["", "2026-02-01T09:00:00Z", "2026-02-01T09:00:00.5Z", "2026-02-01T09:00:00", "2026-02-01T09",
                        "2026-02-01T09:00:00.000001Z", "2026-02-01T09:00:00.0000001Z", "123456789012345678901234",
                        "1234567890123456789012345", "12345678901234567890123", "a\u{0}b", "a", "a\u{7F}", "é", "e\u{301}",
                        "检查", "20261125-68fd4028", "20261125-68fd4028x", "Z", "z", "~", "20261125-68fd402"]

    func testPackedTextsCompareAsStrings() {
        for a in Self.texts {
            for b in Self.texts {
                XCTAssertEqual(PackedText(a) < PackedText(b), a < b, "\(a.debugDescription) < \(b.debugDescription)")
                XCTAssertEqual(PackedText(a) == PackedText(b), a == b, "\(a.debugDescription) == \(b.debugDescription)")
            }
        }
    }

    func testChronologicalIsTheOrderOfDateTimeAndID() {
        var rng = SeededGenerator(seed: 20_261_206)
        let dates = ["2026-01-31", "2026-02-01", "2025-12-31"]
        let checks = (0..<2_000).map { k in
            check(Self.texts.randomElement(using: &rng)! + (Bool.random(using: &rng) ? "" : "\(k % 7)"),
                  date: dates.randomElement(using: &rng)!, recordedAt: Self.texts.randomElement(using: &rng)!)
        }
        let expected = checks.enumerated().sorted { x, y in
            let (a, b) = (x.element, y.element)
            if (a.date, a.recordedAt, a.id) != (b.date, b.recordedAt, b.id) { return (a.date, a.recordedAt, a.id) < (b.date, b.recordedAt, b.id) }
            return x.offset < y.offset  // a stable sort keeps equal keys in their order
        }.map(\.offset)
        XCTAssertEqual(CheckHistory.chronologicalIndices(checks, Array(checks.indices)), expected)
        XCTAssertEqual(CheckHistory.chronological(checks).map(\.id), expected.map { checks[$0].id })
    }
}
