import Foundation
import SanbaoCore

/// The version of Sanbao written into every export.
public enum SanbaoVersion {
    public static let current = "0.1.0"
}

/// The summary file a cadre hands up to the township, as a value: a header (what was
/// selected, the period, the thresholds), totals per village and group, one record per
/// household, the gap list and, for a township roll-up, the households that appeared in
/// more than one input. Every format (XLSX, CSV, JSON, HTML) is rendered from it; its JSON
/// encoding is the `json` format, documented by docs/schema/summary.schema.json, and is
/// the input of `sanbao rollup`.
public struct SummaryReport: Hashable, Sendable, Codable {
    /// The value of `format` in every summary JSON file.
    public static let formatName = "sanbao-summary"
    public static let schemaVersion = 1

    public enum Kind: String, Hashable, Sendable, Codable {
        /// Built from one data directory by `sanbao export`.
        case export
        /// Combined from several summary JSON files by `sanbao rollup`.
        case rollup
    }

    public enum IDDisclosure: String, Hashable, Sendable, Codable {
        case masked, full
    }

    public var kind: Kind
    public var sanbaoVersion: String
    /// When the file was made, ISO 8601 UTC.
    public var generatedAt: String
    /// Checks from `from` to `to` (inclusive) count as visits in the period; states are
    /// judged on `to`.
    public var period: Period
    public var selection: Selection
    public var idNumbers: IDDisclosure
    /// The thresholds the states were judged with (a roll-up: those of its first input).
    public var thresholds: RulesConfig
    /// The villages of the households in the report, by code.
    public var villages: [Village]
    /// The cadres of the selection: the one asked for, else those paired with the
    /// selected households on the assessment date.
    public var cadres: [CadreRef]
    /// A roll-up's inputs, in the order given; empty for an export.
    public var sources: [Source]
    /// Inputs of a roll-up whose thresholds differ from the first input's.
    public var thresholdMismatches: [String]
    /// Things the reader must know, such as inputs judged with different thresholds.
    public var warnings: [Bilingual]
    public var counts: Counts
    public var totals: Totals
    public var households: [HouseholdRecord]
    public var gaps: [Gap]
    public var clashes: [Clash]

    public var isEmpty: Bool { households.isEmpty }

    public init(kind: Kind, generatedAt: String, period: Period, selection: Selection, idNumbers: IDDisclosure,
                thresholds: RulesConfig, villages: [Village], cadres: [CadreRef], sources: [Source] = [],
                thresholdMismatches: [String] = [], warnings: [Bilingual] = [], households: [HouseholdRecord],
                gaps: [Gap], clashes: [Clash] = []) {
        self.kind = kind
        self.sanbaoVersion = SanbaoVersion.current
        self.generatedAt = generatedAt
        self.period = period
        self.selection = selection
        self.idNumbers = idNumbers
        self.thresholds = thresholds
        self.villages = villages
        self.cadres = cadres
        self.sources = sources
        self.thresholdMismatches = thresholdMismatches
        self.warnings = warnings
        self.households = households
        self.gaps = gaps
        self.clashes = clashes
        self.counts = Counts(households: households, gaps: gaps)
        self.totals = Totals(households)
    }

