/// The facts a household is judged on, with where they came from: the record (its
/// registration and every edit) overlaid with the observations of its visits, each fact
/// as recorded last (docs/rules.md, "Facts and checks"). What the rules judge and what
/// `show` and the household screen list; `observedOn` lets them say when a visit's
/// observation, not the record, decides an indicator's facts ("据 2026-11-02 入户检查").
public struct CurrentFacts: Sendable {
    public var household: Household
    /// Indicator → the date of the latest visit whose observation is in force for it.
    public var observedOn: [Indicator: LocalDate]
    /// Indicator → that visit's check id (`show --json`'s `decided_by`).
    public var observedIn: [Indicator: String] = [:]

    /// The words that say a visit decided the facts: "据 2026-11-02 入户检查".
    public static func observed(_ date: LocalDate) -> Bilingual {
        Bilingual(zh: "据 \(date) 入户检查", en: "per the visit of \(date)")
    }

    /// The sentence for `indicator`, or nil when the record decides its facts.
    public func source(of indicator: Indicator) -> Bilingual? {
        observedOn[indicator].map(Self.observed)
    }
}

/// The indicators whose facts one check's observations set: a few bits, so laying a
/// county's observations over its records allocates nothing for them.
public struct ObservedFacts: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public init(_ indicator: Indicator) {
        let position = Indicator.allCases.firstIndex(of: indicator) ?? 0
        rawValue = UInt8(1) << UInt8(position)
    }

    public var indicators: [Indicator] {
        var out: [Indicator] = []
        for i in Indicator.allCases where contains(ObservedFacts(i)) { out.append(i) }
        return out
    }
}
