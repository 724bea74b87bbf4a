/// The thresholds the rules use. Defaults come from domain.md; a `rules.json` in the data
/// directory overrides any subset of them (missing keys keep their defaults).
public struct RulesConfig: Hashable, Sendable, Codable {
    public static let schemaVersion = 1

    /// A yuan amount that applies from `year` until the next entry of its table.
    public struct YearLine: Hashable, Sendable, Codable {
        public var year: Int
        public var yuan: Int
        public init(year: Int, yuan: Int) { self.year = year; self.yuan = yuan }
    }

    /// Safe-water thresholds (农村饮水安全评价准则).
    public struct WaterThresholds: Hashable, Sendable, Codable {
        public var litresPerPersonDay = 35
        public var litresPerPersonDayScarce = 20
        public var maxRoundTripMinutes = 20
        public var maxHorizontalMetres = 800
        public var maxVerticalMetres = 80
        public var maxDaysCutPerYear = 36

        public init() {}

        enum CodingKeys: String, CodingKey {
            case litresPerPersonDay = "litres_per_person_day"
            case litresPerPersonDayScarce = "litres_per_person_day_scarce"
            case maxRoundTripMinutes = "max_round_trip_minutes"
            case maxHorizontalMetres = "max_horizontal_metres"
            case maxVerticalMetres = "max_vertical_metres"
            case maxDaysCutPerYear = "max_days_cut_per_year"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = WaterThresholds()
            litresPerPersonDay = try c.decodeIfPresent(Int.self, forKey: .litresPerPersonDay) ?? d.litresPerPersonDay
            litresPerPersonDayScarce = try c.decodeIfPresent(Int.self, forKey: .litresPerPersonDayScarce) ?? d.litresPerPersonDayScarce
            maxRoundTripMinutes = try c.decodeIfPresent(Int.self, forKey: .maxRoundTripMinutes) ?? d.maxRoundTripMinutes
            maxHorizontalMetres = try c.decodeIfPresent(Int.self, forKey: .maxHorizontalMetres) ?? d.maxHorizontalMetres
            maxVerticalMetres = try c.decodeIfPresent(Int.self, forKey: .maxVerticalMetres) ?? d.maxVerticalMetres
            maxDaysCutPerYear = try c.decodeIfPresent(Int.self, forKey: .maxDaysCutPerYear) ?? d.maxDaysCutPerYear
        }
    }

    /// Compulsory-school age, inclusive: a child is in range from their `schoolAgeMin`th
    /// birthday until the day before their `schoolAgeMax + 1`th.
    public var schoolAgeMin = 6
    public var schoolAgeMax = 15

    /// The ages of compulsory schooling, inclusive: the one place they are worked out,
    /// for the rule, the check form and the stability of a judgement. Nil when
    /// `schoolAgeMin` is above `schoolAgeMax` (a bad `rules.json`, which `problems`
    /// reports): then no one is of school age.
    public var schoolAge: ClosedRange<Int>? {
        schoolAgeMin <= schoolAgeMax ? schoolAgeMin...schoolAgeMax : nil
    }

    /// Whether someone `age` years old is of compulsory-school age.
    public func isSchoolAge(_ age: Int) -> Bool { schoolAge?.contains(age) ?? false }
    /// Per-capita net income lines by year. Income must be above the line.
    /// 2015-2017 national lines, Gansu's 2018 exit target (3,500), about 4,000 by 2020.
    public var povertyLines: [YearLine] = [
        YearLine(year: 2015, yuan: 2855), YearLine(year: 2016, yuan: 2952),
        YearLine(year: 2017, yuan: 3335), YearLine(year: 2018, yuan: 3500),
        YearLine(year: 2019, yuan: 3750), YearLine(year: 2020, yuan: 4000),
    ]
    /// Monitoring lines from 2021 (1.5 x the poverty line; provinces may set higher).
    /// Income above the poverty line but below this is flagged for follow-up.
    public var monitoringLines: [YearLine] = [YearLine(year: 2021, yuan: 6000)]
    public var water = WaterThresholds()
    /// A household not visited for longer than this is overdue.
    public var visitIntervalDays = 30

    public init() {}

    /// The poverty line for `year`: the latest entry not after it (the earliest if none).
    public func povertyLine(year: Int) -> Int? { Self.line(povertyLines, year) }

    /// The monitoring line for `year`, or `nil` before the first entry (before 2021).
    public func monitoringLine(year: Int) -> Int? {
        Self.latest(monitoringLines, notAfter: year)?.yuan
    }

    private static func line(_ table: [YearLine], _ year: Int) -> Int? {
        latest(table, notAfter: year)?.yuan ?? table.min { $0.year < $1.year }?.yuan
    }

    /// The entry of the latest year not after `year` (the first of equal years). A loop,
    /// not filter-then-max: every household's income is judged against it.
    private static func latest(_ table: [YearLine], notAfter year: Int) -> YearLine? {
        var best: YearLine?
        for line in table where line.year <= year && (best.map { $0.year < line.year } ?? true) { best = line }
        return best
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case schoolAgeMin = "school_age_min"
        case schoolAgeMax = "school_age_max"
        case povertyLines = "poverty_lines"
        case monitoringLines = "monitoring_lines"
        case water
        case visitIntervalDays = "visit_interval_days"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = RulesConfig()
        schoolAgeMin = try c.decodeIfPresent(Int.self, forKey: .schoolAgeMin) ?? d.schoolAgeMin
        schoolAgeMax = try c.decodeIfPresent(Int.self, forKey: .schoolAgeMax) ?? d.schoolAgeMax
        povertyLines = try c.decodeIfPresent([YearLine].self, forKey: .povertyLines) ?? d.povertyLines
        monitoringLines = try c.decodeIfPresent([YearLine].self, forKey: .monitoringLines) ?? d.monitoringLines
        water = try c.decodeIfPresent(WaterThresholds.self, forKey: .water) ?? d.water
        visitIntervalDays = try c.decodeIfPresent(Int.self, forKey: .visitIntervalDays) ?? d.visitIntervalDays
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schemaVersion, forKey: .schemaVersion)
        try c.encode(schoolAgeMin, forKey: .schoolAgeMin)
        try c.encode(schoolAgeMax, forKey: .schoolAgeMax)
        try c.encode(povertyLines, forKey: .povertyLines)
        try c.encode(monitoringLines, forKey: .monitoringLines)
        try c.encode(water, forKey: .water)
        try c.encode(visitIntervalDays, forKey: .visitIntervalDays)
    }

    /// Problems that make this configuration unusable, in words a person can act on.
    public var problems: [Bilingual] {
        var out: [Bilingual] = []
        if schoolAgeMin < 0 || schoolAgeMax < schoolAgeMin {
            out.append(Bilingual(zh: "义务教育年龄范围无效：\(schoolAgeMin)-\(schoolAgeMax)",
                                 en: "school age range \(schoolAgeMin)-\(schoolAgeMax) is invalid"))
        }
        if povertyLines.isEmpty {
            out.append(Bilingual(zh: "贫困线表为空", en: "poverty_lines is empty"))
        }
        if visitIntervalDays <= 0 {
            out.append(Bilingual(zh: "走访间隔天数必须大于 0", en: "visit_interval_days must be above 0"))
        }
        return out
    }
}
