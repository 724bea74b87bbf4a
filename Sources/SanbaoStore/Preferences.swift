import Foundation
import SanbaoCore

/// Small per-directory settings of the app (the cadre last chosen on the roster).
///
/// Written with `schema_version` like every other file; a file from before it had one
/// (only `cadre_id`) is read as version 1, and one from a newer Sanbao is left alone.
public struct Preferences: Codable, Sendable, Equatable {
    public var cadreID: String?
    /// The version the file was written with (absent in the first files: 1).
    public internal(set) var schemaVersion = DataLayout.schemaVersion

    public init(cadreID: String? = nil) { self.cadreID = cadreID }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case cadreID = "cadre_id"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? 1
        cadreID = try c.decodeIfPresent(String.self, forKey: .cadreID)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(DataLayout.schemaVersion, forKey: .schemaVersion)
        try c.encodeIfPresent(cadreID, forKey: .cadreID)
    }

    public static func == (a: Preferences, b: Preferences) -> Bool { a.cadreID == b.cadreID }
}

/// `DATA/preferences.json`: read leniently (a missing or unreadable file is the
/// defaults), replaced atomically. The store owns one (`Store.preferencesFile`).
struct PreferencesFile: Sendable {
    static let name = "preferences.json"

    let layout: DataLayout

    func read() -> Preferences {
        guard let p = onDisk(), p.schemaVersion <= DataLayout.schemaVersion else { return Preferences() }
        return p
    }

    func onDisk() -> Preferences? {
        guard let data = FileManager.default.contents(atPath: layout.path(Self.name)) else { return nil }
        return try? JSONCoding.decoder().decode(Preferences.self, from: data)
    }

    /// A file written by a newer Sanbao: its settings are not understood, so the defaults
    /// apply, and it is not replaced (that Sanbao's settings survive a run of this one).
    var isNewer: Bool { (onDisk()?.schemaVersion ?? 0) > DataLayout.schemaVersion }

    func write(_ p: Preferences) throws {
        if isNewer { return }
        try AtomicFile.inDataDirectory { try AtomicFile.write(try JSONCoding.prettyEncoder().encode(p), to: layout.path(Self.name)) }
    }
}

extension Store {
    public func preferences() -> Preferences { preferencesFile.read() }

    /// Saves `p`; a read-only store keeps nothing, silently (preferences are a convenience).
    public func savePreferences(_ p: Preferences) throws {
        guard access == .readWrite else { return }
        try preferencesFile.write(p)
    }
}
