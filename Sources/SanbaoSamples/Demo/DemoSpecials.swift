// The households written by hand: each shows one situation a cadre meets, so the app
// has something to show for every state and every rule. Each function reworks the
// ordinary household its table line built (DemoVillage.specs).
import SanbaoCore

enum DemoSpecials {
    private static func d(_ text: String) -> LocalDate { DemoVillage.d(text) }

    /// 0002: a boy of 14 stops going to school in spring 2026 → education not met.
    static func dropout(_ h: inout Draft, _ rng: inout SampleRandom) {
        let p = h.people
        h.household.members = [
            p.member(1, "张永强", .male, d("1982-08-12"), .head) { $0.migrantMonths = 7 },
            p.member(2, "李红霞", .female, d("1984-02-03"), .spouse),
            p.member(3, "张佳怡", .female, d("2009-04-21"), .daughter) {
                $0.school = .seniorMiddle
                $0.subsidyReceived = true
                $0.labour = .none
            },
            p.member(4, "张浩宇", .male, d("2012-05-17"), .son) { $0.school = .juniorMiddle },
        ]
        h.household.causes = PovertyCauses(main: .schooling, others: [.lackOfSkills])
        h.household.measures = [
            Measure(breakthrough: .industry, what: "养羊 12 只（湖羊）", start: d("2020-04-10"), amount: 9600, progress: .done),
            Measure(breakthrough: .publicServices, what: "雨露计划补助（张佳怡，高中）", start: d("2024-09-01"),
                    amount: 2000, progress: .inProgress),
            Measure(breakthrough: .skills, what: "劳务输转（张永强，新疆建筑工地）", start: d("2022-03-01"), progress: .inProgress),
        ]
        h.visits = []
        h.visit("2025-12-09", &rng)
        h.visit("2026-03-18", &rng) {
            $0.observe(MemberObservation(memberID: 4, school: .droppedOut))
            $0.find(.education, nil, "张浩宇初二下学期开学后未返校，在家放羊")
            $0.note = "开学两周后班主任反映张浩宇未到校，入户核实属实。本人说“不想念了”，父亲在外务工，母亲劝不动。"
            $0.measures = ["联系榜罗初级中学班主任共同上门劝返", "上报镇控辍保学工作专班"]
            $0.followUp = d("2026-04-15")
        }
        h.visit("2026-04-15", &rng) {
            $0.find(.education, .notMet, "第二次劝返，本人仍不愿返校")
            $0.note = "与班主任、村支书一起第二次上门劝返，张浩宇仍不愿返校。"
            $0.measures = ["请父亲张永强回家共同做工作", "联系县教育局了解职教中心预备班"]
            $0.followUp = d("2026-06-15")
        }
        h.visit("2026-07-08", &rng) {
            $0.find(.education, nil, "暑假再次动员，父亲同意秋季送回学校")
            $0.followUp = d("2026-09-05")
        }
        h.visit("2026-09-10", &rng) {
            $0.find(.education, nil, "秋季开学仍未返校，已书面上报镇控辍保学专班")
            $0.followUp = d("2026-10-10")
        }
        h.visit("2026-11-12", &rng) {
            $0.find(.education, nil, "计划 2027 年春季学期转入县职教中心预备班")
            $0.measures = ["落实控辍保学“一生一案”"]
            $0.followUp = d("2027-02-20")
        }
    }

    /// 0004: an adobe house cracked by the autumn rains, appraised C, not yet renovated → housing not met.
    static func dangerousHouse(_ h: inout Draft, _ rng: inout SampleRandom) {
        h.household.housing = Housing(grade: .b, appraisalDate: d("2019-06-20"), structure: .adobe)
        h.household.measures.append(Measure(breakthrough: .infrastructure, what: "农村危房改造（C 级加固，已申报 2027 年计划）",
                                            start: d("2025-12-05"), amount: 12000, progress: .planned))
        guard !h.visits.isEmpty else { return }
        h.visits[0].observations = Observations(housing: Housing(grade: .c, appraisalDate: d("2025-11-28"), structure: .adobe))
        h.visits[0].find(.housing, nil, "秋季连阴雨后土坯房后墙开裂，镇村建办鉴定为 C 级")
        h.visits[0].measures = ["申报农村危房改造", "雨雪天暂住东厢房"]
        for i in h.visits.indices.dropFirst() {
            h.visits[i].find(.housing, nil, "后墙已做临时支撑，裂缝未扩大，改造指标待下达")
        }
        h.editLast {
            $0.find(.housing, nil, "2026 年改造指标已用完，已列入 2027 年改造计划")
            $0.followUp = d("2027-03-15")
        }
    }

