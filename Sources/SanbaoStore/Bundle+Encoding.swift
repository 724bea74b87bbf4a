import Foundation
import SanbaoCore

extension Bundle {
    /// The bytes of `encoded()`, its households and checks encoded on every core and
    /// set into the rest: one `JSONEncoder` pass over a county's bundle was most of
    /// `sanbao bundle`. Each record encodes alone as it does inside the bundle (the same
    /// encoder, compact, keys sorted), so the bytes are the same (`BundleEncodingTests`).
    public func encodedOnAllCores() throws -> Data {
        var out = Data()
        try encodedOnAllCores { out.append($0) }
        return out
    }

    /// The same bytes handed to `put` in pieces as they are made, a few thousand records
    /// at a time: a county's bundle is 600 MB, and made whole first it was held twice over
    /// while the kernel zeroed pages for it.
    public func encodedOnAllCores(_ put: (Data) throws -> Void) throws {
        var frame = self
        frame.households = []
        frame.checks = []
        let outer = try frame.encoded()
        // Keys are sorted: "checks" follows only "cadres" (no such key inside a cadre), and
        // "households" is followed only by "kind" and "schema_version", so the first and
        // the last of these markers are the bundle's own.
        guard let checksAt = outer.range(of: Data(#""checks":[]"#.utf8)),
              let householdsAt = outer.range(of: Data(#""households":[]"#.utf8), options: .backwards),
              checksAt.upperBound <= householdsAt.lowerBound else { return try put(try encoded()) }
        try put(outer[..<checksAt.lowerBound] + Data(#""checks":["#.utf8))
        try Self.join(checks, put)
        try put(outer[(checksAt.upperBound - 1)..<householdsAt.lowerBound] + Data(#""households":["#.utf8))
        try Self.join(households, put)
        try put(outer[(householdsAt.upperBound - 1)...])
    }

    /// `records` encoded on every core, comma-separated, handed to `put` in order.
    static func join<T: Encodable & Sendable>(_ records: [T], _ put: (Data) throws -> Void) throws {
        // A few hundred records to a piece, each piece one buffer; sixteen pieces at a time.
        let pieces = stride(from: 0, to: records.count, by: 256).map { $0..<min($0 + 256, records.count) }
        for batch in stride(from: 0, to: pieces.count, by: 16) {
            let encoded = pieces[batch..<min(batch + 16, pieces.count)].map { $0 }.concurrentMap(chunk: 1) { range in
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
            for piece in encoded { try put(Data(try piece.get())) }
        }
    }
}
