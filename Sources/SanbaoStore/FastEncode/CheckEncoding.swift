import SanbaoCore

/// A check's line, in sorted key order (`Check.encode(to:)` always writes measures,
/// confirmed and note; the other optionals only when set).
extension FastEncode {
    /// The indicators in the order the encoder sorts a dictionary's keys: by spelling.
    static let indicatorsByName = Indicator.allCases.sorted { $0.rawValue < $1.rawValue }

    static func write(_ c: Check, _ o: inout JSONBytes) {
        o.open()
        o.field("cadre_id", c.cadreID)
        o.field("confirmed", c.confirmed)
        o.field("date", c.date)
        o.key("findings")
        o.open()
        // Sorted by the indicator's spelling, as the encoder sorts a dictionary's keys.
        for indicator in Self.indicatorsByName {
            guard let finding = c.findings[indicator] else { continue }
            o.key(indicator.rawValue)
            o.open()
            o.field("note", finding.note)
            o.field("state", finding.state)
            o.close()
        }
        o.close()
        o.field("follow_up", c.followUp)
        o.field("household_id", c.householdID)
        o.field("id", c.id)
        o.array("measures", c.measures) { o, m in o.string(m) }
        o.field("note", c.note)
        o.object("observations", c.observations) { o, v in write(v, &o) }
        o.field("recorded_at", c.recordedAt)
        o.field("supersedes", c.supersedes)
        o.close()
    }

    static func write(_ s: Observations, _ o: inout JSONBytes) {
        o.open()
        o.object("food_clothing", s.foodClothing) { o, v in write(v, &o) }
        o.object("housing", s.housing) { o, v in write(v, &o) }
        o.object("income", s.income) { o, v in write(v, &o) }
        o.array("members", s.members) { o, v in write(v, &o) }
        o.object("water", s.water) { o, v in write(v, &o) }
        o.close()
    }

    static func write(_ m: MemberObservation, _ o: inout JSONBytes) {
        o.open()
        o.field("chronic_card", m.chronicCard)
        o.field("education_exemption", m.educationExemption)
        o.field("family_doctor", m.familyDoctor)
        o.field("health", m.health)
        o.field("insured", m.insured)
        o.field("member_id", m.memberID)
        o.field("school", m.school)
        o.close()
    }
}