    /// 0007: the son's work away was unsteady this year; income above the line but under 6,000 → follow-up.
    static func incomeDropped(_ h: inout Draft, _ rng: inout SampleRandom) {
        let son = h.name(3)
        h.editLast {
            $0.find(.income, nil, "\(son)在外务工不稳定，今年上半年失业 3 个月")
            $0.measures = ["推荐\(son)参加县人社局冬季招聘会"]
            $0.followUp = d("2026-12-20")
        }
    }

    /// 0009: the head is found to have stomach cancer in April 2026 and stops working;
    /// 2026 income falls to 3,600 → income not met; a sudden-hardship monitoring household.
    static func suddenIllness(_ h: inout Draft, _ rng: inout SampleRandom) {
        let p = h.people
        h.household.members = [
            p.member(1, "马建国", .male, d("1976-09-14"), .head) { $0.migrantMonths = 9 },
            p.member(2, "王丽娟", .female, d("1978-03-22"), .spouse),
            p.member(3, "马欣怡", .female, d("2006-10-08"), .daughter) {
                $0.school = .college
                $0.labour = .none
            },
        ]
        h.household.causes = PovertyCauses(main: .lackOfFunds, others: [.illness])
        h.household.status = PovertyStatus(outOfPovertyYear: 2019, monitoring: .suddenHardship, risks: [.illness])
        // The 2026 figure is not on the record: it was found on the September visit.
        h.household.income = [IncomeRecord(year: 2024, perCapita: 8600), IncomeRecord(year: 2025, perCapita: 8200)]
        h.household.measures = [
            Measure(breakthrough: .industry, what: "种植当归 4 亩", start: d("2019-04-02"), amount: 6000, progress: .done),
            Measure(breakthrough: .finance, what: "小额信贷 5 万元（三年期，财政贴息）", start: d("2023-04-11"),
                    amount: 50000, progress: .inProgress),
            Measure(breakthrough: .publicServices, what: "医疗救助（大病二次报销）", start: d("2026-05-12"),
                    amount: 18000, progress: .done),
            Measure(breakthrough: .publicServices, what: "临时救助", start: d("2026-09-22"), amount: 3000, progress: .done),
            Measure(breakthrough: .publicServices, what: "农村低保（已申请）", start: d("2026-11-04"), progress: .planned),
        ]
        h.visits = []
        h.visit("2025-12-11", &rng)
        h.visit("2026-03-20", &rng)
        h.visit("2026-05-12", &rng) {
            $0.observe(MemberObservation(memberID: 1, health: .serious, familyDoctor: true))
            $0.find(.medical, nil, "户主 4 月在省人民医院确诊胃癌并手术，基本医保、大病保险已报销")
            $0.note = "户主术后在家休养，不能外出务工。"
            $0.measures = ["申请医疗救助", "申请临时救助"]
            $0.followUp = d("2026-06-12")
        }
        h.visit("2026-06-12", &rng) {
            $0.find(.medical, nil, "术后恢复尚可，家庭医生每月随访一次")
        }
        h.visit("2026-09-22", &rng) {
            $0.observations = Observations(income: IncomeRecord(year: 2026, perCapita: 3600))
            $0.find(.income, nil, "户主患病停止务工，2026 年人均纯收入预计 3,600 元")
            $0.note = "经村两委评议，纳入突发严重困难户监测。"
            $0.measures = ["申请纳入农村低保", "马欣怡申请生源地助学贷款"]
            $0.followUp = d("2026-10-22")
        }
        h.visit("2026-11-04", &rng) {
            $0.note = "低保申请已上报镇民政办，待审批。"
            $0.followUp = d("2026-12-04")
        }
    }

