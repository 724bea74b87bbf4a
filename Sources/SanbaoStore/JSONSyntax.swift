import Foundation
import SanbaoCore

/// Finds where JSON text goes wrong, for messages that point at a column.
///
/// Foundation's decoder on Linux only says "not valid JSON"; a cadre or a township
/// clerk fixing a file by hand needs the place and what was expected there.
///
/// Stricter than RFC 8259 where Sanbao's files are: a key twice in one object is refused
/// (`JSONDecoder` keeps the first value, jq and Python the last, so two readers would
/// see two different records), and every number must be an integer written plainly
/// within 64 bits (no file holds fractions; `7.0` and `1e-400` read as integers by
/// `JSONDecoder` would hide a typo, and a 20-digit number only gets "not valid JSON").
struct JSONSyntax {
    struct Failure: Error, Equatable {
        var offset: Int
        var message: Bilingual
        /// The JSON path of the value at fault (`$.members[0].id`), when known.
        var path: String?
        /// Valid JSON that Sanbao refuses (a key twice, a number not a plain integer):
        /// never the trace of an interrupted write.
        var isStrictness = false
    }

    /// One step of the path to the value being read: a key by where its quoted text is,
    /// spelt out only when a problem is said.
    private enum Step {
        case key(Range<Int>)
        case index(Int)
    }

