import XCTest
@testable import SanbaoCore

/// One row of a rule table: a named household (facts), the date judged, the thresholds,
/// and what the rule must answer. `zh`/`en` are texts that must occur in the reasons;
/// `enExact`, when given, is the whole list of English reasons.
struct RuleCase {
    var name: String
    var household: Household
    var on: LocalDate = assessDate
    var config = RulesConfig()
    var verdict: Judgement.Verdict
    var zh: [String] = []
    var en: [String] = []
    var enExact: [String]? = nil
    /// Texts that must not occur in the English reasons (a member who is fine is not named).
    var enAbsent: [String] = []
}

func runRule(_ rule: any IndicatorRule.Type, _ rows: [RuleCase], file: StaticString = #filePath, line: UInt = #line) {
    for r in rows {
        let j = rule.judge(r.household, on: r.on, config: r.config)
        let label = "\(rule.indicator.rawValue) row \"\(r.name)\""
        XCTAssertEqual(j.verdict, r.verdict, "\(label): reasons \(j.reasons.joined(.en))", file: file, line: line)
        assertReasons(j.reasons, zh: r.zh, en: r.en, label, file: file, line: line)
        if let exact = r.enExact {
            XCTAssertEqual(j.reasons.map(\.en), exact, label, file: file, line: line)
        }
        for s in r.enAbsent where j.reasons.joined(.en).contains(s) {
            XCTFail("\(label): reasons \"\(j.reasons.joined(.en))\" should not mention \"\(s)\"", file: file, line: line)
        }
        if j.verdict != .met && j.verdict != .notApplicable {
            XCTAssertFalse(j.reasons.isEmpty, "\(label): a failing judgement needs a reason", file: file, line: line)
        }
    }
}

final class RuleTests: XCTestCase {
    // MARK: - Education

    /// Household of a parent and one child born on `born`, with the given school status.
    private func withChild(born: String, school: SchoolStatus? = .notInSchool,
                           exemption: EducationExemption? = nil, name: String = "王小明") -> Household {
        household(members: [member(), child(2, name, born: born, school: school, exemption: exemption)])
    }

    func testEducationAgeBoundaries() {
        var olderStart = RulesConfig()
        olderStart.schoolAgeMin = 7
        var longer = RulesConfig()
        longer.schoolAgeMax = 17
        runRule(EducationRule.self, [
            // Checked on 2026-03-01.
            RuleCase(name: "turns 6 on the check date: judged", household: withChild(born: "2020-03-01"),
                     verdict: .notMet, zh: ["王小明 6 岁，未上学"], en: ["王小明, 6, not in school"]),
            RuleCase(name: "turns 6 the day after the check date: not of school age",
                     household: withChild(born: "2020-03-02"), verdict: .notApplicable,
                     zh: ["无义务教育阶段人口"], en: ["no member of compulsory-school age"]),
            RuleCase(name: "turns 16 on the check date: out of school age",
                     household: withChild(born: "2010-03-01", school: .droppedOut), verdict: .notApplicable),
            RuleCase(name: "turns 16 the day after the check date: still 15, judged",
                     household: withChild(born: "2010-03-02", school: .droppedOut), verdict: .notMet,
                     zh: ["王小明 15 岁，已辍学"], en: ["王小明, 15, dropped out"]),
            RuleCase(name: "born Feb 29, day before sixth birthday in a common year",
                     household: withChild(born: "2020-02-29"), on: d("2026-02-28"), verdict: .notApplicable),
            RuleCase(name: "born Feb 29, Mar 1 of a common year counts as sixth birthday",
                     household: withChild(born: "2020-02-29"), on: d("2026-03-01"), verdict: .notMet),
            RuleCase(name: "schoolAgeMin 7: a 6-year-old is not judged",
                     household: withChild(born: "2020-03-01"), config: olderStart, verdict: .notApplicable),
            RuleCase(name: "schoolAgeMin 7: a child turning 7 is judged",
                     household: withChild(born: "2019-03-01"), config: olderStart, verdict: .notMet,
                     en: ["王小明, 7, not in school"]),
            RuleCase(name: "schoolAgeMax 17: a 16-year-old dropout fails",
                     household: withChild(born: "2010-03-01", school: .droppedOut), config: longer,
                     verdict: .notMet, en: ["王小明, 16, dropped out"]),
            RuleCase(name: "schoolAgeMax 17: turning 18 is out",
                     household: withChild(born: "2008-03-01", school: .droppedOut), config: longer,
                     verdict: .notApplicable),
        ])
    }

