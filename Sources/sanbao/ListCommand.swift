import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoStore
import SanbaoText

/// `sanbao list`: the roster, as a table or as the documented JSON contract.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: L("列出各户及每项指标的状态。", "List households with the state of each indicator."))

    @OptionGroup var options: GlobalOptions

    @Option(help: ArgumentHelp(L("只含这名干部（姓名或编号）帮扶的户。", "Only households paired with this cadre (name or id)."), valueName: "NAME"))
    var cadre: String?

    @Option(help: ArgumentHelp(L("只含这个 12 位村代码的户。", "Only households of this 12-digit village code."), valueName: "CODE"))
    var village: String?

    @Option(help: ArgumentHelp(L("只含这项指标未通过的户。", "Only households where this indicator does not pass."), valueName: "INDICATOR"))
    var failing: Indicator?

    @Flag(help: ArgumentHelp(L("输出 JSON（字段见 docs/cli.md）。", "Print JSON (see docs/cli.md for the fields).")))
    var json = false

    @OptionGroup var worklist: DueOptions

    func validate() throws { try worklist.validate() }

    func run() throws {
        let loaded = try loadForReading(options)
        if worklist.due {
            let rows = try RosterFilter(cadre: cadre, village: village, failing: failing).apply(loaded.dataset, on: options.date, options: options)
            let by = worklist.by ?? options.date
            return try DueList(worklist: Worklist(loaded.dataset, by: by, households: Set(rows.map(\.id))), by: by,
                               dataset: loaded.dataset, options: options).show(json: json)
        }
        let rows = try RosterFilter(cadre: cadre, village: village, failing: failing)
            .apply(loaded.dataset, on: options.date, options: options)
        if json {
            outJSON(try RosterJSON.encode(rows))
        } else {
            out(RosterTable.render(rows, on: options.date, language: options.language))
        }
    }
}

extension Indicator: ExpressibleByArgument {}

/// The roster filters shared by `list`, `open` and exports.
struct RosterFilter {
    var cadre: String?
    var village: String?
    var failing: Indicator?

    func apply(_ d: Dataset, on date: LocalDate, options: GlobalOptions) throws -> [RosterRow] {
        var rows = d.roster(on: date)
        if let cadre {
            let ids = d.cadreIDs(matching: cadre)
            guard !ids.isEmpty else {
                let known = d.cadres.map(\.name).joined(separator: ", ")
                warn("sanbao: " + options.say(Bilingual(zh: "没有名为“\(cadre)”的干部（现有：\(known)）",
                                                        en: "no cadre named \"\(cadre)\" (known: \(known))")))
                throw ExitCode(Exit.usage)
            }
            let paired = Set(d.households.filter { h in h.cadreID(on: date).map(ids.contains) ?? false }.map(\.id))
            rows = rows.filter { paired.contains($0.id) }
        }
        if let village {
            if let problem = DivisionCode.problem(village) {
                warn("sanbao: " + options.say(problem))
                throw ExitCode(Exit.usage)
            }
            rows = rows.filter { $0.villageCode == village }
        }
        if let failing { rows = rows.filter { !$0.state(failing).passes } }
        return rows
    }
}

/// `sanbao list --json`: a stable contract, documented in docs/cli.md.
enum RosterJSON {
    struct Row: Encodable {
        var id, number, head, village, villageCode, group: String
        var cadre: String?
        var members: Int
        var indicators: [String: String]
        var meetsStandard: Bool
        var lastCheck: String?
        var followUp: String?
        var overdue: Bool

        enum CodingKeys: String, CodingKey {
            case id, number, head, village
            case villageCode = "village_code"
            case group, cadre, members, indicators
            case meetsStandard = "meets_standard"
            case lastCheck = "last_check"
            case followUp = "follow_up"
            case overdue
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(number, forKey: .number)
            try c.encode(head, forKey: .head)
            try c.encode(village, forKey: .village)
            try c.encode(villageCode, forKey: .villageCode)
            try c.encode(group, forKey: .group)
            try c.encode(cadre, forKey: .cadre)
            try c.encode(members, forKey: .members)
            try c.encode(indicators, forKey: .indicators)
            try c.encode(meetsStandard, forKey: .meetsStandard)
            try c.encode(lastCheck, forKey: .lastCheck)
            try c.encode(followUp, forKey: .followUp)
            try c.encode(overdue, forKey: .overdue)
        }
    }

    static func encode(_ rows: [RosterRow]) throws -> String {
        let out = rows.map { r in
            Row(id: r.id, number: r.number, head: r.head, village: r.village, villageCode: r.villageCode,
                group: r.group, cadre: r.cadre, members: r.members,
                indicators: Dictionary(uniqueKeysWithValues: Indicator.allCases.map { ($0.rawValue, r.state($0).rawValue) }),
                meetsStandard: r.meetsStandard, lastCheck: r.lastCheck?.description,
                followUp: r.followUp?.description, overdue: r.overdue)
        }
        // Foundation pretty-prints an empty array as "[\n\n]"; a script expects [].
        if out.isEmpty { return "[]" }
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(out), as: UTF8.self)
    }
}

/// The roster as a plain-text table, aligned by display width (CJK is two cells).
enum RosterTable {
    static func render(_ rows: [RosterRow], on date: LocalDate, language: Language) -> String {
        let zh = language == .zh
        var lines: [String] = []
        let header = [DisplayWidth.fit(zh ? "户号" : "No.", width: 6), DisplayWidth.fit(zh ? "户主" : "Head", width: 8),
                      DisplayWidth.fit(zh ? "村组" : "Village/group", width: 14), DisplayWidth.fitRight(zh ? "人" : "Ppl", width: 3)]
            + Indicator.allCases.map { DisplayWidth.fit(zh ? String($0.label.zh.prefix(1)) : String($0.rawValue.prefix(2)), width: 2) }
            + [DisplayWidth.fit(zh ? "上次走访" : "Last visit", width: 10), zh ? "逾期" : "Overdue"]
        lines.append(header.joined(separator: " "))
        for r in rows {
            // Values are made safe before they are cut to their columns: a cut then falls
            // between whole `?`s, never inside what was an escape sequence.
            let cells = [DisplayWidth.fit(TerminalText.safe(r.number.suffix(4)), width: 6), DisplayWidth.fit(TerminalText.safe(r.head), width: 8),
                         DisplayWidth.fit(TerminalText.safe(r.village + r.group), width: 14), DisplayWidth.fitRight(String(r.members), width: 3)]
                + Indicator.allCases.map { DisplayWidth.fit(String(r.state($0).letter), width: 2) }
                + [DisplayWidth.fit(r.lastCheck?.description ?? "-", width: 10), r.overdue ? (zh ? "是" : "yes") : ""]
            lines.append(cells.joined(separator: " ").trailingSpacesRemoved)
        }
        let meeting = rows.filter(\.meetsStandard).count
        lines.append(zh ? "共 \(rows.count) 户，\(meeting) 户六项全部达标。 + 达标  X 未达标  ! 需跟进  - 不适用  ? 未检查"
                        : "\(rows.count) households, \(meeting) meet all six. + met  X not met  ! follow-up  - n/a  ? unchecked")
        return lines.joined(separator: "\n")
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
