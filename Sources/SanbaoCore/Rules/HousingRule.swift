/// Safe housing: appraised A or B; or C/D rebuilt or reinforced by the date judged; or
/// moved into relocation housing.
public enum HousingRule: IndicatorRule {
    public static let indicator = Indicator.housing

    public static func judge(_ household: Household, on date: LocalDate, config: RulesConfig) -> Judgement {
        guard let h = household.housing else {
            return Judgement(.unknown, [Bilingual(zh: "未记录住房情况", en: "housing not recorded")])
        }
        if h.relocated, (h.relocationDate.map { $0 <= date } ?? true) { return relocated }
        guard let grade = h.grade else {
            return Judgement(.unknown, [Bilingual(zh: "住房未鉴定", en: "dwelling not appraised")])
        }
        if grade.isSafe { return safe[HousingGrade.allCases.firstIndex(of: grade)!] }
        let done = (h.renovation == .rebuilt || h.renovation == .reinforced)
            && (h.renovationDate.map { $0 <= date } ?? true)
        if done {
            let when = h.renovationDate.map { " \($0)" } ?? ""
            return Judgement(.met, [Bilingual(
                zh: "住房鉴定为 \(grade.rawValue) 级，\(h.renovation.label.zh)\(when)",
                en: "dwelling appraised \(grade.rawValue), \(h.renovation.label.en)\(when)")])
        }
        let status = h.renovation == .inProgress ? h.renovation.label : Renovation.none.label
        return Judgement(.notMet, [Bilingual(
            zh: "住房鉴定为\(grade.label.zh)，\(status.zh)",
            en: "dwelling appraised \(grade.label.en), \(status.en)")])
    }

    // The common judgements, made once: most households' housing is one of these.
    private static let relocated = Judgement(.met, [Bilingual(zh: "已易地搬迁入住安置房", en: "moved into relocation housing")])
    /// For each grade (only the safe ones are used).
    private static let safe = HousingGrade.allCases.map { g in
        Judgement(.met, [Bilingual(zh: "住房鉴定为\(g.label.zh)", en: "dwelling appraised \(g.label.en)")])
    }
}
