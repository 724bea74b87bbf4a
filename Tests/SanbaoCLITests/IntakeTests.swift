import Foundation
import XCTest

/// `sanbao intake` on rosters written by independent writers (openpyxl, LibreOffice,
/// GB18030 and UTF-8 CSV: Fixtures/intake, made by Scripts/make-intake-fixtures.py), the
/// values checked against what the fixture script wrote, not against Sanbao's own reading.
final class IntakeTests: XCTestCase {
    static let fixtures = CLI.root + "/Fixtures/intake/"
    static let asOf = ["--as-of", "2026-12-01"]

    func intake(_ file: String, _ dir: String, lang: String = "en", _ extra: [String] = []) -> (status: Int32, stdout: String, stderr: String) {
        run(["intake", file] + CLI.opts(dir, lang: lang) + Self.asOf + extra)
    }

    /// The data's files but the lock and the index (a cache).
    func dataFiles(_ dir: String) -> [String: Data] {
        snapshot(dir).filter { !$0.key.hasPrefix("index/") && $0.key != ".lock" }
    }

    func bundleHouseholds(_ dir: String) throws -> [[String: Any]] {
        let path = tempPath("bundle") + ".json"
        let r = run(["bundle", "-o", path] + CLI.opts(dir))
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        return try XCTUnwrap(json["households"] as? [[String: Any]])
    }

    func testEveryWriterGivesTheSameHouseholds() throws {
        var first: NSArray?
        for name in ["wenfeng.xlsx", "wenfeng.libreoffice.xlsx", "wenfeng.gb18030.csv", "wenfeng.utf8bom.csv", "wenfeng.tab.txt"] {
            let dir = tempPath()
            let r = intake(Self.fixtures + name, dir)
            XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
            XCTAssertEqual(r.stdout, "\(name): 4 households (4 new), 10 people, 2 cadres; 0 problems\n", name)
            XCTAssertEqual(r.stderr, "sanbao: columns ignored (not known): 备注\n", name)
            XCTAssertEqual(run(["validate"] + CLI.opts(dir)).status, 0, name)
            let households = try bundleHouseholds(dir) as NSArray
            if let first { XCTAssertEqual(households, first, "\(name) gives other households than wenfeng.xlsx") } else { first = households }
        }
        // What the fixture script wrote, by hand.
        let h = try XCTUnwrap(first as? [[String: Any]])
        XCTAssertEqual(h.map { $0["id"] as? String }, ["621121103201-0101", "621121103201-0102", "621121103201-0103", "621121103201-0104"])
        let ma = try XCTUnwrap(h[0]["members"] as? [[String: Any]])
        XCTAssertEqual(ma.map { $0["name"] as? String }, ["马国强", "王兰", "马军", "李娟", "马小虎", "马小花"])
        XCTAssertEqual(ma.map { $0["relation"] as? String }, ["head", "spouse", "son", "daughter_in_law", "grandchild", "grandchild"])
        XCTAssertEqual(ma[0]["id_number"] as? String, "62112119600305011X")
        XCTAssertEqual(ma[0]["birth_date"] as? String, "1960-03-05")
        XCTAssertEqual(ma[0]["health"] as? String, "chronic")
        XCTAssertEqual(ma[2]["migrant_months"] as? Int, 10)
        XCTAssertEqual(ma[2]["labour"] as? String, "skilled")
        XCTAssertEqual(ma[4]["school"] as? String, "junior_middle")
        XCTAssertEqual(ma[5]["school"] as? String, "not_in_school")
        XCTAssertEqual(ma[5]["education_exemption"] as? String, "home_teaching")
        XCTAssertEqual(ma[5]["disability_grade"] as? Int, 2)
        XCTAssertEqual(h[0]["type"] as? String, "minimum_living")
        XCTAssertEqual(h[0]["phone"] as? String, "13909321234")
        XCTAssertEqual((h[0]["status"] as? [String: Any])?["out_of_poverty_year"] as? Int, 2019)
        XCTAssertEqual((h[0]["causes"] as? [String: Any])?["others"] as? [String], ["lack_of_labour"])
        XCTAssertEqual((h[1]["status"] as? [String: Any])?["monitoring"] as? String, "marginal")
        XCTAssertEqual((h[2]["causes"] as? [String: Any])?["others"] as? [String], ["lack_of_funds", "poor_transport"])
        XCTAssertEqual((h[2]["address"] as? [String: Any])?["group"] as? String, "二组")
        let li = try XCTUnwrap((h[3]["members"] as? [[String: Any]])?.first)
        XCTAssertEqual(li["labour"] as? String, "ordinary", "弱劳动力或半劳动力 is ordinary (docs/intake.md)")
        let pairing = try XCTUnwrap((h[1]["pairings"] as? [[String: Any]])?.first)
        XCTAssertEqual(pairing["start"] as? String, "2026-12-01")
    }

