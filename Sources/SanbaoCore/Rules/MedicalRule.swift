/// Basic medical care: every member enrolled in basic medical insurance. A chronic
/// patient without a chronic-illness card, or a sick member without a contracted family
/// doctor, needs follow-up but is not a veto.
public enum MedicalRule: IndicatorRule {
    public static let indicator = Indicator.medical

    public static func judge(_ household: Household, on date: LocalDate, config: RulesConfig) -> Judgement {
        var parts: [Judgement] = []
        for m in household.members {
            switch m.insured {
            case false?:
                parts.append(Judgement(.notMet, [Bilingual(
                    zh: "\(m.name) 未参加基本医疗保险", en: "\(m.name) not enrolled in basic medical insurance")]))
            case nil:
                parts.append(Judgement(.unknown, [Bilingual(
                    zh: "\(m.name) 参保情况未核实", en: "\(m.name): insurance not checked")]))
            case true?:
                parts.append(Judgement(.met))
            }
            if m.health == .chronic, m.chronicCard != true {
                parts.append(Judgement(.followUp, [Bilingual(
                    zh: "\(m.name) 患慢性病，未办慢病卡", en: "\(m.name) has a chronic illness but no chronic-illness card")]))
            }
            if m.health != .healthy, m.familyDoctor == false {
                parts.append(Judgement(.followUp, [Bilingual(
                    zh: "\(m.name) 未签约家庭医生", en: "\(m.name) has no contracted family doctor")]))
            }
        }
        let whole = Judgement.worst(of: parts, whenEmpty: Judgement(.unknown, [Bilingual(
            zh: "家庭无成员记录", en: "household has no members recorded")]))
        return whole.verdict == .met ? allInsured : whole
    }

    /// Made once: most households are all insured.
    private static let allInsured = Judgement(.met, [Bilingual(zh: "全员参加基本医疗保险", en: "all members insured")])
}
