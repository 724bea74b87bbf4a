import SanbaoCore

/// The fast decoder gives up on a line: it is not sure the value would be the one
/// `JSONDecoder` produces. Carries nothing, because the caller then runs the slow path,
/// which finds and words the actual problem.
struct Reject: Error {}

/// A position in the bytes of one JSON line, with the token-level reads the record
/// decoders need. It accepts only strict JSON (RFC 8259): every line it accepts is also
/// accepted by `JSONSyntax` and by `JSONDecoder`, which are more lenient in places
/// (trailing commas, `1.`, bad escapes in ignored strings). Anything else is a `Reject`.
///
/// Reads go through a raw pointer: the bounds are checked by hand against `end`, once
/// per byte, because this loop is what the whole load time of a data directory is made of.
struct ByteCursor {
    private let base: UnsafePointer<UInt8>
    private var i: Int
    private let end: Int

    /// Deeper nesting than any record has; `JSONDecoder` stops at 512, so below that
    /// limit nothing it rejects for depth is accepted here.
    static let maxDepth = 64

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        // An empty buffer may have no base address; any valid pointer with end 0 will do.
        base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        i = 0
        end = bytes.count
    }

    var atEnd: Bool { i >= end }

    /// Where the cursor is, from the start of the bytes: what a bundle's reader cuts its
    /// records out by (`FastDecode.bundle`).
    var offset: Int { i }

    /// Skips JSON whitespace: space, tab, line feed, carriage return.
    @inline(__always) mutating func skipSpace() {
        while i < end {
            let b = base[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            i += 1
        }
    }

    /// The next byte, without consuming it; 0 at the end (never valid where a token is expected).
    @inline(__always) func peek() -> UInt8 { i < end ? base[i] : 0 }

    @inline(__always) mutating func expect(_ c: UInt8) throws(Reject) {
        guard i < end, base[i] == c else { throw Reject() }
        i += 1
    }

    // MARK: Structure

    /// Consumes `{` and prepares `nextKey`.
    mutating func beginObject() throws(Reject) {
        try expect(UInt8(ascii: "{"))
        skipSpace()
    }

    /// Moves to the next key of an object, past its opening quote; false at the closing
    /// `}`. `first` is true before the first key. The key is then taken by `key(_:)`
    /// when it is a known one, or by `skipField()`.
    mutating func nextKey(_ first: inout Bool) throws(Reject) -> Bool {
        if first {
            first = false
            if peek() == UInt8(ascii: "}") { i += 1; return false }
        } else {
            skipSpace()
            let b = peek()
            if b == UInt8(ascii: "}") { i += 1; return false }
            guard b == UInt8(ascii: ",") else { throw Reject() }
            i += 1
            skipSpace()
        }
        try expect(UInt8(ascii: "\""))
        return true
    }

    /// Takes the key when it is exactly `name` (then the cursor is at its value), by
    /// comparing the bytes in place. Keys are compared only as plain ASCII bytes:
    /// `JSONDecoder` compares them as Swift strings (escapes decoded, canonical
    /// equivalence), so a key spelt any other way is left to `skipField`, which declines it.
    @inline(__always) mutating func key(_ name: StaticString) throws(Reject) -> Bool {
        let n = name.utf8CodeUnitCount
        guard i + n < end, base[i + n] == UInt8(ascii: "\"") else { return false }
        let p = name.utf8Start
        for k in 0..<n where base[i + k] != p[k] { return false }
        i += n + 1
        try colon()
        return true
    }

    /// A key the record does not have: declined. Sanbao refuses unknown keys (a misspelt
    /// key would otherwise be dropped without a word), and the careful path names it.
    mutating func skipField() throws(Reject) {
        throw Reject()
    }

    /// The `:` after a key, and the space around it.
    @inline(__always) private mutating func colon() throws(Reject) {
        skipSpace()
        try expect(UInt8(ascii: ":"))
        skipSpace()
    }

    /// Consumes `[` and prepares `nextElement`.
    mutating func beginArray() throws(Reject) {
        try expect(UInt8(ascii: "["))
        skipSpace()
    }

    /// Whether another element follows (the cursor is then at it), or false after the closing `]`.
    mutating func nextElement(_ first: inout Bool) throws(Reject) -> Bool {
        if first {
            first = false
            if peek() == UInt8(ascii: "]") { i += 1; return false }
            return true
        }
        skipSpace()
        let b = peek()
        if b == UInt8(ascii: "]") { i += 1; return false }
        guard b == UInt8(ascii: ",") else { throw Reject() }
        i += 1
        skipSpace()
        return true
    }

    // MARK: Literals and numbers

    /// Consumes `null` when it is next: an optional field given as null is absent to Codable.
    mutating func takeNull() -> Bool {
        guard i + 4 <= end, base[i] == UInt8(ascii: "n"), base[i + 1] == UInt8(ascii: "u"),
              base[i + 2] == UInt8(ascii: "l"), base[i + 3] == UInt8(ascii: "l") else { return false }
        i += 4
        return true
    }

    mutating func bool() throws(Reject) -> Bool {
        if i + 4 <= end, base[i] == UInt8(ascii: "t"), base[i + 1] == UInt8(ascii: "r"),
           base[i + 2] == UInt8(ascii: "u"), base[i + 3] == UInt8(ascii: "e") {
            i += 4
            return true
        }
        if i + 5 <= end, base[i] == UInt8(ascii: "f"), base[i + 1] == UInt8(ascii: "a"),
           base[i + 2] == UInt8(ascii: "l"), base[i + 3] == UInt8(ascii: "s"), base[i + 4] == UInt8(ascii: "e") {
            i += 5
            return false
        }
        throw Reject()
    }

    /// An integer written plainly: `-?(0|[1-9][0-9]*)`, at most 18 digits so it cannot
    /// overflow. `JSONDecoder` also takes `1.0` or `1e2` for an Int; such a number is
    /// rejected here and left to it.
    mutating func int() throws(Reject) -> Int {
        var negative = false
        if peek() == UInt8(ascii: "-") { negative = true; i += 1 }
        let start = i
        var value = 0
        while i < end {
            let d = base[i] &- 48
            guard d < 10 else { break }
            value = value &* 10 &+ Int(d)
            i += 1
        }
        let digits = i - start
        guard digits > 0, digits <= 18, !(digits > 1 && base[start] == 48) else { throw Reject() }
        let next = peek()
        guard next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E") else { throw Reject() }
        return negative ? -value : value
    }

    /// Skips a number of any JSON form, checking its grammar.
    private mutating func skipNumber() throws(Reject) {
        if peek() == UInt8(ascii: "-") { i += 1 }
        guard isDigit(peek()) else { throw Reject() }
        if peek() == 48 {
            i += 1
        } else {
            while isDigit(peek()) { i += 1 }
        }
        if peek() == UInt8(ascii: ".") {
            i += 1
            guard isDigit(peek()) else { throw Reject() }
            while isDigit(peek()) { i += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            i += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { i += 1 }
            guard isDigit(peek()) else { throw Reject() }
            while isDigit(peek()) { i += 1 }
        }
    }

    @inline(__always) private func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }

    // MARK: Values of unknown keys

    /// Skips a value of any type (under a key the record does not have, which Codable
    /// ignores), checking that it is strict JSON.
    mutating func skipValue(depth: Int = 0) throws(Reject) {
        guard depth < Self.maxDepth else { throw Reject() }
        switch peek() {
        case UInt8(ascii: "{"):
            try beginObject()
            var first = true
            while try nextKeyOfAnyKind(&first) { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            try beginArray()
            var first = true
            while try nextElement(&first) { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""):
            _ = try stringSpan()
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try bool()
        case UInt8(ascii: "n"):
            guard takeNull() else { throw Reject() }
        default:
            try skipNumber()
        }
    }

    /// Moves past the object at the cursor by counting braces and brackets outside
    /// strings, checking nothing else. For cutting a bundle's records out: each is then
    /// read strictly by itself, and a record reader takes a piece only when it is one
    /// whole value, so what this does not check is checked there. The strict skip of a
    /// county's bundle, on one core before the records could be read on all, was a tenth
    /// of an import.
    mutating func passObject() throws(Reject) {
        guard peek() == UInt8(ascii: "{") else { throw Reject() }
        var depth = 0
        while i < end {
            let b = base[i]
            i += 1
            switch b {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return }
            case UInt8(ascii: "\""):
                while i < end {
                    while i + 8 <= end, Self.quiet(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
                    guard i < end else { break }
                    let s = base[i]
                    i += s == UInt8(ascii: "\\") ? 2 : 1
                    if s == UInt8(ascii: "\"") { break }
                }
            default:
                break
            }
        }
        throw Reject()
    }

    /// Like `nextKey`, for objects that are skipped: any valid key, escapes and all.
    private mutating func nextKeyOfAnyKind(_ first: inout Bool) throws(Reject) -> Bool {
        if first {
            first = false
            if peek() == UInt8(ascii: "}") { i += 1; return false }
        } else {
            skipSpace()
            let b = peek()
            if b == UInt8(ascii: "}") { i += 1; return false }
            guard b == UInt8(ascii: ",") else { throw Reject() }
            i += 1
            skipSpace()
        }
        _ = try stringSpan()
        skipSpace()
        try expect(UInt8(ascii: ":"))
        skipSpace()
        return true
    }

    // MARK: Strings known in advance: vocabulary words and dates, read in place

    /// A word of a closed vocabulary (an enum with string raw values). Only a string of
    /// at most the longest word's length is looked at; one with an escape or any other
    /// character matches no word and is left to `JSONDecoder`.
    mutating func word<E>(_ table: RawTable<E>) throws(Reject) -> E {
        guard i < end, base[i] == UInt8(ascii: "\"") else { throw Reject() }
        let start = i + 1
        let limit = min(end, start + table.longest + 1)
        var j = start
        while j < limit, base[j] != UInt8(ascii: "\"") { j += 1 }
        guard j < limit, let value = table.match(base + start, count: j - start) else { throw Reject() }
        i = j + 1
        return value
    }

    /// A `YYYY-MM-DD` date, with the rules of `LocalDate.init?(_:)`: ten bytes, dashes at
    /// 4 and 7, digits elsewhere, a day that exists. Any other string, escapes included,
    /// is left to `JSONDecoder`.
    mutating func date() throws(Reject) -> LocalDate {
        guard i + 12 <= end, base[i] == UInt8(ascii: "\""), base[i + 11] == UInt8(ascii: "\""),
              base[i + 5] == UInt8(ascii: "-"), base[i + 8] == UInt8(ascii: "-"),
              let y = digits(i + 1, 4), let m = digits(i + 6, 2), let d = digits(i + 9, 2),
              let date = LocalDate(year: y, month: m, day: d) else { throw Reject() }
        i += 12
        return date
    }

    private func digits(_ from: Int, _ count: Int) -> Int? {
        var v = 0
        for k in from..<from + count {
            let d = base[k] &- 48
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }

    // MARK: Strings (raw spans; decoding to `String` is in ByteCursor+Strings.swift)

    /// A string's contents between the quotes, checked: valid UTF-8, no control
    /// characters, valid escapes. `escaped` says whether a backslash occurs, in which
    /// case the span is still the raw text and must be unescaped to be used.
    mutating func stringSpan() throws(Reject) -> (span: Span, escaped: Bool) {
        try expect(UInt8(ascii: "\""))
        let start = i
        var escaped = false
        while true {
            while i + 8 <= end, Self.plain(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            guard i < end else { throw Reject() }
            let b = base[i]
            if b == UInt8(ascii: "\"") { break }
            if b < 0x80 {
                guard b >= 0x20 else { throw Reject() }
                if b == UInt8(ascii: "\\") {
                    escaped = true
                    try skipEscape()
                } else {
                    i += 1
                }
            } else if b &- 0xE1 < 0x0C, i + 2 < end, base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80 {
                // Three bytes led by E1-EC: most Chinese characters; no further rule applies.
                i += 3
            } else {
                try skipUTF8Sequence()
            }
        }
        let span = Span(start: base + start, count: i - start)
        i += 1
        return (span, escaped)
    }

    /// Whether eight bytes are all printable ASCII other than `"` and `\\`: the common
    /// case inside a string, tested a word at a time (the zero-byte tricks of "Bit
    /// Twiddling Hacks"; exact here, since a byte of 0x80 or more counts as not plain).
    @inline(__always) private static func plain(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = w ^ (ones &* 0x22)
        let backslash = w ^ (ones &* 0x5C)
        let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (w &- ones &* 0x20) | w
        return special & (ones &* 0x80) == 0
    }

    /// Whether eight bytes hold neither `"` nor `\\`: all that ends or escapes within a
    /// string, for `passObject`, which checks nothing else.
    @inline(__always) private static func quiet(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = w ^ (ones &* 0x22)
        let backslash = w ^ (ones &* 0x5C)
        return ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & (ones &* 0x80) == 0
    }

    /// Checks one multi-byte UTF-8 sequence at `i` and steps over it. The rules are
    /// those of `JSONLines.firstInvalidUTF8` (and of Unicode): no overlong forms, no
    /// surrogates, nothing above U+10FFFF.
    @inline(__always) mutating func skipUTF8Sequence() throws(Reject) {
        let b = base[i]
        let len: Int
        switch b {
        case 0xC2...0xDF: len = 2
        case 0xE0...0xEF: len = 3
        case 0xF0...0xF4: len = 4
        default: throw Reject()
        }
        guard i + len <= end else { throw Reject() }
        for k in 1..<len where base[i + k] & 0xC0 != 0x80 { throw Reject() }
        if len == 3 {
            let b1 = base[i + 1]
            if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F) { throw Reject() }
        } else if len == 4 {
            let b1 = base[i + 1]
            if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 > 0x8F) { throw Reject() }
        }
        i += len
    }

    /// Steps over one escape at `i` (the backslash), checking it. A `\u` surrogate must
    /// be a high one followed by a low one: `JSONDecoder` rejects a lone surrogate.
    private mutating func skipEscape() throws(Reject) {
        guard i + 1 < end else { throw Reject() }
        switch base[i + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            i += 2
        case UInt8(ascii: "u"):
            let unit = try hex4(at: i + 2)
            i += 6
            if unit >= 0xDC00 && unit <= 0xDFFF { throw Reject() }
            if unit >= 0xD800 && unit <= 0xDBFF {
                guard i + 1 < end, base[i] == UInt8(ascii: "\\"), base[i + 1] == UInt8(ascii: "u") else { throw Reject() }
                let low = try hex4(at: i + 2)
                guard low >= 0xDC00 && low <= 0xDFFF else { throw Reject() }
                i += 6
            }
        default:
            throw Reject()
        }
    }

    /// The value of four hex digits at `k`.
    private func hex4(at k: Int) throws(Reject) -> UInt32 {
        guard k + 4 <= end else { throw Reject() }
        var v: UInt32 = 0
        for j in k..<k + 4 {
            let c = base[j]
            let d: UInt8
            switch c {
            case 48...57: d = c - 48
            case 65...70: d = c - 55
            case 97...102: d = c - 87
            default: throw Reject()
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }
}

/// Raw bytes inside the line: a string's contents. Only valid while the line's buffer is.
struct Span {
    let start: UnsafePointer<UInt8>
    let count: Int

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }
}