    /// 0010: a boy of 10 with cerebral palsy, taught at home by visiting teachers → education met (exempt).
    static func homeTaught(_ h: inout Draft, _ rng: inout SampleRandom) {
        let p = h.people
        h.household.members = [
            p.member(1, "杨志强", .male, d("1985-07-19"), .head),
            p.member(2, "魏彩霞", .female, d("1987-11-30"), .spouse),
            p.member(3, "杨博文", .male, d("2016-06-03"), .son) {
                $0.health = .disabled
                $0.disabilityGrade = 1
                $0.school = .notInSchool
                $0.educationExemption = .homeTeaching
                $0.familyDoctor = true
                $0.medicalAssistance = true
            },
            p.member(4, "杨雨涵", .female, d("2019-03-11"), .daughter) { $0.school = .primary },
        ]
        h.household.causes = PovertyCauses(main: .disability, others: [.lackOfLabour])
        h.household.measures = [
            Measure(breakthrough: .publicServices, what: "残疾人两项补贴（杨博文，一级）", start: d("2017-01-01"),
                    amount: 2640, progress: .inProgress),
            Measure(breakthrough: .publicServices, what: "送教上门（每月两次）", start: d("2022-09-01"), progress: .inProgress),
            Measure(breakthrough: .publicServices, what: "农村低保金", start: d("2017-01-01"), amount: 4800, progress: .inProgress),
            Measure(breakthrough: .industry, what: "养牛 2 头（基础母牛）", start: d("2021-04-18"), amount: 16000, progress: .done),
        ]
        for i in h.visits.indices {
            h.visits[i].find(.education, nil, "杨博文脑瘫（一级残疾），县特殊教育学校老师每月送教上门两次")
        }
    }

    /// 0012: the son working in Xinjiang let his 2026 insurance lapse → medical not met.
    static func uninsured(_ h: inout Draft, _ rng: inout SampleRandom) {
        let p = h.people
        h.household.members = [
            p.member(1, "刘建军", .male, d("1971-05-06"), .head),
            p.member(2, "苟玉梅", .female, d("1973-10-15"), .spouse),
            p.member(3, "刘鹏飞", .male, d("1999-01-23"), .son) {
                $0.migrantMonths = 10
                $0.labour = .skilled
            },
            p.member(4, "汪婷婷", .female, d("2000-07-30"), .daughterInLaw),
            p.member(5, "刘梓睿", .male, d("2022-04-09"), .grandchild) { $0.school = .preschool },
        ]
        h.household.causes = PovertyCauses(main: .lackOfSkills, others: [.poorTransport])
        h.household.measures = [
            Measure(breakthrough: .industry, what: "种植黄芪 5 亩", start: d("2020-03-25"), amount: 5000, progress: .done),
            Measure(breakthrough: .skills, what: "挖掘机驾驶培训（刘鹏飞）", start: d("2019-10-08"), amount: 2000, progress: .done),
            Measure(breakthrough: .finance, what: "小额信贷 3 万元（三年期，财政贴息）", start: d("2024-04-16"),
                    amount: 30000, progress: .inProgress),
        ]
        h.visits = []
        h.visit("2025-12-16", &rng)
        h.visit("2026-02-26", &rng) {
            $0.observe(MemberObservation(memberID: 3, insured: false))
            $0.find(.medical, nil, "刘鹏飞 2026 年度城乡居民医保未缴费")
            $0.note = "刘鹏飞在新疆务工，春节未回家，2026 年度医保漏缴。"
            $0.measures = ["电话联系刘鹏飞补缴或提供务工地参保证明"]
            $0.followUp = d("2026-03-31")
        }
        h.visit("2026-05-21", &rng) {
            $0.find(.medical, nil, "已多次电话联系，本人答应回家后补缴")
            $0.followUp = d("2026-07-31")
        }
        h.visit("2026-08-19", &rng) {
            $0.find(.medical, nil, "刘鹏飞未回家，仍未补缴")
        }
        h.visit("2026-11-19", &rng) {
            $0.find(.medical, nil, "2026 年度仍未参保；已提醒 2027 年度医保须在 12 月底前缴费")
            $0.measures = ["协助刘鹏飞在线缴纳 2027 年度医保"]
            $0.followUp = d("2026-12-15")
        }
    }

