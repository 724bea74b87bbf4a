import SanbaoCore

/// The errors `Validator.problems(in:)` finds in a dataset, in its order, worked out one
/// village at a time on every core: an import checks the whole county it would leave
/// behind, and the validator's bookkeeping over 200,000 households and 800,000 checks ran
/// on one core where `validate` checks village by village on all. Taken only when the
/// villages stand alone — every id once, every check, correction and edit filed with its
/// own household's village — for then a village's errors are exactly what the whole says
/// of it; otherwise (data that would be refused anyway) the whole is checked at once.
enum VillageErrors {
    static func of(_ d: Dataset, _ validator: Validator) -> [DataProblem] {
        guard let parts = villages(of: d) else { return whole(d, validator) }
        let found = parts.concurrentMap(chunk: 1) { validator.problemsByKind(in: $0) }
        return inDatasetOrder(found, d) ?? whole(d, validator)
    }

    static func whole(_ d: Dataset, _ validator: Validator) -> [DataProblem] {
        validator.problems(in: d).filter { $0.severity == .error }
    }

    /// `d` cut into one dataset per village, records in their order; nil when the
    /// villages do not stand alone.
    static func villages(of d: Dataset) -> [Dataset]? {
        var part: [String: Int] = [:]
        var partOf: [String: Int] = [:]
        var parts: [Dataset] = []
        for h in d.households {
            let k = part[h.address.villageCode] ?? {
                parts.append(Dataset(cadres: d.cadres, rules: d.rules))
                part[h.address.villageCode] = parts.count - 1
                return parts.count - 1
            }()
            guard partOf.updateValue(k, forKey: h.id) == nil else { return nil }
            parts[k].households.append(h)
        }
        var checkPart: [String: Int] = [:]
        for c in d.checks {
            guard let k = partOf[c.householdID], checkPart.updateValue(k, forKey: c.id) == nil else { return nil }
            parts[k].checks.append(c)
        }
        for c in d.checks where c.supersedes.map({ checkPart[$0] != checkPart[c.id] }) == true { return nil }
        var editIDs = Set<String>()
        for e in d.edits {
            guard let k = partOf[e.householdID], editIDs.insert(e.id).inserted else { return nil }
            parts[k].edits.append(e)
        }
        return parts
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
