#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SanbaoCore

/// Unsaved record forms, kept on disk as the cadre types, like the check form's drafts
/// (`Drafts`) and through the same atomic write: `DATA/drafts/records/<key>.json`
/// (`RecordDraft.Key.fileName`), replaced on every change, removed when the record is
/// saved or the form discarded. A draft that cannot be read is never overwritten by the
/// next one: it is renamed aside (`….json.unreadable-<time>`) and the app says where.
struct RecordDraftFiles: Sendable {
    static let directory = Drafts.directory + "/records"

    let layout: DataLayout

    var folder: String { layout.path(Self.directory) }

    func path(_ key: RecordDraft.Key) -> String { folder + "/" + key.fileName }

    func keep(_ draft: RecordDraft, savedAt: String) throws {
        let file = RecordDraftFile(schemaVersion: DataLayout.schemaVersion, savedAt: savedAt, draft: draft)
        try AtomicFile.inDataDirectory {
            try makeFolder()
            try AtomicFile.write(try JSONCoding.prettyEncoder().encode(file), to: path(draft.key))
        }
    }

    /// Creates `drafts/records/` when missing, and makes its name durable in its parents:
    /// a draft written into a folder a power cut forgets would be lost with it.
    func makeFolder() throws {
        guard !FileManager.default.fileExists(atPath: folder) else { return }
        try AtomicFile.makeDirectory(folder)
        try AtomicFile.syncDirectory(layout.path(Drafts.directory))
        try AtomicFile.syncDirectory(layout.root)
    }

    func drop(_ key: RecordDraft.Key) throws {
        let path = path(key)
        guard FileManager.default.fileExists(atPath: path) else { return }
        try FileManager.default.removeItem(atPath: path)
        try AtomicFile.syncDirectory(folder)
    }

    /// The draft kept for `key`: none, the draft, or (renamed aside first) one that
    /// cannot be read or was written by a newer Sanbao.
    func open(_ key: RecordDraft.Key, now: String) throws -> RecordDraftOpening {
        let path = path(key)
        guard let data = FileManager.default.contents(atPath: path) else { return .none }
        if let file = Self.decode(data), file.draft.key == key { return .found(file.draft, savedAt: file.savedAt) }
        let aside = key.fileName + ".unreadable-" + now.filter { $0.isNumber }
        guard rename(path, folder + "/" + aside) == 0 else { throw StoreError.io(path, AtomicFile.errnoText()) }
        try AtomicFile.syncDirectory(folder)
        return .unreadable(setAside: Self.directory + "/" + aside)
    }

    /// Readable drafts whose household `isKnown` (a new household's always), newest first.
    func saved(isKnown: (String) -> Bool) -> [(draft: RecordDraft, savedAt: String)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }
        return names.compactMap { name -> (RecordDraft, String)? in
            guard let data = FileManager.default.contents(atPath: folder + "/" + name), let f = Self.decode(data),
                  f.draft.key.fileName == name, f.draft.key.householdID.map(isKnown) ?? true else { return nil }
            return (f.draft, f.savedAt)
        }.sorted { $0.1 > $1.1 }
    }

    static func decode(_ data: Data) -> RecordDraftFile? {
        guard let f = try? JSONCoding.decoder().decode(RecordDraftFile.self, from: data),
              f.schemaVersion <= DataLayout.schemaVersion else { return nil }
        return f
    }
}

/// What opening a record form finds kept for it.
public enum RecordDraftOpening: Equatable, Sendable {
    case none
    case found(RecordDraft, savedAt: String)
    /// The file could not be read; it is kept at `setAside` (relative to the data
    /// directory) for a person to look at.
    case unreadable(setAside: String)
}

/// A record form's draft on disk.
typealias RecordDraftFile = DraftFile<RecordDraft>

extension Store {
    var recordDraftFiles: RecordDraftFiles { RecordDraftFiles(layout: layout) }

    /// Keeps a record form's answers on disk; refused (75) when the store is read-only.
    public func keepRecordDraft(_ draft: RecordDraft) throws {
        if let refusal = access.refusal { throw refusal }
        try recordDraftFiles.keep(draft, savedAt: now())
    }

    public func dropRecordDraft(_ key: RecordDraft.Key) throws {
        if let refusal = access.refusal { throw refusal }
        try recordDraftFiles.drop(key)
    }

    /// The draft kept for the form `key`, when it is opened; an unreadable one is renamed
    /// aside, so the form's next draft cannot replace it. Refused (75) when the store is
    /// read-only, as record forms are.
    public func openRecordDraft(_ key: RecordDraft.Key) throws -> RecordDraftOpening {
        if let refusal = access.refusal { throw refusal }
        return try recordDraftFiles.open(key, now: now())
    }

    /// Record drafts left by an earlier session for households this store has, newest first.
    public func recordDrafts() -> [(draft: RecordDraft, savedAt: String)] {
        recordDraftFiles.saved { household($0) != nil }
    }
}
