import SanbaoCore

/// The texts of the record forms (Records/): keeping a family's record current.
extension UIText {
    // Titles
    public static func recordAddMemberTitle(head: String) -> Bilingual {
        Bilingual(zh: "新增家庭成员：\(head)户", en: "Add a member: household of \(head)")
    }
    public static func recordLeaveTitle(name: String, head: String) -> Bilingual {
        Bilingual(zh: "成员减少：\(name)（\(head)户）", en: "A member left: \(name) (household of \(head))")
    }
    public static func recordEditMemberTitle(name: String, head: String) -> Bilingual {
        Bilingual(zh: "修改成员信息：\(name)（\(head)户）", en: "A member's facts: \(name) (household of \(head))")
    }
    public static func recordEditHouseholdTitle(head: String) -> Bilingual {
        Bilingual(zh: "修改户信息：\(head)户", en: "Household facts: household of \(head)")
    }
    public static func recordPairTitle(head: String) -> Bilingual {
        Bilingual(zh: "更换帮扶干部：\(head)户", en: "Pair with another cadre: household of \(head)")
    }
    public static func recordCadreOption(_ name: String, unit: String) -> Bilingual {
        unit.isEmpty ? Bilingual(zh: "\(name)（单位不详）", en: "\(name) (unit unknown)") : Bilingual(zh: "\(name)（\(unit)）", en: "\(name) (\(unit))")
    }
    public static let recordAddHouseholdTitle = Bilingual(zh: "新增一户（数据中没有的户）", en: "Add a household that is not in the data")

    // Questions
    public static let recordName = Bilingual(zh: "姓名", en: "Name")
    public static let recordRelation = Bilingual(zh: "与户主关系", en: "Relation to head")
    public static let recordSex = Bilingual(zh: "性别", en: "Sex")
    public static let recordBirthDate = Bilingual(zh: "出生日期", en: "Birth date")
    public static let recordIDNumber = Bilingual(zh: "身份证号（可空）", en: "ID number (may be empty)")
    public static let recordJoinReason = Bilingual(zh: "增加原因", en: "Why they joined")
    public static let recordJoinDate = Bilingual(zh: "增加日期（空：新生为出生日）", en: "Joined on (empty: birth or today)")
    public static let recordSchool = Bilingual(zh: "在校情况", en: "School")
    public static let recordInsured = Bilingual(zh: "参加医保", en: "Insured")
    public static let recordHealth = Bilingual(zh: "健康状况", en: "Health")
    public static let recordDisabilityGrade = Bilingual(zh: "残疾等级（1-4，可空）", en: "Disability grade (1-4)")
    public static let recordChronicCard = Bilingual(zh: "慢性病卡", en: "Chronic-illness card")
    public static let recordFamilyDoctor = Bilingual(zh: "签约家庭医生", en: "Contracted family doctor")
    public static let recordSeriousIllness = Bilingual(zh: "大病保险", en: "Serious-illness insurance")
    public static let recordMedicalAssistance = Bilingual(zh: "医疗救助", en: "Medical assistance")
    public static let recordSubsidy = Bilingual(zh: "雨露计划补助", en: "雨露计划 subsidy")
    public static let recordLabour = Bilingual(zh: "劳动技能", en: "Labour")
    public static let recordMigrantMonths = Bilingual(zh: "务工月数（0-12）", en: "Months of migrant work")
    public static let recordLeaveReason = Bilingual(zh: "减少原因", en: "Why they left")
    public static let recordLeaveDate = Bilingual(zh: "减少日期", en: "Left on")
    public static let recordPhone = Bilingual(zh: "联系电话", en: "Phone")
    public static let recordType = Bilingual(zh: "户类型", en: "Household type")
    public static let recordCause = Bilingual(zh: "主要致贫原因", en: "Main poverty cause")
    /// The first or second poverty cause besides the main one.
    public static func recordOtherCause(_ k: Int) -> Bilingual {
        Bilingual(zh: "其他致贫原因\(k == 1 ? "一" : "二")", en: "Other poverty cause \(k)")
    }
    public static let recordIDNumberUnchanged = Bilingual(zh: "身份证号（空：不改）", en: "ID number (empty: as it is)")
    /// The old head's new relation, on a member's form when another member is head.
    public static func recordOldHead(_ name: String) -> Bilingual {
        Bilingual(zh: "若改为户主：\(name) 改为", en: "If made head: \(name) becomes")
    }
    public static let recordHeadUnchanged = Bilingual(zh: "（不换户主）", en: "(head unchanged)")
    public static func recordOldHeadNeeded(_ name: String) -> Bilingual {
        Bilingual(zh: "\(name) 仍是户主：请在“若改为户主”一项选择其新关系，如 配偶（已去世或迁出的，先按 l 登记减少）",
                  en: "\(name) is still the head: choose their new relation under \"If made head\", e.g. spouse (if they died or moved away, record that first with l)")
    }
    public static func recordOldHeadOnlyForNewHead(_ name: String) -> Bilingual {
        Bilingual(zh: "只有把本人改为户主时，\(name) 的关系才改；否则选“（不换户主）”",
                  en: "\(name)'s relation changes only when this member is made head; else choose \"(head unchanged)\"")
    }
    public static let recordStructure = Bilingual(zh: "房屋结构", en: "Structure")
    public static let recordCadre = Bilingual(zh: "帮扶干部", en: "Cadre")
    public static let recordNewCadre = Bilingual(zh: "或新干部姓名（数据中没有时）", en: "Or a new cadre's name")
    public static let recordNewCadreUnit = Bilingual(zh: "新干部的工作单位", en: "New cadre's work unit")
    public static let recordNewCadrePhone = Bilingual(zh: "新干部的电话", en: "New cadre's phone")
    public static let recordPairFrom = Bilingual(zh: "结对开始日期", en: "Paired from")
    public static let recordVillage = Bilingual(zh: "村", en: "Village")
    public static let recordGroup = Bilingual(zh: "组（社）", en: "Group (组/社)")
    public static let recordHead = Bilingual(zh: "户主姓名", en: "Head of household")

