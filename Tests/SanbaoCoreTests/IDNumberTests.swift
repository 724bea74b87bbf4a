import XCTest
@testable import SanbaoCore

final class IDNumberTests: XCTestCase {
    func testValidVectorsGiveBirthDateAndSex() {
        let rows: [(value: String, born: String, sex: Sex)] = [
            ("11010519491231002X", "1949-12-31", .female),
            ("440524188001010014", "1880-01-01", .male),
            ("370101190102039973", "1901-02-03", .male),
        ]
        for r in rows {
            switch IDNumber.parse(r.value, today: assessDate) {
            case .success(let id):
                XCTAssertEqual(id.value, r.value, "row \(r.value)")
                XCTAssertEqual(id.birthDate, d(r.born), "row \(r.value)")
                XCTAssertEqual(id.sex, r.sex, "row \(r.value)")
                XCTAssertFalse(id.isLegacy, "row \(r.value)")
            case .failure(let p):
                XCTFail("row \(r.value): rejected with \(p)")
            }
        }
    }

    func testCheckCharacterOfVectors() {
        XCTAssertEqual(IDNumber.checkCharacter(for: "11010519491231002"), "X")
        XCTAssertEqual(IDNumber.checkCharacter(for: "44052418800101001"), "4")
        XCTAssertEqual(IDNumber.checkCharacter(for: "37010119010203997"), "3")
        XCTAssertNil(IDNumber.checkCharacter(for: "1101051949123100"), "16 digits")
        XCTAssertNil(IDNumber.checkCharacter(for: "1101051949123100A"), "a letter")
    }

    func testLowercaseXIsTheSameAsX() throws {
        let id = try IDNumber.parse("11010519491231002x", today: assessDate).get()
        XCTAssertEqual(id.value, "11010519491231002X", "canonical form has upper-case X")
        XCTAssertEqual(id.sex, .female)
        XCTAssertEqual(id.birthDate, d("1949-12-31"))
    }

    func testProblems() {
        let rows: [(name: String, text: String, problem: IDNumber.Problem)] = [
            ("check digit 1 where X is due", "110105194912310021",
             .badCheckCharacter(expected: "X", found: "1")),
            ("check X where 4 is due", "44052418800101001X",
             .badCheckCharacter(expected: "4", found: "X")),
            ("last digit changed", "370101190102039974",
             .badCheckCharacter(expected: "3", found: "4")),
            ("sequence digit changed, old check kept", "11010519491231003X",
             .badCheckCharacter(expected: gbCheckCharacter("11010519491231003"), found: "X")),
            ("month 13", idWithCheck("11010519491331002"), .badBirthDate("19491331")),
            ("Feb 30", idWithCheck("11010519490230002"), .badBirthDate("19490230")),
            ("Feb 29 of a common year", idWithCheck("11010520230229002"), .badBirthDate("20230229")),
            ("day 00", idWithCheck("11010519491200002"), .badBirthDate("19491200")),
            ("future birth date", idWithCheck("11010520270101002"), .futureBirthDate(d("2027-01-01"))),
            ("born the day after today", idWithCheck("11010520260302002"), .futureBirthDate(d("2026-03-02"))),
            ("17 characters", "11010519491231002", .wrongLength(17)),
            ("19 characters", "11010519491231002X0", .wrongLength(19)),
            ("16 characters", "1101051949123100", .wrongLength(16)),
            ("empty", "", .wrongLength(0)),
            ("letter inside", "1101051949A231002X", .notDigits),
            ("X inside", "110105X9491231002X", .notDigits),
            ("letter as check character", "11010519491231002Y", .notDigits),
            ("space inside", "110105 949123100 X", .notDigits),
            ("full-width digit inside", "11010519491231００2X", .notDigits),
            ("15 characters with a letter", "11010549123100A", .notDigits),
        ]
        for r in rows {
            switch IDNumber.parse(r.text, today: assessDate) {
            case .success(let id): XCTFail("row \(r.name): \"\(r.text)\" accepted as \(id)")
            case .failure(let p): XCTAssertEqual(p, r.problem, "row \(r.name)")
            }
        }
    }

