import SanbaoCore

/// The cells of one roster row as domain values, each refusal a problem naming the row,
/// the column as the file heads it, what was found and what is accepted.
struct CellReader {
    let header: RosterHeader
    let row: SheetRow
    let today: LocalDate
    let date1904: Bool
    private(set) var problems: [RosterProblem] = []

    init(header: RosterHeader, row: SheetRow, today: LocalDate, date1904: Bool) {
        self.header = header
        self.row = row
        self.today = today
        self.date1904 = date1904
    }

    mutating func add(_ kind: RosterProblem.Kind, _ column: RosterColumn, _ message: Bilingual) {
        problems.append(RosterProblem(kind, row: row.number, column: header.title(column), message))
    }

    mutating func missing(_ column: RosterColumn) {
        add(.missingValue, column, Bilingual(zh: "不能为空", en: "must not be empty"))
    }

    /// The cell's text without surrounding blanks, nil when blank or absent.
    func text(_ column: RosterColumn) -> String? {
        header.cell(column, in: row).map { Self.unguarded($0.text.hasBlankEnds ? String($0.text.trimmingBlanks) : $0.text) }
    }

    /// A CSV export (Sanbao's, or a careful township's) puts `'` before text that a
    /// spreadsheet would take for a formula (`'+8613900000001`); that quote is not data.
    static func unguarded(_ text: String) -> String {
        guard text.utf8.first == 0x27, let next = text.utf8.dropFirst().first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(next) else { return text }
        return String(text.dropFirst())
    }

    /// A value of a closed vocabulary; an unknown wording names the accepted ones.
    mutating func word<T>(_ column: RosterColumn, _ wording: Wording<T>) -> T? {
        guard let t = text(column) else { return nil }
        if let v = wording.value(t) { return v }
        unknownWording(column, t, wording.accepted)
        return nil
    }

    /// Like `word`, where "无" says the household has none (a monitoring category).
    mutating func optionalWord<T>(_ column: RosterColumn, _ wording: Wording<T>) -> T?? {
        guard let t = text(column) else { return nil }
        if Wordings.meansNone(t) { return .some(nil) }
        return word(column, wording).map { .some($0) }
    }

    /// Several values in one cell, separated by 、，,；;/ or blanks.
    mutating func words<T>(_ column: RosterColumn, _ wording: Wording<T>) -> [T]? {
        guard let t = text(column) else { return nil }
        if Wordings.meansNone(t) { return [] }
        var out: [T] = []
        // Separated by 、，,；;/ or blanks.
        for part in t.unicodeScalars.split(whereSeparator: { [0x3001, 0xFF0C, 0x2C, 0xFF1B, 0x3B, 0x2F, 0x20, 0x3000].contains($0.value) }).map(String.init) {
            if let v = wording.value(part) { out.append(v) } else { unknownWording(column, part, wording.accepted) }
        }
        return out
    }

    mutating func unknownWording(_ column: RosterColumn, _ found: String, _ accepted: [String]) {
        var seen = Set<String>()
        let shown = accepted.filter { seen.insert($0).inserted && !$0.allSatisfy(\.isASCII) }.prefix(14)
        add(.unknownWording, column, Bilingual(
            zh: "无法识别“\(found)”；可填：\(shown.joined(separator: "、"))",
            en: "\"\(found)\" is not a known wording; accepted: \(shown.joined(separator: ", "))"))
    }

    /// A whole number in `range`, written as a number or as text (`2`, `2.0`, `2级`).
    mutating func integer(_ column: RosterColumn, _ range: ClosedRange<Int>, unit: String) -> Int? {
        guard let cell = header.cell(column, in: row) else { return nil }
        var t = String(cell.text.trimmingBlanks)
        if t.hasSuffix(unit) { t.removeLast(unit.count) }
        let value: Int? = Double(t).flatMap { $0 == $0.rounded() && abs($0) < 1e9 ? Int($0) : nil }
            ?? Self.chineseNumerals[t]
        guard let value, range.contains(value) else {
            add(.badNumber, column, Bilingual(zh: "“\(cell.text)”应为 \(range.lowerBound) 到 \(range.upperBound) 的整数",
                                              en: "\"\(cell.text)\" should be a whole number from \(range.lowerBound) to \(range.upperBound)"))
            return nil
        }
        return value
    }

    static let chineseNumerals: [String: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12]

    /// A year: `2019`, `2019年`, `2019.0`, or a date in that year.
    mutating func year(_ column: RosterColumn) -> Int? {
        guard let cell = header.cell(column, in: row) else { return nil }
        var t = String(cell.text.trimmingBlanks)
        if t.hasSuffix("年") { t.removeLast() }
        if let y = Double(t).flatMap({ $0 == $0.rounded() ? Int($0) : nil }), (1980...today.year).contains(y) { return y }
        if let d = LocalDate(written: t), d <= today { return d.year }
        add(.badNumber, column, Bilingual(zh: "“\(cell.text)”不是年份（如 2019）", en: "\"\(cell.text)\" is not a year (such as 2019)"))
        return nil
    }

    /// A day: a date cell (serial number), ISO text, or any way people write a date.
    mutating func date(_ column: RosterColumn) -> LocalDate? {
        guard let cell = header.cell(column, in: row) else { return nil }
        let t = String(cell.text.trimmingBlanks)
        var d: LocalDate?
        if cell.kind == .number, let serial = Double(t), serial == serial.rounded(), serial < 3_000_000 {
            // A serial day number; an 8-digit number is a date typed without separators.
            d = serial >= 10_000_000 ? LocalDate(compact: String(Int(serial))) : LocalDate(spreadsheetSerial: Int(serial), date1904: date1904)
        } else {
            d = LocalDate(written: t)
        }
        guard let d else {
            add(.badDate, column, Bilingual(zh: "“\(cell.text)”不是日期；请写成 2026-01-31 或 2026/1/31",
                                            en: "\"\(cell.text)\" is not a date; write it as 2026-01-31 or 2026/1/31"))
            return nil
        }
        if d > today {
            add(.badDate, column, Bilingual(zh: "日期 \(d) 在未来", en: "date \(d) is in the future"))
            return nil
        }
        return d
    }
}
