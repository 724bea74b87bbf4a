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
        let h = household
        row = RosterRow(h, assessment, cadreName: cadreName)
        searchText = (h.members.map(\.name) + [h.number, h.address.village, h.address.group]).joined(separator: " ")
        idNumbers = h.members.compactMap { $0.idNumber?.uppercased() }.joined(separator: " ")
        self.fileVillage = fileVillage
    }
}

extension Dataset {
    /// Roster entries of every household on `date`, in household order; `fileVillage`
    /// is taken from the address (an in-memory dataset has no files).
    public func rosterEntries(on date: LocalDate) -> [RosterEntry] {
        let names = Dictionary(cadres.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return zip(households, assessments(on: date)).map { h, a in
            RosterEntry(h, a, cadreName: h.cadreID(on: date).flatMap { names[$0] }, fileVillage: h.address.villageCode)
        }
    }
}
