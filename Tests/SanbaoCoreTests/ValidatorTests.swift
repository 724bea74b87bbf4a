import XCTest
@testable import SanbaoCore

final class ValidatorTests: XCTestCase {
    let validator = Validator(today: assessDate)
    let cadres: Set<String> = ["c1", "c2"]

    /// Members whose ID numbers agree with their birth dates and sexes.
    let grandmother = member(1, "张桂兰", born: "1949-12-31", sex: .female, relation: .head,
                             idNumber: "11010519491231002X")
    let grandfather = member(2, "王德福", born: "1901-02-03", sex: .male, relation: .spouse,
                             idNumber: "370101190102039973")
    let boy = member(3, "王小明", born: "2013-09-01", sex: .male, relation: .grandchild,
                     idNumber: idWithCheck("62112120130901001"), school: .primary)

    private func paths(_ problems: [DataProblem]) -> [String] { problems.map(\.path) }

    private func cleanHousehold(_ id: String = "621121103201-001") -> Household {
        household(id, members: [grandmother, grandfather, boy])
    }

    func testCleanHouseholdHasNoProblems() {
        let problems = validator.problems(in: cleanHousehold(), knownCadres: cadres)
        XCTAssertEqual(problems, [], problems.map(\.message.en).joined(separator: "; "))
    }

    // MARK: - Division codes

    func testDivisionCodeShape() {
        let rows: [(name: String, code: String, ok: Bool, en: String?)] = [
            ("Wenfeng village", "621121103201", true, nil),
            ("Yuangudui village", "621123210202", true, nil),
            ("Beijing prefix 11", "110105001001", true, nil),
            ("11 digits", "62112110320", false, "must be 12 digits"),
            ("13 digits", "6211211032011", false, "must be 12 digits"),
            ("a letter", "62112110320A", false, "must be 12 digits"),
            ("full-width digits", "６２１１２１１０３２０１", false, "must be 12 digits"),
            ("empty", "", false, "must be 12 digits"),
            ("province 00", "001121103201", false, "not a province code"),
            ("province 10", "101121103201", false, "not a province code"),
            ("province 99", "991121103201", false, "not a province code"),
            ("township 000", "621121000201", false, "lacks its township or village part"),
            ("village 000", "621121103000", false, "lacks its township or village part"),
        ]
        for r in rows {
            let p = DivisionCode.problem(r.code)
            XCTAssertEqual(p == nil, r.ok, "row \(r.name): \(p?.en ?? "no problem")")
            if let en = r.en { XCTAssertTrue(p?.en.contains(en) ?? false, "row \(r.name): \(p?.en ?? "nil")") }
        }
        XCTAssertEqual(DivisionCode.county("621121103201"), "621121")
        XCTAssertEqual(DivisionCode.township("621121103201"), "621121103")
    }

    func testBadVillageCodeIsLocated() {
        let h = household(members: [grandmother], address: address(code: "62112110320"))
        XCTAssertEqual(paths(validator.problems(in: h, knownCadres: cadres)), ["$.address.village_code"])
    }

    // MARK: - Members

    func testIDNumberCheckDigitErrorIsLocatedAtTheMember() {
        let badBoy = member(3, "王小明", born: "2013-09-01", relation: .grandchild,
                            idNumber: String(boy.idNumber!.dropLast()) + (boy.idNumber!.last == "0" ? "1" : "0"))
        let h = household(members: [grandmother, badBoy, grandfather])
        let problems = validator.problems(in: h, knownCadres: cadres)
        XCTAssertEqual(paths(problems), ["$.members[1].id_number"])
        XCTAssertEqual(problems.first?.severity, .error)
        XCTAssertEqual(problems.first?.record, h.id)
        let expected = String(gbCheckCharacter(String(boy.idNumber!.prefix(17))))
        XCTAssertTrue(problems.first?.message.en.contains("王小明") ?? false)
        XCTAssertTrue(problems.first?.message.en.contains("should be \(expected)") ?? false,
                      problems.first?.message.en ?? "")
        XCTAssertTrue(problems.first?.message.zh.contains("校验位应为 \(expected)") ?? false)
    }

