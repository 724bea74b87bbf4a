import SanbaoCore

/// Turning JSON strings into values: Swift strings, vocabulary words and dates.
extension ByteCursor {
    /// A string value. The bytes were checked by `stringSpan` (valid UTF-8, valid
    /// escapes, paired surrogates), so building the `String` cannot repair anything:
    /// it holds exactly the bytes `JSONDecoder` would put in it.
    mutating func string() throws(Reject) -> String {
        let (span, escaped) = try stringSpan()
        if !escaped { return String(decoding: span.buffer, as: UTF8.self) }
        return String(decoding: Self.unescaped(span), as: UTF8.self)
    }

    /// A string's raw contents when it has no escapes. Vocabulary words and dates never
    /// need one; an escaped one is left to `JSONDecoder` rather than decoded twice here.
    mutating func plainSpan() throws(Reject) -> Span {
        let (span, escaped) = try stringSpan()
        guard !escaped else { throw Reject() }
        return span
    }

    /// A `YYYY-MM-DD` date, with the rules of `LocalDate.init?(_:)`: ten bytes, dashes
    /// at 4 and 7, digits elsewhere, a day that exists.
    mutating func date() throws(Reject) -> LocalDate {
        let s = try plainSpan()
        guard s.count == 10, s.start[4] == UInt8(ascii: "-"), s.start[7] == UInt8(ascii: "-"),
              let y = Self.digits(s, 0, 4), let m = Self.digits(s, 5, 2), let d = Self.digits(s, 8, 2),
              let date = LocalDate(year: y, month: m, day: d) else { throw Reject() }
        return date
    }

    /// A word of a closed vocabulary (an enum with string raw values), matched by bytes.
    mutating func word<E>(_ table: RawTable<E>) throws(Reject) -> E {
        guard let e = table.match(try plainSpan()) else { throw Reject() }
        return e
    }

    private static func digits(_ s: Span, _ from: Int, _ count: Int) -> Int? {
        var v = 0
        for k in from..<from + count {
            let d = s.start[k] &- 48
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        return v
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

/// The words of one vocabulary as bytes, to match a string without building it.
/// A word matches only when its bytes are exactly a raw value; `JSONDecoder` would also
/// accept a canonically equivalent spelling, which is then left to it.
struct RawTable<E: RawRepresentable & CaseIterable & Sendable>: Sendable where E.RawValue == String {
    private let words: [([UInt8], E)]

    init() {
        words = E.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    func match(_ s: Span) -> E? {
        for (bytes, value) in words where s.equals(bytes) { return value }
        return nil
    }
}
