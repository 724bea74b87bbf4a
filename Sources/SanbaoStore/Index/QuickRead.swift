#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SanbaoCore

/// What `sanbao list`, `show` and `check` read when the county need not be read whole:
/// the roster from the index (villages whose index is stale read and judged, as the app
/// does), or the one village a household's files are in. Each answers nil whenever the
/// shortcut could say anything other than reading everything says — a village with a
/// problem, a village that does not stand alone (`VillageContainment`), an import left
/// unfinished — and the command then reads everything, as before. So what a command
/// prints never depends on which way it read.
public enum QuickRead {
    /// The roster on `today` from the index, in household order (village by village; the
    /// entries' search texts may be empty: only rows are read where the index is current),
    /// with the manifest, cadres and rules read as `DatasetReader.read()` reads them;
    /// nil when the careful way must be taken. Writes nothing (no lock is held).
    public static func roster(_ layout: DataLayout, on today: LocalDate) throws -> (documents: LoadResult, villages: [[RosterEntry]])? {
        let reader = DatasetReader(layout: layout)
        let documents = try reader.readDocuments()
        guard !Sync.hasInterruptedImport(layout) else { return nil }
        let names = Dictionary(documents.dataset.cadres.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let job = RosterJob(layout: layout, today: today, rules: documents.dataset.rules,
                            rulesKey: Store.rulesKey(documents.dataset.rules), cadres: documents.dataset.cadres,
                            cadreNames: names, writeIndex: false,
                            rowsOnly: true)
        let outcomes = job.run(reader.villageCodes())
        guard outcomes.allSatisfy({ $0.contained && !$0.problems.contains { $0.severity == .error } && $0.conditions.isEmpty }), documents.problems.isEmpty else { return nil }
        return (documents, outcomes.map(\.entries))
    }

    /// The manifest, cadres, rules and the one village holding household `typed` (a full
    /// household id), as `read()` would give them for that household; nil when the
    /// careful way must be taken: `typed` is not a full id found in its village, that
    /// village has a problem, or another village does not stand alone.
    public static func village(holding typed: String, _ layout: DataLayout, on today: LocalDate) throws -> LoadResult? {
        let reader = DatasetReader(layout: layout)
        var documents = try reader.readDocuments()
        guard documents.problems.isEmpty,
              let code = isolatedVillage(of: typed, layout, on: today, cadres: documents.dataset.cadres) else { return nil }
        let v = reader.readVillageChecked(code, cadres: documents.dataset.cadres, today: today)
        let id = String(typed.trimmingBlanks)
        guard !v.problems.contains(where: { $0.severity == .error }), v.conditions.isEmpty, v.dataset.households.contains(where: { $0.id == id }) else { return nil }
        documents.dataset.households = v.dataset.households
        documents.dataset.checks = v.dataset.checks
        documents.dataset.edits = v.dataset.edits
        documents.bases = v.bases
        for table in v.locations.tables { documents.locations.add(table) }
        return documents
    }

    /// The village whose files alone can hold household `typed`, when it is a full id
    /// (`<12-digit village code>-…`) and every other village stands alone with no problem
    /// — known from its index header when its files are as indexed, else by reading it.
    /// Nil otherwise.
    public static func isolatedVillage(of typed: String, _ layout: DataLayout, on today: LocalDate, cadres known: [Cadre]? = nil) -> String? {
        let ref = typed.trimmingBlanks
        guard let dash = ref.firstIndex(of: "-") else { return nil }
        let code = String(ref[..<dash])
        guard code.utf8.count == 12, code.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              !Sync.hasInterruptedImport(layout) else { return nil }
        let codes = DatasetReader(layout: layout).villageCodes()
        guard codes.contains(code) else { return nil }
        let others = codes.filter { $0 != code }
        // The cadres of documents the caller read cleanly already, else read here: the
        // cadres file of a county is read once per command, not twice.
        let cadres: [Cadre]
        if let known {
            cadres = known
        } else {
            guard let documents = try? DatasetReader(layout: layout).readDocuments(), documents.problems.isEmpty else { return nil }
            cadres = documents.dataset.cadres
        }
        let alone = (0..<others.count).concurrentMap { k in standsAlone(others[k], layout, cadres: cadres, today: today) }
        return alone.allSatisfy { $0 } ? code : nil
    }

    /// Whether village `code` stands alone and reads without a problem: its index header
    /// says so for files exactly as they are now, or its files, read, show it.
    static func standsAlone(_ code: String, _ layout: DataLayout, cadres: [Cadre], today: LocalDate) -> Bool {
        if let header = VillageIndex.header(of: code, in: layout), header.contained,
           header.sources == SourceStamp.village(code, in: layout) {
            return true
        }
        let read = DatasetReader(layout: layout).readVillageChecked(code, cadres: cadres, today: today)
        return !read.problems.contains { $0.severity == .error } && read.conditions.isEmpty && VillageContainment.holds(read.dataset, village: code)
    }
}

extension VillageIndex {
    /// The header of village `code`'s index, reading only its first line; nil when there
    /// is none of this version (only villages read without a problem are indexed).
    static func header(of code: String, in layout: DataLayout) -> Header? {
        let fd = open(layout.path(file(code)), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 8192)
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0, let nl = bytes[0..<n].firstIndex(of: 0x0A),
              let header = try? JSONDecoder().decode(Header.self, from: Data(bytes[0..<nl])),
              header.kind == "roster_index", header.formatVersion == formatVersion, header.village == code else { return nil }
        return header
    }
}
