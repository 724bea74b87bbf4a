#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One markup construct found by `XMLScan.tag(at:)`.
struct XMLTag {
    enum Kind {
        /// `<name …>`
        case open
        /// `</name>`
        case close
        /// `<name …/>`
        case empty
        /// `<![CDATA[…]]>`: `name` is the character data.
        case cdata
        /// `<?…?>`, `<!--…-->`, `<!DOCTYPE …>`: nothing a reader of values needs.
        case other
    }

    var kind: Kind
    /// The local name, after any namespace prefix (`x:row` → `row`).
    var name: Range<Int>
    /// Between the name and the closing `>` or `/>`.
    var attributes: Range<Int>
    /// Just past the closing `>`.
    var end: Int
}

/// A byte-level view of XML for the parts of a workbook.
///
/// Why not `XMLParser` or a `String` per tag: a county roster is tens of millions of
/// cells, and the reader has to be much faster than openpyxl. The parts are read as bytes;
/// only a cell's final value becomes a `String`. Not a validating parser: it finds tags,
/// attributes and character data, and leaves alone what a reader of values does not need.
struct XMLScan {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    /// The index of the next `byte` at or after `from`, or nil.
    @inline(__always)
    func find(_ byte: UInt8, from: Int) -> Int? {
        guard from < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), bytes.count - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The index of `pattern` at or after `from`, or nil.
    func find(_ pattern: StaticString, from: Int) -> Int? {
        let first = pattern.utf8Start.pointee
        var at = from
        while let hit = find(first, from: at) {
            if hit + pattern.utf8CodeUnitCount > bytes.count { return nil }
            if matches(pattern, at: hit) { return hit }
            at = hit + 1
        }
        return nil
    }

    @inline(__always)
    func matches(_ pattern: StaticString, at index: Int) -> Bool {
        let n = pattern.utf8CodeUnitCount
        guard index + n <= bytes.count else { return false }
        let p = pattern.utf8Start
        for k in 0..<n where bytes[index + k] != p[k] { return false }
        return true
    }

    /// True when the bytes in `range` are exactly `literal`.
    @inline(__always)
    func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        range.count == literal.utf8CodeUnitCount && matches(literal, at: range.lowerBound)
    }

    /// The construct starting at `lt` (which holds `<`), or nil when the bytes end first.
    func tag(at lt: Int) -> XMLTag? {
        let i = lt + 1
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "/"):
            guard let gt = find(UInt8(ascii: ">"), from: i) else { return nil }
            var nameEnd = gt
            while nameEnd > i + 1, Self.isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
            return XMLTag(kind: .close, name: localName(i + 1..<nameEnd), attributes: nameEnd..<nameEnd, end: gt + 1)
        case UInt8(ascii: "?"):
            guard let close = find("?>", from: i) else { return nil }
            return XMLTag(kind: .other, name: i..<i, attributes: i..<i, end: close + 2)
        case UInt8(ascii: "!"):
            if matches("<!--", at: lt) {
                guard let close = find("-->", from: lt + 4) else { return nil }
                return XMLTag(kind: .other, name: i..<i, attributes: i..<i, end: close + 3)
            }
            if matches("<![CDATA[", at: lt) {
                guard let close = find("]]>", from: lt + 9) else { return nil }
                return XMLTag(kind: .cdata, name: lt + 9..<close, attributes: close..<close, end: close + 3)
            }
            guard let gt = find(UInt8(ascii: ">"), from: i) else { return nil }
            return XMLTag(kind: .other, name: i..<i, attributes: i..<i, end: gt + 1)
        default:
            return openTag(at: lt)
        }
    }

    /// `<name attr="v" …>` or `<name …/>`; a `>` inside a quoted value does not end it.
    private func openTag(at lt: Int) -> XMLTag? {
        var j = lt + 1
        while j < bytes.count, !Self.isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/") { j += 1 }
        let name = localName(lt + 1..<j)
        let attributesStart = j
        var quote: UInt8 = 0
        while j < bytes.count {
            let b = bytes[j]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                let empty = j > attributesStart && bytes[j - 1] == UInt8(ascii: "/")
                return XMLTag(kind: empty ? .empty : .open, name: name,
                              attributes: attributesStart..<(empty ? j - 1 : j), end: j + 1)
            }
            j += 1
        }
        return nil
    }

    /// The part of a qualified name after its prefix.
    @inline(__always)
    func localName(_ range: Range<Int>) -> Range<Int> {
        var k = range.upperBound
        while k > range.lowerBound {
            if bytes[k - 1] == UInt8(ascii: ":") { return k..<range.upperBound }
            k -= 1
        }
        return range
    }

    /// Calls `body` with the local name and the raw (still escaped) value of each attribute.
    @inline(__always)
    func forEachAttribute(of tag: XMLTag, _ body: (Range<Int>, Range<Int>) -> Void) {
        var j = tag.attributes.lowerBound
        let end = tag.attributes.upperBound
        while j < end {
            while j < end, Self.isSpace(bytes[j]) { j += 1 }
            let nameStart = j
            while j < end, bytes[j] != UInt8(ascii: "="), !Self.isSpace(bytes[j]) { j += 1 }
            let name = localName(nameStart..<j)
            while j < end, bytes[j] != UInt8(ascii: "\""), bytes[j] != UInt8(ascii: "'") { j += 1 }
            guard j < end else { return }
            let quote = bytes[j]
            let valueStart = j + 1
            j = valueStart
            while j < end, bytes[j] != quote { j += 1 }
            if !name.isEmpty { body(name, valueStart..<min(j, end)) }
            j += 1
        }
    }

    /// The raw value of the attribute whose local name is `local`, or nil.
    func attribute(_ local: StaticString, of tag: XMLTag) -> Range<Int>? {
        var found: Range<Int>?
        forEachAttribute(of: tag) { name, value in
            if found == nil, equals(name, local) { found = value }
        }
        return found
    }

    /// The decoded value of the attribute whose local name is `local`, or nil.
    func attributeString(_ local: StaticString, of tag: XMLTag) -> String? {
        attribute(local, of: tag).map { XMLText.string(bytes, $0, xstring: false) }
    }

    /// The non-negative decimal integer in `range`, or nil.
    @inline(__always)
    func integer(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count < 19 else { return nil }
        var n = 0
        for k in range {
            let d = bytes[k] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            n = n * 10 + Int(d)
        }
        return n
    }

    /// Calls `body` with every tag of a whole part, in order.
    func forEachTag(part: String, _ body: (XMLTag) throws -> Void) throws {
        var at = 0
        while let lt = find(UInt8(ascii: "<"), from: at) {
            guard let tag = tag(at: lt) else {
                throw SpreadsheetError.damagedPart(part: part, detail: "ends inside a tag at byte \(lt)")
            }
            try body(tag)
            at = tag.end
        }
    }

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
    }
}
