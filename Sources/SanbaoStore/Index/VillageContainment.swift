import SanbaoCore

/// Whether a village's files stand alone: every household id in them starts with the
/// village's code and a dash, and every check and edit in them is of one of those
/// households. It is what lets a command read one village (or the roster index) instead
/// of the county and still say exactly what reading everything says: a household of
/// such a village cannot also be in another village's files (that village's ids start
/// differently), and no check or edit of it can sit anywhere else when every other
/// village stands alone too. The store writes data this way; hand-made data may not be,
/// and is then read whole, as before.
enum VillageContainment {
    static func holds(_ d: Dataset, village code: String) -> Bool {
        let prefix = code + "-"
        var ids = Set<String>()
        ids.reserveCapacity(d.households.count)
        for h in d.households {
            guard h.id.hasPrefix(prefix) else { return false }
            ids.insert(h.id)
        }
        return d.checks.allSatisfy { ids.contains($0.householdID) } && d.edits.allSatisfy { ids.contains($0.householdID) }
    }
}
