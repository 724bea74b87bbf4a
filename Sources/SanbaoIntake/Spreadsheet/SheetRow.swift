/// One cell of a foreign spreadsheet, as its file stored it: the reader interprets nothing.
///
/// A roster column holding an 18-digit ID number typed as a number comes back as a
/// `.number` whose text is the stored literal (`6.21121198711201E+17`), so the roster
/// layer can tell the user that Excel lost the last digits, instead of a reader
/// "helpfully" printing it as digits that were never in the file.
public struct SheetCell: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A string: shared, inline, a formula's cached string, or any CSV field.
        case text
        /// A number, `text` holding the stored literal (`45292`, `1.5`, `6.21121E+17`).
        case number
        /// A boolean, `text` holding `1` or `0`.
        case boolean
        /// A date stored as ISO 8601 text (XLSX `t="d"`).
        case isoDate
        /// An error value (`#N/A`, `#VALUE!`).
        case error
    }

    public var kind: Kind
    public var text: String
    /// For `.number`: the cell's number format is a date or time format, so the value is
    /// a serial day number (see `Workbook.date1904`).
    public var hasDateFormat: Bool

    public init(_ kind: Kind, _ text: String, hasDateFormat: Bool = false) {
        self.kind = kind
        self.text = text
        self.hasDateFormat = hasDateFormat
    }

    public static func text(_ s: String) -> SheetCell { SheetCell(.text, s) }

    /// True for a cell with nothing in it (an absent cell is not stored at all).
    public var isBlank: Bool { text.isEmpty || (kind == .text && text.allSatisfy { $0 == " " || $0 == "\u{3000}" }) }
}

/// One row of a sheet: its number as the spreadsheet shows it (the first row is 1) and its
/// cells by column (A is index 0). Columns with no cell between two cells are `nil`;
/// trailing empty columns are not stored.
public struct SheetRow: Hashable, Sendable {
    public var number: Int
    public var cells: [SheetCell?]

    public init(number: Int, cells: [SheetCell?]) {
        self.number = number
        self.cells = cells
    }

    public subscript(column: Int) -> SheetCell? { column < cells.count ? cells[column] : nil }

    /// True when no cell has anything in it.
    public var isBlank: Bool { cells.allSatisfy { $0?.isBlank ?? true } }
}
