/// A roster saved as CSV or as tab-separated text, decoded and ready to read by rows.
///
/// The encoding and the delimiter are found, not asked for (see `TextDecoding`,
/// `DelimiterGuess`). Records follow RFC 4180: a field in double quotes may hold the
/// delimiter, line breaks and doubled quotes; lines end in CRLF, LF or CR. Every field is
/// text, as the file holds it, except that Excel's way of keeping leading zeros, `="0123"`,
/// gives `0123`.
public struct DelimitedText: Sendable {
    /// The text, as UTF-8.
    let utf8: [UInt8]
    public let encoding: TextEncoding
    /// `,`, tab or `;`.
    public let delimiter: UInt8

    /// Throws `SpreadsheetError.undecodableText` for bytes in no encoding it knows.
    public init(bytes: [UInt8]) throws {
        (utf8, encoding) = try TextDecoding.decode(bytes)
        delimiter = DelimiterGuess.delimiter(of: utf8)
    }

    /// Calls `body` with each record that has something in it. Row numbers count records
    /// from 1, blank lines included, as a spreadsheet opening the file would number them
    /// (a quoted field over several lines is one record, so one row).
    public func forEachRow(_ body: (SheetRow) throws -> Void) throws {
        try utf8.withUnsafeBufferPointer { text in
            var reader = DelimitedRecords(text: text, delimiter: delimiter)
            var number = 0
            var cells: [SheetCell?] = []
            while let isBlank = reader.next(into: &cells) {
                number += 1
                if !isBlank { try body(SheetRow(number: number, cells: cells)) }
            }
        }
    }
}

/// Splits UTF-8 delimited text into records of fields (RFC 4180, leniently: a quote in the
/// middle of an unquoted field is kept as written, text after a closing quote is kept too).
struct DelimitedRecords {
    let text: UnsafeBufferPointer<UInt8>
    let delimiter: UInt8
    private var at = 0
    private var scratch: [UInt8] = []

    init(text: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
        self.text = text
        self.delimiter = delimiter
    }

    /// Reads the next record into `cells`; returns whether it was a blank line, or nil at
    /// the end of the text.
    mutating func next(into cells: inout [SheetCell?]) -> Bool? {
        cells.removeAll(keepingCapacity: true)
        guard at < text.count else { return nil }
        if isLineEnd(text[at]) { skipLineEnd(); return true }
        while true {
            cells.append(.text(field()))
            if at < text.count, text[at] == delimiter { at += 1; continue }
            skipLineEnd()
            return false
        }
    }

    @inline(__always)
    private func isLineEnd(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }

    private mutating func skipLineEnd() {
        guard at < text.count else { return }
        if text[at] == 0x0D, at + 1 < text.count, text[at + 1] == 0x0A { at += 2 } else { at += 1 }
    }

    /// One field, up to (not past) the delimiter or line end after it.
    private mutating func field() -> String {
        guard at < text.count, text[at] == UInt8(ascii: "\"") else {
            let start = at
            while at < text.count, text[at] != delimiter, !isLineEnd(text[at]) { at += 1 }
            return Self.unwrappingFormula(UnsafeBufferPointer(rebasing: text[start..<at]))
        }
        scratch.removeAll(keepingCapacity: true)
        at += 1
        while at < text.count {
            let b = text[at]
            at += 1
            if b != UInt8(ascii: "\"") { scratch.append(b); continue }
            guard at < text.count, text[at] == UInt8(ascii: "\"") else { break }
            scratch.append(b)
            at += 1
        }
        while at < text.count, text[at] != delimiter, !isLineEnd(text[at]) { scratch.append(text[at]); at += 1 }
        return scratch.withUnsafeBufferPointer { Self.unwrappingFormula($0) }
    }

    /// `="0123"` (Excel's formula that keeps a number's leading zeros) → `0123`; any other
    /// field as it is.
    static func unwrappingFormula(_ field: UnsafeBufferPointer<UInt8>) -> String {
        let n = field.count
        guard n >= 3, field[0] == UInt8(ascii: "="), field[1] == UInt8(ascii: "\""), field[n - 1] == UInt8(ascii: "\"") else {
            return String(decoding: field, as: UTF8.self)
        }
        var inner: [UInt8] = []
        var k = 2
        while k < n - 1 {
            inner.append(field[k])
            k += (field[k] == UInt8(ascii: "\"") && k + 1 < n - 1 && field[k + 1] == UInt8(ascii: "\"")) ? 2 : 1
        }
        return String(decoding: inner, as: UTF8.self)
    }
}
