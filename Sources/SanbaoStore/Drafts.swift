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

    func keep(_ draft: CheckDraft, savedAt: String) throws {
        let file = DraftFile(schemaVersion: DataLayout.schemaVersion, savedAt: savedAt, draft: draft)
        try AtomicFile.inDataDirectory {
            try AtomicFile.makeDirectory(layout.path(Self.directory))
            try AtomicFile.write(try JSONCoding.prettyEncoder().encode(file), to: path(draft.householdID))
        }
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
            guard let data = FileManager.default.contents(atPath: dir + "/" + name),
                  let f = try? JSONCoding.decoder().decode(DraftFile.self, from: data),
                  f.schemaVersion <= DataLayout.schemaVersion,
                  isKnown(f.draft.householdID) else { return nil }
            return (f.draft, f.savedAt)
        }.sorted { $0.1 > $1.1 }
    }
}

struct DraftFile: Codable {
    var schemaVersion: Int
    var savedAt: String
    var draft: CheckDraft

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case savedAt = "saved_at"
        case draft
    }
}

extension Store {
    /// Keeps `draft` on disk; refused (75) when the store is read-only.
    public func keepDraft(_ draft: CheckDraft) throws {
        if let refusal = access.refusal { throw refusal }
        try draftFiles.keep(draft, savedAt: now())
    }

    public func dropDraft(householdID: String) throws {
        try draftFiles.drop(householdID: householdID)
    }

    /// Drafts left by an earlier session for households this store has, newest first.
    public func drafts() -> [(draft: CheckDraft, savedAt: String)] {
        draftFiles.saved { household($0) != nil }
    }
}