    enum CodingKeys: String, CodingKey {
        case format
        case schemaVersion = "schema_version"
        case kind
        case sanbaoVersion = "sanbao_version"
        case generatedAt = "generated_at"
        case period, selection
        case idNumbers = "id_numbers"
        case thresholds, villages, cadres, sources
        case thresholdMismatches = "threshold_mismatches"
        case warnings, empty, counts, totals, households, gaps, clashes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let format = try c.decode(String.self, forKey: .format)
        guard format == Self.formatName else {
            throw DecodingError.dataCorruptedError(forKey: .format, in: c,
                debugDescription: "not a Sanbao summary: format is \"\(format)\", expected \"\(Self.formatName)\"")
        }
        let version = try c.decode(Int.self, forKey: .schemaVersion)
        guard version == Self.schemaVersion else {
            throw DecodingError.dataCorruptedError(forKey: .schemaVersion, in: c,
                debugDescription: "summary schema_version \(version) is not supported (this Sanbao reads \(Self.schemaVersion))")
        }
        kind = try c.decode(Kind.self, forKey: .kind)
        sanbaoVersion = try c.decode(String.self, forKey: .sanbaoVersion)
        generatedAt = try c.decode(String.self, forKey: .generatedAt)
        period = try c.decode(Period.self, forKey: .period)
        selection = try c.decode(Selection.self, forKey: .selection)
        idNumbers = try c.decode(IDDisclosure.self, forKey: .idNumbers)
        thresholds = try c.decode(RulesConfig.self, forKey: .thresholds)
        villages = try c.decode([Village].self, forKey: .villages)
        cadres = try c.decode([CadreRef].self, forKey: .cadres)
        sources = try c.decodeIfPresent([Source].self, forKey: .sources) ?? []
        thresholdMismatches = try c.decodeIfPresent([String].self, forKey: .thresholdMismatches) ?? []
        warnings = try c.decodeIfPresent([Bilingual].self, forKey: .warnings) ?? []
        households = try c.decode([HouseholdRecord].self, forKey: .households)
        gaps = try c.decode([Gap].self, forKey: .gaps)
        clashes = try c.decodeIfPresent([Clash].self, forKey: .clashes) ?? []
        // Counts and totals are derived from the households: recomputed, never trusted.
        counts = Counts(households: households, gaps: gaps)
        totals = Totals(households)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.formatName, forKey: .format)
        try c.encode(Self.schemaVersion, forKey: .schemaVersion)
        try c.encode(kind, forKey: .kind)
        try c.encode(sanbaoVersion, forKey: .sanbaoVersion)
        try c.encode(generatedAt, forKey: .generatedAt)
        try c.encode(period, forKey: .period)
        try c.encode(selection, forKey: .selection)
        try c.encode(idNumbers, forKey: .idNumbers)
        try c.encode(thresholds, forKey: .thresholds)
        try c.encode(villages, forKey: .villages)
        try c.encode(cadres, forKey: .cadres)
        try c.encode(sources, forKey: .sources)
        try c.encode(thresholdMismatches, forKey: .thresholdMismatches)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(isEmpty, forKey: .empty)
        try c.encode(counts, forKey: .counts)
        try c.encode(totals, forKey: .totals)
        try c.encode(households, forKey: .households)
        try c.encode(gaps, forKey: .gaps)
        try c.encode(clashes, forKey: .clashes)
    }
}

extension SummaryReport {
    /// The dates of a report: visits from `from` to `to` count; states are judged on `to`.
    public struct Period: Hashable, Sendable, Codable {
        public var from: LocalDate
        public var to: LocalDate
        public init(from: LocalDate, to: LocalDate) { self.from = from; self.to = to }
    }

    /// What the user asked for: villages by code (empty: all) and a cadre (nil: all).
    public struct Selection: Hashable, Sendable, Codable {
        public var villageCodes: [String]
        public var cadre: String?

        public init(villageCodes: [String] = [], cadre: String? = nil) {
            self.villageCodes = villageCodes
            self.cadre = cadre
        }

        enum CodingKeys: String, CodingKey {
            case villageCodes = "village_codes"
            case cadre
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(villageCodes, forKey: .villageCodes)
            try c.encode(cadre, forKey: .cadre)
        }
    }

    public struct Village: Hashable, Sendable, Codable {
        public var code: String
        public var name: String
        public var township: String
        public var county: String
        public init(code: String, name: String, township: String, county: String) {
            self.code = code
            self.name = name
            self.township = township
            self.county = county
        }
    }

    public struct CadreRef: Hashable, Sendable, Codable {
        public var id: String
        public var name: String
        public var unit: String
        public init(id: String, name: String, unit: String) { self.id = id; self.name = name; self.unit = unit }
    }

    /// One input of a roll-up.
    public struct Source: Hashable, Sendable, Codable {
        /// The file name as given on the command line.
        public var file: String
        public var kind: Kind
        public var generatedAt: String
        public var sanbaoVersion: String
        public var period: Period
        public var villageCodes: [String]
        public var cadres: [String]
        public var households: Int
        /// Whether its thresholds equal those of the first input.
        public var thresholdsMatch: Bool

