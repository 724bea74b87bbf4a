/// An XLSX workbook, read for its values: the names of its sheets, its date system, and
/// the rows of one sheet, streamed.
///
/// A value that knows where the parts are; opening it reads only the package's
/// relationships and the workbook part. Each `forEachRow` opens the file again, reads the
/// shared strings and styles, and streams the sheet, so memory does not grow with it.
public struct Workbook: Sendable {
    public let path: String
    let manifest: WorkbookManifest

    public static func open(path: String) throws -> Workbook {
        try Workbook(path: path)
    }

    public init(path: String) throws {
        try FileCheck.requireReadable(path)
        if try FileCheck.startsWithOLEMagic(path) { throw SpreadsheetError.oldExcelFormat(path: path) }
        let archive = try WorkbookArchive(path: path)
        self.path = path
        manifest = try WorkbookManifest.read(archive)
        guard !manifest.sheets.isEmpty else { throw SpreadsheetError.notWorkbook(path: path) }
    }

    /// The worksheets, in workbook order (the order of the tabs).
    public var sheetNames: [String] { manifest.sheets.map(\.name) }

    /// True when serial dates count from 1904-01-01 (old Mac Excel) instead of 1899-12-30.
    public var date1904: Bool { manifest.date1904 }

    /// The name of the sheet `forEachRow(sheet:)` reads: `name`, or the first sheet.
    public func sheetName(_ name: String?) throws -> String {
        try sheet(name).name
    }

    /// Streams the rows of one sheet (the first when `name` is nil), in file order; a row
    /// is handed on only if it has a cell with a value. Calls `body` once per row; the rows
    /// are not gathered, so memory does not grow with the sheet.
    public func forEachRow(sheet name: String?, _ body: (SheetRow) throws -> Void) throws {
        let sheet = try sheet(name)
        let archive = try WorkbookArchive(path: path)
        let strings = try manifest.sharedStringsPart.map { try SharedStrings.read(archive, part: $0) } ?? []
        let styles = try manifest.stylesPart.map { part in
            try archive.bytes(of: part).withUnsafeBufferPointer { try CellStyles.read(XMLScan(bytes: $0), part: part) }
        } ?? CellStyles()
        var scanner = SheetScanner(part: sheet.part, strings: strings, styles: styles)
        try archive.scan(sheet.part) { xml, _ in try scanner.scan(xml, body) }
    }

    private func sheet(_ name: String?) throws -> WorkbookManifest.Sheet {
        guard let name else { return manifest.sheets[0] }
        if let exact = manifest.sheets.first(where: { $0.name == name }) { return exact }
        // Excel itself treats sheet names without regard to case.
        if let loose = manifest.sheets.first(where: { $0.name.lowercased() == name.lowercased() }) { return loose }
        throw SpreadsheetError.noSuchSheet(name: name, available: sheetNames)
    }
}
