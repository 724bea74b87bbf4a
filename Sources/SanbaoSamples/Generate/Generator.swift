import SanbaoCore

/// Realistic data at county scale, for measuring speed: many villages of Dingxi and
/// Baiyin, cadres following 3-30 households each, members with valid and unique ID
/// numbers, a year of checks, and the demo village's mix of situations (dropouts,
/// uninsured members, C/D houses, dry rain cellars, monitoring categories, never
/// checked, overdue ...). `sanbao generate` writes it; `sanbao-bench` measures on it.
///
/// Deterministic: the same `households`, `seed` and `asOf` give the same dataset on
/// every call and machine. Every date is relative to `asOf` (the last visit is on or
/// before it), and the data passes `Validator(today: asOf)` without problems.
public enum Generator {
    public static func make(households count: Int, seed: UInt64, asOf: LocalDate) -> Dataset {
        guard count > 0 else { return Dataset() }
        var state = State(seed: seed, asOf: asOf, expected: count)
        for (vi, village) in GenPlaces.plan(households: count, seed: seed).enumerated() {
            state.add(village, index: vi)
        }
        return Dataset(cadres: state.cadres, households: state.households, checks: state.checks)
    }

    /// Builds village after village into one growing dataset.
    struct State {
        let seed: UInt64
        let asOf: LocalDate
        let facts: GenFacts
        var people: GenPeople
        var checkIDs: GenCheckIDs
        var cadres: [Cadre] = []
        var households: [Household] = []
        var checks: [Check] = []
        var nextHousehold = 0

        init(seed: UInt64, asOf: LocalDate, expected: Int) {
            self.seed = seed
            self.asOf = asOf
            facts = GenFacts(asOf: asOf)
            people = GenPeople(asOf: asOf)
            checkIDs = GenCheckIDs(seed: seed)
            households.reserveCapacity(expected)
            checks.reserveCapacity(expected * 9 / 2)
            cadres.reserveCapacity(expected / 10)
        }

        /// One cadre's share of a village: households `range` (sequence numbers).
        struct Run {
            var cadreID: String
            var start: LocalDate
            var range: ClosedRange<Int>
        }

        mutating func add(_ village: GenVillage, index: Int) {
            var rng = SampleRandom(seed: seed, salt: 0x5649_4C4C_4147_45, index: index)   // "VILLAGE"
            people.county = village.county.code
            people.countyIndex = village.countyIndex
            // A village is often two or three clans: half the households bear their names.
            let clans = (0..<rng.int(2...3)).map { _ in rng.pick(GenNames.surnames) }
            let runs = cadreRuns(village, &rng)
            let base = Address(province: "甘肃省", city: village.county.city, county: village.county.name,
                               township: village.townshipName, village: village.name, group: "",
                               villageCode: village.code)
            var run = 0
            for seq in 1...village.households {
                while runs[run].range.upperBound < seq { run += 1 }
                var address = base
                address.group = village.groups[(seq - 1) * village.groups.count / village.households]
                // A few households changed cadre during the year; the ended pairing stays.
                var pairings = [Pairing(cadreID: runs[run].cadreID, start: runs[run].start)]
                if runs.count > 1, rng.chance(6) {
                    let other = runs[run == 0 ? 1 : run - 1]
                    let change = asOf.adding(days: -rng.int(30...300))
                    pairings = [Pairing(cadreID: other.cadreID, start: other.start, end: change.adding(days: -1)),
                                Pairing(cadreID: runs[run].cadreID, start: change)]
                }
                household(seq: seq, address: address, clans: clans, pairings: pairings)
            }
        }

        /// Consecutive households share a cadre: runs of 3-30, mostly 10-20.
        mutating func cadreRuns(_ village: GenVillage, _ rng: inout SampleRandom) -> [Run] {
            var runs: [Run] = []
            var first = 1
            while first <= village.households {
                let size = rng.weighted([(3...9, 20), (10...20, 55), (21...30, 25)])
                var last = min(village.households, first + rng.int(size) - 1)
                // No run of fewer than three at the end: take them in, or leave three.
                if village.households - last < 3 {
                    last = village.households - first + 1 <= 30 ? village.households : village.households - 3
                }
                let id = "c\(cadres.count + 1)"
                cadres.append(cadre(id: id, village, &rng))
                runs.append(Run(cadreID: id, start: rng.date(from: asOf.adding(days: -6 * 365), to: asOf.adding(days: -400)),
                                range: first...last))
                first = last + 1
            }
            return runs
        }

