import Foundation
import SanbaoCore

/// Writes tables as an Office Open XML workbook (ECMA-376 SpreadsheetML), built in memory.
/// One sheet per table; the heading row is bold, frozen, filtered and repeated on every
/// printed page; column widths fit the widest cell (a CJK character counts two); dates are
/// date serial numbers with a `yyyy-mm-dd` style; text is written in the cell (inline
/// strings) with line breaks kept.
///
/// Sheets are written as bytes, a piece of rows at a time on every core, each piece
/// deflated as soon as it is made (`ZipWriter`). Inline strings rather than a shared-string
/// table: the table would need every text hashed and numbered in one order on one core,
/// and deflate already stores repeated texts once per window; cells carry no `r`
/// reference (optional in SpreadsheetML: a cell without one is the next in its row), and
/// an empty cell between two others is an empty `<c/>`.
enum XLSXWriter {
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let pkgRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    /// Style indexes of `cellXfs` in styles.xml. Top-aligned text and numbers, most of
    /// the cells, take the default (0), so their cells name no style at all; `plain` (no
    /// alignment) is kept at its old place and no cell uses it.
    enum Style: Int {
        case top = 0, heading = 1, date = 2, wrapped = 3, plain = 4
    }

    /// Excel refuses cells over 32,767 characters.
    static let maxCellLength = 32_767
    /// Widest column, in character widths; columns of long text that wraps are narrower.
    static let maxColumnWidth = 60.0
    static let maxWrappedWidth = 40.0
    /// Rows per piece rendered and deflated on one core (a few MB of household XML).
    static let rowsPerPiece = 1_000

    static func workbook(_ tables: [TableRows], labels: [String] = [], title: String, creator: String, modified: Date,
                         level: Int32 = ZipWriter.defaultLevel) throws -> Data {
        let names = sheetNames(tables.map(\.title))
        var entries: [ZipWriter.Entry] = [
            ZipWriter.Entry(path: "[Content_Types].xml", text: contentTypes(sheetCount: tables.count)),
            ZipWriter.Entry(path: "_rels/.rels", text: rootRels),
            ZipWriter.Entry(path: "docProps/core.xml", text: coreProperties(title: title, creator: creator, modified: modified)),
            ZipWriter.Entry(path: "docProps/app.xml", text: appProperties(names)),
            ZipWriter.Entry(path: "xl/workbook.xml", text: workbookXML(tables, names: names)),
            ZipWriter.Entry(path: "xl/_rels/workbook.xml.rels", text: workbookRels(sheetCount: tables.count)),
            ZipWriter.Entry(path: "xl/styles.xml", text: styles),
            ZipWriter.Entry(path: "xl/sharedStrings.xml", text: sharedStrings(labels)),
        ]
        for (n, table) in tables.enumerated() {
            entries.append(try sheetEntry(table, path: "xl/worksheets/sheet\(n + 1).xml", selected: n == 0, level: level))
        }
        return try ZipWriter.archive(entries, modified: modified, level: level)
    }

    /// A sheet as a ZIP entry, its rows made, measured and deflated in one pass.
    ///
    /// The sheet's start names the column widths, which come from every row, and a row
    /// with a wrapped cell has a height that depends on its column's width. Rows are made
    /// first, on every core, with each wrapped column at its widest (`maxWrappedWidth`),
    /// measured as they are made and kept deflated (a tenth of their size); the start is
    /// made last and placed first. A wrapped column is narrower than its widest only when
    /// none of its cells fills it (small selections): then its rows are made again with the
    /// widths measured. Before, every row was made twice: once to measure, once to write.
    static func sheetEntry(_ table: TableRows, path: String, selected: Bool, level: Int32) throws -> ZipWriter.Entry {
        let pieces = Parallel.chunks(table.count, size: rowsPerPiece)
        let guess = Sheet(rows: table, widths: table.columns.map { $0.wrap ? maxWrappedWidth : maxColumnWidth },
                          selected: selected)
        var made = try guess.deflatedRows(pieces, level: level)
        let widths = Self.widths(table, measured: made.map(\.widest))
        let sheet = Sheet(rows: table, widths: widths, selected: selected)
        if zip(table.columns, zip(widths, guess.widths)).contains(where: { $0.wrap && $1.0 != $1.1 }) {
            made = try sheet.deflatedRows(pieces, level: level)
        }
        let rows = made.map(\.deflated)
        return ZipWriter.Entry(path: path, pieces: pieces.count + 2) { k in
            switch k {
            case 0: .raw(Data(sheet.start()))
            case pieces.count + 1: .raw(Data(sheet.end()))
            default: .deflated(rows[k - 1])
            }
        }
    }

