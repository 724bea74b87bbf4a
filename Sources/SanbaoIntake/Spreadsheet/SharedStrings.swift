/// The shared string table of a workbook (`xl/sharedStrings.xml`), held once as an array
/// of `String`: a cell with `t="s"` holds an index into it.
///
/// Streamed like a sheet, so the part's XML is never held whole; a rich string's runs are
/// joined and its phonetic guide (`<rPh>`, furigana) left out, as Excel shows the cell.
enum SharedStrings {
    static func read(_ archive: WorkbookArchive, part: String) throws -> [String] {
        var strings: [String] = []
        try archive.scan(part) { xml, _ in
            var at = 0
            while let lt = xml.find(UInt8(ascii: "<"), from: at) {
                guard let tag = xml.tag(at: lt) else { return lt }
                at = tag.end
                guard xml.equals(tag.name, "si") else {
                    if tag.kind == .open, xml.equals(tag.name, "sst"),
                       let count = xml.attribute("uniqueCount", of: tag).flatMap(xml.integer) {
                        strings.reserveCapacity(min(count, 1 << 24))
                    }
                    continue
                }
                if tag.kind == .empty { strings.append(""); continue }
                guard tag.kind == .open else { continue }
                guard let (text, end) = xml.richText(from: tag.end) else { return lt }
                strings.append(text.string(xml, xstring: true))
                at = end
            }
            return xml.count
        }
        return strings
    }
}
