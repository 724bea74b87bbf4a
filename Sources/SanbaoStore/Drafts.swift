import Foundation
import SanbaoCore

/// Unsaved check forms, kept on disk as the cadre types so a crash, a kill or a flat
/// battery loses nothing: `DATA/drafts/<household>.json`, replaced atomically on every
/// change and removed when the check is saved or discarded.
extension Store {
    static let draftsDir = "drafts"

    func draftPath(_ householdID: String) -> String {
        layout.path("\(Self.draftsDir)/\(householdID.replacingOccurrences(of: "/", with: "_")).json")
    }

    public func keepDraft(_ draft: CheckDraft) throws {
        if case .readOnly(let why) = access { throw StoreError.refused(why, code: 75) }
        try AtomicFile.makeDirectory(layout.path(Self.draftsDir))
        let file = DraftFile(schemaVersion: DataLayout.schemaVersion, savedAt: now(), draft: draft)
        try AtomicFile.write(try JSONCoding.prettyEncoder().encode(file), to: draftPath(draft.householdID))
    }

    public func dropDraft(householdID: String) throws {
        let path = draftPath(householdID)
        guard FileManager.default.fileExists(atPath: path) else { return }
        try FileManager.default.removeItem(atPath: path)
        try AtomicFile.syncDirectory(layout.path(Self.draftsDir))
    }

    /// Drafts left by an earlier session, newest first. A draft that cannot be read is
    /// skipped (and left on disk for a person to look at).
    public func drafts() -> [(draft: CheckDraft, savedAt: String)] {
        let dir = layout.path(Self.draftsDir)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".json") }
        return names.compactMap { name -> (CheckDraft, String)? in
            guard let data = FileManager.default.contents(atPath: dir + "/" + name),
                  let f = try? JSONCoding.decoder().decode(DraftFile.self, from: data),
                  f.schemaVersion <= DataLayout.schemaVersion,
                  household(f.draft.householdID) != nil else { return nil }
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

/// Small per-directory settings of the app (the cadre last chosen on the roster).
public struct Preferences: Codable, Sendable, Equatable {
    public var cadreID: String?

    public init(cadreID: String? = nil) { self.cadreID = cadreID }

    enum CodingKeys: String, CodingKey { case cadreID = "cadre_id" }
}

extension Store {
    static let preferencesFile = "preferences.json"

    public func preferences() -> Preferences {
        guard let data = FileManager.default.contents(atPath: layout.path(Self.preferencesFile)) else { return Preferences() }
        return (try? JSONCoding.decoder().decode(Preferences.self, from: data)) ?? Preferences()
    }

    public func savePreferences(_ p: Preferences) throws {
        guard access == .readWrite else { return }
        try AtomicFile.write(try JSONCoding.prettyEncoder().encode(p), to: layout.path(Self.preferencesFile))
    }
}
