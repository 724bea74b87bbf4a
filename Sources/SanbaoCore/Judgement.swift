/// What the facts alone say about one indicator, before the latest check is taken into
/// account. `unknown` means a fact the rule needs is missing.
public struct Judgement: Hashable, Sendable {
    public enum Verdict: Hashable, Sendable {
        case met, notMet, followUp, notApplicable, unknown

        /// Which verdict decides when parts differ (lower wins): any not-met, then unknown,
        /// then follow-up, then met, then not applicable.
        var precedence: Int {
            switch self {
            case .notMet: 0
            case .unknown: 1
            case .followUp: 2
            case .met: 3
            case .notApplicable: 4
            }
        }
    }

    public var verdict: Verdict
    public var reasons: [Bilingual]

    public init(_ verdict: Verdict, _ reasons: [Bilingual] = []) {
        self.verdict = verdict
        self.reasons = reasons
    }

    /// Combines several per-item judgements: any not-met wins, then unknown, then
    /// follow-up; all reasons of the deciding kind are kept.
    public static func worst(of parts: [Judgement], whenEmpty: Judgement) -> Judgement {
        guard var deciding = parts.first?.verdict else { return whenEmpty }
        // One pass for the deciding kind, one for its reasons: no list is made when the
        // parts have none to give (every household's indicators are judged this way).
        for p in parts.dropFirst() where p.verdict.precedence < deciding.precedence { deciding = p.verdict }
        var reasons: [Bilingual] = []
        for p in parts where p.verdict == deciding { reasons += p.reasons }
        // Follow-up notes ride along with a not-met or unknown result.
        if deciding == .notMet || deciding == .unknown {
            for p in parts where p.verdict == .followUp { reasons += p.reasons }
        }
        return Judgement(deciding, reasons)
    }
}

/// One indicator's rule: a pure function from the household's facts on a date to a judgement.
public protocol IndicatorRule {
    static var indicator: Indicator { get }
    static func judge(_ household: Household, on date: LocalDate, config: RulesConfig) -> Judgement
}
