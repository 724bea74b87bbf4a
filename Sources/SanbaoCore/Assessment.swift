/// One indicator of one household on a date: its state and the reasons a person reads.
public struct Assessment: Hashable, Sendable {
    public var state: IndicatorState
    public var reasons: [Bilingual]

    public init(state: IndicatorState, reasons: [Bilingual]) {
        self.state = state
        self.reasons = reasons
    }
}

/// Every indicator of one household on one date, with its visit status.
public struct HouseholdAssessment: Hashable, Sendable {
    public var householdID: String
    public var date: LocalDate
    public var indicators: [Indicator: Assessment]
    /// Date of the latest check on or before `date`.
    public var lastCheck: LocalDate?
    /// The follow-up date set by the latest check, if any.
    public var followUp: LocalDate?
    /// No visit within the configured interval (or never visited).
    public var overdue: Bool

    public init(householdID: String, date: LocalDate, indicators: [Indicator: Assessment], lastCheck: LocalDate?,
                followUp: LocalDate?, overdue: Bool) {
        self.householdID = householdID
        self.date = date
        self.indicators = indicators
        self.lastCheck = lastCheck
        self.followUp = followUp
        self.overdue = overdue
    }

    public func state(_ indicator: Indicator) -> IndicatorState {
        indicators[indicator]?.state ?? .unchecked
    }

    /// Meets Gansu's exit standard: all six indicators met or not applicable.
    public var meetsStandard: Bool { Indicator.allCases.allSatisfy { state($0).passes } }

    /// Indicators that do not pass, in the standard order.
    public var failing: [Indicator] { Indicator.allCases.filter { !state($0).passes } }
}
