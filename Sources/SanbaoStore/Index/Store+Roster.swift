import Foundation
import SanbaoCore
import SanbaoSamples

/// How a roster was obtained: from the index, or by reading and judging villages.
public struct RosterLoad: Sendable {
    /// The entries village by village (not flattened: at 200,000 rows every copy counts).
    public var villages: [[RosterEntry]]
    /// Every entry in household order.
    public var entries: [RosterEntry] { villages.flatMap { $0 } }
    /// Villages taken from the index as they were.
    public var reused: Int
    /// Villages read from their data files and judged (then indexed, when writable and clean).
    public var rebuilt: Int
    /// Households judged (the others' rows came from the index).
    public var judged: Int = 0
}

extension Store {
    /// The roster of every household on `today`, in household order, with overdue and
    /// cadre names as of `today`. Villages whose index is current are taken from it;
    /// the others are read, validated and judged on both cores and, when the store is
    /// writable and the village has no error, indexed again. Problems found on the way are
    /// added to `problems`. On a store read in full, the rows come from memory.
    public func roster(on today: LocalDate) -> RosterLoad {
        let names = Dictionary(dataset.cadres.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        if isComplete {
            let entries = dataset.rosterEntries(on: today)
            return RosterLoad(villages: [entries], reused: 0, rebuilt: Set(entries.map(\.fileVillage)).count,
                              judged: entries.count)
        }
        let reader = DatasetReader(layout: layout)
        let villages = reader.villageCodes()
        let job = RosterJob(layout: layout, today: today, rules: dataset.rules, rulesKey: Self.rulesKey(dataset.rules),
                            cadres: dataset.cadres, cadreNames: names, writeIndex: access == .readWrite)
        let outcomes = job.run(villages)
        var load = RosterLoad(villages: [], reused: 0, rebuilt: 0)
        load.self.villages.reserveCapacity(outcomes.count)
        self.villages.reserveCapacity(outcomes.reduce(0) { $0 + $1.entries.count })
        for o in outcomes {
            if o.fromIndex { load.reused += 1 } else { load.rebuilt += 1 }
            load.judged += o.judged
            load.villages.append(o.entries)
            loaded.problems += o.problems
            loaded.conditions.merge(o.conditions) { a, _ in a }
            self.villages.note(o.entries)
        }
        return load
    }

    /// Identifies the rules the states were judged by: the thresholds, and the states
    /// this build of Sanbao gives the demo village, so that a changed rule in a newer
    /// Sanbao also makes old indexes stale.
    static func rulesKey(_ rules: RulesConfig) -> String {
        var hash = FNV1a()
        if let data = try? JSONCoding.encoder().encode(rules) { hash.add(data) }
        // The way facts combine, which the demo (no edits) cannot show: rows judged before
        // edits won over earlier observations are judged again.
        hash.add(Data("facts: a fact recorded later wins".utf8))
        let demo = DemoVillage.make()
        for a in Dataset(cadres: demo.cadres, households: demo.households, checks: demo.checks, rules: rules)
            .assessments(on: DemoVillage.asOf) {
            hash.add(Data(a.householdID.utf8))
            for i in Indicator.allCases { hash.add(Data(a.state(i).rawValue.utf8)) }
        }
        return hash.hex
    }
}

/// The work of `Store.roster` that runs on both cores: only values, no store.
struct RosterJob: Sendable {
    let layout: DataLayout
    let today: LocalDate
    let rules: RulesConfig
    let rulesKey: String
    /// Known to validate a village's pairings and checks before it is indexed.
    let cadres: [Cadre]
    let cadreNames: [String: String]
    let writeIndex: Bool
    /// Rows only: search texts read from the index are left empty (`sanbao list`).
    var rowsOnly = false

    struct Outcome: Sendable {
        var entries: [RosterEntry] = []
        var fromIndex = false
        /// Whether the village stands alone (`VillageContainment`), from the index or the files.
        var contained = false
        var judged = 0
        var problems: [FileProblem] = []
        var conditions: [String: FileCondition] = [:]
    }

