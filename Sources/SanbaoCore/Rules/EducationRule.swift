/// Compulsory education: no member of compulsory-school age may be out of school or
/// dropped out, unless an exemption (taught at home, unable to study) is recorded.
/// Students past that age are not a veto; a missing 雨露计划 subsidy is noted.
public enum EducationRule: IndicatorRule {
    public static let indicator = Indicator.education

    public static func judge(_ household: Household, on date: LocalDate, config: RulesConfig) -> Judgement {
        var parts: [Judgement] = []
        var notes: [Bilingual] = []
        for m in household.members {
            let age = m.birthDate.age(on: date)
            if config.isSchoolAge(age) {
                parts.append(child(m, age: age))
            } else if let school = m.school, school == .seniorMiddle || school == .vocational, m.subsidyReceived == false {
                notes.append(Bilingual(
                    zh: "\(m.name) \(age) 岁，\(school.label.zh)，未享受雨露计划补助",
                    en: "\(m.name), \(age), \(school.label.en), no Yulu subsidy"))
            }
        }
        guard !parts.isEmpty else {
            // Not a veto, but the missing subsidy is still worth saying.
            return Judgement(.notApplicable, noneOfSchoolAge + notes)
        }
        let whole = Judgement.worst(of: parts, whenEmpty: Judgement(.notApplicable))
        return Judgement(whole.verdict, whole.reasons + notes)
    }

    /// Made once: most households have no child of compulsory-school age.
    private static let noneOfSchoolAge = [Bilingual(zh: "无义务教育阶段人口", en: "no member of compulsory-school age")]

    private static func child(_ m: Member, age: Int) -> Judgement {
        guard let school = m.school else {
            return Judgement(.unknown, [Bilingual(
                zh: "\(m.name) \(age) 岁，就学情况未记录", en: "\(m.name), \(age), school status not recorded")])
        }
        if school.isEnrolled {
            return Judgement(.met, [Bilingual(
                zh: "\(m.name) \(age) 岁，\(school.label.zh)在读", en: "\(m.name), \(age), in \(school.label.en)")])
        }
        if let exemption = m.educationExemption {
            return Judgement(.met, [Bilingual(
                zh: "\(m.name) \(age) 岁，\(exemption.label.zh)（豁免）",
                en: "\(m.name), \(age), \(exemption.label.en) (exempt)")])
        }
        return Judgement(.notMet, [Bilingual(
            zh: "\(m.name) \(age) 岁，\(school.label.zh)", en: "\(m.name), \(age), \(school.label.en)")])
    }
}
