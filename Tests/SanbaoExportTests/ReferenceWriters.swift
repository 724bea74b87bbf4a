import Foundation
import SanbaoCore
@testable import SanbaoExport
import ZIPFoundation

// The writers and the two big tables as they were before rendering was made fast, kept
// verbatim so the fast ones can be compared with them on the same report.
//
// Independence (issue 20): the household and gap tables and both writers are old code,
// a second implementation; the overview and summary sheets are taken from the production
// `ReportTables`, so RenderEquivalenceTests holds the writers to each other there, not the
// sheets' contents. Those are checked by an outside reader: SummaryOracleTests opens the
// workbook with openpyxl and recounts every figure of the summary sheet in Python, and
// XLSXTests has LibreOffice open it.

/// The household and gap rows as `ReportTables` made them: one `[Cell]` per row, texts
/// joined into Strings.
struct ReferenceTables {
    var tables: ReportTables
    init(_ report: SummaryReport, language: Language) { tables = ReportTables(report, language: language) }

    var report: SummaryReport { tables.report }
    func t(_ zh: String, _ en: String) -> String { tables.language == .zh ? zh : en }
    func t(_ b: Bilingual) -> String { b.text(tables.language) }
    var listSeparator: String { t("；", "; ") }
    func yesNo(_ b: Bool) -> Cell { .text(b ? t("是", "yes") : t("否", "no")) }
    func reasons(_ list: [Bilingual]) -> Cell {
        list.isEmpty ? .empty : .text(list.map { t($0) }.joined(separator: listSeparator))
    }
    func optional(_ s: String?) -> Cell { s.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }
    func optional(_ d: LocalDate?) -> Cell { d.map { .date($0) } ?? .empty }
    func message(_ text: String, width: Int) -> [Cell] {
        [.text(text)] + Array(repeating: .empty, count: max(0, width - 1))
    }

    var all: [ReportTable] {
        var out = [tables.overview, tables.summary, households, gaps]
        if report.kind == .rollup || !report.clashes.isEmpty { out.append(tables.clashes) }
        return out
    }

    func table(_ kind: TableKind) -> ReportTable {
        switch kind {
        case .households: households
        case .gaps: gaps
        default: tables.table(kind)
        }
    }

    var households: ReportTable {
        let cols = tables.householdColumns
        var rows: [[Cell]] = report.households.map { h in
            var row: [Cell] = [.text(h.number), .text(h.id), .text(h.head), optional(h.headIDNumber), .text(h.village),
                               .text(h.villageCode), .text(h.group), optional(h.cadre), .int(h.members), .text(t(h.type.label)),
                               h.monitoring.map { .text(t($0.label)) } ?? .empty, yesNo(h.meetsStandard)]
            for i in Indicator.allCases {
                row.append(.text(t(h.indicators[i].state.label)))
                row.append(reasons(h.indicators[i].reasons))
            }
            row += [optional(h.lastCheck?.date), optional(h.nextFollowUp), yesNo(h.overdue), .int(h.visitsInPeriod),
                    h.notes.isEmpty ? .empty : .text(h.notes.map { "\($0.date) \($0.text)" }.joined(separator: "\n"))]
            if report.kind == .rollup { row.append(optional(h.source)) }
            return row
        }
        let placeholder = rows.isEmpty
        if placeholder { rows = [message(tables.emptyMessage, width: cols.count)] }
        return ReportTable(kind: .households, title: t("户明细", "Households"), columns: cols, rows: rows, placeholder: placeholder)
    }

    var gaps: ReportTable {
        let cols = tables.gapColumns
        var rows: [[Cell]] = report.gaps.map { g in
            [.text(g.number), .text(g.householdID), .text(g.head), .text(g.village), .text(g.group), optional(g.cadre),
             .text(t(g.indicator.label)), .text(t(g.state.label)), reasons(g.reasons),
             g.measures.isEmpty ? .empty : .text(g.measures.joined(separator: listSeparator)),
             optional(g.followUp), optional(g.checkDate)]
        }
        let placeholder = rows.isEmpty
        if placeholder {
            rows = [message(report.isEmpty ? tables.emptyMessage : t("没有未达标的指标", "no failing indicators"), width: cols.count)]
        }
        return ReportTable(kind: .gaps, title: t("问题清单", "Gaps"), columns: cols, rows: rows, placeholder: placeholder)
    }

    /// The report's bytes as the old writers made them.
    func csv(_ kind: TableKind, bom: Bool) -> Data { ReferenceCSVWriter.render(table(kind), bom: bom) }

    func xlsx() throws -> Data {
        try ReferenceXLSXWriter.workbook(all, title: tables.title, creator: "Sanbao \(report.sanbaoVersion)",
                                         modified: SummaryReport.date(report.generatedAt) ?? Date(timeIntervalSince1970: 315_532_800))
    }
}


