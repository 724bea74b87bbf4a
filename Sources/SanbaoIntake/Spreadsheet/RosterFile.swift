/// What kind of file a roster came in.
public enum RosterFileKind: Sendable {
    case xlsx
    case delimited
}

/// A household roster file as the intake opens it: an XLSX workbook or a CSV/text export,
/// told apart by its content rather than its name (a `.csv` that is really a workbook, or a
/// workbook renamed `.xls`, still reads), and read row by row the same way.
public struct RosterFile: Sendable {
    private enum Source: Sendable {
        case workbook(Workbook, sheet: String)
        case text(DelimitedText)
    }

    private let source: Source

    /// Opens `path`. `sheet` chooses a sheet of a workbook (nil: the first); naming one for
    /// a CSV is an error, since the user expects something that is not there.
    public static func open(path: String, sheet: String?) throws -> RosterFile {
        try FileCheck.requireReadable(path)
        let magic = try FileCheck.prefix(path, 4)
        if magic == FileCheck.oleMagic { throw SpreadsheetError.oldExcelFormat(path: path) }
        if magic == FileCheck.zipMagic {
            let workbook = try Workbook(path: path)
            return RosterFile(source: .workbook(workbook, sheet: try workbook.sheetName(sheet)))
        }
        if sheet != nil { throw SpreadsheetError.sheetInDelimitedText(path: path) }
        return RosterFile(source: .text(try DelimitedText(bytes: FileCheck.contents(path))))
    }

    public var kind: RosterFileKind {
        switch source {
        case .workbook: return .xlsx
        case .text: return .delimited
        }
    }

    /// The sheet read, for a workbook; nil for a CSV.
    public var sheetName: String? {
        if case .workbook(_, let sheet) = source { return sheet }
        return nil
    }

    /// The encoding found, for a CSV; nil for a workbook.
    public var encoding: TextEncoding? {
        if case .text(let text) = source { return text.encoding }
        return nil
    }

    /// Whether the workbook counts serial days from 1904 (old Mac Excel); false for a CSV.
    public var date1904: Bool {
        if case .workbook(let workbook, _) = source { return workbook.date1904 }
        return false
    }

    /// Streams the rows: see `Workbook.forEachRow(sheet:_:)` and `DelimitedText.forEachRow(_:)`.
    public func forEachRow(_ body: (SheetRow) throws -> Void) throws {
        switch source {
        case .workbook(let workbook, let sheet): try workbook.forEachRow(sheet: sheet, body)
        case .text(let text): try text.forEachRow(body)
        }
    }
}
