import Foundation
import SanbaoCore

extension Bundle {
    /// The bytes of `encoded()`, its households and checks encoded on every core and
    /// set into the rest: one `JSONEncoder` pass over a county's bundle was most of
    /// `sanbao bundle`. Each record encodes alone as it does inside the bundle (the same
    /// encoder, compact, keys sorted), so the bytes are the same (`BundleEncodingTests`).
    public func encodedOnAllCores() throws -> Data {
        var frame = self
        frame.households = []
        frame.checks = []
        let outer = try frame.encoded()
        // Keys are sorted: "checks" follows only "cadres" (no such key inside a cadre), and
        // "households" is followed only by "kind" and "schema_version", so the first and
        // the last of these markers are the bundle's own.
        guard let checksAt = outer.range(of: Data(#""checks":[]"#.utf8)),
              let householdsAt = outer.range(of: Data(#""households":[]"#.utf8), options: .backwards),
              checksAt.upperBound <= householdsAt.lowerBound else { return try encoded() }
        var out = Data()
        out.append(outer[..<checksAt.lowerBound])
        out.append(contentsOf: #""checks":["#.utf8)
        try Self.join(checks, into: &out)
        out.append(outer[(checksAt.upperBound - 1)..<householdsAt.lowerBound])
        out.append(contentsOf: #""households":["#.utf8)
        try Self.join(households, into: &out)
        out.append(outer[(householdsAt.upperBound - 1)...])
        return out
    }

    /// `records` encoded on every core, comma-separated, appended to `out`.
    static func join<T: Encodable & Sendable>(_ records: [T], into out: inout Data) throws {
        let encoded = records.concurrentMap(chunk: 256) { r in Result { try RecordLine.of(r) } }
        for (k, r) in encoded.enumerated() {
            if k > 0 { out.append(0x2C) }
            out.append(try r.get())
        }
    }
}
