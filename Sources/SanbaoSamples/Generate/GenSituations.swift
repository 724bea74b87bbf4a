// The situations a cadre meets, in the proportions of the demo village: each reworks an
// ordinary household (and its visits) so the app has every state and every rule to show
// at scale. Dates are relative to `asOf`, so any `asOf` gives valid data.
import SanbaoCore

/// A household under construction, with its visits not yet turned into checks.
struct GenDraft {
    var household: Household
    var visits: [Visit]
    var family: GenFamily
    let asOf: LocalDate
    let facts: GenFacts

    func name(_ id: Int) -> String { household.member(id)?.name ?? "" }

    /// The index of a visit in the middle of the year (never the first when there are two).
    var middle: Int { visits.count >= 2 ? max(1, visits.count / 2) : 0 }
    var last: Int { visits.count - 1 }

    func after(_ i: Int, days: ClosedRange<Int>, _ rng: inout SampleRandom) -> LocalDate {
        visits[i].date.adding(days: rng.int(days))
    }

    mutating func measure(_ b: Breakthrough, _ what: String, _ start: LocalDate, amount: Int? = nil,
                          _ progress: MeasureProgress) {
        household.measures.append(Measure(breakthrough: b, what: what, start: start, amount: amount, progress: progress))
    }

    /// Replaces the income of `asOf`'s year.
    mutating func setIncome(_ yuan: Int) {
        household.income.removeAll { $0.year == asOf.year }
        household.income.append(IncomeRecord(year: asOf.year, perCapita: yuan))
    }
}

enum GenSituation: CaseIterable {
    case ordinary
    case dropout, homeTaught
    case uninsured, noChronicCard, insuredLater
    case dangerousHouse, houseRebuilt, relocated
    case cellarDry
    case noBedding, grainShort
    case incomeDropped, suddenIllness, marginal, unstableWork, riskRemoved
    case amended

    /// Per thousand households. The rest are ordinary.
    static let weights: [(GenSituation, Int)] = [
        (.dropout, 18), (.homeTaught, 5), (.uninsured, 30), (.noChronicCard, 20), (.insuredLater, 10),
        (.dangerousHouse, 20), (.houseRebuilt, 10), (.relocated, 40), (.cellarDry, 20), (.noBedding, 8),
        (.grainShort, 20), (.incomeDropped, 40), (.suddenIllness, 10), (.marginal, 20), (.unstableWork, 30),
        (.riskRemoved, 15), (.amended, 10),
    ]

    static func draw(_ rng: inout SampleRandom) -> GenSituation {
        let special = weights.reduce(0) { $0 + $1.1 }
        return rng.weighted(weights + [(.ordinary, 1000 - special)])
    }

    /// The family shape the situation needs, if any.
    var family: GenFamily? {
        switch self {
        case .dropout: .threeGenerations
        case .homeTaught: .youngFamily
        case .noBedding: .elderlyAlone
        default: nil
        }
    }

    /// How many visits the situation's story needs (0: any plan, never visited included).
    var visitsNeeded: Int {
        switch self {
        case .ordinary, .relocated, .riskRemoved: 0
        case .houseRebuilt: 3
        case .dropout, .insuredLater, .suddenIllness, .dangerousHouse, .cellarDry, .uninsured, .noChronicCard: 2
        default: 1
        }
    }

    func apply(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        switch self {
        case .ordinary: break
        case .dropout: Self.dropout(&h, &rng)
        case .homeTaught: Self.homeTaught(&h, &rng)
        case .uninsured: Self.uninsured(&h, &rng)
        case .noChronicCard: Self.noChronicCard(&h, &rng)
        case .insuredLater: Self.insuredLater(&h, &rng)
        case .dangerousHouse: Self.dangerousHouse(&h, &rng)
        case .houseRebuilt: Self.houseRebuilt(&h, &rng)
        case .relocated: Self.relocated(&h, &rng)
        case .cellarDry: Self.cellarDry(&h, &rng)
        case .noBedding: Self.noBedding(&h, &rng)
        case .grainShort: Self.grainShort(&h, &rng)
        case .incomeDropped: Self.incomeDropped(&h, &rng)
        case .suddenIllness: Self.suddenIllness(&h, &rng)
        case .marginal: Self.marginal(&h, &rng)
        case .unstableWork: Self.unstableWork(&h, &rng)
        case .riskRemoved: Self.riskRemoved(&h, &rng)
        case .amended: Self.amended(&h, &rng)
        }
    }

