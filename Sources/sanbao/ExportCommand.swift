import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoExport
import SanbaoStore
import SanbaoTUI

extension ExportFormat: ExpressibleByArgument {}
extension TableKind: ExpressibleByArgument {}

/// What `--table` names: one table of the summary (CSV), or `roster`, the members roster
/// in the township's own layout (XLSX or CSV) that `sanbao intake` reads back.
enum TableChoice: ExpressibleByArgument, Equatable {
    case report(TableKind)
    case roster

    init?(argument: String) {
        if argument == "roster" { self = .roster; return }
        guard let kind = TableKind(rawValue: argument) else { return nil }
        self = .report(kind)
    }

    static var allValueStrings: [String] { TableKind.allCases.map(\.rawValue) + ["roster"] }
}

/// Options shared by `export` and `rollup`: where and how to write the summary file.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(L("xlsx、csv、json 或 html（默认按 -o 的扩展名）。", "xlsx, csv, json or html (default: from the extension of -o)."), valueName: "FORMAT"))
    var format: ExportFormat?

    @Option(name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp(L("要写的文件；- 表示标准输出。", "The file to write, or - for standard output."), valueName: "FILE"))
    var output: String

    @Flag(help: ArgumentHelp(L("文件已存在时覆盖。", "Replace FILE if it exists.")))
    var force = false

    @Flag(help: ArgumentHelp(L("显示完整身份证号（默认隐去中间位）。", "Show ID numbers in full instead of masked.")))
    var fullIds = false

    @Option(help: ArgumentHelp(L("CSV：写汇总中的哪张表（默认 households）；或 roster（XLSX 或 CSV）：乡镇格式的成员花名册，sanbao intake 可读回。", "CSV: which table of the summary the file holds (default: households); or roster (XLSX or CSV): the members roster in the township's layout, which sanbao intake reads."), valueName: "TABLE"))
    var table: TableChoice?

    @Flag(help: ArgumentHelp(L("仅 CSV：不写 UTF-8 BOM。", "CSV only: no UTF-8 byte-order mark.")))
    var noBom = false

    /// The format to write, and the render options; a usage error (64) when they clash.
    func resolve(_ options: GlobalOptions) throws -> (ExportFormat, RenderOptions) {
        guard let format = format ?? ExportFormat(fileName: output) else {
            warn("sanbao: " + options.say(Bilingual(zh: "请用 --format 指定格式：xlsx、csv、json 或 html",
                                                    en: "say which format with --format: xlsx, csv, json or html")))
            throw ExitCode(Exit.usage)
        }
        if table == .roster && format != .csv && format != .xlsx {
            warn("sanbao: " + options.say(Bilingual(zh: "花名册（--table roster）只能写成 xlsx 或 csv", en: "the roster (--table roster) is written as xlsx or csv")))
            throw ExitCode(Exit.usage)
        }
        if format != .csv && ((table != nil && table != .roster) || noBom) {
            warn("sanbao: " + options.say(Bilingual(zh: "--table 和 --no-bom 只用于 CSV", en: "--table and --no-bom apply to CSV only")))
            throw ExitCode(Exit.usage)
        }
        var csvTable = TableKind.households
        if case .report(let kind)? = table { csvTable = kind }
        return (format, RenderOptions(language: options.language, csvTable: csvTable, bom: !noBom))
    }

    /// FILE, replaced only with --force.
    var file: OutputFile { OutputFile(output, replacing: force) }

    /// Refuses (73) when FILE exists and --force was not given; nothing is written then.
    func refuseOverwrite(_ options: GlobalOptions) throws {
        guard output != "-" else { return }
        do { try file.check() } catch { throw fail(error, options) }
    }

    /// Writes `data` whole: atomically to FILE (never half a file), or to standard output.
    func write(_ data: Data, _ options: GlobalOptions) throws {
        if output == "-" {
            outFile(data)
            return
        }
        do { try file.write(data) } catch { throw fail(error, options) }
    }

    /// The "wrote FILE" line: on standard output, or standard error when the file itself went there.
    func report(_ text: Bilingual, _ options: GlobalOptions) {
        if output == "-" { warn("sanbao: " + options.say(text)) } else { out(options.say(text)) }
    }
}