    /// A `rules.json` whose minimum school age is above its maximum is reported by
    /// `problems`; until it is fixed no one is of school age, and nothing traps on it.
    func testSchoolAgeMinAboveMax() {
        var bad = RulesConfig()
        bad.schoolAgeMin = 15
        bad.schoolAgeMax = 6
        XCTAssertNil(bad.schoolAge)
        XCTAssertFalse((0...20).contains { bad.isSchoolAge($0) })
        XCTAssertEqual(RulesConfig().schoolAge, 6...15)
        XCTAssertFalse(bad.problems.isEmpty)
        let h = withChild(born: "2016-03-01", school: .droppedOut)
        runRule(EducationRule.self, [
            RuleCase(name: "min above max: no one judged", household: h, config: bad, verdict: .notApplicable,
                     en: ["no member of compulsory-school age"]),
        ])
        let draft = CheckDraft(prefilledFor: h, checks: [], date: assessDate, config: bad)
        XCTAssertEqual(draft.observations.members.map(\.school), [nil, nil], "no school question asked")
        _ = Assessor(config: bad).nextChange(of: h, checks: [], after: assessDate)
    }

    func testEducationStatuses() {
        runRule(EducationRule.self, [
            RuleCase(name: "12-year-old dropout", household: withChild(born: "2013-09-01", school: .droppedOut),
                     verdict: .notMet, zh: ["王小明 12 岁，已辍学"], enExact: ["王小明, 12, dropped out"]),
            RuleCase(name: "in primary school", household: withChild(born: "2013-09-01", school: .primary),
                     verdict: .met, zh: ["王小明 12 岁，小学在读"], en: ["王小明, 12, in primary"]),
            RuleCase(name: "in junior middle school",
                     household: withChild(born: "2011-09-01", school: .juniorMiddle), verdict: .met),
            RuleCase(name: "6-year-old still in preschool counts as schooling",
                     household: withChild(born: "2019-09-01", school: .preschool), verdict: .met),
            RuleCase(name: "not in school, home teaching exemption",
                     household: withChild(born: "2013-09-01", school: .notInSchool, exemption: .homeTeaching),
                     verdict: .met, zh: ["王小明 12 岁，送教上门（豁免）"], en: ["王小明, 12, taught at home (exempt)"]),
            RuleCase(name: "dropped out, unable to study (health) exemption",
                     household: withChild(born: "2013-09-01", school: .droppedOut, exemption: .unableToStudy),
                     verdict: .met, en: ["(exempt)"]),
            RuleCase(name: "no school-age members", household: household(members: [
                member(), member(2, "李秀英", born: "1978-01-20", sex: .female, relation: .spouse),
                child(3, "王小红", born: "2022-05-01", school: nil),
            ]), verdict: .notApplicable, en: ["no member of compulsory-school age"]),
            RuleCase(name: "no members at all", household: household(members: []), verdict: .notApplicable),
            RuleCase(name: "school status missing", household: withChild(born: "2013-09-01", school: nil),
                     verdict: .unknown, zh: ["王小明 12 岁，就学情况未记录"], en: ["王小明, 12, school status not recorded"]),
            RuleCase(name: "one enrolled and one dropped out: only the dropout is named",
                     household: household(members: [
                        member(), child(2, "王小明", born: "2013-09-01", school: .primary),
                        child(3, "王小红", born: "2011-04-10", school: .droppedOut),
                     ]), verdict: .notMet, enExact: ["王小红, 14, dropped out"]),
            RuleCase(name: "dropout beats a missing status",
                     household: household(members: [
                        member(), child(2, "王小明", born: "2013-09-01", school: nil),
                        child(3, "王小红", born: "2011-04-10", school: .droppedOut),
                     ]), verdict: .notMet, en: ["王小红, 14, dropped out"]),
            RuleCase(name: "a 17-year-old senior-middle student without subsidy is not a veto",
                     household: household(members: [
                        member(), child(2, "王小明", born: "2013-09-01", school: .primary),
                        member(3, "王小刚", born: "2008-09-01", relation: .son, school: .seniorMiddle, subsidy: false),
                     ]), verdict: .met, en: ["王小刚, 17, senior middle, no Yulu subsidy"]),
        ])
    }

