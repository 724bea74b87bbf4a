import SanbaoCore

/// The form for a member's facts (name, ID number, relation, school, insured, health,
/// card, doctor, labour …): `sanbao member set`. It opens with the member's current facts
/// (a visit's later observation included) and saves only the answers changed, together.
/// Making the member head while another head is present asks for the old head's new
/// relation (`member set … relation=户主 --old-head 配偶`): one change, never two heads.
extension RecordForm {
    static func editMember(_ m: Member, of h: Household, model: Model) -> RecordForm {
        let oldHead = m.relation == .head ? nil : h.otherHead(than: m.id, on: model.today)
        var entries: [RecordEntry] = [
            .required("name", UIText.recordName, m.name),
            idNumber(of: m, today: model.today),
            .choice("relation", UIText.recordRelation, Relation.self, current: m.relation, parse: parser("relation")),
        ]
        if let oldHead { entries.append(oldHeadRelation(oldHead)) }
        entries += [
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
        var form = editing(title, entries, key: RecordDraft.Key(.memberEdit, householdID: h.id, memberID: m.id), fields: RecordFields.member) {
            (changes: [(key: String, value: JSONValue)]) -> RecordChange in
            let edits: [(field: String, value: JSONValue)] = changes.map { (c: (key: String, value: JSONValue)) -> (field: String, value: JSONValue) in
                (field: "members[\(m.id)].\(c.key)", value: c.value)
            }
            return .edit(householdID: h.id, what: m.name, edits)
        }
        form.facts = h.facts(checks: model.checks(of: h.id), times: model.factTimes(of: h.id), on: model.today)
        let fieldEdits = form.make
        form.make = { (answers: [String: String]) -> Outcome in
            withHeadChange(fieldEdits(answers), answers, member: m, oldHead: oldHead)
        }
        return form
    }

    /// The ID number: empty leaves it as it is (it is shown masked, not as an answer). A
    /// number typed is refused as `validate` and `member set` refuse it (check character,
    /// the birth date and sex it carries against the member's), in the same words.
    static func idNumber(of m: Member, today: LocalDate) -> RecordEntry {
        let validator = Validator(today: today)
        let before = Set(validator.errors(in: m))
        var entry = RecordEntry("id_number", UIText.recordIDNumberUnchanged) { (text: String) -> Bilingual? in
            guard !text.isEmpty else { return nil }
            var changed = m
            changed.idNumber = text
            return validator.errors(in: changed).first { !before.contains($0) }
        }
        entry.placeholder = m.idNumber.map(IDNumber.masked)
        return entry
    }

    /// The old head's new relation, when this member becomes head: any but head, or
    /// none while the head does not change.
    static func oldHeadRelation(_ old: Member) -> RecordEntry {
        var entry = RecordEntry.choice("old_head", UIText.recordOldHead(old.name), Relation.self, current: nil, unknown: true,
                                       parse: parser("relation"))
        if case .choice(var options) = entry.kind {
            options[0].label = UIText.recordHeadUnchanged
            options.removeAll { parser("relation")($0.word) == .string(Relation.head.rawValue) }
            entry.kind = .choice(options)
        }
        return entry
    }

    /// The field edits with the old head's relation added when the member becomes head:
    /// refused while another head is present and no relation is chosen for them, and
    /// when one is chosen but the member does not become head.
    static func withHeadChange(_ outcome: Outcome, _ answers: [String: String], member m: Member, oldHead: Member?) -> Outcome {
        guard let old = oldHead else { return outcome }
        let becomesHead = Wordings.relation.value(answers["relation"] ?? "") == .head
        let demoted = Wordings.relation.value(answers["old_head"] ?? "")
        switch (becomesHead, demoted) {
        case (true, nil): return .refused(UIText.recordOldHeadNeeded(old.name), key: "old_head")
        case (false, _?): return .refused(UIText.recordOldHeadOnlyForNewHead(old.name), key: "old_head")
        case (false, nil): return outcome
        case (true, let relation?):
            let edit = (field: "members[\(old.id)].relation", value: JSONValue.string(relation.rawValue))
            if case .change(.edit(let id, let what, let edits)) = outcome { return .change(.edit(householdID: id, what: what, edits + [edit])) }
            return outcome
        }
    }

    /// A member field of the command line's table, by key.
    static func field(_ key: String) -> RecordField {
        RecordFields.find(key, in: RecordFields.member) ?? RecordFields.member[0]
    }
}
