/// Ordering and amendment of a household's checks.
public enum CheckHistory {
    /// Checks in the order they happened: by visit date, then by when they were saved,
    /// then by id so the order is total and the same on every device.
    public static func chronological(_ checks: [Check]) -> [Check] {
        chronologicalIndices(checks, Array(checks.indices)).map { checks[$0] }
    }

    /// `positions` in `checks` in the order `chronological` puts their checks: for a
    /// caller that must not copy a county's checks to order them. Positions are sorted by
    /// keys laid side by side: sorting a county's 800,000 checks themselves moved each
    /// large record a score of times, and was most of `sanbao bundle`.
    public static func chronologicalIndices(_ checks: [Check], _ positions: [Int]) -> [Int] {
        let keys = positions.map { ChronologicalKey(checks[$0]) }
        return positions.indices.sorted { keys[$0] < keys[$1] }.map { positions[$0] }
    }

    /// Where in `checks` the effective checks of household `id` up to `date` are, oldest
    /// first: `effective` of that household's checks, then those dated on or before
    /// `date`, as positions so the assessor copies no `Check`.
    public static func effectiveIndices(_ checks: [Check], of id: String, through date: LocalDate) -> [Int] {
        effectiveIndices(checks, among: checks.indices.lazy.filter { checks[$0].householdID == id }, through: date)
    }

    /// Where in `checks` the effective checks among `positions` up to `date` are, oldest
    /// first: `effective` of the checks at `positions` (one household's), then those dated
    /// on or before `date`. For a caller that already knows where a household's checks are.
    public static func effectiveIndices(_ checks: [Check], among positions: some Sequence<Int>,
                                        through date: LocalDate) -> [Int] {
        var own: [Int] = []
        var superseded: Set<String> = []
        for k in positions {
            own.append(k)
            if let s = checks[k].supersedes { superseded.insert(s) }
        }
        if !superseded.isEmpty { own.removeAll { superseded.contains(checks[$0].id) } }
        own.sort { a, b in
            if checks[a].date != checks[b].date { return checks[a].date < checks[b].date }
            if checks[a].recordedAt != checks[b].recordedAt { return checks[a].recordedAt < checks[b].recordedAt }
            return checks[a].id < checks[b].id
        }
        own.removeAll { checks[$0].date > date }
        return own
    }

    /// The checks that count: every check not superseded by an amendment, oldest first.
    public static func effective(_ checks: [Check]) -> [Check] {
        let superseded = Set(checks.compactMap(\.supersedes))
        return chronological(checks.filter { !superseded.contains($0.id) })
    }
}
