/// A household's full history as an audit trail: every check ever saved, amended ones
/// included, and every edit of its record, in the order they were recorded, each with
/// the indicator states it changed. Each step is judged on the facts as they stood when
/// it was recorded (the record with the edits recorded by then, a later fact winning:
/// docs/rules.md), so an edit between two checks is seen by the second, not the first.
public struct AuditTrail: Sendable {
    public typealias Change = (indicator: Indicator, from: IndicatorState, to: IndicatorState)

    public struct Entry: Sendable {
        public var check: Check
        /// Indicator states on the visit date before and after this check was recorded.
        public var changes: [Change]
        /// The id of the check that corrected this one, if any.
        public var supersededBy: String?
    }

    /// An edit of the record and the states it changed on the day it was recorded (none
    /// for an edit with no day, such as a registration-record difference from a merge).
    public struct EditEntry: Sendable {
        public var edit: HouseholdEdit
        public var changes: [Change]
    }

    public enum Step: Sendable {
        case check(Entry)
        case edit(EditEntry)
    }

    /// Checks and edits in recorded order; at one instant an edit comes first, as a
    /// fact recorded then wins over an observation of the same instant (`FactTimes`).
    public var steps: [Step]

    /// The checks' entries, in recorded order.
    public var entries: [Entry] {
        steps.compactMap { if case .check(let e) = $0 { e } else { nil } }
    }

    /// The trail of `household` judged on its record as it is now, without edit times.
    public init(household: Household, checks: [Check], config: RulesConfig) {
        self.init(householdID: household.id, checks: checks, edits: [], config: config) { _ in (household, FactTimes()) }
    }

    /// `facts(ids)`: the household's record with exactly the edits `ids` applied, and
    /// their times (the store applies edits; this module reads no file). `edits` may hold
    /// other households'.
    public init(householdID: String, checks: [Check], edits: [HouseholdEdit], config: RulesConfig,
                facts: (Set<String>) -> (Household, FactTimes)) {
        let mine = Self.ordered(checks.filter { $0.householdID == householdID })
        let changes = edits.filter { $0.householdID == householdID }
        var applied: Set<String> = []
        var seen: [Check] = []
        var steps: [Step] = []
        for item in Self.timeline(mine, changes) {
            let (before, times) = facts(applied)
            let assessor = Assessor(config: config, clock: FactClock(single: [householdID: times]))
            switch item {
            case .check(let c):
                let from = assessor.assess(before, checks: seen, on: c.date)
                seen.append(c)
                let to = assessor.assess(before, checks: seen, on: c.date)
                steps.append(.check(Entry(check: c, changes: Self.changes(from, to),
                                          supersededBy: mine.first { $0.supersedes == c.id }?.id)))
            case .edit(let e):
                applied.insert(e.id)
                guard let day = LocalDate(String(e.recordedAt.prefix(10))), !e.recordedAt.hasPrefix("0000") else {
                    steps.append(.edit(EditEntry(edit: e, changes: [])))
                    continue
                }
                let (after, afterTimes) = facts(applied)
                let from = assessor.assess(before, checks: seen, on: day)
                let to = Assessor(config: config, clock: FactClock(single: [householdID: afterTimes])).assess(after, checks: seen, on: day)
                steps.append(.edit(EditEntry(edit: e, changes: Self.changes(from, to))))
            }
        }
        self.steps = steps
    }

    enum Item {
        case check(Check)
        case edit(HouseholdEdit)
    }

    /// Checks (in recorded order) and edits merged by recorded time, edits first at one
    /// instant; edits of one instant in the order written.
    static func timeline(_ checks: [Check], _ edits: [HouseholdEdit]) -> [Item] {
        let sortedEdits = edits.enumerated().sorted { (RecordedTime($0.element.recordedAt), $0.offset) < (RecordedTime($1.element.recordedAt), $1.offset) }
            .map(\.element)
        var out: [Item] = []
        var k = 0
        for c in checks {
            while k < sortedEdits.count, !(RecordedTime(c.recordedAt) < RecordedTime(sortedEdits[k].recordedAt)) {
                out.append(.edit(sortedEdits[k]))
                k += 1
            }
            out.append(.check(c))
        }
        out += sortedEdits[k...].map { Item.edit($0) }
        return out
    }

    /// A correction always follows what it corrects, even when both were recorded in
    /// the same instant: order by time, then by how deep in a correction chain.
    static func ordered(_ all: [Check]) -> [Check] {
        let byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func depth(_ c: Check) -> Int {
            var d = 0
            var next = c.supersedes
            while let id = next, let prior = byID[id], d < all.count { d += 1; next = prior.supersedes }
            return d
        }
        return all.map { ($0, depth($0)) }
            .sorted { (RecordedTime($0.0.recordedAt), $0.1, $0.0.id) < (RecordedTime($1.0.recordedAt), $1.1, $1.0.id) }.map(\.0)
    }

    static func changes(_ before: HouseholdAssessment, _ after: HouseholdAssessment) -> [Change] {
        Indicator.allCases.compactMap { i -> Change? in
            before.state(i) == after.state(i) ? nil : (i, before.state(i), after.state(i))
        }
    }
}
