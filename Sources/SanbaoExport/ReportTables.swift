import SanbaoCore

/// A value in a table cell. Dates stay dates so XLSX can write real dates.
public enum Cell: Hashable, Sendable {
    case text(String)
    case int(Int)
    case date(LocalDate)
    case empty

    /// The cell as plain text: what CSV and HTML write.
    public var text: String {
        switch self {
        case .text(let s): s
        case .int(let n): String(n)
        case .date(let d): d.description
        case .empty: ""
        }
    }
}

/// The tables of a report. Every format but JSON is made of these.
public enum TableKind: String, CaseIterable, Hashable, Sendable {
    /// The header: selection, period, counts, thresholds, version, warnings.
    case overview
    /// Totals per indicator for the whole report, each village and each group.
    case summary
    /// One row per household.
    case households
    /// Every indicator that does not pass, with its reasons and the measures agreed.
    case gaps
    /// Households found in more than one input of a roll-up.
    case clashes
}

public struct Column: Hashable, Sendable {
    /// Stable English name of the column (the JSON field it comes from).
    public var key: String
    /// The heading, in the report's language.
    public var title: String
    /// Long text that should wrap in a spreadsheet cell.
    public var wrap: Bool

    public init(_ key: String, _ title: String, wrap: Bool = false) {
        self.key = key
        self.title = title
        self.wrap = wrap
    }
}

/// One rectangular table: a heading row and data rows. An empty table holds one row
/// whose first cell says why it is empty (`placeholder`).
public struct ReportTable: Hashable, Sendable {
    public var kind: TableKind
    /// The sheet name / section heading.
    public var title: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// The rows are only the "nothing here" message.
    public var placeholder: Bool

    public func column(_ key: String) -> Int? { columns.firstIndex { $0.key == key } }
}

/// A table whose rows are made one at a time into a `RowBuffer`: what CSV and XLSX render
/// from, on every core, without holding every cell of 200,000 households as a `Cell`.
/// `table` makes the whole `ReportTable` from it (for HTML and screen previews).
struct TableRows: Sendable {
    var kind: TableKind
    var title: String
    var columns: [Column]
    /// The rows are only the "nothing here" message.
    var placeholder: Bool
    var count: Int
    /// Adds the cells of row `i` to the buffer.
    var fill: @Sendable (Int, inout RowBuffer) -> Void

    /// The rows of a table already made.
    init(_ table: ReportTable) {
        self.init(kind: table.kind, title: table.title, columns: table.columns, placeholder: table.placeholder,
                  count: table.rows.count) { i, row in for cell in table.rows[i] { row.append(cell) } }
    }

    init(kind: TableKind, title: String, columns: [Column], placeholder: Bool, count: Int,
         fill: @escaping @Sendable (Int, inout RowBuffer) -> Void) {
        self.kind = kind
        self.title = title
        self.columns = columns
        self.placeholder = placeholder
        self.count = count
        self.fill = fill
    }

    var table: ReportTable {
        var row = RowBuffer()
        let rows = (0..<count).map { i -> [Cell] in
            row.removeAll()
            fill(i, &row)
            return row.asCells
        }
        return ReportTable(kind: kind, title: title, columns: columns, rows: rows, placeholder: placeholder)
    }
}

/// Turns a report into tables in one language.
public struct ReportTables: Sendable {
    public var report: SummaryReport
    public var language: Language

    public init(_ report: SummaryReport, language: Language) {
        self.report = report
        self.language = language
    }

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
    func t(_ b: Bilingual) -> String { b.text(language) }
    var listSeparator: String { t("；", "; ") }

    /// The tables a workbook holds, in sheet order: overview, summary, households, gaps,
    /// and clashes for a roll-up.
    public var all: [ReportTable] { allRows.map(\.table) }

    /// `all` as rows made on demand.
    var allRows: [TableRows] {
        var out = [TableRows(overview), TableRows(summary), householdRows, gapRows]
        if report.kind == .rollup || !report.clashes.isEmpty { out.append(TableRows(clashes)) }
        return out
    }

    func rows(_ kind: TableKind) -> TableRows {
        switch kind {
        case .households: householdRows
        case .gaps: gapRows
        default: TableRows(table(kind))
        }
    }

    public func table(_ kind: TableKind) -> ReportTable {
        switch kind {
        case .overview: overview
        case .summary: summary
        case .households: households
        case .gaps: gaps
        case .clashes: clashes
        }
    }