    /// 0014: a D-grade adobe house torn down and rebuilt in 2026 → housing met. The
    /// cadre changed from c1 to c3 in the middle of the work.
    static func houseRebuilt(_ h: inout Draft, _ rng: inout SampleRandom) {
        let old = Housing(grade: .d, appraisalDate: d("2025-09-02"), structure: .adobe)
        h.household.housing = old
        h.household.measures.append(Measure(breakthrough: .infrastructure, what: "农村危房改造（D 级拆除重建）",
                                            start: d("2026-03-01"), amount: 40000, progress: .done))
        var building = old
        building.renovation = .inProgress
        let rebuilt = Housing(grade: .d, appraisalDate: d("2025-09-02"), structure: .brickConcrete,
                              renovation: .rebuilt, renovationDate: d("2026-07-10"))
        h.visits = []
        h.visit("2025-12-15", &rng) {
            $0.find(.housing, nil, "土坯房鉴定为 D 级整幢危房，冬季暂住邻居家")
            $0.measures = ["申报 2026 年农村危房改造（拆除重建）"]
            $0.followUp = d("2026-03-31")
        }
        h.visit("2026-04-09", &rng) {
            $0.observations = Observations(housing: building)
            $0.find(.housing, nil, "改造资金已下达，新房 3 月开工")
        }
        h.visit("2026-07-20", &rng) {
            $0.observations = Observations(housing: rebuilt)
            $0.find(.housing, nil, "新建砖混结构住房 72 平方米已竣工验收，7 月 10 日入住")
            $0.note = "帮扶干部调整后首次入户，已与户主对接。"
        }
        h.visit("2026-11-18", &rng) {
            $0.find(.housing, nil, "新房入住正常，冬季取暖无问题")
        }
    }

    /// 0015: handed from c1 to c3 in May; c3 last came in September → overdue on `asOf`.
    static func overdueAfterChange(_ h: inout Draft, _ rng: inout SampleRandom) {
        h.visits = []
        h.visit("2025-12-08", &rng)
        h.visit("2026-03-24", &rng)
        h.visit("2026-06-10", &rng) { $0.note = "帮扶干部调整，陈文博首次入户对接，核对家庭信息。" }
        h.visit("2026-09-15", &rng)
    }

    /// 0016: the head has high blood pressure and diabetes but no chronic-illness card →
    /// medical follow-up. Its March note holds a comma, a double quote and a line break,
    /// which every export must carry through.
    static func noChronicCard(_ h: inout Draft, _ rng: inout SampleRandom) {
        let p = h.people
        h.household.members = [
            p.member(1, "牛进财", .male, d("1962-04-18"), .head),
            p.member(2, "岳桂兰", .female, d("1965-12-02"), .spouse),
        ]
        h.household.causes = PovertyCauses(main: .illness, others: [.lackOfLabour])
        h.household.measures = [
            Measure(breakthrough: .publicServices, what: "农村低保金", start: d("2017-01-01"), amount: 4200, progress: .inProgress),
            Measure(breakthrough: .industry, what: "种植党参 4 亩", start: d("2020-04-06"), amount: 4800, progress: .done),
            Measure(breakthrough: .industry, what: "光伏扶贫电站收益分红", start: d("2019-07-01"), amount: 1000, progress: .inProgress),
        ]
        h.visits = []
        h.visit("2025-12-12", &rng)
        h.visit("2026-03-17", &rng) {
            $0.observe(MemberObservation(memberID: 1, health: .chronic, chronicCard: false, familyDoctor: true))
            $0.find(.medical, nil, "牛进财患高血压、糖尿病，未办慢病卡")
            $0.note = "户主说：\"血压高, 常头晕，去镇卫生院看过两次\"。\n已讲解慢病卡办理流程：带身份证、诊断证明到县医院鉴定。"
            $0.measures = ["协助预约县医院慢病鉴定"]
            $0.followUp = d("2026-05-15")
        }
        h.visit("2026-06-09", &rng) {
            $0.find(.medical, nil, "县医院慢病鉴定每季度一次，6 月未赶上")
        }
        h.visit("2026-09-03", &rng)
        h.visit("2026-11-09", &rng) {
            $0.find(.medical, nil, "已预约 12 月县医院慢病鉴定")
            $0.measures = ["12 月陪同到县医院办理慢病卡"]
            $0.followUp = d("2026-12-10")
        }
    }