    func testMemberProblems() {
        let rows: [(name: String, member: Member, paths: [String], en: String)] = [
            ("ID wrong length", member(1, "张桂兰", born: "1949-12-31", sex: .female, idNumber: "11010519491231002"),
             ["$.members[0].id_number"], "has 17"),
            ("ID with letters", member(1, "张桂兰", born: "1949-12-31", sex: .female, idNumber: "1101051949A231002X"),
             ["$.members[0].id_number"], "17 digits"),
            ("ID holds Feb 30", member(1, "张桂兰", born: "1949-12-31", sex: .female,
                                       idNumber: idWithCheck("11010519490230002")),
             ["$.members[0].id_number"], "does not exist"),
            ("birth date differs from the ID", member(1, "张桂兰", born: "1949-12-30", sex: .female,
                                                      idNumber: "11010519491231002X"),
             ["$.members[0].birth_date"], "differs from 1949-12-31"),
            ("sex differs from the ID", member(1, "张桂兰", born: "1949-12-31", sex: .male,
                                               idNumber: "11010519491231002X"),
             ["$.members[0].sex"], "sex differs"),
            ("birth date and sex both differ", member(1, "张桂兰", born: "1950-01-01", sex: .male,
                                                      idNumber: "11010519491231002X"),
             ["$.members[0].birth_date", "$.members[0].sex"], "differs"),
            ("future birth date, no ID", member(1, "王小宝", born: "2026-03-02"),
             ["$.members[0].birth_date"], "in the future"),
            ("future birth date in the ID", member(1, "王小宝", born: "2026-03-02",
                                                   idNumber: idWithCheck("62112120260302001")),
             ["$.members[0].birth_date", "$.members[0].id_number"], "in the future"),
        ]
        for r in rows {
            let problems = validator.problems(in: household(members: [r.member]), knownCadres: cadres)
            XCTAssertEqual(Set(paths(problems)), Set(r.paths), "row \(r.name): \(problems.map(\.message.en))")
            XCTAssertEqual(problems.count, r.paths.count, "row \(r.name)")
            XCTAssertTrue(problems.allSatisfy { $0.severity == .error }, "row \(r.name)")
            XCTAssertTrue(problems.contains { $0.message.en.contains(r.en) }, "row \(r.name): \(problems.map(\.message.en))")
        }
    }

    func testBornTodayIsFine() {
        let baby = member(1, "王小宝", born: "2026-03-01", idNumber: idWithCheck("62112120260301001"))
        XCTAssertEqual(validator.problems(in: household(members: [baby]), knownCadres: cadres), [])
    }

    func testLegacyIDNumberIsAWarning() {
        let m = member(1, "张桂兰", born: "1949-12-31", sex: .female, idNumber: "110105491231002")
        let problems = validator.problems(in: household(members: [m]), knownCadres: cadres)
        XCTAssertEqual(paths(problems), ["$.members[0].id_number"])
        XCTAssertEqual(problems.first?.severity, .warning)
    }

    func testMissingIDNumberIsNotAProblem() {
        let m = member(1, "张桂兰", born: "1949-12-31", sex: .female, idNumber: nil)
        let empty = member(2, "王德福", born: "1950-01-01", relation: .spouse, idNumber: "")
        XCTAssertEqual(validator.problems(in: household(members: [m, empty]), knownCadres: cadres), [])
    }

    func testDuplicateMemberID() {
        let twin = member(3, "王小红", born: "2013-09-01", sex: .female, relation: .grandchild)
        let problems = validator.problems(in: household(members: [grandmother, boy, twin]), knownCadres: cadres)
        XCTAssertEqual(paths(problems), ["$.members[2].id"])
        XCTAssertTrue(problems[0].message.en.contains("member id 3 repeats"))
    }

