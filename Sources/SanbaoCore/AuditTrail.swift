/// A household's full history as an audit trail: every check ever saved, amended ones
/// included, in the order they were recorded, each with the indicator states it changed.
public struct AuditTrail: Sendable {
    public struct Entry: Sendable {
        public var check: Check
        /// Indicator states on the visit date before and after this check was recorded.
        public var changes: [(indicator: Indicator, from: IndicatorState, to: IndicatorState)]
        /// The id of the check that corrected this one, if any.
        public var supersededBy: String?
    }

    public var entries: [Entry]

    public init(household: Household, checks: [Check], config: RulesConfig) {
        let all = checks.filter { $0.householdID == household.id }
        // A correction always follows what it corrects, even when both were recorded in
        // the same instant: order by time, then by how deep in a correction chain.
        let byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func depth(_ c: Check) -> Int {
            var d = 0
            var next = c.supersedes
            while let id = next, let prior = byID[id], d < all.count { d += 1; next = prior.supersedes }
            return d
        }
        let mine = all.map { ($0, depth($0)) }
            .sorted { ($0.0.recordedAt, $0.1, $0.0.id) < ($1.0.recordedAt, $1.1, $1.0.id) }.map(\.0)
        let assessor = Assessor(config: config)
        var seen: [Check] = []
        entries = mine.map { c in
            let before = assessor.assess(household, checks: seen, on: c.date)
            seen.append(c)
            let after = assessor.assess(household, checks: seen, on: c.date)
            let changes = Indicator.allCases.compactMap { i -> (indicator: Indicator, from: IndicatorState, to: IndicatorState)? in
                before.state(i) == after.state(i) ? nil : (i, before.state(i), after.state(i))
            }
            return Entry(check: c, changes: changes, supersededBy: mine.first { $0.supersedes == c.id }?.id)
        }
    }
}
