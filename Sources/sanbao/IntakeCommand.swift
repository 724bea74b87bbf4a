import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoExport
import SanbaoIntake
import SanbaoStore
import SanbaoTUI

/// `sanbao intake FILE`: takes in the township's household roster (花名册), XLSX or CSV,
/// one row per member. Every problem is found before anything is written; the result is
/// merged as a bundle of this device is, all or nothing; the same file twice changes nothing.
struct Intake: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: L("导入乡镇的户花名册（XLSX 或 CSV，每名成员一行），或更新的一版。", "Take in the township's household roster (XLSX or CSV, one row per member), or a newer one."),
        discussion: L("按表头名找列，顺序不限（列名和写法见 docs/intake.md）。每个问题列为 文件:工作表:行，只要有问题就不写入（退出码 65）。新户和新成员被添加，改动的字段成为修改记录，换了干部则结束旧的结对；不删除任何内容：花名册里不再有的户和成员会列出来，由您处理。数据目录不存在或为空时会创建。", """
        Columns are found by header name in any order (docs/intake.md lists the names and wordings). \
        Every problem is listed as FILE:SHEET:ROW and nothing is written while there is one (exit 65). \
        New households and members are added, changed fields become edits, a new cadre ends the old pairing; \
        nothing is deleted: households and members the roster no longer lists are named for you to act on. \
        An absent or empty data directory is created.
        """))

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp(L("花名册文件：.xlsx、.csv 或 .txt（UTF-8、GB18030 或 UTF-16；逗号、制表符或分号分隔）。", "Roster file: .xlsx, .csv or .txt (UTF-8, GB18030 or UTF-16; comma, tab or semicolon)."), valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp(L("要读的工作表（默认第一张）。", "The workbook's sheet to read (default: the first)."), valueName: "NAME"))
    var sheet: String?

    @Flag(help: ArgumentHelp(L("只列出将要改动的内容，不写入。", "Say exactly what would change, and write nothing.")))
    var dryRun = false

    @Option(help: ArgumentHelp(L("与花名册中干部结对的开始日期（默认今天）。", "The day pairings with the roster's cadres start (default: today)."), valueName: "DATE"))
    var asOf: LocalDate?

    @Option(help: ArgumentHelp(L("有行被拒时写入 FILE（.xlsx 或 .csv），原因在前，改好后再发。", "When rows are refused, write them to FILE (.xlsx or .csv), reason first, to correct and send again."), valueName: "FILE"))
    var problems: String?

    @Flag(help: ArgumentHelp(L("--problems 文件已存在时覆盖。", "Replace the --problems file if it exists.")))
    var force = false

    func run() throws {
        if let problems { try checkProblemsFile(problems) }
        var intake = try open()
        let layout = options.layout
        let hasData = FileManager.default.fileExists(atPath: layout.path(DataLayout.manifest))
        var store: Store? = nil
        if hasData {
            if dryRun {
                do { store = try Store(layout: layout, write: false) } catch { throw fail(error, options) }
            } else {
                store = try openForWriting(options)
            }
        } else if !DatasetWriter.isBlank(layout) {
            warn("sanbao: " + options.say(StoreError.notEmpty(layout.root).message))
            throw ExitCode(Exit.cantCreate)
        }
        defer { store?.close() }
        let day = asOf ?? options.date
        let progress = isatty(2) == 1
        do {
            try intake.read(asOf: day, today: options.date, store: store,
                            progress: progress ? { progressLine(options.say(Bilingual(zh: "已读 \($0) 行…", en: "read \($0) rows…"))) } : nil)
        } catch let e as SpreadsheetError {
            throw refuse(e)
        } catch {
            throw fail(error, options)
        }
        if progress && intake.roster.memberRows >= 50_000 { progressLine("") }
        let report = intake.report
        if let unknown = report.unknownColumns(intake.roster) { warn("sanbao: " + options.say(unknown)) }
        guard intake.roster.problems.isEmpty else {
            for line in report.problems(intake.roster.problems) { warn(options.say(line)) }
            if let problems { try writeRefused(intake, to: problems) }
            out(options.say(report.summary(intake.roster, plan: nil)))
            throw ExitCode(Exit.dataErr)
        }
        do { try intake.makePlan(store: store, asOf: day) } catch { throw fail(error, options) }
        let plan = intake.plan!
        if dryRun {
            for line in report.dryRun(plan) { out(options.say(line)) }
            out(options.say(report.summary(intake.roster, plan: plan)))
            return
        }
        do {
            if store == nil {
                // Created only now, once the roster proved clean: a refused roster creates nothing.
                try createIfEmpty(layout)
                store = try openForWriting(options)
            }
            try store!.takeIn(plan, source: intake.name, today: options.date)
        } catch let e as ExitCode {
            throw e
        } catch {
            throw fail(error, options)
        }
        for n in plan.notes { warn("sanbao: " + options.say(n)) }
        for line in report.absentees(plan) { out(options.say(line)) }
        out(options.say(report.summary(intake.roster, plan: plan)))
    }

    func open() throws -> RosterIntake {
        guard FileManager.default.fileExists(atPath: file) else {
            warn("sanbao: " + options.say(Bilingual(zh: "找不到花名册文件 \(file)", en: "no roster file \(file)")))
            throw ExitCode(Exit.noInput)
        }
        do { return try RosterIntake(path: file, sheet: sheet) } catch let e as SpreadsheetError {
            throw refuse(e)
        }
    }

    /// A file that cannot be read as a roster: 66 when it cannot be read at all, 65 otherwise.
    func refuse(_ e: SpreadsheetError) -> ExitCode {
        // Most messages name the file already; the others get its name in front.
        let text = options.say(e.message)
        warn("sanbao: " + (text.contains(file) ? text : "\(file): " + text))
        switch e {
        case .fileNotFound, .unreadable: return ExitCode(Exit.noInput)
        default: return ExitCode(Exit.dataErr)
        }
    }

    /// The refused rows, reasons first, to `output` (.xlsx or .csv); never over a file
    /// unless --force.
    /// The --problems file: .xlsx or .csv, and not over an existing file unless --force;
    /// checked before the roster is read, so a typo is said at once.
    func checkProblemsFile(_ output: String) throws {
        guard let format = ExportFormat(fileName: output), format == .xlsx || format == .csv else {
            warn("sanbao: " + options.say(Bilingual(zh: "--problems 的文件应以 .xlsx 或 .csv 结尾：\(output)",
                                                    en: "the --problems file should end in .xlsx or .csv: \(output)")))
            throw ExitCode(Exit.usage)
        }
        do { try OutputFile(output, replacing: force).check() } catch { throw fail(error, options) }
    }

    func writeRefused(_ intake: RosterIntake, to output: String) throws {
        let format = ExportFormat(fileName: output)!
        do {
            let table = try intake.refusedRows(options.language)
            try OutputFile(output, replacing: force).write(try table.render(format))
            out(options.say(UIText.intakeRefusedRowsWritten(table.rows.count, to: output)))
        } catch let e as SpreadsheetError {
            throw refuse(e)
        } catch {
            throw fail(error, options)
        }
    }
}