    func run(_ villages: [String]) -> [Outcome] {
        if writeIndex { try? AtomicFile.makeDirectory(layout.path(VillageIndex.directory)) }
        let assessor = Assessor(config: rules)
        // Each village is independent; the outcomes come back in village order.
        return (0..<villages.count).concurrentMap { k in
            var o = village(villages[k])
            // What depends on the day shown and the cadre list, not on the judgement.
            for i in o.entries.indices {
                o.entries[i].row.cadre = o.entries[i].row.cadreID.flatMap { cadreNames[$0] }
                o.entries[i].row.overdue = assessor.isOverdue(lastCheck: o.entries[i].row.lastCheck, on: today)
            }
            return o
        }
    }

    func village(_ code: String) -> Outcome {
        let sources = SourceStamp.village(code, in: layout)
        var earlier: VillageIndex?
        if let bytes = FileBytes.contents(layout.path(VillageIndex.file(code))),
           let index = VillageIndex.decode(bytes, village: code, rowsOnly: rowsOnly) {
            if index.isCurrent(today: today, rulesKey: rulesKey, sources: sources) {
                return Outcome(entries: index.entries, fromIndex: true, contained: index.header.contained)
            }
            // Same files, a later day: rows whose own span still covers today stay.
            if index.isSameData(rulesKey: rulesKey, sources: sources), index.header.judgedOn <= today { earlier = index }
        }
        let read = DatasetReader(layout: layout).readVillageChecked(code, cadres: cadres, today: today)
        let d = read.dataset
        let assessor = Assessor(config: rules, clock: FactClock(d.edits))
        let byHousehold = Dictionary(grouping: d.checks, by: \.householdID)
        let reusable = earlier.map { e in e.entries.map(\.row.id) == d.households.map(\.id) } ?? false
        var entries: [RosterEntry] = []
        var stable: [LocalDate] = []
        entries.reserveCapacity(d.households.count)
        stable.reserveCapacity(d.households.count)
        var judged = 0
        for (k, h) in d.households.enumerated() {
            if reusable, let e = earlier, e.stable[k] > today {
                entries.append(e.entries[k])
                stable.append(e.stable[k])
                continue
            }
            let checks = byHousehold[h.id] ?? []
            entries.append(RosterEntry(h, assessor.assess(h, checks: checks, on: today), cadreName: nil, fileVillage: code))
            stable.append(assessor.nextChange(of: h, checks: checks, after: today))
            judged += 1
        }
        let stableUntil = stable.min() ?? LocalDate(year: today.year + 1, month: 1, day: 1)!
        let contained = VillageContainment.holds(d, village: code)
        // Index only what was read cleanly and has no error `validate` would report (a
        // duplicate id, a check of an unknown household), from files that did not change
        // meanwhile: a damaged village is read again, and its problems said, on every start.
        // Rows only (search texts left empty) are never written back.
        let clean = read.conditions.isEmpty && !read.problems.contains { $0.severity == .error }
        if writeIndex && !rowsOnly && clean && SourceStamp.village(code, in: layout) == sources {
            let header = VillageIndex.Header(village: code, judgedOn: today, stableUntil: stableUntil, rulesKey: rulesKey,
                                             sources: sources, households: entries.count, contained: contained)
            if let bytes = try? VillageIndex(header: header, entries: entries, stable: stable).encoded() {
                try? AtomicFile.writeCache(bytes, to: layout.path(VillageIndex.file(code)))
            }
        } else if writeIndex {
            // An index that cannot be replaced goes: it could never stand in again, and one
            // of an older format holds whole ID numbers (storage.md, "What is stored in clear").
            try? FileManager.default.removeItem(atPath: layout.path(VillageIndex.file(code)))
        }
        return Outcome(entries: entries, fromIndex: false, contained: contained, judged: judged, problems: read.problems,
                       conditions: read.conditions)
    }
}

/// 64-bit FNV-1a: a small, stable fingerprint (not a security measure).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ data: Data) {
        for b in data { value = (value ^ UInt64(b)) &* 0x100_0000_01b3 }
        value = (value ^ 0xFF) &* 0x100_0000_01b3
    }

    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