        public init(file: String, kind: Kind, generatedAt: String, sanbaoVersion: String, period: Period,
                    villageCodes: [String], cadres: [String], households: Int, thresholdsMatch: Bool) {
            self.file = file
            self.kind = kind
            self.generatedAt = generatedAt
            self.sanbaoVersion = sanbaoVersion
            self.period = period
            self.villageCodes = villageCodes
            self.cadres = cadres
            self.households = households
            self.thresholdsMatch = thresholdsMatch
        }

        enum CodingKeys: String, CodingKey {
            case file, kind
            case generatedAt = "generated_at"
            case sanbaoVersion = "sanbao_version"
            case period
            case villageCodes = "village_codes"
            case cadres, households
            case thresholdsMatch = "thresholds_match"
        }
    }

    /// Headline figures of the whole report.
    public struct Counts: Hashable, Sendable, Codable {
        public var households: Int
        public var meetingStandard: Int
        public var overdue: Int
        /// Households with at least one check in the period.
        public var visitedInPeriod: Int
        /// Entries of the gap list.
        public var gaps: Int

        public init(households: [HouseholdRecord], gaps: [Gap]) {
            self.households = households.count
            // Counted in one pass, reading each record in place: filtering would copy every
            // record three times, and even a loop over the records copies each.
            var meeting = 0, overdue = 0, visited = 0
            households.withUnsafeBufferPointer { all in
                for i in all.indices {
                    if all[i].meetsStandard { meeting += 1 }
                    if all[i].overdue { overdue += 1 }
                    if all[i].visitsInPeriod > 0 { visited += 1 }
                }
            }
            meetingStandard = meeting
            self.overdue = overdue
            visitedInPeriod = visited
            self.gaps = gaps.count
        }

        enum CodingKeys: String, CodingKey {
            case households
            case meetingStandard = "meeting_standard"
            case overdue
            case visitedInPeriod = "visited_in_period"
            case gaps
        }
    }
}

// MARK: - Totals

