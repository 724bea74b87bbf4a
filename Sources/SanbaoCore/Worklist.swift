/// The follow-up worklist: what a cadre must go back for by a date — every open follow-up
/// (the follow-up date of a household's latest check) due by then, and every household
/// whose next visit falls due by then (its last check more than `visit_interval_days`
/// before the date, or never visited) — soonest first, each with the indicators to look
/// at and their notes. A later visit closes a follow-up: only the latest check's counts.
public struct Worklist: Sendable {
    public struct Item: Hashable, Sendable {
        public enum Kind: Hashable, Sendable { case followUp, visit }
        public var householdID: String
        public var kind: Kind
        /// When it is due: the follow-up date, or the day the visit becomes overdue; nil
        /// for a household never visited (due at once, listed first).
        public var due: LocalDate?
        public var lastCheck: LocalDate?
        /// The indicators not met or needing follow-up on the date, with the latest check's notes.
        public var indicators: [Open]
    }

    /// An indicator that does not pass, and the latest check's note on it ("" when none).
    public struct Open: Hashable, Sendable {
        public var indicator: Indicator
        public var note: String
    }

    public var items: [Item]

    public init(_ d: Dataset, by date: LocalDate, households: Set<String>? = nil) {
        let interval = d.rules.visitIntervalDays
        let byHousehold = Dictionary(grouping: d.checks, by: \.householdID)
        var out: [Item] = []
        let assessor = Assessor(d)
        for h in d.households where households?.contains(h.id) ?? true {
            let mine = byHousehold[h.id] ?? []
            let history = CheckHistory.effectiveIndices(mine, of: h.id, through: date)
            let latest = history.last.map { mine[$0] }
            let assessment = assessor.assess(h, checks: mine, history: history, on: date)
            let open = Self.openIndicators(assessment, latest)
            if let due = latest?.followUp, due <= date {
                out.append(Item(householdID: h.id, kind: .followUp, due: due, lastCheck: latest?.date, indicators: open))
            }
            let next = latest.map { $0.date.adding(days: interval + 1) }
            if next.map({ $0 <= date }) ?? true {
                out.append(Item(householdID: h.id, kind: .visit, due: next, lastCheck: latest?.date, indicators: open))
            }
        }
        items = out.sorted(by: Self.soonestFirst)
    }

    /// Never visited first, then by date; on one day by household, a follow-up before a visit.
    static func soonestFirst(_ a: Item, _ b: Item) -> Bool {
        switch (a.due, b.due) {
        case (nil, nil): return a.householdID < b.householdID
        case (nil, _): return true
        case (_, nil): return false
        case let (x?, y?): return (x, a.householdID, a.kind == .followUp ? 0 : 1) < (y, b.householdID, b.kind == .followUp ? 0 : 1)
        }
    }

    /// The indicators that do not pass on the date (not met, follow-up), in the standard
    /// order, each with the latest check's note on it.
    static func openIndicators(_ a: HouseholdAssessment, _ latest: Check?) -> [Open] {
        Indicator.allCases.compactMap { i in
            let s = a.state(i)
            guard s == .notMet || s == .followUp else { return nil }
            return Open(indicator: i, note: latest?.findings[i]?.note ?? "")
        }
    }
}
