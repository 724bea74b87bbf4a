import SanbaoCore

/// The form for a member's facts (school, insured, health, card, doctor, labour …):
/// `sanbao member set`. It opens with the member's current facts (a visit's later
/// observation included) and saves only the answers changed, one edit each.
extension RecordForm {
    static func editMember(_ m: Member, of h: Household, model: Model) -> RecordForm {
        let entries: [RecordEntry] = [
            .choice("school", UIText.recordSchool, SchoolStatus.self, current: m.school, unknown: true, parse: parser("school")),
            .flag("insured", UIText.recordInsured, current: m.insured),
            .choice("health", UIText.recordHealth, HealthKind.self, current: m.health, parse: parser("health")),
            .field(field("disability_grade"), UIText.recordDisabilityGrade, current: m.disabilityGrade.map(String.init) ?? ""),
            .flag("chronic_card", UIText.recordChronicCard, current: m.chronicCard),
            .flag("family_doctor", UIText.recordFamilyDoctor, current: m.familyDoctor),
            .flag("serious_illness_insurance", UIText.recordSeriousIllness, current: m.seriousIllnessInsurance),
            .flag("medical_assistance", UIText.recordMedicalAssistance, current: m.medicalAssistance),
            .flag("subsidy_received", UIText.recordSubsidy, current: m.subsidyReceived),
            .choice("labour", UIText.recordLabour, LabourAbility.self, current: m.labour, parse: parser("labour")),
            .field(field("migrant_months"), UIText.recordMigrantMonths, current: String(m.migrantMonths)),
        ]
        let title = UIText.recordEditMemberTitle(name: m.name, head: h.head?.name ?? h.id)
        var form = editing(title, entries, key: RecordDraft.Key(.memberEdit, householdID: h.id, memberID: m.id), fields: RecordFields.member) { (changes: [(key: String, value: JSONValue)]) -> RecordChange in
            let edits: [(field: String, value: JSONValue)] = changes.map { (c: (key: String, value: JSONValue)) -> (field: String, value: JSONValue) in
                (field: "members[\(m.id)].\(c.key)", value: c.value)
            }
            return .edit(householdID: h.id, what: m.name, edits)
        }
        form.facts = h.facts(checks: model.checks(of: h.id), times: model.factTimes(of: h.id), on: model.today)
        return form
    }

    /// A member field of the command line's table, by key.
    static func field(_ key: String) -> RecordField {
        RecordFields.find(key, in: RecordFields.member) ?? RecordFields.member[0]
    }
}
