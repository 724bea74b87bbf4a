import Foundation
import SanbaoCore

/// A table of cells under one header row, in a layout someone else decides: the members
/// roster in the township's own columns, or the rows an intake refused with the reason in
/// front. Rendered to XLSX (one sheet) or CSV; pure, like every renderer here.
public struct PlainTable: Sendable {
    public var title: String
    public var header: [String]
    public var rows: [[Cell]]
    /// Columns whose text should wrap in a spreadsheet cell.
    public var wrapped: Set<Int>

    public init(title: String, header: [String], rows: [[Cell]], wrapped: Set<Int> = []) {
        self.title = title
        self.header = header
        self.rows = rows
        self.wrapped = wrapped
    }

    /// The table as XLSX or CSV bytes (a CSV starts with a byte-order mark unless `bom`
    /// is false). JSON and HTML are the summary's formats, not a roster's.
    public func render(_ format: ExportFormat, bom: Bool = true, modified: Date = Date()) throws -> Data {
        let columns = header.enumerated().map { Column("c\($0.offset)", $0.element, wrap: wrapped.contains($0.offset)) }
        let table = ReportTable(kind: .households, title: title, columns: columns, rows: rows, placeholder: false)
        switch format {
        case .csv: return CSVWriter.render(TableRows(table), bom: bom)
        case .xlsx: return try XLSXWriter.workbook([TableRows(table)], title: title, creator: "Sanbao", modified: modified)
        case .json, .html: throw PlainTableError.format(format)
        }
    }
}

public enum PlainTableError: Error, Sendable {
    case format(ExportFormat)

    public var message: Bilingual {
        switch self {
        case .format(let f): Bilingual(zh: "此表只能写成 xlsx 或 csv，不能写成 \(f.rawValue)",
                                       en: "this table is written as xlsx or csv, not \(f.rawValue)")
        }
    }
}
