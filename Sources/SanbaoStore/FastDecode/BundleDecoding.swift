import Foundation
import SanbaoCore

/// A whole bundle read from its bytes: its households and checks cut out and decoded by
/// the fast decoders on every core, its cadres and edits (few) by `JSONDecoder`. Three
/// passes of `JSONDecoder` over a county's bundle (a probe of its version, of its kind,
/// then the bundle) were half of an import. As for a line, nil whenever it is not sure
/// the bundle is the value `JSONDecoder` would give: a top-level key it does not know or
/// gives twice, a record it declines, bytes that are not UTF-8. `Bundle.decode` then
/// takes the careful way, which says what is wrong exactly as before.
extension FastDecode {
    static func bundle(_ bytes: [UInt8]) -> Bundle? {
        // The bytes checked as UTF-8 while the records are cut out, side by side.
        let found = [0, 1].concurrentMap(chunk: 1) { k -> BundleParts? in
            k == 0 ? (JSONLines.isValidUTF8(bytes) ? BundleParts() : nil)
                   : bytes.withUnsafeBufferPointer { buf in try? BundleParts(buf) }
        }
        guard found[0] != nil, let parts = found[1] else { return nil }
        // Cadres and edits go to JSONDecoder, which takes a key given twice or `7.0`: the
        // strict syntax check first, so such a bundle is declined and refused the careful way.
        guard let households = records(bytes, parts.households, { household($0, into: $1) }),
              let checks = records(bytes, parts.checks, { check($0, into: $1) }),
              JSONSyntax.firstError(bytes, parts.cadres) == nil, JSONSyntax.firstError(bytes, parts.edits) == nil,
              let cadres = try? JSONCoding.decoder().decode([Cadre].self, from: Data(bytes[parts.cadres])),
              let edits = try? JSONCoding.decoder().decode([HouseholdEdit].self, from: Data(bytes[parts.edits])) else { return nil }
        var b = Bundle(deviceID: parts.deviceID, created: parts.created, cadres: cadres, households: households,
                       checks: checks, edits: edits)
        b.schemaVersion = parts.schemaVersion
        b.kind = parts.kind
        return b
    }

    /// `data`'s bytes as an array, copied in eight pieces on every core: a county's bundle
    /// is 600 MB, and copying it on one core (the kernel zeroing each page first) took a
    /// second before anything else could start.
    static func bytes(of data: Data) -> [UInt8] {
        guard data.count >= 1 << 20 else { return [UInt8](data) }
        return [UInt8](unsafeUninitializedCapacity: data.count) { out, initialized in
            nonisolated(unsafe) let out = UnsafeMutableRawBufferPointer(out)
            data.withUnsafeBytes { source in
                nonisolated(unsafe) let source = source
                let count = source.count
                _ = (0..<8).concurrentMap { k in
                    let piece = (count * k / 8)..<(count * (k + 1) / 8)
                    UnsafeMutableRawBufferPointer(rebasing: out[piece]).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[piece]))
                }
            }
            initialized = data.count
        }
    }

    /// The records at `ranges` decoded straight into the array that is kept, a few hundred
    /// to a task on every core (one task per record, then an array of optionals copied
    /// into the bundle, was a fifth of reading a county's bundle); nil if any is declined.
    private static func records<T: Sendable>(_ bytes: [UInt8], _ ranges: [Range<Int>],
                                             _ decode: @Sendable (UnsafeBufferPointer<UInt8>, UnsafeMutablePointer<T>) -> Bool) -> [T]? {
        let chunk = 512
        let sizes = stride(from: 0, to: ranges.count, by: chunk).map { min(chunk, ranges.count - $0) }
        let (array, taken) = [T].filledConcurrently(sizes: sizes) { k, region in
            bytes.withUnsafeBufferPointer { buf in
                for r in ranges[(k * chunk)..<(k * chunk + sizes[k])] {
                    guard let slot = region.room(), decode(UnsafeBufferPointer(rebasing: buf[r]), slot) else { return false }
                    region.keep()
                }
                return true
            }
        }
        return taken.allSatisfy { $0 } ? array : nil
    }
}

/// The top level of a bundle: its scalar fields, and where each record is in the bytes.
private struct BundleParts: Sendable {
    var schemaVersion = 0
    var kind = "", deviceID = "", created = ""
    var cadres = 0..<0, edits = 0..<0
    var households: [Range<Int>] = [], checks: [Range<Int>] = []

    /// No parts: what is kept when only whether something succeeded matters.
    init() {}

    init(_ buf: UnsafeBufferPointer<UInt8>) throws(Reject) {
        var c = ByteCursor(buf)
        var seen = SeenKeys()
        var first = true
        c.skipSpace()
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("schema_version") {
                try seen.mark(0); schemaVersion = try c.int()
            } else if try c.key("kind") {
                try seen.mark(1); kind = try c.string()
            } else if try c.key("device_id") {
                try seen.mark(2); deviceID = try c.string()
            } else if try c.key("created") {
                try seen.mark(3); created = try c.string()
            } else if try c.key("cadres") {
                try seen.mark(4); cadres = try Self.value(&c)
            } else if try c.key("households") {
                try seen.mark(5); households = try Self.records(&c)
            } else if try c.key("checks") {
                try seen.mark(6); checks = try Self.records(&c)
            } else if try c.key("edits") {
                try seen.mark(7); edits = try Self.value(&c)
            } else {
                throw Reject()
            }
        }
        c.skipSpace()
        guard c.atEnd, seen.bits == 0xFF else { throw Reject() }
    }

    /// Where the value at the cursor is.
    static func value(_ c: inout ByteCursor) throws(Reject) -> Range<Int> {
        let start = c.offset
        try c.skipValue()
        return start..<c.offset
    }

    /// Where each record of the array of records at the cursor is, cut out by
    /// `passObject` (each is read strictly afterwards, the commas between them here).
    static func records(_ c: inout ByteCursor) throws(Reject) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var first = true
        try c.beginArray()
        while try c.nextElement(&first) {
            let start = c.offset
            try c.passObject()
            out.append(start..<c.offset)
        }
        return out
    }
}
