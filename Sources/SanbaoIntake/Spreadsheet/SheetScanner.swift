/// Reads the rows of a worksheet part (`<sheetData>`) from its XML bytes as they are
/// inflated, one complete `<row>` at a time; a row cut by the end of a chunk is read again
/// when the next chunk has been appended.
///
/// Why by hand, byte by byte: a county roster is ~20 million cells, and the reading layer
/// has to be many times faster than openpyxl. No `String` is made for a tag or attribute,
/// only for a cell's final value; shared strings are the table's own `String`s; the row's
/// cell buffer is reused for the next row whenever the caller did not keep the row.
struct SheetScanner {
    let part: String
    let strings: [String]
    let styles: CellStyles

    /// The number of the last row read (a `<row>` without `r` follows it).
    private var lastRow = 0
    /// Past `</sheetData>`: the rest of the part holds no cells.
    private var finished = false
    private var cells: [SheetCell?] = []

    /// Excel's last column is XFD.
    static let columnLimit = 16_384

    init(part: String, strings: [String], styles: CellStyles) {
        self.part = part
        self.strings = strings
        self.styles = styles
    }

    /// Reads the complete rows in `xml`, calling `body` with each that has a cell, and
    /// returns how many bytes were consumed (the rest starts an unfinished row or tag).
    mutating func scan(_ xml: XMLScan, _ body: (SheetRow) throws -> Void) throws -> Int {
        var at = 0
        while !finished, let lt = xml.find(UInt8(ascii: "<"), from: at) {
            guard let tag = xml.tag(at: lt) else { return lt }
            at = tag.end
            if xml.equals(tag.name, "row"), tag.kind != .close {
                let number = xml.attribute("r", of: tag).flatMap(xml.integer) ?? lastRow + 1
                if tag.kind == .open {
                    guard let end = try readCells(xml, from: tag.end) else { return lt }
                    at = end
                    if cells.contains(where: { $0 != nil }) { try body(SheetRow(number: number, cells: cells)) }
                }
                lastRow = number
            } else if tag.kind == .close, xml.equals(tag.name, "sheetData") {
                finished = true
            }
        }
        return xml.count
    }

    /// Reads the cells of a row into `cells`; returns the index past `</row>`, or nil when
    /// the bytes end first.
    private mutating func readCells(_ xml: XMLScan, from start: Int) throws -> Int? {
        cells.removeAll(keepingCapacity: true)
        var column = -1
        var at = start
        while let lt = xml.find(UInt8(ascii: "<"), from: at) {
            guard let tag = xml.tag(at: lt) else { return nil }
            at = tag.end
            if tag.kind == .close {
                if xml.equals(tag.name, "row") { return at }
                continue
            }
            guard tag.kind == .open || tag.kind == .empty, xml.equals(tag.name, "c") else { continue }
            var type: Range<Int>?
            var style = 0
            var reference: Range<Int>?
            xml.forEachAttribute(of: tag) { name, value in
                guard name.count == 1 else { return }
                switch xml.bytes[name.lowerBound] {
                case UInt8(ascii: "r"): reference = value
                case UInt8(ascii: "t"): type = value
                case UInt8(ascii: "s"): style = xml.integer(value) ?? 0
                default: break
                }
            }
            column = reference.flatMap { CellReference.column(xml, $0) } ?? column + 1
            guard column < Self.columnLimit else {
                throw SpreadsheetError.damagedPart(part: part, detail: "a cell beyond column XFD near byte \(lt)")
            }
            guard tag.kind == .open else { continue }
            guard let (cell, end) = try readCell(xml, from: tag.end, type: type, style: style) else { return nil }
            at = end
            if let cell { place(cell, at: column) }
        }
        return nil
    }

    @inline(__always)
    private mutating func place(_ cell: SheetCell, at column: Int) {
        if column < cells.count {
            cells[column] = cell
        } else {
            while cells.count < column { cells.append(nil) }
            cells.append(cell)
        }
    }

    /// The value of a `<c>` whose open tag ends at `start` (nil when it has none: a cell
    /// that only carries formatting), and the index past `</c>`; nil when the bytes end first.
    private func readCell(_ xml: XMLScan, from start: Int, type: Range<Int>?, style: Int) throws -> (SheetCell?, Int)? {
        var value = ElementText()
        var inline: ElementText?
        var at = start
        while let lt = xml.find(UInt8(ascii: "<"), from: at) {
            guard let tag = xml.tag(at: lt) else { return nil }
            at = tag.end
            switch tag.kind {
            case .open where xml.equals(tag.name, "v"):
                guard let (text, end) = xml.elementText(from: tag.end) else { return nil }
                value = text
                at = end
            case .open where xml.equals(tag.name, "is"):
                guard let (text, end) = xml.richText(from: tag.end) else { return nil }
                inline = text
                at = end
            case .close where xml.equals(tag.name, "c"):
                return (try cell(xml, value: value, inline: inline, type: type, style: style, near: lt), at)
            default:
                continue
            }
        }
        return nil
    }

    /// The cell a value stands for, by the cell's type (`t`); no type is a number.
    private func cell(_ xml: XMLScan, value: ElementText, inline: ElementText?, type: Range<Int>?, style: Int, near offset: Int) throws -> SheetCell? {
        guard let type else { return number(xml, value, style: style) }
        if xml.equals(type, "s") {
            guard !value.isEmpty else { return nil }
            guard let index = value.range.flatMap(xml.integer), index < strings.count else {
                throw SpreadsheetError.damagedPart(part: part, detail: "a shared string that does not exist near byte \(offset)")
            }
            return SheetCell(.text, strings[index])
        }
        if xml.equals(type, "inlineStr") {
            guard let text = inline ?? (value.isEmpty ? nil : value) else { return nil }
            return SheetCell(.text, text.string(xml, xstring: true))
        }
        if xml.equals(type, "n") { return number(xml, value, style: style) }
        guard !value.isEmpty else { return nil }
        if xml.equals(type, "str") { return SheetCell(.text, value.string(xml, xstring: true)) }
        if xml.equals(type, "b") { return SheetCell(.boolean, value.string(xml, xstring: false)) }
        if xml.equals(type, "e") { return SheetCell(.error, value.string(xml, xstring: false)) }
        if xml.equals(type, "d") { return SheetCell(.isoDate, value.string(xml, xstring: false)) }
        return SheetCell(.text, value.string(xml, xstring: true))
    }

    @inline(__always)
    private func number(_ xml: XMLScan, _ value: ElementText, style: Int) -> SheetCell? {
        guard !value.isEmpty else { return nil }
        return SheetCell(.number, value.string(xml, xstring: false), hasDateFormat: styles.isDate(style))
    }
}
