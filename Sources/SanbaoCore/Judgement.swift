/// What the facts alone say about one indicator, before the latest check is taken into
/// account. `unknown` means a fact the rule needs is missing.
public struct Judgement: Hashable, Sendable {
    public enum Verdict: Hashable, Sendable {
        case met, notMet, followUp, notApplicable, unknown
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
        guard !parts.isEmpty else { return whenEmpty }
        for verdict in [Verdict.notMet, .unknown, .followUp, .met, .notApplicable] {
            let matching = parts.filter { $0.verdict == verdict }
            if !matching.isEmpty {
                // Follow-up notes ride along with a not-met or unknown result.
                let extra = verdict == .notMet || verdict == .unknown
                    ? parts.filter { $0.verdict == .followUp }.flatMap(\.reasons) : []
                return Judgement(verdict, matching.flatMap(\.reasons) + extra)
            }
        }
        return whenEmpty
    }
}

/// One indicator's rule: a pure function from the household's facts on a date to a judgement.
public protocol IndicatorRule {
    static var indicator: Indicator { get }
    static func judge(_ household: Household, on date: LocalDate, config: RulesConfig) -> Judgement
}
