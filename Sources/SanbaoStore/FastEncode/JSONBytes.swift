/// Compact JSON written straight into bytes, as `JSONCoding.encoder()` writes it (no
/// spaces, slashes as they are, keys in the order the caller gives — the callers give
/// them sorted). Of the control characters, the five a note holds (line feed, return,
/// tab, backspace, form feed) take their short escapes, as the encoder writes them; any
/// other sets `declined`, and the caller hands the record to `JSONEncoder`, whose escape
/// is then the one written (it stops a string at NUL). Nothing else needs a choice of spelling.
struct JSONBytes {
    var bytes: [UInt8] = []
    private(set) var declined = false

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    /// `"name":`, after a comma unless it is the first key of its object.
    mutating func key(_ name: StaticString) {
        if let last = bytes.last, last != UInt8(ascii: "{"), last != UInt8(ascii: "[") { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// `"name":` for a key known only at run time (a dictionary's), escaped as any string.
    mutating func key(_ name: String) {
        if let last = bytes.last, last != UInt8(ascii: "{"), last != UInt8(ascii: "[") { bytes.append(UInt8(ascii: ",")) }
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    /// A comma before an element of an array, unless it is the first.
    mutating func element() {
        if let last = bytes.last, last != UInt8(ascii: "[") { bytes.append(UInt8(ascii: ",")) }
    }

    mutating func open() { bytes.append(UInt8(ascii: "{")) }
    mutating func close() { bytes.append(UInt8(ascii: "}")) }
    mutating func openArray() { bytes.append(UInt8(ascii: "[")) }
    mutating func closeArray() { bytes.append(UInt8(ascii: "]")) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            // Most strings need no escape: copied whole, after a look eight bytes at a time.
            guard Self.needsEscape(utf8) else {
                bytes.append(contentsOf: utf8)
                bytes.append(UInt8(ascii: "\""))
                return
            }
            for b in utf8 {
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                    bytes.append(UInt8(ascii: "\\"))
                } else if b < 0x20 {
                    escape(b)
                    continue
                }
                bytes.append(b)
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// Whether `utf8` holds a quote, a backslash or a control character. Eight bytes at a
    /// time: a word has a byte below 0x20 when subtracting 0x20 from each borrows into a
    /// byte whose top bit was clear, and a byte equal to `c` when `w ^ c` has a zero byte.
    static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ w: UInt64) -> Bool { (w &- ones) & ~w & high != 0 }
        let raw = UnsafeRawBufferPointer(utf8)
        var k = 0
        while k + 8 <= raw.count {
            let w = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            if (w &- ones &* 0x20) & ~w & high != 0 || hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C)) { return true }
            k += 8
        }
        while k < raw.count {
            let b = raw[k]
            if b < 0x20 || b == 0x22 || b == 0x5C { return true }
            k += 1
        }
        return false
    }

    private mutating func escape(_ b: UInt8) {
        let short: UInt8
        switch b {
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        default: declined = true; return
        }
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(short)
    }

    mutating func int(_ v: Int) {
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        var m = v.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[n] = UInt8(ascii: "0") + UInt8(m % 10)
                m /= 10
                n += 1
            } while m > 0
            for k in stride(from: n - 1, through: 0, by: -1) { bytes.append(d[k]) }
        }
    }

    mutating func bool(_ v: Bool) {
        if v { bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
    }

    // Keyed helpers: the shapes records are made of. An optional is left out when nil, as
    // the synthesized `encode(to:)` leaves it out (`encodeIfPresent`).

    mutating func field(_ name: StaticString, _ v: String) { key(name); string(v) }
    mutating func field(_ name: StaticString, _ v: Int) { key(name); int(v) }
    mutating func field(_ name: StaticString, _ v: Bool) { key(name); bool(v) }
    mutating func field<E: RawRepresentable<String>>(_ name: StaticString, _ v: E) { key(name); string(v.rawValue) }
    mutating func field(_ name: StaticString, _ v: String?) { if let v { field(name, v) } }
    mutating func field(_ name: StaticString, _ v: Int?) { if let v { field(name, v) } }
    mutating func field(_ name: StaticString, _ v: Bool?) { if let v { field(name, v) } }
    mutating func field<E: RawRepresentable<String>>(_ name: StaticString, _ v: E?) { if let v { field(name, v) } }

    /// An array of values each written by `write`.
    mutating func array<T>(_ name: StaticString, _ items: [T], _ write: (inout JSONBytes, T) -> Void) {
        key(name)
        openArray()
        for item in items {
            element()
            write(&self, item)
        }
        closeArray()
    }

    /// An object value written by `write`, left out when `value` is nil.
    mutating func object<T>(_ name: StaticString, _ value: T?, _ write: (inout JSONBytes, T) -> Void) {
        guard let value else { return }
        key(name)
        write(&self, value)
    }
}
