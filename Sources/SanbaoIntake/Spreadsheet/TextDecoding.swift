#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a text file into UTF-8, finding their encoding without asking: a
/// village cadre cannot be expected to know what "encoding" their CSV is in.
///
/// A byte order mark decides (UTF-8, UTF-16 LE or BE); bytes that are valid UTF-8 are
/// UTF-8; anything else is taken as GB18030 — what Chinese Windows writes, a superset of
/// GBK and GB2312 — and converted with the C library's `iconv`. Bytes that are none of
/// these are reported with where they are.
enum TextDecoding {
    static func decode(_ bytes: [UInt8]) throws -> (utf8: [UInt8], encoding: TextEncoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (Array(bytes.dropFirst(3)), .utf8BOM) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (try convert(bytes, skipping: 2, from: "UTF-16LE"), .utf16LE) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (try convert(bytes, skipping: 2, from: "UTF-16BE"), .utf16BE) }
        if isValidUTF8(bytes) { return (bytes, .utf8) }
        return (try convert(bytes, skipping: 0, from: "GB18030"), .gb18030)
    }

    /// True when every byte belongs to a well-formed UTF-8 sequence (no overlongs, no
    /// surrogates). ASCII, most of a roster, is checked eight bytes at a time.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { p in
            var k = 0
            let n = p.count
            while k < n {
                if k + 8 <= n {
                    let word = UnsafeRawPointer(p.baseAddress! + k).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 { k += 8; continue }
                }
                let b = p[k]
                if b < 0x80 { k += 1; continue }
                let length: Int
                var low: UInt8 = 0x80, high: UInt8 = 0xBF
                switch b {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE, 0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return false
                }
                guard k + length <= n, (low...high).contains(p[k + 1]) else { return false }
                for i in 2..<max(2, length) where !(0x80...0xBF).contains(p[k + i]) { return false }
                k += length
            }
            return true
        }
    }

    /// `bytes` (after the first `skip`) converted from `encoding` to UTF-8 by `iconv`.
    static func convert(_ bytes: [UInt8], skipping skip: Int, from encoding: String) throws -> [UInt8] {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { throw SpreadsheetError.noConverter(encoding: encoding) }
        defer { iconv_close(converter) }
        let inputCount = bytes.count - skip
        var output = [UInt8](repeating: 0, count: inputCount * 2 + 16)
        var failedAt: Int?
        let written = bytes.withUnsafeBufferPointer { input -> Int in
            output.withUnsafeMutableBufferPointer { out -> Int in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: input.baseAddress!).assumingMemoryBound(to: CChar.self) + skip
                var inLeft = inputCount
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = out.count
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                    failedAt = bytes.count - inLeft
                }
                return out.count - outLeft
            }
        }
        if let failedAt {
            let line = bytes[..<failedAt].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw SpreadsheetError.undecodableText(offset: failedAt, line: line)
        }
        output.removeSubrange(written...)
        return output
    }
}
