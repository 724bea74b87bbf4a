import Foundation
import SanbaoCore

/// The formats a summary can be written in.
public enum ExportFormat: String, CaseIterable, Hashable, Sendable {
    case xlsx, csv, json, html

    /// The usual file extension.
    public var fileExtension: String { rawValue }

    /// The format a file name's extension names (`.xlsx`, `.csv`, `.json`, `.html`/`.htm`).
    public init?(fileName: String) {
        let ext = (fileName as NSString).pathExtension.lowercased()
        if ext == "htm" { self = .html; return }
        self.init(rawValue: ext)
    }
}

/// How to render: the language of headings, labels and reasons (JSON carries both), and
/// for CSV which table and whether to start with a byte-order mark.
public struct RenderOptions: Hashable, Sendable {
    public var language: Language
    public var csvTable: TableKind
    public var bom: Bool

    public init(language: Language = .zh, csvTable: TableKind = .households, bom: Bool = true) {
        self.language = language
        self.csvTable = csvTable
        self.bom = bom
    }
}

extension SummaryReport {
    /// The report's bytes in `format`. Pure: nothing is written anywhere; the caller
    /// writes the bytes (atomically, through the store).
    public func render(_ format: ExportFormat, options: RenderOptions = RenderOptions()) throws -> Data {
        let tables = ReportTables(self, language: options.language)
        switch format {
        case .json:
            return try jsonData()
        case .csv:
            return CSVWriter.render(tables.rows(options.csvTable), bom: options.bom)
        case .html:
            return Data(HTMLWriter(tables: tables).render().utf8)
        case .xlsx:
            return try XLSXWriter.workbook(tables.allRows, labels: tables.rowMaker.sharedLabels, title: tables.title,
                                           creator: "Sanbao \(sanbaoVersion)",
                                           modified: Self.date(generatedAt) ?? Date(timeIntervalSince1970: 315_532_800))
        }
    }

    /// An ISO 8601 timestamp as a `Date`, with or without fractional seconds.
    static func date(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: text)
    }
}
