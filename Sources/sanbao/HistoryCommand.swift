import ArgumentParser
import SanbaoCore
import SanbaoStore

/// `sanbao history ID`: the household's audit trail: who recorded what, when, and what
/// it changed, corrections included.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a household's full audit trail: every check, who recorded it, when, and what changed.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("Household id.", valueName: "ID"))
    var id: String

    func run() throws {
        let d = try loadForReading(options).dataset
        guard let h = d.household(id) else {
            warn("sanbao: " + options.say(Bilingual(zh: "没有编号为 \(id) 的户", en: "no household \(id)")))
            throw ExitCode(Exit.dataErr)
        }
        let zh = options.language == .zh
        let trail = AuditTrail(household: h, checks: d.checks, config: d.rules)
        if trail.entries.isEmpty { out(zh ? "尚无检查记录" : "no checks yet") }
        for e in trail.entries {
            let c = e.check
            let who = d.cadre(c.cadreID)?.name ?? c.cadreID
            var title = zh ? "\(c.recordedAt)  \(who) 记录 \(c.id)（走访日期 \(c.date)）"
                           : "\(c.recordedAt)  \(who) recorded \(c.id) (visit \(c.date))"
            if let s = c.supersedes { title += zh ? "，更正 \(s)" : ", correcting \(s)" }
            if let by = e.supersededBy { title += zh ? "  [已被 \(by) 更正]" : "  [corrected by \(by)]" }
            out(title)
            if e.changes.isEmpty { out(zh ? "    指标状态无变化" : "    no indicator changed") }
            for ch in e.changes {
                out("    \(ch.indicator.label.text(options.language)): \(ch.from.label.text(options.language)) → \(ch.to.label.text(options.language))")
            }
            for (i, f) in c.findings.sorted(by: { $0.key < $1.key }) where !f.note.isEmpty {
                out("    \(i.label.text(options.language)): \(f.note)")
            }
        }
    }
}