    /// The rule's own doc says a missing 雨露计划 subsidy "is noted"; that must hold in a
    /// household whose only student is past compulsory age, too.
    func testEducationNotesMissingSubsidyWithoutASchoolAgeChild() {
        runRule(EducationRule.self, [
            RuleCase(name: "only a 17-year-old senior-middle student, no subsidy",
                     household: household(members: [
                        member(), member(2, "王小刚", born: "2008-09-01", relation: .son, school: .seniorMiddle,
                                         subsidy: false),
                     ]), verdict: .notApplicable, zh: ["王小刚 17 岁，高中，未享受雨露计划补助"],
                     en: ["王小刚, 17, senior middle, no Yulu subsidy"]),
        ])
    }

    // MARK: - Housing

    private func housed(_ housing: Housing?) -> Household { household(housing: housing) }

    func testHousing() {
        runRule(HousingRule.self, [
            RuleCase(name: "grade A", household: housed(Housing(grade: .a)), verdict: .met, en: ["A (safe)"]),
            RuleCase(name: "grade B", household: housed(Housing(grade: .b)), verdict: .met,
                     zh: ["B级（基本安全）"]),
            RuleCase(name: "grade C not renovated", household: housed(Housing(grade: .c)), verdict: .notMet,
                     zh: ["住房鉴定为C级（局部危房），未改造"], en: ["dwelling appraised C (partly dangerous), not renovated"]),
            RuleCase(name: "grade D not renovated", household: housed(Housing(grade: .d)), verdict: .notMet,
                     zh: ["D级（整幢危房），未改造"], en: ["D (wholly dangerous), not renovated"]),
            RuleCase(name: "grade C rebuilt", household: housed(Housing(grade: .c, renovation: .rebuilt,
                                                                         renovationDate: d("2025-10-01"))),
                     verdict: .met, zh: ["住房鉴定为 C 级，已重建 2025-10-01"], en: ["dwelling appraised C, rebuilt 2025-10-01"]),
            RuleCase(name: "grade D rebuilt", household: housed(Housing(grade: .d, renovation: .rebuilt,
                                                                         renovationDate: d("2024-06-01"))),
                     verdict: .met),
            RuleCase(name: "grade C reinforced", household: housed(Housing(grade: .c, renovation: .reinforced,
                                                                            renovationDate: d("2025-10-01"))),
                     verdict: .met, en: ["reinforced"]),
            RuleCase(name: "grade D reinforced, no date recorded",
                     household: housed(Housing(grade: .d, renovation: .reinforced)), verdict: .met),
            RuleCase(name: "grade D rebuilt on the check date",
                     household: housed(Housing(grade: .d, renovation: .rebuilt, renovationDate: assessDate)),
                     verdict: .met),
            RuleCase(name: "grade D rebuilt, dated the day after the check date",
                     household: housed(Housing(grade: .d, renovation: .rebuilt, renovationDate: d("2026-03-02"))),
                     verdict: .notMet),
            RuleCase(name: "grade C reinforced, dated after the check date",
                     household: housed(Housing(grade: .c, renovation: .reinforced, renovationDate: d("2026-06-01"))),
                     verdict: .notMet),
            RuleCase(name: "grade D renovation in progress",
                     household: housed(Housing(grade: .d, renovation: .inProgress)), verdict: .notMet,
                     zh: ["改造中"], en: ["D (wholly dangerous), renovation in progress"]),
            RuleCase(name: "relocated from a D house",
                     household: housed(Housing(grade: .d, relocated: true, relocationDate: d("2019-11-01"))),
                     verdict: .met, zh: ["已易地搬迁入住安置房"], en: ["moved into relocation housing"]),
            RuleCase(name: "relocated, old house never appraised",
                     household: housed(Housing(grade: nil, relocated: true)), verdict: .met),
            RuleCase(name: "relocation dated after the check date",
                     household: housed(Housing(grade: .d, relocated: true, relocationDate: d("2026-05-01"))),
                     verdict: .notMet),
            RuleCase(name: "no grade", household: housed(Housing(grade: nil)), verdict: .unknown,
                     zh: ["住房未鉴定"], en: ["dwelling not appraised"]),
            RuleCase(name: "housing not recorded", household: housed(nil), verdict: .unknown,
                     en: ["housing not recorded"]),
        ])
    }

