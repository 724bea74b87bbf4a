import Foundation
import ArgumentParser
import SanbaoCore
import SanbaoStore
import SanbaoTUI

/// `sanbao history ID`: the household's audit trail: who recorded what, when, and what
/// it changed, corrections included.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: L("显示一户的完整记录：每次检查、谁记录、何时、改了什么。", "Show a household's full audit trail: every check, who recorded it, when, and what changed."))

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp(L("户编号、户号，或其末尾几位（只对应一户时）。", "Household id, household number, or the end of either when it names one household."), valueName: "ID"))
    var id: String

    func run() throws {
        let loaded = try loadForReading(options)
        let d = loaded.dataset
        let h = try resolveHousehold(id, in: d, options)
        let zh = options.language == .zh
        // Each step judged on the facts as they stood when it was recorded: the record
        // with the edits recorded by then, a later fact winning (docs/rules.md).
        let trail = AuditTrail(householdID: h.id, checks: d.checks, edits: d.edits, config: d.rules) { ids in
            loaded.household(h.id, withEdits: ids) ?? (h, FactTimes())
        }
        if trail.entries.isEmpty { out(zh ? "尚无检查记录" : "no checks yet") }
        // Checks and edits in the order they were recorded; a registration-record
        // difference from a merge (recorded "0000-…") comes first.
        for step in trail.steps {
            switch step {
            case .check(let e): printCheck(e, d)
            case .edit(let e): printEdit(e, d)
            }
        }
    }

    func printChanges(_ changes: [AuditTrail.Change]) {
        for ch in changes {
            out("    \(ch.indicator.label.text(options.language)): \(ch.from.label.text(options.language)) → \(ch.to.label.text(options.language))")
        }
    }

    func printCheck(_ e: AuditTrail.Entry, _ d: Dataset) {
        let zh = options.language == .zh
        let c = e.check
        let who = d.cadre(c.cadreID)?.name ?? c.cadreID
        let when = LocalTime.writtenToTheSecond(c.recordedAt)
        var title = zh ? "\(when)  \(who) 记录 \(c.id)（走访日期 \(c.date)）"
                       : "\(when)  \(who) recorded \(c.id) (visit \(c.date))"
        if let s = c.supersedes { title += zh ? "，更正 \(s)" : ", correcting \(s)" }
        if let by = e.supersededBy { title += zh ? "  [已被 \(by) 更正]" : "  [corrected by \(by)]" }
        out(title)
        if e.changes.isEmpty { out(zh ? "    指标状态无变化" : "    no indicator changed") }
        printChanges(e.changes)
        for (i, f) in c.findings.sorted(by: { $0.key < $1.key }) where !f.note.isEmpty {
            out("    \(i.label.text(options.language)): \(f.note)")
        }
        if !c.note.isEmpty { out((zh ? "    备注：" : "    Note: ") + c.note) }
    }

    /// `2026-12-06 13:31:16  导入花名册 花名册.xlsx 修改 联系电话：13912345678`: who (the
    /// cadre, the roster it came from, or the device) and the change in words (FieldDisplay,
    /// as the intake preview says it); under it, the indicator states it changed that day.
    func printEdit(_ entry: AuditTrail.EditEntry, _ d: Dataset) {
        printEditLine(entry.edit, d)
        printChanges(entry.changes)
    }

    func printEditLine(_ e: HouseholdEdit, _ d: Dataset) {
        let zh = options.language == .zh
        let who = e.cadreID.flatMap { d.cadre($0)?.name } ?? e.source.map { s in
            s.hasPrefix("intake ") ? (zh ? "导入花名册 " : "roster intake ") + s.dropFirst("intake ".count) : s
        } ?? e.deviceID
        let when = e.recordedAt.hasPrefix("0000") ? (zh ? "登记资料差异" : "registration record") : LocalTime.writtenToTheSecond(e.recordedAt)
        let cadres = Dictionary(d.cadres.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let said = EditWords.describe(e, household: d.household(e.householdID), cadres: cadres)
        out("\(when)  \(who) " + options.say(said) + (zh ? "（\(e.id)）" : " (\(e.id))"))
    }
}

/// An edit in words: `修改 联系电话：139…`, `新增成员 张小宝（新生 2026-10-01）`,
/// `张浩宇 迁出（2026-11-01）`, `修改 张小宝 的 在校情况：学前` — the member named, not
/// `members[137298506518623]`, and the value as FieldDisplay says it.
enum EditWords {
    static func describe(_ e: HouseholdEdit, household: Household?, cadres: [String: String]) -> Bilingual {
        let value = FieldDisplay.value(e.field, e.value, cadres: cadres)
        let field = FieldDisplay.name(e.field)
        guard let (memberID, key) = HouseholdEdit.memberField(e.field) else {
            return Bilingual(zh: "修改 \(field.zh)：\(value.zh)", en: "changed \(field.en): \(value.en)")
        }
        let name = household?.member(memberID)?.name ?? e.value["name"].flatMap { if case .string(let n) = $0 { n } else { nil } }
            ?? "#\(memberID)"
        guard let key else {
            guard case .string(let raw)? = e.value["joined"]?["reason"], let reason = JoinReason(rawValue: raw),
                  case .string(let date)? = e.value["joined"]?["date"] else {
                return Bilingual(zh: "新增成员 \(value.zh)", en: "added member \(value.en)")
            }
            return Bilingual(zh: "新增成员 \(name)（\(reason.label.zh) \(date)）", en: "added member \(name) (\(reason.label.en) \(date))")
        }
        if key == "left" { return Bilingual(zh: "\(name) \(value.zh)", en: "\(name) \(value.en)") }
        return Bilingual(zh: "修改 \(name) 的 \(field.zh)：\(value.zh)", en: "changed \(name)'s \(field.en): \(value.en)")
    }
}
