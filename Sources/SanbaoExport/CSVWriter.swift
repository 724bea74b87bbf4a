import Foundation

/// RFC 4180 CSV: CR LF after every record, a field quoted when it holds a comma, a
/// double quote, CR or LF, quotes inside doubled. UTF-8, with a byte-order mark unless
/// asked not to (Excel on Chinese Windows reads a BOM-less file as GBK).
enum CSVWriter {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func render(_ table: ReportTable, bom withBOM: Bool) -> Data {
        var out = ""
        out += record(table.columns.map(\.title))
        for row in table.rows {
            out += record(row.map(\.text))
        }
        return (withBOM ? Data(bom) : Data()) + Data(out.utf8)
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
