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
/// rejects, and it may decline any line it likes. A key the record does not have is
/// declined: the slow path refuses it by name (`UnknownKeys`).
///
/// The decoders mirror the `Codable` code of SanbaoCore field by field: synthesized
/// conformances (`decode` for a non-optional property, `decodeIfPresent` for an
/// optional one, so null or absent is nil) and the hand-written `init(from:)` of
/// `Check`, `Finding` and `Observations` (defaults for absent keys).
enum FastDecode {
    /// Decodes the household in one line of a households file into `slot` (uninitialized
    /// memory), or returns false, leaving it uninitialized (see the type's contract).
    /// Writing in place spares copying a 448-byte struct a few times per record.
    static func household(_ line: UnsafeBufferPointer<UInt8>, into slot: UnsafeMutablePointer<Household>) -> Bool {
        whole(line, into: slot) { c throws(Reject) in try household(&c) }
    }

    /// As `household(_:into:)`, for the check in one line of a checks file.
    static func check(_ line: UnsafeBufferPointer<UInt8>, into slot: UnsafeMutablePointer<Check>) -> Bool {
        whole(line, into: slot) { c throws(Reject) in try check(&c) }
    }

    /// The household in `line`, or nil.
    static func household(_ line: [UInt8]) -> Household? {
        value { slot in line.withUnsafeBufferPointer { household($0, into: slot) } }
    }

    /// The check in `line`, or nil.
    static func check(_ line: [UInt8]) -> Check? {
        value { slot in line.withUnsafeBufferPointer { check($0, into: slot) } }
    }

    /// One value filling the whole line, with only whitespace around it.
    @inline(__always)
    static func whole<T>(_ line: UnsafeBufferPointer<UInt8>, into slot: UnsafeMutablePointer<T>,
                                 _ read: (inout ByteCursor) throws(Reject) -> T) -> Bool {
        var c = ByteCursor(line)
        c.skipSpace()
        do {
            slot.initialize(to: try read(&c))
        } catch {
            return false
        }
        c.skipSpace()
        guard c.atEnd else {
            slot.deinitialize(count: 1)
            return false
        }
        return true
    }

    static func value<T>(_ decode: (UnsafeMutablePointer<T>) -> Bool) -> T? {
        let slot = UnsafeMutablePointer<T>.allocate(capacity: 1)
        defer { slot.deallocate() }
        return decode(slot) ? slot.move() : nil
    }
}

/// A record type `FastDecode` can read, for the reader to call it generically.
protocol FastDecodable {
    static func fastDecode(_ line: UnsafeBufferPointer<UInt8>, into slot: UnsafeMutablePointer<Self>) -> Bool
}

extension Household: FastDecodable {
    static func fastDecode(_ line: UnsafeBufferPointer<UInt8>, into slot: UnsafeMutablePointer<Household>) -> Bool {
        FastDecode.household(line, into: slot)
    }
}

extension Check: FastDecodable {
    static func fastDecode(_ line: UnsafeBufferPointer<UInt8>, into slot: UnsafeMutablePointer<Check>) -> Bool {
        FastDecode.check(line, into: slot)
    }
}

/// Which keys of an object were read, to refuse a duplicate: `JSONDecoder` keeps the
/// first of two equal keys, and such a line is rare enough to leave to it.
struct SeenKeys {
    private(set) var bits: UInt32 = 0

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
