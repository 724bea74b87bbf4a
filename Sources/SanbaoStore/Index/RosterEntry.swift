import SanbaoCore

/// A roster row with what a search needs and where the household is read from: one
/// line of the roster index, and what the TUI's roster is built from.
public struct RosterEntry: Hashable, Sendable {
    public var row: RosterRow
    /// Names of all members, household number, village and group, space-separated.
    public var searchText: String
    /// The last `idEndLength` characters of each member's ID number, upper-cased and
    /// space-separated: all a search by "the last digits" needs. Not the whole number,
    /// so the index, a cache on disk, is not a second full copy of everyone's ID.
    public var idEnds: String
    /// The village code of the files the household is read from.
    public var fileVillage: String

    /// How many characters of an ID number the roster keeps: the masked number shows
    /// the last four; a search may give up to six.
    public static let idEndLength = 6

    public init(row: RosterRow, searchText: String, idEnds: String, fileVillage: String) {
        self.row = row
        self.searchText = searchText
        self.idEnds = idEnds
        self.fileVillage = fileVillage
    }

    /// The entry of `household` as assessed; `cadreName` nil when unknown.
    public init(_ household: Household, _ assessment: HouseholdAssessment, cadreName: String?, fileVillage: String) {
        self.init(household, row: RosterRow(household, assessment, cadreName: cadreName), fileVillage: fileVillage)
    }

    /// The entry of `household` whose roster row is `row`: the row and the texts a search
    /// looks at.
    public init(_ household: Household, row: RosterRow, fileVillage: String) {
        let h = household
        self.row = row
        searchText = (h.members.map(\.name) + [h.number, h.address.village, h.address.group]).joined(separator: " ")
        idEnds = h.members.compactMap { $0.idNumber.map { String($0.uppercased().suffix(Self.idEndLength)) } }
            .joined(separator: " ")
        self.fileVillage = fileVillage
    }
}

extension Dataset {
    /// Roster entries of every household on `date`, in household order: the rows of
    /// `roster(on:)` with their search texts. `fileVillage` is taken from the address (an
    /// in-memory dataset has no files).
    public func rosterEntries(on date: LocalDate) -> [RosterEntry] {
        zip(households, roster(on: date)).map { h, row in RosterEntry(h, row: row, fileVillage: h.address.villageCode) }
    }
}