    /// Before the six states the answers would give, on the line under a form's title.
    public static let recordEffect = Bilingual(zh: "保存后", en: "If saved")

    // Refusals
    public static let recordRequired = Bilingual(zh: "必填", en: "required")
    public static let recordSameCadre = Bilingual(zh: "已是这位干部帮扶；选另一位", en: "already paired with this cadre; choose another")
    public static let recordNoCadres = Bilingual(zh: "数据中没有干部：在下面填新干部的姓名和单位", en: "no cadres in the data: type a new cadre's name and unit below")
    public static let recordNoVillage = Bilingual(zh: "数据中没有这个村的户，无从得知地址", en: "no household of this village to take the address from")
    public static let recordIDOrBirth = Bilingual(zh: "填身份证号，或没有时填出生日期", en: "give the ID number, or the birth date when there is none")
    public static let recordNothingChanged = Bilingual(zh: "没有改动，无需保存；Esc 返回", en: "nothing changed, nothing to save; Esc goes back")
    public static func recordRefused(_ text: String, accepted: [String]) -> Bilingual {
        Bilingual(zh: "“\(text)”不认识（可写：\(accepted.joined(separator: "、"))）",
                  en: "\"\(text)\" is not known (accepted: \(accepted.joined(separator: ", ")))")
    }
    public static func recordFieldRefused(_ label: Bilingual, _ why: Bilingual) -> Bilingual {
        Bilingual(zh: "\(label.zh)：\(why.zh)", en: "\(label.en): \(why.en)")
    }