    /// 1-based line and character column of byte `offset` in `bytes`.
    static func position(_ bytes: [UInt8], offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for k in 0..<min(offset, bytes.count) {
            if bytes[k] == 0x0A { line += 1; column = 1 } else if bytes[k] & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    private let b: [UInt8]
    private var i: Int
    private let end: Int
    /// The path to the value being read, kept only on a second reading (`tracking`) that
    /// finds where a problem is: keeping it on every line made the careful path 4× slower.
    private var steps: [Step] = []
    private let tracking: Bool
    /// The keys of the objects being read, innermost last, to find a repeat without an
    /// array per object.
    private var keyStack: [Range<Int>] = []
    /// Whether to gather `keyPaths`.
    private let gathering: Bool
    /// A fingerprint of the path of every key (array positions left out), for `UnknownKeys`.
    private var keyPaths = Set<UInt64>()
    /// The fingerprint of the path of the value being read.
    private var pathPrint = StableKeyPath.root

    private init(b: [UInt8], i: Int, end: Int, gathering: Bool = false, tracking: Bool = false) {
        self.b = b
        self.i = i
        self.end = end
        self.gathering = gathering
        self.tracking = tracking
    }

    /// The first syntax error in `bytes[range]`, or nil when it is one valid JSON value.
    static func firstError(_ bytes: [UInt8], _ range: Range<Int>) -> Failure? {
        check(bytes, range, gatheringKeys: false).failure
    }

    /// `firstError`, and with `gatheringKeys` the fingerprints of every key's path, which
    /// `UnknownKeys` compares with the paths a record type is known to have.
    static func check(_ bytes: [UInt8], _ range: Range<Int>, gatheringKeys: Bool) -> (failure: Failure?, keyPaths: Set<UInt64>) {
        var p = JSONSyntax(b: bytes, i: range.lowerBound, end: range.upperBound, gathering: gatheringKeys)
        do {
            p.skipSpace()
            try p.value(depth: 0)
            p.skipSpace()
            if p.i < p.end { throw p.unexpected("end of the line") }
            return (nil, p.keyPaths)
        } catch let f as Failure {
            // Read again keeping the path, to say where the refused value is.
            let path = f.isStrictness ? pathOfFailure(bytes, range) : nil
            return (Failure(offset: f.offset - range.lowerBound, message: f.message, path: path, isStrictness: f.isStrictness), [])
        } catch {
            return (nil, [])
        }
    }

    private static func pathOfFailure(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
        var p = JSONSyntax(b: bytes, i: range.lowerBound, end: range.upperBound, tracking: true)
        p.skipSpace()
        do { try p.value(depth: 0) } catch let f as Failure { return f.path } catch {}
        return nil
    }

    private mutating func value(depth: Int) throws {
        guard depth < 512 else { throw fail(Bilingual(zh: "嵌套过深", en: "nested too deeply")) }
        guard i < end else { throw endOfData("a value") }
        switch b[i] {
        case UInt8(ascii: "{"): try object(depth)
        case UInt8(ascii: "["): try array(depth)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw unexpected("a value")
        }
    }

    private mutating func object(_ depth: Int) throws {
        i += 1
        skipSpace()
        if i < end && b[i] == UInt8(ascii: "}") { i += 1; return }
        let firstKey = keyStack.count
        defer { keyStack.removeSubrange(firstKey...) }
        var plain = true
        while true {
            skipSpace()
            guard i < end else { throw endOfData("a key in quotes") }
            guard b[i] == UInt8(ascii: "\"") else { throw unexpected("a key in quotes") }
            let keyStart = i
            plain = try string() && plain
            let key = keyStart..<i
            if isRepeat(key, of: keyStack[firstKey...], plain: plain) {
                let text = Self.keyText(b[key])
                throw Failure(offset: keyStart, message: Bilingual(
                    zh: "键 \"\(text)\" 在同一对象中出现两次（只能出现一次，请删去其一）",
                    en: "key \"\(text)\" appears twice in one object (it may appear once; delete one)"),
                    path: tracking ? path(adding: .key(key)) : nil, isStrictness: true)
            }
            keyStack.append(key)
            skipSpace()
            try expect(":")
            skipSpace()
            if tracking { steps.append(.key(key)) }
            let parent = pathPrint
            if gathering {
                pathPrint = StableKeyPath.adding(b, key, to: parent)
                keyPaths.insert(pathPrint)
            }
            try value(depth: depth + 1)
            pathPrint = parent
            if tracking { steps.removeLast() }
            skipSpace()
            guard i < end else { throw endOfData("\",\" or \"}\"") }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { i += 1; return }
            throw unexpected("\",\" or \"}\"")
        }
    }

    private mutating func array(_ depth: Int) throws {
        i += 1
        skipSpace()
        if i < end && b[i] == UInt8(ascii: "]") { i += 1; return }
        var n = 0
        while true {
            skipSpace()
            if tracking { steps.append(.index(n)) }
            try value(depth: depth + 1)
            if tracking { steps.removeLast() }
            n += 1
            skipSpace()
            guard i < end else { throw endOfData("\",\" or \"]\"") }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "]") { i += 1; return }
            throw unexpected("\",\" or \"]\"")
        }
    }

    /// Reads a string; true when it is plain (no escape, ASCII only), so its bytes are its text.
    @discardableResult
    private mutating func string() throws -> Bool {
        i += 1
        var plain = true
        while i < end {
            switch b[i] {
            case UInt8(ascii: "\""): i += 1; return plain
            case UInt8(ascii: "\\"): i += 2; plain = false
            case 0x80...: i += 1; plain = false
            case 0..<0x20: throw fail(Bilingual(zh: "字符串中有未转义的控制字符", en: "unescaped control character in a string"))
            default: i += 1
            }
        }
        throw endOfData("the closing quote of a string")
    }

    /// An integer `-?(0|[1-9][0-9]*)` within 64 bits; a fraction or exponent, or more, is
    /// refused with what to write instead.
    private mutating func number() throws {
        let start = i
        if b[i] == UInt8(ascii: "-") { i += 1 }
        let digitsStart = i
        while i < end, isDigit(b[i]) { i += 1 }
        guard i > digitsStart else { throw unexpected("a digit") }
        let digits = digitsStart..<i
        var whole = true
        while i < end, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")
            || b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") || isDigit(b[i]) {
            whole = false
            i += 1
        }
        guard whole, digits.count == 1 || b[digitsStart] != UInt8(ascii: "0") else {
            let text = String(decoding: b[start..<i], as: UTF8.self)
            throw Failure(offset: start, message: Bilingual(
                zh: "应为整数，实为 \(text)（整数请直接写数字，如 7，不带小数点、指数或前导 0）",
                en: "expected a whole number, found \(text) (write it as digits only, like 7: no decimal point, exponent or leading 0)"),
                path: tracking ? path() : nil, isStrictness: true)
        }
        guard digits.count >= Self.int64Max.count else { return }
        let limit = b[start] == UInt8(ascii: "-") ? Self.int64MinMagnitude : Self.int64Max
        guard digits.count > limit.count || (digits.count == limit.count && limit.lexicographicallyPrecedes(b[digits])) else { return }
        let text = String(decoding: b[start..<i], as: UTF8.self)
        throw Failure(offset: start, message: Bilingual(
            zh: "数字 \(text) 太大（最大 9223372036854775807）", en: "number \(text) is too large (at most 9223372036854775807)"),
            path: tracking ? path() : nil, isStrictness: true)
    }