    func testHouseholdShapeProblems() {
        XCTAssertEqual(paths(validator.problems(in: household(members: []), knownCadres: cadres)), ["$.members"])
        var h = cleanHousehold()
        h.causes = PovertyCauses(main: .illness, others: [.schooling, .lackOfWater, .lackOfSkills])
        XCTAssertEqual(paths(validator.problems(in: h, knownCadres: cadres)), ["$.causes.others"])
        h.causes = PovertyCauses(main: .illness, others: [.schooling, .lackOfWater])
        XCTAssertEqual(validator.problems(in: h, knownCadres: cadres), [])
    }

    func testUnknownPairedCadre() {
        let h = household(members: [grandmother], pairings: [
            Pairing(cadreID: "c1", start: d("2018-01-01"), end: d("2021-12-31")),
            Pairing(cadreID: "c7", start: d("2022-01-01")),
        ])
        let problems = validator.problems(in: h, knownCadres: cadres)
        XCTAssertEqual(paths(problems), ["$.pairings[1].cadre_id"])
        XCTAssertTrue(problems[0].message.en.contains("unknown cadre c7"))
    }

    // MARK: - Checks

    func testCheckProblems() {
        let h = cleanHousehold()
        let rows: [(name: String, check: Check, household: Household?, paths: [String])] = [
            ("clean", check(date: "2026-02-20", followUp: "2026-03-10"), h, []),
            ("dated today", check(date: "2026-03-01"), h, []),
            ("unknown household", check(household: "621121103201-404"), nil, ["$.household_id"]),
            ("dated in the future", check(date: "2026-03-02"), h, ["$.date"]),
            ("unknown cadre", check(cadre: "c9"), h, ["$.cadre_id"]),
            ("follow-up before the check", check(date: "2026-02-20", followUp: "2026-02-19"), h, ["$.follow_up"]),
            ("observation of an unknown member",
             check(observations: Observations(members: [MemberObservation(memberID: 1, insured: true),
                                                        MemberObservation(memberID: 9, insured: true)])),
             h, ["$.observations.members[1].member_id"]),
            ("future and unknown cadre", check(date: "2026-04-01", cadre: "c9"), h, ["$.date", "$.cadre_id"]),
        ]
        for r in rows {
            let problems = validator.problems(in: r.check, household: r.household, knownCadres: cadres)
            XCTAssertEqual(paths(problems), r.paths, "row \(r.name): \(problems.map(\.message.en))")
            XCTAssertTrue(problems.allSatisfy { $0.record == r.check.id }, "row \(r.name)")
        }
    }

    // MARK: - Datasets

    func testDatasetProblems() {
        let h1 = cleanHousehold("621121103201-001")
        let h2 = cleanHousehold("621121103201-002")
        let dup = cleanHousehold("621121103201-001")
        let cadreList = [Cadre(id: "c1", name: "李文", unit: "通渭县农业农村局", level: .county, phone: "13900000001")]
        let checks = [
            check("k1", household: "621121103201-001"),
            check("k1", household: "621121103201-002"),
            check("k2", household: "621121103201-777"),
            check("k3", household: "621121103201-002", cadre: "c2"),
        ]
        let problems = validator.problems(in: Dataset(cadres: cadreList, households: [h1, h2, dup], checks: checks))
        let located = problems.map { "\($0.record ?? "-") \($0.path)" }
        XCTAssertEqual(Set(located), [
            "621121103201-001 $.id",
            "k1 $.id",
            "k2 $.household_id",
            "k3 $.cadre_id",
        ], "\(problems.map(\.message.en))")
        XCTAssertEqual(problems.count, 4, "\(problems.map(\.message.en))")
        XCTAssertTrue(problems.contains { $0.message.en == "household id 621121103201-001 appears twice" })
        XCTAssertTrue(problems.contains { $0.message.en == "check id k1 appears twice" })

        let clean = Dataset(cadres: cadreList, households: [h1, h2], checks: [check("k1")])
        XCTAssertEqual(validator.problems(in: clean), [])
    }
}

