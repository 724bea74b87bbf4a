import SanbaoCore

/// The form for a household that is not in the data, with its head: `sanbao household
/// add`. The address is the village's, taken from one of its households; the number is
/// the village's next free one, worked out when saving from every household of the data
/// (the roster may show one cadre's only).
extension RecordForm {
    static func addHousehold(model: Model) -> RecordForm {
        let today = model.today
        // One option per village of the data, named; its code is what the form keeps.
        var villages: [RecordEntry.Choice] = []
        var seen: Set<String> = []
        for row in model.rows where !seen.contains(row.villageCode) {
            seen.insert(row.villageCode)
            villages.append(RecordEntry.Choice(label: Bilingual(zh: row.village, en: row.village), word: row.villageCode))
        }
        let entries: [RecordEntry] = [
            RecordEntry("village", UIText.recordVillage, kind: .choice(villages), text: villages.first?.word ?? ""),
            .required("group", UIText.recordGroup),
            .required("head", UIText.recordHead),
            idNumber(today: today),
            .date("birth_date", UIText.recordBirthDate, nil, optional: true, today: today),
            .choice("sex", UIText.recordSex, Sex.self, current: .male) { Wordings.sex.value($0).map { .string($0.rawValue) } },
            .field(household("phone"), UIText.recordPhone, current: ""),
            .choice("type", UIText.recordType, HouseholdType.self, current: .ordinaryPoor, parse: household("type").parse),
            .choice("causes.main", UIText.recordCause, PovertyCause.self, current: .other, parse: household("causes.main").parse),
        ]
        return RecordForm(title: UIText.recordAddHouseholdTitle, entries: entries, draftKey: RecordDraft.Key(.householdAdd)) { (a: [String: String]) -> Outcome in
            newHousehold(a, model: model)
        }
    }

    /// The answers as a household: the head from the ID number (birth date and sex), or
    /// from the birth date and sex given when there is none.
    static func newHousehold(_ a: [String: String], model: Model) -> Outcome {
        let today = model.today
        let code = a["village"] ?? ""
        guard let neighbour = model.rows.first(where: { $0.villageCode == code }).flatMap({ model.household($0.id) }) else {
            return .refused(UIText.recordNoVillage, key: "village")
        }
        let name = String((a["head"] ?? "").trimmingBlanks)
        var head: Member
        if let text = a["id_number"], !text.isEmpty, case .success(let id) = IDNumber.parse(text, today: today) {
            head = Member(id: 1, name: name, sex: id.sex, idNumber: id.value, birthDate: id.birthDate, relation: .head, insured: nil)
        } else if let born = LocalDate(written: a["birth_date"] ?? "") {
            head = Member(id: 1, name: name, sex: Wordings.sex.value(a["sex"] ?? "") ?? .male, birthDate: born, relation: .head, insured: nil)
        } else {
            return .refused(UIText.recordIDOrBirth, key: "id_number")
        }
        head.labour = .ordinary
        var address = neighbour.address
        address.group = String((a["group"] ?? "").trimmingBlanks)
        let h = Household(id: "", number: "", address: address, phone: a["phone"] ?? "",
                          type: Wordings.householdType.value(a["type"] ?? "") ?? .ordinaryPoor,
                          causes: PovertyCauses(main: Wordings.cause.value(a["causes.main"] ?? "") ?? .other),
                          status: PovertyStatus(), members: [head],
                          pairings: model.cadreID.map { [Pairing(cadreID: $0, start: today)] } ?? [])
        return .change(.addHousehold(h))
    }
}
