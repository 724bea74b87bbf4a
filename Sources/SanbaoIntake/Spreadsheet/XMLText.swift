/// Character data of a workbook part turned into the text it stands for.
///
/// Three layers of escaping meet in a cell's text: XML's own (`&amp;`, `&#x4E00;`, line
/// ends read as LF), and OOXML's ST_Xstring (`_x000D_` for a character XML cannot carry,
/// `_x005F_` for a literal underscore before such a sequence). Most values carry none of
/// them; those become a `String` straight from the bytes.
enum XMLText {
    /// The decoded text of `range`; `xstring` also decodes `_xHHHH_` (cell and shared-string
    /// text; not attribute values or numbers).
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, xstring: Bool) -> String {
        if isPlain(bytes, range, xstring: xstring) {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        append(bytes, range, into: &out)
        return string(out, xstring: xstring)
    }

    /// The text of already-unescaped XML bytes (runs joined by `append`).
    static func string(_ unescaped: [UInt8], xstring: Bool) -> String {
        guard xstring, unescaped.contains(UInt8(ascii: "_")) else { return String(decoding: unescaped, as: UTF8.self) }
        return String(decoding: decodingXstring(unescaped), as: UTF8.self)
    }

    @inline(__always)
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, xstring: Bool) -> Bool {
        for k in range {
            let b = bytes[k]
            if b == UInt8(ascii: "&") || b == 0x0D || (xstring && b == UInt8(ascii: "_")) { return false }
        }
        return true
    }

    /// Appends `range` with XML's escapes undone and its line ends made LF.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [UInt8]) {
        var k = range.lowerBound
        let end = range.upperBound
        while k < end {
            let b = bytes[k]
            if b == 0x0D {
                out.append(0x0A)
                k += (k + 1 < end && bytes[k + 1] == 0x0A) ? 2 : 1
            } else if b == UInt8(ascii: "&"), let (scalar, next) = entity(bytes, at: k, end: end) {
                appendUTF8(scalar, to: &out)
                k = next
            } else {
                out.append(b)
                k += 1
            }
        }
    }

    /// The character of the entity at `amp` and the index after its `;`, or nil when it is
    /// not one XML defines (then the `&` is kept as written).
    private static func entity(_ bytes: UnsafeBufferPointer<UInt8>, at amp: Int, end: Int) -> (UInt32, Int)? {
        var semi = amp + 1
        while semi < end, semi - amp <= 10, bytes[semi] != UInt8(ascii: ";") { semi += 1 }
        guard semi < end, bytes[semi] == UInt8(ascii: ";") else { return nil }
        let name = Array(bytes[(amp + 1)..<semi])
        switch name {
        case Array("amp".utf8): return (0x26, semi + 1)
        case Array("lt".utf8): return (0x3C, semi + 1)
        case Array("gt".utf8): return (0x3E, semi + 1)
        case Array("quot".utf8): return (0x22, semi + 1)
        case Array("apos".utf8): return (0x27, semi + 1)
        default: break
        }
        guard name.first == UInt8(ascii: "#") else { return nil }
        let hex = name.count > 1 && (name[1] == UInt8(ascii: "x") || name[1] == UInt8(ascii: "X"))
        let digits = name.dropFirst(hex ? 2 : 1)
        guard !digits.isEmpty, digits.count <= 8,
              let value = UInt32(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 10),
              Unicode.Scalar(value) != nil else { return nil }
        return (value, semi + 1)
    }

    /// `bytes` with each ST_Xstring escape `_xHHHH_` replaced by its character; a UTF-16
    /// surrogate pair written as two escapes is joined; an escape naming no character is kept.
    static func decodingXstring(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            if let unit = escapedUnit(bytes, at: k) {
                if (0xD800..<0xDC00).contains(unit), let low = escapedUnit(bytes, at: k + 7), (0xDC00..<0xE000).contains(low) {
                    appendUTF8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), to: &out)
                    k += 14
                    continue
                }
                if Unicode.Scalar(unit) != nil {
                    appendUTF8(unit, to: &out)
                    k += 7
                    continue
                }
            }
            out.append(bytes[k])
            k += 1
        }
        return out
    }

    /// The code unit of `_xHHHH_` at `k`, or nil.
    private static func escapedUnit(_ bytes: [UInt8], at k: Int) -> UInt32? {
        guard k + 7 <= bytes.count, bytes[k] == UInt8(ascii: "_"), bytes[k + 1] == UInt8(ascii: "x"),
              bytes[k + 6] == UInt8(ascii: "_") else { return nil }
        var value: UInt32 = 0
        for i in (k + 2)..<(k + 6) {
            guard let digit = hexDigit(bytes[i]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    private static func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(value) else { return }
        UTF8.encode(scalar) { out.append($0) }
    }
}