    /// 0018: building work in Lanzhou dried up; an unstable out-of-poverty household whose
    /// income is under the monitoring line → income follow-up.
    static func unstableWork(_ h: inout Draft, _ rng: inout SampleRandom) {
        h.household.status = PovertyStatus(outOfPovertyYear: 2019, monitoring: .unstableOut, risks: [.unstableWork])
        h.household.measures.append(Measure(breakthrough: .skills, what: "电焊工技能培训（冬季农闲班）",
                                            start: d("2026-12-10"), amount: 1500, progress: .planned))
        let head = h.name(1)
        h.editLast {
            $0.find(.income, nil, "\(head)在兰州建筑工地务工，今年工程少，务工收入下降")
            $0.measures = ["报名冬季电焊工培训", "推荐到县城扶贫车间务工"]
            $0.followUp = d("2026-12-20")
        }
    }

    /// 0019: the rain cellar ran low in the summer drought → water not met (quantity and days cut).
    static func cellarDry(_ h: inout Draft, _ rng: inout SampleRandom) {
        h.household.measures.append(Measure(breakthrough: .infrastructure, what: "自来水入户（已纳入 2027 年农村供水工程）",
                                            start: d("2026-09-01"), progress: .planned))
        let dry = WaterSupply(source: .rainCellar, litresPerPersonDay: 16, qualityOK: true, pipedToYard: false,
                              roundTripMinutes: 4, horizontalMetres: 20, verticalMetres: 0, daysCutPerYear: 55,
                              scarceArea: true)
        h.visits = []
        h.visit("2025-12-03", &rng)
        h.visit("2026-03-26", &rng)
        h.visit("2026-06-05", &rng)
        h.visit("2026-08-14", &rng) {
            $0.observations = Observations(water: dry)
            $0.find(.water, nil, "今年夏旱，水窖蓄水不足，6 月以来多次断水，靠三轮车到镇上拉水")
            $0.measures = ["协调镇供水站送水车每周送水一次", "申请自来水入户工程"]
            $0.followUp = d("2026-09-14")
        }
        h.visit("2026-11-06", &rng) {
            $0.find(.water, nil, "秋雨后水窖蓄水仍不足一半，自来水入户已列入 2027 年计划")
            $0.followUp = d("2027-04-01")
        }
    }

    /// 0021: moved in 2019 from a mountain-top hamlet to the village's central relocation site → housing met.
    static func relocated(_ h: inout Draft, _ rng: inout SampleRandom) {
        h.household.causes = PovertyCauses(main: .poorTransport, others: [.lackOfWater])
        h.household.housing = Housing(grade: .a, appraisalDate: d("2019-11-05"), structure: .brickConcrete,
                                      relocated: true, relocationDate: d("2019-10-15"))
        h.household.measures.insert(Measure(breakthrough: .relocation, what: "易地扶贫搬迁（文峰村集中安置点，100 平方米）",
                                            start: d("2018-04-01"), amount: 80000, progress: .done), at: 0)
    }

    /// 0022: an old man living alone whose winter bedding is worn thin → food and clothing not met.
    static func noBedding(_ h: inout Draft, _ rng: inout SampleRandom) {
        let p = h.people
        h.household.members = [p.member(1, "常有福", .male, d("1945-02-16"), .head) { $0.markChronic() }]
        h.household.causes = PovertyCauses(main: .lackOfLabour, others: [.illness])
        h.household.measures = [
            Measure(breakthrough: .publicServices, what: "特困人员供养金", start: d("2016-01-01"), amount: 9600, progress: .inProgress),
            Measure(breakthrough: .publicServices, what: "家庭医生签约服务", start: d("2019-03-01"), progress: .inProgress),
        ]
        h.visits = []
        for date in ["2025-12-04", "2026-03-09", "2026-06-22", "2026-09-08"] { h.visit(date, &rng) }
        h.visit("2026-11-20", &rng) {
            $0.observations = Observations(foodClothing: FoodClothing(enoughFood: true, seasonalClothes: true, winterBedding: false))
            $0.find(.foodClothing, nil, "被褥陈旧单薄，不能御寒")
            $0.note = "入冬前走访，老人独居，屋内较冷。"
            $0.measures = ["镇民政办调拨棉被两床、棉衣一套", "落实冬季取暖煤 1 吨"]
            $0.followUp = d("2026-12-05")
        }
    }

