import SanbaoCore

/// A roster row with what a search needs and where the household is read from: one
/// line of the roster index, and what the TUI's roster is built from.
public struct RosterEntry: Hashable, Sendable {
    public var row: RosterRow
    /// Names of all members, household number, village and group, space-separated.
    public var searchText: String
    /// The members' ID numbers, upper-cased and space-separated (searched by their ends).
    public var idNumbers: String
    /// The village code of the files the household is read from.
    public var fileVillage: String

    public init(row: RosterRow, searchText: String, idNumbers: String, fileVillage: String) {
        self.row = row
        self.searchText = searchText
        self.idNumbers = idNumbers
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
        idNumbers = h.members.compactMap { $0.idNumber?.uppercased() }.joined(separator: " ")
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
