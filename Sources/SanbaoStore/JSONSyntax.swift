import SanbaoCore

/// Finds where JSON text goes wrong, for messages that point at a column.
///
/// Foundation's decoder on Linux only says "not valid JSON"; a cadre or a township
/// clerk fixing a file by hand needs the place and what was expected there.
struct JSONSyntax {
    struct Failure: Error, Equatable {
        var offset: Int
        var message: Bilingual
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

    /// The first syntax error in `bytes[range]`, or nil when it is one valid JSON value.
    static func firstError(_ bytes: [UInt8], _ range: Range<Int>) -> Failure? {
        var p = JSONSyntax(b: bytes, i: range.lowerBound, end: range.upperBound)
        do {
            p.skipSpace()
            try p.value(depth: 0)
            p.skipSpace()
            if p.i < p.end { throw p.unexpected("end of the line") }
            return nil
        } catch let f as Failure {
            return Failure(offset: f.offset - range.lowerBound, message: f.message)
        } catch {
            return nil
        }
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
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): number()
        default: throw unexpected("a value")
        }
    }

    private mutating func object(_ depth: Int) throws {
        i += 1
        skipSpace()
        if i < end && b[i] == UInt8(ascii: "}") { i += 1; return }
        while true {
            skipSpace()
            guard i < end else { throw endOfData("a key in quotes") }
            guard b[i] == UInt8(ascii: "\"") else { throw unexpected("a key in quotes") }
            try string()
            skipSpace()
            try expect(":")
            skipSpace()
            try value(depth: depth + 1)
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
        while true {
            skipSpace()
            try value(depth: depth + 1)
            skipSpace()
            guard i < end else { throw endOfData("\",\" or \"]\"") }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "]") { i += 1; return }
            throw unexpected("\",\" or \"]\"")
        }
    }

    private mutating func string() throws {
        i += 1
        while i < end {
            switch b[i] {
            case UInt8(ascii: "\""): i += 1; return
            case UInt8(ascii: "\\"): i += 2
            case 0..<0x20: throw fail(Bilingual(zh: "字符串中有未转义的控制字符", en: "unescaped control character in a string"))
            default: i += 1
            }
        }
        throw endOfData("the closing quote of a string")
    }

    private mutating func number() {
        while i < end, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: ".")
            || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") || (b[i] >= 48 && b[i] <= 57) { i += 1 }
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

    private func fail(_ m: Bilingual) -> Failure { Failure(offset: i, message: m) }

    private func endOfData(_ wanted: String) -> Failure {
        fail(Bilingual(zh: "内容在此中断，应有 \(wanted)（文件被截断？）", en: "text ends here, expected \(wanted) (cut off?)"))
    }

    private func unexpected(_ wanted: String) -> Failure {
        let found = i < end ? (b[i] < 0x80 && b[i] >= 0x20 ? "\"\(Character(Unicode.Scalar(b[i])))\"" : "byte 0x" + String(b[i], radix: 16, uppercase: true)) : "end"
        return fail(Bilingual(zh: "此处应有 \(wanted)，实为 \(found)", en: "expected \(wanted), found \(found)"))
    }
}