    func testBornTodayIsNotFuture() {
        XCTAssertNoThrow(try IDNumber.parse(idWithCheck("62112120260301001"), today: assessDate).get())
    }

    func testProblemMessagesNameTheFigures() {
        let bad = IDNumber.Problem.badCheckCharacter(expected: "X", found: "1").message
        XCTAssertEqual(bad.zh, "身份证号校验位应为 X，实为 1")
        XCTAssertEqual(bad.en, "ID number check character should be X, is 1")
        XCTAssertTrue(IDNumber.Problem.wrongLength(17).message.en.contains("has 17"))
        XCTAssertTrue(IDNumber.Problem.badBirthDate("19491331").message.zh.contains("19491331"))
        XCTAssertTrue(IDNumber.Problem.futureBirthDate(d("2027-01-01")).message.en.contains("2027-01-01"))
    }

    func testLegacyFifteenDigitNumber() throws {
        let female = try IDNumber.parse("110105491231002", today: assessDate).get()
        XCTAssertTrue(female.isLegacy)
        XCTAssertEqual(female.birthDate, d("1949-12-31"))
        XCTAssertEqual(female.sex, .female)
        let male = try IDNumber.parse("621121650405013", today: assessDate).get()
        XCTAssertTrue(male.isLegacy)
        XCTAssertEqual(male.birthDate, d("1965-04-05"))
        XCTAssertEqual(male.sex, .male)
        XCTAssertNil(try? IDNumber.parse("110105491331002", today: assessDate).get(),
                     "month 13 in a legacy number")
        if case .failure(let p) = IDNumber.parse("110105490230002", today: assessDate) {
            XCTAssertEqual(p, .badBirthDate("19490230"))
        } else {
            XCTFail("legacy number with Feb 30 accepted")
        }
    }

    func testMasking() {
        let rows: [(name: String, text: String, masked: String)] = [
            ("18 characters", "11010519491231002X", "110105********002X"),
            ("domain example", "621121196504050013", "621121********0013"),
            ("legacy 15", "110105491231002", "110105*****1002"),
            ("short input keeps last four", "12345", "*2345"),
            ("four or fewer shown as is", "1234", "1234"),
            ("empty", "", ""),
        ]
        for r in rows {
            XCTAssertEqual(IDNumber.masked(r.text), r.masked, "row \(r.name)")
        }
    }
}

/// The byte path for 18-character numbers must answer exactly as the general one.
final class IDNumberFastPathTests: XCTestCase {
    func testBytePathAgreesWithTheCharacterPath() {
        let today = LocalDate(year: 2026, month: 11, day: 25)!
        var samples = ["621121197005120138", "62112119700512013x", "62112119700512013X", "621121197002300134",
                       "621121203001010011", "621121197005120139", "62112119700512013Y", "6211211970051201３8",
                       "11010519491231002X", "110105194912310021", "00000000000000000X", "999999999999999999"]
        // Every check character and many dates.
        var rng = SeededGenerator(seed: 20_261_125)
        for _ in 0..<3000 {
            var s = String(format: "%06d%04d%02d%02d%03d", Int.random(in: 0...999_999, using: &rng),
                           Int.random(in: 1890...2030, using: &rng), Int.random(in: 0...13, using: &rng),
                           Int.random(in: 0...32, using: &rng), Int.random(in: 0...999, using: &rng))
            s.append(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "X", "x"].randomElement(using: &rng)!)
            samples.append(s)
        }
        for s in samples {
            let slow = IDNumber.parseCharacters(s, today: today)
            XCTAssertEqual(IDNumber.parse(s, today: today), slow, s)
            if let fast = IDNumber.parse18(s, today: today) { XCTAssertEqual(fast, slow, s) }
        }
    }
}