    // MARK: - Medical

    func testMedical() {
        let head = member()
        runRule(MedicalRule.self, [
            RuleCase(name: "all insured", household: household(members: [head, child()]), verdict: .met,
                     zh: ["全员参加基本医疗保险"], en: ["all members insured"]),
            RuleCase(name: "one uninsured among insured",
                     household: household(members: [
                        head, member(2, "李秀英", born: "1978-01-20", sex: .female, relation: .spouse),
                        member(3, "王小明", born: "2013-09-01", relation: .son, insured: false),
                     ]), verdict: .notMet, zh: ["王小明 未参加基本医疗保险"],
                     enExact: ["王小明 not enrolled in basic medical insurance"], enAbsent: ["王大山", "李秀英"]),
            RuleCase(name: "insurance unknown",
                     household: household(members: [head, member(2, "李秀英", relation: .spouse, insured: nil)]),
                     verdict: .unknown, zh: ["李秀英 参保情况未核实"], en: ["李秀英: insurance not checked"],
                     enAbsent: ["王大山"]),
            RuleCase(name: "uninsured beats unknown",
                     household: household(members: [member(1, "王大山", insured: false),
                                                    member(2, "李秀英", relation: .spouse, insured: nil)]),
                     verdict: .notMet, en: ["王大山 not enrolled"]),
            RuleCase(name: "chronic illness without card",
                     household: household(members: [head, member(2, "李秀英", relation: .spouse, health: .chronic,
                                                                  chronicCard: false)]),
                     verdict: .followUp, zh: ["李秀英 患慢性病，未办慢病卡"],
                     en: ["李秀英 has a chronic illness but no chronic-illness card"]),
            RuleCase(name: "chronic illness, card not yet asked about",
                     household: household(members: [member(health: .chronic, chronicCard: nil)]),
                     verdict: .followUp),
            RuleCase(name: "chronic illness with card and doctor",
                     household: household(members: [member(health: .chronic, chronicCard: true, familyDoctor: true)]),
                     verdict: .met),
            RuleCase(name: "serious illness without a family doctor",
                     household: household(members: [member(health: .serious, familyDoctor: false)]),
                     verdict: .followUp, en: ["王大山 has no contracted family doctor"]),
            RuleCase(name: "disabled, family doctor not asked about",
                     household: household(members: [member(health: .disabled, familyDoctor: nil)]),
                     verdict: .met),
            RuleCase(name: "uninsured and chronic without card: both reasons kept",
                     household: household(members: [member(health: .chronic, chronicCard: false, insured: false)]),
                     verdict: .notMet, en: ["not enrolled in basic medical insurance", "no chronic-illness card"]),
            RuleCase(name: "no members", household: household(members: []), verdict: .unknown,
                     en: ["household has no members recorded"]),
        ])
    }

    // MARK: - Income

    private func earning(_ records: [(Int, Int)]) -> Household {
        household(income: records.map { IncomeRecord(year: $0.0, perCapita: $0.1) })
    }

