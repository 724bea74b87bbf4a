import SanbaoCore

/// Turning JSON strings into Swift strings.
extension ByteCursor {
    /// A string value. The bytes were checked by `stringSpan` (valid UTF-8, valid
    /// escapes, paired surrogates), so building the `String` cannot repair anything:
    /// it holds exactly the bytes `JSONDecoder` would put in it.
    mutating func string() throws(Reject) -> String {
        let (span, escaped) = try stringSpan()
        if !escaped { return String(decoding: span.buffer, as: UTF8.self) }
        return String(decoding: Self.unescaped(span), as: UTF8.self)
    }

    /// The UTF-8 bytes of a checked string span with escapes decoded.
    private static func unescaped(_ s: Span) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var k = 0
        while k < s.count {
            let b = s.start[k]
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                k += 1
                continue
            }
            let e = s.start[k + 1]
            k += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex(s, k)
                k += 4
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    // `stringSpan` made sure a low surrogate escape follows.
                    let low = hex(s, k + 2)
                    k += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                appendUTF8(scalar, to: &out)
            default: out.append(e) // \" \\ \/
            }
        }
        return out
    }

    private static func hex(_ s: Span, _ k: Int) -> UInt32 {
        var v: UInt32 = 0
        for j in k..<k + 4 {
            let c = s.start[j]
            v = v << 4 | UInt32(c <= 57 ? c - 48 : (c | 0x20) - 87)
        }
        return v
    }

    private static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }
}

/// The words of one vocabulary as bytes, to match a string in place without building it.
/// A word matches only when its bytes are exactly a raw value; `JSONDecoder` would also
/// accept an escaped or canonically equivalent spelling, which is then left to it.
/// The raw values are kept one after another in one array: an array per word would be
/// retained and released at every comparison.
struct RawTable<E: RawRepresentable & CaseIterable & Sendable>: Sendable where E.RawValue == String {
    private let text: [UInt8]
    private let starts: [Int]
    private let counts: [Int]
    private let values: [E]
    /// The length of the longest word, in bytes.
    let longest: Int

    init() {
        values = Array(E.allCases)
        let words = values.map { Array($0.rawValue.utf8) }
        let counts = words.map(\.count)
        text = words.flatMap { $0 }
        starts = counts.indices.map { k in counts[..<k].reduce(0, +) }
        longest = counts.max() ?? 0
        self.counts = counts
    }

    /// The value whose raw value is exactly the `count` bytes at `p`.
    func match(_ p: UnsafePointer<UInt8>, count: Int) -> E? {
        text.withUnsafeBufferPointer { t in
            for k in values.indices where counts[k] == count {
                let s = starts[k]
                var equal = true
                for j in 0..<count where p[j] != t[s + j] {
                    equal = false
                    break
                }
                if equal { return values[k] }
            }
            return nil
        }
    }
}
