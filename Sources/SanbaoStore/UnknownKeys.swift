import Foundation
import SanbaoCore

/// Keys in a record that its type does not have.
///
/// `Codable` ignores them, so a misspelt key (`"migrnat_months"`) would vanish without
/// a word and its value never count; the schemas say `additionalProperties: false`. A
/// file from a newer Sanbao, which may add keys, is already refused by its
/// `schema_version`, so within one version an unknown key is an error.
///
/// What the type has is learnt from the type itself: the record is encoded again, and a
/// key of the line that the encoding lacks was not read. (Sanbao writes every key it
/// reads; an optional value left out is absent from both, and one written as `null` is
/// passed over, as it reads as absent.)
enum UnknownKeys {
    /// The JSON path of the first unknown key in `bytes` (the JSON text `value` was
    /// decoded from), in key order; nil when there is none.
    static func first<T: Encodable>(in bytes: ArraySlice<UInt8>, decoded value: T) -> String? {
        guard let read = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]),
              let encoded = try? JSONCoding.encoder().encode(value),
              let written = try? JSONSerialization.jsonObject(with: encoded, options: [.fragmentsAllowed]) else { return nil }
        return first(read, written, path: "$")
    }

    /// As `first(in:decoded:)`, given the fingerprints of the line's key paths
    /// (`JSONSyntax.check`): when every one is a path a line of `T` was already shown to
    /// have, there is no unknown key and nothing is encoded again. The careful path reads
    /// every edit and every line the fast decoder declines, so this keeps it fast.
    static func first<T: Encodable>(in bytes: ArraySlice<UInt8>, decoded value: T, keyPaths: Set<UInt64>) -> String? {
        if known.has(keyPaths, of: T.self) { return nil }
        // Every path of the text is a path of the value encoded again: no key was left
        // unread, shown by two byte scans. Only otherwise (an unknown key, or one written
        // as null) is the slower comparison, which tells which key, made. A county's
        // cadres file took a third of `show` that way.
        if let encoded = try? JSONCoding.encoder().encode(value) {
            let written = [UInt8](encoded)
            let (failure, writtenPaths) = JSONSyntax.check(written, 0..<written.count, gatheringKeys: true)
            if failure == nil, keyPaths.isSubset(of: writtenPaths) {
                known.add(keyPaths, of: T.self)
                return nil
            }
        }
        let found = first(in: bytes, decoded: value)
        if found == nil { known.add(keyPaths, of: T.self) }
        return found
    }

    /// Key paths shown to be known, per record type; shared by every reader of the process.
    private static let known = KnownPaths()

    /// The problem to report for the unknown key at `path`.
    static func message(_ path: String) -> Bilingual {
        let key = path.split(separator: ".").last.map(String.init) ?? path
        return Bilingual(
            zh: "未知的键 \"\(key)\"（格式版本 \(DataLayout.schemaVersion) 中没有此键：拼写错误？请改正或删去）",
            en: "unknown key \"\(key)\" (format version \(DataLayout.schemaVersion) has no such key: misspelt? correct or remove it)")
    }

    private static func first(_ read: Any, _ written: Any, path: String) -> String? {
        if let read = read as? [String: Any] {
            guard let written = written as? [String: Any] else { return nil }
            for key in read.keys.sorted() {
                let inner = path + "." + key
                guard let w = written[key] else {
                    if read[key] is NSNull { continue }
                    return inner
                }
                if let found = first(read[key]!, w, path: inner) { return found }
            }
        } else if let read = read as? [Any], let written = written as? [Any], read.count == written.count {
            for (k, (r, w)) in zip(read, written).enumerated() {
                if let found = first(r, w, path: "\(path)[\(k)]") { return found }
            }
        }
        return nil
    }
}

/// Fingerprints of key paths each record type was shown to have (a line of it decoded
/// and encoded again with no key lost). Bounded: a hostile file with ever new keys
/// inside an edit's free-form value only stops adding, never grows memory without end.
private final class KnownPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [ObjectIdentifier: Set<UInt64>] = [:]
    private static let limit = 20_000

    func has(_ keys: Set<UInt64>, of type: Any.Type) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return paths[ObjectIdentifier(type)].map { keys.isSubset(of: $0) } ?? keys.isEmpty
    }

    func add(_ keys: Set<UInt64>, of type: Any.Type) {
        lock.lock()
        defer { lock.unlock() }
        guard paths[ObjectIdentifier(type), default: []].count < Self.limit else { return }
        paths[ObjectIdentifier(type), default: []].formUnion(keys)
    }
}

/// A fingerprint of where a key is in a JSON value: its parent's fingerprint and its
/// own quoted bytes (FNV-1a), array positions left out, so `$.members[0].name` and
/// `$.members[3].name` are one path.
enum StableKeyPath {
    static let root: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func adding(_ bytes: [UInt8], _ key: Range<Int>, to parent: UInt64) -> UInt64 {
        var h = (parent ^ 0x2E) &* 0x100_0000_01b3
        var k = key.lowerBound
        while k < key.upperBound {
            h = (h ^ UInt64(bytes[k])) &* 0x100_0000_01b3
            k += 1
        }
        return h
    }
}
