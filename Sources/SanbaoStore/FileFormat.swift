import Foundation
import SanbaoCore

/// The small JSON documents around the records: the manifest, the cadre list, and the
/// header line that opens every JSON Lines file. All carry `schema_version`.
public struct Manifest: Hashable, Sendable, Codable {
    public var schemaVersion: Int
    /// Identifies this data directory (one device or one cadre's copy) in merges.
    public var deviceID: String
    public var created: String

    public init(deviceID: String, created: String) {
        schemaVersion = DataLayout.schemaVersion
        self.deviceID = deviceID
        self.created = created
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case deviceID = "device_id"
        case created
    }
}

struct CadreFile: Codable {
    var schemaVersion: Int
    var cadres: [Cadre]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case cadres
    }
}

/// First line of a `.jsonl` file: what the lines below are and which schema they follow.
struct LinesHeader: Codable, Equatable {
    var schemaVersion: Int
    var kind: String
    var villageCode: String

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case kind
        case villageCode = "village_code"
    }
}

/// Reads only `schema_version`, so a file from a newer Sanbao is recognised before its
/// contents are interpreted. The value is taken as written, whatever its type, so that
/// `"1"`, `true` or `0` are refused by name instead of being passed over as "no version
/// to compare" (a `rules.json` so marked once had its thresholds applied).
struct VersionProbe: Decodable {
    /// What `schema_version` holds; nil when the key is absent (or null).
    var raw: JSONValue?

    /// The version, when it is a whole number from 1 up; nil otherwise.
    var schemaVersion: Int? {
        guard let n = wholeNumber, n >= 1 else { return nil }
        return n
    }

    /// The value when it is any whole number: what `Migrator` compares with the steps
    /// it knows (a test defines a step from a version 0), never what a reader accepts.
    var wholeNumber: Int? {
        guard case .number(let n)? = raw, n == n.rounded(), abs(n) < 1e15 else { return nil }
        return Int(n)
    }

    init(from decoder: Decoder) throws {
        raw = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(JSONValue.self, forKey: .schemaVersion)
    }

    enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version" }
}

/// The one JSON encoder and decoder configuration used for every file: sorted keys so
/// the same data always gives the same bytes, no escaped slashes, UTF-8 Chinese as is.
enum JSONCoding {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    static func prettyEncoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return e
    }

    static func decoder() -> JSONDecoder { JSONDecoder() }
}
