// FastEncode against JSONEncoder, the writer it stands in for: on every record it writes,
// the bytes must be exactly the ones `JSONCoding.encoder()` gives (JSONEncoder is the
// independent oracle: it shares no code with the hand-written writer); where it declines,
// `RecordLine` must still give the encoder's bytes.
import Foundation
import SanbaoCore
import SanbaoSamples
@testable import SanbaoStore
import XCTest

final class FastEncodeTests: XCTestCase {
    static let asOf = LocalDate(year: 2026, month: 11, day: 25)!

    func testEveryRecordOfTheDemoAndGeneratedCounties() throws {
        var datasets = [DemoVillage.make()]
        for seed: UInt64 in [3, 11] { datasets.append(Generator.make(households: 1500, seed: seed, asOf: Self.asOf)) }
        var households = 0, checks = 0
        for data in datasets {
            for h in data.households { try assertSameBytes(h, FastEncode.household(h)); households += 1 }
            for c in data.checks { try assertSameBytes(c, FastEncode.check(c)); checks += 1 }
        }
        XCTAssertGreaterThan(households, 3000)
        XCTAssertGreaterThan(checks, 3000)
    }

    /// Every optional set, then every optional left out.
    func testEveryKeySetAndEveryOptionalAbsent() throws {
        let full = Self.fullHousehold()
        try assertSameBytes(full, FastEncode.household(full))
        let check = Self.fullCheck()
        try assertSameBytes(check, FastEncode.check(check))
        // A key added to Member and not to the writer fails here (Member's keys are listed).
        let written = try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(FastEncode.household(full)))) as! [String: Any]
        let member = (written["members"] as! [[String: Any]])[0]
        XCTAssertEqual(Set(member.keys), Member.keys, "the fully set member writes every key Member has")

        var bare = full
        bare.foodClothing = nil; bare.water = nil; bare.housing = nil
        bare.status = PovertyStatus()
        bare.members = [Member(id: 1, name: "王", sex: .female, birthDate: Fixture.d("1950-01-01"), relation: .head,
                               insured: nil)]
        bare.pairings = [Pairing(cadreID: "c", start: Fixture.d("2020-01-01"))]
        bare.measures = [Measure(breakthrough: .industry, what: "养羊", start: Fixture.d("2021-01-01"), progress: .done)]
        bare.income = []
        try assertSameBytes(bare, FastEncode.household(bare))
        let bareCheck = Check(id: "k", householdID: full.id, date: Fixture.d("2026-01-02"), cadreID: "c",
                              recordedAt: "2026-01-02T03:04:05Z", findings: [:])
        try assertSameBytes(bareCheck, FastEncode.check(bareCheck))
    }

    /// Strings that need an escape or look as if they might: quotes, backslashes, slashes,
    /// DEL, line and paragraph separators, astral characters, Chinese.
    func testStringsAreWrittenAsTheEncoderWritesThem() throws {
        for text in ["\"", "\\", "a/b", "</script>", "\u{7F}", "\u{2028}\u{2029}", "𠀀😀", "雒小宝", "", "\\\"\\"] {
            var h = Self.fullHousehold()
            h.members[0].name = text
            h.phone = text
            try assertSameBytes(h, FastEncode.household(h))
            var c = Self.fullCheck()
            c.note = text
            c.measures = [text, text]
            try assertSameBytes(c, FastEncode.check(c))
        }
    }

    /// Line feed, return, tab, backspace and form feed take their short escapes; any other
    /// control character's escape is the encoder's choice: declined, and the line is then
    /// the encoder's.
    func testControlCharacters() throws {
        for scalar in [0x08, 0x09, 0x0A, 0x0C, 0x0D] {
            var c = Self.fullCheck()
            c.note = "户主说：\"血压高\"\(Character(Unicode.Scalar(UInt8(scalar))))已讲解。"
            try assertSameBytes(c, FastEncode.check(c))
        }
        for scalar in [0x00, 0x01, 0x07, 0x0B, 0x0E, 0x1B, 0x1F] {
            var h = Self.fullHousehold()
            h.address.group = "一\(Character(Unicode.Scalar(UInt8(scalar))))组"
            XCTAssertNil(FastEncode.household(h), "control character \(scalar)")
            XCTAssertEqual(try RecordLine.of(h), try JSONCoding.encoder().encode(h))
            var c = Self.fullCheck()
            c.findings[.water]?.note = "\(Character(Unicode.Scalar(UInt8(scalar))))"
            XCTAssertNil(FastEncode.check(c))
            XCTAssertEqual(try RecordLine.of(c), try JSONCoding.encoder().encode(c))
        }
    }

    /// A string is copied whole when a look eight bytes at a time finds nothing to escape:
    /// each awkward byte at each place of a word, in strings shorter and longer than one,
    /// beside Chinese (bytes of 0x80 and up, which must not count as control characters).
    func testEscapesAtEveryPlaceOfAWord() throws {
        for special in ["\"", "\\", "\n", "\t", "\u{01}", "\u{1F}", "\u{7F}", " ", "!", "#", "[", "]", "\u{80}"] {
            for length in [1, 7, 8, 9, 16, 23] {
                for at in 0..<length {
                    var chars = Array(repeating: "a", count: length)
                    chars[at] = special
                    for text in [chars.joined(), "雒" + chars.joined() + "宝"] {
                        var c = Self.fullCheck()
                        c.note = text
                        let escapes = text.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
                        var t = text
                        XCTAssertEqual(t.withUTF8(JSONBytes.needsEscape), escapes, "\(special.unicodeScalars.map(\.value)) at \(at) of \(length)")
                        if let fast = FastEncode.check(c) { try assertSameBytes(c, fast) } else {
                            XCTAssertEqual(try RecordLine.of(c), try JSONCoding.encoder().encode(c))
                        }
                    }
                }
            }
        }
    }

    /// Records appended to a buffer that holds a file's lines already: each line as the
    /// encoder writes it, one declined by the fast way (a control character) included,
    /// and nothing before it disturbed.
    func testLinesAppendedToABufferAreTheEncodersLines() throws {
        let h = Self.fullHousehold()
        var odd = Self.fullCheck()
        odd.note = "响铃\u{07}"
        var out: [UInt8] = Array("{\"kind\":\"checks\"}\n".utf8)
        var expected = out
        for record in [Self.fullCheck(), odd, Self.fullCheck()] {
            try RecordLine.append(record, to: &out)
            out.append(0x0A)
            expected += try JSONCoding.encoder().encode(record) + [0x0A]
        }
        try RecordLine.append(h, to: &out)
        expected += try JSONCoding.encoder().encode(h)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), String(decoding: expected, as: UTF8.self))
    }

    func testNumbersAtTheirEdges() throws {
        for v in [0, 1, -1, 9, 10, -10, 1_000_000, Int.max, Int.min, Int.min + 1] {
            var h = Self.fullHousehold()
            h.income = [IncomeRecord(year: v, perCapita: v)]
            h.members[0].migrantMonths = v
            try assertSameBytes(h, FastEncode.household(h))
        }
    }

    /// Seeded random records: each optional set or not, strings from an alphabet of the
    /// awkward characters above.
    func testRandomRecords() throws {
        var rng = Seeded(state: 20_261_206)
        for _ in 0..<400 {
            let h = Self.random(Self.fullHousehold(), &rng)
            try assertSameBytes(h, FastEncode.household(h))
            var c = Self.fullCheck()
            c.note = Self.text(&rng)
            if Bool.random(using: &rng) { c.observations = nil }
            if Bool.random(using: &rng) { c.followUp = nil; c.supersedes = nil }
            for i in Indicator.allCases where Bool.random(using: &rng) { c.findings[i] = nil }
            try assertSameBytes(c, FastEncode.check(c))
        }
    }

    // MARK: Helpers

    func assertSameBytes<T: Encodable>(_ record: T, _ fast: [UInt8]?, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try JSONCoding.encoder().encode(record)
        guard let fast else {
            return XCTFail("declined a record it should write: \(String(decoding: expected, as: UTF8.self))", file: file, line: line)
        }
        XCTAssertEqual(String(decoding: fast, as: UTF8.self), String(decoding: expected, as: UTF8.self), file: file, line: line)
        XCTAssertEqual(try RecordLine.of(record), expected, file: file, line: line)
    }

    static func fullHousehold() -> Household {
        let d = Fixture.d
        var h = Fixture.household(7)
        h.causes = PovertyCauses(main: .illness, others: [.disability, .lackOfSkills])
        h.status = PovertyStatus(outOfPovertyYear: 2019, monitoring: .marginal, risks: [.illness, .schooling], riskRemoved: true)
        h.members = [Member(id: 3, name: "雒小宝", sex: .male, idNumber: "621121201610010017", birthDate: d("2016-10-01"),
                            relation: .son, school: .primary, educationExemption: .unableToStudy, subsidyReceived: true,
                            health: .chronic, disabilityGrade: 2, chronicCard: true, familyDoctor: false, labour: .lost,
                            migrantMonths: 3, insured: false, seriousIllnessInsurance: true, medicalAssistance: false,
                            joined: MemberChange(reason: .born, date: d("2016-10-01")),
                            left: MemberChange(reason: .movedAway, date: d("2026-11-01")))]
        h.pairings = [Pairing(cadreID: "c1", start: d("2021-03-01"), end: d("2024-02-29")), Pairing(cadreID: "c2", start: d("2024-03-01"))]
        h.measures = [Measure(breakthrough: .industry, what: "养羊 10 只", start: d("2022-04-01"), amount: 5000, progress: .inProgress)]
        h.income = [IncomeRecord(year: 2025, perCapita: 8600), IncomeRecord(year: 2026, perCapita: -3)]
        h.foodClothing = FoodClothing(enoughFood: true, seasonalClothes: false, winterBedding: true)
        h.water = WaterSupply(source: .piped, litresPerPersonDay: 60, qualityOK: true, pipedToYard: false, roundTripMinutes: 25,
                              horizontalMetres: 800, verticalMetres: 90, daysCutPerYear: 12, scarceArea: true)
        h.housing = Housing(grade: .c, appraisalDate: d("2023-05-06"), structure: .brickConcrete, renovation: .reinforced,
                            renovationDate: d("2024-07-08"), relocated: true, relocationDate: d("2025-09-10"))
        return h
    }

    static func fullCheck() -> Check {
        let h = fullHousehold()
        var findings: [Indicator: Finding] = [:]
        for (k, i) in Indicator.allCases.enumerated() { findings[i] = Finding(state: k % 3 == 0 ? nil : .met, note: k % 2 == 0 ? "" : "见\(k)") }
        let observations = Observations(income: IncomeRecord(year: 2026, perCapita: 7000), foodClothing: h.foodClothing,
                                        water: h.water, housing: h.housing,
                                        members: [MemberObservation(memberID: 3, school: .droppedOut, educationExemption: .unableToStudy,
                                                                    insured: true, health: .serious, chronicCard: false, familyDoctor: true),
                                                  MemberObservation(memberID: 4)])
        return Check(id: "0123456789abcdef", householdID: h.id, date: Fixture.d("2026-11-02"), cadreID: "c2",
                     recordedAt: "2026-11-02T08:09:10Z", findings: findings, observations: observations,
                     measures: ["送医", "补办低保"], followUp: Fixture.d("2026-12-01"), confirmed: true, note: "复查",
                     supersedes: "fedcba9876543210")
    }

    static func text(_ rng: inout Seeded) -> String {
        let alphabet: [String] = ["a", "雒", "\"", "\\", "/", "\u{7F}", "😀", " ", "1", "\u{2028}", "\n", "\r\n", "\t"]
        return (0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
    }

    static func random(_ base: Household, _ rng: inout Seeded) -> Household {
        var h = base
        h.phone = text(&rng)
        h.address.village = text(&rng)
        if Bool.random(using: &rng) { h.water = nil }
        if Bool.random(using: &rng) { h.housing?.grade = nil; h.housing?.appraisalDate = nil }
        if Bool.random(using: &rng) { h.foodClothing = nil }
        if Bool.random(using: &rng) { h.status.monitoring = nil; h.status.outOfPovertyYear = nil }
        if Bool.random(using: &rng) { h.measures[0].amount = nil }
        var m = h.members[0]
        m.name = text(&rng)
        if Bool.random(using: &rng) { m.idNumber = nil; m.school = nil; m.educationExemption = nil }
        if Bool.random(using: &rng) { m.subsidyReceived = nil; m.disabilityGrade = nil; m.chronicCard = nil }
        if Bool.random(using: &rng) { m.familyDoctor = nil; m.insured = nil; m.seriousIllnessInsurance = nil }
        if Bool.random(using: &rng) { m.medicalAssistance = nil; m.joined = nil; m.left = nil }
        h.members = [m, m]
        return h
    }
}
