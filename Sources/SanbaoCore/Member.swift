/// One person in a household. Identity (name, ID number, birth date, relation) comes
/// from registration; the fact fields (school, health, insurance) are the latest known
/// values, which checks update as the cadre finds them.
public struct Member: Hashable, Sendable, Codable, Identifiable {
    /// Stable within the household (1, 2, 3 ...); checks refer to members by it.
    public var id: Int
    public var name: String
    public var sex: Sex
    public var idNumber: String?
    public var birthDate: LocalDate
    public var relation: Relation
    public var school: SchoolStatus?
    public var educationExemption: EducationExemption?
    /// 雨露计划 subsidy for senior-middle and vocational students; not a veto.
    public var subsidyReceived: Bool?
    public var health: HealthKind
    public var disabilityGrade: Int?
    public var chronicCard: Bool?
    public var familyDoctor: Bool?
    public var labour: LabourAbility
    public var migrantMonths: Int
    /// Enrolled in basic medical insurance (城乡居民基本医疗保险); `nil` when not yet known.
    public var insured: Bool?
    public var seriousIllnessInsurance: Bool?
    public var medicalAssistance: Bool?
    /// How and when the member joined, when it was after registration (a birth, a marriage).
    public var joined: MemberChange<JoinReason>?
    /// How and when the member left; nil while they belong to the household.
    public var left: MemberChange<LeaveReason>?

    public init(id: Int, name: String, sex: Sex, idNumber: String? = nil, birthDate: LocalDate,
                relation: Relation, school: SchoolStatus? = nil,
                educationExemption: EducationExemption? = nil, subsidyReceived: Bool? = nil,
                health: HealthKind = .healthy, disabilityGrade: Int? = nil, chronicCard: Bool? = nil,
                familyDoctor: Bool? = nil, labour: LabourAbility = .ordinary, migrantMonths: Int = 0,
                insured: Bool? = true, seriousIllnessInsurance: Bool? = nil,
                medicalAssistance: Bool? = nil, joined: MemberChange<JoinReason>? = nil,
                left: MemberChange<LeaveReason>? = nil) {
        self.id = id
        self.name = name
        self.sex = sex
        self.idNumber = idNumber
        self.birthDate = birthDate
        self.relation = relation
        self.school = school
        self.educationExemption = educationExemption
        self.subsidyReceived = subsidyReceived
        self.health = health
        self.disabilityGrade = disabilityGrade
        self.chronicCard = chronicCard
        self.familyDoctor = familyDoctor
        self.labour = labour
        self.migrantMonths = migrantMonths
        self.insured = insured
        self.seriousIllnessInsurance = seriousIllnessInsurance
        self.medicalAssistance = medicalAssistance
        self.joined = joined
        self.left = left
    }

    /// Every key a member record has: what `members[N].KEY` may name.
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, sex
        case idNumber = "id_number"
        case birthDate = "birth_date"
        case relation, school
        case educationExemption = "education_exemption"
        case subsidyReceived = "subsidy_received"
        case health
        case disabilityGrade = "disability_grade"
        case chronicCard = "chronic_card"
        case familyDoctor = "family_doctor"
        case labour
        case migrantMonths = "migrant_months"
        case insured
        case seriousIllnessInsurance = "serious_illness_insurance"
        case medicalAssistance = "medical_assistance"
        case joined, left
    }
}
