@testable import SanbaoCore
import XCTest

/// `Judgement.worst` in one pass gives what the list-filtering version gave (kept here as
/// the reference), on every mix of verdicts and reasons.
final class JudgementTests: XCTestCase {
    static func reference(_ parts: [Judgement], whenEmpty: Judgement) -> Judgement {
        guard !parts.isEmpty else { return whenEmpty }
        for verdict in [Judgement.Verdict.notMet, .unknown, .followUp, .met, .notApplicable] {
            let matching = parts.filter { $0.verdict == verdict }
            if !matching.isEmpty {
                let extra = verdict == .notMet || verdict == .unknown
                    ? parts.filter { $0.verdict == .followUp }.flatMap(\.reasons) : []
                return Judgement(verdict, matching.flatMap(\.reasons) + extra)
            }
        }
        return whenEmpty
    }

    func testWorstEqualsTheReference() {
        let verdicts: [Judgement.Verdict] = [.met, .notMet, .followUp, .notApplicable, .unknown]
        var rng = SeededGenerator(seed: 20_261_125)
        let empty = Judgement(.unknown, [Bilingual(zh: "空", en: "empty")])
        XCTAssertEqual(Judgement.worst(of: [], whenEmpty: empty), empty)
        for n in 0..<5_000 {
            let parts = (0..<Int.random(in: 1...6, using: &rng)).map { k in
                Judgement(verdicts.randomElement(using: &rng)!,
                          (0..<Int.random(in: 0...2, using: &rng)).map { r in Bilingual(zh: "理由\(n)-\(k)-\(r)", en: "r\(n)-\(k)-\(r)") })
            }
            XCTAssertEqual(Judgement.worst(of: parts, whenEmpty: empty), Self.reference(parts, whenEmpty: empty), "\(parts)")
        }
    }
}
