import SanbaoCore

/// The household screen (户详情) and one check in full.
extension UIText {
    // MARK: The record

    /// "地址 甘肃省定西市…一组  (621121103201)", "Address 甘肃省 定西市 … 一组  (621121103201)".
    public static func addressLine(_ parts: [String], villageCode: String) -> Bilingual {
        Bilingual(zh: "地址 " + parts.joined() + "  (\(villageCode))",
                  en: "Address " + parts.joined(separator: " ") + "  (\(villageCode))")
    }

    public static func numberLine(number: String, phone: String) -> Bilingual {
        Bilingual(zh: "户编号 " + number + "   " + "电话 " + phone, en: "Number " + number + "   " + "Phone " + phone)
    }

    /// Household type and status, both domain labels.
    public static func typeLine(type: Bilingual, status: Bilingual) -> Bilingual {
        Bilingual(zh: "类型 " + type.zh + "   " + "状态 " + status.zh, en: "Type " + type.en + "   " + "Status " + status.en)
    }

    /// The causes of poverty, domain labels, main cause first.
    public static func causesLine(_ causes: [Bilingual]) -> Bilingual {
        Bilingual(zh: "致贫原因 " + causes.map(\.zh).joined(separator: "、"), en: "Causes " + causes.map(\.en).joined(separator: ", "))
    }

    public static func cadreLine(name: String, unit: String, phone: String) -> Bilingual {
        Bilingual(zh: "帮扶干部 " + "\(name)  \(unit)  \(phone)", en: "Cadre " + "\(name)  \(unit)  \(phone)")
    }

    // MARK: Members

    public static let members = Bilingual(zh: "家庭成员", en: "Members")
    public static let nameColumn = Bilingual(zh: "姓名", en: "Name")
    public static let relationColumn = Bilingual(zh: "关系", en: "Relation")
    public static let ageColumn = Bilingual(zh: "岁", en: "Age")
    public static let idColumn = Bilingual(zh: "身份证号", en: "ID number")
    public static let schoolColumn = Bilingual(zh: "就学", en: "School")
    public static let insuredColumn = Bilingual(zh: "医保", en: "Ins.")
    public static let healthColumn = Bilingual(zh: "健康", en: "Health")

    /// After the health label of a disabled member: "3级", " 3".
    public static func disabilityGrade(_ grade: Int) -> Bilingual {
        Bilingual(zh: "\(grade)级", en: " \(grade)")
    }

    /// After "chronic illness" when the member has a chronic-illness card.
    public static let hasChronicCard = Bilingual(zh: "（有卡）", en: " (card)")

    // MARK: Indicators, follow-ups, checks

    public static let indicators = Bilingual(zh: "六项指标", en: "Indicators")
    /// After the indicators' heading: the reasons of a line in full.
    public static let indicatorsOpen = Bilingual(zh: "（Enter 查看完整原因）", en: "(Enter: all reasons)")
    public static let meetsAll = Bilingual(zh: "六项全部达标", en: "meet all six")
    public static let followUps = Bilingual(zh: "待跟进", en: "Open follow-ups")

    public static func followUpDue(_ date: LocalDate) -> Bilingual {
        Bilingual(zh: "跟进日期 \(date)", en: "follow-up due \(date)")
    }

    /// After a follow-up date that has passed.
    public static let followUpLate = Bilingual(zh: "（已过期）", en: " (overdue)")
    public static let measures = Bilingual(zh: "帮扶措施", en: "Assistance measures")
    /// The heading of the checks, with what the marks in [......] mean beyond the state letters.
    public static let checks = Bilingual(zh: "检查记录（最新在前，Enter 查看；* 按事实判定，空白 未查看）",
                                         en: "Checks (newest first, Enter opens; * from the facts, blank not looked at)")
    public static let noChecks = Bilingual(zh: "尚无检查记录", en: "no checks yet")
    /// After a check that a later correction replaced.
    public static let corrected = Bilingual(zh: "（已更正）", en: " (corrected)")

    // MARK: One check in full

    public static func corrects(_ checkID: String) -> Bilingual {
        Bilingual(zh: "更正了 \(checkID)", en: "corrects \(checkID)")
    }

    public static func recordedAt(_ time: String, confirmed: Bool) -> Bilingual {
        Bilingual(zh: "记录时间 " + time + (confirmed ? "  户主已签字确认" : ""),
                  en: "Recorded " + time + (confirmed ? "  confirmed by household" : ""))
    }

    /// A finding recorded as "decide from the facts" rather than a state.
    public static let auto = Bilingual(zh: "按事实判定", en: "from the facts")
    public static let measuresAgreed = Bilingual(zh: "商定措施", en: "Measures agreed")

    public static func followUpOn(_ date: LocalDate) -> Bilingual {
        Bilingual(zh: "跟进日期 " + date.description, en: "Follow-up " + date.description)
    }
}

extension UIWidth {
    /// The indicator name before its state on the household screen.
    public static let householdIndicator = LanguageWidth(zh: 5, en: 16)
    /// The state label after its letter on the household screen.
    public static let householdState = LanguageWidth(zh: 7, en: 10)
    /// The indicator name before a finding on the check screen.
    public static let checkIndicator = LanguageWidth(zh: 6, en: 16)
}
