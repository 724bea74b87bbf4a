import Foundation
import SanbaoCore

/// Households' printable pages as one self-contained HTML document, one A4 page each:
/// what a cadre prints for the household's 明白卡 or 帮扶手册 and signs with it. Like the
/// summary's HTML it fetches nothing (styles inline, no scripts, fonts or images) and
/// escapes every value from the data.
public struct HouseholdPageDocument: Sendable {
    public var pages: [HouseholdPage]
    public var language: Language

    public init(pages: [HouseholdPage], language: Language) {
        self.pages = pages
        self.language = language
    }

    /// The document as UTF-8 bytes, ready for the store's `OutputFile`.
    public func render() -> Data {
        Data(HouseholdPageWriter(language: language).document(pages).utf8)
    }
}

/// Writes the document; one function per part of a page.
struct HouseholdPageWriter {
    var language: Language

    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
    func t(_ b: Bilingual) -> String { b.text(language) }
    func e(_ text: String) -> String { HTMLWriter.escape(text) }
    var listSeparator: String { t("；", "; ") }

    /// Letters and colours as the summary's HTML has them, so a black-and-white print still
    /// tells the states apart.
    static let css = """
    @page { size: A4; margin: 12mm }
    * { box-sizing: border-box }
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif;
           font-size: 9.5pt; line-height: 1.35; color: #000; background: #fff; margin: 0 auto; padding: 8mm; max-width: 210mm }
    .page { break-inside: avoid-page }
    .page + .page { break-before: page; page-break-before: always }
    h1 { font-size: 15pt; margin: 0 0 1mm; text-align: center }
    .sub { text-align: center; margin: 0 0 3mm; color: #333 }
    h2 { font-size: 11pt; margin: 3mm 0 1mm; break-after: avoid; page-break-after: avoid }
    table { border-collapse: collapse; width: 100%; margin: 0 0 1mm }
    th, td { border: 0.5pt solid #666; padding: 0.6mm 1.2mm; vertical-align: top; text-align: left }
    th { background: #eee; font-weight: bold }
    table.facts th { width: 16% }
    tr { break-inside: avoid; page-break-inside: avoid }
    .st { font-family: monospace; white-space: nowrap }
    .not_met { color: #c62828; font-weight: bold }
    .follow_up { color: #a85f00; font-weight: bold }
    .pre { white-space: pre-wrap }
    .muted { color: #555 }
    .overruled { font-style: italic }
    .signatures { display: flex; gap: 8mm; margin-top: 6mm }
    .signatures div { flex: 1; border-top: 0.5pt solid #000; padding-top: 1mm; min-height: 14mm }
    .empty { border: 1pt dashed #777; padding: 4mm; font-size: 12pt }
    footer { margin-top: 3mm; font-size: 7.5pt; color: #555 }
    @media print { body { padding: 0; max-width: none } }
    """

    func document(_ pages: [HouseholdPage]) -> String {
        let title = pages.count == 1
            ? t("\(pages[0].household.head?.name ?? pages[0].household.id) 户帮扶明白卡", "Household page: \(pages[0].household.head?.name ?? pages[0].household.id)")
            : t("帮扶明白卡（\(pages.count) 户）", "Household pages (\(pages.count) households)")
        var h = "<!DOCTYPE html>\n"
        h += "<html lang=\"\(language == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<meta name=\"generator\" content=\"Sanbao \(e(SanbaoVersion.current))\">\n"
        h += "<title>\(e(title))</title>\n<style>\n\(Self.css)\n</style>\n</head>\n<body>\n"
        if pages.isEmpty { h += "<p class=\"empty\" id=\"empty\">\(e(t("没有符合条件的户", "no households selected")))</p>\n" }
        for page in pages { h += self.page(page) }
        return h + "</body>\n</html>\n"
    }

    /// One household's page: who they are, the members, the six indicators, measures,
    /// the latest visits, the cadre, and room to sign.
    func page(_ p: HouseholdPage) -> String {
        let h = p.household
        var s = "<section class=\"page\" id=\"h-\(e(h.id))\">\n"
        s += "<h1>\(e(t("\(h.head?.name ?? "") 户帮扶明白卡", "Household page: \(h.head?.name ?? "")")))</h1>\n"
        s += "<p class=\"sub\">\(e(h.address.village + h.address.group)) · \(e(h.id)) · \(e(t("判定日期", "as of"))) \(p.date)</p>\n"
        s += facts(p)
        s += members(p)
        s += indicators(p)
        s += measures(p)
        s += checks(p)
        s += signatures(p)
        s += "<footer>\(e(t("三保", "Sanbao"))) \(e(SanbaoVersion.current)) · "
            + "\(e(t("状态按判定日期的户内情况和最近核查得出", "states as the household's facts and latest visits give them on that date")))</footer>\n"
        return s + "</section>\n"
    }

