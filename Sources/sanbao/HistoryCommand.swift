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

    /// `2026-12-06T05:31:16Z  intake 花名册.xlsx changed phone: 13912345678`: who (the
    /// cadre, the roster it came from, or the device) and the new value, ID numbers masked;
    /// under it, the indicator states it changed that day.
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
        var value = e.value.display
        if e.field.hasSuffix("id_number"), case .string(let id) = e.value { value = IDNumber.masked(id) }
        if let (memberID, key) = HouseholdEdit.memberField(e.field) {
            out("\(when)  \(who) " + options.say(MemberEditWords.describe(e, memberID: memberID, key: key, value: value,
                                                                           household: d.household(e.householdID)))
                + (zh ? "（\(e.id)）" : " (\(e.id))"))
            return
        }
        out(zh ? "\(when)  \(who) 修改 \(e.field)：\(value)（\(e.id)）" : "\(when)  \(who) changed \(e.field): \(value) (\(e.id))")
    }
}

/// A member's edit in words: `新增成员 张小宝（新生 2026-10-01）`, `张浩宇 迁出（2026-11-01）`,
/// `张小宝 school：preschool` — the member named, not `members[137298506518623]`.
enum MemberEditWords {
    static func describe(_ e: HouseholdEdit, memberID: Int, key: String?, value: String, household: Household?) -> Bilingual {
        let name = household?.member(memberID)?.name ?? e.value["name"].flatMap { if case .string(let n) = $0 { n } else { nil } }
            ?? "#\(memberID)"
        guard let key else {
            let joined = (try? JSONDecoder().decode(MemberChange<JoinReason>.self, from: JSONEncoder().encode(e.value["joined"] ?? .null)))
            let how = joined.map { Bilingual(zh: "（\($0.reason.label.zh) \($0.date)）", en: " (\($0.reason.label.en) \($0.date))") }
                ?? Bilingual(zh: "", en: "")
            return Bilingual(zh: "新增成员 \(name)\(how.zh)", en: "added member \(name)\(how.en)")
        }
        if key == "left", let left = try? JSONDecoder().decode(MemberChange<LeaveReason>.self, from: JSONEncoder().encode(e.value)) {
            return Bilingual(zh: "\(name) \(left.reason.label.zh)（\(left.date)）", en: "\(name) \(left.reason.label.en) (\(left.date))")
        }
        return Bilingual(zh: "修改 \(name) 的 \(key)：\(value)", en: "changed \(name)'s \(key): \(value)")
    }
}