    // MARK: Sheets

    /// Sheet names: at most 31 characters, none of `[]:*?/\`, unique.
    static func sheetNames(_ titles: [String]) -> [String] {
        var used: Set<String> = []
        return titles.enumerated().map { n, title in
            var name = String(title.filter { !"[]:*?/\\".contains($0) }.prefix(31))
            if name.isEmpty { name = "Sheet\(n + 1)" }
            var unique = name
            var k = 2
            while used.contains(unique.lowercased()) {
                unique = String(name.prefix(28)) + " \(k)"
                k += 1
            }
            used.insert(unique.lowercased())
            return unique
        }
    }

    /// `A`, `B` … `Z`, `AA` … for a zero-based column index.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// Days since 1899-12-30: the spreadsheet date serial (1900 date system).
    static func serial(_ d: LocalDate) -> Int { d.dayNumber + 25_569 }
    static func serial(dayNumber: Int) -> Int { dayNumber + 25_569 }

    /// Column widths from the widest heading or cell, CJK counting two, capped; `measured`
    /// holds the widest cells of each piece of rows (measured by `row`).
    static func widths(_ table: TableRows, measured: [[Int]]) -> [Double] {
        var widest = table.columns.map { TextTools.displayWidth($0.title) + 2 }
        for most in measured { for n in widest.indices where n < most.count { widest[n] = max(widest[n], most[n]) } }
        return table.columns.enumerated().map { n, col in
            min(col.wrap ? maxWrappedWidth : maxColumnWidth, Double(max(widest[n], 6)))
        }
    }

    struct Sheet: Sendable {
        let rows: TableRows
        let widths: [Double]
        let selected: Bool

        var ref: String { "A1:\(columnName(max(0, rows.columns.count - 1)))\(rows.count + 1)" }

