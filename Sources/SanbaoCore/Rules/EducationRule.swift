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
                parts.append(child(m, age: age, graduateFrom: config.schoolAgeMax - 1))
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

    /// One child of compulsory-school age. `graduateFrom` is the youngest age at which a
    /// child may have finished junior middle school (14 with the usual 6–15).
    private static func child(_ m: Member, age: Int, graduateFrom: Int) -> Judgement {
        guard let school = m.school else {
            return Judgement(.unknown, [Bilingual(
                zh: "\(m.name) \(age) 岁，就学情况未记录", en: "\(m.name), \(age), school status not recorded")])
        }
        if school.isEnrolled {
            return Judgement(.met, [Bilingual(
                zh: "\(m.name) \(age) 岁，\(school.label.zh)在读", en: "\(m.name), \(age), in \(school.label.en)")])
        }
        if school == .completedCompulsory {
            return Judgement(.met, [Bilingual(
                zh: "\(m.name) \(age) 岁，初中毕业，已完成义务教育", en: "\(m.name), \(age), finished junior middle: compulsory education completed")])
        }
        if let exemption = m.educationExemption {
            return Judgement(.met, [Bilingual(
                zh: "\(m.name) \(age) 岁，\(exemption.label.zh)（豁免）",
                en: "\(m.name), \(age), \(exemption.label.en) (exempt)")])
        }
        // A roster's 非在校生 at 14 or 15 may be a graduate or a dropout: the data cannot
        // tell, so the cadre is asked to find out rather than the household failed.
        if school == .notInSchool && age >= graduateFrom {
            return Judgement(.followUp, [Bilingual(
                zh: "\(m.name) \(age) 岁，不在校：初中毕业还是辍学？请核实",
                en: "\(m.name), \(age), not in school: finished junior middle or dropped out? find out")])
        }
        return Judgement(.notMet, [Bilingual(
            zh: "\(m.name) \(age) 岁，\(school.label.zh)", en: "\(m.name), \(age), \(school.label.en)")])
    }
}
