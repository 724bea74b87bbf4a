import SanbaoCore

/// The dashboard (统计面板) and the help screen.
extension UIText {
    public static let dashboardTitle = Bilingual(zh: "统计面板", en: "Dashboard")

    /// The first line: "统计面板  48 户，30 户 六项全部达标，6 户逾期".
    public static func dashboardHeadline(households: Int, meeting: Int, overdue: Int) -> Bilingual {
        Bilingual(zh: dashboardTitle.zh + "  \(households)" + " 户，" + "\(meeting)" + " 户" + " " + meetsAll.zh + "，\(overdue) 户逾期",
                  en: dashboardTitle.en + "  \(households)" + " households, " + "\(meeting)" + " " + meetsAll.en + ", \(overdue) overdue")
    }

    public static let byGroup = Bilingual(zh: "各村组（达标户 / 总户数，未达标指标数）",
                                          en: "By village and group (meeting / households, failing indicators)")
    public static let overdueList = Bilingual(zh: "逾期未走访", en: "Overdue visits")

    public static func lastVisit(_ date: LocalDate, daysAgo: Int) -> Bilingual {
        Bilingual(zh: "上次走访 \(date)，已 \(daysAgo) 天", en: "last visit \(date), \(daysAgo) days ago")
    }

    public static let neverVisited = Bilingual(zh: "从未走访", en: "never visited")

    // MARK: Help

    public static let helpTitle = Bilingual(zh: "按键一览（Esc 返回）", en: "Keys (Esc to go back)")
    /// The last line of the help screen: what each state letter means.
    public static let statesLegend = Bilingual(zh: "状态：+ 达标  X 未达标  ! 需跟进  - 不适用  ? 未检查  * 按事实判定（检查记录）",
                                               en: "States: + met  X not met  ! follow-up  - n/a  ? unchecked  * from the facts")
}

extension UIWidth {
    /// The indicator name before its bar.
    public static let dashboardLabel = LanguageWidth(zh: 6, en: 16)
}
