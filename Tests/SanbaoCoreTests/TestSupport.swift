// Small builders shared by the SanbaoCore tests. Every builder's defaults describe a
// household that passes all six indicators on `assessDate` (2026-03-01), so a test only
// spells out the one fact it is about.
import XCTest
@testable import SanbaoCore

/// The date most tests assess on.
let assessDate = d("2026-03-01")

/// A date from `YYYY-MM-DD`; a typo in a test literal stops the run with the literal named.
func d(_ text: String) -> LocalDate {
    guard let date = LocalDate(text) else { preconditionFailure("test literal \"\(text)\" is not a real date") }
    return date
}

/// The GB 11643-1999 check character, computed here independently of `IDNumber`
/// (so tests that build numbers with it do not trust the code under test).
func gbCheckCharacter(_ first17: String) -> Character {
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    let digits = first17.map { Int(String($0))! }
    precondition(digits.count == 17, "need 17 digits, got \(first17)")
    let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
    return Array("10X98765432")[sum % 11]
}

/// 17 digits followed by their correct check character.
func idWithCheck(_ first17: String) -> String { first17 + String(gbCheckCharacter(first17)) }

/// A member born on `born`; by default a healthy, insured adult head of household.
func member(_ id: Int = 1, _ name: String = "王大山", born: String = "1975-06-15",
            sex: Sex = .male, relation: Relation = .head, idNumber: String? = nil,
            school: SchoolStatus? = nil, exemption: EducationExemption? = nil,
            subsidy: Bool? = nil, health: HealthKind = .healthy, chronicCard: Bool? = nil,
            familyDoctor: Bool? = nil, insured: Bool? = true) -> Member {
    Member(id: id, name: name, sex: sex, idNumber: idNumber, birthDate: d(born), relation: relation,
           school: school, educationExemption: exemption, subsidyReceived: subsidy, health: health,
           chronicCard: chronicCard, familyDoctor: familyDoctor, insured: insured)
}

/// A school-age child (12 on `assessDate`) with the given school status.
func child(_ id: Int = 2, _ name: String = "王小明", born: String = "2013-09-01",
           school: SchoolStatus? = .primary, exemption: EducationExemption? = nil) -> Member {
    member(id, name, born: born, relation: .son, school: school, exemption: exemption)
}

let wenfeng = "621121103201"
let chakou = "621121103202"

func address(village: String = "文峰村", code: String = wenfeng, group: String = "1组") -> Address {
    Address(province: "甘肃省", city: "定西市", county: "通渭县", township: "榜罗镇",
            village: village, group: group, villageCode: code)
}

let goodFood = FoodClothing(enoughFood: true, seasonalClothes: true, winterBedding: true)
let goodWater = WaterSupply(source: .piped, litresPerPersonDay: 40, qualityOK: true, pipedToYard: true,
                            daysCutPerYear: 5)
let goodHousing = Housing(grade: .a, appraisalDate: d("2019-05-01"), structure: .brickConcrete)

/// A household with the given members. Defaults: paired with cadre `c1` since 2020,
/// income well above the 2025 monitoring line, enough food and clothes, piped water,
/// an A-grade house.
func household(_ id: String = "621121103201-001", members: [Member] = [member()],
               address: Address = address(), cadre: String? = "c1",
               pairings: [Pairing]? = nil,
               income: [IncomeRecord] = [IncomeRecord(year: 2025, perCapita: 9000)],
               foodClothing: FoodClothing? = goodFood, water: WaterSupply? = goodWater,
               housing: Housing? = goodHousing) -> Household {
    Household(id: id, number: "6211211032010" + String(id.suffix(3)), address: address,
              phone: "13900000000", type: .ordinaryPoor, causes: PovertyCauses(main: .illness),
              status: PovertyStatus(outOfPovertyYear: 2019),
              members: members,
              pairings: pairings ?? cadre.map { [Pairing(cadreID: $0, start: d("2020-01-01"))] } ?? [],
              income: income, foodClothing: foodClothing, water: water, housing: housing)
}

/// A finding for every indicator with the same state.
func findings(_ state: IndicatorState? = .met, except overrides: [Indicator: Finding] = [:]) -> [Indicator: Finding] {
    var out: [Indicator: Finding] = [:]
    for i in Indicator.allCases { out[i] = Finding(state: state) }
    for (i, f) in overrides { out[i] = f }
    return out
}

/// A check of `household` on `date` with the given findings (all met by default).
func check(_ id: String = "k1", household: String = "621121103201-001", date: String = "2026-02-20",
           cadre: String = "c1", recordedAt: String? = nil, findings f: [Indicator: Finding] = findings(),
           observations: Observations? = nil, followUp: String? = nil, note: String = "",
           supersedes: String? = nil) -> Check {
    Check(id: id, householdID: household, date: d(date), cadreID: cadre,
          recordedAt: recordedAt ?? "\(date)T08:00:00Z", findings: f, observations: observations,
          followUp: followUp.map(d), note: note, supersedes: supersedes)
}

extension Array where Element == Bilingual {
    /// All reasons in one language, joined so a failure message shows them whole.
    func joined(_ language: Language) -> String { map { $0.text(language) }.joined(separator: " | ") }
}

/// Asserts that each expected text occurs in the reasons of the given language.
func assertReasons(_ reasons: [Bilingual], zh: [String] = [], en: [String] = [], _ label: String,
                   file: StaticString = #filePath, line: UInt = #line) {
    let zhText = reasons.joined(.zh)
    let enText = reasons.joined(.en)
    for s in zh where !zhText.contains(s) {
        XCTFail("\(label): zh reasons \"\(zhText)\" lack \"\(s)\"", file: file, line: line)
    }
    for s in en where !enText.contains(s) {
        XCTFail("\(label): en reasons \"\(enText)\" lack \"\(s)\"", file: file, line: line)
    }
}

/// A seeded generator (SplitMix64) for tests that draw many cases: a failure names its
/// seed and replays exactly, where SystemRandomNumberGenerator could not (issue 20).
struct SeededGenerator: RandomNumberGenerator {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