    func testIncome() {
        var custom = RulesConfig()
        custom.povertyLines = [RulesConfig.YearLine(year: 2015, yuan: 3000), RulesConfig.YearLine(year: 2026, yuan: 5000)]
        custom.monitoringLines = [RulesConfig.YearLine(year: 2021, yuan: 6000), RulesConfig.YearLine(year: 2026, yuan: 7000)]
        runRule(IncomeRule.self, [
            RuleCase(name: "2026 income exactly at the line (4,000 from the 2020 entry)",
                     household: earning([(2026, 4000)]), verdict: .notMet,
                     zh: ["2026 年人均纯收入 4,000 元，未超过贫困线 4,000 元"],
                     en: ["2026 per-capita income 4,000 yuan, not above the line of 4,000"]),
            RuleCase(name: "below the line", household: earning([(2026, 2500)]), verdict: .notMet),
            RuleCase(name: "line + 1, under the monitoring line", household: earning([(2026, 4001)]),
                     verdict: .followUp, zh: ["低于监测线 6,000 元"],
                     en: ["2026 per-capita income 4,001 yuan, below the monitoring line of 6,000"]),
            RuleCase(name: "one yuan under the monitoring line", household: earning([(2026, 5999)]),
                     verdict: .followUp),
            RuleCase(name: "at the monitoring line", household: earning([(2026, 6000)]), verdict: .met,
                     en: ["2026 per-capita income 6,000 yuan"]),
            RuleCase(name: "well above", household: earning([(2026, 12345)]), verdict: .met,
                     zh: ["2026 年人均纯收入 12,345 元"]),
            RuleCase(name: "2020: line + 1 is met, no monitoring line before 2021",
                     household: earning([(2020, 4001)]), on: d("2020-11-15"), verdict: .met),
            RuleCase(name: "2020: at the line", household: earning([(2020, 4000)]), on: d("2020-11-15"),
                     verdict: .notMet),
            RuleCase(name: "2018: at Gansu's 3,500 exit target", household: earning([(2018, 3500)]),
                     on: d("2018-10-01"), verdict: .notMet),
            RuleCase(name: "2018: 3,501", household: earning([(2018, 3501)]), on: d("2018-10-01"), verdict: .met),
            RuleCase(name: "2021: line + 1 under the first monitoring line",
                     household: earning([(2021, 4001)]), on: d("2021-12-01"), verdict: .followUp),
            RuleCase(name: "before the table: earliest line (2,855) applies",
                     household: earning([(2014, 2855)]), on: d("2014-12-01"), verdict: .notMet),
            RuleCase(name: "no figure for this year: last year's is used",
                     household: earning([(2025, 4000)]), verdict: .notMet, en: ["2025 per-capita income 4,000"]),
            RuleCase(name: "this year's figure wins over last year's",
                     household: earning([(2025, 3000), (2026, 7000)]), verdict: .met),
            RuleCase(name: "no income", household: earning([]), verdict: .unknown,
                     zh: ["无收入数据"], en: ["no income figure"]),
            RuleCase(name: "latest figure two years old", household: earning([(2024, 9000)]), verdict: .unknown,
                     zh: ["最近的收入数据为 2024 年，已过时"], en: ["latest income figure is for 2024, out of date"]),
            RuleCase(name: "only a figure for a later year", household: earning([(2027, 9000)]), verdict: .unknown),
            RuleCase(name: "default lines: 4,500 is follow-up", household: earning([(2026, 4500)]),
                     verdict: .followUp),
            RuleCase(name: "custom 2026 line of 5,000: 4,500 is not met", household: earning([(2026, 4500)]),
                     config: custom, verdict: .notMet, en: ["not above the line of 5,000"]),
            RuleCase(name: "custom 2026 monitoring line of 7,000: 6,500 is follow-up",
                     household: earning([(2026, 6500)]), config: custom, verdict: .followUp,
                     en: ["below the monitoring line of 7,000"]),
            RuleCase(name: "custom table, 2025 still uses the 2015 entry", household: earning([(2025, 3001)]),
                     config: custom, verdict: .followUp),
        ])
    }

    func testRulesConfigLines() {
        let c = RulesConfig()
        XCTAssertEqual(c.povertyLine(year: 2026), 4000)
        XCTAssertEqual(c.povertyLine(year: 2018), 3500)
        XCTAssertEqual(c.povertyLine(year: 2010), 2855)
        XCTAssertEqual(c.monitoringLine(year: 2020), nil)
        XCTAssertEqual(c.monitoringLine(year: 2021), 6000)
        XCTAssertEqual(c.monitoringLine(year: 2030), 6000)
        XCTAssertEqual(Money.yuan(1234567), "1,234,567")
        XCTAssertEqual(Money.yuan(999), "999")
        XCTAssertEqual(Money.yuan(-4000), "-4,000")
        XCTAssertEqual(Money.yuan(0), "0")
        XCTAssertEqual(Money.yuan(100_000), "100,000")
        XCTAssertEqual(Money.yuan(Int.min), "-9,223,372,036,854,775,808")
    }

