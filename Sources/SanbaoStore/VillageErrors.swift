import SanbaoCore

/// The errors `Validator.problems(in:)` finds in a dataset, in its order, worked out one
/// village at a time on every core: an import checks the whole county it would leave
/// behind, and the validator's bookkeeping over 200,000 households and 800,000 checks ran
/// on one core where `validate` checks village by village on all. Taken only when the
/// villages stand alone — every id once, every check, correction and edit filed with its
/// own household's village — for then a village's errors are exactly what the whole says
/// of it; otherwise (data that would be refused anyway) the whole is checked at once.
enum VillageErrors {
    /// - Parameters:
    ///   - cut: `d` by village (`VillageCut(d)`), if made already.
    ///   - checkIDsDistinct: whether the caller knows no check id is in `d` twice (an
    ///     import's plan takes each new id once and none that is here), sparing a set of
    ///     every id.
    static func of(_ d: Dataset, _ validator: Validator, cut: VillageCut? = nil, checkIDsDistinct: Bool = false) -> [DataProblem] {
        guard let cut = cut ?? VillageCut(d), idsDistinct(d, checks: !checkIDsDistinct) else { return whole(d, validator) }
        // Each village made and checked on a core of its own; nil where it does not stand alone.
        let found = (0..<cut.codes.count).concurrentMap { p -> (households: [DataProblem], checks: [DataProblem])? in
            let village = cut.dataset(p, of: d)
            return standsAlone(village) ? validator.problemsByKind(in: village) : nil
        }
        let all = found.compactMap { $0 }
        guard all.count == found.count else { return whole(d, validator) }
        return inDatasetOrder(all, d) ?? whole(d, validator)
    }

    static func whole(_ d: Dataset, _ validator: Validator) -> [DataProblem] {
        validator.problems(in: d).filter { $0.severity == .error }
    }

    /// `d` cut into one dataset per village, records in their order; nil when the
    /// villages do not stand alone.
    static func villages(of d: Dataset) -> [Dataset]? {
        guard let cut = VillageCut(d), idsDistinct(d, checks: true) else { return nil }
        let parts = cut.codes.indices.map { cut.dataset($0, of: d) }
        return parts.allSatisfy(standsAlone) ? parts : nil
    }

    /// Whether no edit id (and, when asked, no check id) is in `d` twice. Within a
    /// village `standsAlone` sees it; these are the ids that could be in two.
    static func idsDistinct(_ d: Dataset, checks: Bool) -> Bool {
        DistinctIDs.hold(d.edits, \.id) && (!checks || DistinctIDs.hold(d.checks, \.id))
    }

    /// Whether a village's records name only one another: each household id once, each
    /// check and edit of one of its households, each check id once, each correction of
    /// one of its checks.
    static func standsAlone(_ v: Dataset) -> Bool {
        var households = Set<String>(minimumCapacity: v.households.count)
        for h in v.households { guard households.insert(h.id).inserted else { return false } }
        var checks = Set<String>(minimumCapacity: v.checks.count)
        for c in v.checks { guard households.contains(c.householdID), checks.insert(c.id).inserted else { return false } }
        return v.checks.allSatisfy { c in c.supersedes.map(checks.contains) ?? true }
            && v.edits.allSatisfy { households.contains($0.householdID) }
    }

    /// The villages' errors put in the order of the whole: the households' (by household,
    /// each one's in the order found), then the checks'. Nil if one names no record.
    static func inDatasetOrder(_ found: [(households: [DataProblem], checks: [DataProblem])], _ d: Dataset) -> [DataProblem]? {
        func ordered(_ lists: [[DataProblem]], _ ids: @autoclosure () -> [String]) -> [DataProblem]? {
            // Most imports add no error: nothing to order, and no index of every id to make.
            guard lists.contains(where: { $0.contains { $0.severity == .error } }) else { return [] }
            let ids = ids()
            let at = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            var keyed: [(position: Int, sequence: Int, problem: DataProblem)] = []
            for p in lists.joined() where p.severity == .error {
                guard let r = p.record, let position = at[r] else { return nil }
                keyed.append((position, keyed.count, p))
            }
            return keyed.sorted { ($0.position, $0.sequence) < ($1.position, $1.sequence) }.map(\.problem)
        }
        guard let households = ordered(found.map(\.households), d.households.map(\.id)),
              let checks = ordered(found.map(\.checks), d.checks.map(\.id)) else { return nil }
        return households + checks
    }
}
