// The facts behind the fact-based indicators. A household record holds the latest known
// value of each; a check may carry newer observations that replace them from its date on.

/// Per-capita net income of the household for one calendar year, in whole yuan.
public struct IncomeRecord: Hashable, Sendable, Codable {
    public var year: Int
    public var perCapita: Int

    public init(year: Int, perCapita: Int) {
        self.year = year
        self.perCapita = perCapita
    }

    enum CodingKeys: String, CodingKey {
        case year
        case perCapita = "per_capita"
    }
}

/// 不愁吃穿: three yes/no judgements. There is no official number; a note says why.
public struct FoodClothing: Hashable, Sendable, Codable {
    public var enoughFood: Bool
    public var seasonalClothes: Bool
    public var winterBedding: Bool

    public init(enoughFood: Bool, seasonalClothes: Bool, winterBedding: Bool) {
        self.enoughFood = enoughFood
        self.seasonalClothes = seasonalClothes
        self.winterBedding = winterBedding
    }

    enum CodingKeys: String, CodingKey {
        case enoughFood = "enough_food"
        case seasonalClothes = "seasonal_clothes"
        case winterBedding = "winter_bedding"
    }
}

/// The household's drinking-water supply and the four safe-water answers.
public struct WaterSupply: Hashable, Sendable, Codable {
    public var source: WaterSource
    public var litresPerPersonDay: Int?
    /// Quality tested, or for scattered supply checked on site.
    public var qualityOK: Bool?
    public var pipedToYard: Bool
    /// Round trip to fetch water, when not piped to the yard.
    public var roundTripMinutes: Int?
    public var horizontalMetres: Int?
    public var verticalMetres: Int?
    public var daysCutPerYear: Int?
    /// In a water-scarce area the quantity threshold is the lower one (20 L by default).
    public var scarceArea: Bool

    public init(source: WaterSource, litresPerPersonDay: Int? = nil, qualityOK: Bool? = nil,
                pipedToYard: Bool, roundTripMinutes: Int? = nil, horizontalMetres: Int? = nil,
                verticalMetres: Int? = nil, daysCutPerYear: Int? = nil, scarceArea: Bool = false) {
        self.source = source
        self.litresPerPersonDay = litresPerPersonDay
        self.qualityOK = qualityOK
        self.pipedToYard = pipedToYard
        self.roundTripMinutes = roundTripMinutes
        self.horizontalMetres = horizontalMetres
        self.verticalMetres = verticalMetres
        self.daysCutPerYear = daysCutPerYear
        self.scarceArea = scarceArea
    }

    enum CodingKeys: String, CodingKey {
        case source
        case litresPerPersonDay = "litres_per_person_day"
        case qualityOK = "quality_ok"
        case pipedToYard = "piped_to_yard"
        case roundTripMinutes = "round_trip_minutes"
        case horizontalMetres = "horizontal_metres"
        case verticalMetres = "vertical_metres"
        case daysCutPerYear = "days_cut_per_year"
        case scarceArea = "scarce_area"
    }
}

/// The dwelling, its appraisal (2009 rural dangerous-housing guide) and any renovation.
public struct Housing: Hashable, Sendable, Codable {
    public var grade: HousingGrade?
    public var appraisalDate: LocalDate?
    public var structure: HouseStructure?
    public var renovation: Renovation
    public var renovationDate: LocalDate?
    /// Moved into relocation housing (易地扶贫搬迁).
    public var relocated: Bool
    public var relocationDate: LocalDate?

    public init(grade: HousingGrade?, appraisalDate: LocalDate? = nil, structure: HouseStructure? = nil,
                renovation: Renovation = .none, renovationDate: LocalDate? = nil,
                relocated: Bool = false, relocationDate: LocalDate? = nil) {
        self.grade = grade
        self.appraisalDate = appraisalDate
        self.structure = structure
        self.renovation = renovation
        self.renovationDate = renovationDate
        self.relocated = relocated
        self.relocationDate = relocationDate
    }

    enum CodingKeys: String, CodingKey {
        case grade
        case appraisalDate = "appraisal_date"
        case structure, renovation
        case renovationDate = "renovation_date"
        case relocated
        case relocationDate = "relocation_date"
    }
}