    // MARK: Texts shared with HTML

    public var title: String {
        let names = report.villages.map(\.name).joined(separator: t("、", ", "))
        let base = report.kind == .rollup ? t("乡镇汇总：帮扶户六项指标", "Township roll-up: six indicators of paired households")
                                          : t("帮扶户六项指标汇总", "Six indicators of paired households")
        return names.isEmpty ? base : names + " " + base
    }

    public var emptyMessage: String { t("没有符合条件的户", "no households selected") }

    func villageText(_ v: SummaryReport.Village) -> String { "\(v.name)（\(v.code)）" }

    var selectionText: String {
        var parts: [String] = []
        if !report.selection.villageCodes.isEmpty {
            parts.append(t("村代码 ", "village ") + report.selection.villageCodes.joined(separator: ", "))
        }
        if let c = report.selection.cadre { parts.append(t("帮扶干部 ", "cadre ") + c) }
        if report.kind == .rollup { return t("汇总 \(report.sources.count) 个文件", "\(report.sources.count) files combined") }
        return parts.isEmpty ? t("全部户", "all households") : parts.joined(separator: listSeparator)
    }

    func lines(_ table: [RulesConfig.YearLine]) -> String {
        table.sorted { $0.year < $1.year }.map { t("\($0.year) 年 \($0.yuan) 元", "\($0.year): \($0.yuan) yuan") }
            .joined(separator: listSeparator)
    }

    /// The thresholds as (label, text) pairs.
    public var thresholdLines: [(String, String)] {
        let r = report.thresholds
        let w = r.water
        return [
            (t("义务教育年龄", "Compulsory-school age"), t("\(r.schoolAgeMin)–\(r.schoolAgeMax) 岁", "\(r.schoolAgeMin)–\(r.schoolAgeMax) years")),
            (t("贫困线（人均纯收入）", "Poverty lines (per-capita net income)"), lines(r.povertyLines)),
            (t("监测线", "Monitoring lines"), r.monitoringLines.isEmpty ? t("无", "none") : lines(r.monitoringLines)),
            (t("饮水安全标准", "Safe-water thresholds"),
             t("每人每天不少于 \(w.litresPerPersonDay) 升（缺水地区 \(w.litresPerPersonDayScarce) 升）；往返取水不超过 \(w.maxRoundTripMinutes) 分钟、水平 \(w.maxHorizontalMetres) 米、垂直 \(w.maxVerticalMetres) 米；每年停水不超过 \(w.maxDaysCutPerYear) 天",
               "at least \(w.litresPerPersonDay) L per person per day (\(w.litresPerPersonDayScarce) L in water-scarce areas); round trip at most \(w.maxRoundTripMinutes) min, \(w.maxHorizontalMetres) m horizontal, \(w.maxVerticalMetres) m vertical; supply cut at most \(w.maxDaysCutPerYear) days a year")),
            (t("走访间隔", "Visit interval"), t("\(r.visitIntervalDays) 天", "\(r.visitIntervalDays) days")),
        ]
    }

    // MARK: Overview