    // MARK: - Water

    private func water(source: WaterSource = .piped, litres: Int? = 40, quality: Bool? = true,
                       piped: Bool = true, minutes: Int? = nil, horizontal: Int? = nil, vertical: Int? = nil,
                       cut: Int? = 5, scarce: Bool = false) -> Household {
        household(water: WaterSupply(source: source, litresPerPersonDay: litres, qualityOK: quality,
                                     pipedToYard: piped, roundTripMinutes: minutes, horizontalMetres: horizontal,
                                     verticalMetres: vertical, daysCutPerYear: cut, scarceArea: scarce))
    }

    func testWater() {
        var strict = RulesConfig()
        strict.water.maxDaysCutPerYear = 18
        runRule(WaterRule.self, [
            RuleCase(name: "all four hold", household: water(), verdict: .met,
                     zh: ["自来水，四项指标达标"], en: ["piped, all four criteria hold"]),
            // Quantity alone failing.
            RuleCase(name: "quantity 34 L", household: water(litres: 34), verdict: .notMet,
                     zh: ["水量每人每天 34 升，低于 35 升"], enExact: ["34 L per person per day, below 35 L"]),
            RuleCase(name: "quantity 35 L", household: water(litres: 35), verdict: .met),
            RuleCase(name: "scarce area, 20 L", household: water(litres: 20, scarce: true), verdict: .met),
            RuleCase(name: "scarce area, 19 L", household: water(litres: 19, scarce: true), verdict: .notMet,
                     en: ["19 L per person per day, below 20 L"]),
            RuleCase(name: "not scarce, 20 L", household: water(litres: 20), verdict: .notMet, en: ["below 35 L"]),
            // Quality alone failing.
            RuleCase(name: "quality fails", household: water(source: .rainCellar, quality: false), verdict: .notMet,
                     zh: ["水窖水质不达标"], enExact: ["water quality fails (rain cellar)"]),
            // Convenience alone failing.
            RuleCase(name: "not piped, round trip 20 min", household: water(piped: false, minutes: 20), verdict: .met),
            RuleCase(name: "not piped, round trip 21 min", household: water(piped: false, minutes: 21),
                     verdict: .notMet, zh: ["取水往返 21 分钟"], en: ["21 min round trip"]),
            RuleCase(name: "piped to the yard: fetching time not needed", household: water(piped: true, minutes: nil),
                     verdict: .met),
            RuleCase(name: "piped to the yard passes even with a long recorded trip",
                     household: water(piped: true, minutes: 60), verdict: .met),
            RuleCase(name: "800 m horizontal", household: water(piped: false, minutes: 15, horizontal: 800),
                     verdict: .met),
            RuleCase(name: "801 m horizontal", household: water(piped: false, minutes: 15, horizontal: 801),
                     verdict: .notMet),
            RuleCase(name: "80 m vertical", household: water(piped: false, minutes: 15, vertical: 80), verdict: .met),
            RuleCase(name: "81 m vertical", household: water(piped: false, minutes: 15, vertical: 81),
                     verdict: .notMet),
            // Reliability alone failing.
            RuleCase(name: "cut 36 days", household: water(cut: 36), verdict: .met),
            RuleCase(name: "cut 37 days", household: water(cut: 37), verdict: .notMet,
                     zh: ["每年断水 37 天，超过 36 天"], enExact: ["supply cut 37 days a year, more than 36"]),
            RuleCase(name: "custom limit of 18 days: cut 20", household: water(cut: 20), config: strict,
                     verdict: .notMet, en: ["more than 18"]),
            // Missing answers.
            RuleCase(name: "quantity missing", household: water(litres: nil), verdict: .unknown,
                     en: ["quantity not checked"]),
            RuleCase(name: "quality missing", household: water(quality: nil), verdict: .unknown,
                     zh: ["水质未检测"], en: ["quality not tested"]),
            RuleCase(name: "fetching time missing", household: water(piped: false, minutes: nil), verdict: .unknown,
                     en: ["fetching time not checked"]),
            RuleCase(name: "days cut missing", household: water(cut: nil), verdict: .unknown,
                     en: ["reliability not checked"]),
            RuleCase(name: "water not recorded", household: household(water: nil), verdict: .unknown,
                     en: ["water supply not recorded"]),
            RuleCase(name: "a failure beats a missing answer", household: water(litres: nil, cut: 40),
                     verdict: .notMet, en: ["supply cut 40 days"]),
        ])
    }

