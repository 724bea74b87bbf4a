import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoStore
import SanbaoText

/// `sanbao show ID`: one household, its indicators with reasons and its checks.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: L("显示一户：家庭成员、六项指标及原因、检查记录（最新在前）。", "Show one household: members, the six indicators with reasons, checks newest first."))

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp(L("户编号（621121103201-0001）、户号，或其末尾几位（0001，只对应一户时）。", "Household id (621121103201-0001), household number, or the end of either (0001) when it names one household."), valueName: "ID"))
    var id: String

    @Flag(help: ArgumentHelp(L("显示完整身份证号（默认隐去中间位）。", "Show ID numbers in full instead of masked.")))
    var fullIds = false

    @Flag(help: ArgumentHelp(L("输出 JSON。", "Print JSON.")))
    var json = false

    @Flag(help: ArgumentHelp(L("读取全部数据文件，而不只读该户所在的村（结果相同，较慢）。", "Read every data file, not only the household's village (the same result, slower).")))
    var careful = false

    func run() throws {
        let quick = careful ? nil : try loadVillageForReading(holding: id, options)
        let d = try (quick ?? loadForReading(options)).dataset
        let h = try resolveHousehold(id, in: d, options)
        let view = HouseholdView(household: h, dataset: d, on: options.date, fullIDs: fullIds)
        if json { outJSON(try view.json(options.language)) } else { out(view.text(options.language)) }
    }
}

/// A household prepared for display: assessed, checks newest first, IDs masked.
struct HouseholdView {
    var household: Household
    var assessment: HouseholdAssessment
    var checks: [Check]
    var cadres: [String: Cadre]
    /// Which indicators' facts a visit's observation decides, and its date.
    var sources: CurrentFacts

