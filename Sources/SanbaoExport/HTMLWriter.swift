import SanbaoCore

/// One self-contained printable page: no scripts, no external fonts, images or styles.
/// A4 print CSS; the totals drawn as inline SVG bars; every text escaped.
struct HTMLWriter {
    var tables: ReportTables
    var report: SummaryReport { tables.report }
    var language: Language { tables.language }

    func t(_ zh: String, _ en: String) -> String { tables.t(zh, en) }
    func t(_ b: Bilingual) -> String { b.text(language) }

    static func escape(_ text: String) -> String {
        var out = ""
        for ch in TextTools.cleaned(text) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    func e(_ text: String) -> String { Self.escape(text) }

    /// Colours per state; each segment also carries the state's letter so a black-and-white
    /// print still tells them apart.
    static let colours: [IndicatorState: (fill: String, ink: String)] = [
        .met: ("#2e7d32", "#ffffff"), .notMet: ("#c62828", "#ffffff"), .followUp: ("#ef8f00", "#000000"),
        .unchecked: ("#9e9e9e", "#000000"), .notApplicable: ("#e0e0e0", "#000000"),
    ]

    static let css = """
    @page { size: A4; margin: 15mm }
    * { box-sizing: border-box }
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif;
           font-size: 10pt; line-height: 1.4; color: #000; background: #fff; margin: 0 auto; padding: 8mm; max-width: 277mm }
    h1 { font-size: 16pt; margin: 0 0 4mm }
    h2 { font-size: 13pt; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid }
    h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; page-break-after: avoid }
    table { border-collapse: collapse; width: 100%; margin: 0 0 3mm }
    th, td { border: 0.5pt solid #777; padding: 1mm 1.5mm; vertical-align: top; text-align: left }
    th { background: #e8e8e8 }
    td.n { text-align: right; font-variant-numeric: tabular-nums }
    thead { display: table-header-group }
    tr { break-inside: avoid; page-break-inside: avoid }
    .pre { white-space: pre-wrap }
    .meta th { width: 30% }
    .warn { border: 1pt solid #c62828; padding: 2mm; margin: 2mm 0 }
    .empty { border: 1pt dashed #777; padding: 4mm; font-size: 12pt }
    .legend span { margin-right: 4mm; white-space: nowrap }
    .sw { display: inline-block; width: 3mm; height: 3mm; border: 0.5pt solid #000; vertical-align: middle; margin-right: 1mm }
    .chart { break-inside: avoid; page-break-inside: avoid; margin: 0 0 3mm }
    .st { font-family: monospace; white-space: nowrap }
    table.households, table.gaps, table.clashes { font-size: 8pt }
    table.households td.pre { min-width: 40mm }
    footer { margin-top: 6mm; font-size: 8pt; color: #444 }
    @media print { body { padding: 0; max-width: none } }
    """

    func render() -> String {
        var h = "<!DOCTYPE html>\n"
        h += "<html lang=\"\(language == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<meta name=\"generator\" content=\"Sanbao \(e(report.sanbaoVersion))\">\n"
        h += "<title>\(e(tables.title))</title>\n<style>\n\(Self.css)\n</style>\n</head>\n<body>\n"
        h += "<h1>\(e(tables.title))</h1>\n"
        for w in report.warnings { h += "<p class=\"warn\">\(e(t(w)))</p>\n" }
        if report.isEmpty { h += "<p class=\"empty\" id=\"empty\">\(e(tables.emptyMessage))</p>\n" }
        h += section("overview", t("概况", "Overview"), metaTable(tables.overview))
        h += section("totals", t("六项指标汇总", "Totals per indicator"), charts() + totalsTable())
        h += section("gaps", t("问题清单", "Gap list"), table(tables.gaps, only: Self.gapColumns))
        h += section("households", t("户明细", "Households"), householdTable())
        if report.kind == .rollup { h += section("clashes", t("重复户", "Households in several files"), table(tables.clashes)) }
        h += "<footer>\(e(t("三保", "Sanbao"))) \(e(report.sanbaoVersion)) · \(e(t("生成时间", "generated"))) \(e(report.generatedAt))</footer>\n"
        return h + "</body>\n</html>\n"
    }

    func section(_ id: String, _ title: String, _ body: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(e(title))</h2>\n\(body)</section>\n"
    }

    func cell(_ c: Cell, wrap: Bool) -> String {
        switch c {
        case .int(let n): return "<td class=\"n\">\(n)</td>"
        case .date(let d): return "<td class=\"st\">\(d)</td>"
        case .empty: return "<td></td>"
        case .text(let s): return s.contains("\n") || wrap ? "<td class=\"pre\">\(e(s))</td>" : "<td>\(e(s))</td>"
        }
    }

    func metaTable(_ table: ReportTable) -> String {
        var h = "<table class=\"meta\">\n<tbody>\n"
        for row in table.rows {
            h += "<tr><th scope=\"row\">\(e(row[0].text))</th>\(cell(row[1], wrap: true))</tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    /// The gap list's columns on paper: the household id and village code stay in the
    /// spreadsheet formats.
    static let gapColumns = ["number", "head", "village", "group", "cadre", "indicator", "state", "reasons", "measures",
                             "follow_up", "check_date"]

    func table(_ table: ReportTable, only keys: [String]? = nil) -> String {
        if table.placeholder { return "<p class=\"empty\">\(e(table.rows.first?.first?.text ?? ""))</p>\n" }
        let shown = keys.map { $0.compactMap(table.column) } ?? Array(table.columns.indices)
        var h = "<table class=\"\(table.kind.rawValue)\">\n<thead><tr>"
        for n in shown { h += "<th scope=\"col\">\(e(table.columns[n].title))</th>" }
        h += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            h += "<tr>" + shown.map { cell(row[$0], wrap: table.columns[$0].wrap) }.joined() + "</tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    // MARK: Totals

    var legend: String {
        var h = "<p class=\"legend\">"
        for s in StateCounts.order {
            let c = Self.colours[s]!
            h += "<span><i class=\"sw\" style=\"background:\(c.fill)\"></i>\(s.letter) \(e(t(s.label)))</span>"
        }
        return h + "</p>\n"
    }

    func charts() -> String {
        var h = legend
        h += chart(t("全部", "All households"), report.totals.all)
        if report.totals.villages.count > 1 {
            for v in report.totals.villages { h += chart("\(v.name)（\(v.code)）", v.tally) }
        }
        return h
    }

    /// One horizontal stacked bar per indicator, and one for "meets all six".
    func chart(_ title: String, _ tally: TallyRecord) -> String {
        let labelWidth = 110.0, barWidth = 440.0, countWidth = 150.0, rowHeight = 22.0, barHeight = 15.0
        let width = labelWidth + barWidth + countWidth
        let rows = Indicator.allCases.count + 1
        let height = Double(rows) * rowHeight + 8
        let total = max(tally.households, 1)
        var s = "<figure class=\"chart\">\n<figcaption><strong>\(e(title))</strong> · \(tally.households) \(e(t("户", "households")))</figcaption>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"\(e(title))\" font-family=\"sans-serif\" font-size=\"11\">\n"
        func row(_ n: Int, _ label: String, _ parts: [(IndicatorState, Int)], _ summary: String) {
            let y = 4 + Double(n) * rowHeight
            s += "<text x=\"0\" y=\"\(fmt(y + barHeight - 3))\">\(e(label))</text>\n"
            s += "<rect x=\"\(fmt(labelWidth))\" y=\"\(fmt(y))\" width=\"\(fmt(barWidth))\" height=\"\(fmt(barHeight))\" fill=\"none\" stroke=\"#777\" stroke-width=\"0.5\"/>\n"
            var x = labelWidth
            for (state, count) in parts where count > 0 {
                let w = barWidth * Double(count) / Double(total)
                let c = Self.colours[state]!
                s += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(w))\" height=\"\(fmt(barHeight))\" fill=\"\(c.fill)\" stroke=\"#000\" stroke-width=\"0.3\"><title>\(e(t(state.label))): \(count)</title></rect>\n"
                if w >= 22 {
                    s += "<text x=\"\(fmt(x + 3))\" y=\"\(fmt(y + barHeight - 3.5))\" fill=\"\(c.ink)\">\(e(String(state.letter)))\(count)</text>\n"
                }
                x += w
            }
            s += "<text x=\"\(fmt(labelWidth + barWidth + 6))\" y=\"\(fmt(y + barHeight - 3))\">\(e(summary))</text>\n"
        }
        for (n, i) in Indicator.allCases.enumerated() {
            let c = tally.indicators[i]
            let parts = StateCounts.order.map { ($0, c[$0]) }
            row(n, t(i.label), parts, t("达标 \(c.met) / \(tally.households)", "met \(c.met) / \(tally.households)"))
        }
        let failing = tally.households - tally.meetingStandard
        row(Indicator.allCases.count, t("六项全部达标", "All six"), [(.met, tally.meetingStandard), (.notMet, failing)],
            t("\(tally.meetingStandard) 户达标", "\(tally.meetingStandard) households"))
        return s + "</svg>\n</figure>\n"
    }

    func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// Totals per village and group: one row per scope, each indicator's states as
    /// letter-count pairs (`+40 X2 ?2`).
    func totalsTable() -> String {
        var h = "<table class=\"totals\">\n<thead><tr><th>\(e(t("范围", "Scope")))</th><th>\(e(t("户数", "Households")))</th>"
        h += "<th>\(e(t("六项全部达标", "All six")))</th><th>\(e(t("逾期", "Overdue")))</th>"
        for i in Indicator.allCases { h += "<th>\(e(t(i.label)))</th>" }
        h += "</tr></thead>\n<tbody>\n"
        for s in tables.scopes {
            let name = s.group.isEmpty ? (s.village.isEmpty ? s.level : "\(s.village)（\(s.code)）") : "\(s.village) \(s.group)"
            h += "<tr><th scope=\"row\">\(e(name))</th><td class=\"n\">\(s.tally.households)</td>"
            h += "<td class=\"n\">\(s.tally.meetingStandard)</td><td class=\"n\">\(s.tally.overdue)</td>"
            for i in Indicator.allCases {
                let c = s.tally.indicators[i]
                let parts = StateCounts.order.filter { c[$0] > 0 }.map { "\($0.letter)\(c[$0])" }
                h += "<td class=\"st\">\(e(parts.joined(separator: " ")))</td>"
            }
            h += "</tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    // MARK: Households

    func householdTable() -> String {
        if report.isEmpty { return "<p class=\"empty\">\(e(tables.emptyMessage))</p>\n" }
        var h = "<table class=\"households\">\n<thead><tr>"
        let heads = [t("户编号", "Number"), t("户主", "Head"), t("身份证号", "ID number"), t("村组", "Village/group"),
                     t("人口", "Members"), t("帮扶干部", "Cadre")]
            + Indicator.allCases.map { t($0.label) }
            + [t("上次走访", "Last check"), t("下次跟进", "Follow-up"), t("监测类型", "Monitoring"), t("期内走访记录", "Visit notes")]
        for x in heads { h += "<th scope=\"col\">\(e(x))</th>" }
        h += "</tr></thead>\n<tbody>\n"
        for r in report.households {
            h += "<tr><td>\(e(r.number))</td><td>\(e(r.head))</td><td class=\"st\">\(e(r.headIDNumber ?? ""))</td>"
            h += "<td>\(e(r.village + " " + r.group))</td><td class=\"n\">\(r.members)</td><td>\(e(r.cadre ?? ""))</td>"
            for i in Indicator.allCases {
                let state = r.indicators[i].state
                h += "<td class=\"st\" title=\"\(e(t(state.label)))\">\(e(String(state.letter)))</td>"
            }
            h += "<td class=\"st\">\(e(r.lastCheck?.date.description ?? ""))</td><td class=\"st\">\(e(r.nextFollowUp?.description ?? ""))</td>"
            h += "<td>\(e(r.monitoring.map { t($0.label) } ?? ""))</td>"
            h += "<td class=\"pre\">\(e(r.notes.map { "\($0.date) \($0.text)" }.joined(separator: "\n")))</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }
}
