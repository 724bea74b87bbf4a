import SanbaoCore
import SanbaoIntake
import SanbaoStore

/// What an intake says, as lines in both languages, for `sanbao intake` to print and the
/// app's intake screen to show: problems (all, or by kind when there are many), exactly
/// what would change, what the roster no longer lists, and one summary line.
public struct IntakeReport: Sendable {
    public let name: String
    public let sheet: String?

    public init(name: String, sheet: String?) {
        self.name = name
        self.sheet = sheet
    }

    /// Up to this many problems are listed one by one; more are summarised by kind.
    public static let listedInFull = 30
    /// Rows shown for each kind in a summary.
    static let examplesPerKind = 3

    func line(_ zh: String, _ en: String) -> Bilingual { Bilingual(zh: zh, en: en) }

    public func unknownColumns(_ roster: Roster) -> Bilingual? {
        guard !roster.unknownColumns.isEmpty else { return nil }
        return line("忽略不认识的列：" + roster.unknownColumns.joined(separator: "、"),
                    "columns ignored (not known): " + roster.unknownColumns.joined(separator: ", "))
    }

    func located(_ p: RosterProblem) -> Bilingual {
        line(p.located(file: name, sheet: sheet, .zh), p.located(file: name, sheet: sheet, .en))
    }

    /// Every problem, or by kind with the first rows of each when there are many; the
    /// last line says nothing was written.
    public func problems(_ problems: [RosterProblem]) -> [Bilingual] {
        var out: [Bilingual] = []
        if problems.count <= Self.listedInFull {
            out = problems.map(located)
        } else {
            var byKind: [RosterProblem.Kind: [RosterProblem]] = [:]
            for p in problems { byKind[p.kind, default: []].append(p) }
            for kind in RosterProblem.Kind.allCases {
                guard let list = byKind[kind] else { continue }
                out.append(line("\(kind.label.zh)：\(list.count) 处", "\(kind.label.en): \(list.count)"))
                for p in list.prefix(Self.examplesPerKind) {
                    let l = located(p)
                    out.append(line("  " + l.zh, "  " + l.en))
                }
                if list.count > Self.examplesPerKind {
                    out.append(line("  ……另有 \(list.count - Self.examplesPerKind) 处", "  … and \(list.count - Self.examplesPerKind) more"))
                }
            }
            out.append(line("用 --problems 文件.xlsx 把被拒的行连同原因写出，改正后再导入",
                            "--problems FILE.xlsx writes the refused rows with their reasons, to correct and take in again"))
        }
        out.append(line("花名册有问题，未写入任何内容", "the roster has problems; nothing was written"))
        return out
    }

    /// Exactly what would change, household by household.
    public func changes(_ plan: IntakePlan) -> [Bilingual] {
        var out: [Bilingual] = []
        for h in plan.newHouseholds {
            let head = h.head?.name ?? ""
            out.append(line("新增户 \(h.id) \(head)（\(h.members.count) 人）", "new household \(h.id) \(head) (\(h.members.count) people)"))
        }
        for c in plan.changed {
            out.append(line("变更 \(c.householdID) \(c.head)", "changed \(c.householdID) \(c.head)"))
            for f in c.fields {
                out.append(line("  \(f.label.zh): \(f.old.zh) → \(f.new.zh)", "  \(f.label.en): \(f.old.en) → \(f.new.en)"))
            }
            for m in c.membersAdded { out.append(line("  新增成员 \(m)", "  member added: \(m)")) }
        }
        for c in plan.newCadres {
            out.append(line("新增干部 \(c.name)（\(c.unit)）", "new cadre \(c.name) (\(c.unit))"))
        }
        return out
    }

    /// Households and members in the data that the roster no longer lists: never deleted.
    public func absentees(_ plan: IntakePlan) -> [Bilingual] {
        guard !plan.absent.isEmpty else { return [] }
        var out = [line("花名册中没有、本机仍保留的（请核实，如有减少人员请记录）：",
                        "in the data but not in the roster (kept; check them, and record anyone who left):")]
        for a in plan.absent {
            if let m = a.member {
                out.append(line("  \(a.householdID) \(a.head) 户的成员 \(m)", "  \(a.householdID) \(a.head): member \(m)"))
            } else {
                out.append(line("  \(a.householdID) \(a.head)（整户）", "  \(a.householdID) \(a.head) (whole household)"))
            }
        }
        return out
    }

    /// `花名册.xlsx: 3 户（新增 3），9 人，干部 1 人；问题 0`.
    public func summary(_ roster: Roster, plan: IntakePlan?) -> Bilingual {
        var zh = "", en = ""
        if let plan {
            var z = ["新增 \(plan.newHouseholds.count)"], e = ["\(plan.newHouseholds.count) new"]
            if !plan.changed.isEmpty { z.append("变更 \(plan.changed.count)"); e.append("\(plan.changed.count) changed") }
            if plan.unchanged > 0 { z.append("未变 \(plan.unchanged)"); e.append("\(plan.unchanged) unchanged") }
            zh = "（" + z.joined(separator: "，") + "）"
            en = " (" + e.joined(separator: ", ") + ")"
        }
        let n = roster.householdCount, cadres = roster.content.cadres.count, problems = roster.problems.count
        return line("\(name): \(n) 户\(zh)，\(roster.memberRows) 人，干部 \(cadres) 人；问题 \(problems)",
                    "\(name): \(n) households\(en), \(roster.memberRows) people, \(cadres) cadre\(cadres == 1 ? "" : "s"); \(problems) problem\(problems == 1 ? "" : "s")")
    }
}
