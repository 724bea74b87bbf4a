import SanbaoCore

/// A dataset's records by village, as positions, found from the ids alone: every household
/// id starts with its village's code and a dash (`VillageContainment`), so a check or edit
/// belongs to the village its household id names. Hashing 800,000 checks' household ids
/// against 200,000 households, three times over, was a third of checking an import; the
/// code before the dash is looked up among a few hundred villages instead.
///
/// The cut trusts nothing it cannot see from the ids: that a check's household is really
/// among its village's households is for whoever uses the parts to check (`VillageErrors`
/// does, village by village), and a cut of a dataset that then passes the validator puts
/// each record in the village of its household.
struct VillageCut: Sendable {
    /// The village codes, in the order of their first household.
    let codes: [String]
    /// Positions in the dataset's households, checks and edits, by village (as `codes`).
    let households: [[Int]]
    let checks: [[Int]]
    let edits: [[Int]]

    /// Nil when a household id does not start with its village's code and a dash, or a
    /// check or edit names a village that has no household.
    init?(_ d: Dataset) {
        var part: [String: Int] = [:]
        var codes: [String] = []
        var households: [[Int]] = []
        for (k, h) in d.households.enumerated() {
            let code = h.address.villageCode
            guard Self.village(of: h.id).map({ $0 == code }) == true else { return nil }
            let p = part[code] ?? {
                codes.append(code)
                households.append([])
                part[code] = codes.count - 1
                return codes.count - 1
            }()
            households[p].append(k)
        }
        // Each record's village found on every core, then the positions gathered.
        let villages = part
        func cut<R: Sendable>(_ records: [R], _ householdID: @escaping @Sendable (R) -> String) -> [[Int]]? {
            let found = records.concurrentMap(chunk: 8192) { r in Self.village(of: householdID(r)).flatMap { villages[String($0)] } ?? -1 }
            var out = [[Int]](repeating: [], count: villages.count)
            for (k, p) in found.enumerated() {
                guard p >= 0 else { return nil }
                out[p].append(k)
            }
            return out
        }
        guard let checks = cut(d.checks, \.householdID), let edits = cut(d.edits, \.householdID) else { return nil }
        self.codes = codes
        self.households = households
        self.checks = checks
        self.edits = edits
    }

    /// The village a household id names: the part before its first dash (a village code
    /// is digits); nil when it has none.
    static func village(of householdID: String) -> Substring? {
        householdID.utf8.firstIndex(of: UInt8(ascii: "-")).map { householdID[..<$0] }
    }

    /// Village `p` as a dataset of its own, records in the dataset's order.
    func dataset(_ p: Int, of d: Dataset) -> Dataset {
        var v = Dataset(cadres: d.cadres, rules: d.rules)
        v.households = households[p].map { d.households[$0] }
        v.checks = checks[p].map { d.checks[$0] }
        v.edits = edits[p].map { d.edits[$0] }
        return v
    }

    /// Each check's village (as `codes`), by position in the dataset's checks.
    var villageOfCheck: [Int] {
        var out = [Int](repeating: 0, count: checks.reduce(0) { $0 + $1.count })
        for (p, positions) in checks.enumerated() { for k in positions { out[k] = p } }
        return out
    }
}
