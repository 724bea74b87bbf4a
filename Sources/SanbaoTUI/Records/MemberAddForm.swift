import SanbaoCore

/// The form for a member who joins a household (新生, 娶入, 迁入): `sanbao member add`.
extension RecordForm {
    static func addMember(to h: Household, model: Model) -> RecordForm {
        let today = model.today
        let entries: [RecordEntry] = [
            .required("name", UIText.recordName),
            .choice("relation", UIText.recordRelation, Relation.self, current: .son, parse: parser("relation")),
            .choice("sex", UIText.recordSex, Sex.self, current: .male) { Wordings.sex.value($0).map { .string($0.rawValue) } },
            .date("birth_date", UIText.recordBirthDate, nil, today: today),
            idNumber(today: today),
            .choice("reason", UIText.recordJoinReason, JoinReason.self, current: .born) { RecordFields.joinReason.value($0).map { .string($0.rawValue) } },
            .date("date", UIText.recordJoinDate, nil, optional: true, today: today),
            .choice("school", UIText.recordSchool, SchoolStatus.self, current: nil, unknown: true, parse: parser("school")),
            .flag("insured", UIText.recordInsured, current: nil),
            .choice("health", UIText.recordHealth, HealthKind.self, current: .healthy, parse: parser("health")),
        ]
        var form = RecordForm(title: UIText.recordAddMemberTitle(head: h.head?.name ?? h.id), entries: entries,
                              draftKey: RecordDraft.Key(.memberAdd, householdID: h.id)) { (a: [String: String]) -> Outcome in
            member(from: a, household: h, today: today)
        }
        form.facts = h.facts(checks: model.checks(of: h.id), times: model.factTimes(of: h.id), on: today)
        return form
    }

    /// The parse of a member field of `RecordFields` (the command line's table).
    static func parser(_ key: String) -> (String) -> JSONValue? {
        let field = RecordFields.find(key, in: RecordFields.member)
        return { (text: String) -> JSONValue? in field?.parse(text) }
    }

    /// An ID number: empty, or one that `IDNumber` takes (check digit, birth date).
    static func idNumber(today: LocalDate) -> RecordEntry {
        RecordEntry("id_number", UIText.recordIDNumber) { (text: String) -> Bilingual? in
            guard !text.isEmpty, case .failure(let p) = IDNumber.parse(text, today: today) else { return nil }
            return p.message
        }
    }

    /// The answers as a member and the join: the birth date decides a newborn's join date.
    static func member(from a: [String: String], household h: Household, today: LocalDate) -> Outcome {
        guard let born = LocalDate(written: a["birth_date"] ?? "") else { return .refused(UIText.recordRequired, key: "birth_date") }
        let reason = RecordFields.joinReason.value(a["reason"] ?? "") ?? .born
        let on = LocalDate(written: a["date"] ?? "") ?? (reason == .born ? born : today)
        var m = Member(id: 0, name: String((a["name"] ?? "").trimmingBlanks), sex: Wordings.sex.value(a["sex"] ?? "") ?? .male,
                       birthDate: born, relation: Wordings.relation.value(a["relation"] ?? "") ?? .other,
                       health: Wordings.health.value(a["health"] ?? "") ?? .healthy,
                       labour: born.age(on: today) < 16 ? .none : .ordinary,
                       insured: Wordings.yesNo.value(a["insured"] ?? ""))
        if let id = a["id_number"], !id.isEmpty, case .success(let number) = IDNumber.parse(id, today: today) {
            m.idNumber = number.value
        }
        if let s = Wordings.school.value(a["school"] ?? "") {
            m.school = s.status
            m.educationExemption = s.exemption
        }
        return .change(.addMember(householdID: h.id, m, joined: MemberChange(reason: reason, date: on)))
    }
}
