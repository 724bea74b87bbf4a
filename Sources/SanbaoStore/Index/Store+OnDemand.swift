#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SanbaoCore

/// Reading villages as they are needed, for a store opened `.onDemand`.
extension Store {
    /// The household `id` (with edits applied), reading its village first if needed.
    public func household(_ id: String) -> Household? {
        if !isComplete, let village = villages.village(of: id) { loadVillage(village) }
        return dataset.household(id)
    }

    /// The checks of household `id`, in file order, reading its village first if needed.
    public func checks(of id: String) -> [Check] {
        if !isComplete, let village = villages.village(of: id) { loadVillage(village) }
        return dataset.checks.filter { $0.householdID == id }
    }

    /// Reads a village's files into `loaded`, unless they are there (`VillageCache`).
    func loadVillage(_ code: String) {
        guard !isComplete else { return }
        villages.loadVillage(code, into: &loaded, layout: layout)
    }

    /// Reads village `code`'s files, so its households are at hand without the roster:
    /// what `sanbao check` does for the one village a household is in (`QuickRead`).
    public func holdVillage(_ code: String) {
        loadVillage(code)
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
        if Sync.hasInterruptedImport(layout) { return true }
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
