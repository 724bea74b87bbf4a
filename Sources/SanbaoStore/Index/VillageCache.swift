import Foundation
import SanbaoCore

/// The villages an on-demand store holds in memory: which village's files each household
/// is in (learnt from the roster), and the records of at most `kept` villages, the one
/// used least recently let go (read again if needed: everything saved is in the files).
///
/// It owns only that bookkeeping; the records themselves live in the store's
/// `LoadResult`, handed in to be added to or trimmed.
struct VillageCache {
    /// How many villages' records are kept: a session that opens households all over a
    /// county holds a few villages, not the county.
    static let kept = 8

    /// Villages whose records are held, least recently used first.
    private(set) var villagesRead: [String] = []
    /// Household id → village code of its files.
    private(set) var villageOf: [String: String] = [:]

    /// The village whose files hold household `id`, when the roster named it.
    func village(of id: String) -> String? { villageOf[id] }

    /// Notes where the roster's households are (the first village seen for an id wins).
    mutating func note(_ entries: [RosterEntry]) {
        for e in entries where villageOf[e.row.id] == nil { villageOf[e.row.id] = e.fileVillage }
    }

    mutating func reserveCapacity(_ n: Int) { villageOf.reserveCapacity(n) }

    /// Reads village `code`'s files into `loaded`, unless they are there; lets the
    /// village used least recently go when more than `kept` are held.
    mutating func loadVillage(_ code: String, into loaded: inout LoadResult, layout: DataLayout) {
        if let k = villagesRead.firstIndex(of: code) {
            villagesRead.append(villagesRead.remove(at: k))
            return
        }
        if villagesRead.count >= Self.kept { forget(villagesRead.removeFirst(), from: &loaded) }
        villagesRead.append(code)
        let v = DatasetReader(layout: layout).readVillage(code)
        loaded.dataset.households += v.dataset.households
        loaded.dataset.checks += v.dataset.checks
        loaded.dataset.edits += v.dataset.edits
        loaded.bases += v.bases
        // The roster already reported this village's problems when it read the files.
        for p in v.problems where !loaded.problems.contains(p) { loaded.problems.append(p) }
        loaded.conditions.merge(v.conditions) { a, _ in a }
        for table in v.locations.tables { loaded.locations.add(table) }
        for h in v.dataset.households { villageOf[h.id] = code }
    }

    /// Drops the records of village `code` from `loaded` (problems and conditions stay).
    private func forget(_ code: String, from loaded: inout LoadResult) {
        let gone = { (id: String) in self.villageOf[id] == code }
        loaded.dataset.households.removeAll { gone($0.id) }
        loaded.dataset.checks.removeAll { gone($0.householdID) }
        loaded.dataset.edits.removeAll { gone($0.householdID) }
        loaded.bases.removeAll { gone($0.id) }
    }
}