    func section(_ title: String, _ body: String) -> String { "<h2>\(e(title))</h2>\n" + body }

    func facts(_ p: HouseholdPage) -> String {
        let h = p.household, a = h.address
        let causes = [t(h.causes.main.label) + t("（主）", " (main)")] + h.causes.others.map { t($0.label) }
        var rows: [(String, String)] = [
            (t("户编号", "Number"), h.number),
            (t("地址", "Address"), [a.province, a.city, a.county, a.township, a.village, a.group].joined()),
            (t("户类型", "Type"), t(h.type.label)),
            (t("状态", "Status"), t(h.status.label)),
            (t("致贫原因", "Poverty causes"), causes.joined(separator: t("、", ", "))),
            (t("户主电话", "Household phone"), h.phone),
            (t("人口", "Members"), t("\(p.present.count) 人", "\(p.present.count)")),
        ]
        let cadre = p.cadre.map { [$0.name, $0.unit].filter { !$0.isEmpty }.joined(separator: t("，", ", ")) }
        rows.append((t("帮扶责任人", "Paired cadre"), cadre ?? t("（判定日期无结对干部）", "(no cadre paired on that date)")))
        rows.append((t("干部电话", "Cadre's phone"), p.cadre?.phone ?? ""))
        var out = "<table class=\"facts\">\n<tbody>\n"
        for pair in stride(from: 0, to: rows.count, by: 2) {
            out += "<tr>"
            for (k, v) in rows[pair..<min(pair + 2, rows.count)] { out += "<th scope=\"row\">\(e(k))</th><td>\(e(v))</td>" }
            out += rows.count - pair == 1 ? "<th></th><td></td></tr>\n" : "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    func members(_ p: HouseholdPage) -> String {
        let head = [t("姓名", "Name"), t("性别", "Sex"), t("与户主关系", "Relation"), t("年龄", "Age"), t("身份证号", "ID number"),
                    t("在校情况", "School"), t("健康状况", "Health"), t("劳动能力", "Labour"), t("医保", "Insured")]
        var out = "<table class=\"members\">\n<thead><tr>" + head.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for m in p.present {
            let cells = [m.name, t(m.sex.label), t(m.relation.label), String(m.birthDate.age(on: p.date)), m.idNumber ?? "-",
                         m.school.map { t($0.label) } ?? "-", health(m), t(m.labour.label),
                         m.insured.map { $0 ? t("已参保", "yes") : t("未参保", "no") } ?? "?"]
            out += "<tr>" + cells.enumerated().map { k, c in k == 4 ? "<td class=\"st\">\(e(c))</td>" : "<td>\(e(c))</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if !p.departed.isEmpty {
            out += "<p class=\"departed\"><strong>\(e(t("已减少人员", "Members who left")))</strong>\(e(t("：", ": ")))"
            out += p.departed.map { m in
                let left = m.left.map { t("，", ", ") + t($0.reason.label) + " \($0.date)" } ?? ""
                return e(m.name + t("（", " (") + t(m.relation.label) + left + t("）", ")"))
            }.joined(separator: e(listSeparator))
            out += "</p>\n"
        }
        return section(t("家庭成员", "Members"), out)
    }

    /// The health column as the household screen writes it: the kind, a disability grade,
    /// whether a chronic patient has the card.
    func health(_ m: Member) -> String {
        var text = t(m.health.label)
        if let g = m.disabilityGrade { text += t(" \(g) 级", " grade \(g)") }
        if m.health == .chronic, let card = m.chronicCard { text += card ? t("（有慢病卡）", " (card)") : t("（无慢病卡）", " (no card)") }
        return text
    }

    func indicators(_ p: HouseholdPage) -> String {
        let verdict = p.assessment.meetsStandard ? t("六项全部达标", "all six pass")
            : t("未达标：", "not passing: ") + p.assessment.failing.map { t($0.label) }.joined(separator: t("、", ", "))
        var out = "<p><strong>\(e(verdict))</strong></p>\n"
        out += "<table class=\"indicators\">\n<thead><tr><th>\(e(t("指标", "Indicator")))</th><th>\(e(t("状态", "State")))</th>"
            + "<th>\(e(t("原因", "Reasons")))</th></tr></thead>\n<tbody>\n"
        for i in Indicator.allCases {
            let a = p.assessment.indicators[i]!
            var reasons = e(a.reasons.map { t($0) }.joined(separator: listSeparator))
            if let why = p.overruled[i] { reasons += "<br><span class=\"overruled\">\(e(t(why)))</span>" }
            out += "<tr><th scope=\"row\">\(e(t(i.label)))</th><td class=\"st \(a.state.rawValue)\">\(e(String(a.state.letter) + " " + t(a.state.label)))</td>"
                + "<td class=\"pre\">\(reasons)</td></tr>\n"
        }
        return section(t("六项指标", "The six indicators"), out + "</tbody>\n</table>\n")
    }

    func measures(_ p: HouseholdPage) -> String {
        let list = p.household.measures
        guard !list.isEmpty else { return section(t("帮扶措施", "Assistance measures"), "<p class=\"muted\">\(e(t("暂无", "none recorded")))</p>\n") }
        var out = "<table class=\"measures\">\n<thead><tr>" + [t("开始", "From"), t("类别", "Kind"), t("措施", "Measure"),
                                                              t("金额（元）", "Amount (yuan)"), t("进展", "Progress")].map { "<th>\(e($0))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for m in list {
            let cells = ["\(m.start)", t(m.breakthrough.label), m.what, m.amount.map(Money.yuan) ?? "", t(m.progress.label)]
            out += "<tr>" + cells.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
        }
        return section(t("帮扶措施", "Assistance measures"), out + "</tbody>\n</table>\n")
    }

    func checks(_ p: HouseholdPage) -> String {
        let title = t("最近入户核查", "Latest visits")
        guard !p.latestChecks.isEmpty else { return section(title, "<p class=\"muted\">\(e(t("尚无检查记录", "no checks yet")))</p>\n") }
        var out = "<table class=\"checks\">\n<thead><tr><th>\(e(t("日期", "Date")))</th><th>\(e(t("干部", "Cadre")))</th>"
            + "<th>\(e(t("核查情况", "What was found")))</th></tr></thead>\n<tbody>\n"
        for c in p.latestChecks {
            var lines = findings(c)
            if !c.measures.isEmpty { lines.append(t("商定措施：", "Measures agreed: ") + c.measures.joined(separator: listSeparator)) }
            if let due = c.followUp { lines.append(t("跟进日期：", "Follow-up: ") + due.description) }
            if !c.note.isEmpty { lines.append(t("备注：", "Note: ") + c.note) }
            if c.confirmed { lines.append(t("户主已签字确认", "confirmed by the household")) }
            out += "<tr><td class=\"st\">\(c.date)</td><td>\(e(p.cadreName(c.cadreID)))</td><td class=\"pre\">\(e(lines.joined(separator: "\n")))</td></tr>\n"
        }
        return section(title, out + "</tbody>\n</table>\n")
    }

    /// A visit's findings, short enough for a page: a line per indicator the cadre chose a
    /// state for or wrote a note on, and the indicators left to the facts without a word
    /// named together on one line.
    func findings(_ c: Check) -> [String] {
        var lines: [String] = []
        var fromFacts: [String] = []
        for i in Indicator.allCases {
            guard let f = c.findings[i] else { continue }
            guard f.state != nil || !f.note.isEmpty else { fromFacts.append(t(i.label)); continue }
            let said = [f.state.map { t($0.label) }, f.note.isEmpty ? nil : f.note].compactMap { $0 }
            lines.append(t(i.label) + t("：", ": ") + said.joined(separator: t("，", ", ")))
        }
        if !fromFacts.isEmpty { lines.append(t("按事实判定：", "judged from the facts: ") + fromFacts.joined(separator: t("、", ", "))) }
        return lines
    }

    /// Lines to sign on: the household confirms what the page says, the cadre that it was
    /// gone through with them.
    func signatures(_ p: HouseholdPage) -> String {
        let date = t("日期：　　年　　月　　日", "Date:")
        return "<div class=\"signatures\">"
            + "<div>\(e(t("户主（签字）", "Head of household (signature)")))<br>\(e(date))</div>"
            + "<div>\(e(t("帮扶责任人（签字）", "Paired cadre (signature)")))<br>\(e(date))</div>"
            + "<div>\(e(t("村委会（盖章）", "Village committee (stamp)")))<br>\(e(date))</div>"
            + "</div>\n"
    }
}
