import Foundation
import SanbaoCore
import SanbaoIntake
import SanbaoStore

/// What `sanbao intake` says: problems (all of them, or by kind when there are many),
/// what would change, what the roster no longer lists, and one summary line.
struct IntakeReport {
    let name: String
    let sheet: String?
    let options: GlobalOptions

    /// Up to this many problems are listed one by one; more are summarised by kind.
    static let listedInFull = 30
    /// Rows shown for each kind in a summary.
    static let examplesPerKind = 3

    func say(_ zh: String, _ en: String) -> String { options.say(Bilingual(zh: zh, en: en)) }

    func unknownColumns(_ roster: Roster) {
        guard !roster.unknownColumns.isEmpty else { return }
        let list = roster.unknownColumns.joined(separator: options.language == .zh ? "、" : ", ")
        warn(say("sanbao: 忽略不认识的列：\(list)", "sanbao: columns ignored (not known): \(list)"))
    }

    func problems(_ problems: [RosterProblem]) {
        let lang = options.language
        if problems.count <= Self.listedInFull {
            for p in problems { warn(p.located(file: name, sheet: sheet, lang)) }
        } else {
            var byKind: [RosterProblem.Kind: [RosterProblem]] = [:]
            for p in problems { byKind[p.kind, default: []].append(p) }
            for kind in RosterProblem.Kind.allCases {
                guard let list = byKind[kind] else { continue }
                warn(say("\(kind.label.zh)：\(list.count) 处", "\(kind.label.en): \(list.count)"))
                for p in list.prefix(Self.examplesPerKind) { warn("  " + p.located(file: name, sheet: sheet, lang)) }
                if list.count > Self.examplesPerKind {
                    warn(say("  ……另有 \(list.count - Self.examplesPerKind) 处", "  … and \(list.count - Self.examplesPerKind) more"))
                }
            }
            warn(say("用 --problems 文件.xlsx 把被拒的行连同原因写出，改正后再导入",
                     "--problems FILE.xlsx writes the refused rows with their reasons, to correct and take in again"))
        }
        warn(say("花名册有问题，未写入任何内容", "the roster has problems; nothing was written"))
    }

    /// Exactly what would change: for `--dry-run`.
    func detail(_ plan: IntakePlan) {
        for h in plan.newHouseholds {
            out(say("新增户 \(h.id) \(h.head.map(\.name) ?? "")（\(h.members.count) 人）", "new household \(h.id) \(h.head.map(\.name) ?? "") (\(h.members.count) people)"))
        }
        for c in plan.changed {
            out(say("变更 \(c.householdID) \(c.head)", "changed \(c.householdID) \(c.head)"))
            for f in c.fields {
                out("  \(options.say(f.label)): \(options.say(f.old)) → \(options.say(f.new))")
            }
            for m in c.membersAdded { out(say("  新增成员 \(m)", "  member added: \(m)")) }
        }
        for c in plan.newCadres {
            out(say("新增干部 \(c.name)（\(c.unit)）", "new cadre \(c.name) (\(c.unit))"))
        }
        absentees(plan)
        out(plan.isEmpty ? say("（试运行：无需改动）", "(dry run: nothing to change)") : say("（试运行：未写入任何内容）", "(dry run: nothing was written)"))
    }

    /// Households and members in the data that the roster no longer lists: never deleted.
    func absentees(_ plan: IntakePlan) {
        guard !plan.absent.isEmpty else { return }
        out(say("花名册中没有、本机仍保留的（请核实，如有减少人员请记录）：", "in the data but not in the roster (kept; check them, and record anyone who left):"))
        for a in plan.absent {
            if let m = a.member {
                out(say("  \(a.householdID) \(a.head) 户的成员 \(m)", "  \(a.householdID) \(a.head): member \(m)"))
            } else {
                out(say("  \(a.householdID) \(a.head)（整户）", "  \(a.householdID) \(a.head) (whole household)"))
            }
        }
    }

    /// `花名册.xlsx: 3 户（新增 3），9 人，干部 1 人；问题 0`.
    func summary(_ roster: Roster, plan: IntakePlan?) -> String {
        let households = roster.householdCount
        let counts: (zh: String, en: String)
        if let plan {
            var zh: [String] = ["新增 \(plan.newHouseholds.count)"]
            var en: [String] = ["\(plan.newHouseholds.count) new"]
            if !plan.changed.isEmpty { zh.append("变更 \(plan.changed.count)"); en.append("\(plan.changed.count) changed") }
            if plan.unchanged > 0 { zh.append("未变 \(plan.unchanged)"); en.append("\(plan.unchanged) unchanged") }
            counts = ("（" + zh.joined(separator: "，") + "）", " (" + en.joined(separator: ", ") + ")")
        } else {
            counts = ("", "")
        }
        let cadres = roster.content.cadres.count
        return say("\(name): \(households) 户\(counts.zh)，\(roster.memberRows) 人，干部 \(cadres) 人；问题 \(roster.problems.count)",
                   "\(name): \(households) households\(counts.en), \(roster.memberRows) people, \(cadres) cadre\(cadres == 1 ? "" : "s"); \(roster.problems.count) problem\(roster.problems.count == 1 ? "" : "s")")
    }
}
