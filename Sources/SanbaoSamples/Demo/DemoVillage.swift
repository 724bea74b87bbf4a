import SanbaoCore

/// The bundled demo village: 文峰村, 榜罗镇, 通渭县, 定西市, 甘肃省 (621121103201), with
/// 44 paired households in five groups, three cadres and a year of visits.
///
/// Every household is listed in `specs` below. Ordinary households take their names,
/// ages, amounts and visit days from a seeded generator; the households that show a
/// particular situation (a dropout, an uninsured member, a dangerous house ...) are
/// written out by hand in DemoSpecials.swift. The assessed state of each household on
/// `asOf` is fixed by its line in the table, so the summary can be counted by hand
/// (DemoVillageTests does so).
public enum DemoVillage {
    /// The date the demo data is "as of": every check is on or before it.
    public static let asOf = d("2026-11-25")

    static let villageCode = "621121103201"
    static let countyCode = "621121"
    static let groups = ["一组", "二组", "三组", "四组", "五组"]

    /// The whole demo dataset. Deterministic: same value on every call and every machine.
    public static func make() -> Dataset {
        var taken = Set<String>()
        var drafts: [Draft] = []
        for spec in specs {
            let draft = build(spec, taken: taken)
            taken.formUnion(draft.household.members.map(\.name))
            drafts.append(draft)
        }
        return Dataset(cadres: cadres, households: drafts.map(\.household), checks: checks(of: drafts))
    }

    /// The three paired cadres, from county, township and city units.
    static let cadres = [
        Cadre(id: "c1", name: "何志刚", unit: "通渭县农业农村局", level: .county, phone: "13993206618"),
        Cadre(id: "c2", name: "王晓燕", unit: "榜罗镇人民政府", level: .township, phone: "18893213327"),
        Cadre(id: "c3", name: "陈文博", unit: "定西市教育局", level: .city, phone: "15193297706"),
    ]

    /// A date written as `YYYY-MM-DD`. Only for literals in this demo, known to be valid.
    static func d(_ text: String) -> LocalDate {
        guard let date = LocalDate(text) else { preconditionFailure("demo date literal \(text) is not a date") }
        return date
    }

    /// Every household, in household-number order. Groups hold nine households each
    /// (the fifth holds eight). Comments give the states on `asOf` that differ from
    /// "all met" (education is n/a where no child is 6-15).
    static var specs: [Spec] {
        [
            // 一组 — cadre c1
            Spec(1, .youngFamily),
            Spec(2, .custom, visits: .custom, special: DemoSpecials.dropout),                  // education not met
            Spec(3, .elderlyCouple, water: .cellar),
            Spec(4, .elderlyCouple, water: .cellar, special: DemoSpecials.dangerousHouse),      // housing not met
            Spec(5, .threeGenerations),
            Spec(6, .elderlyAlone, type: .extremePoverty, visits: .never),                      // never checked
            Spec(7, .adultChildren, income: .fixed(6800, 6500, 5400), special: DemoSpecials.incomeDropped), // income follow-up
            Spec(8, .youngFamily, house: .reinforcedC),
            Spec(9, .custom, visits: .custom, special: DemoSpecials.suddenIllness),             // income not met
            // 二组 — c1; 13-15 moved from c1 to c3 on 2026-05-01
            Spec(10, .custom, type: .minimumLiving, income: .fixed(6600, 7100, 7400), special: DemoSpecials.homeTaught),
            Spec(11, .threeGenerations, water: .cellar),
            Spec(12, .custom, visits: .custom, special: DemoSpecials.uninsured),                // medical not met
            Spec(13, .adultChildren),
            Spec(14, .youngFamily, visits: .custom, special: DemoSpecials.houseRebuilt),
            Spec(15, .elderlyCouple, visits: .custom, special: DemoSpecials.overdueAfterChange), // overdue
            Spec(16, .custom, type: .minimumLivingPoor, visits: .custom, special: DemoSpecials.noChronicCard), // medical follow-up
            Spec(17, .youngFamily),
            Spec(18, .threeGenerations, income: .fixed(7200, 6900, 5200), special: DemoSpecials.unstableWork), // income follow-up
            // 三组 — c2
            Spec(19, .youngFamily, water: .cellar, visits: .custom, special: DemoSpecials.cellarDry), // water not met
            Spec(20, .adultChildren, house: .rebuiltD),
            Spec(21, .youngFamily, special: DemoSpecials.relocated),
            Spec(22, .custom, type: .extremePoverty, visits: .custom, special: DemoSpecials.noBedding), // food not met
            Spec(23, .youngFamily, visits: .never),                                             // never checked
            Spec(24, .threeGenerations, visits: .overdue),                                      // overdue
            Spec(25, .custom, income: .fixed(6900, 6400, 5600), visits: .custom, special: DemoSpecials.marginal), // income follow-up
            Spec(26, .elderlyCouple, type: .minimumLiving),
            Spec(27, .adultChildren, type: .minimumLivingPoor),
            // 四组 — c2 to 30, then c3
            Spec(28, .youngFamily),
            Spec(29, .elderlyAlone, type: .extremePoverty, visits: .overdue),                   // overdue
            Spec(30, .threeGenerations, visits: .custom, special: DemoSpecials.insuredLater),
            Spec(31, .youngFamily),
            Spec(32, .elderlyCouple, water: .cellar),
            Spec(33, .elderlyCouple, type: .minimumLiving, visits: .never),                     // never checked
            Spec(34, .threeGenerations),
            Spec(35, .adultChildren, visits: .overdue),                                         // overdue
            Spec(36, .youngFamily, house: .reinforcedC),
            // 五组 — c3
            Spec(37, .adultChildren),
            Spec(38, .threeGenerations, water: .cellar),
            Spec(39, .elderlyCouple, special: DemoSpecials.grainShort),                         // food follow-up
            Spec(40, .youngFamily),
            Spec(41, .threeGenerations, visits: .overdue),                                      // overdue
            Spec(42, .elderlyAlone, type: .extremePoverty),
            Spec(43, .adultChildren, special: DemoSpecials.amended),
            Spec(44, .youngFamily),
        ]
    }

