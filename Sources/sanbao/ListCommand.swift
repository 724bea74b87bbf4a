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

    @Flag(help: ArgumentHelp(L("读取全部数据文件，不用花名册索引（结果相同，较慢）。", "Read every data file instead of the roster index (the same result, slower).")))
    var careful = false

    func run() throws {
        let filter = RosterFilter(cadre: cadre, village: village, failing: failing)
        if !careful, !worklist.due, let quick = try quickRoster() {
            warnProblems(quick.documents.problems, options)
            let rows = try filter.apply(quick.villages.joined().map(\.row), cadres: quick.documents.dataset.cadres, options: options)
            let stream = OutStream(json: json)
            if json { RosterJSON.write(rows, to: stream) } else { RosterTable.write(rows, language: options.language, to: stream) }
            stream.finish()
            return
        }
        let loaded = try loadForReading(options)
        let rows = try filter.apply(loaded.dataset, on: options.date, options: options)
        if worklist.due {
            let by = worklist.by ?? options.date
            return try DueList(worklist: Worklist(loaded.dataset, by: by, households: Set(rows.map(\.id))), by: by,
                               dataset: loaded.dataset, options: options).show(json: json)
        }
        if json {
            outJSON(try RosterJSON.encode(rows))
        } else {
            out(RosterTable.render(rows, on: options.date, language: options.language))
        }
    }

    /// The roster from the index when that says what reading everything would (`QuickRead`).
    func quickRoster() throws -> (documents: LoadResult, villages: [[RosterEntry]])? {
        do { return try QuickRead.roster(options.layout, on: options.date) } catch { throw fail(error, options) }
    }
}

extension Indicator: ExpressibleByArgument {}

/// The roster filters shared by `list`, `open` and exports.
struct RosterFilter {
    var cadre: String?
    var village: String?
    var failing: Indicator?

    func apply(_ d: Dataset, on date: LocalDate, options: GlobalOptions) throws -> [RosterRow] {
        try apply(d.roster(on: date), cadres: d.cadres, options: options)
    }

    /// `rows` filtered. A row's cadre is the household's on the day judged, so the
    /// households paired with the cadre are those of the rows that name them.
    func apply(_ all: [RosterRow], cadres: [Cadre], options: GlobalOptions) throws -> [RosterRow] {
        var rows = all
        if let cadre {
            let ids = Set(cadres.filter { $0.name == cadre || $0.id == cadre }.map(\.id))
            guard !ids.isEmpty else {
                let known = cadres.map(\.name).joined(separator: ", ")
                warn("sanbao: " + options.say(Bilingual(zh: "没有名为“\(cadre)”的干部（现有：\(known)）",
                                                        en: "no cadre named \"\(cadre)\" (known: \(known))")))
                throw ExitCode(Exit.usage)
            }
            let paired = Set(rows.filter { r in r.cadreID.map(ids.contains) ?? false }.map(\.id))
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
        let out = rows.map(Row.init)
        // Foundation pretty-prints an empty array as "[\n\n]"; a script expects [].
        if out.isEmpty { return "[]" }
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(out), as: UTF8.self)
    }
}

extension RosterJSON.Row {
    init(_ r: RosterRow) {
        self.init(id: r.id, number: r.number, head: r.head, village: r.village, villageCode: r.villageCode,
                  group: r.group, cadre: r.cadre, members: r.members,
                  indicators: Dictionary(uniqueKeysWithValues: Indicator.allCases.map { ($0.rawValue, r.state($0).rawValue) }),
                  meetsStandard: r.meetsStandard, lastCheck: r.lastCheck?.description,
                  followUp: r.followUp?.description, overdue: r.overdue)
    }
}

/// The roster as a plain-text table, aligned by display width (CJK is two cells).
enum RosterTable {
    static func render(_ rows: [RosterRow], on date: LocalDate, language: Language) -> String {
        ([header(language)] + rows.map { line($0, language) } + [footer(rows, language)]).joined(separator: "\n")
    }

    static func header(_ language: Language) -> String {
        let zh = language == .zh
        let header = [DisplayWidth.fit(zh ? "户号" : "No.", width: 6), DisplayWidth.fit(zh ? "户主" : "Head", width: 8),
                      DisplayWidth.fit(zh ? "村组" : "Village/group", width: 14), DisplayWidth.fitRight(zh ? "人" : "Ppl", width: 3)]
            + Indicator.allCases.map { DisplayWidth.fit(zh ? String($0.label.zh.prefix(1)) : String($0.rawValue.prefix(2)), width: 2) }
            + [DisplayWidth.fit(zh ? "上次走访" : "Last visit", width: 10), zh ? "逾期" : "Overdue"]
        return header.joined(separator: " ")
    }

    static func line(_ r: RosterRow, _ language: Language) -> String {
        let zh = language == .zh
        // Values are made safe before they are cut to their columns: a cut then falls
        // between whole `?`s, never inside what was an escape sequence.
        let cells = [DisplayWidth.fit(TerminalText.safe(r.number.suffix(4)), width: 6), DisplayWidth.fit(TerminalText.safe(r.head), width: 8),
                     DisplayWidth.fit(TerminalText.safe(r.village + r.group), width: 14), DisplayWidth.fitRight(String(r.members), width: 3)]
            + Indicator.allCases.map { DisplayWidth.fit(String(r.state($0).letter), width: 2) }
            + [DisplayWidth.fit(r.lastCheck?.description ?? "-", width: 10), r.overdue ? (zh ? "是" : "yes") : ""]
        return cells.joined(separator: " ").trailingSpacesRemoved
    }

    static func footer(_ rows: [RosterRow], _ language: Language) -> String {
        let meeting = rows.filter(\.meetsStandard).count
        return language == .zh ? "共 \(rows.count) 户，\(meeting) 户六项全部达标。 + 达标  X 未达标  ! 需跟进  - 不适用  ? 未检查"
            : "\(rows.count) households, \(meeting) meet all six. + met  X not met  ! follow-up  - n/a  ? unchecked"
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
