#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SanbaoCore

/// Reading villages as they are needed, for a store opened `.onDemand`.
extension Store {
    /// The household `id` (with edits applied), reading its village first if needed.
    public func household(_ id: String) -> Household? {
        if !isComplete, let village = villageOf[id] { loadVillage(village) }
        return dataset.household(id)
    }

    /// The checks of household `id`, in file order, reading its village first if needed.
    public func checks(of id: String) -> [Check] {
        if !isComplete, let village = villageOf[id] { loadVillage(village) }
        return dataset.checks.filter { $0.householdID == id }
    }

    /// How many villages' records an on-demand store keeps: a session that opens
    /// households all over a county holds a few villages, not the county.
    static let villagesKept = 8

    /// Reads a village's files into `loaded`, unless they are there; the village used
    /// least recently is let go when more than `villagesKept` are held (read again if
    /// needed: everything saved is in the files).
    func loadVillage(_ code: String) {
        guard !isComplete else { return }
        if let k = villagesRead.firstIndex(of: code) {
            villagesRead.append(villagesRead.remove(at: k))
            return
        }
        if villagesRead.count >= Self.villagesKept { forget(villagesRead.removeFirst()) }
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

    /// Drops the records of village `code` from memory (problems and conditions stay).
    private func forget(_ code: String) {
        let gone = { (id: String) in self.villageOf[id] == code }
        loaded.dataset.households.removeAll { gone($0.id) }
        loaded.dataset.checks.removeAll { gone($0.householdID) }
        loaded.dataset.edits.removeAll { gone($0.householdID) }
        loaded.bases.removeAll { gone($0.id) }
    }

    /// Reads every village not read yet: what merges, bundles and edits need.
    public func readEverything() throws {
        guard !isComplete else { return }
        loaded = try DatasetReader(layout: layout).read()
        isComplete = true
    }

    /// Whether opening must read everything to repair: an append-only file whose last
    /// byte is not a newline (a torn write) or an import left unfinished.
    static func repairDue(_ layout: DataLayout) -> Bool {
        let incoming = (try? FileManager.default.contentsOfDirectory(atPath: layout.path(Self.incomingDir))) ?? []
        if incoming.contains(where: { $0.hasSuffix(".json") }) { return true }
        for dir in [DataLayout.checksDir, DataLayout.editsDir] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: layout.path(dir))) ?? []
            for name in names where name.hasSuffix(".jsonl") && !endsWithNewline(layout.path("\(dir)/\(name)")) {
                return true
            }
        }
        return false
    }

    private static func endsWithNewline(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return true }
        defer { Glibc.close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return true }
        if st.st_size == 0 { return true }
        var b: UInt8 = 0
        return pread(fd, &b, 1, off_t(st.st_size - 1)) == 1 && b == 0x0A
    }
}