/// `sanbao export`: the summary file a cadre hands up to the township.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: L("写给乡镇的汇总文件：XLSX、CSV、JSON 或可打印的 HTML 报告。", "Write the summary file for the township: XLSX, CSV, JSON or a printable HTML report."),
        discussion: L("按 --to（默认今天）判定状态。--from（默认 --to 之前 12 个月）到 --to 之间的检查算作期间内走访。身份证号隐去中间位，除非 --full-ids。文件要么完整写出，要么不写；已存在的文件只有用 --force 才覆盖。用 --household 则改为每户一页 A4 的可打印户页（明白卡，HTML）。见 docs/export.md。", """
        States are judged on --to (default: today). Checks from --from (default: 12 months before --to) \
        to --to count as visits in the period. ID numbers are masked unless --full-ids. The file is \
        written whole or not at all; an existing file is replaced only with --force. With --household, \
        one printable A4 page per household instead (明白卡, HTML). See docs/export.md.
        """))

    @OptionGroup var options: GlobalOptions
    @OptionGroup var out: OutputOptions

    @Option(help: ArgumentHelp(L("只含这个 12 位村代码的户（可重复）。", "Only households of this 12-digit village code (repeatable)."), valueName: "CODE"))
    var village: [String] = []

    @Option(help: ArgumentHelp(L("只含判定日这名干部（姓名或编号）帮扶的户。", "Only households paired with this cadre (name or id) on the assessment date."), valueName: "NAME"))
    var cadre: String?

    @Option(help: ArgumentHelp(L("期间第一天（默认 --to 之前 12 个月）。", "First day of the period (default: 12 months before --to)."), valueName: "DATE"))
    var from: LocalDate?

    @Option(help: ArgumentHelp(L("期间最后一天，也是判定日期（默认今天）。", "Last day of the period and the assessment date (default: today)."), valueName: "DATE"))
    var to: LocalDate?

    @Option(help: ArgumentHelp(L("写这户的可打印户页（明白卡，一户一页 A4，HTML）；可重复；写 all 则为 --cadre、--village 选出的全部户。", "Write this household's printable page (明白卡, one A4 page each, HTML); repeatable; all for every household --cadre and --village select."), valueName: "ID"))
    var household: [String] = []

    func run() throws {
        if !household.isEmpty { return try writePages() }
        let (format, render) = try out.resolve(options)
        try out.refuseOverwrite(options)
        if out.table == .roster { return try writeRoster(format, bom: render.bom) }
        let report = try makeReport()
        let data: Data
        do {
            data = try report.render(format, options: render)
        } catch {
            throw failure(error)
        }
        try out.write(data, options)
        let c = report.counts
        out.report(report.isEmpty
            ? Bilingual(zh: "已写入 \(out.output)：没有符合条件的户", en: "wrote \(out.output): no households selected")
            : Bilingual(zh: "已写入 \(out.output)：\(c.households) 户，\(c.meetingStandard) 户六项全部达标，\(c.gaps) 个问题项",
                        en: "wrote \(out.output): \(c.households) households, \(c.meetingStandard) meet all six, \(c.gaps) failing indicators"),
            options)
        // The file is written and said. A county's report is millions of small objects,
        // and freeing them one by one on return took a third of a second that nobody
        // needs: the process ends here, and the system takes its memory back whole.
        withExtendedLifetime((report, data)) { Self.exit() }
    }

    /// The members roster of the selected households, in the township's columns.
    func writeRoster(_ format: ExportFormat, bom: Bool) throws {
        let data = try loadForReading(options).dataset
        let date = to ?? options.date
        let households = try selected(data, on: date)
        let table = MembersRoster.make(households, cadres: data.cadres, on: date, fullIDs: out.fullIds,
                                     title: options.say(Bilingual(zh: "花名册", en: "Roster")))
        let bytes: Data
        do { bytes = try table.render(format, bom: bom) } catch { throw failure(error) }
        try out.write(bytes, options)
        out.report(Bilingual(zh: "已写入 \(out.output)：花名册 \(households.count) 户，\(table.rows.count) 人",
                             en: "wrote \(out.output): roster of \(households.count) households, \(table.rows.count) people"), options)
    }

    /// Reads the data and builds the report, one village at a time: each village's data
    /// is let go once its households are judged, so only the report is held when it is
    /// rendered.
    func makeReport() throws -> SummaryReport {
        let request = ExportRequest(villageCodes: village, cadre: cadre, from: from, to: to ?? options.date,
                                    fullIDs: out.fullIds, generatedAt: Store.isoNow())
        do {
            let (report, problems) = try SummaryReport.read(options.layout, request)
            warnProblems(problems, options)
            return report
        } catch let error as ExportError {
            throw failure(error)
        } catch {
            throw fail(error, options)
        }
    }

    /// The exit for an error of building or rendering, its message said: 64 for a usage
    /// mistake, 65 for bad data, 74 otherwise.
    func failure(_ error: Error) -> ExitCode {
        if let e = error as? ExportError {
            warn("sanbao: " + options.say(e.message))
            return ExitCode(e.isUsage ? Exit.usage : Exit.dataErr)
        }
        warn("sanbao: \(error)")
        return ExitCode(Exit.ioErr)
    }
}
