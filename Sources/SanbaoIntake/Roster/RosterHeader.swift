import SanbaoCore

/// Which column of the file holds which roster field, found by header name in any order.
/// A title row or blank rows may stand above the header: the header is the first of the
/// first rows that names at least three known columns.
public struct RosterHeader: Sendable {
    /// The header's row number.
    public let row: Int
    /// The header cells as written.
    public let titles: [String]
    /// Field → column index.
    let indexOf: [RosterColumn: Int]
    /// The same by `RosterColumn.ordinal`, for the per-cell lookup.
    let indexByOrdinal: [Int?]
    /// Header cells that name no known column, as written, in file order.
    public let unknown: [String]

    /// Rows searched for the header before giving up.
    public static let searchedRows = 20

    public init?(_ row: SheetRow) {
        var indexOf: [RosterColumn: Int] = [:]
        var unknown: [String] = []
        let titles = row.cells.map { $0.map { String($0.text.trimmingBlanks) } ?? "" }
        for (i, t) in titles.enumerated() where !t.isEmpty {
            if let c = RosterColumn.named(t), indexOf[c] == nil {
                indexOf[c] = i
            } else {
                unknown.append(t)
            }
        }
        guard indexOf.count >= 3 else { return nil }
        self.row = row.number
        self.titles = titles
        self.indexOf = indexOf
        indexByOrdinal = RosterColumn.allCases.map { indexOf[$0] }
        self.unknown = unknown
    }

    /// The fields this file has.
    public var columns: Set<RosterColumn> { Set(indexOf.keys) }

    /// The file's header for `column`, or Sanbao's when the file has none.
    public func title(_ column: RosterColumn) -> String {
        indexOf[column].map { titles[$0] } ?? column.header
    }

    /// The cell of `column` in `row`, or nil when the file has no such column or the cell is blank.
    public func cell(_ column: RosterColumn, in row: SheetRow) -> SheetCell? {
        guard let i = indexByOrdinal[column.ordinal], let c = row[i], !c.isBlank else { return nil }
        return c
    }

    /// Required columns the file lacks, with the village: a code, names, or neither
    /// (then the household number must begin with the village code, checked per row).
    public var missingRequired: [RosterColumn] { RosterColumn.required.filter { indexOf[$0] == nil } }
}