        static let provinceUnits = ["甘肃省农业农村厅", "甘肃省教育厅", "甘肃省卫生健康委员会", "甘肃省交通运输厅", "甘肃省水利厅"]
        static let cityOffices = ["农业农村局", "教育局", "卫生健康委员会", "人力资源和社会保障局", "自然资源局"]
        static let countyOffices = ["农业农村局", "教育局", "卫生健康局", "人社局", "交通运输局", "水务局", "财政局",
                                    "民政局", "住建局", "林草局", "医保局", "乡村振兴局"]

        func cadre(id: String, _ village: GenVillage, _ rng: inout SampleRandom) -> Cadre {
            let sex: Sex = rng.chance(65) ? .male : .female
            let name = rng.pick(GenNames.surnames) + GenNames.given(sex, born: rng.int(1968...1998), rng: &rng)
            let level: UnitLevel = rng.weighted([(.county, 45), (.township, 30), (.city, 12), (.province, 5), (.village, 8)])
            let unit: String
            switch level {
            case .province: unit = rng.pick(Self.provinceUnits)
            case .city: unit = village.county.city + rng.pick(Self.cityOffices)
            case .county: unit = village.county.name + rng.pick(Self.countyOffices)
            case .township: unit = village.townshipName + "人民政府"
            case .village: unit = village.name + "村委会"
            }
            return Cadre(id: id, name: name, unit: unit, level: level, phone: Self.mobile(&rng))
        }

        /// An 11-digit mobile number on a prefix used in Gansu.
        static func mobile(_ rng: inout SampleRandom) -> String {
            let prefix = rng.pick(["139", "138", "137", "136", "135", "151", "152", "157", "158", "187", "188", "189",
                                   "180", "199", "177", "153", "133"])
            return prefix + SampleText.pad(rng.int(0...99_999_999), 8)
        }

        mutating func household(seq: Int, address: Address, clans: [String], pairings: [Pairing]) {
            var rng = SampleRandom(seed: seed, salt: 0x484F_5553_45, index: nextHousehold)   // "HOUSE"
            nextHousehold += 1
            let situation = GenSituation.draw(&rng)
            let family = situation.family ?? rng.weighted(GenFamily.weights)
            var plan: GenVisitPlan = rng.weighted([(.never, 4), (.overdue, 10), (.regular, 86)])
            if plan == .never && situation.visitsNeeded > 0 { plan = .regular }
            let surname = rng.chance(50) ? rng.pick(clans) : rng.pick(GenNames.surnames)
            let members = family.members(&people, surname: surname, rng: &rng)
            let type = facts.type(family, rng: &rng)
            let code = address.villageCode
            let number = SampleText.pad(seq, 4)
            let h = Household(
                id: code + "-" + number, number: code + number, address: address, phone: Self.mobile(&rng), type: type,
                causes: facts.causes(family, rng: &rng), status: facts.status(&rng), members: members,
                pairings: pairings, measures: facts.measures(family, type: type, rng: &rng),
                income: facts.comfortableIncome(&rng),
                foodClothing: FoodClothing(enoughFood: true, seasonalClothes: true, winterBedding: true),
                water: facts.water(&rng), housing: facts.housing(&rng))
            let dates = plan.dates(asOf: asOf, atLeast: situation.visitsNeeded, rng: &rng)
            var visits: [Visit] = []
            visits.reserveCapacity(dates.count + 1)
            for (k, date) in dates.enumerated() {
                visits.append(Visit.ordinary(on: date, full: k == 0 || k == dates.count - 1, rng: &rng))
            }
            // Now and then the year's income is worked out again on the latest visit.
            if situation == .ordinary, !visits.isEmpty, rng.chance(10), let now = h.income.last {
                let revised = IncomeRecord(year: now.year, perCapita: now.perCapita + rng.int(-300...300, step: 50))
                visits[visits.count - 1].observe { $0.income = revised }
                visits[visits.count - 1].find(.income, nil, "核算全年收入")
            }
            var draft = GenDraft(household: h, visits: visits, family: family, asOf: asOf, facts: facts)
            situation.apply(&draft, &rng)
            checks += checkIDs.checks(of: draft.household, draft.visits)
            households.append(draft.household)
        }
    }
}
