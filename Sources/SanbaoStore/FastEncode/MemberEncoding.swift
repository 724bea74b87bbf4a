import SanbaoCore

/// A member inside a household's line, in sorted key order.
extension FastEncode {
    static func write(_ m: Member, _ o: inout JSONBytes) {
        o.open()
        o.field("birth_date", m.birthDate)
        o.field("chronic_card", m.chronicCard)
        o.field("disability_grade", m.disabilityGrade)
        o.field("education_exemption", m.educationExemption)
        o.field("family_doctor", m.familyDoctor)
        o.field("health", m.health)
        o.field("id", m.id)
        o.field("id_number", m.idNumber)
        o.field("insured", m.insured)
        o.object("joined", m.joined) { o, v in write(v, &o) }
        o.field("labour", m.labour)
        o.object("left", m.left) { o, v in write(v, &o) }
        o.field("medical_assistance", m.medicalAssistance)
        o.field("migrant_months", m.migrantMonths)
        o.field("name", m.name)
        o.field("relation", m.relation)
        o.field("school", m.school)
        o.field("serious_illness_insurance", m.seriousIllnessInsurance)
        o.field("sex", m.sex)
        o.field("subsidy_received", m.subsidyReceived)
        o.close()
    }

    static func write<R: RawRepresentable<String>>(_ c: MemberChange<R>, _ o: inout JSONBytes) {
        o.open()
        o.field("date", c.date)
        o.field("reason", c.reason)
        o.close()
    }
}
