// The facts of an ordinary generated household: income, water, housing, causes, status
// and assistance measures. Every ordinary fact passes its rule; the situations
// (GenSituations.swift) are where things go wrong.
import SanbaoCore

struct GenFacts {
    let asOf: LocalDate
    let rules = RulesConfig()

    /// Per-capita income that clears the monitoring line comfortably, last year and this.
    func comfortableIncome(_ rng: inout SampleRandom) -> [IncomeRecord] {
        let watch = max(rules.monitoringLine(year: asOf.year) ?? 0, rules.povertyLine(year: asOf.year) ?? 0)
        let last = max(watch + 800, rng.int(6800...14000, step: 100))
        return [IncomeRecord(year: asOf.year - 1, perCapita: last),
                IncomeRecord(year: asOf.year, perCapita: last + rng.int(100...900, step: 50))]
    }

    /// Above the poverty line but under the monitoring line: income follow-up.
    func watchIncome(_ rng: inout SampleRandom) -> Int {
        let line = rules.povertyLine(year: asOf.year) ?? 4000
        let watch = rules.monitoringLine(year: asOf.year) ?? line + 2000
        return rng.int((line + 100)...max(line + 100, watch - 100), step: 50)
    }

    /// At or under the poverty line: income not met.
    func poorIncome(_ rng: inout SampleRandom) -> Int {
        let line = rules.povertyLine(year: asOf.year) ?? 4000
        return rng.int(max(500, line - 2000)...(line - 100), step: 50)
    }

    func water(_ rng: inout SampleRandom) -> WaterSupply {
        switch rng.weighted([(0, 70), (1, 25), (2, 5)]) {
        case 0:
            return SampleWater.piped(&rng)
        case 1:
            return SampleWater.cellar(&rng)
        default:
            return WaterSupply(source: .protectedWell, litresPerPersonDay: rng.int(35...50, step: 5), qualityOK: true,
                               pipedToYard: false, roundTripMinutes: rng.int(5...15),
                               horizontalMetres: rng.int(100...600, step: 50), verticalMetres: rng.int(5...40, step: 5),
                               daysCutPerYear: rng.int(0...10))
        }
    }

    /// A safe dwelling: A or B, or a C house reinforced, or a D house rebuilt years ago.
    func housing(_ rng: inout SampleRandom) -> Housing {
        let y = asOf.year
        switch rng.weighted([(0, 85), (1, 9), (2, 6)]) {
        case 0:
            let structure: HouseStructure = rng.weighted([(.brickConcrete, 58), (.brickWood, 32), (.cave, 5), (.adobe, 5)])
            return Housing(grade: rng.chance(40) && structure != .adobe ? .a : .b,
                           appraisalDate: day(in: y - 8...y - 5, rng: &rng), structure: structure)
        case 1:
            let appraised = day(in: y - 10...y - 8, rng: &rng)
            return Housing(grade: .c, appraisalDate: appraised, structure: .brickWood, renovation: .reinforced,
                           renovationDate: appraised.adding(days: rng.int(120...400)))
        default:
            let appraised = day(in: y - 10...y - 8, rng: &rng)
            return Housing(grade: .d, appraisalDate: appraised, structure: .brickConcrete, renovation: .rebuilt,
                           renovationDate: appraised.adding(days: rng.int(200...500)))
        }
    }

    func day(in years: ClosedRange<Int>, rng: inout SampleRandom) -> LocalDate {
        LocalDate(year: rng.int(years), month: rng.int(1...12), day: rng.int(1...28)) ?? asOf
    }

    /// A day in the spring sowing season of `year`, when most measures start.
    func springDay(_ year: Int, _ rng: inout SampleRandom) -> LocalDate {
        rng.springDay(year, or: asOf)
    }