    func testTakingTheSameRosterTwiceChangesNothing() {
        let dir = tempPath()
        XCTAssertEqual(intake(Self.fixtures + "wenfeng.xlsx", dir).status, 0)
        let before = dataFiles(dir)
        let again = intake(Self.fixtures + "wenfeng.gb18030.csv", dir)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout, "wenfeng.gb18030.csv: 4 households (0 new, 4 unchanged), 10 people, 2 cadres; 0 problems\n")
        assertSameFiles(before, dataFiles(dir), "a second intake of the same roster")
    }

    func testAnUpdateAddsChangesAndNamesWhatIsGone() throws {
        let dir = tempPath()
        XCTAssertEqual(intake(Self.fixtures + "wenfeng.xlsx", dir).status, 0)
        let before = dataFiles(dir)
        let update = Self.fixtures + "wenfeng-update.xlsx"
        let dry = run(["intake", update, "--dry-run", "--as-of", "2026-12-05"] + CLI.opts(dir))
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertEqual(dry.stdout, """
            changed 621121103201-0101 马国强
              member added: 马小宝
            changed 621121103201-0102 张福
              phone: 13519320000 → 13519324321
            changed 621121103201-0103 赵平
              cadre: 何志刚 (from 2026-12-01) → 赵德胜 (from 2026-12-05)
            new cadre 赵德胜 (通渭县水务局)
            in the data but not in the roster (kept; check them, and record anyone who left):
              621121103201-0104 李福 (whole household)
            (dry run: nothing was written)
            wenfeng-update.xlsx: 3 households (0 new, 3 changed), 10 people, 3 cadres; 0 problems

            """)
        assertSameFiles(before, dataFiles(dir), "a dry run")

        let real = run(["intake", update, "--as-of", "2026-12-05"] + CLI.opts(dir))
        XCTAssertEqual(real.status, 0, real.stderr)
        XCTAssertTrue(real.stdout.contains("621121103201-0104 李福 (whole household)"), real.stdout)
        XCTAssertEqual(run(["validate"] + CLI.opts(dir)).status, 0)
        let show = run(["show", "621121103201-0102"] + CLI.opts(dir))
        XCTAssertTrue(show.stdout.contains("13519324321"), show.stdout)
        let history = run(["history", "621121103201-0102"] + CLI.opts(dir)).stdout
        XCTAssertTrue(matches(history, #"(?s).*roster intake wenfeng-update\.xlsx changed phone: 13519324321 \(i-[0-9a-f]{16}\).*"#), history)
        let added = run(["history", "621121103201-0101"] + CLI.opts(dir)).stdout
        XCTAssertTrue(added.contains("roster intake wenfeng-update.xlsx added member 马小宝"), added)
        let h = try bundleHouseholds(dir)
        XCTAssertEqual(h.count, 4, "nothing deleted: 李福's household stays")
        let zhao = run(["show", "621121103201-0103"] + CLI.opts(dir)).stdout
        XCTAssertTrue(zhao.contains("赵德胜"), zhao)
        XCTAssertTrue(zhao.contains("何志刚"), "the ended pairing is kept: \(zhao)")
        let second = run(["intake", update, "--as-of", "2026-12-05"] + CLI.opts(dir))
        XCTAssertTrue(second.stdout.hasSuffix("wenfeng-update.xlsx: 3 households (0 new, 3 unchanged), 10 people, 3 cadres; 0 problems\n"), second.stdout)
    }

    /// One roster per problem (Fixtures/intake/bad): exit 65, the exact message, nothing
    /// written — neither a new directory nor a byte of an existing one.
    func testEveryBadRosterIsRefusedWithItsMessage() throws {
        let bad = Self.fixtures + "bad/"
        let files = try FileManager.default.contentsOfDirectory(atPath: bad).filter { !$0.hasSuffix(".expected") }.sorted()
        XCTAssertEqual(files.count, 9)
        let existing = tempPath()
        XCTAssertEqual(intake(Self.fixtures + "wenfeng.xlsx", existing).status, 0)
        let before = dataFiles(existing)
        for name in files {
            let expected = try String(contentsOfFile: bad + (name as NSString).deletingPathExtension + ".expected", encoding: .utf8)
            let dir = tempPath()
            let r = run(["intake", bad + name] + CLI.opts(dir, lang: "zh"))
            XCTAssertEqual(r.status, 65, name)
            let located = r.stderr.split(separator: "\n").filter { $0.hasPrefix(name) }.map { $0 + "\n" }.joined()
            XCTAssertEqual(located, expected, name)
            XCTAssertTrue(r.stderr.hasSuffix("花名册有问题，未写入任何内容\n"), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir), "\(name): a refused roster creates no directory")
            XCTAssertEqual(run(["intake", bad + name] + CLI.opts(existing, lang: "zh")).status, 65)
        }
        assertSameFiles(before, dataFiles(existing), "refused rosters")
    }

    func testRefusedRowsAreWrittenBackWithTheirReasons() throws {
        let out = tempPath("problems") + ".csv"
        let r = run(["intake", Self.fixtures + "bad/two-heads.csv", "--problems", out] + CLI.opts(tempPath(), lang: "zh"))
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stdout.contains("被拒的 1 行已写入 \(out)"), r.stdout)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        XCTAssertEqual([UInt8](bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "a byte-order mark, for Excel on Chinese Windows")
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n").map(String.init)
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix("问题,户编号,行政区划代码,"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("列 与户主关系: 户 6211211032010101 已有户主（第 2 行）,6211211032010101,621121103201,"), lines[1])
        XCTAssertTrue(lines[1].contains(",王兰,女,户主,621121196208120222,"), lines[1])
        let again = run(["intake", Self.fixtures + "bad/two-heads.csv", "--problems", out] + CLI.opts(tempPath()))
        XCTAssertEqual(again.status, 73, "an existing --problems file is kept: \(again.stderr)")
    }

    /// The demo village's roster, written in the township's layout and taken back in:
    /// into the same data it changes nothing; into a new directory it gives the same people.
    func testTheRosterExportIsReadBackTheSame() throws {
        let demo = makeDemo()
        for ext in ["xlsx", "csv"] {
            let file = tempPath("roster") + "." + ext
            let export = run(["export", "--table", "roster", "--full-ids", "-o", file] + CLI.opts(demo))
            XCTAssertEqual(export.status, 0, export.stderr)
            XCTAssertEqual(export.stdout, "wrote \(file): roster of 44 households, 151 people\n")
            let same = run(["intake", file, "--dry-run"] + CLI.opts(demo))
            XCTAssertEqual(same.status, 0, same.stderr)
            XCTAssertTrue(same.stdout.hasSuffix("(dry run: nothing to change)\n\((file as NSString).lastPathComponent): 44 households (0 new, 44 unchanged), 151 people, 3 cadres; 0 problems\n"), same.stdout)
            let fresh = tempPath()
            XCTAssertEqual(intake(file, fresh).status, 0)
            let a = try bundleHouseholds(demo), b = try bundleHouseholds(fresh)
            let keys = ["name", "sex", "id_number", "birth_date", "relation", "school", "health", "insured"]
            func people(_ h: [[String: Any]]) -> [String] {
                h.flatMap { ($0["members"] as? [[String: Any]] ?? []).map { m in keys.map { "\(m[$0] ?? "-")" }.joined(separator: "|") } }
            }
            XCTAssertEqual(people(a), people(b), ext)
            XCTAssertEqual(a.map { $0["number"] as? String }, b.map { $0["number"] as? String }, ext)
        }
        let masked = tempPath("roster") + ".csv"
        XCTAssertEqual(run(["export", "--table", "roster", "-o", masked] + CLI.opts(demo)).status, 0)
        XCTAssertFalse(try String(contentsOfFile: masked, encoding: .utf8).contains("621121198711200237"), "masked unless --full-ids")
    }

    /// More than 30 problems are summarised by kind, the first three rows of each shown:
    /// a roster exported with masked ID numbers has one per member.
    func testManyProblemsAreSummarisedByKind() throws {
        let demo = makeDemo()
        let masked = tempPath("masked") + ".xlsx"
        XCTAssertEqual(run(["export", "--table", "roster", "-o", masked] + CLI.opts(demo)).status, 0)
        let r = run(["intake", masked] + CLI.opts(tempPath()))
        XCTAssertEqual(r.status, 65)
        let name = (masked as NSString).lastPathComponent
        let lines = r.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "wrong ID number: 151", r.stderr)
        XCTAssertEqual(lines.count, 1 + 3 + 1 + 2, r.stderr)
        XCTAssertEqual(lines[1], "  \(name):Roster:2: column 身份证号: \"621121********0237\": ID number must be 17 digits and a check character")
        XCTAssertEqual(lines[4], "  … and 148 more")
        XCTAssertEqual(lines[5], "--problems FILE.xlsx writes the refused rows with their reasons, to correct and take in again")
        XCTAssertEqual(r.stdout, "\(name): 44 households, 151 people, 3 cadres; 151 problems\n")
    }

    func testAMissingFileAndAnOldExcelFileAreNamed() throws {
        let dir = tempPath()
        let missing = run(["intake", "/nonexistent/花名册.xlsx"] + CLI.opts(dir, lang: "zh"))
        XCTAssertEqual(missing.status, 66)
        XCTAssertEqual(missing.stderr, "sanbao: 找不到花名册文件 /nonexistent/花名册.xlsx\n")
        let xls = tempPath("old") + ".xls"
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: URL(fileURLWithPath: xls))
        let old = run(["intake", xls] + CLI.opts(dir, lang: "zh"))
        XCTAssertEqual(old.status, 65)
        XCTAssertTrue(old.stderr.contains("旧式 .xls"), old.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir))
    }

    /// SIGKILL at random moments (seeded) while an 800-household roster is taken in: each
    /// time the data is as before or, on the next open, finished — never half a roster.
    func testAKillDuringIntakeLosesNothingAndHalvesNothing() throws {
        let county = tempPath()
        XCTAssertEqual(run(["generate", county, "--households", "800", "--seed", "3", "--as-of", CLI.today]).status, 0)
        let roster = tempPath("county") + ".xlsx"
        XCTAssertEqual(run(["export", "--table", "roster", "--full-ids", "-o", roster] + CLI.opts(county)).status, 0)
        let clean = tempPath()
        XCTAssertEqual(intake(roster, clean).status, 0)
        let expected = try bundleHouseholds(clean) as NSArray
        var rng = SplitMix(seed: 20261206)
        var killed = 0
        for _ in 0..<4 {
            let dir = tempPath()
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLI.binary)
            p.arguments = ["intake", roster] + CLI.opts(dir) + Self.asOf
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32(30_000 + rng.next() % 700_000))
            if p.isRunning { kill(p.processIdentifier, SIGKILL); killed += 1 }
            p.waitUntilExit()
            if FileManager.default.fileExists(atPath: dir + "/sanbao.json") {
                let v = run(["validate"] + CLI.opts(dir))
                XCTAssertTrue(v.status == 0, "after a kill: \(v.stderr)")
                let households = try bundleHouseholds(dir)
                XCTAssertTrue(households.isEmpty || (households as NSArray) == expected, "\(households.count) households after a kill")
            }
            let again = intake(roster, dir)
            XCTAssertEqual(again.status, 0, again.stderr)
            XCTAssertEqual(try bundleHouseholds(dir) as NSArray, expected)
        }
        XCTAssertGreaterThan(killed, 0, "no intake was killed: the delays are too long for this machine")
    }
}

/// A small seeded generator, so a failing run can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