        /// Everything before the first data row: view, columns, the heading row.
        func start() -> [UInt8] {
            let table = rows
            var x = header
            x += #"<worksheet xmlns="\#(mainNS)" xmlns:r="\#(relNS)">"#
            x += table.kind == .households ? "" : #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
            x += #"<dimension ref="\#(ref)"/>"#
            x += #"<sheetViews><sheetView workbookViewId="0""# + (selected ? #" tabSelected="1""# : "") + ">"
            x += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            x += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
            x += "</sheetView></sheetViews>"
            x += #"<sheetFormatPr defaultRowHeight="15"/>"#
            x += "<cols>"
            for (n, w) in widths.enumerated() {
                x += #"<col min="\#(n + 1)" max="\#(n + 1)" width="\#(String(format: "%.1f", w))" customWidth="1"/>"#
            }
            x += "</cols><sheetData>"
            let out = ByteWriter(capacity: x.utf8.count + 4_096)
            out.put(Array(x.utf8))
            out.put(#"<row r="1">"#)
            for col in table.columns {
                out.put(#"<c s="1""#)  // Style.heading
                Array(col.title.utf8).withUnsafeBufferPointer { inlineString($0, TextClass.of($0), to: out) }
            }
            out.put("</row>")
            return out.bytes
        }

        /// The data rows `range` (zero-based; row `i` is sheet row `i + 2`).
        func rows(_ range: Range<Int>) -> (xml: Data, widest: [Int]) {
            let out = ByteWriter(capacity: range.count * 2_000)
            var row = RowBuffer()
            let wraps = rows.columns.map(\.wrap)
            var classes: [TextClass] = []
            var widest = [Int](repeating: 0, count: rows.columns.count)
            for i in range {
                row.removeAll()
                rows.fill(i, &row)
                row.bytes.withUnsafeBufferPointer { all in
                    XLSXWriter.row(row, all, number: i + 2, wraps: wraps, widths: widths, classes: &classes,
                                   widest: &widest, to: out)
                }
            }
            return (out.finish(), widest)
        }

        /// A piece of rows deflated, with the widest cell of each column in it.
        struct MadeRows: Sendable {
            var deflated: ZipWriter.Deflated
            var widest: [Int]
        }

        /// The rows of each piece, deflated (none of them the end of the entry), with the
        /// widest cell of each column in it; pieces made on every core.
        func deflatedRows(_ pieces: [Range<Int>], level: Int32) throws -> [MadeRows] {
            let made = (0..<pieces.count).concurrentMap { k -> Result<MadeRows, Error> in
                let (xml, widest) = rows(pieces[k])
                return Result { MadeRows(deflated: try ZipWriter.compress(xml, final: false, level: level), widest: widest) }
            }
            return try made.map { try $0.get() }
        }

        func end() -> [UInt8] {
            var x = "</sheetData>"
            if !rows.placeholder && rows.kind != .overview && rows.count > 0 {
                x += #"<autoFilter ref="\#(ref)"/>"#
            }
            x += #"<pageMargins left="0.59" right="0.59" top="0.59" bottom="0.59" header="0.3" footer="0.3"/>"#
            x += #"<pageSetup paperSize="9" orientation="landscape""#
            x += rows.kind == .households ? "/>" : #" fitToWidth="1" fitToHeight="0"/>"#
            x += "</worksheet>"
            return Array(x.utf8)
        }
    }

    /// One `<row>`: its height when a cell takes more than one line, then its cells.
    /// `classes` is scratch space, reused from row to row.
    static func row(_ row: RowBuffer, _ all: UnsafeBufferPointer<UInt8>, number: Int, wraps: [Bool],
                    widths: [Double], classes: inout [TextClass], widest: inout [Int], to out: ByteWriter) {
        classes.removeAll(keepingCapacity: true)
        var lines = 1
        for n in 0..<row.count {
            let c = row[n]
            // Each cell is measured here too (display width plus two; a date takes ten),
            // for the column widths: one pass over the cells for both.
            guard c.kind == .text else {
                if n < widest.count { widest[n] = max(widest[n], 2 + (c.kind == .date ? 10 : c.end - c.start)) }
                classes.append(TextClass())
                continue
            }
            let text = UnsafeBufferPointer(rebasing: all[c.start..<c.end])
            var kind = TextClass.of(text)
            let width = TextTools.displayWidth(text)
            if n < widest.count { widest[n] = max(widest[n], width + 2) }
            let wrap = n < wraps.count && wraps[n]
            let room = n < widths.count ? max(1.0, widths[n] - 1.5) : nil
            if kind.has(TextClass.lineFeed | TextClass.carriageReturn) {
                // Lines are counted one by one, as `CellText` does.
                let t = CellText(text)
                kind.breaksLines = t.hasLineBreak
                if let room { lines = max(lines, t.lines(wraps: wrap, room: room)) }
            } else if wrap, let room {
                // One line of text wrapped: what `CellText.lines` gives, from the width
                // already measured.
                lines = max(lines, max(1, Int((Double(width) / room).rounded(.up))))
            }
            classes.append(kind)
        }
        out.put(#"<row r=""#)
        out.putDecimal(number)
        if lines > 1 {
            out.put(#"" ht=""#)
            // Whole points (lines × 15, at most 409), as "%.1f" would write them.
            out.putDecimal(Int(min(409, Double(lines) * lineHeight)))
            out.put(#".0" customHeight="1">"#)
        } else {
            out.put(#"">"#)
        }
        var skipped = 0
        for n in 0..<row.count {
            let c = row[n]
            if c.kind == .empty { skipped += 1; continue }
            // An empty cell is written only when a cell follows it in the row, to keep
            // the following cells in their columns.
            for _ in 0..<skipped { out.put("<c/>") }
            skipped = 0
            let bytes = UnsafeBufferPointer(rebasing: all[c.start..<c.end])
            switch c.kind {
            case .int:
                out.put("<c><v>")  // Style.top, the default
                out.put(bytes)
                out.put("</v></c>")
            case .date:
                out.put(#"<c s="2"><v>"#)  // Style.date
                out.putDecimal(serial(dayNumber: c.value))
                out.put("</v></c>")
            case .text:
                let wrap = (n < wraps.count && wraps[n]) || classes[n].breaksLines
                out.put(wrap ? #"<c s="3""# : "<c")  // Style.wrapped; Style.top, the default
                if c.value > 0 {
                    // One of the shared labels: a reference to it.
                    out.put(#" t="s"><v>"#)
                    out.putDecimal(c.value - 1)
                    out.put("</v></c>")
                } else {
                    inlineString(bytes, classes[n], to: out)
                }
            case .empty:
                break
            }
        }
        out.put("</row>")
    }

    /// ` t="inlineStr"><is><t>…</t></is></c>`: the rest of a text cell after its style.
    static func inlineString(_ text: UnsafeBufferPointer<UInt8>, _ kind: TextClass, to out: ByteWriter) {
        if kind.needsRewrite(text) {
            // Characters XML cannot hold, CR, an Excel escape look-alike or an over-long
            // text: the String path does what it always did.
            let clean = Array(cellText(String(decoding: text, as: UTF8.self)).utf8)
            clean.withUnsafeBufferPointer { escapedInline($0, TextClass.of($0), to: out) }
        } else {
            escapedInline(text, kind, to: out)
        }
    }

    static func escapedInline(_ text: UnsafeBufferPointer<UInt8>, _ kind: TextClass, to out: ByteWriter) {
        // Leading or trailing blanks, tabs and line breaks are kept only with
        // xml:space="preserve" (Excel trims them otherwise).
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
        let preserve = kind.has(TextClass.tab | TextClass.lineFeed)
            || text.first.map(blank) == true || text.last.map(blank) == true
        out.put(preserve ? #" t="inlineStr"><is><t xml:space="preserve">"# : #" t="inlineStr"><is><t>"#)
        if kind.has(TextClass.markup) {
            var from = 0
            for i in 0..<text.count {
                let b = text[i]
                guard b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") else { continue }
                out.put(UnsafeBufferPointer(rebasing: text[from..<i]))
                switch b {
                case UInt8(ascii: "&"): out.put("&amp;")
                case UInt8(ascii: "<"): out.put("&lt;")
                default: out.put("&gt;")
                }
                from = i + 1
            }
            out.put(UnsafeBufferPointer(rebasing: text[from..<text.count]))
        } else {
            out.put(text)
        }
        out.put("</t></is></c>")
    }

    /// What the bytes of a text hold that its writing must care about, found in one pass
    /// with a table of byte classes.
    struct TextClass {
        var bits: UInt8 = 0
        /// A line break the way `String.contains("\n")` sees one (set by `CellText`).
        var breaksLines = false

        static let control: UInt8 = 1         // below U+0020, not tab, LF or CR
        static let carriageReturn: UInt8 = 2
        static let lineFeed: UInt8 = 4
        static let tab: UInt8 = 8
        static let markup: UInt8 = 16         // & < >
        static let underscore: UInt8 = 32     // may start "_x"
        static let ef: UInt8 = 64             // may start U+FFFE or U+FFFF

        static let table: [UInt8] = (0...255).map { b -> UInt8 in
            switch b {
            case 0x09: tab
            case 0x0A: lineFeed
            case 0x0D: carriageReturn
            case 0..<0x20: control
            case 0x26, 0x3C, 0x3E: markup
            case 0x5F: underscore
            case 0xEF: ef
            default: 0
            }
        }

        static func of(_ text: UnsafeBufferPointer<UInt8>) -> TextClass {
            var bits: UInt8 = 0
            table.withUnsafeBufferPointer { t in for b in text { bits |= t[Int(b)] } }
            return TextClass(bits: bits)
        }

        func has(_ mask: UInt8) -> Bool { bits & mask != 0 }

        /// Whether `cellText` would change the text: a character XML cannot hold (control
        /// characters, CR, U+FFFE, U+FFFF), an `_x` that may start an Excel escape, or
        /// more bytes than a cell may hold characters.
        func needsRewrite(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            if has(Self.control | Self.carriageReturn) || text.count > maxCellLength { return true }
            if has(Self.underscore) {
                for i in 0..<max(0, text.count - 1) where text[i] == UInt8(ascii: "_") && text[i + 1] == UInt8(ascii: "x") { return true }
            }
            if has(Self.ef) {
                for i in 0..<max(0, text.count - 2) where text[i] == 0xEF && text[i + 1] == 0xBF && text[i + 2] >= 0xBE {
                    return true
                }
            }
            return false
        }
    }

    /// Points per line of 11-point text (CJK included).
    static let lineHeight = 15.0

    /// How a text cell is laid out: whether it breaks lines (the cell then wraps) and how
    /// many lines it takes in a column. A spreadsheet does not grow a row for wrapped text
    /// by itself when the file is opened (LibreOffice does not; Excel only for some rows),
    /// so the row height is written.
    struct CellText {
        /// The bytes measured, when they are measured as bytes; the measure is taken when
        /// asked, so a `CellText` lives no longer than the buffer it was made from.
        private let bytes: UnsafeBufferPointer<UInt8>?
        /// The text as a String, when it is measured as one (see `init`).
        private var string: String?
        private(set) var hasLineBreak = false

        /// Lines are split at a line feed as `String.split` splits characters. On bytes
        /// that is exact when there is no CR (CR LF is one character) and every line feed
        /// is followed by ASCII, a CJK ideograph or nothing (a combining mark after it
        /// makes `String.contains("\n")` false): otherwise the text is measured as a
        /// String, as before. Nothing is allocated for text measured as bytes: this runs
        /// for every wrapped cell of a county's workbook.
        init(_ text: UnsafeBufferPointer<UInt8>) {
            var simple = !text.contains(0x0D)
            for i in 0..<text.count where text[i] == 0x0A {
                hasLineBreak = true
                let next = i + 1 < text.count ? text[i + 1] : 0
                if next >= 0x80 && !(0xE4...0xE9).contains(next) { simple = false }
            }
            if simple {
                bytes = text
            } else {
                let s = String(decoding: text, as: UTF8.self)
                bytes = nil
                string = s
                hasLineBreak = s.contains("\n")
            }
        }

        /// Lines the text takes in a column with `room` character widths; 1 for a text
        /// that neither wraps nor breaks lines.
        func lines(wraps: Bool, room: Double) -> Int {
            guard wraps || hasLineBreak else { return 1 }
            guard let text = bytes else { return XLSXWriter.lines(string ?? "", wraps: wraps, room: room) }
            var lines = 0
            var start = 0
            func line(_ end: Int) {
                let w = Double(TextTools.displayWidth(UnsafeBufferPointer(rebasing: text[start..<end])))
                lines += wraps ? max(1, Int((w / room).rounded(.up))) : 1
            }
            for i in 0..<text.count where text[i] == 0x0A {
                line(i)
                start = i + 1
            }
            line(text.count)
            return lines
        }
    }

    /// Lines of `s` once wrapped to `room` (the String form of `CellText.lines`).
    static func lines(_ s: String, wraps: Bool, room: Double) -> Int {
        var lines = 0
        for segment in s.split(separator: "\n", omittingEmptySubsequences: false) {
            let w = Double(TextTools.displayWidth(String(segment)))
            lines += wraps ? max(1, Int((w / room).rounded(.up))) : 1
        }
        return lines
    }

    /// Text as a cell holds it: `_xHHHH_` sequences (Excel's escape for control
    /// characters) protected by escaping their underscore, and cut to Excel's limit.
    static func cellText(_ s: String) -> String {
        var text = TextTools.cleaned(s)
        if text.contains("_x") {
            text = text.replacingOccurrences(of: "_(x[0-9A-Fa-f]{4}_)", with: "_x005F_$1", options: .regularExpression)
        }
        if text.count > maxCellLength { text = String(text.prefix(maxCellLength - 1)) + "…" }
        return text
    }

    // MARK: Package parts

    static func contentTypes(sheetCount: Int) -> String {
        var x = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        x += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        x += #"<Default Extension="xml" ContentType="application/xml"/>"#
        x += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for n in 1..<(sheetCount + 1) {
            x += #"<Override PartName="/xl/worksheets/sheet\#(n).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        x += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        x += #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        x += #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        x += #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
        return x + "</Types>"
    }

    static let rootRels = header + #"<Relationships xmlns="\#(pkgRelNS)">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + #"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    static func coreProperties(title: String, creator: String, modified: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        let when = f.string(from: modified)
        return header + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:title>\(TextTools.xmlEscaped(title))</dc:title><dc:creator>\(TextTools.xmlEscaped(creator))</dc:creator>"
            + #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(when)</dcterms:created>"#
            + #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(when)</dcterms:modified>"#
            + "</cp:coreProperties>"
    }

    static func appProperties(_ names: [String]) -> String {
        header + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
            + "<Application>Sanbao</Application><AppVersion>\(appVersion)</AppVersion></Properties>"
    }

    /// `AppVersion` must look like `XX.YYYY`.
    static var appVersion: String {
        let parts = SanbaoVersion.current.split(separator: ".").compactMap { Int($0) } + [0, 0, 0]
        return String(format: "%02d.%04d", parts[0], parts[1] * 100 + parts[2])
    }

    /// A sheet name quoted for a formula: `'户明细'`.
    static func quotedSheet(_ name: String) -> String { "'" + name.replacingOccurrences(of: "'", with: "''") + "'" }

    static func workbookXML(_ tables: [TableRows], names: [String]) -> String {
        var x = header + #"<workbook xmlns="\#(mainNS)" xmlns:r="\#(relNS)">"#
        x += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (n, name) in names.enumerated() {
            x += #"<sheet name="\#(TextTools.xmlEscaped(name))" sheetId="\#(n + 1)" r:id="rId\#(n + 1)"/>"#
        }
        x += "</sheets><definedNames>"
        for (n, table) in tables.enumerated() where !table.placeholder && table.kind != .overview && table.count > 0 {
            let ref = "\(quotedSheet(names[n]))!$A$1:$\(columnName(max(0, table.columns.count - 1)))$\(table.count + 1)"
            x += #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(n)" hidden="1">\#(TextTools.xmlEscaped(ref))</definedName>"#
        }
        for (n, name) in names.enumerated() {
            x += #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(n)">\#(TextTools.xmlEscaped(quotedSheet(name)))!$1:$1</definedName>"#
        }
        return x + "</definedNames></workbook>"
    }

    static func workbookRels(sheetCount: Int) -> String {
        var x = header + #"<Relationships xmlns="\#(pkgRelNS)">"#
        for n in 0..<sheetCount {
            x += #"<Relationship Id="rId\#(n + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(n + 1).xml"/>"#
        }
        x += #"<Relationship Id="rId\#(sheetCount + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        x += #"<Relationship Id="rId\#(sheetCount + 2)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        return x + "</Relationships>"
    }

    /// The shared string table: the labels cells refer to by position (`RowMaker.sharedLabels`).
    static func sharedStrings(_ labels: [String]) -> String {
        var x = header + #"<sst xmlns="\#(mainNS)" uniqueCount="\#(labels.count)">"#
        for label in labels { x += "<si><t>" + TextTools.xmlEscaped(label) + "</t></si>" }
        return x + "</sst>"
    }

    /// Fonts: regular and bold. Fills: the two required ones and a light grey for
    /// headings. Cell formats (see `Style`): top-aligned (the default), heading, date, wrapped
    /// text, plain.
    static let styles = header + #"<styleSheet xmlns="\#(mainNS)">"#
        + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts>"#
        + #"<fonts count="2">"#
        + #"<font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>"#
        + #"<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>"#
        + "</fonts>"
        + #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
        + #"<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="5">"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>"#
        + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + "</cellXfs>"
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}