/// The CSV writer as it was before it was made fast (Strings joined, then encoded).
/// RFC 4180 CSV: CR LF after every record, a field quoted when it holds a comma, a
/// double quote, CR or LF, quotes inside doubled. UTF-8, with a byte-order mark unless
/// asked not to (Excel on Chinese Windows reads a BOM-less file as GBK).
enum ReferenceCSVWriter {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func render(_ table: ReportTable, bom withBOM: Bool) -> Data {
        var out = ""
        out += record(table.columns.map(\.title))
        for row in table.rows {
            out += record(row.map(neutralised))
        }
        return (withBOM ? Data(bom) : Data()) + Data(out.utf8)
    }

    /// A text cell starting like a formula (= + - @ tab CR) behind a single quote, as
    /// OWASP advises; numbers and dates as they are.
    static func neutralised(_ cell: Cell) -> String {
        guard case .text(let s) = cell, let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else {
            return cell.text
        }
        return "'" + s
    }

    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}


/// The workbook writer as it was before it was made fast (shared strings, whole sheets
/// as Strings, ZIPFoundation): what the fast writer's workbooks are compared with.
/// Writes tables as an Office Open XML workbook (ECMA-376 SpreadsheetML), built in memory
/// on ZIPFoundation. One sheet per table; the heading row is bold, frozen, filtered and
/// repeated on every printed page; column widths fit the widest cell (a CJK character
/// counts two); dates are date serial numbers with a `yyyy-mm-dd` style; text goes in the
/// shared-strings part with line breaks kept.
enum ReferenceXLSXWriter {
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let pkgRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    /// Style indexes of `cellXfs` in styles.xml.
    enum Style: Int {
        case normal = 0, heading = 1, date = 2, wrapped = 3, top = 4
    }

    /// Excel refuses cells over 32,767 characters.
    static let maxCellLength = 32_767
    /// Widest column, in character widths; columns of long text that wraps are narrower.
    static let maxColumnWidth = 60.0
    static let maxWrappedWidth = 40.0

    static func workbook(_ tables: [ReportTable], title: String, creator: String, modified: Date) throws -> Data {
        var strings = SharedStrings()
        var parts: [(String, Data)] = []
        let names = sheetNames(tables.map(\.title))
        var sheets: [Data] = []
        for (n, table) in tables.enumerated() {
            sheets.append(Data(sheet(table, selected: n == 0, strings: &strings).utf8))
        }
        parts.append(("[Content_Types].xml", Data(contentTypes(sheetCount: tables.count).utf8)))
        parts.append(("_rels/.rels", Data(rootRels.utf8)))
        parts.append(("docProps/core.xml", Data(coreProperties(title: title, creator: creator, modified: modified).utf8)))
        parts.append(("docProps/app.xml", Data(appProperties(names).utf8)))
        parts.append(("xl/workbook.xml", Data(workbookXML(tables, names: names).utf8)))
        parts.append(("xl/_rels/workbook.xml.rels", Data(workbookRels(sheetCount: tables.count).utf8)))
        parts.append(("xl/styles.xml", Data(styles.utf8)))
        parts.append(("xl/sharedStrings.xml", Data(strings.xml.utf8)))
        for (n, data) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(n + 1).xml", data)) }
        return try zip(parts, modified: modified)
    }

