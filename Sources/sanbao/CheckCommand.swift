import ArgumentParser
import Foundation
import SanbaoCore
import SanbaoStore

/// `sanbao check`: records a guarantee check from the command line, through the same
/// draft rules as the TUI form, and prints its id once it is durable.
struct CheckCmd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: L("记录一次检查（用 --amend 更正一条）；保存到磁盘后打印新检查的编号。", "Record a check (or, with --amend, a correction of one); prints the new check's id once it is saved for good."),
        discussion: L("例：sanbao check 621121103201-0007 --set water=not_met:水窖干涸 --set housing=met --follow-up 2026-12-15\n状态：met、not_met、follow_up、not_applicable。指标：income、food_clothing、water、education、medical、housing。\n检查记录从不删除；--amend 检查编号 记录一条更正，取代原记录。", """
        Example: sanbao check 621121103201-0007 --set water=not_met:水窖干涸 --set housing=met --follow-up 2026-12-15
        States: met, not_met, follow_up, not_applicable. Indicators: income, food_clothing, water, education, medical, housing.
        Checks are never deleted; --amend CHECK-ID records a correction that supersedes CHECK-ID.
        """))

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp(L("户编号、户号，或其末尾几位（用 --amend 时不需要）。", "Household id, household number, or the end of either (not needed with --amend)."), valueName: "ID"))
    var household: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(L("一项判定：指标=状态[:备注]，可重复。", "A finding: INDICATOR=STATE[:NOTE]. Repeatable."), valueName: "INDICATOR=STATE[:NOTE]"))
    var assignments: [String] = []

    @Option(help: ArgumentHelp(L("总体备注。", "Overall note."), valueName: "TEXT"))
    var note: String?

    @Option(help: ArgumentHelp(L("走访日期（默认今天；用 --amend 时为被更正检查的日期）。", "Visit date (default: today; with --amend, the corrected check's date)."), valueName: "YYYY-MM-DD"))
    var date: LocalDate?

    @Option(name: .customLong("follow-up"), help: ArgumentHelp(L("跟进日期。", "Follow-up date."), valueName: "YYYY-MM-DD"))
    var followUp: LocalDate?

    @Option(name: .customLong("measure"), help: ArgumentHelp(L("与该户商定的一条帮扶措施，可重复。", "A measure agreed with the household. Repeatable."), valueName: "TEXT"))
    var measures: [String] = []

    @Flag(help: ArgumentHelp(L("户主已签字确认。", "The household confirmed (signed) the record.")))
    var confirmed = false

    @Option(help: ArgumentHelp(L("走访干部（默认该户的帮扶干部）。", "Cadre making the check (default: the household's paired cadre)."), valueName: "NAME"))
    var cadre: String?

    @Option(help: ArgumentHelp(L("更正这条检查记录。", "Record a correction of this check."), valueName: "CHECK-ID"))
    var amend: String?

    @Flag(help: ArgumentHelp(L("读取全部数据文件，而不只读该户所在的村（结果相同，较慢）。", "Read every data file, not only the household's village (the same result, slower).")))
    var careful = false

    func run() throws {
        // A correction names a check, which could be in any village: it reads everything.
        let store = try openForWriting(options, loading: careful || amend != nil ? .everything : .onDemand)
        defer { store.close() }
        if !store.isComplete { try readVillage(store) }
        var draft = try makeDraft(store.dataset)
        try apply(to: &draft, store.dataset)
        do {
            let recorded = try store.record(draft, today: options.date, recordedAt: Store.isoNow())
            for (i, a) in recorded.contradictions {
                guard let why = ChoiceOverride.reason(chosen: draft.findings[i]?.state, got: a.state) else { continue }
                warn(options.say(Bilingual(
                    zh: "注意：\(i.label.zh)：\(why.zh)：\(a.reasons.map(\.zh).joined(separator: "；"))",
                    en: "note: \(i.rawValue): \(why.en): \(a.reasons.map(\.en).joined(separator: "; "))")))
            }
            out(recorded.check.id)
        } catch let refused as CheckRefused {
            throw refuse(refused.problems)
        } catch {
            let code = fail(error, options)
            sayNothingSaved()
            throw code
        }
    }

    /// Reads the one village the household is in when that reads the same as reading
    /// everything (`QuickRead.isolatedVillage`), else everything.
    func readVillage(_ store: Store) throws {
        if let typed = household, store.problems.isEmpty,
           let code = QuickRead.isolatedVillage(of: typed, options.layout, on: options.date, cadres: store.dataset.cadres) {
            store.holdVillage(code)
            if store.household(String(typed.trimmingBlanks)) != nil { return }
        }
        do { try store.readEverything() } catch { throw fail(error, options) }
    }

    func makeDraft(_ d: Dataset) throws -> CheckDraft {
        if let amend {
            guard let original = d.checks.first(where: { $0.id == amend }) else { throw refuse([.unknownCheck(amend)]) }
            if let household, try householdID(household, in: d, options) != original.householdID {
                warn("sanbao: " + options.say(Bilingual(zh: "检查记录 \(amend) 属于 \(original.householdID)，不是 \(household)",
                                                        en: "check \(amend) belongs to \(original.householdID), not \(household)")))
                sayNothingSaved()
                throw ExitCode(Exit.usage)
            }
            return CheckDraft(amending: original)
        }
        guard let household else {
            warn("sanbao: " + options.say(Bilingual(zh: "请给出户编号，或用 --amend 更正一条检查记录",
                                                    en: "give a household id, or --amend CHECK-ID")))
            sayNothingSaved()
            throw ExitCode(Exit.usage)
        }
        return CheckDraft(householdID: try householdID(household, in: d, options), date: options.date)
    }

    func apply(to draft: inout CheckDraft, _ d: Dataset) throws {
        var errors: [InputError] = []
        for a in assignments {
            switch CheckDraft.parseAssignment(a) {
            case .success(let (i, f)): draft.findings[i] = f
            case .failure(let e): errors.append(e)
            }
        }
        if !errors.isEmpty { throw refuse(errors) }
        if let date { draft.date = date }
        if let note { draft.note = note }
        if let followUp { draft.followUp = followUp }
        if !measures.isEmpty { draft.measures = measures }
        if confirmed { draft.confirmed = true }
        if let cadre {
            guard let id = d.cadreIDs(matching: cadre).first else { throw refuse([.unknownCadre(cadre)]) }
            draft.cadreID = id
        }
    }

    /// Prints every problem and picks the exit code: 64 when the command line itself is
    /// malformed, 65 when it names what does not exist or cannot be.
    func refuse(_ problems: [InputError]) -> ExitCode {
        for p in problems { warn("sanbao: " + options.say(p.message)) }
        sayNothingSaved()
        return ExitCode(problems.contains(where: \.isUsage) ? Exit.usage : Exit.dataErr)
    }

    /// The last line of every refusal, whatever refused it (docs/cli.md).
    func sayNothingSaved() {
        warn(options.say(Bilingual(zh: "未保存任何内容", en: "nothing was saved")))
    }
}
