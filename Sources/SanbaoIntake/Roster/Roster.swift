import SanbaoCore

/// A roster file read into domain values: its households (members in file order, each
/// paired with its cadre from the intake date), its cadres, and every problem found.
/// When `problems` is not empty nothing may be taken in.
public struct Roster: Sendable {
    /// The households, cadres and stated fields: what the store merges.
    public var content = RosterContent()
    public var households: [Household] { content.households }
    /// The fields the file has: a field it lacks (or a blank cell) says nothing, so it
    /// never changes what the data holds.
    public var columns: Set<RosterColumn> = []
    /// Header cells naming no known column, as written.
    public var unknownColumns: [String] = []
    public var problems: [RosterProblem] = []
    /// Member rows read.
    public var memberRows = 0
    /// Households the rows name (by household number), refused ones included.
    public var householdCount = 0
    /// The header's row number (0 when none was found).
    public var headerRow = 0
    /// The header cells as the file writes them.
    public var headerTitles: [String] = []

    public init() {}

    /// Rows (by number) that a problem names, for writing the refused rows back out.
    public var refusedRows: Set<Int> { Set(problems.compactMap(\.row)) }
}
