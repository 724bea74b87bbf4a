import Foundation
import SanbaoCore

/// Small per-directory settings of the app (the cadre last chosen on the roster).
public struct Preferences: Codable, Sendable, Equatable {
    public var cadreID: String?

    public init(cadreID: String? = nil) { self.cadreID = cadreID }

    enum CodingKeys: String, CodingKey { case cadreID = "cadre_id" }
}

/// `DATA/preferences.json`: read leniently (a missing or unreadable file is the
/// defaults), replaced atomically. The store owns one (`Store.preferencesFile`).
struct PreferencesFile: Sendable {
    static let name = "preferences.json"

    let layout: DataLayout

    func read() -> Preferences {
        guard let data = FileManager.default.contents(atPath: layout.path(Self.name)) else { return Preferences() }
        return (try? JSONCoding.decoder().decode(Preferences.self, from: data)) ?? Preferences()
    }

    func write(_ p: Preferences) throws {
        try AtomicFile.write(try JSONCoding.prettyEncoder().encode(p), to: layout.path(Self.name))
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
