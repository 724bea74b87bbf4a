import Foundation
import SanbaoCore

/// Records encoded once, on every core, as the lines of a data file: an intake of a county
/// writes 200,000 new households into the journaled bundle and into the village files,
/// and encoding each twice, one at a time, was most of its writing.
struct EncodedRecords: Sendable {
    /// Household id → its JSON line (no newline), as `DatasetWriter` writes it.
    let lines: [String: Data]

    init(_ households: [Household]) throws {
        let encoded = households.concurrentMap(chunk: 256) { h in Result { try RecordLine.of(h) } }
        var lines: [String: Data] = [:]
        lines.reserveCapacity(households.count)
        for (h, r) in zip(households, encoded) { lines[h.id] = try r.get() }
        self.lines = lines
    }

    /// The bytes of `bundle` as `Bundle.encoded()` would encode them, handed to `put` in
    /// pieces, its households streamed from the lines made already (the same encoder, so
    /// the same bytes): the bundle is never held whole in memory.
    func bundleBytes(_ bundle: Bundle, _ put: (Data) throws -> Void) throws {
        var empty = bundle
        empty.households = []
        let data = try empty.encoded()
        let marker = Data(#""households":[]"#.utf8)
        guard let range = data.range(of: marker), bundle.households.allSatisfy({ lines[$0.id] != nil }) else {
            return try put(try bundle.encoded())
        }
        try put(data[..<range.lowerBound] + Data(#""households":["#.utf8))
        var batch = Data()
        for (k, h) in bundle.households.enumerated() {
            if k > 0 { batch.append(0x2C) }
            batch.append(lines[h.id]!)
            if batch.count > 1 << 20 { try put(batch); batch.removeAll(keepingCapacity: true) }
        }
        batch.append(0x5D)
        try put(batch)
        try put(data[range.upperBound...])
    }
}
