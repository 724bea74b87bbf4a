import Foundation
import SanbaoCore

/// Everything one device hands to another: registration records, checks, edits and
/// cadres, in one JSON file. Importing is a union, so it can be repeated safely.
public struct Bundle: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    public var kind: String
    public var deviceID: String
    public var created: String
    public var cadres: [Cadre]
    /// Registration records (before edits).
    public var households: [Household]
    public var checks: [Check]
    public var edits: [HouseholdEdit]

    public init(deviceID: String, created: String, cadres: [Cadre], households: [Household],
                checks: [Check], edits: [HouseholdEdit]) {
        schemaVersion = DataLayout.schemaVersion
        kind = "bundle"
        self.deviceID = deviceID
        self.created = created
        self.cadres = cadres
        self.households = households
        self.checks = checks
        self.edits = edits
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case kind
        case deviceID = "device_id"
        case created, cadres, households, checks, edits
    }

    /// Reads a bundle, refusing anything that is not a complete, current bundle.
    public static func decode(_ data: Data, name: String) throws -> Bundle {
        // The fast way gives the very bundle the careful way would, or nothing; the
        // careful way below says what is wrong with anything it declines.
        if let fast = FastDecode.bundle(FastDecode.bytes(of: data)), fast.kind == "bundle" {
            guard fast.schemaVersion <= DataLayout.schemaVersion else {
                throw StoreError.badData("\(name): written by a newer Sanbao (schema_version \(fast.schemaVersion))")
            }
            return fast
        }
        if let probe = try? JSONCoding.decoder().decode(VersionProbe.self, from: data),
           let v = probe.schemaVersion, v > DataLayout.schemaVersion {
            throw StoreError.badData("\(name): written by a newer Sanbao (schema_version \(v))")
        }
        let bytes = [UInt8](data)
        let syntax = JSONSyntax.firstError(bytes, 0..<bytes.count)
        if let found = notABundle(bytes, syntax: syntax) { throw StoreError.notABundle(name, found: found) }
        if let syntax {
            let at = JSONSyntax.position(bytes, offset: syntax.offset)
            let path = syntax.path.map { "\($0): " } ?? ""
            throw StoreError.badData("\(name):\(at.line):\(at.column): \(path)\(syntax.message.en)")
        }
        do {
            let b = try JSONCoding.decoder().decode(Bundle.self, from: data)
            guard b.kind == "bundle" else { throw StoreError.notABundle(name, found: Bilingual(zh: "kind 为 \"\(b.kind)\"", en: "kind \"\(b.kind)\"")) }
            return b
        } catch let e as StoreError {
            throw e
        } catch {
            let d = DecodeFailure.describe(error)
            let col = d.column.map { ":\($0)" } ?? ""
            throw StoreError.badData("\(name)\(col): \(d.path): \(d.message.en)")
        }
    }

    public func encoded() throws -> Data {
        var d = try JSONCoding.encoder().encode(self)
        d.append(0x0A)
        return d
    }
}