    // Saving
    public static func recordAddMember(_ name: String, _ reason: Bilingual, _ date: LocalDate) -> Bilingual {
        Bilingual(zh: "新增成员 \(name)（\(reason.zh) \(date)）", en: "add \(name) (\(reason.en) \(date))")
    }
    public static func recordLeave(_ name: String, _ reason: Bilingual, _ date: LocalDate) -> Bilingual {
        Bilingual(zh: "\(name) \(reason.zh)（\(date)）", en: "\(name) \(reason.en) (\(date))")
    }
    public static func recordEdit(_ what: String, fields: [Bilingual]) -> Bilingual {
        Bilingual(zh: "修改 \(what)：\(fields.map(\.zh).joined(separator: "、"))", en: "change \(what): \(fields.map(\.en).joined(separator: ", "))")
    }
    public static func recordPair(_ name: String, _ from: LocalDate) -> Bilingual {
        Bilingual(zh: "自 \(from) 由 \(name) 帮扶", en: "paired with \(name) from \(from)")
    }
    public static func recordPairNew(_ name: String, unit: String, _ from: LocalDate) -> Bilingual {
        Bilingual(zh: "新增干部 \(name)（\(unit)），自 \(from) 由其帮扶", en: "add cadre \(name) (\(unit)), paired from \(from)")
    }
    public static func recordAddHousehold(_ head: String, group: String) -> Bilingual {
        Bilingual(zh: "新增一户：户主 \(head)（\(group)）", en: "add a household: head \(head) (\(group))")
    }
    public static func recordSaveQuestion(_ summary: Bilingual) -> Bilingual {
        Bilingual(zh: "保存：\(summary.zh)？(y/n)", en: "Save: \(summary.en)? (y/n)")
    }
    public static func recordSaved(_ summary: Bilingual) -> Bilingual {
        Bilingual(zh: "已保存：\(summary.zh)", en: "Saved: \(summary.en)")
    }
    public static func recordNotSaved(_ why: Bilingual) -> Bilingual {
        Bilingual(zh: "未保存：\(why.zh)", en: "Not saved: \(why.en)")
    }
    public static func recordDiscard(_ title: Bilingual) -> Bilingual {
        Bilingual(zh: "放弃未保存的改动（\(title.zh)）？草稿将被删除 (y/n)", en: "Discard the changes (\(title.en))? The draft is deleted (y/n)")
    }

    // Drafts of record forms

    /// On the form, under its questions, when its answers came back from a kept draft.
    public static func recordDraftRestored(savedAt: String) -> Bilingual {
        Bilingual(zh: "已恢复 \(savedAt) 留存的草稿", en: "draft of \(savedAt) restored")
    }
    /// On start, when a record form was left unsaved; "no" keeps it.
    public static func recordDraftFound(_ title: Bilingual, savedAt: String) -> Bilingual {
        Bilingual(zh: "未保存的表：\(title.zh)（\(savedAt)）。继续？(y 继续 / n 稍后)",
                  en: "Unsaved form: \(title.en) (\(savedAt)); continue? (y / n later)")
    }
    /// A form's draft that could not be read: the form afresh, the file kept under another
    /// name (said last: a long path may be cut, what happened may not).
    public static func recordDraftUnreadable(_ path: String) -> Bilingual {
        Bilingual(zh: "此表草稿无法读取，表从头填写；原文件已改名保留：\(path)",
                  en: "this form's draft could not be read: the form starts afresh; the file is kept as \(path)")
    }

    /// The household screen's heading over members who left.
    public static let membersWhoLeft = Bilingual(zh: "已减少人员", en: "Members who left")

    public static let recordQuitQuestion = Bilingual(zh: "表里的改动尚未保存，草稿已留存。仍要退出？(y/n)",
                                                     en: "The form's changes are not saved (a draft is kept). Quit anyway? (y/n)")

    // Why a household-screen key does nothing here
    public static let recordOnAMember = Bilingual(zh: "先移到某位成员那一行", en: "move to a member's line first")
    public static let recordAlreadyLeft = Bilingual(zh: "这位成员已减少", en: "this member has already left")
}

extension UIWidth {
    /// The question column of the record forms.
    public static let recordLabel = LanguageWidth(zh: 30, en: 34)
}
