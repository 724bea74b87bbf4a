import Foundation
import XCTest

/// `sanbao validate`: clean data exits 0 with a count; each kind of bad input exits 65
/// with its own message naming file, line, JSON path and what was expected.
final class ValidateTests: XCTestCase {
    /// Households, checks and cadres as counted straight from the files.
    func counts(_ dir: String) throws -> (households: Int, checks: Int, cadres: Int) {
        let fm = FileManager.default
        func lines(_ sub: String) throws -> Int {
            try fm.contentsOfDirectory(atPath: dir + "/" + sub).filter { $0.hasSuffix(".jsonl") }
                .map { records(dir + "/" + sub + "/" + $0).count }.reduce(0, +)
        }
        let cadres = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/cadres.json")))
        return (try lines("households"), try lines("checks"), ((cadres as? [String: Any])?["cadres"] as? [Any])?.count ?? -1)
    }

    func testTheDemoIsClean() throws {
        let dir = makeDemo()
        let n = try counts(dir)
        XCTAssertEqual(n.households, 44, "the demo village has 44 households")
        XCTAssertGreaterThan(n.checks, 0)
        XCTAssertEqual(n.cadres, 3)

        let en = run(["validate"] + CLI.opts(dir))
        XCTAssertEqual(en.status, 0, en.stdout + en.stderr)
        XCTAssertEqual(en.stdout, "data is clean: \(n.households) households, \(n.checks) checks, \(n.cadres) cadres\n")
        XCTAssertEqual(en.stderr, "")

        let zh = run(["validate"] + CLI.opts(dir, lang: "zh"))
        XCTAssertEqual(zh.status, 0)
        XCTAssertEqual(zh.stdout, "数据无误：\(n.households) 户，\(n.checks) 条检查记录，\(n.cadres) 名干部\n")

        // The committed fixture is clean too (validate never writes, so it may run in place).
        let before = snapshot(CLI.demoFixture, excluding: [])
        let fixture = run(["validate"] + CLI.opts(CLI.demoFixture))
        XCTAssertEqual(fixture.status, 0, fixture.stdout)
        assertSameFiles(snapshot(CLI.demoFixture, excluding: []), before, "validate of Fixtures/demo")
    }

    func testDataDirectoryFromTheEnvironment() {
        let dir = makeDemo()
        let r = run(["validate", "--today", CLI.today, "--lang", "en"], env: ["SANBAO_DATA": dir])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("data is clean: 44 households"), r.stdout)