/// A value for each of the six indicators, written as an object with the six indicator
/// names as keys.
public struct PerIndicator<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    public var income: Value
    public var foodClothing: Value
    public var water: Value
    public var education: Value
    public var medical: Value
    public var housing: Value

    public init(_ make: (Indicator) -> Value) {
        income = make(.income)
        foodClothing = make(.foodClothing)
        water = make(.water)
        education = make(.education)
        medical = make(.medical)
        housing = make(.housing)
    }

    public subscript(_ i: Indicator) -> Value {
        get {
            switch i {
            case .income: income
            case .foodClothing: foodClothing
            case .water: water
            case .education: education
            case .medical: medical
            case .housing: housing
            }
        }
        set {
            switch i {
            case .income: income = newValue
            case .foodClothing: foodClothing = newValue
            case .water: water = newValue
            case .education: education = newValue
            case .medical: medical = newValue
            case .housing: housing = newValue
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case income
        case foodClothing = "food_clothing"
        case water, education, medical, housing
    }
}

/// How many households are in each state for one indicator.
public struct StateCounts: Hashable, Sendable, Codable {
    public var met = 0
    public var notMet = 0
    public var followUp = 0
    public var unchecked = 0
    public var notApplicable = 0

    public init() {}

    public subscript(_ s: IndicatorState) -> Int {
        get {
            switch s {
            case .met: met
            case .notMet: notMet
            case .followUp: followUp
            case .unchecked: unchecked
            case .notApplicable: notApplicable
            }
        }
        set {
            switch s {
            case .met: met = newValue
            case .notMet: notMet = newValue
            case .followUp: followUp = newValue
            case .unchecked: unchecked = newValue
            case .notApplicable: notApplicable = newValue
            }
        }
    }

    /// The states in the order every table shows them.
    public static let order: [IndicatorState] = [.met, .notMet, .followUp, .unchecked, .notApplicable]

    enum CodingKeys: String, CodingKey {
        case met
        case notMet = "not_met"
        case followUp = "follow_up"
        case unchecked
        case notApplicable = "not_applicable"
    }
}

/// Counts over a set of households: the JSON form of the domain's `Tally`.
public struct TallyRecord: Hashable, Sendable, Codable {
    public var households = 0
    public var meetingStandard = 0
    public var overdue = 0
    public var indicators = PerIndicator { _ in StateCounts() }

    public init() {}

    /// The same figures as a domain `Tally`.
    public init(_ t: Tally) {
        households = t.households
        meetingStandard = t.meetingStandard
        overdue = t.overdue
        indicators = PerIndicator { i in
            var s = StateCounts()
            for state in IndicatorState.allCases { s[state] = t.count(i, state) }
            return s
        }
    }

    public mutating func add(_ h: HouseholdRecord) {
        households += 1
        if h.meetsStandard { meetingStandard += 1 }
        if h.overdue { overdue += 1 }
        for i in Indicator.allCases { indicators[i][h.indicators[i].state] += 1 }
    }

    /// `add(all[i])`, reading the record in place (its states and flags hold no references).
    mutating func add(_ all: UnsafeBufferPointer<HouseholdRecord>, _ i: Int) {
        households += 1
        if all[i].meetsStandard { meetingStandard += 1 }
        if all[i].overdue { overdue += 1 }
        indicators.income[all[i].indicators.income.state] += 1
        indicators.foodClothing[all[i].indicators.foodClothing.state] += 1
        indicators.water[all[i].indicators.water.state] += 1
        indicators.education[all[i].indicators.education.state] += 1
        indicators.medical[all[i].indicators.medical.state] += 1
        indicators.housing[all[i].indicators.housing.state] += 1
    }

    enum CodingKeys: String, CodingKey {
        case households
        case meetingStandard = "meeting_standard"
        case overdue, indicators
    }
}

/// Totals of the whole report, per village and per group of each village.
public struct Totals: Hashable, Sendable, Codable {
    public struct VillageTotals: Hashable, Sendable, Codable {
        public var code: String
        public var name: String
        public var tally: TallyRecord
        public var groups: [GroupTotals]
    }

    public struct GroupTotals: Hashable, Sendable, Codable {
        public var group: String
        public var tally: TallyRecord
    }

    public var all: TallyRecord
    public var villages: [VillageTotals]

    /// Villages by code; groups in the order they first appear (households are in
    /// household-number order, so 一组 comes before 二组).
    public init(_ households: [HouseholdRecord]) {
        // Villages are updated in place through their index: copying a village's totals
        // out of a dictionary and back would copy its groups for every household.
        var villages: [VillageTotals] = []
        var index: [String: Int] = [:]
        var total = TallyRecord()
        // Records read in place: a loop over them would copy each.
        households.withUnsafeBufferPointer { records in
            for i in records.indices {
                total.add(records, i)
                let n: Int
                if let v = index[records[i].villageCode] {
                    n = v
                } else {
                    n = villages.count
                    index[records[i].villageCode] = n
                    villages.append(VillageTotals(code: records[i].villageCode, name: records[i].village, tally: TallyRecord(),
                                                  groups: []))
                }
                villages[n].tally.add(records, i)
                if let g = villages[n].groups.firstIndex(where: { $0.group == records[i].group }) {
                    villages[n].groups[g].tally.add(records, i)
                } else {
                    var t = TallyRecord()
                    t.add(records, i)
                    villages[n].groups.append(GroupTotals(group: records[i].group, tally: t))
                }
            }
        }
        all = total
        self.villages = villages.sorted { $0.code < $1.code }
    }
}

// MARK: - Households, gaps, clashes

/// A vocabulary value: its stable code and its label in both languages.
public struct LabelledCode: Hashable, Sendable, Codable {
    public var code: String
    public var label: Bilingual

    public init(code: String, label: Bilingual) {
        self.code = code
        self.label = label
    }

    public init<T: RawRepresentable & Labelled>(_ value: T) where T.RawValue == String {
        self.init(code: value.rawValue, label: value.label)
    }
}

/// One indicator of one household: its state and the reasons, in both languages.
public struct IndicatorRecord: Hashable, Sendable, Codable {
    public var state: IndicatorState
    public var reasons: [Bilingual]
    public init(state: IndicatorState, reasons: [Bilingual]) { self.state = state; self.reasons = reasons }
}

/// The latest check of a household up to the assessment date: what "the later check
/// wins" compares when two summaries hold the same household.
public struct CheckRef: Hashable, Sendable, Codable, Comparable {
    public var id: String
    public var date: LocalDate
    public var recordedAt: String
    public var cadreID: String

    public init(id: String, date: LocalDate, recordedAt: String, cadreID: String) {
        self.id = id
        self.date = date
        self.recordedAt = recordedAt
        self.cadreID = cadreID
    }

    /// The order of `CheckHistory.chronological`: visit date, then time saved, then id.
    public static func < (a: CheckRef, b: CheckRef) -> Bool {
        (a.date, a.recordedAt, a.id) < (b.date, b.recordedAt, b.id)
    }

    enum CodingKeys: String, CodingKey {
        case id, date
        case recordedAt = "recorded_at"
        case cadreID = "cadre_id"
    }
}

/// A visit note from the period.
public struct VisitNote: Hashable, Sendable, Codable {
    public var date: LocalDate
    public var checkID: String
    public var text: String

    public init(date: LocalDate, checkID: String, text: String) {
        self.date = date
        self.checkID = checkID
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case date
        case checkID = "check_id"
        case text
    }
}

/// One household of the report.
public struct HouseholdRecord: Hashable, Sendable, Codable {
    public var id: String
    public var number: String
    public var head: String
    /// The head's ID number, masked unless the export asked for full numbers; nil when unknown.
    public var headIDNumber: String?
    public var village: String
    public var villageCode: String
    public var group: String
    public var cadreID: String?
    public var cadre: String?
    public var members: Int
    public var type: LabelledCode
    public var monitoring: LabelledCode?
    public var status: Bilingual
    public var meetsStandard: Bool
    public var overdue: Bool
    public var indicators: PerIndicator<IndicatorRecord>
    public var lastCheck: CheckRef?
    public var nextFollowUp: LocalDate?
    public var visitsInPeriod: Int
    public var notes: [VisitNote]
    /// In a roll-up, the input file the record was taken from; nil in an export.
    public var source: String?

    public init(id: String, number: String, head: String, headIDNumber: String?, village: String,
                villageCode: String, group: String, cadreID: String?, cadre: String?, members: Int,
                type: LabelledCode, monitoring: LabelledCode?, status: Bilingual, meetsStandard: Bool,
                overdue: Bool, indicators: PerIndicator<IndicatorRecord>, lastCheck: CheckRef?,
                nextFollowUp: LocalDate?, visitsInPeriod: Int, notes: [VisitNote], source: String? = nil) {
        self.id = id
        self.number = number
        self.head = head
        self.headIDNumber = headIDNumber
        self.village = village
        self.villageCode = villageCode
        self.group = group
        self.cadreID = cadreID
        self.cadre = cadre
        self.members = members
        self.type = type
        self.monitoring = monitoring
        self.status = status
        self.meetsStandard = meetsStandard
        self.overdue = overdue
        self.indicators = indicators
        self.lastCheck = lastCheck
        self.nextFollowUp = nextFollowUp
        self.visitsInPeriod = visitsInPeriod
        self.notes = notes
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case id, number, head
        case headIDNumber = "head_id_number"
        case village
        case villageCode = "village_code"
        case group
        case cadreID = "cadre_id"
        case cadre, members, type, monitoring, status
        case meetsStandard = "meets_standard"
        case overdue, indicators
        case lastCheck = "last_check"
        case nextFollowUp = "next_follow_up"
        case visitsInPeriod = "visits_in_period"
        case notes, source
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(number, forKey: .number)
        try c.encode(head, forKey: .head)
        try c.encode(headIDNumber, forKey: .headIDNumber)
        try c.encode(village, forKey: .village)
        try c.encode(villageCode, forKey: .villageCode)
        try c.encode(group, forKey: .group)
        try c.encode(cadreID, forKey: .cadreID)
        try c.encode(cadre, forKey: .cadre)
        try c.encode(members, forKey: .members)
        try c.encode(type, forKey: .type)
        try c.encode(monitoring, forKey: .monitoring)
        try c.encode(status, forKey: .status)
        try c.encode(meetsStandard, forKey: .meetsStandard)
        try c.encode(overdue, forKey: .overdue)
        try c.encode(indicators, forKey: .indicators)
        try c.encode(lastCheck, forKey: .lastCheck)
        try c.encode(nextFollowUp, forKey: .nextFollowUp)
        try c.encode(visitsInPeriod, forKey: .visitsInPeriod)
        try c.encode(notes, forKey: .notes)
        try c.encode(source, forKey: .source)
    }
}

/// One entry of the gap list: an indicator of a household that does not pass, why, and
/// what was agreed on the visit that last checked it.
public struct Gap: Hashable, Sendable, Codable {
    public var householdID: String
    public var number: String
    public var head: String
    public var village: String
    public var villageCode: String
    public var group: String
    public var cadre: String?
    public var indicator: Indicator
    public var state: IndicatorState
    public var reasons: [Bilingual]
    /// Measures agreed on the latest check with a finding for this indicator.
    public var measures: [String]
    /// That check's follow-up date.
    public var followUp: LocalDate?
    /// That check's date and id; nil when the indicator was never checked.
    public var checkDate: LocalDate?
    public var checkID: String?

    public init(householdID: String, number: String, head: String, village: String, villageCode: String,
                group: String, cadre: String?, indicator: Indicator, state: IndicatorState, reasons: [Bilingual],
                measures: [String], followUp: LocalDate?, checkDate: LocalDate?, checkID: String?) {
        self.householdID = householdID
        self.number = number
        self.head = head
        self.village = village
        self.villageCode = villageCode
        self.group = group
        self.cadre = cadre
        self.indicator = indicator
        self.state = state
        self.reasons = reasons
        self.measures = measures
        self.followUp = followUp
        self.checkDate = checkDate
        self.checkID = checkID
    }

    enum CodingKeys: String, CodingKey {
        case householdID = "household_id"
        case number, head, village
        case villageCode = "village_code"
        case group, cadre, indicator, state, reasons, measures
        case followUp = "follow_up"
        case checkDate = "check_date"
        case checkID = "check_id"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(householdID, forKey: .householdID)
        try c.encode(number, forKey: .number)
        try c.encode(head, forKey: .head)
        try c.encode(village, forKey: .village)
        try c.encode(villageCode, forKey: .villageCode)
        try c.encode(group, forKey: .group)
        try c.encode(cadre, forKey: .cadre)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(state, forKey: .state)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(measures, forKey: .measures)
        try c.encode(followUp, forKey: .followUp)
        try c.encode(checkDate, forKey: .checkDate)
        try c.encode(checkID, forKey: .checkID)
    }
}

/// A household found in more than one input of a roll-up.
public struct Clash: Hashable, Sendable, Codable {
    public enum Resolution: String, Hashable, Sendable, Codable {
        /// The kept input holds a later check than every other.
        case laterCheck = "later_check"
        /// The inputs hold the same latest check; the first of them was kept.
        case sameCheck = "same_check"
        /// No input holds a check of the household; the first was kept.
        case noChecks = "no_checks"

        public var label: Bilingual {
            switch self {
            case .laterCheck: Bilingual(zh: "保留最近核查较晚的一份", en: "kept the later check")
            case .sameCheck: Bilingual(zh: "最近核查相同，保留第一份", en: "same latest check; kept the first")
            case .noChecks: Bilingual(zh: "均无核查记录，保留第一份", en: "never checked in any; kept the first")
            }
        }
    }

    public struct Entry: Hashable, Sendable, Codable {
        public var file: String
        public var lastCheck: CheckRef?

        public init(file: String, lastCheck: CheckRef?) { self.file = file; self.lastCheck = lastCheck }

        enum CodingKeys: String, CodingKey {
            case file
            case lastCheck = "last_check"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(lastCheck, forKey: .lastCheck)
        }
    }

    public var householdID: String
    public var number: String
    public var head: String
    /// Every input holding the household, in input order.
    public var entries: [Entry]
    /// The input whose record was kept.
    public var kept: String
    public var resolution: Resolution

    public init(householdID: String, number: String, head: String, entries: [Entry], kept: String,
                resolution: Resolution) {
        self.householdID = householdID
        self.number = number
        self.head = head
        self.entries = entries
        self.kept = kept
        self.resolution = resolution
    }

    enum CodingKeys: String, CodingKey {
        case householdID = "household_id"
        case number, head, entries, kept, resolution
    }
}
