/// Which cell styles of a workbook (`s="…"` on a cell, an index into `cellXfs`) show
/// their number as a date or time. Read once from `xl/styles.xml`; a workbook without
/// styles has no date cells.
struct CellStyles: Sendable {
    private var dateStyles: [Bool]

    init(dateStyles: [Bool] = []) {
        self.dateStyles = dateStyles
    }

    @inline(__always)
    func isDate(_ style: Int) -> Bool { style < dateStyles.count && dateStyles[style] }

    /// The styles of a `styles.xml` part: custom `<numFmt>` codes, then each `<xf>` of
    /// `<cellXfs>` (not of `<cellStyleXfs>`, which only named styles use) by its format id.
    static func read(_ xml: XMLScan, part: String) throws -> CellStyles {
        var customIsDate: [Int: Bool] = [:]
        var dateStyles: [Bool] = []
        var inCellXfs = false
        try xml.forEachTag(part: part) { tag in
            switch tag.kind {
            case .open, .empty:
                if xml.equals(tag.name, "numFmt"),
                   let id = xml.attribute("numFmtId", of: tag).flatMap(xml.integer),
                   let code = xml.attributeString("formatCode", of: tag) {
                    customIsDate[id] = NumberFormat.isDate(code: code)
                } else if xml.equals(tag.name, "cellXfs") {
                    inCellXfs = tag.kind == .open
                } else if inCellXfs, xml.equals(tag.name, "xf") {
                    let id = xml.attribute("numFmtId", of: tag).flatMap(xml.integer) ?? 0
                    dateStyles.append(customIsDate[id] ?? NumberFormat.isBuiltInDate(id))
                }
            case .close:
                if xml.equals(tag.name, "cellXfs") { inCellXfs = false }
            case .cdata, .other:
                break
            }
        }
        return CellStyles(dateStyles: dateStyles)
    }
}
