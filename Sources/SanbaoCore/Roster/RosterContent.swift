/// What a roster file says, as domain values: the households it lists (members in file
/// order, paired with their cadre from the intake date), its cadres, and which fields
/// each row actually states. A blank cell or a missing column states nothing, so taking
/// in a roster never overwrites a known value with a default.
public struct RosterContent: Sendable {
    public var households: [Household] = []
    public var cadres: [Cadre] = []
    /// By household number.
    public var stated: [String: StatedFields] = [:]

    public init(households: [Household] = [], cadres: [Cadre] = [], stated: [String: StatedFields] = [:]) {
        self.households = households
        self.cadres = cadres
        self.stated = stated
    }
}

/// The fields one household's rows state, by their JSON names: `phone`, `type`,
/// `causes.main`, `status.monitoring`, `address.group`, `pairings` …; and per member
/// (in the household's member order) `name`, `school`, `insured` ….
public struct StatedFields: Hashable, Sendable {
    public var household: Set<String>
    public var members: [Set<String>]

    public init(household: Set<String> = [], members: [Set<String>] = []) {
        self.household = household
        self.members = members
    }
}
