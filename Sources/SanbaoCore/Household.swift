/// A registered poor household (建档立卡贫困户) and everything known about it.
public struct Household: Hashable, Sendable, Codable, Identifiable {
    /// Stable id used by checks, bundles and the CLI: the village code, a dash, a sequence.
    public var id: String
    /// The household number in the registration system (户编号).
    public var number: String
    public var address: Address
    public var phone: String
    public var type: HouseholdType
    public var causes: PovertyCauses
    public var status: PovertyStatus
    public var members: [Member]
    public var pairings: [Pairing]
    public var measures: [Measure]
    public var income: [IncomeRecord]
    public var foodClothing: FoodClothing?
    public var water: WaterSupply?
    public var housing: Housing?

    public init(id: String, number: String, address: Address, phone: String, type: HouseholdType,
                causes: PovertyCauses, status: PovertyStatus, members: [Member],
                pairings: [Pairing], measures: [Measure] = [], income: [IncomeRecord] = [],
                foodClothing: FoodClothing? = nil, water: WaterSupply? = nil,
                housing: Housing? = nil) {
        self.id = id
        self.number = number
        self.address = address
        self.phone = phone
        self.type = type
        self.causes = causes
        self.status = status
        self.members = members
        self.pairings = pairings
        self.measures = measures
        self.income = income
        self.foodClothing = foodClothing
        self.water = water
        self.housing = housing
    }

    /// The head of household, or the first member when none is marked head.
    public var head: Member? {
        members.first { $0.relation == .head && $0.left == nil } ?? members.first { $0.relation == .head } ?? members.first
    }

    /// The cadre paired on `date`; the most recent pairing when several overlap.
    public func cadreID(on date: LocalDate) -> String? {
        // A loop, not filter-then-max: this runs for every household of an export or roster.
        var latest: Pairing?
        for p in pairings where p.isActive(on: date) && (latest.map { $0.start < p.start } ?? true) { latest = p }
        return latest?.cadreID
    }

    /// The most recent income record for a year not after `year`.
    public func income(forYear year: Int) -> IncomeRecord? {
        var latest: IncomeRecord?
        for r in income where r.year <= year && (latest.map { $0.year < r.year } ?? true) { latest = r }
        return latest
    }

    public func member(_ id: Int) -> Member? { members.first { $0.id == id } }

    enum CodingKeys: String, CodingKey {
        case id, number, address, phone, type, causes, status, members, pairings, measures, income
        case foodClothing = "food_clothing"
        case water, housing
    }
}

/// The main poverty cause and up to two others.
public struct PovertyCauses: Hashable, Sendable, Codable {
    public var main: PovertyCause
    public var others: [PovertyCause]

    public init(main: PovertyCause, others: [PovertyCause] = []) {
        self.main = main
        self.others = others
    }
}

/// Out of poverty or not, and the monitoring category that applies from 2021.
public struct PovertyStatus: Hashable, Sendable, Codable {
    /// The year the household left poverty, or `nil` while it has not.
    public var outOfPovertyYear: Int?
    public var monitoring: MonitoringCategory?
    public var risks: [RiskType]
    public var riskRemoved: Bool

    public init(outOfPovertyYear: Int? = nil, monitoring: MonitoringCategory? = nil,
                risks: [RiskType] = [], riskRemoved: Bool = false) {
        self.outOfPovertyYear = outOfPovertyYear
        self.monitoring = monitoring
        self.risks = risks
        self.riskRemoved = riskRemoved
    }

    public var label: Bilingual {
        let base = outOfPovertyYear.map {
            Bilingual(zh: "\($0) 年脱贫", en: "out of poverty \($0)")
        } ?? Bilingual(zh: "未脱贫", en: "not yet out of poverty")
        guard let m = monitoring else { return base }
        return Bilingual(zh: base.zh + "，" + m.label.zh, en: base.en + ", " + m.label.en)
    }

    enum CodingKeys: String, CodingKey {
        case outOfPovertyYear = "out_of_poverty_year"
        case monitoring, risks
        case riskRemoved = "risk_removed"
    }
}