    func causes(_ family: GenFamily, rng: inout SampleRandom) -> PovertyCauses {
        let mains: [PovertyCause], others: [PovertyCause]
        switch family {
        case .elderlyAlone, .elderlyCouple:
            (mains, others) = ([.lackOfLabour, .illness, .lackOfLabour], [.illness, .lackOfFunds, .lackOfWater, .other])
        case .adultChildren:
            (mains, others) = ([.lackOfFunds, .lackOfSkills, .poorTransport], [.lackOfWater, .lackOfLand, .lackOfDrive])
        case .youngFamily:
            (mains, others) = ([.lackOfFunds, .lackOfSkills, .schooling], [.lackOfWater, .poorTransport, .disaster])
        case .threeGenerations:
            (mains, others) = ([.schooling, .illness, .lackOfFunds], [.lackOfSkills, .lackOfLabour, .disaster])
        }
        let main = rng.pick(mains)
        var rest: [PovertyCause] = []
        for _ in 0..<rng.int(0...2) {
            let c = rng.pick(others)
            if c != main && !rest.contains(c) { rest.append(c) }
        }
        return PovertyCauses(main: main, others: rest)
    }

    /// Most households left poverty in 2017-2020, the last ones in 2020.
    func status(_ rng: inout SampleRandom) -> PovertyStatus {
        PovertyStatus(outOfPovertyYear: min(asOf.year, rng.pick([2016, 2017, 2018, 2018, 2019, 2019, 2019, 2020, 2020])))
    }

    func type(_ family: GenFamily, rng: inout SampleRandom) -> HouseholdType {
        if family == .elderlyAlone && rng.chance(45) { return .extremePoverty }
        return rng.weighted([(.ordinaryPoor, 74), (.minimumLiving, 16), (.minimumLivingPoor, 8), (.extremePoverty, 2)])
    }

    static let industries: [(String, Int)] = [
        ("养羊 10 只", 8000), ("养牛 2 头", 16000), ("种植马铃薯 8 亩", 2400), ("种植当归 3 亩", 4500),
        ("种植黄芪 5 亩", 5000), ("种植党参 4 亩", 4800), ("养殖蛋鸡 200 只", 6000), ("种植中药材 5 亩", 5000),
    ]
    static let jobs: [(String, Int)] = [("生态护林员", 10000), ("村保洁员", 6000), ("道路养护员", 6000)]

    /// Assistance measures, filed under the six breakthroughs, as a cadre would list them.
    func measures(_ family: GenFamily, type: HouseholdType, rng: inout SampleRandom) -> [Measure] {
        var out: [Measure] = []
        switch type {
        case .extremePoverty:
            out.append(Measure(breakthrough: .publicServices, what: "特困供养金", start: springDay(asOf.year - 6, &rng),
                               amount: 9600, progress: .inProgress))
        case .minimumLiving, .minimumLivingPoor:
            out.append(Measure(breakthrough: .publicServices, what: "农村低保金", start: springDay(asOf.year - rng.int(2...8), &rng),
                               amount: rng.int(3600...5400, step: 600), progress: .inProgress))
        case .ordinaryPoor:
            break
        }
        if family.elderly {
            if rng.chance(60) {
                out.append(Measure(breakthrough: .industry, what: "光伏收益分红", start: springDay(asOf.year - 6, &rng),
                                   amount: 1000, progress: .inProgress))
            } else {
                out.append(Measure(breakthrough: .publicServices, what: "家庭医生签约", start: springDay(asOf.year - 6, &rng),
                                   progress: .inProgress))
            }
            return out
        }
        let (what, amount) = rng.pick(Self.industries)
        let start = springDay(asOf.year - rng.int(0...7), &rng)
        out.append(Measure(breakthrough: .industry, what: what, start: start, amount: amount,
                           progress: start.year < asOf.year ? .done : .inProgress))
        switch rng.int(0...9) {
        case 0...2:
            let (job, pay) = rng.pick(Self.jobs)
            out.append(Measure(breakthrough: .publicServices, what: job, start: springDay(asOf.year - rng.int(0...4), &rng),
                               amount: pay, progress: .inProgress))
        case 3...4:
            out.append(Measure(breakthrough: .finance, what: "小额信贷 5 万元", start: springDay(asOf.year - rng.int(0...2), &rng),
                               amount: 50000, progress: .inProgress))
        default:
            break
        }
        return out
    }
}