    public var overview: ReportTable {
        let r = report
        var rows: [[Cell]] = []
        func add(_ label: String, _ value: Cell) { rows.append([.text(label), value]) }
        add(t("报表", "Report"), .text(title))
        if r.isEmpty { add(t("说明", "Note"), .text(emptyMessage)) }
        for w in r.warnings { add(t("注意", "Warning"), .text(t(w))) }
        let townships = r.villages.reduce(into: [String]()) { if !$0.contains($1.township) { $0.append($1.township) } }
        add(t("乡镇", "Township"), .text(townships.joined(separator: t("、", ", "))))
        add(t("村", "Villages"), .text(r.villages.map(villageText).joined(separator: t("、", ", "))))
        add(t("帮扶干部", "Cadres"), .text(r.cadres.map { $0.unit.isEmpty ? $0.name : "\($0.name)（\($0.unit)）" }
            .joined(separator: t("、", ", "))))
        add(t("筛选条件", "Selection"), .text(selectionText))
        add(t("统计期间起", "Period from"), .date(r.period.from))
        add(t("统计期间止（评估日期）", "Period to (assessment date)"), .date(r.period.to))
        add(t("户数", "Households"), .int(r.counts.households))
        add(t("六项全部达标户数", "Households meeting all six"), .int(r.counts.meetingStandard))
        add(t("期内走访户数", "Households visited in the period"), .int(r.counts.visitedInPeriod))
        add(t("逾期未走访户数", "Households overdue for a visit"), .int(r.counts.overdue))
        add(t("问题项数", "Failing indicators (gap list)"), .int(r.counts.gaps))
        if r.kind == .rollup { add(t("重复户数", "Households in several files"), .int(r.clashes.count)) }
        add(t("身份证号", "ID numbers"), .text(r.idNumbers == .full ? t("完整显示", "shown in full") : t("已遮盖", "masked")))
        add(t("生成时间", "Generated at"), .text(r.generatedAt))
        add(t("三保版本", "Sanbao version"), .text(r.sanbaoVersion))
        for (label, text) in thresholdLines { add(t("判定标准：", "Threshold: ") + label, .text(text)) }
        for s in r.sources {
            let flag = s.thresholdsMatch ? "" : t("（判定标准不同）", " (different thresholds)")
            let cadres = s.cadres.isEmpty ? "" : s.cadres.joined(separator: t("、", ", ")) + listSeparator
            add(t("来源文件", "Source file"), .text(t(
                "\(s.file)：\(cadres)\(s.households) 户；评估日期 \(s.period.to)；生成于 \(s.generatedAt)\(flag)",
                "\(s.file): \(cadres)\(s.households) households; assessed \(s.period.to); generated \(s.generatedAt)\(flag)")))
        }
        return ReportTable(kind: .overview, title: t("概况", "Overview"),
                           columns: [Column("item", t("项目", "Item")), Column("value", t("内容", "Value"), wrap: true)],
                           rows: rows, placeholder: false)
    }

    // MARK: Summary

    public var summaryColumns: [Column] {
        [Column("level", t("范围", "Level")), Column("village_code", t("村代码", "Village code")),
         Column("village", t("村", "Village")), Column("group", t("组", "Group")),
         Column("indicator", t("指标", "Indicator")), Column("households", t("户数", "Households")),
         Column("met", t("达标", "Met")), Column("not_met", t("未达标", "Not met")),
         Column("follow_up", t("需跟进", "Follow-up")), Column("unchecked", t("未检查", "Unchecked")),
         Column("not_applicable", t("不适用", "Not applicable")),
         Column("meeting_standard", t("六项全部达标户", "Households meeting all six")),
         Column("overdue", t("逾期未走访户", "Overdue households"))]
    }

    /// Each scope of the totals: (level, village code, village, group, tally).
    public var scopes: [(level: String, code: String, village: String, group: String, tally: TallyRecord)] {
        var out = [(t("全部", "all"), "", "", "", report.totals.all)]
        for v in report.totals.villages {
            out.append((t("村", "village"), v.code, v.name, "", v.tally))
            for g in v.groups { out.append((t("组", "group"), v.code, v.name, g.group, g.tally)) }
        }
        return out
    }

    public var summary: ReportTable {
        var rows: [[Cell]] = []
        for s in scopes {
            for i in Indicator.allCases {
                let c = s.tally.indicators[i]
                rows.append([.text(s.level), s.code.isEmpty ? .empty : .text(s.code), s.village.isEmpty ? .empty : .text(s.village),
                             s.group.isEmpty ? .empty : .text(s.group), .text(t(i.label)), .int(s.tally.households)]
                            + StateCounts.order.map { .int(c[$0]) }
                            + [.int(s.tally.meetingStandard), .int(s.tally.overdue)])
            }
        }
        return ReportTable(kind: .summary, title: t("汇总", "Summary"), columns: summaryColumns, rows: rows, placeholder: false)
    }

    // MARK: Households

