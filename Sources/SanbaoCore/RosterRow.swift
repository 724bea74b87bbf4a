/// One household as a line of the roster: what `sanbao list` prints and what the TUI's
/// roster shows. Derived from the household, its assessment and the cadre list, or read
/// back from the store's roster index (which keeps exactly these fields).
public struct RosterRow: Hashable, Sendable {
    public var id: String
    public var number: String
    public var head: String
    public var village: String
    public var villageCode: String
    public var group: String
    /// The cadre paired on the date judged: id and name (nil when unpaired or unknown).
    public var cadreID: String?
    public var cadre: String?
    public var members: Int
    public var stateSet: StateSet
    public var lastCheck: LocalDate?
    public var followUp: LocalDate?
    public var overdue: Bool
    public var monitoring: MonitoringCategory?

    public init(_ h: Household, _ a: HouseholdAssessment, cadreName: String?) {
        self.init(id: h.id, number: h.number, head: h.head?.name ?? "", village: h.address.village,
                  villageCode: h.address.villageCode, group: h.address.group, cadreID: h.cadreID(on: a.date),
                  cadre: cadreName, members: h.members.count, states: StateSet(a.indicators.mapValues(\.state)),
                  lastCheck: a.lastCheck, followUp: a.followUp, overdue: a.overdue, monitoring: h.status.monitoring)
    }

    public init(id: String, number: String, head: String, village: String, villageCode: String, group: String,
                cadreID: String?, cadre: String?, members: Int, states: StateSet, lastCheck: LocalDate?,
                followUp: LocalDate?, overdue: Bool, monitoring: MonitoringCategory?) {
        self.id = id
        self.number = number
        self.head = head
        self.village = village
        self.villageCode = villageCode
        self.group = group
        self.cadreID = cadreID
        self.cadre = cadre
        self.members = members
        self.stateSet = states
        self.lastCheck = lastCheck
        self.followUp = followUp
        self.overdue = overdue
        self.monitoring = monitoring
    }

    public var states: [Indicator: IndicatorState] { stateSet.dictionary }

    public var meetsStandard: Bool { stateSet.meetsStandard }

    public func state(_ i: Indicator) -> IndicatorState { stateSet[i] }

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