    /// A reason must name the fact that failed: a 15-minute trip is within the limit, so
    /// when the distance is what fails, the distance has to be in the reason.
    func testWaterDistanceFailureNamesTheDistance() {
        runRule(WaterRule.self, [
            RuleCase(name: "15 min but 900 m horizontal", household: water(piped: false, minutes: 15, horizontal: 900),
                     verdict: .notMet, zh: ["900"], en: ["900"]),
            RuleCase(name: "15 min but 120 m vertical", household: water(piped: false, minutes: 15, vertical: 120),
                     verdict: .notMet, zh: ["120"], en: ["120"]),
        ])
    }

    // MARK: - Food and clothing

    func testFoodAndClothing() {
        func fed(_ food: Bool, _ clothes: Bool, _ bedding: Bool) -> Household {
            household(foodClothing: FoodClothing(enoughFood: food, seasonalClothes: clothes, winterBedding: bedding))
        }
        runRule(FoodClothingRule.self, [
            RuleCase(name: "all three", household: fed(true, true, true), verdict: .met,
                     en: ["food, clothes and bedding sufficient"]),
            RuleCase(name: "not enough food", household: fed(false, true, true), verdict: .notMet,
                     zh: ["口粮不足"], enExact: ["not enough staple food"]),
            RuleCase(name: "no seasonal clothes", household: fed(true, false, true), verdict: .notMet,
                     zh: ["缺少换季衣服"], enExact: ["no seasonal clothes"]),
            RuleCase(name: "no winter bedding", household: fed(true, true, false), verdict: .notMet,
                     zh: ["缺少冬季被褥"], enExact: ["no winter bedding"]),
            RuleCase(name: "none of the three", household: fed(false, false, false), verdict: .notMet,
                     enExact: ["not enough staple food", "no seasonal clothes", "no winter bedding"]),
            RuleCase(name: "not recorded", household: household(foodClothing: nil), verdict: .unknown,
                     zh: ["未记录吃穿情况"], en: ["food and clothing not recorded"]),
        ])
    }

    // MARK: - Combining parts

    func testWorstOfOrder() {
        let met = Judgement(.met, [Bilingual(zh: "m", en: "m")])
        let follow = Judgement(.followUp, [Bilingual(zh: "f", en: "f")])
        let unknown = Judgement(.unknown, [Bilingual(zh: "u", en: "u")])
        let notMet = Judgement(.notMet, [Bilingual(zh: "n", en: "n")])
        let empty = Judgement(.notApplicable, [Bilingual(zh: "e", en: "e")])
        let rows: [(name: String, parts: [Judgement], verdict: Judgement.Verdict, reasons: [String])] = [
            ("empty", [], .notApplicable, ["e"]),
            ("met only", [met, met], .met, ["m", "m"]),
            ("follow-up beats met", [met, follow], .followUp, ["f"]),
            ("unknown beats follow-up, follow-up note rides along", [follow, unknown, met], .unknown, ["u", "f"]),
            ("not met beats all", [unknown, notMet, follow, met], .notMet, ["n", "f"]),
        ]
        for r in rows {
            let j = Judgement.worst(of: r.parts, whenEmpty: empty)
            XCTAssertEqual(j.verdict, r.verdict, "row \(r.name)")
            XCTAssertEqual(j.reasons.map(\.en), r.reasons, "row \(r.name)")
        }
    }
}
