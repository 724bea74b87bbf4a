import SanbaoCore

/// The texts of taking in a roster: what `sanbao intake` prints and the app's intake
/// screen shows (the problem lines themselves come from SanbaoIntake, with their place).
extension UIText {
    public static let intakeTitle = Bilingual(zh: "导入乡镇花名册（Excel 或 CSV，每人一行）", en: "Take in the township's roster (Excel or CSV, a row per member)")
    public static let intakePath = Bilingual(zh: "文件", en: "File")
    public static let intakeHowTo = Bilingual(
        zh: "输入花名册文件的路径（相对路径从启动三保的目录算起），按 Enter 先检查、列出将要改动的内容；确认无误后按 F10 导入，Esc 返回",
        en: "Type the roster file's path (a relative one is from where Sanbao was started) and press Enter to check it and see what would change; F10 then takes it in, Esc goes back")
    public static let intakeFormats = Bilingual(
        zh: "读取 .xlsx、.csv、.txt（UTF-8 或 GB18030，逗号或制表符分隔）；表头可在前 20 行内，列的顺序不限",
        en: "Reads .xlsx, .csv and .txt (UTF-8 or GB18030, comma or tab); the header may be in the first 20 rows, columns in any order")
    public static let intakeNeverDeletes = Bilingual(
        zh: "导入不会删除任何户或成员，也不改动已有的检查记录",
        en: "Taking in never deletes a household or a member, and never touches a check")
    public static let intakeConfirm = Bilingual(zh: "F10 导入以上内容，Esc 返回修改路径", en: "F10 takes this in, Esc goes back to the path")
    public static let intakeRefused = Bilingual(
        zh: "有问题的行需在 Excel 中改正后再导入；命令行 sanbao intake 文件 --problems 待改正.xlsx 可把这些行连同原因写出",
        en: "Correct the refused rows in Excel and take the file in again; sanbao intake FILE --problems FIX.xlsx writes them out with reasons")
    public static let intakeNothingToDo = Bilingual(zh: "（试运行：无需改动）", en: "(dry run: nothing to change)")
    public static let intakeNothingWrittenYet = Bilingual(zh: "（试运行：未写入任何内容）", en: "(dry run: nothing was written)")
    public static let intakeRosterProblems = Bilingual(zh: "花名册有问题，未写入任何内容", en: "the roster has problems; nothing was written")
    public static let intakeProblemsAdvice = Bilingual(
        zh: "用 --problems 文件.xlsx 把被拒的行连同原因写出，改正后再导入",
        en: "--problems FILE.xlsx writes the refused rows with their reasons, to correct and take in again")
    public static let intakeAbsentHeading = Bilingual(
        zh: "花名册中没有、本机仍保留的（请核实，如有减少人员请记录）：",
        en: "in the data but not in the roster (kept; check them, and record anyone who left):")
    public static let intakeEmptyData = Bilingual(
        zh: "还没有任何户。按 i 导入乡镇发来的花名册（.xlsx 或 .csv），或在命令行运行 sanbao intake 花名册.xlsx",
        en: "No households yet. Press i to take in the township's roster (.xlsx or .csv), or run sanbao intake ROSTER.xlsx")
    public static let intakeRefusedRowsTitle = Bilingual(zh: "被拒的行", en: "Refused rows")
    public static let intakeProblemColumn = Bilingual(zh: "问题", en: "Problem")
    /// Between two reasons of one refused row.
    public static let intakeReasonSeparator = Bilingual(zh: "；", en: "; ")

    public static func intakeUnknownColumns(_ columns: [String]) -> Bilingual {
        Bilingual(zh: "忽略不认识的列：" + columns.joined(separator: "、"), en: "columns ignored (not known): " + columns.joined(separator: ", "))
    }

    public static func intakeProblemKind(_ kind: Bilingual, count: Int) -> Bilingual {
        Bilingual(zh: "\(kind.zh)：\(count) 处", en: "\(kind.en): \(count)")
    }

    public static func intakeMoreProblems(_ n: Int) -> Bilingual {
        Bilingual(zh: "  ……另有 \(n) 处", en: "  … and \(n) more")
    }

    public static func intakeNewHousehold(_ id: String, head: String, members: Int) -> Bilingual {
        Bilingual(zh: "新增户 \(id) \(head)（\(members) 人）", en: "new household \(id) \(head) (\(members) \(members == 1 ? "person" : "people"))")
    }

    public static func intakeChanged(_ id: String, head: String) -> Bilingual {
        Bilingual(zh: "变更 \(id) \(head)", en: "changed \(id) \(head)")
    }

    public static func intakeMemberAdded(_ name: String) -> Bilingual {
        Bilingual(zh: "  新增成员 \(name)", en: "  member added: \(name)")
    }

    public static func intakeNewCadre(_ name: String, unit: String) -> Bilingual {
        Bilingual(zh: "新增干部 \(name)（\(unit)）", en: "new cadre \(name) (\(unit))")
    }

    public static func intakeAbsentHousehold(_ id: String, head: String) -> Bilingual {
        Bilingual(zh: "  \(id) \(head)（整户）", en: "  \(id) \(head) (whole household)")
    }

    public static func intakeAbsentMember(_ id: String, head: String, member: String) -> Bilingual {
        Bilingual(zh: "  \(id) \(head) 户的成员 \(member)", en: "  \(id) \(head): member \(member)")
    }

    /// `花名册.xlsx: 3 户（新增 3），9 人，干部 1 人；问题 0`; `counts` nil before a plan.
    public static func intakeSummary(_ name: String, households: Int, counts: (new: Int, changed: Int, unchanged: Int)?,
                                     people: Int, cadres: Int, problems: Int) -> Bilingual {
        var zh = "", en = ""
        if let c = counts {
            var z = ["新增 \(c.new)"], e = ["\(c.new) new"]
            if c.changed > 0 { z.append("变更 \(c.changed)"); e.append("\(c.changed) changed") }
            if c.unchanged > 0 { z.append("未变 \(c.unchanged)"); e.append("\(c.unchanged) unchanged") }
            zh = "（" + z.joined(separator: "，") + "）"
            en = " (" + e.joined(separator: ", ") + ")"
        }
        func n(_ k: Int, _ one: String, _ many: String) -> String { "\(k) " + (k == 1 ? one : many) }
        return Bilingual(zh: "\(name): \(households) 户\(zh)，\(people) 人，干部 \(cadres) 人；问题 \(problems)",
                         en: "\(name): \(n(households, "household", "households"))\(en), \(n(people, "person", "people")), "
                             + "\(n(cadres, "cadre", "cadres")); \(n(problems, "problem", "problems"))")
    }

    public static func intakeRefusedRowsWritten(_ count: Int, to path: String) -> Bilingual {
        Bilingual(zh: "被拒的 \(count) 行已写入 \(path)（第一列是原因）",
                  en: "\(count == 1 ? "the refused row was" : "the \(count) refused rows were") written to \(path) (the reason in the first column)")
    }

    public static func intakeDone(_ summary: Bilingual) -> Bilingual {
        Bilingual(zh: "已导入 " + summary.zh, en: "taken in: " + summary.en)
    }

    public static func intakeFailed(_ why: Bilingual) -> Bilingual {
        Bilingual(zh: "未导入：" + why.zh, en: "not taken in: " + why.en)
    }
}
