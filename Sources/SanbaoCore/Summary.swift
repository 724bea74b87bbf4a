/// Counts of indicator states over a set of households: the figures a township reads.
public struct Tally: Hashable, Sendable {
    public var households = 0
    public var meetingStandard = 0
    public var overdue = 0
    /// `counts[indicator][state]` = number of households.
    public var counts: [Indicator: [IndicatorState: Int]] = [:]

    public init() {}

    public func count(_ indicator: Indicator, _ state: IndicatorState) -> Int {
        counts[indicator]?[state] ?? 0
    }

    public mutating func add(_ a: HouseholdAssessment) {
        households += 1
        if a.meetsStandard { meetingStandard += 1 }
        if a.overdue { overdue += 1 }
        for i in Indicator.allCases { counts[i, default: [:]][a.state(i), default: 0] += 1 }
    }
}

/// Tallies for the whole selection and per village, group and cadre.
public struct Summary: Hashable, Sendable {
    /// A village (by code) and one of its groups.
    public struct GroupKey: Hashable, Sendable, Comparable {
        public var villageCode: String
        public var group: String
        public static func < (a: GroupKey, b: GroupKey) -> Bool {
            (a.villageCode, a.group) < (b.villageCode, b.group)
        }
    }

    public var date: LocalDate
    public var total = Tally()
    public var byVillage: [String: Tally] = [:]
    public var byGroup: [GroupKey: Tally] = [:]
    /// Keyed by cadre id; households with no cadre on the date are under "".
    public var byCadre: [String: Tally] = [:]

    public init(date: LocalDate) {
        self.date = date
    }

    /// Summarises `dataset` on `date`.
    public init(_ dataset: Dataset, on date: LocalDate) {
        self.init(date: date)
        for (h, a) in zip(dataset.households, dataset.assessments(on: date)) {
            add(h, a)
        }
    }

    public mutating func add(_ h: Household, _ a: HouseholdAssessment) {
        total.add(a)
        byVillage[h.address.villageCode, default: Tally()].add(a)
        byGroup[GroupKey(villageCode: h.address.villageCode, group: h.address.group), default: Tally()].add(a)
        byCadre[h.cadreID(on: date) ?? "", default: Tally()].add(a)
    }
}
