/// Everything one data directory holds, as values: the unit the rules, summaries,
/// validation and merges work on. The store reads and writes it; nothing here does I/O.
public struct Dataset: Hashable, Sendable {
    public var cadres: [Cadre]
    public var households: [Household]
    public var checks: [Check]
    /// Every change made to household records; `households` already reflects them.
    public var edits: [HouseholdEdit]
    public var rules: RulesConfig

    public init(cadres: [Cadre] = [], households: [Household] = [], checks: [Check] = [],
                edits: [HouseholdEdit] = [], rules: RulesConfig = RulesConfig()) {
        self.cadres = cadres
        self.households = households
        self.checks = checks
        self.edits = edits
        self.rules = rules
    }

    public func household(_ id: String) -> Household? { households.first { $0.id == id } }

    public func cadre(_ id: String) -> Cadre? { cadres.first { $0.id == id } }

    /// Checks grouped by household id, each group in chronological order.
    public var checksByHousehold: [String: [Check]] {
        Dictionary(grouping: checks, by: \.householdID).mapValues(CheckHistory.chronological)
    }

    /// Assessment of every household on `date`, in the order of `households`.
    public func assessments(on date: LocalDate) -> [HouseholdAssessment] {
        let assessor = Assessor(self)
        let byHousehold = Dictionary(grouping: checks, by: \.householdID)
        return households.concurrentMap { assessor.assess($0, checks: byHousehold[$0.id] ?? [], on: date) }
    }
}