    /// The cadre pairings of household `seq`: c1 for 1-15, c2 for 16-30, c3 for 31-44.
    /// Households 13-15 changed from c1 to c3 when the city unit took over part of c1's
    /// load; the ended pairing stays as history.
    static func pairings(seq: Int) -> [Pairing] {
        let start = d("2021-03-15")
        switch seq {
        case 13...15:
            return [Pairing(cadreID: "c1", start: start, end: d("2026-04-30")), Pairing(cadreID: "c3", start: d("2026-05-01"))]
        case ...15: return [Pairing(cadreID: "c1", start: start)]
        case ...30: return [Pairing(cadreID: "c2", start: start)]
        default: return [Pairing(cadreID: "c3", start: start)]
        }
    }

    static func householdID(_ seq: Int) -> String { villageCode + "-" + SampleText.pad(seq, 4) }

    static func group(_ seq: Int) -> Int { min((seq - 1) / 9 + 1, groups.count) }

    /// Builds one household from its line in the table, then lets its special (if any) rework it.
    /// `taken` holds the names used by the households built before, which the generator avoids.
    static func build(_ spec: Spec, taken: Set<String>) -> Draft {
        var rng = SampleRandom(demoHousehold: spec.seq)
        let group = group(spec.seq)
        let people = People(seq: spec.seq)
        let address = Address(province: "甘肃省", city: "定西市", county: "通渭县", township: "榜罗镇",
                              village: "文峰村", group: groups[group - 1], villageCode: villageCode)
        let members = spec.family.members(people, group: group, taken: taken, rng: &rng)
        let household = Household(
            id: householdID(spec.seq), number: villageCode + SampleText.pad(spec.seq, 4), address: address,
            phone: rng.mobile(), type: spec.type, causes: DemoCauses.causes(spec.family, rng: &rng),
            status: DemoCauses.status(rng: &rng), members: members, pairings: pairings(seq: spec.seq),
            measures: DemoMeasures.measures(spec.family, type: spec.type, rng: &rng),
            income: spec.income.records(rng: &rng),
            foodClothing: FoodClothing(enoughFood: true, seasonalClothes: true, winterBedding: true),
            water: spec.water.supply(rng: &rng), housing: spec.house.housing(rng: &rng))
        let visits = spec.visits.dates(rng: &rng).map { Visit.demo(on: $0, rng: &rng) }
        var draft = Draft(seq: spec.seq, people: people, household: household, visits: visits)
        spec.special?(&draft, &rng)
        return draft
    }

    /// Turns every visit into a check. Ids run in the order the visits happened across
    /// the village (demo-0001 is the first visit of December 2025), and each check names
    /// the cadre paired with the household on its date.
    static func checks(of drafts: [Draft]) -> [Check] {
        struct Keyed { var seq: Int; var index: Int; var visit: Visit; var household: Household }
        let all = drafts.flatMap { draft in
            draft.visits.enumerated().map { Keyed(seq: draft.seq, index: $0.offset, visit: $0.element, household: draft.household) }
        }
        let ordered = all.sorted {
            ($0.visit.date, $0.visit.minute, $0.household.id) < ($1.visit.date, $1.visit.minute, $1.household.id)
        }
        var ids: [String: String] = [:]   // "seq/index" → check id
        for (n, k) in ordered.enumerated() { ids["\(k.seq)/\(k.index)"] = "demo-" + SampleText.pad(n + 1, 4) }
        return ordered.map { k in
            k.visit.check(id: ids["\(k.seq)/\(k.index)"] ?? "", of: k.household, supersedes: ids["\(k.seq)/\(k.index - 1)"])
        }
    }
}

/// One line of the household table: what decides the household's assessed states.
/// Everything not said here (names, ages, amounts, days) comes from the generator.
struct Spec {
    var seq: Int
    var family: Family
    var type: HouseholdType
    var income: IncomePlan
    var water: WaterPlan
    var house: HousePlan
    var visits: VisitPlan
    /// Reworks the ordinary household into a particular situation.
    var special: Special?

    typealias Special = (inout Draft, inout SampleRandom) -> Void

    init(_ seq: Int, _ family: Family, type: HouseholdType = .ordinaryPoor, income: IncomePlan = .comfortable,
         water: WaterPlan = .piped, house: HousePlan = .safe, visits: VisitPlan = .regular,
         special: Special? = nil) {
        self.seq = seq
        self.family = family
        self.type = type
        self.income = income
        self.water = water
        self.house = house
        self.visits = visits
        self.special = special
    }
}

/// A household under construction, with its visits not yet turned into checks.
struct Draft {
    var seq: Int
    var people: People
    var household: Household
    var visits: [Visit]

    /// Adds an ordinary visit on `date` and lets `edit` record what was special about it.
    mutating func visit(_ date: String, _ rng: inout SampleRandom, _ edit: (inout Visit) -> Void = { _ in }) {
        var v = Visit.demo(on: DemoVillage.d(date), rng: &rng)
        edit(&v)
        visits.append(v)
    }

    /// Edits the latest visit (the table's plan gives at least one).
    mutating func editLast(_ edit: (inout Visit) -> Void) {
        guard !visits.isEmpty else { return }
        edit(&visits[visits.count - 1])
    }

    /// The name of member `id`, for notes.
    func name(_ id: Int) -> String { household.member(id)?.name ?? "" }
}
