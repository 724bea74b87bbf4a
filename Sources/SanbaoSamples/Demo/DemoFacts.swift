// The facts of an ordinary demo household: income, water, housing, poverty causes and
// assistance measures. Every ordinary fact here passes its rule; the special households
// (DemoSpecials.swift) are where things go wrong. Water and spring days are shared with
// the generator (SamplePeople.swift); incomes, houses, causes, status years and measures
// stay the demo's own: fixed years (2024-2026) and richer wording, pinned by Fixtures/demo,
// where the generator's are relative to its `asOf` (GenFacts.swift).
import SanbaoCore

/// Per-capita income of an ordinary household.
enum IncomePlan {
    /// Comfortably above the 6,000-yuan monitoring line in 2024-2026, rising a little each year.
    case comfortable
    /// Exact figures for 2024, 2025 and 2026.
    case fixed(Int, Int, Int)

    func records(rng: inout SampleRandom) -> [IncomeRecord] {
        switch self {
        case .comfortable:
            let y2024 = rng.int(7000...12000, step: 100)
            let y2025 = y2024 + rng.int(200...1000, step: 50)
            let y2026 = y2025 + rng.int(100...900, step: 50)
            return [IncomeRecord(year: 2024, perCapita: y2024), IncomeRecord(year: 2025, perCapita: y2025),
                    IncomeRecord(year: 2026, perCapita: y2026)]
        case .fixed(let a, let b, let c):
            return [IncomeRecord(year: 2024, perCapita: a), IncomeRecord(year: 2025, perCapita: b),
                    IncomeRecord(year: 2026, perCapita: c)]
        }
    }
}

/// Where an ordinary household's water comes from. Both kinds pass all four criteria.
enum WaterPlan {
    /// Tap water piped into the yard (most of Tongwei since the 2019 supply works).
    case piped
    /// A rain cellar (水窖) in the yard, in a water-scarce area (20 L threshold).
    case cellar

    func supply(rng: inout SampleRandom) -> WaterSupply {
        switch self {
        case .piped: SampleWater.piped(&rng)
        case .cellar: SampleWater.cellar(&rng)
        }
    }
}

/// An ordinary household's dwelling. Every kind is safe on `asOf`.
enum HousePlan {
    /// Appraised A or B in the 2019 survey.
    case safe
    /// A partly dangerous (C) house reinforced in 2018.
    case reinforcedC
    /// A wholly dangerous (D) house torn down and rebuilt in 2017.
    case rebuiltD

    func housing(rng: inout SampleRandom) -> Housing {
        switch self {
        case .safe:
            return Housing(grade: rng.chance(40) ? .a : .b,
                           appraisalDate: rng.date(from: DemoVillage.d("2019-04-01"), to: DemoVillage.d("2019-10-31")),
                           structure: rng.chance(60) ? .brickConcrete : .brickWood)
        case .reinforcedC:
            return Housing(grade: .c, appraisalDate: DemoVillage.d("2017-08-16"), structure: .brickWood,
                           renovation: .reinforced,
                           renovationDate: rng.date(from: DemoVillage.d("2018-04-01"), to: DemoVillage.d("2018-09-30")))
        case .rebuiltD:
            return Housing(grade: .d, appraisalDate: DemoVillage.d("2016-07-05"), structure: .brickConcrete,
                           renovation: .rebuilt,
                           renovationDate: rng.date(from: DemoVillage.d("2017-04-01"), to: DemoVillage.d("2017-10-31")))
        }
    }
}

/// Poverty causes and status typical of each family shape.
enum DemoCauses {
    static func causes(_ family: Family, rng: inout SampleRandom) -> PovertyCauses {
        let pools: (mains: [PovertyCause], others: [PovertyCause])
        switch family {
        case .elderlyAlone, .elderlyCouple:
            pools = ([.lackOfLabour, .illness, .lackOfLabour], [.illness, .lackOfFunds, .lackOfWater, .other])
        case .adultChildren:
            pools = ([.lackOfFunds, .lackOfSkills, .poorTransport], [.lackOfWater, .lackOfLand, .lackOfDrive])
        case .youngFamily:
            pools = ([.lackOfFunds, .lackOfSkills, .schooling], [.lackOfWater, .poorTransport, .disaster])
        case .threeGenerations, .custom:
            pools = ([.schooling, .illness, .lackOfFunds], [.lackOfSkills, .lackOfLabour, .disaster])
        }
        let main = rng.pick(pools.mains)
        var rest: [PovertyCause] = []
        for _ in 0..<rng.int(0...2) {
            let c = rng.pick(pools.others)
            if c != main && !rest.contains(c) { rest.append(c) }
        }
        return PovertyCauses(main: main, others: rest)
    }