    /// A junior-middle pupil stops going to school → education not met.
    static func dropout(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        guard let child = h.household.members.first(where: { $0.school == .juniorMiddle }) else { return }
        let i = h.middle
        h.visits[i].observe(MemberObservation(memberID: child.id, school: .droppedOut))
        h.visits[i].find(.education, nil, "\(child.name)开学后未返校，在家放羊")
        h.visits[i].measures = ["联系班主任共同上门劝返", "上报镇控辍保学专班"]
        h.visits[i].followUp = h.after(i, days: 20...40, &rng)
        for k in (i + 1)..<h.visits.count {
            h.visits[k].find(.education, k == i + 1 ? .notMet : nil,
                             rng.pick(["再次劝返，本人仍不愿返校", "父亲同意下学期送回学校", "计划转入县职教中心预备班"]))
            h.visits[k].followUp = h.after(k, days: 30...60, &rng)
        }
    }

    /// A child with cerebral palsy taught at home by visiting teachers → education met (exempt).
    static func homeTaught(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        guard let k = h.household.members.firstIndex(where: { $0.school == .primary }) else { return }
        h.household.members[k].health = .disabled
        h.household.members[k].disabilityGrade = rng.int(1...2)
        h.household.members[k].school = .notInSchool
        h.household.members[k].educationExemption = .homeTeaching
        h.household.members[k].familyDoctor = true
        h.household.members[k].medicalAssistance = true
        let name = h.household.members[k].name
        h.household.causes = PovertyCauses(main: .disability, others: [.lackOfLabour])
        h.measure(.publicServices, "送教上门（每月两次）", h.facts.springDay(h.asOf.year - 2, &rng), .inProgress)
        for i in h.visits.indices where h.visits[i].findings.count == 6 {
            h.visits[i].find(.education, nil, "\(name)残疾，县特教学校每月送教上门两次")
        }
    }

    /// A son working away let his insurance lapse → medical not met.
    static func uninsured(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        let who = h.household.members.first { $0.relation == .son && $0.migrantMonths > 0 } ?? h.household.members[0]
        let i = h.middle
        h.visits[i].observe(MemberObservation(memberID: who.id, insured: false))
        h.visits[i].find(.medical, nil, "\(who.name) \(h.visits[i].date.year) 年度医保未缴费")
        h.visits[i].measures = ["电话联系\(who.name)补缴医保"]
        h.visits[i].followUp = h.after(i, days: 30...45, &rng)
        for k in (i + 1)..<h.visits.count {
            h.visits[k].find(.medical, nil, rng.pick(["已多次电话联系，答应回家后补缴", "仍未补缴，已上报镇医保站"]))
            h.visits[k].followUp = h.after(k, days: 20...45, &rng)
        }
    }

    /// The head has a chronic illness but no chronic-illness card → medical follow-up.
    static func noChronicCard(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        let head = h.household.members[0]
        let i = h.middle
        h.visits[i].observe(MemberObservation(memberID: head.id, health: .chronic, chronicCard: false, familyDoctor: true))
        h.visits[i].find(.medical, nil, "\(head.name)患高血压、糖尿病，未办慢病卡")
        h.visits[i].measures = ["协助预约县医院慢病鉴定"]
        h.visits[i].followUp = h.after(i, days: 30...60, &rng)
        h.visits[h.last].find(.medical, nil, "已预约县医院慢病鉴定")
        h.visits[h.last].followUp = h.after(h.last, days: 10...30, &rng)
    }

    /// A member's insurance had lapsed; paid up after the first visit → medical met.
    static func insuredLater(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        let k = h.household.members.count - 1
        h.household.members[k].insured = false
        let name = h.household.members[k].name
        h.visits[0].find(.medical, nil, "\(name)医保未续缴")
        h.visits[0].measures = ["协助补缴城乡居民医保"]
        h.visits[0].followUp = h.after(0, days: 10...30, &rng)
        h.visits[1].observe(MemberObservation(memberID: h.household.members[k].id, insured: true))
        h.visits[1].find(.medical, nil, "已补缴城乡居民医保")
    }