    public var householdColumns: [Column] {
        var cols = [Column("number", t("户编号", "Household number")), Column("id", t("户ID", "Household ID")),
                    Column("head", t("户主", "Head")), Column("head_id_number", t("户主身份证号", "Head's ID number")),
                    Column("village", t("村", "Village")), Column("village_code", t("村代码", "Village code")),
                    Column("group", t("组", "Group")), Column("cadre", t("帮扶干部", "Cadre")),
                    Column("members", t("人口", "Members")), Column("type", t("户类型", "Household type")),
                    Column("monitoring", t("监测类型", "Monitoring category")),
                    Column("meets_standard", t("六项全部达标", "Meets all six"))]
        for i in Indicator.allCases {
            cols.append(Column(i.rawValue, t(i.label)))
            cols.append(Column(i.rawValue + "_reasons", t(i.label) + t("情况", " reasons"), wrap: true))
        }
        cols += [Column("last_check", t("上次走访", "Last check")), Column("next_follow_up", t("下次跟进", "Next follow-up")),
                 Column("overdue", t("逾期未走访", "Overdue")), Column("visits_in_period", t("期内走访次数", "Visits in period")),
                 Column("notes", t("期内走访记录", "Visit notes in period"), wrap: true)]
        if report.kind == .rollup { cols.append(Column("source", t("来源文件", "Source file"))) }
        return cols
    }


    public var households: ReportTable { householdRows.table }

    var householdRows: TableRows {
        let title = t("户明细", "Households")
        let cols = householdColumns
        guard !report.households.isEmpty else { return message(.households, title, cols, emptyMessage) }
        let households = report.households
        let maker = rowMaker
        return TableRows(kind: .households, title: title, columns: cols, placeholder: false,
                         count: households.count) { i, row in
            households.withUnsafeBufferPointer { maker.household($0, i, into: &row) }
        }
    }

    var rowMaker: RowMaker { RowMaker(language: language, rollup: report.kind == .rollup) }

    func message(_ text: String, width: Int) -> [Cell] {
        [.text(text)] + Array(repeating: .empty, count: max(0, width - 1))
    }

    /// A table holding only the message that says why it is empty.
    func message(_ kind: TableKind, _ title: String, _ columns: [Column], _ text: String) -> TableRows {
        TableRows(ReportTable(kind: kind, title: title, columns: columns, rows: [message(text, width: columns.count)],
                              placeholder: true))
    }

    // MARK: Gaps

    public var gapColumns: [Column] {
        [Column("number", t("户编号", "Household number")), Column("id", t("户ID", "Household ID")),
         Column("head", t("户主", "Head")), Column("village", t("村", "Village")), Column("group", t("组", "Group")),
         Column("cadre", t("帮扶干部", "Cadre")), Column("indicator", t("指标", "Indicator")),
         Column("state", t("状态", "State")), Column("reasons", t("原因", "Reasons"), wrap: true),
         Column("measures", t("商定措施", "Measures agreed"), wrap: true),
         Column("follow_up", t("跟进日期", "Follow-up date")), Column("check_date", t("核查日期", "Checked on"))]
    }

    public var gaps: ReportTable { gapRows.table }

    var gapRows: TableRows {
        let title = t("问题清单", "Gaps")
        let cols = gapColumns
        guard !report.gaps.isEmpty else {
            return message(.gaps, title, cols, report.isEmpty ? emptyMessage : t("没有未达标的指标", "no failing indicators"))
        }
        let gaps = report.gaps
        let maker = rowMaker
        return TableRows(kind: .gaps, title: title, columns: cols, placeholder: false,
                         count: gaps.count) { i, row in
            gaps.withUnsafeBufferPointer { maker.gap($0, i, into: &row) }
        }
    }

    // MARK: Clashes

    public var clashes: ReportTable {
        let cols = [Column("id", t("户ID", "Household ID")), Column("number", t("户编号", "Household number")),
                    Column("head", t("户主", "Head")), Column("kept", t("采用文件", "Kept from")),
                    Column("resolution", t("处理", "Resolution")), Column("entries", t("出现于", "Found in"), wrap: true)]
        var rows: [[Cell]] = report.clashes.map { c in
            let entries = c.entries.map { e in
                e.file + t("：", ": ") + (e.lastCheck.map { t("\($0.date)（\($0.id)，\($0.recordedAt)）", "\($0.date) (\($0.id), \($0.recordedAt))") }
                    ?? t("无核查", "never checked"))
            }
            return [.text(c.householdID), .text(c.number), .text(c.head), .text(c.kept), .text(t(c.resolution.label)),
                    .text(entries.joined(separator: "\n"))]
        }
        let placeholder = rows.isEmpty
        if placeholder { rows = [message(t("没有重复户", "no household appears twice"), width: cols.count)] }
        return ReportTable(kind: .clashes, title: t("重复户", "Clashes"), columns: cols, rows: rows, placeholder: placeholder)
    }
}