    /// A ZIP archive of `parts`, deflated, in memory.
    static func zip(_ parts: [(String, Data)], modified: Date) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                                 compressionMethod: .deflate) { position, size in
                let start = Int(position)
                return data.subdata(in: start..<min(data.count, start + size))
            }
        }
        guard let data = archive.data else { throw ExportError(Bilingual(zh: "无法生成 XLSX", en: "cannot build the XLSX"), usage: false) }
        return data
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

    /// Column widths from the widest heading or cell, CJK counting two, capped.
    static func widths(_ table: ReportTable) -> [Double] {
        table.columns.enumerated().map { n, col in
            var w = TextTools.displayWidth(col.title) + 2
            for row in table.rows where n < row.count {
                let cell: Int
                switch row[n] {
                case .text(let s): cell = TextTools.displayWidth(s)
                case .int(let v): cell = String(v).count
                case .date: cell = 10
                case .empty: cell = 0
                }
                w = max(w, cell + 2)
            }
            return min(col.wrap ? maxWrappedWidth : maxColumnWidth, Double(max(w, 6)))
        }
    }

    static func sheet(_ table: ReportTable, selected: Bool, strings: inout SharedStrings) -> String {
        let lastColumn = columnName(max(0, table.columns.count - 1))
        let lastRow = table.rows.count + 1
        let ref = "A1:\(lastColumn)\(lastRow)"
        var x = header
        x += #"<worksheet xmlns="\#(mainNS)" xmlns:r="\#(relNS)">"#
        x += table.kind == .households ? "" : #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
        x += #"<dimension ref="\#(ref)"/>"#
        x += #"<sheetViews><sheetView workbookViewId="0""# + (selected ? #" tabSelected="1""# : "") + ">"
        x += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        x += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
        x += "</sheetView></sheetViews>"
        x += #"<sheetFormatPr defaultRowHeight="15"/>"#
        let widths = widths(table)
        x += "<cols>"
        for (n, w) in widths.enumerated() {
            x += #"<col min="\#(n + 1)" max="\#(n + 1)" width="\#(String(format: "%.1f", w))" customWidth="1"/>"#
        }
        x += "</cols><sheetData>"
        x += #"<row r="1">"#
        for (n, col) in table.columns.enumerated() {
            x += #"<c r="\#(columnName(n))1" s="\#(Style.heading.rawValue)" t="s"><v>\#(strings.index(col.title))</v></c>"#
        }
        x += "</row>"
        for (r, row) in table.rows.enumerated() {
            let rowNumber = r + 2
            let lines = lineCount(row, table: table, widths: widths)
            x += lines > 1
                ? #"<row r="\#(rowNumber)" ht="\#(String(format: "%.1f", min(409, Double(lines) * lineHeight)))" customHeight="1">"#
                : #"<row r="\#(rowNumber)">"#
            for (n, cell) in row.enumerated() {
                let at = "\(columnName(n))\(rowNumber)"
                let wrap = n < table.columns.count && table.columns[n].wrap
                switch cell {
                case .empty:
                    continue
                case .int(let v):
                    x += #"<c r="\#(at)" s="\#(Style.top.rawValue)"><v>\#(v)</v></c>"#
                case .date(let d):
                    x += #"<c r="\#(at)" s="\#(Style.date.rawValue)"><v>\#(serial(d))</v></c>"#
                case .text(let s):
                    let style = wrap || s.contains("\n") ? Style.wrapped : Style.top
                    x += #"<c r="\#(at)" s="\#(style.rawValue)" t="s"><v>\#(strings.index(s))</v></c>"#
                }
            }
            x += "</row>"
        }
        x += "</sheetData>"
        if !table.placeholder && table.kind != .overview && !table.rows.isEmpty {
            x += #"<autoFilter ref="\#(ref)"/>"#
        }
        x += #"<pageMargins left="0.59" right="0.59" top="0.59" bottom="0.59" header="0.3" footer="0.3"/>"#
        x += #"<pageSetup paperSize="9" orientation="landscape""#
        x += table.kind == .households ? "/>" : #" fitToWidth="1" fitToHeight="0"/>"#
        x += "</worksheet>"
        return x
    }

    /// Points per line of 11-point text (CJK included).
    static let lineHeight = 15.0

    /// How many lines the tallest cell of `row` takes once wrapped to its column: a
    /// spreadsheet does not grow a row for wrapped text by itself when the file is opened
    /// (LibreOffice does not; Excel only for some rows), so the height is written.
    static func lineCount(_ row: [Cell], table: ReportTable, widths: [Double]) -> Int {
        var most = 1
        for (n, cell) in row.enumerated() {
            guard case .text(let s) = cell, n < widths.count else { continue }
            let wraps = n < table.columns.count && table.columns[n].wrap
            guard wraps || s.contains("\n") else { continue }
            let room = max(1.0, widths[n] - 1.5)
            var lines = 0
            for segment in s.split(separator: "\n", omittingEmptySubsequences: false) {
                let w = Double(TextTools.displayWidth(String(segment)))
                lines += wraps ? max(1, Int((w / room).rounded(.up))) : 1
            }
            most = max(most, lines)
        }
        return most
    }

    /// The shared-strings table: each distinct text once, in order of first use.
    struct SharedStrings {
        var order: [String] = []
        var indexes: [String: Int] = [:]
        var uses = 0

        mutating func index(_ text: String) -> Int {
            uses += 1
            if let i = indexes[text] { return i }
            order.append(text)
            indexes[text] = order.count - 1
            return order.count - 1
        }

        var xml: String {
            var x = header + #"<sst xmlns="\#(mainNS)" count="\#(uses)" uniqueCount="\#(order.count)">"#
            for s in order {
                x += #"<si><t xml:space="preserve">\#(TextTools.xmlEscaped(ReferenceXLSXWriter.cellText(s)))</t></si>"#
            }
            return x + "</sst>"
        }
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

    static func workbookXML(_ tables: [ReportTable], names: [String]) -> String {
        var x = header + #"<workbook xmlns="\#(mainNS)" xmlns:r="\#(relNS)">"#
        x += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (n, name) in names.enumerated() {
            x += #"<sheet name="\#(TextTools.xmlEscaped(name))" sheetId="\#(n + 1)" r:id="rId\#(n + 1)"/>"#
        }
        x += "</sheets><definedNames>"
        for (n, table) in tables.enumerated() where !table.placeholder && table.kind != .overview && !table.rows.isEmpty {
            let ref = "\(quotedSheet(names[n]))!$A$1:$\(columnName(max(0, table.columns.count - 1)))$\(table.rows.count + 1)"
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

    /// Fonts: regular and bold. Fills: the two required ones and a light grey for
    /// headings. Cell formats (see `Style`): normal, heading, date, wrapped text, top-aligned.
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
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>"#
        + "</cellXfs>"
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}