    /// An adobe house cracked by the autumn rains, appraised C or D, not yet renovated → housing not met.
    static func dangerousHouse(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        h.household.housing = Housing(grade: .b, appraisalDate: h.facts.day(in: h.asOf.year - 7...h.asOf.year - 5, rng: &rng),
                                      structure: .adobe)
        let i = h.middle
        let grade: HousingGrade = rng.chance(70) ? .c : .d
        let cracked = Housing(grade: grade, appraisalDate: h.visits[i].date.adding(days: -rng.int(1...10)), structure: .adobe)
        h.visits[i].observe { $0.housing = cracked }
        h.visits[i].find(.housing, nil, "土坯房墙体开裂，镇村建办鉴定为 \(grade.rawValue) 级")
        h.visits[i].measures = ["申报农村危房改造"]
        h.measure(.infrastructure, "农村危房改造（已申报）", h.visits[i].date, amount: grade == .c ? 12000 : 40000, .planned)
        for k in (i + 1)..<h.visits.count {
            h.visits[k].find(.housing, nil, "已做临时支撑，改造指标待下达")
            h.visits[k].followUp = h.after(k, days: 30...90, &rng)
        }
    }

    /// A D-grade house torn down and rebuilt during the year → housing met.
    static func houseRebuilt(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        let old = Housing(grade: .d, appraisalDate: h.visits[0].date.adding(days: -rng.int(30...200)), structure: .adobe)
        h.household.housing = old
        var building = old
        building.renovation = .inProgress
        let finished = h.visits[h.last].date.adding(days: -rng.int(1...20))
        let rebuilt = Housing(grade: .d, appraisalDate: old.appraisalDate, structure: .brickConcrete,
                              renovation: .rebuilt, renovationDate: max(finished, h.visits[1].date))
        h.measure(.infrastructure, "农村危房改造（D 级拆除重建）", h.visits[0].date, amount: 40000, .done)
        h.visits[0].find(.housing, nil, "土坯房鉴定为 D 级整幢危房")
        h.visits[0].measures = ["申报农村危房改造（拆除重建）"]
        h.visits[1].observe { $0.housing = building }
        h.visits[1].find(.housing, nil, "改造资金已下达，新房已开工")
        h.visits[h.last].observe { $0.housing = rebuilt }
        h.visits[h.last].find(.housing, nil, "新建砖混住房已竣工入住")
    }

    /// Moved from a mountain-top hamlet to a relocation site → housing met.
    static func relocated(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        let moved = h.facts.day(in: 2016...2020, rng: &rng)
        h.household.causes = PovertyCauses(main: .poorTransport, others: [.lackOfWater])
        h.household.housing = Housing(grade: .a, appraisalDate: moved.adding(days: 20), structure: .brickConcrete,
                                      relocated: true, relocationDate: moved)
        h.household.measures.insert(Measure(breakthrough: .relocation, what: "易地扶贫搬迁（集中安置）",
                                            start: moved.adding(days: -400), amount: 80000, progress: .done), at: 0)
    }

    /// The rain cellar ran low in the summer drought → water not met.
    static func cellarDry(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        h.household.water = SampleWater.cellar(&rng)
        let dry = WaterSupply(source: .rainCellar, litresPerPersonDay: rng.int(12...18), qualityOK: true,
                              pipedToYard: false, roundTripMinutes: 4, horizontalMetres: 20, verticalMetres: 0,
                              daysCutPerYear: rng.int(40...70), scarceArea: true)
        let i = h.middle
        h.visits[i].observe { $0.water = dry }
        h.visits[i].find(.water, nil, "水窖蓄水不足，多次断水，靠三轮车拉水")
        h.visits[i].measures = ["协调送水车每周送水", "申请自来水入户工程"]
        h.visits[i].followUp = h.after(i, days: 30...60, &rng)
        h.measure(.infrastructure, "自来水入户（已列入计划）", h.visits[i].date, .planned)
        for k in (i + 1)..<h.visits.count {
            h.visits[k].find(.water, nil, "水窖蓄水仍不足，自来水入户已列入明年计划")
        }
    }

    /// An old person alone whose winter bedding is worn thin → food and clothing not met.
    static func noBedding(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        let v = h.last
        h.visits[v].observe { $0.foodClothing = FoodClothing(enoughFood: true, seasonalClothes: true, winterBedding: false) }
        h.visits[v].find(.foodClothing, nil, "被褥陈旧单薄，不能御寒")
        h.visits[v].measures = ["镇民政办调拨棉被两床"]
        h.visits[v].followUp = h.after(v, days: 10...20, &rng)
    }

