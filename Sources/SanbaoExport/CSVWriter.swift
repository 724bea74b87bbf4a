import Foundation

/// RFC 4180 CSV: CR LF after every record, a field quoted when it holds a comma, a
/// double quote, CR or LF, quotes inside doubled. UTF-8, with a byte-order mark unless
/// asked not to (Excel on Chinese Windows reads a BOM-less file as GBK).
///
/// A text cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a single quote in
/// front (OWASP's advice against "CSV injection"): Excel, WPS and LibreOffice would
/// otherwise run `=HYPERLINK(…)` typed as a name, or `+86…` as a sum. Numbers the report
/// itself makes (`int` cells) are written as they are, a negative one included: they are
/// not text from the data.
///
/// Written as bytes straight from each row's buffer; pieces of the table are written on
/// every core and joined in order, each as soon as those before it are in.
enum CSVWriter {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// Rows per piece written on one core (about 1 MB of households).
    static let rowsPerPiece = 2_000

    static func render(_ table: TableRows, bom withBOM: Bool) -> Data {
        let out = ByteWriter(capacity: 1 << 20)
        if withBOM { out.put(bom) }
        record(table.columns.map { Array($0.title.utf8) }, to: out)
        let pieces = Parallel.chunks(table.count, size: rowsPerPiece)
        Parallel.ordered(pieces.count, make: { k in rows(table, pieces[k]) }, take: { bytes, k in
            // The whole file at once, from the size of the first piece (pieces have as many
            // rows each), with a tenth to spare.
            if k == 0 { out.reserveCapacity(out.count + bytes.count * pieces.count * 11 / 10) }
            bytes.withUnsafeBytes { out.put($0.bindMemory(to: UInt8.self)) }
        })
        return out.finish()
    }

    /// The records of rows `range`.
    static func rows(_ table: TableRows, _ range: Range<Int>) -> Data {
        let out = ByteWriter(capacity: range.count * 700)
        var row = RowBuffer()
        for i in range {
            row.removeAll()
            table.fill(i, &row)
            row.bytes.withUnsafeBufferPointer { all in
                for n in 0..<row.count {
                    if n > 0 { out.put(UInt8(ascii: ",")) }
                    let c = row[n]
                    field(UnsafeBufferPointer(rebasing: all[c.start..<c.end]), neutralising: c.kind == .text, to: out)
                }
            }
            out.put("\r\n")
        }
        return out.finish()
    }

    static func record(_ fields: [[UInt8]], to out: ByteWriter) {
        for (n, f) in fields.enumerated() {
            if n > 0 { out.put(UInt8(ascii: ",")) }
            f.withUnsafeBufferPointer { field($0, to: out) }
        }
        out.put("\r\n")
    }

    /// Bytes that make a field quoted: comma, double quote, CR, LF. They are ASCII, so a
    /// byte equal to one of them is that character (UTF-8 never uses ASCII bytes inside a
    /// multi-byte character).
    static let special: [Bool] = (0...255).map { [0x2C, 0x22, 0x0D, 0x0A].contains($0) }

    /// First bytes that make a spreadsheet read a cell as a formula: `=`, `+`, `-`, `@`,
    /// tab, CR (ASCII, so never part of a multi-byte character).
    static let formulaStart: [Bool] = (0...255).map { [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains($0) }

    /// Whether a text would be read as a formula, and so needs the quote in front.
    static func startsLikeFormula(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.first.map { formulaStart[Int($0)] } ?? false
    }

    /// One field, quoted when it must be. `neutralising` (a text cell): a leading `'` when
    /// it starts like a formula, inside the quotes when it is quoted.
    static func field(_ text: UnsafeBufferPointer<UInt8>, neutralising: Bool = false, to out: ByteWriter) {
        let quoted = special.withUnsafeBufferPointer { s in text.contains { s[Int($0)] } }
        let guarded = neutralising && startsLikeFormula(text)
        let quote = UInt8(ascii: "\"")
        if quoted { out.put(quote) }
        if guarded { out.put(UInt8(ascii: "'")) }
        guard quoted else { return out.put(text) }
        var from = 0
        for i in 0..<text.count where text[i] == quote {
            out.put(UnsafeBufferPointer(rebasing: text[from...i]))
            out.put(quote)
            from = i + 1
        }
        out.put(UnsafeBufferPointer(rebasing: text[from..<text.count]))
        out.put(quote)
    }

    /// One field as text (for tests and small callers); `neutralising` as above.
    static func field(_ text: String, neutralising: Bool = false) -> String {
        let out = ByteWriter(capacity: text.utf8.count + 3)
        Array(text.utf8).withUnsafeBufferPointer { field($0, neutralising: neutralising, to: out) }
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