        let xdg = tempPath()
        try? FileManager.default.createDirectory(atPath: xdg, withIntermediateDirectories: true)
        try? FileManager.default.copyItem(atPath: dir, toPath: xdg + "/sanbao")
        let x = run(["validate", "--today", CLI.today, "--lang", "en"], env: ["XDG_DATA_HOME": xdg])
        XCTAssertEqual(x.status, 0, x.stderr)
    }

    func testLanguageFromTheLocale() {
        let dir = makeDemo()
        let en = run(["validate", "--data", dir, "--today", CLI.today], env: ["LC_ALL": "en_US.UTF-8"])
        XCTAssertTrue(en.stdout.hasPrefix("data is clean"), en.stdout)
        let zh = run(["validate", "--data", dir, "--today", CLI.today], env: ["LC_ALL": "zh_CN.UTF-8"])
        XCTAssertTrue(zh.stdout.hasPrefix("数据无误"), zh.stdout)
    }

    func testMissingDataDirectory() {
        let dir = tempPath() + "/nothing-here"
        let r = run(["validate"] + CLI.opts(dir))
        XCTAssertEqual(r.status, 66)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, "sanbao: data directory does not exist: \(dir) (on a new device, sanbao init \(dir) makes an empty one to import a bundle into; sanbao intake ROSTER.xlsx --data \(dir) takes in the township's roster; sanbao demo \(dir) writes the demo village there)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir), "validate creates nothing")
        for cmd in [["list"], ["show", "621121103201-0001"], ["check", "621121103201-0001", "--set", "water=met"],
                    ["history", "621121103201-0001"], ["conflicts"], ["edit", "621121103201-0001", "phone=1"], []] {
            XCTAssertEqual(run(cmd + CLI.opts(dir)).status, 66, "\(cmd) on a missing directory")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir), "no command creates a missing data directory")
    }

    /// What `sanbao validate --lang en` prints on stdout for each Fixtures/invalid case.
    static let expected: [String: [String]] = [
        "bad-id-check-digit": [
            "households/621121103201.jsonl:2: $.members[0].id_number: 王建国: ID number check character should be 9, is 0",
        ],
        "check-unknown-household": [
            "checks/621121103201.jsonl:2: $.household_id: check names unknown household 621121103201-0099",
        ],
        "duplicate-household-id": [
            "households/621121103201.jsonl:2: $.id: household id 621121103201-0001 appears twice",
        ],
        "future-birth-date": [
            "households/621121103201.jsonl:2: $.members[2].birth_date: 王小明: birth date 2031-06-01 is in the future",
        ],
        "invalid-utf8": [
            "households/621121103201.jsonl:3:597: not valid UTF-8 text (byte 0xFF; if the file is GBK, save it as UTF-8)",
        ],
        "newer-schema-version": [
            "households/621121103201.jsonl:1: $.schema_version: written by a newer Sanbao (schema_version 2; this one reads up to 1); not read and never written. Upgrade Sanbao",
            "checks/621121103201.jsonl:2: warning: $.household_id: this check's household could not be read from households/621121103201.jsonl",
        ],
        "truncated-json": [
            "households/621121103201.jsonl:3:907: text ends here, expected true (cut off?)",
        ],
        "unknown-indicator": [
            "checks/621121103201.jsonl:2: $.findings: unknown indicator \"sanitation\" (expected one of income, food_clothing, water, education, medical, housing)",
        ],
        "wrong-type": [
            "households/621121103201.jsonl:2: $.members[0].migrant_months: wrong type, expected an integer",
            "checks/621121103201.jsonl:2: warning: $.household_id: this check's household could not be read from households/621121103201.jsonl",
        ],
        "unknown-key": [
            "households/621121103201.jsonl:2: $.members[0].nickname: unknown key \"nickname\" (format version 1 has no such key: misspelt? correct or remove it)",
            "checks/621121103201.jsonl:2: warning: $.household_id: this check's household could not be read from households/621121103201.jsonl",
        ],
        "duplicate-key": [
            "households/621121103201.jsonl:3:739: $.phone: key \"phone\" appears twice in one object (it may appear once; delete one)",
        ],
        "not-an-integer": [
            "households/621121103201.jsonl:2:385: $.income[0].per_capita: expected a whole number, found 7200.0 (write it as digits only, like 7: no decimal point, exponent or leading 0)",
            "checks/621121103201.jsonl:2: warning: $.household_id: this check's household could not be read from households/621121103201.jsonl",
        ],
        "schema-version-text": [
            "checks/621121103201.jsonl:1: $.schema_version: schema_version should be a whole number from 1 up, found \"1\"; the file was not read",
        ],
        "header-village-mismatch": [
            "checks/621121103201.jsonl:1: $.village_code: village code 621121103202 in the header differs from the file name 621121103201; the file was not read",
        ],
        "duplicate-edit-id": [
            "edits/621121103201.jsonl:2: $.id: edit id e-0001 appears twice",
        ],
        "edit-unknown-household": [
            "edits/621121103201.jsonl:2: $.household_id: edit names unknown household 621121103201-0099",
        ],
    ]

    func testEveryInvalidFixtureHasItsOwnMessage() throws {
        let cases = try FileManager.default.contentsOfDirectory(atPath: CLI.root + "/Fixtures/invalid")
            .filter { !$0.hasSuffix(".md") }.sorted()
        XCTAssertEqual(cases, Self.expected.keys.sorted(), "add the expected message here when adding a fixture")
        for name in cases {
            let dir = tempPath()
            try FileManager.default.copyItem(atPath: CLI.invalidFixture(name), toPath: dir)
            let before = snapshot(dir, excluding: [])
            let r = run(["validate"] + CLI.opts(dir))
            XCTAssertEqual(r.status, 65, "\(name): \(r.stdout)")
            XCTAssertEqual(r.stdout.split(separator: "\n").map(String.init), Self.expected[name] ?? [], name)
            XCTAssertEqual(r.stderr, "1 error(s) found\n", name)
            assertSameFiles(snapshot(dir, excluding: []), before, "validate of \(name)")
        }
    }

    func testInvalidFixtureInChinese() throws {
        let r = run(["validate"] + CLI.opts(CLI.invalidFixture("bad-id-check-digit"), lang: "zh"))
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stdout.hasPrefix("households/621121103201.jsonl:2: $.members[0].id_number: 王建国"), r.stdout)
        XCTAssertEqual(r.stderr, "发现 1 个错误\n")
    }

    /// Reading commands still work on damaged data, warning on stderr.
    func testReadingCommandsWarnAboutDamage() {
        let r = run(["list", "--json"] + CLI.opts(CLI.invalidFixture("wrong-type")))
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual((parseJSON(r.stdout) as? [Any])?.count, 1, "the readable household is listed")
        XCTAssertTrue(r.stderr.contains("warning: households/621121103201.jsonl:2: $.members[0].migrant_months: wrong type, expected an integer"), r.stderr)
    }
}
