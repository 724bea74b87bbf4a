import SanbaoCore

/// The follow-up worklist (跟进名单).
extension UIText {
    public static func worklistTitle(by date: LocalDate, count: Int) -> Bilingual {
        Bilingual(zh: "跟进名单（截至 \(date)）：\(count) 项，最早的在前", en: "Worklist (due by \(date)): \(count) item(s), soonest first")
    }
    public static let worklistEmpty = Bilingual(zh: "没有到期的跟进或走访", en: "nothing due: no follow-up or visit")
    public static let worklistFollowUp = Bilingual(zh: "跟进", en: "follow-up")
    public static let worklistVisit = Bilingual(zh: "走访逾期", en: "visit due")
    /// The date column of a household never visited (due at once).
    public static let worklistNever = Bilingual(zh: "从未走访", en: "never")
    public static let colon = Bilingual(zh: "：", en: ": ")
    public static let listSeparator = Bilingual(zh: "；", en: "; ")
    public static func lastVisitOn(_ date: LocalDate) -> Bilingual {
        Bilingual(zh: "上次走访 \(date)", en: "last visit \(date)")
    }
}

extension UIWidth {
    /// The kind column of the worklist: 走访逾期 / visit due.
    public static let worklistKind = LanguageWidth(zh: 8, en: 9)
}
