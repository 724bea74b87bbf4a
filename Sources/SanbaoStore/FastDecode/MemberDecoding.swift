import SanbaoCore

// A member of a household, mirroring the synthesized `Codable` of `Member`
// (Member.swift). Note `Member.init` defaults `insured` to true; `Codable` does not,
// so every optional is passed explicitly, nil when absent or null.
extension FastDecode {
    static func member(_ c: inout ByteCursor) throws(Reject) -> Member {
        var id, migrantMonths: Int?
        var name: String?
        var sex: Sex?
        var idNumber: String?
        var birthDate: LocalDate?
        var relation: Relation?
        var school: SchoolStatus?
        var educationExemption: EducationExemption?
        var subsidyReceived: Bool?
        var health: HealthKind?
        var disabilityGrade: Int?
        var chronicCard, familyDoctor: Bool?
        var labour: LabourAbility?
        var insured, seriousIllnessInsurance, medicalAssistance: Bool?
        var joined: MemberChange<JoinReason>?
        var left: MemberChange<LeaveReason>?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("id") {
                try seen.mark(0); id = try c.int()
            } else if try c.key("name") {
                try seen.mark(1); name = try c.string()
            } else if try c.key("sex") {
                try seen.mark(2); sex = try c.word(Words.sex)
            } else if try c.key("id_number") {
                try seen.mark(3); idNumber = try c.optional { c throws(Reject) in try c.string() }
            } else if try c.key("birth_date") {
                try seen.mark(4); birthDate = try c.date()
            } else if try c.key("relation") {
                try seen.mark(5); relation = try c.word(Words.relation)
            } else if try c.key("school") {
                try seen.mark(6); school = try c.optional { c throws(Reject) in try c.word(Words.school) }
            } else if try c.key("education_exemption") {
                try seen.mark(7); educationExemption = try c.optional { c throws(Reject) in try c.word(Words.exemption) }
            } else if try c.key("subsidy_received") {
                try seen.mark(8); subsidyReceived = try c.optional { c throws(Reject) in try c.bool() }
            } else if try c.key("health") {
                try seen.mark(9); health = try c.word(Words.health)
            } else if try c.key("disability_grade") {
                try seen.mark(10); disabilityGrade = try c.optional { c throws(Reject) in try c.int() }
            } else if try c.key("chronic_card") {
                try seen.mark(11); chronicCard = try c.optional { c throws(Reject) in try c.bool() }
            } else if try c.key("family_doctor") {
                try seen.mark(12); familyDoctor = try c.optional { c throws(Reject) in try c.bool() }
            } else if try c.key("labour") {
                try seen.mark(13); labour = try c.word(Words.labour)
            } else if try c.key("migrant_months") {
                try seen.mark(14); migrantMonths = try c.int()
            } else if try c.key("insured") {
                try seen.mark(15); insured = try c.optional { c throws(Reject) in try c.bool() }
            } else if try c.key("serious_illness_insurance") {
                try seen.mark(16); seriousIllnessInsurance = try c.optional { c throws(Reject) in try c.bool() }
            } else if try c.key("medical_assistance") {
                try seen.mark(17); medicalAssistance = try c.optional { c throws(Reject) in try c.bool() }
            } else if try c.key("joined") {
                try seen.mark(18); joined = try c.optional { c throws(Reject) in try change(&c, Words.joinReason) }
            } else if try c.key("left") {
                try seen.mark(19); left = try c.optional { c throws(Reject) in try change(&c, Words.leaveReason) }
            } else {
                try c.skipField()
            }
        }
        return Member(
            id: try required(id), name: try required(name), sex: try required(sex), idNumber: idNumber,
            birthDate: try required(birthDate), relation: try required(relation), school: school,
            educationExemption: educationExemption, subsidyReceived: subsidyReceived,
            health: try required(health), disabilityGrade: disabilityGrade, chronicCard: chronicCard,
            familyDoctor: familyDoctor, labour: try required(labour), migrantMonths: try required(migrantMonths),
            insured: insured, seriousIllnessInsurance: seriousIllnessInsurance,
            medicalAssistance: medicalAssistance, joined: joined, left: left)
    }

    /// `{"reason": …, "date": …}`: a member's join or leave.
    static func change<R: Codable & Hashable>(_ c: inout ByteCursor, _ words: RawTable<R>) throws(Reject) -> MemberChange<R> {
        var reason: R?
        var date: LocalDate?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("reason") {
                try seen.mark(0); reason = try c.word(words)
            } else if try c.key("date") {
                try seen.mark(1); date = try c.date()
            } else {
                try c.skipField()
            }
        }
        return MemberChange(reason: try required(reason), date: try required(date))
    }
}