    /// A poor harvest; the cadre wants to see the grain again → food follow-up recorded.
    static func grainShort(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        let v = h.last
        h.visits[v].find(.foodClothing, .followUp, "今年秋粮减产，冬储口粮需再核实")
        h.visits[v].followUp = h.after(v, days: 10...30, &rng)
    }

    /// A son's work away was unsteady; income above the line but under the monitoring line → follow-up.
    static func incomeDropped(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        h.setIncome(h.facts.watchIncome(&rng))
        let v = h.last
        h.visits[v].find(.income, nil, "家中务工收入不稳定，今年失业 3 个月")
        h.visits[v].measures = ["推荐参加县人社局招聘会"]
        h.visits[v].followUp = h.after(v, days: 20...40, &rng)
    }

    /// The head falls seriously ill and stops working; income under the line → not met.
    static func suddenIllness(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        h.household.status = PovertyStatus(outOfPovertyYear: h.household.status.outOfPovertyYear,
                                           monitoring: .suddenHardship, risks: [.illness])
        h.household.income.removeAll { $0.year == h.asOf.year }
        let head = h.household.members[0]
        let i = h.middle
        h.visits[i].observe(MemberObservation(memberID: head.id, health: .serious, familyDoctor: true))
        h.visits[i].find(.medical, nil, "\(head.name)确诊重病住院，医保、大病保险已报销")
        h.visits[i].measures = ["申请医疗救助", "申请临时救助"]
        let v = h.last
        let income = IncomeRecord(year: h.asOf.year, perCapita: h.facts.poorIncome(&rng))
        h.visits[v].observe { $0.income = income }
        h.visits[v].find(.income, nil, "户主患病停止务工，人均纯收入低于贫困线")
        h.visits[v].note = "经村两委评议，纳入突发严重困难户监测。"
        h.visits[v].measures = ["申请纳入农村低保"]
        h.visits[v].followUp = h.after(v, days: 20...40, &rng)
        h.measure(.publicServices, "医疗救助", h.visits[i].date, amount: rng.int(5000...20000, step: 1000), .done)
    }

    /// Never registered poor; taken in for monitoring during the year with a cadre paired from then.
    static func marginal(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        h.household.status = PovertyStatus(monitoring: .marginal, risks: [rng.pick([.illness, .schooling, .accident])])
        if let first = h.visits.first, let cadre = h.household.pairings.last?.cadreID {
            h.household.pairings = [Pairing(cadreID: cadre, start: first.date.adding(days: -rng.int(1...20)))]
            h.visits[0].note = "经村民代表评议，纳入边缘易致贫户监测，首次入户建档。"
        }
        h.setIncome(h.facts.watchIncome(&rng))
        let v = h.last
        h.visits[v].find(.income, nil, "人均纯收入低于监测线")
        h.visits[v].followUp = h.after(v, days: 20...40, &rng)
    }

    /// Building work dried up: unstable out of poverty, income under the monitoring line → follow-up.
    static func unstableWork(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        h.household.status = PovertyStatus(outOfPovertyYear: h.household.status.outOfPovertyYear,
                                           monitoring: .unstableOut, risks: [.unstableWork])
        h.setIncome(h.facts.watchIncome(&rng))
        let head = h.name(1)
        let v = h.last
        h.visits[v].find(.income, nil, "\(head)在外务工工程少，收入下降")
        h.visits[v].measures = ["报名冬季技能培训", "推荐到扶贫车间务工"]
        h.visits[v].followUp = h.after(v, days: 20...40, &rng)
    }

    /// A monitored household whose risk has been removed → all met.
    static func riskRemoved(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        h.household.status = PovertyStatus(outOfPovertyYear: h.household.status.outOfPovertyYear,
                                           monitoring: .unstableOut, risks: [rng.pick([.illness, .disaster, .failedFarming])],
                                           riskRemoved: true)
    }

    /// The latest check recorded the water wrongly and was corrected the same day by an
    /// amendment; only the amendment counts → water met.
    static func amended(_ h: inout GenDraft, _ rng: inout SampleRandom) {
        let v = h.last
        h.visits[v].minute = 90
        h.visits[v].find(.water, .notMet, "水窖缺水")
        var fix = Visit(date: h.visits[v].date, minute: 555, findings: Visit.allSix)
        fix.supersedesPrevious = true
        fix.find(.water, nil, "供水正常")
        fix.note = "更正：上一条记录误将本户饮水记为“水窖缺水”。"
        h.visits.append(fix)
    }
}