    init(household: Household, dataset: Dataset, on date: LocalDate, fullIDs: Bool) {
        // What every view shows is the facts: the record with the observations of its
        // checks laid over it, each fact as recorded last, as the rules judge them (an
        // uninsured member found on a visit is shown uninsured, not as the registration
        // had it; a house recorded reinforced after that visit is shown reinforced).
        let mine = dataset.checks.filter { $0.householdID == household.id }
        let times = FactTimes(dataset.edits, of: household.id)
        sources = household.currentFacts(checks: mine, times: times, on: date)
        var h = sources.household
        if !fullIDs {
            for i in h.members.indices { h.members[i].idNumber = h.members[i].idNumber.map(IDNumber.masked) }
        }
        self.household = h
        var clock: [String: FactTimes] = [:]
        clock[household.id] = times
        assessment = Assessor(config: dataset.rules, clock: FactClock(single: clock)).assess(household, checks: mine, on: date)
        checks = CheckHistory.chronological(mine).reversed()
        cadres = Dictionary(dataset.cadres.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func cadreName(_ id: String) -> String { cadres[id]?.name ?? id }

    func text(_ lang: Language) -> String {
        let zh = lang == .zh
        let h = household
        let a = h.address
        var out: [String] = []
        out.append("\(a.village)\(a.group)  \(h.head?.name ?? "")  [\(h.id)]")
        out.append((zh ? "户编号 " : "Number ") + h.number + "  " + (zh ? "电话 " : "Phone ") + h.phone)
        out.append((zh ? "地址 " : "Address ") + [a.province, a.city, a.county, a.township, a.village, a.group].joined())
        out.append((zh ? "类型 " : "Type ") + h.type.label.text(lang) + "  " + (zh ? "状态 " : "Status ") + h.status.label.text(lang))
        let causes = [h.causes.main.label.text(lang) + (zh ? "（主）" : " (main)")] + h.causes.others.map { $0.label.text(lang) }
        out.append((zh ? "致贫原因 " : "Poverty causes ") + causes.joined(separator: zh ? "、" : ", "))
        for p in h.pairings.sorted(by: { $0.start < $1.start }) {
            let c = cadres[p.cadreID]
            let span = "\(p.start) – " + (p.end.map { "\($0)" } ?? (zh ? "至今" : "now"))
            out.append((zh ? "帮扶干部 " : "Cadre ") + "\(c?.name ?? p.cadreID)（\(c?.unit ?? "")，\(c?.phone ?? "")）\(span)")
        }
        out.append("")
        out.append(zh ? "家庭成员" : "Members")
        out += memberTable(lang)
        let departed = h.departed(by: assessment.date)
        if !departed.isEmpty {
            out.append(zh ? "已减少人员" : "Members who left")
            for m in departed {
                let left = m.left.map { "\($0.reason.label.text(lang)) \($0.date)" } ?? ""
                out.append("  " + DisplayWidth.fit(TerminalText.safe(m.name), width: 8) + " "
                           + DisplayWidth.fit(m.relation.label.text(lang), width: 10) + " " + left)
            }
        }
        out.append("")
        out.append((zh ? "六项指标（" : "Indicators (") + "\(assessment.date)" + (zh ? "）" : ")")
            + (assessment.meetsStandard ? (zh ? "  全部达标" : "  all pass") : ""))
        for i in Indicator.allCases {
            let s = assessment.indicators[i]!
            let said = (sources.source(of: i).map { [$0] } ?? []) + s.reasons
            let reasons = said.map { $0.text(lang) }.joined(separator: zh ? "；" : "; ")
            out.append("  " + DisplayWidth.fit(i.label.text(lang), width: zh ? 5 : 16)
                       + "\(s.state.letter) " + DisplayWidth.fit(s.state.label.text(lang), width: 10) + reasons)
        }
        if !h.measures.isEmpty {
            out.append("")
            out.append(zh ? "帮扶措施" : "Assistance measures")
            for m in h.measures {
                let amount = m.amount.map { "  " + Money.yuan($0) + (zh ? " 元" : " yuan") } ?? ""
                out.append("  \(m.start)  [\(m.breakthrough.label.text(lang))] \(m.what)  \(m.progress.label.text(lang))\(amount)")
            }
        }
        out.append("")
        out.append(zh ? "检查记录（最新在前）" : "Checks (newest first)")
        if checks.isEmpty { out.append(zh ? "  尚无检查记录" : "  no checks yet") }
        for c in checks { out += checkLines(c, lang) }
        // One element, one line: a line feed or control character in a value is a `?`.
        return out.map { TerminalText.safe($0) }.joined(separator: "\n")
    }

    /// The members as lines of a table; names are made safe before they are fitted.
    func memberTable(_ lang: Language) -> [String] {
        let zh = lang == .zh
        let head = [DisplayWidth.fit(zh ? "姓名" : "Name", width: 8), DisplayWidth.fit(zh ? "关系" : "Relation", width: 10),
                    DisplayWidth.fitRight(zh ? "年龄" : "Age", width: 4), DisplayWidth.fit(zh ? "身份证号" : "ID number", width: 18),
                    DisplayWidth.fit(zh ? "就学" : "School", width: 14), DisplayWidth.fit(zh ? "医保" : "Insured", width: 7),
                    zh ? "健康" : "Health"]
        var lines = ["  " + head.joined(separator: " ")]
        for m in household.members where m.isPresent(on: assessment.date) {
            let insured = m.insured.map { $0 ? (zh ? "已参保" : "yes") : (zh ? "未参保" : "NO") } ?? "?"
            var health = m.health.label.text(lang)
            if let g = m.disabilityGrade { health += zh ? " \(g) 级" : " grade \(g)" }
            let row = [DisplayWidth.fit(TerminalText.safe(m.name), width: 8), DisplayWidth.fit(m.relation.label.text(lang), width: 10),
                       DisplayWidth.fitRight(String(m.birthDate.age(on: assessment.date)), width: 4),
                       DisplayWidth.fit(m.idNumber ?? "-", width: 18),
                       DisplayWidth.fit(m.school?.label.text(lang) ?? "-", width: 14), DisplayWidth.fit(insured, width: 7), health]
            lines.append("  " + row.joined(separator: " "))
        }
        return lines
    }

    func checkLines(_ c: Check, _ lang: Language) -> [String] {
        let zh = lang == .zh
        var out: [String] = []
        var title = "  \(c.date)  \(c.id)  \(cadreName(c.cadreID))"
        if c.confirmed { title += zh ? "  户主已签字确认" : "  confirmed by household" }
        if let s = c.supersedes { title += zh ? "  （更正 \(s)）" : "  (corrects \(s))" }
        out.append(title)
        for i in Indicator.allCases {
            guard let f = c.findings[i] else { continue }
            let state = f.state.map { $0.label.text(lang) } ?? (zh ? "按事实判定" : "from facts")
            out.append("      " + DisplayWidth.fit(i.label.text(lang), width: zh ? 5 : 16) + state
                       + (f.note.isEmpty ? "" : "  " + f.note.replacingOccurrences(of: "\n", with: " ")))
        }
        if !c.measures.isEmpty { out.append("      " + (zh ? "商定措施：" : "Measures agreed: ") + c.measures.joined(separator: zh ? "；" : "; ")) }
        if let f = c.followUp { out.append("      " + (zh ? "跟进日期：" : "Follow-up: ") + f.description) }
        if !c.note.isEmpty { out.append("      " + (zh ? "备注：" : "Note: ") + c.note.replacingOccurrences(of: "\n", with: " ")) }
        return out
    }

    func json(_ lang: Language) throws -> String {
        /// The visit whose observation decides the indicator's facts; written as `null`
        /// when the record decides, so the key is always there.
        struct DecidedBy: Encodable { var check: String; var date: String }
        struct IndicatorOut: Encodable {
            var state: String
            var reasons: [String]
            var decidedBy: DecidedBy?
            enum CodingKeys: String, CodingKey { case state, reasons, decidedBy = "decided_by" }
            func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(state, forKey: .state)
                try c.encode(reasons, forKey: .reasons)
                try c.encode(decidedBy, forKey: .decidedBy)
            }
        }
        struct Out: Encodable {
            var household: Household
            var cadre: Cadre?
            var indicators: [String: IndicatorOut]
            var meetsStandard: Bool
            var lastCheck: String?
            var overdue: Bool
            var checks: [Check]
            enum CodingKeys: String, CodingKey {
                case household, cadre, indicators
                case meetsStandard = "meets_standard"
                case lastCheck = "last_check"
                case overdue, checks
            }
        }
        let out = Out(
            household: household,
            cadre: household.cadreID(on: assessment.date).flatMap { cadres[$0] },
            indicators: Dictionary(uniqueKeysWithValues: assessment.indicators.map { (i: Indicator, a: Assessment) -> (String, IndicatorOut) in
                let decided = sources.observedIn[i].flatMap { id in sources.observedOn[i].map { DecidedBy(check: id, date: $0.description) } }
                return (i.rawValue, IndicatorOut(state: a.state.rawValue, reasons: a.reasons.map { $0.text(lang) }, decidedBy: decided))
            }),
            meetsStandard: assessment.meetsStandard, lastCheck: assessment.lastCheck?.description,
            overdue: assessment.overdue, checks: checks)
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(out), as: UTF8.self)
    }
}
