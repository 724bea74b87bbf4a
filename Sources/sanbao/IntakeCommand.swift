import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoExport
import SanbaoIntake
import SanbaoStore

/// `sanbao intake FILE`: takes in the township's household roster (花名册), XLSX or CSV,
/// one row per member. Every problem is found before anything is written; the result is
/// merged as a bundle of this device is, all or nothing; the same file twice changes nothing.
struct Intake: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Take in the township's household roster (XLSX or CSV, one row per member), or a newer one.",
        discussion: """
        Columns are found by header name in any order (docs/intake.md lists the names and wordings). \
        Every problem is listed as FILE:SHEET:ROW and nothing is written while there is one (exit 65). \
        New households and members are added, changed fields become edits, a new cadre ends the old pairing; \
        nothing is deleted: households and members the roster no longer lists are named for you to act on. \
        An absent or empty data directory is created.
        """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("Roster file: .xlsx, .csv or .txt (UTF-8 or GB18030; comma or tab).", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("The workbook's sheet to read (default: the first).", valueName: "NAME"))
    var sheet: String?

    @Flag(help: "Say exactly what would change, and write nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("The day pairings with the roster's cadres start (default: today).", valueName: "DATE"))
    var asOf: LocalDate?

    @Option(help: ArgumentHelp("When rows are refused, write them to FILE (.xlsx or .csv), reason first, to correct and send again.", valueName: "FILE"))
    var problems: String?

    @Flag(help: "Replace the --problems file if it exists.")
    var force = false

    var name: String { (file as NSString).lastPathComponent }

    func run() throws {
        let roster = try IntakeSource(path: file, sheet: sheet, options: options)
        let layout = options.layout
        let hasData = FileManager.default.fileExists(atPath: layout.path(DataLayout.manifest))
        var store: Store? = nil
        if hasData {
            if dryRun {
                do { store = try Store(layout: layout, write: false) } catch { throw fail(error, options) }
            } else {
                store = try openForWriting(options)
            }
        } else if let entries = try? FileManager.default.contentsOfDirectory(atPath: layout.root), !entries.isEmpty {
            warn("sanbao: " + options.say(StoreError.notEmpty(layout.root).message))
            throw ExitCode(Exit.cantCreate)
        }
        defer { store?.close() }
        let read = try roster.read(RosterReader(asOf: asOf ?? options.date, today: options.date,
                                                knownCadres: store?.dataset.cadres ?? [], knownVillages: Self.villages(store)))
        let report = IntakeReport(name: name, sheet: roster.sheetName, options: options)
        report.unknownColumns(read)
        guard read.problems.isEmpty else {
            report.problems(read.problems)
            if let problems { try roster.writeRefused(read, to: problems, force: force) }
            out(report.summary(read, plan: nil))
            throw ExitCode(Exit.dataErr)
        }
        let plan = try plan(read, store)
        if dryRun {
            report.detail(plan)
            out(report.summary(read, plan: plan))
            return
        }
        do {
            if store == nil {
                try createIfEmpty(layout)
                store = try openForWriting(options)
            }
            try store!.takeIn(plan, source: name, today: options.date)
        } catch let e as ExitCode {
            throw e
        } catch {
            throw fail(error, options)
        }
        for n in plan.notes { warn("sanbao: " + options.say(n)) }
        report.absentees(plan)
        out(report.summary(read, plan: plan))
    }

    /// The plan against the data, or against nothing for a dry run into a new directory.
    func plan(_ read: Roster, _ store: Store?) throws -> IntakePlan {
        do {
            if let store { return try store.planIntake(read.content, asOf: asOf ?? options.date, source: name) }
            return try IntakePlan(roster: read.content, current: [], cadres: [], log: EditLog([]), asOf: asOf ?? options.date,
                                  deviceID: "new", now: Store.isoNow(), source: "intake " + name)
        } catch {
            throw fail(error, options)
        }
    }

    /// Each village's address in the data, for a roster without place-name columns.
    static func villages(_ store: Store?) -> [String: Address] {
        var out: [String: Address] = [:]
        for h in store?.dataset.households ?? [] where out[h.address.villageCode] == nil { out[h.address.villageCode] = h.address }
        return out
    }
}
