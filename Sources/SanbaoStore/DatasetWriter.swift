import Foundation
import SanbaoCore

/// Writes a whole dataset into a data directory in the canonical layout, each file
/// atomically. Used for new directories (demo, generated data); the store appends checks.
public struct DatasetWriter {
    public let layout: DataLayout

    public init(layout: DataLayout) {
        self.layout = layout
    }

    /// The bytes of every file of `dataset`, keyed by path relative to the root. The same
    /// dataset always gives the same bytes (sorted keys, households by id, checks in order).
    public static func files(_ dataset: Dataset, manifest: Manifest) throws -> [String: Data] {
        var files: [String: Data] = [:]
        files[DataLayout.manifest] = try JSONCoding.prettyEncoder().encode(manifest) + Data([0x0A])
        let cadres = CadreFile(schemaVersion: DataLayout.schemaVersion, cadres: dataset.cadres.sorted { $0.id < $1.id })
        files[DataLayout.cadres] = try JSONCoding.prettyEncoder().encode(cadres) + Data([0x0A])
        if dataset.rules != RulesConfig() {
            files[DataLayout.rules] = try JSONCoding.prettyEncoder().encode(dataset.rules) + Data([0x0A])
        }
        let village = Dictionary(uniqueKeysWithValues: dataset.households.map { ($0.id, $0.address.villageCode) })
        for (code, households) in Dictionary(grouping: dataset.households, by: \.address.villageCode) {
            files[DataLayout.householdsFile(village: code)] = try lines(
                kind: "households", village: code, households.sorted { $0.id < $1.id })
        }
        let checks = Dictionary(grouping: dataset.checks) { village[$0.householdID] ?? "unknown" }
        for (code, list) in checks {
            files[DataLayout.checksFile(village: code)] = try lines(
                kind: "checks", village: code, CheckHistory.chronological(list))
        }
        for (code, list) in Dictionary(grouping: dataset.edits, by: { village[$0.householdID] ?? "unknown" }) {
            files[DataLayout.editsFile(village: code)] = try lines(
                kind: "edits", village: code, list.sorted { ($0.recordedAt, $0.id) < ($1.recordedAt, $1.id) })
        }
        return files
    }

    /// One JSON Lines file: a header line, then one record per line.
    static func lines<T: Encodable>(kind: String, village: String, _ records: [T]) throws -> Data {
        var out = try header(kind: kind, village: village, capacity: records.count * 700)
        for r in records {
            try RecordLine.append(r, to: &out)
            out.append(0x0A)
        }
        return Data(out)
    }

    /// A file's header line, in a buffer with room for `capacity` bytes of records.
    static func header(kind: String, village: String, capacity: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(capacity + 128)
        out.append(contentsOf: try JSONCoding.encoder().encode(LinesHeader(schemaVersion: DataLayout.schemaVersion, kind: kind, villageCode: village)))
        out.append(0x0A)
        return out
    }

    /// A village's households file, each household's line taken from `encoded` when it
    /// is there (made once for the journal too) and encoded here otherwise.
    static func householdLines(village: String, _ records: [Household], encoded: EncodedRecords?) throws -> Data {
        guard let encoded else { return try lines(kind: "households", village: village, records) }
        var out = try header(kind: "households", village: village, capacity: records.count * 1500)
        for r in records {
            if let line = encoded.lines[r.id] { out.append(contentsOf: line) } else { try RecordLine.append(r, to: &out) }
            out.append(0x0A)
        }
        return Data(out)
    }

    /// Whether `layout.root` may be written as a new data directory: absent, empty, or left
    /// by a creation that was stopped before its manifest (written last) — nothing in it
    /// but the empty record folders, the cadres file written just before the manifest, and
    /// temporary files. Anything else may be someone's data.
    public static func isBlank(_ layout: DataLayout) -> Bool {
        let fm = FileManager.default
        guard fm.fileExists(atPath: layout.root) else { return true }
        guard let entries = try? fm.contentsOfDirectory(atPath: layout.root) else { return false }
        let folders: Set = [DataLayout.householdsDir, DataLayout.checksDir, DataLayout.editsDir]
        return entries.allSatisfy { name in
            if AtomicFile.isTemporary(name) || name == DataLayout.cadres { return true }
            guard folders.contains(name), let inside = try? fm.contentsOfDirectory(atPath: layout.path(name)) else { return false }
            return inside.allSatisfy(AtomicFile.isTemporary)
        }
    }

    /// Writes `dataset` into a directory that must be empty or absent. Its households
    /// are written as registration records and its edits as the edit log.
    public func create(_ dataset: Dataset, manifest: Manifest) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: layout.root) {
            guard Self.isBlank(layout) else { throw StoreError.notEmpty(layout.root) }
            chmod(layout.root, 0o700)
        }
        try AtomicFile.makeDirectory(layout.root)
        try AtomicFile.makeDirectory(layout.path(DataLayout.householdsDir))
        try AtomicFile.makeDirectory(layout.path(DataLayout.checksDir))
        try AtomicFile.makeDirectory(layout.path(DataLayout.editsDir))
        for (path, data) in try Self.files(dataset, manifest: manifest).sorted(by: { $0.key < $1.key }) {
            try AtomicFile.write(data, to: layout.path(path))
        }
        try AtomicFile.syncDirectory(layout.root)
    }
}
