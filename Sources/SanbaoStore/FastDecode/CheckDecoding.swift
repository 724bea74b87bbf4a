import SanbaoCore

// A check and its parts, mirroring the hand-written `init(from:)` of Check.swift:
// `measures`, `confirmed`, `note` (and a finding's `note`, the observations' `members`)
// default when absent or null; `findings` must name known indicators only.
extension FastDecode {
    static func check(_ c: inout ByteCursor) throws(Reject) -> Check {
        var id, householdID, cadreID, recordedAt: String?
        var date: LocalDate?
        var findings: [Indicator: Finding]?
        // Where the observations are; they are decoded after the loop: an `Observations?`
        // (224 bytes) kept in it is copied on every key, 5 % of reading a county.
        var observationsAt: ByteCursor?
        var measures: [String]?
        var followUp: LocalDate?
        var confirmed: Bool?
        var note, supersedes: String?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("id") {
                try seen.mark(0); id = try c.string()
            } else if try c.key("household_id") {
                try seen.mark(1); householdID = try c.string()
            } else if try c.key("date") {
                try seen.mark(2); date = try c.date()
            } else if try c.key("cadre_id") {
                try seen.mark(3); cadreID = try c.string()
            } else if try c.key("recorded_at") {
                try seen.mark(4); recordedAt = try c.string()
            } else if try c.key("findings") {
                try seen.mark(5); findings = try Self.findings(&c)
            } else if try c.key("observations") {
                try seen.mark(6); observationsAt = c; try c.skipValue()
            } else if try c.key("measures") {
                try seen.mark(7); measures = try c.optional { c throws(Reject) in try c.array { c throws(Reject) in try c.string() } }
            } else if try c.key("follow_up") {
                try seen.mark(8); followUp = try c.optional { c throws(Reject) in try c.date() }
            } else if try c.key("confirmed") {
                try seen.mark(9); confirmed = try c.optional { c throws(Reject) in try c.bool() }
            } else if try c.key("note") {
                try seen.mark(10); note = try c.optional { c throws(Reject) in try c.string() }
            } else if try c.key("supersedes") {
                try seen.mark(11); supersedes = try c.optional { c throws(Reject) in try c.string() }
            } else {
                try c.skipField()
            }
        }
        var observations: Observations?
        if var o = observationsAt { observations = try o.optional { c throws(Reject) in try Self.observations(&c) } }
        return Check(id: try required(id), householdID: try required(householdID), date: try required(date),
                     cadreID: try required(cadreID), recordedAt: try required(recordedAt),
                     findings: try required(findings), observations: observations, measures: measures ?? [],
                     followUp: followUp, confirmed: confirmed ?? false, note: note ?? "", supersedes: supersedes)
    }

    /// An object keyed by indicator name. `Check.decodeFindings` rejects any other key,
    /// and a repeated one is left to `JSONDecoder` like every duplicate key. A name not
    /// listed here (an indicator added later) is declined too: `JSONDecoder` knows it.
    static func findings(_ c: inout ByteCursor) throws(Reject) -> [Indicator: Finding] {
        var found = FoundFindings()
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            let indicator: Indicator
            if try c.key("education") {
                indicator = .education
            } else if try c.key("food_clothing") {
                indicator = .foodClothing
            } else if try c.key("housing") {
                indicator = .housing
            } else if try c.key("income") {
                indicator = .income
            } else if try c.key("medical") {
                indicator = .medical
            } else if try c.key("water") {
                indicator = .water
            } else {
                throw Reject() // `Check.decodeFindings` rejects any other name
            }
            try seen.mark(UInt32(indicator.ordinal))
            found[indicator] = try Self.finding(&c)
        }
        // Hashing each indicator into a new dictionary was 4-5 % of reading a county;
        // `mapValues` keeps the layout of a dictionary made once for this set of keys.
        return FindingsLayout.keyed[Int(seen.bits)].mapValues { found[$0]! }
    }

    static func finding(_ c: inout ByteCursor) throws(Reject) -> Finding {
        var state: IndicatorState?
        var note: String?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("state") {
                try seen.mark(0); state = try c.optional { c throws(Reject) in try c.word(Words.state) }
            } else if try c.key("note") {
                try seen.mark(1); note = try c.optional { c throws(Reject) in try c.string() }
            } else {
                try c.skipField()
            }
        }
        return Finding(state: state, note: note ?? "")
    }

    static func observations(_ c: inout ByteCursor) throws(Reject) -> Observations {
        var income: IncomeRecord?
        var foodClothing: FoodClothing?
        var water: WaterSupply?
        var housing: Housing?
        var members: [MemberObservation]?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("income") {
                try seen.mark(0); income = try c.optional { c throws(Reject) in try Self.income(&c) }
            } else if try c.key("food_clothing") {
                try seen.mark(1); foodClothing = try c.optional { c throws(Reject) in try Self.foodClothing(&c) }
            } else if try c.key("water") {
                try seen.mark(2); water = try c.optional { c throws(Reject) in try Self.water(&c) }
            } else if try c.key("housing") {
                try seen.mark(3); housing = try c.optional { c throws(Reject) in try Self.housing(&c) }
            } else if try c.key("members") {
                try seen.mark(4)
                members = try c.optional { c throws(Reject) in try c.array { c throws(Reject) in try Self.memberObservation(&c) } }
            } else {
                try c.skipField()
            }
        }
        return Observations(income: income, foodClothing: foodClothing, water: water, housing: housing,
                            members: members ?? [])
    }

    static func memberObservation(_ c: inout ByteCursor) throws(Reject) -> MemberObservation {
        var memberID: Int?
        var school: SchoolStatus?
        var exemption: EducationExemption?
        var insured, chronicCard, familyDoctor: Bool?
        var health: HealthKind?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("member_id") {
                try seen.mark(0); memberID = try c.int()
            } else if try c.key("school") {
                try seen.mark(1); school = try c.optional { c throws(Reject) in try c.word(Words.school) }
            } else if try c.key("education_exemption") {
                try seen.mark(2); exemption = try c.optional { c throws(Reject) in try c.word(Words.exemption) }
            } else if try c.key("insured") {
                try seen.mark(3); insured = try c.optional { c throws(Reject) in try c.bool() }
            } else if try c.key("health") {
                try seen.mark(4); health = try c.optional { c throws(Reject) in try c.word(Words.health) }
            } else if try c.key("chronic_card") {
                try seen.mark(5); chronicCard = try c.optional { c throws(Reject) in try c.bool() }
            } else if try c.key("family_doctor") {
                try seen.mark(6); familyDoctor = try c.optional { c throws(Reject) in try c.bool() }
            } else {
                try c.skipField()
            }
        }
        return MemberObservation(memberID: try required(memberID), school: school, educationExemption: exemption,
                                 insured: insured, health: health, chronicCard: chronicCard,
                                 familyDoctor: familyDoctor)
    }
}

/// For each set of indicators (bit k set for `Indicator.allCases[k]`, its `ordinal`), a
/// dictionary from each of those indicators to itself, built once.
enum FindingsLayout {
    static let keyed: [[Indicator: Indicator]] = (0..<(1 << Indicator.allCases.count)).map { set in
        Dictionary(uniqueKeysWithValues: Indicator.allCases.filter { set & (1 << $0.ordinal) != 0 }.map { ($0, $0) })
    }
}

/// The findings read so far, one slot per indicator, kept out of a dictionary (and off
/// the heap) until the object ends. The switches are exhaustive: an indicator added
/// later needs a slot here before Sanbao compiles.
struct FoundFindings {
    var income, foodClothing, water, education, medical, housing: Finding?

    subscript(_ i: Indicator) -> Finding? {
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
}
