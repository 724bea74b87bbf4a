import SanbaoCore

/// A household's line, keys in the sorted order `JSONCoding.encoder()` gives them. The
/// keys are listed here by hand; `FastEncodeTests` holds each record to `JSONEncoder`
/// (every key set, every optional absent, the demo and a generated county), so a key
/// added to a record and not here fails there.
extension FastEncode {
    static func write(_ h: Household, _ o: inout JSONBytes) {
        o.open()
        o.object("address", h.address) { o, v in write(v, &o) }
        o.key("causes")
        o.open()
        o.field("main", h.causes.main)
        o.array("others", h.causes.others) { o, c in o.string(c.rawValue) }
        o.close()
        o.object("food_clothing", h.foodClothing) { o, v in write(v, &o) }
        o.object("housing", h.housing) { o, v in write(v, &o) }
        o.field("id", h.id)
        o.array("income", h.income) { o, v in write(v, &o) }
        o.array("measures", h.measures) { o, v in write(v, &o) }
        o.array("members", h.members) { o, v in write(v, &o) }
        o.field("number", h.number)
        o.array("pairings", h.pairings) { o, v in write(v, &o) }
        o.field("phone", h.phone)
        o.object("status", h.status) { o, v in write(v, &o) }
        o.field("type", h.type)
        o.object("water", h.water) { o, v in write(v, &o) }
        o.close()
    }

    static func write(_ a: Address, _ o: inout JSONBytes) {
        o.open()
        o.field("city", a.city)
        o.field("county", a.county)
        o.field("group", a.group)
        o.field("province", a.province)
        o.field("township", a.township)
        o.field("village", a.village)
        o.field("village_code", a.villageCode)
        o.close()
    }

    static func write(_ s: PovertyStatus, _ o: inout JSONBytes) {
        o.open()
        o.field("monitoring", s.monitoring)
        o.field("out_of_poverty_year", s.outOfPovertyYear)
        o.field("risk_removed", s.riskRemoved)
        o.array("risks", s.risks) { o, r in o.string(r.rawValue) }
        o.close()
    }

    static func write(_ p: Pairing, _ o: inout JSONBytes) {
        o.open()
        o.field("cadre_id", p.cadreID)
        o.field("end", p.end)
        o.field("start", p.start)
        o.close()
    }

    static func write(_ m: Measure, _ o: inout JSONBytes) {
        o.open()
        o.field("amount", m.amount)
        o.field("breakthrough", m.breakthrough)
        o.field("progress", m.progress)
        o.field("start", m.start)
        o.field("what", m.what)
        o.close()
    }
}
