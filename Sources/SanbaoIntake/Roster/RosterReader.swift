import SanbaoCore

/// Reads a roster, row by row, into a `Roster`: the header found by name, each row's
/// cells read into values, rows grouped into households by household number, and every
/// problem of every row collected before anything is decided.
public struct RosterReader: Sendable {
    /// The day the roster's pairings start (`--as-of`).
    public var asOf: LocalDate
    /// Bounds birth dates and ID numbers.
    public var today: LocalDate
    /// Cadres already in the data: a roster cadre with the same name and unit is that one.
    public var knownCadres: [Cadre]
    /// Village code → an address in the data, for names a roster without place columns lacks.
    public var knownVillages: [String: Address]
    public var date1904 = false

    public init(asOf: LocalDate, today: LocalDate, knownCadres: [Cadre] = [], knownVillages: [String: Address] = [:]) {
        self.asOf = asOf
        self.today = today
        self.knownCadres = knownCadres
        self.knownVillages = knownVillages
    }

    /// Reads every row `rows` gives (in file order) and assembles the households.
    public func read(_ rows: ((SheetRow) throws -> Void) throws -> Void) rethrows -> Roster {
        var roster = Roster()
        var header: RosterHeader?
        var seen = 0
        var lines: [RosterLine] = []
        try rows { row in
            guard let h = header else {
                seen += 1
                if seen <= RosterHeader.searchedRows, let found = RosterHeader(row) { header = found }
                return
            }
            guard !row.isBlank, roster.problems.count < Self.problemLimit else { return }
            let (line, problems) = RosterLineReader(header: h, today: today, date1904: date1904).read(row)
            roster.memberRows += 1
            roster.problems += problems
            if let line { lines.append(line) }
        }
        guard let header else {
            roster.problems.append(RosterProblem(.noHeader, row: nil, column: nil, Bilingual(
                zh: "前 \(RosterHeader.searchedRows) 行中找不到表头（应含 户编号、姓名、与户主关系、身份证号 等列名）",
                en: "no header in the first \(RosterHeader.searchedRows) rows (it should name columns such as 户编号, 姓名, 与户主关系, 身份证号)")))
            return roster
        }
        roster.headerRow = header.row
        roster.headerTitles = header.titles
        roster.columns = header.columns
        roster.unknownColumns = header.unknown
        let missing = header.missingRequired
        guard missing.isEmpty else {
            for c in missing {
                roster.problems.append(RosterProblem(.missingColumn, row: header.row, column: nil, Bilingual(
                    zh: "缺少“\(c.header)”列（也可写作：\(c.aliases.dropFirst().joined(separator: "、"))）",
                    en: "no column \"\(c.header)\" (also written \(c.aliases.dropFirst().joined(separator: ", ")))")))
            }
            return roster
        }
        var assembly = RosterAssembly(reader: self, header: header)
        assembly.assemble(lines)
        roster.householdCount = Set(lines.map(\.householdNumber)).count
        roster.content = RosterContent(households: assembly.households, cadres: assembly.cadres, stated: assembly.stated)
        roster.problems += assembly.problems
        // By row, and in the order found within a row.
        roster.problems = roster.problems.enumerated().sorted { ($0.element.row ?? 0, $0.offset) < ($1.element.row ?? 0, $1.offset) }.map(\.element)
        return roster
    }

    /// A file wrong throughout (a shifted column) stops being read after this many problems.
    public static let problemLimit = 100_000
}
