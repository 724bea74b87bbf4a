/// One household as a line of the roster: what `sanbao list` prints and what the TUI's
/// roster shows. Derived from the household, its assessment and the cadre list.
public struct RosterRow: Hashable, Sendable {
    public var id: String
    public var number: String
    public var head: String
    public var village: String
    public var villageCode: String
    public var group: String
    public var cadre: String?
    public var members: Int
    public var states: [Indicator: IndicatorState]
    public var meetsStandard: Bool
    public var lastCheck: LocalDate?
    public var followUp: LocalDate?
    public var overdue: Bool
    public var monitoring: MonitoringCategory?

    public init(_ h: Household, _ a: HouseholdAssessment, cadreName: String?) {
        id = h.id
        number = h.number
        head = h.head?.name ?? ""
        village = h.address.village
        villageCode = h.address.villageCode
        group = h.address.group
        cadre = cadreName
        members = h.members.count
        states = a.indicators.mapValues(\.state)
        meetsStandard = a.meetsStandard
        lastCheck = a.lastCheck
        followUp = a.followUp
        overdue = a.overdue
        monitoring = h.status.monitoring
    }

    public func state(_ i: Indicator) -> IndicatorState { states[i] ?? .unchecked }

    /// Days from the last check to `date`, or nil when never checked.
    public func daysSinceVisit(on date: LocalDate) -> Int? { lastCheck.map { $0.days(to: date) } }
}

extension Dataset {
    /// Roster rows for every household on `date`, in household order.
    public func roster(on date: LocalDate) -> [RosterRow] {
        let names = Dictionary(cadres.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return zip(households, assessments(on: date)).map { h, a in
            RosterRow(h, a, cadreName: h.cadreID(on: date).flatMap { names[$0] })
        }
    }

    /// The cadre ids whose name or id is `nameOrID`.
    public func cadreIDs(matching nameOrID: String) -> Set<String> {
        Set(cadres.filter { $0.name == nameOrID || $0.id == nameOrID }.map(\.id))
    }
}