    /// 0025: a family that was never registered poor, taken in for monitoring in June 2026
    /// (marginal, illness risk) with a cadre paired from then → income follow-up.
    static func marginal(_ h: inout Draft, _ rng: inout SampleRandom) {
        let p = h.people
        h.household.members = [
            p.member(1, "何小军", .male, d("1983-06-27"), .head) { $0.migrantMonths = 6 },
            p.member(2, "冯亚萍", .female, d("1985-01-09"), .spouse) { $0.markChronic() },
            p.member(3, "何一鸣", .male, d("2017-08-19"), .son) { $0.school = .primary },
        ]
        h.household.causes = PovertyCauses(main: .illness, others: [.lackOfFunds])
        h.household.status = PovertyStatus(monitoring: .marginal, risks: [.illness])
        h.household.pairings = [Pairing(cadreID: "c2", start: d("2026-06-20"))]
        h.household.measures = [
            Measure(breakthrough: .industry, what: "种植马铃薯 8 亩（脱毒种薯）", start: d("2026-04-10"), amount: 2400, progress: .done),
            Measure(breakthrough: .publicServices, what: "慢性病门诊报销（冯亚萍）", start: d("2026-07-01"), progress: .inProgress),
            Measure(breakthrough: .skills, what: "家政服务培训（冯亚萍）", start: d("2026-12-10"), amount: 1200, progress: .planned),
        ]
        h.visits = []
        h.visit("2026-06-25", &rng) { $0.note = "经村民代表评议，纳入边缘易致贫户监测，首次入户建档。" }
        h.visit("2026-08-30", &rng)
        h.visit("2026-11-10", &rng) {
            $0.find(.income, nil, "妻子冯亚萍患病不能务工，人均纯收入 5,600 元，低于监测线")
            $0.followUp = d("2026-12-10")
        }
    }

    /// 0030: the grandmother's insurance had lapsed; paid up in January 2026 → medical met
    /// now. Unstable out of poverty, with the risk since removed.
    static func insuredLater(_ h: inout Draft, _ rng: inout SampleRandom) {
        h.household.status = PovertyStatus(outOfPovertyYear: 2020, monitoring: .unstableOut, risks: [.illness],
                                           riskRemoved: true)
        if let i = h.household.members.firstIndex(where: { $0.relation == .parent }) {
            h.household.members[i].insured = false
        }
        let gran = h.household.members.first { $0.relation == .parent }
        let granName = gran?.name ?? ""
        let granID = gran?.id ?? 3
        h.visits = []
        h.visit("2025-12-10", &rng) {
            $0.find(.medical, nil, "\(granName) 2025 年度医保未续缴")
            $0.measures = ["协助补缴城乡居民医保"]
            $0.followUp = d("2026-01-20")
        }
        h.visit("2026-01-14", &rng) {
            $0.observe(MemberObservation(memberID: granID, insured: true))
            $0.find(.medical, nil, "已补缴 2026 年度城乡居民医保")
            $0.note = "补缴后参保信息已在县医保局核实。"
        }
        for date in ["2026-04-22", "2026-07-15", "2026-11-03"] { h.visit(date, &rng) }
    }

    /// 0039: the autumn harvest was poor; the cadre wants to see the winter grain again →
    /// food follow-up recorded on the visit though the facts say enough.
    static func grainShort(_ h: inout Draft, _ rng: inout SampleRandom) {
        h.editLast {
            $0.find(.foodClothing, .followUp, "今年秋粮减产，冬储口粮需再核实")
            $0.followUp = d("2026-12-10")
        }
    }

    /// 0043: a November check recorded the water wrongly and was corrected the same day by
    /// an amendment; only the amendment counts → water met.
    static func amended(_ h: inout Draft, _ rng: inout SampleRandom) {
        guard let last = h.visits.last else { return }
        h.editLast {
            $0.minute = 90   // 01:30
            $0.find(.water, .notMet, "水窖缺水")
        }
        var fix = Visit.demo(on: last.date, rng: &rng)
        fix.minute = 555   // 09:15
        fix.supersedesPrevious = true
        fix.find(.water, nil, "自来水入户，供水正常")
        fix.note = "更正：上一条记录误将本户饮水记为“水窖缺水”，本户为自来水入户，供水正常。"
        h.visits.append(fix)
    }
}
