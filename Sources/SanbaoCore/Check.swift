/// One guarantee check: a visit (入户走访) by a cadre, with what was found for each
/// indicator. Checks are never deleted; a correction is a new check that names the one
/// it supersedes.
public struct Check: Hashable, Sendable, Codable, Identifiable {
    /// Unique across devices, so checks from several cadres unite by id when merged.
    public var id: String
    public var householdID: String
    public var date: LocalDate
    public var cadreID: String
    /// When the check was saved, as an ISO 8601 UTC timestamp. Orders two checks of one day.
    public var recordedAt: String
    public var findings: [Indicator: Finding]
    /// Facts found on the visit; they replace the household's facts from `date` on.
    public var observations: Observations?
    /// Measures agreed with the household on this visit.
    public var measures: [String]
    public var followUp: LocalDate?
    /// The household confirmed (signed) the record.
    public var confirmed: Bool
    public var note: String
    /// The id of the check this one corrects, if it is an amendment.
    public var supersedes: String?

    public init(id: String, householdID: String, date: LocalDate, cadreID: String,
                recordedAt: String, findings: [Indicator: Finding], observations: Observations? = nil,
                measures: [String] = [], followUp: LocalDate? = nil, confirmed: Bool = false,
                note: String = "", supersedes: String? = nil) {
        self.id = id
        self.householdID = householdID
        self.date = date
        self.cadreID = cadreID
        self.recordedAt = recordedAt
        self.findings = findings
        self.observations = observations
        self.measures = measures
        self.followUp = followUp
        self.confirmed = confirmed
        self.note = note
        self.supersedes = supersedes
    }

    enum CodingKeys: String, CodingKey {
        case id
        case householdID = "household_id"
        case date
        case cadreID = "cadre_id"
        case recordedAt = "recorded_at"
        case findings, observations, measures
        case followUp = "follow_up"
        case confirmed, note, supersedes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        householdID = try c.decode(String.self, forKey: .householdID)
        date = try c.decode(LocalDate.self, forKey: .date)
        cadreID = try c.decode(String.self, forKey: .cadreID)
        recordedAt = try c.decode(String.self, forKey: .recordedAt)
        findings = try Self.decodeFindings(c)
        observations = try c.decodeIfPresent(Observations.self, forKey: .observations)
        measures = try c.decodeIfPresent([String].self, forKey: .measures) ?? []
        followUp = try c.decodeIfPresent(LocalDate.self, forKey: .followUp)
        confirmed = try c.decodeIfPresent(Bool.self, forKey: .confirmed) ?? false
        note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
        supersedes = try c.decodeIfPresent(String.self, forKey: .supersedes)
    }

    /// Findings are an object keyed by indicator name; an unknown name is an error that
    /// says which name and what was expected, not a silent drop.
    private static func decodeFindings(_ c: KeyedDecodingContainer<CodingKeys>) throws -> [Indicator: Finding] {
        let raw = try c.decode([String: Finding].self, forKey: .findings)
        var out: [Indicator: Finding] = [:]
        for (key, value) in raw {
            guard let indicator = Indicator(rawValue: key) else {
                let expected = Indicator.allCases.map(\.rawValue).joined(separator: ", ")
                throw DecodingError.dataCorruptedError(
                    forKey: .findings, in: c,
                    debugDescription: "unknown indicator \"\(key)\" (expected one of \(expected))")
            }
            out[indicator] = value
        }
        return out
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(householdID, forKey: .householdID)
        try c.encode(date, forKey: .date)
        try c.encode(cadreID, forKey: .cadreID)
        try c.encode(recordedAt, forKey: .recordedAt)
        try c.encode(Dictionary(uniqueKeysWithValues: findings.map { ($0.key.rawValue, $0.value) }),
                     forKey: .findings)
        try c.encodeIfPresent(observations, forKey: .observations)
        try c.encode(measures, forKey: .measures)
        try c.encodeIfPresent(followUp, forKey: .followUp)
        try c.encode(confirmed, forKey: .confirmed)
        try c.encode(note, forKey: .note)
        try c.encodeIfPresent(supersedes, forKey: .supersedes)
    }
}

/// What the cadre found for one indicator: a judged state (optional when the facts
/// decide it) and a note in the cadre's words.
public struct Finding: Hashable, Sendable, Codable {
    public var state: IndicatorState?
    public var note: String

    public init(state: IndicatorState? = nil, note: String = "") {
        self.state = state
        self.note = note
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        state = try c.decodeIfPresent(IndicatorState.self, forKey: .state)
        note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
    }

    enum CodingKeys: String, CodingKey { case state, note }
}

/// Facts observed on a visit. Each field present replaces the household's value from
/// the check's date on; absent fields leave it as it was.
public struct Observations: Hashable, Sendable, Codable {
    public var income: IncomeRecord?
    public var foodClothing: FoodClothing?
    public var water: WaterSupply?
    public var housing: Housing?
    public var members: [MemberObservation]

    public init(income: IncomeRecord? = nil, foodClothing: FoodClothing? = nil,
                water: WaterSupply? = nil, housing: Housing? = nil,
                members: [MemberObservation] = []) {
        self.income = income
        self.foodClothing = foodClothing
        self.water = water
        self.housing = housing
        self.members = members
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        income = try c.decodeIfPresent(IncomeRecord.self, forKey: .income)
        foodClothing = try c.decodeIfPresent(FoodClothing.self, forKey: .foodClothing)
        water = try c.decodeIfPresent(WaterSupply.self, forKey: .water)
        housing = try c.decodeIfPresent(Housing.self, forKey: .housing)
        members = try c.decodeIfPresent([MemberObservation].self, forKey: .members) ?? []
    }

    public var isEmpty: Bool {
        income == nil && foodClothing == nil && water == nil && housing == nil && members.isEmpty
    }

    enum CodingKeys: String, CodingKey {
        case income
        case foodClothing = "food_clothing"
        case water, housing, members
    }
}

/// Per-member facts found on a visit: the questions the education and medical rules need.
public struct MemberObservation: Hashable, Sendable, Codable {
    public var memberID: Int
    public var school: SchoolStatus?
    public var educationExemption: EducationExemption?
    public var insured: Bool?
    public var health: HealthKind?
    public var chronicCard: Bool?
    public var familyDoctor: Bool?

    public init(memberID: Int, school: SchoolStatus? = nil,
                educationExemption: EducationExemption? = nil, insured: Bool? = nil,
                health: HealthKind? = nil, chronicCard: Bool? = nil, familyDoctor: Bool? = nil) {
        self.memberID = memberID
        self.school = school
        self.educationExemption = educationExemption
        self.insured = insured
        self.health = health
        self.chronicCard = chronicCard
        self.familyDoctor = familyDoctor
    }

    enum CodingKeys: String, CodingKey {
        case memberID = "member_id"
        case school
        case educationExemption = "education_exemption"
        case insured, health
        case chronicCard = "chronic_card"
        case familyDoctor = "family_doctor"
    }
}