/// Issue 16, point 5: what an import used to take — ids that are paths or hold control
/// characters, one household number for two households, corrections of nothing.
final class RecordReferenceTests: XCTestCase {
    let validator = Validator(today: assessDate)
    let head = member(1, "张桂兰", born: "1949-12-31", sex: .female, relation: .head, idNumber: "11010519491231002X")

    func testHouseholdIDsAreTwelveDigitsAHyphenAndLettersOrDigits() {
        for (id, ok) in [("621121103201-0007", true), ("621121103201-nq3x9k2m4a", true), ("621121103201-7", true),
                         ("../../etc", false), ("621121103201-00\n99", false), ("621121103201-00\u{0}99", false),
                         ("621121103201-00 99", false), ("62112110320-0007", false), ("621121103201_0007", false),
                         ("621121103201-", false), ("621121103201-0007/..", false), ("６２１１２１１０３２０１-0007", false)] {
            let problems = validator.problems(in: household(id, members: [head]), knownCadres: ["c1"]).filter { $0.path == "$.id" }
            XCTAssertEqual(problems.isEmpty, ok, "\(id.debugDescription): \(problems.map(\.message.en))")
        }
        let bad = validator.problems(in: household("621121103201-00\n99", members: [head]), knownCadres: ["c1"]).first { $0.path == "$.id" }
        XCTAssertEqual(bad?.message.en, "household id \"621121103201-00?99\" is malformed: 12-digit village code, a hyphen, letters and digits (e.g. 621121103201-0007)")
    }

    /// A warning that lists both (two devices adding households offline may both take the
    /// next free number), not an error that would stop their bundles merging.
    func testOneHouseholdNumberForTwoHouseholdsIsListed() {
        var a = household("621121103201-0001", members: [head]), b = household("621121103201-0002", members: [head])
        a.number = "6211211032010001"
        b.number = "6211211032010001"
        var d = Dataset()
        d.cadres = [Cadre(id: "c1", name: "何志刚", unit: "通渭县农业农村局", level: .county, phone: "")]
        d.households = [a, b]
        let problems = validator.problems(in: d).filter { $0.path == "$.number" }
        XCTAssertEqual(problems.map(\.record), ["621121103201-0002"])
        XCTAssertEqual(problems.first?.message.en, "household number 6211211032010001 is also 621121103201-0001's")
        XCTAssertEqual(problems.first?.severity, .warning)
        b.number = "6211211032010002"
        d.households = [a, b]
        XCTAssertEqual(validator.problems(in: d).filter { $0.path == "$.number" }, [])
    }

    func testACorrectionNamesAnEarlierCheckOfTheSameHousehold() {
        let original = Check(id: "c-1", householdID: "621121103201-0001", date: assessDate, cadreID: "c1", recordedAt: "2026-11-01T08:00:00Z", findings: [:])
        let other = Check(id: "c-2", householdID: "621121103201-0002", date: assessDate, cadreID: "c1", recordedAt: "2026-11-01T08:00:00Z", findings: [:])
        func correction(_ id: String, of target: String) -> Check {
            var c = Check(id: id, householdID: "621121103201-0001", date: assessDate, cadreID: "c1", recordedAt: "2026-11-02T08:00:00Z", findings: [:])
            c.supersedes = target
            return c
        }
        var d = Dataset()
        d.cadres = [Cadre(id: "c1", name: "何志刚", unit: "通渭县农业农村局", level: .county, phone: "")]
        var a = household("621121103201-0001", members: [head]), b = household("621121103201-0002", members: [head])
        a.number = "1"
        b.number = "2"
        d.households = [a, b]
        d.checks = [original, other, correction("c-3", of: "c-1"), correction("c-4", of: "c-4"), correction("c-5", of: "nope"), correction("c-6", of: "c-2")]
        let problems = validator.problems(in: d).filter { $0.path == "$.supersedes" }
        XCTAssertEqual(problems.map(\.record), ["c-4", "c-5", "c-6"])
        XCTAssertEqual(problems.map(\.message.en), ["check c-4 corrects itself", "corrects check nope, which is not in the data",
                                                    "corrects check c-2 of another household, 621121103201-0002"])
    }
}
