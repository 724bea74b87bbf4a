import Foundation

/// Splits a byte buffer into lines without copying, remembering 1-based line numbers.
/// Blank lines are skipped; a final line without a newline is marked, because in an
/// append-only file that is where a torn write shows.
struct JSONLines {
    struct Line {
        var number: Int
        var range: Range<Int>
        /// The line ends the buffer without a newline.
        var unterminated: Bool
    }

    static func split(_ bytes: [UInt8]) -> [Line] {
        bytes.withUnsafeBufferPointer { b in
            var lines: [Line] = []
            var start = 0
            var number = 1
            let n = b.count
            while start < n {
                // memchr: the line feed search is most of the work of splitting.
                let end = memchr(b.baseAddress! + start, 0x0A, n - start)
                    .map { UnsafeRawPointer($0) - UnsafeRawPointer(b.baseAddress!) } ?? n
                var stop = end
                if stop > start && b[stop - 1] == 0x0D { stop -= 1 }
                if !isBlank(b, start..<stop) {
                    lines.append(Line(number: number, range: start..<stop, unterminated: end == n))
                }
                start = end + 1
                number += 1
            }
            return lines
        }
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        for i in r where bytes[i] != 0x20 && bytes[i] != 0x09 { return false }
        return true
    }

    /// How many times `byte` occurs in `buffer`.
    static func count(_ byte: UInt8, in buffer: UnsafeRawBufferPointer) -> Int {
        guard var p = buffer.baseAddress else { return 0 }
        let end = p + buffer.count
        var found = 0
        while p < end, let hit = memchr(p, Int32(byte), end - p) {
            found += 1
            p = UnsafeRawPointer(hit) + 1
        }
        return found
    }

    /// Whether all of `bytes` is valid UTF-8, checked in pieces on every core: a county's
    /// bundle is 60 MB, and one pass on one core was a tenth of its import. A piece starts
    /// at a byte that begins a character, so each is valid exactly when the whole is.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        let pieces = bytes.count < 1 << 20 ? 1 : 8
        var starts = (0..<pieces).map { bytes.count * $0 / pieces }
        for k in 1..<starts.count {
            while starts[k] < bytes.count, bytes[starts[k]] & 0xC0 == 0x80 { starts[k] += 1 }
        }
        starts.append(bytes.count)
        let bounds = starts
        return !(0..<pieces).concurrentMap { k in
            firstInvalidUTF8(bytes, bounds[k]..<max(bounds[k], bounds[k + 1])) != nil
        }.contains(true)
    }

    /// Byte offset of the first invalid UTF-8 sequence in `range`, or nil when valid.
    static func firstInvalidUTF8(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var i = range.lowerBound
        while i < range.upperBound {
            // Eight ASCII bytes at a time: most of a bundle is keys, digits and punctuation.
            if i + 8 <= range.upperBound,
               bytes.withUnsafeBytes({ $0.loadUnaligned(fromByteOffset: i, as: UInt64.self) }) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = bytes[i]
            let len: Int
            switch b {
            case 0x00...0x7F: len = 1
            case 0xC2...0xDF: len = 2
            case 0xE0...0xEF: len = 3
            case 0xF0...0xF4: len = 4
            default: return i
            }
            guard i + len <= range.upperBound else { return i }
            for k in 1..<len where bytes[i + k] & 0xC0 != 0x80 { return i }
            if len == 3 {
                let b1 = bytes[i + 1]
                if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F) { return i }
            } else if len == 4 {
                let b1 = bytes[i + 1]
                if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 > 0x8F) { return i }
            }
            i += len
        }
        return nil
    }
}
