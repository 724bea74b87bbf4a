import SanbaoCore

/// A decoder for household and check lines that reads the bytes directly, about ten times
/// faster than `JSONDecoder` through `Codable` (docs/performance.md, "Fast decoding").
///
/// Contract: it returns exactly the value `JSONDecoder` would decode from the line, or
/// nil when it is not sure: a syntax error, invalid UTF-8, a missing or duplicate key,
/// a wrong type, a value the type's `init(from:)` rejects, an escape where a word or date
/// is expected, a number not written as a plain integer. On nil the reader runs the
/// slow path (UTF-8 check, `JSONSyntax`, `JSONDecoder`), which accepts the line or says
/// precisely what is wrong. So the fast path must never accept a line the slow path
/// rejects, and it may decline any line it likes. Keys the record does not have are
/// skipped, as `Codable` does.
///
/// The decoders mirror the `Codable` code of SanbaoCore field by field: synthesized
/// conformances (`decode` for a non-optional property, `decodeIfPresent` for an
/// optional one, so null or absent is nil) and the hand-written `init(from:)` of
/// `Check`, `Finding` and `Observations` (defaults for absent keys).
enum FastDecode {
    /// The household in one line of a households file, or nil (see the type's contract).
    static func household(_ line: UnsafeBufferPointer<UInt8>) -> Household? {
        whole(line) { c throws(Reject) in try household(&c) }
    }

    /// The check in one line of a checks file, or nil (see the type's contract).
    static func check(_ line: UnsafeBufferPointer<UInt8>) -> Check? {
        whole(line) { c throws(Reject) in try check(&c) }
    }

    static func household(_ line: [UInt8]) -> Household? {
        line.withUnsafeBufferPointer { household($0) }
    }

    static func check(_ line: [UInt8]) -> Check? {
        line.withUnsafeBufferPointer { check($0) }
    }

    /// One value filling the whole line, with only whitespace around it.
    private static func whole<T>(_ line: UnsafeBufferPointer<UInt8>,
                                 _ read: (inout ByteCursor) throws(Reject) -> T) -> T? {
        var c = ByteCursor(line)
        do {
            c.skipSpace()
            let value = try read(&c)
            c.skipSpace()
            return c.atEnd ? value : nil
        } catch {
            return nil
        }
    }
}

/// Which keys of an object were read, to refuse a duplicate: `JSONDecoder` keeps the
/// first of two equal keys, and such a line is rare enough to leave to it.
struct SeenKeys {
    private var bits: UInt32 = 0

    @inline(__always) mutating func mark(_ bit: UInt32) throws(Reject) {
        let m: UInt32 = 1 << bit
        guard bits & m == 0 else { throw Reject() }
        bits |= m
    }
}

extension ByteCursor {
    /// An array whose elements are read by `element`.
    mutating func array<T>(_ element: (inout ByteCursor) throws(Reject) -> T) throws(Reject) -> [T] {
        try beginArray()
        var out: [T] = []
        var first = true
        while try nextElement(&first) { out.append(try element(&self)) }
        return out
    }

    /// An array of vocabulary words.
    mutating func words<E>(_ table: RawTable<E>) throws(Reject) -> [E] {
        try array { c throws(Reject) in try c.word(table) }
    }

    /// An optional value: null (or, for the caller, an absent key) is nil.
    @inline(__always)
    mutating func optional<T>(_ read: (inout ByteCursor) throws(Reject) -> T) throws(Reject) -> T? {
        takeNull() ? nil : try read(&self)
    }
}

/// Required values that were not found: a key `JSONDecoder` reports as missing.
@inline(__always) func required<T>(_ value: T?) throws(Reject) -> T {
    guard let value else { throw Reject() }
    return value
}
