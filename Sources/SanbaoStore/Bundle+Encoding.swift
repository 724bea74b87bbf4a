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
        // A few hundred records to a piece, each piece one buffer.
        let pieces = stride(from: 0, to: records.count, by: 256).map { $0..<min($0 + 256, records.count) }
        let encoded = pieces.concurrentMap(chunk: 1) { range in
            Result {
                var piece: [UInt8] = []
                piece.reserveCapacity(range.count * 1000)
                for k in range {
                    if k > 0 { piece.append(0x2C) }
                    try RecordLine.append(records[k], to: &piece)
                }
                return piece
            }
        }
        for piece in encoded { out.append(contentsOf: try piece.get()) }
    }
}
