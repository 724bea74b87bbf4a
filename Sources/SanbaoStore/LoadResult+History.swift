import SanbaoCore

extension LoadResult {
    /// Household `id` as registered with exactly the edits `ids` applied, and the times
    /// of those edits: the facts as they stood at one point of its history, which
    /// `AuditTrail` judges each check and edit of `sanbao history` on. An edit that cannot
    /// be applied leaves the registered record, as reading does.
    public func household(_ id: String, withEdits ids: Set<String>) -> (Household, FactTimes)? {
        guard let base = bases.first(where: { $0.id == id }) ?? dataset.household(id) else { return nil }
        let log = EditLog(dataset.edits.filter { $0.householdID == id && ids.contains($0.id) })
        guard let patched = try? HouseholdPatcher.apply(log, to: base) else { return (base, FactTimes()) }
        return (patched, FactTimes(heads: log.heads[id] ?? [:]))
    }
}