    /// Most households left poverty in 2018-2020, a few earlier.
    static func status(rng: inout SampleRandom) -> PovertyStatus {
        PovertyStatus(outOfPovertyYear: rng.pick([2017, 2018, 2018, 2019, 2019, 2019, 2020, 2020]))
    }
}

/// Assistance measures, filed under the six breakthroughs, as a cadre would list them.
enum DemoMeasures {
    static func measures(_ family: Family, type: HouseholdType, rng: inout SampleRandom) -> [Measure] {
        var out: [Measure] = []
        switch type {
        case .extremePoverty:
            out.append(Measure(breakthrough: .publicServices, what: "特困人员供养金", start: DemoVillage.d("2016-01-01"),
                               amount: 9600, progress: .inProgress))
        case .minimumLiving, .minimumLivingPoor:
            out.append(Measure(breakthrough: .publicServices, what: "农村低保金", start: DemoVillage.d("2017-01-01"),
                               amount: rng.int(3600...5400, step: 600), progress: .inProgress))
        case .ordinaryPoor:
            break
        }
        let elderly = family == .elderlyAlone || family == .elderlyCouple
        return out + (elderly ? forElderly(&rng) : forWorking(&rng))
    }

    private static func forWorking(_ rng: inout SampleRandom) -> [Measure] {
        let industries: [(String, Int)] = [
            ("养羊 10 只（湖羊）", 8000), ("养牛 2 头（基础母牛）", 16000), ("种植马铃薯 8 亩（脱毒种薯）", 2400),
            ("种植当归 3 亩", 4500), ("种植黄芪 5 亩", 5000), ("种植党参 4 亩", 4800),
        ]
        let (what, amount) = rng.pick(industries)
        let start = springDay(rng.int(2018...2025), &rng)
        var out = [Measure(breakthrough: .industry, what: what, start: start, amount: amount,
                           progress: start.year < 2025 ? .done : .inProgress)]
        if rng.chance(50) {
            let jobs: [(String, Int)] = [("生态护林员公益岗位", 10000), ("村保洁员公益岗位", 6000), ("道路养护员公益岗位", 6000)]
            let (job, pay) = rng.pick(jobs)
            out.append(Measure(breakthrough: .publicServices, what: job, start: springDay(rng.int(2021...2025), &rng),
                               amount: pay, progress: .inProgress))
        }
        if rng.chance(40) {
            let year = rng.int(2023...2026)
            out.append(Measure(breakthrough: .finance, what: "小额信贷 5 万元（三年期，财政贴息）",
                               start: springDay(year, &rng), amount: 50000, progress: .inProgress))
        }
        if rng.chance(40) {
            let trainings: [(String, Int?)] = [("劳务输转（新疆采棉）", nil), ("电焊工技能培训", 1500),
                                               ("挖掘机驾驶培训", 2000), ("家政服务培训", 1200)]
            let (course, cost) = rng.pick(trainings)
            let planned = rng.chance(25)
            out.append(Measure(breakthrough: .skills, what: course,
                               start: planned ? DemoVillage.d("2026-12-10") : springDay(rng.int(2019...2025), &rng),
                               amount: cost, progress: planned ? .planned : .done))
        }
        return out
    }

    private static func forElderly(_ rng: inout SampleRandom) -> [Measure] {
        var out: [Measure] = []
        if rng.chance(60) {
            out.append(Measure(breakthrough: .industry, what: "光伏扶贫电站收益分红", start: DemoVillage.d("2019-07-01"),
                               amount: 1000, progress: .inProgress))
        }
        if rng.chance(50) {
            out.append(Measure(breakthrough: .finance, what: "产业到户资金入股合作社分红", start: DemoVillage.d("2019-05-20"),
                               amount: 5000, progress: .done))
        }
        out.append(Measure(breakthrough: .publicServices, what: "家庭医生签约服务", start: DemoVillage.d("2019-03-01"),
                           progress: .inProgress))
        if rng.chance(40) {
            out.append(Measure(breakthrough: .infrastructure, what: rng.pick(["入户道路硬化", "农村户用卫生厕所改造"]),
                               start: DemoVillage.d("2019-06-10"), amount: 1200, progress: .done))
        }
        return out
    }

    /// A day in the spring sowing season of `year`, when most measures start.
    static func springDay(_ year: Int, _ rng: inout SampleRandom) -> LocalDate {
        rng.springDay(year, or: DemoVillage.asOf)
    }
}