    private static let int64Max = Array("9223372036854775807".utf8)
    private static let int64MinMagnitude = Array("9223372036854775808".utf8)

    private func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// Whether `key` equals one of `earlier` as `JSONDecoder` compares keys (escapes
    /// decoded, canonically equivalent spellings equal): by their bytes while every key of
    /// the object is plain, as Swift strings otherwise.
    private func isRepeat(_ key: Range<Int>, of earlier: ArraySlice<Range<Int>>, plain: Bool) -> Bool {
        if plain {
            for r in earlier where r.count == key.count {
                var k = 1
                while k < key.count && b[r.lowerBound + k] == b[key.lowerBound + k] { k += 1 }
                if k == key.count { return true }
            }
            return false
        }
        let text = Self.keyText(b[key])
        return earlier.contains { Self.keyText(b[$0]) == text }
    }

    /// A key's text as `JSONDecoder` reads it: escapes decoded.
    private static func keyText(_ quoted: ArraySlice<UInt8>) -> String {
        guard quoted.contains(UInt8(ascii: "\\")) else { return String(decoding: quoted.dropFirst().dropLast(), as: UTF8.self) }
        return (try? JSONDecoder().decode(String.self, from: Data(quoted))) ?? String(decoding: quoted, as: UTF8.self)
    }

    /// `$.members[0].id` for the value being read, with `extra` after it.
    private func path(adding extra: Step? = nil) -> String {
        var s = "$"
        for step in steps + (extra.map { [$0] } ?? []) {
            switch step {
            case .key(let k): s += "." + Self.keyText(b[k])
            case .index(let n): s += "[\(n)]"
            }
        }
        return s
    }

    private mutating func literal(_ word: String) throws {
        for c in word.utf8 {
            guard i < end else { throw endOfData(word) }
            guard b[i] == c else { throw unexpected(word) }
            i += 1
        }
    }

    private mutating func expect(_ c: Character) throws {
        guard i < end else { throw endOfData("\"\(c)\"") }
        guard b[i] == c.asciiValue! else { throw unexpected("\"\(c)\"") }
        i += 1
    }

    private mutating func skipSpace() {
        while i < end, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
    }

    private func fail(_ m: Bilingual) -> Failure { Failure(offset: i, message: m, path: nil) }

    private func endOfData(_ wanted: String) -> Failure {
        fail(Bilingual(zh: "内容在此中断，应有 \(wanted)（文件被截断？）", en: "text ends here, expected \(wanted) (cut off?)"))
    }

    private func unexpected(_ wanted: String) -> Failure {
        let found = i < end ? (b[i] < 0x80 && b[i] >= 0x20 ? "\"\(Character(Unicode.Scalar(b[i])))\"" : "byte 0x" + String(b[i], radix: 16, uppercase: true)) : "end"
        return fail(Bilingual(zh: "此处应有 \(wanted)，实为 \(found)", en: "expected \(wanted), found \(found)"))
    }
}
