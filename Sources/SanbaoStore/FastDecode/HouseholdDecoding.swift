import SanbaoCore

// The household record and its small parts, mirroring their synthesized `Codable`
// (Household.swift, Address.swift, Cadre.swift in SanbaoCore): every non-optional
// property is a required key, every optional one may be absent or null.
extension FastDecode {
    static func household(_ c: inout ByteCursor) throws(Reject) -> Household {
        var id, number, phone: String?
        var address: Address?
        var type: HouseholdType?
        var causes: PovertyCauses?
        var status: PovertyStatus?
        var members: [Member]?
        var pairings: [Pairing]?
        var measures: [Measure]?
        var income: [IncomeRecord]?
        var foodClothing: FoodClothing?
        var water: WaterSupply?
        var housing: Housing?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("id") {
                try seen.mark(0); id = try c.string()
            } else if try c.key("number") {
                try seen.mark(1); number = try c.string()
            } else if try c.key("address") {
                try seen.mark(2); address = try Self.address(&c)
            } else if try c.key("phone") {
                try seen.mark(3); phone = try c.string()
            } else if try c.key("type") {
                try seen.mark(4); type = try c.word(Words.householdType)
            } else if try c.key("causes") {
                try seen.mark(5); causes = try Self.causes(&c)
            } else if try c.key("status") {
                try seen.mark(6); status = try Self.status(&c)
            } else if try c.key("members") {
                try seen.mark(7); members = try c.array { c throws(Reject) in try Self.member(&c) }
            } else if try c.key("pairings") {
                try seen.mark(8); pairings = try c.array { c throws(Reject) in try Self.pairing(&c) }
            } else if try c.key("measures") {
                try seen.mark(9); measures = try c.array { c throws(Reject) in try Self.measure(&c) }
            } else if try c.key("income") {
                try seen.mark(10); income = try c.array { c throws(Reject) in try Self.income(&c) }
            } else if try c.key("food_clothing") {
                try seen.mark(11); foodClothing = try c.optional { c throws(Reject) in try Self.foodClothing(&c) }
            } else if try c.key("water") {
                try seen.mark(12); water = try c.optional { c throws(Reject) in try Self.water(&c) }
            } else if try c.key("housing") {
                try seen.mark(13); housing = try c.optional { c throws(Reject) in try Self.housing(&c) }
            } else {
                try c.skipField()
            }
        }
        return Household(
            id: try required(id), number: try required(number), address: try required(address),
            phone: try required(phone), type: try required(type), causes: try required(causes),
            status: try required(status), members: try required(members), pairings: try required(pairings),
            measures: try required(measures), income: try required(income),
            foodClothing: foodClothing, water: water, housing: housing)
    }

    static func address(_ c: inout ByteCursor) throws(Reject) -> Address {
        var province, city, county, township, village, group, villageCode: String?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("province") {
                try seen.mark(0); province = try c.string()
            } else if try c.key("city") {
                try seen.mark(1); city = try c.string()
            } else if try c.key("county") {
                try seen.mark(2); county = try c.string()
            } else if try c.key("township") {
                try seen.mark(3); township = try c.string()
            } else if try c.key("village") {
                try seen.mark(4); village = try c.string()
            } else if try c.key("group") {
                try seen.mark(5); group = try c.string()
            } else if try c.key("village_code") {
                try seen.mark(6); villageCode = try c.string()
            } else {
                try c.skipField()
            }
        }
        return Address(province: try required(province), city: try required(city), county: try required(county),
                       township: try required(township), village: try required(village),
                       group: try required(group), villageCode: try required(villageCode))
    }

    static func causes(_ c: inout ByteCursor) throws(Reject) -> PovertyCauses {
        var main: PovertyCause?
        var others: [PovertyCause]?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("main") {
                try seen.mark(0); main = try c.word(Words.povertyCause)
            } else if try c.key("others") {
                try seen.mark(1); others = try c.words(Words.povertyCause)
            } else {
                try c.skipField()
            }
        }
        return PovertyCauses(main: try required(main), others: try required(others))
    }

    static func status(_ c: inout ByteCursor) throws(Reject) -> PovertyStatus {
        var outOfPovertyYear: Int?
        var monitoring: MonitoringCategory?
        var risks: [RiskType]?
        var riskRemoved: Bool?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("out_of_poverty_year") {
                try seen.mark(0); outOfPovertyYear = try c.optional { c throws(Reject) in try c.int() }
            } else if try c.key("monitoring") {
                try seen.mark(1); monitoring = try c.optional { c throws(Reject) in try c.word(Words.monitoring) }
            } else if try c.key("risks") {
                try seen.mark(2); risks = try c.words(Words.risk)
            } else if try c.key("risk_removed") {
                try seen.mark(3); riskRemoved = try c.bool()
            } else {
                try c.skipField()
            }
        }
        return PovertyStatus(outOfPovertyYear: outOfPovertyYear, monitoring: monitoring,
                             risks: try required(risks), riskRemoved: try required(riskRemoved))
    }

    static func pairing(_ c: inout ByteCursor) throws(Reject) -> Pairing {
        var cadreID: String?
        var start, end: LocalDate?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("cadre_id") {
                try seen.mark(0); cadreID = try c.string()
            } else if try c.key("start") {
                try seen.mark(1); start = try c.date()
            } else if try c.key("end") {
                try seen.mark(2); end = try c.optional { c throws(Reject) in try c.date() }
            } else {
                try c.skipField()
            }
        }
        return Pairing(cadreID: try required(cadreID), start: try required(start), end: end)
    }

    static func measure(_ c: inout ByteCursor) throws(Reject) -> Measure {
        var breakthrough: Breakthrough?
        var what: String?
        var start: LocalDate?
        var amount: Int?
        var progress: MeasureProgress?
        var seen = SeenKeys()
        var first = true
        try c.beginObject()
        while try c.nextKey(&first) {
            if try c.key("breakthrough") {
                try seen.mark(0); breakthrough = try c.word(Words.breakthrough)
            } else if try c.key("what") {
                try seen.mark(1); what = try c.string()
            } else if try c.key("start") {
                try seen.mark(2); start = try c.date()
            } else if try c.key("amount") {
                try seen.mark(3); amount = try c.optional { c throws(Reject) in try c.int() }
            } else if try c.key("progress") {
                try seen.mark(4); progress = try c.word(Words.progress)
            } else {
                try c.skipField()
            }
        }
        return Measure(breakthrough: try required(breakthrough), what: try required(what),
                       start: try required(start), amount: amount, progress: try required(progress))
    }
}
