#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SanbaoCore

/// Unsaved check forms, kept on disk as the cadre types so a crash, a kill or a flat
/// battery loses nothing: `DATA/drafts/<household>.json`, replaced atomically on every
/// change and removed when the check is saved or discarded. The store owns one
/// (`Store.draftFiles`) and says whether it may be written.
struct Drafts: Sendable {
    static let directory = "drafts"

    let layout: DataLayout

    func path(_ householdID: String) -> String {
        layout.path("\(Self.directory)/\(householdID.replacingOccurrences(of: "/", with: "_")).json")
    }

    /// Returns where a draft already there that could not be read was set aside (relative
    /// to the data directory): it is renamed, never replaced, as record drafts are.
    @discardableResult
    func keep(_ draft: CheckDraft, savedAt: String) throws -> String? {
        let file = DraftFile<CheckDraft>(schemaVersion: DataLayout.schemaVersion, savedAt: savedAt, draft: draft)
        return try AtomicFile.inDataDirectory {
            try AtomicFile.makeDirectory(layout.path(Self.directory))
            let aside = try setAsideIfUnreadable(draft.householdID, now: savedAt)
            try AtomicFile.write(try JSONCoding.prettyEncoder().encode(file), to: path(draft.householdID))
            return aside
        }
    }

    /// A draft file of `householdID` that is there but is not a draft this Sanbao reads
    /// (damaged, or from a newer Sanbao) is renamed beside itself before a new one is
    /// written: someone's unsaved answers are never overwritten.
    private func setAsideIfUnreadable(_ householdID: String, now: String) throws -> String? {
        let path = path(householdID)
        guard let data = FileManager.default.contents(atPath: path), Self.decode(data, of: householdID) == nil else { return nil }
        let name = (path as NSString).lastPathComponent + ".unreadable-" + now.filter(\.isNumber)
        guard rename(path, layout.path("\(Self.directory)/\(name)")) == 0 else { throw StoreError.io(path, AtomicFile.errnoText()) }
        try AtomicFile.syncDirectory(layout.path(Self.directory))
        return "\(Self.directory)/\(name)"
    }

    static func decode(_ data: Data, of householdID: String? = nil) -> DraftFile<CheckDraft>? {
        guard let f = try? JSONCoding.decoder().decode(DraftFile<CheckDraft>.self, from: data), f.schemaVersion <= DataLayout.schemaVersion,
              householdID.map({ $0 == f.draft.householdID }) ?? true else { return nil }
        return f
    }

    func drop(householdID: String) throws {
        let path = path(householdID)
        guard FileManager.default.fileExists(atPath: path) else { return }
        try FileManager.default.removeItem(atPath: path)
        try AtomicFile.syncDirectory(layout.path(Self.directory))
    }

    /// Drafts on disk whose household `isKnown`, newest first. A draft that cannot be
    /// read is skipped (and left on disk for a person to look at).
    func saved(isKnown: (String) -> Bool) -> [(draft: CheckDraft, savedAt: String)] {
        let dir = layout.path(Self.directory)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".json") }
        return names.compactMap { name -> (CheckDraft, String)? in
            guard let data = FileManager.default.contents(atPath: dir + "/" + name), let f = Self.decode(data),
                  isKnown(f.draft.householdID) else { return nil }
            return (f.draft, f.savedAt)
        }.sorted { $0.1 > $1.1 }
    }
}

/// A draft on disk: a check form's (`Drafts`) or a record form's (`RecordDraftFiles`),
/// with the format version and when it was kept.
struct DraftFile<Draft: Codable>: Codable {
    var schemaVersion: Int
    var savedAt: String
    var draft: Draft

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case savedAt = "saved_at"
        case draft
    }
}

extension Store {
    /// Keeps `draft` on disk; refused (75) when the store is read-only.
    /// Keeps `draft` durably; returns where an unreadable draft of the same household was
    /// set aside, if there was one (the app says so).
    @discardableResult
    public func keepDraft(_ draft: CheckDraft) throws -> String? {
        if let refusal = access.refusal { throw refusal }
        return try draftFiles.keep(draft, savedAt: now())
    }

    public func dropDraft(householdID: String) throws {
        try draftFiles.drop(householdID: householdID)
    }

    /// Drafts left by an earlier session for households this store has, newest first.
    public func drafts() -> [(draft: CheckDraft, savedAt: String)] {
        draftFiles.saved { household($0) != nil }
    }
}
