import Foundation
import XCTest

/// Two devices with copies of one data directory diverge, exchange bundles both ways and
/// end with the same records; a field changed on both is a listed conflict that keeps
/// both values; a bad bundle changes nothing.
final class MergeTests: XCTestCase {
    var work = ""
    var a = "", b = ""

    override func setUpWithError() throws {
        a = makeDemo()
        work = (a as NSString).deletingLastPathComponent
        b = work + "/b"
        try FileManager.default.copyItem(atPath: a, toPath: b)
        // B becomes another device.
        let path = b + "/sanbao.json"
        var manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        manifest["device_id"] = "device-b"
        try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys])
            .write(to: URL(fileURLWithPath: path))
        XCTAssertNotEqual(device(a), "device-b")
    }

    func device(_ dir: String) -> String? {
        let data = FileManager.default.contents(atPath: dir + "/sanbao.json") ?? Data()
        return ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any])?["device_id"] as? String
    }

    @discardableResult
    func sanbao(_ dir: String, _ args: [String], expect code: Int32 = 0,
                file: StaticString = #filePath, line: UInt = #line) -> (status: Int32, stdout: String, stderr: String) {
        let r = run(args + CLI.opts(dir), cwd: work)
        XCTAssertEqual(r.status, code, "\(args): \(r.stdout)\(r.stderr)", file: file, line: line)
        return r
    }

    func checkIDs(_ dir: String) -> Set<String> {
        Set(records(dir + "/checks/621121103201.jsonl").compactMap { $0["id"] as? String })
    }

    func phone(_ dir: String, _ id: String) -> String? {
        let show = parseJSON(sanbao(dir, ["show", id, "--json"]).stdout) as? [String: Any]
        return (show?["household"] as? [String: Any])?["phone"] as? String
    }

    /// Diverges A and B, exchanges bundles both ways. Returns the edit ids of the
    /// phone conflict (A's value, B's value).
    func diverge() {
        _ = sanbao(a, ["check", "621121103201-0001", "--set", "water=met:A 记录"])
        _ = sanbao(b, ["check", "621121103201-0002", "--set", "water=not_met:B 记录"])
        // The same field on both sides: a conflict.
        XCTAssertTrue(matches(sanbao(a, ["edit", "621121103201-0003", "phone=13900000001"]).stdout, #"e-[0-9a-f]{16}\n"#))
        _ = sanbao(b, ["edit", "621121103201-0003", "phone=13900000002"])
        // Different fields of one household: both apply.
        _ = sanbao(a, ["edit", "621121103201-0004", "phone=13900000004"])
        _ = sanbao(b, ["edit", "621121103201-0004", "type=minimum_living"])
        XCTAssertNotEqual(sanbao(a, ["list", "--json"]).stdout, sanbao(b, ["list", "--json"]).stdout)
    }

    func exchange() {
        for f in ["a.json", "b.json"] { try? FileManager.default.removeItem(atPath: work + "/" + f) }
        _ = sanbao(a, ["bundle", "-o", "a.json"])
        _ = sanbao(b, ["bundle", "-o", "b.json"])
        _ = sanbao(a, ["import", "b.json"])
        _ = sanbao(b, ["import", "a.json"])
    }

    func assertSameRecords(file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(sanbao(a, ["list", "--json"]).stdout, sanbao(b, ["list", "--json"]).stdout, "list --json", file: file, line: line)
        for h in ["621121103201-0001", "621121103201-0002", "621121103201-0003", "621121103201-0004"] {
            XCTAssertEqual(sanbao(a, ["show", h, "--json", "--full-ids"]).stdout, sanbao(b, ["show", h, "--json", "--full-ids"]).stdout,
                           "show \(h) --json", file: file, line: line)
            XCTAssertEqual(sanbao(a, ["history", h]).stdout, sanbao(b, ["history", h]).stdout, "history \(h)", file: file, line: line)
        }
        XCTAssertEqual(checkIDs(a), checkIDs(b), "the same checks", file: file, line: line)
    }

    func testDivergedCopiesMergeBothWays() throws {
        let checksBefore = checkIDs(a)
        diverge()
        let onlyA = checkIDs(a).subtracting(checksBefore), onlyB = checkIDs(b).subtracting(checksBefore)
        XCTAssertEqual(onlyA.count, 1)
        XCTAssertEqual(onlyB.count, 1)

        let wroteA = sanbao(a, ["bundle", "-o", "a.json"])
        XCTAssertEqual(wroteA.stdout, "wrote a.json: 44 households, \(checksBefore.count + 1) checks, 2 edits\n")
        XCTAssertEqual(sanbao(a, ["bundle", "-o", "a.json"], expect: 73).stderr, "sanbao: a.json exists; use --force to replace it\n")
        _ = sanbao(a, ["bundle", "-o", "a.json", "--force"])
        _ = sanbao(b, ["bundle", "-o", "b.json"])

        let intoA = sanbao(a, ["import", "b.json"])
        XCTAssertEqual(intoA.stdout, """
            imported 0 households, 1 checks, 2 edits, 0 cadres
            1 new conflict(s), both values kept; see sanbao conflicts

            """)
        let intoB = sanbao(b, ["import", "a.json"])
        XCTAssertEqual(intoB.stdout, intoA.stdout)

        assertSameRecords()
        XCTAssertEqual(checkIDs(a), checksBefore.union(onlyA).union(onlyB))

        // Different fields of one household: both edits are in force, on both sides.
        let h4 = try XCTUnwrap((parseJSON(sanbao(a, ["show", "621121103201-0004", "--json"]).stdout) as? [String: Any])?["household"] as? [String: Any])
        XCTAssertEqual(h4["phone"] as? String, "13900000004")
        XCTAssertEqual(h4["type"] as? String, "minimum_living")

        // The same field: one conflict, listed identically on both sides, with both values.
        let listA = sanbao(a, ["conflicts"]).stdout, listB = sanbao(b, ["conflicts"]).stdout
        XCTAssertEqual(listA, listB)
        let lines = listA.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, listA)
        XCTAssertTrue(lines[0].hasPrefix("1. 621121103201-0003 ") && lines[0].hasSuffix("  phone"), lines[0])
        let values = lines.dropFirst()
        XCTAssertEqual(values.filter { $0.contains("13900000001") && $0.contains("from \(device(a)!)") }.count, 1, listA)
        XCTAssertEqual(values.filter { $0.contains("13900000002") && $0.contains("from device-b") }.count, 1, listA)
        XCTAssertEqual(values.filter { $0.hasSuffix(" (in force)") }.count, 1, listA)
        XCTAssertTrue(lines[1].hasPrefix("   [1] ") && lines[2].hasPrefix("   [2] "), listA)
        let inForce = lines[2].contains("13900000001") ? "13900000001" : "13900000002"
        XCTAssertEqual(phone(a, "621121103201-0003"), inForce, "the value marked in force is the one shown")
        XCTAssertEqual(phone(b, "621121103201-0003"), inForce)
    }

    /// Issue 19's report: a generated county imported into the demo held other families
    /// under the same ids; the import mixed them field by field. Now it is refused whole,
    /// both sides named, nothing written, and no decoding error reaches the user.
    func testOtherFamiliesUnderTheSameIdsAreRefusedNotMixed() throws {
        let g = work + "/g"
        sanbao(g, ["generate", g, "--households", "60", "--seed", "1"])
        sanbao(g, ["bundle", "-o", work + "/g.json"])
        let before = try FileManager.default.contentsOfDirectory(atPath: a + "/households")
        let bytes = FileManager.default.contents(atPath: a + "/households/621121103201.jsonl")
        let r = sanbao(a, ["import", work + "/g.json"], expect: 65)
        XCTAssertTrue(r.stderr.contains("id(s) that name another family or person here"), r.stderr)
        XCTAssertTrue(r.stderr.contains("621121103201-0001: here head "), r.stderr)
        XCTAssertTrue(r.stderr.contains("; in the bundle head "), r.stderr)
        XCTAssertFalse(r.stderr.contains("DecodingError"), r.stderr)
        XCTAssertEqual(r.stderr.components(separatedBy: "nothing was imported").count, 2, "said once: \(r.stderr)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: a + "/households"), before)
        XCTAssertEqual(FileManager.default.contents(atPath: a + "/households/621121103201.jsonl"), bytes)
        XCTAssertFalse(FileManager.default.fileExists(atPath: a + "/incoming"))
        sanbao(a, ["validate"])
    }

    func testImportingTwiceChangesNothing() throws {
        diverge()
        exchange()
        let beforeA = snapshot(a), beforeB = snapshot(b)
        let again = sanbao(a, ["import", "b.json"])
        XCTAssertEqual(again.stdout, "imported 0 households, 0 checks, 0 edits, 0 cadres\n")
        assertSameFiles(snapshot(a), beforeA, "a second import into A")
        XCTAssertEqual(sanbao(b, ["import", "a.json"]).stdout, "imported 0 households, 0 checks, 0 edits, 0 cadres\n")
        assertSameFiles(snapshot(b), beforeB, "a second import into B")
        // Importing one's own bundle changes nothing either.
        _ = sanbao(a, ["bundle", "-o", "own.json"])
        XCTAssertEqual(sanbao(a, ["import", "own.json"]).stdout, "imported 0 households, 0 checks, 0 edits, 0 cadres\n")
        assertSameFiles(snapshot(a), beforeA, "importing one's own bundle")
    }

    func testTruncatedBundleChangesNothing() throws {
        diverge()
        _ = sanbao(b, ["bundle", "-o", "b.json"])
        let whole = try Data(contentsOf: URL(fileURLWithPath: work + "/b.json"))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: work + "/half.json"))
        let before = snapshot(a, excluding: [])
        let r = sanbao(a, ["import", "half.json"], expect: 65)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.hasPrefix("nothing was imported\nsanbao: bad data: half.json"), r.stderr)
        assertSameFiles(snapshot(a, excluding: [".lock"]), before.filter { $0.key != ".lock" }, "a refused truncated bundle")
        // The message says what is wrong: the file ends early (where, or that it was cut off).
        let says = ["cut off", "ends", "end of", "incomplete", "truncated"].contains { r.stderr.contains($0) }
        XCTAssertTrue(says, "the message should say the bundle is cut off, and where: \(r.stderr)")

        // Not a bundle at all, a missing file, a bundle from a newer Sanbao.
        try Data("{\"schema_version\":1,\"kind\":\"checks\"}".utf8).write(to: URL(fileURLWithPath: work + "/other.json"))
        XCTAssertTrue(sanbao(a, ["import", "other.json"], expect: 65).stderr.contains("other.json"))
        XCTAssertEqual(sanbao(a, ["import", "missing.json"], expect: 66).stderr, "sanbao: cannot read missing.json\n")
        var newer = try XCTUnwrap(try JSONSerialization.jsonObject(with: whole) as? [String: Any])
        newer["schema_version"] = 2
        try JSONSerialization.data(withJSONObject: newer).write(to: URL(fileURLWithPath: work + "/newer.json"))
        XCTAssertTrue(sanbao(a, ["import", "newer.json"], expect: 65).stderr.contains("newer.json: written by a newer Sanbao (schema_version 2)"))
        assertSameFiles(snapshot(a), before.filter { $0.key != ".lock" }, "refused bundles")
    }

    /// A bundle whose merged result would be inconsistent is refused with its first problem.
    func testInconsistentBundleChangesNothing() throws {
        diverge()
        _ = sanbao(b, ["bundle", "-o", "b.json"])
        var bundle = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: work + "/b.json"))) as? [String: Any])
        var checks = try XCTUnwrap(bundle["checks"] as? [[String: Any]])
        let known = checkIDs(a)
        let i = try XCTUnwrap(checks.firstIndex { !known.contains($0["id"] as? String ?? "") }, "B's new check")
        checks[i]["household_id"] = "621121103201-0099"
        bundle["checks"] = checks
        try JSONSerialization.data(withJSONObject: bundle).write(to: URL(fileURLWithPath: work + "/bad.json"))
        let before = snapshot(a)
        let r = sanbao(a, ["import", "bad.json"], expect: 65)
        XCTAssertTrue(r.stderr.contains("bad.json"), r.stderr)
        XCTAssertTrue(r.stderr.contains("621121103201-0099"), r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("nothing was imported\n"), r.stderr)
        assertSameFiles(snapshot(a), before, "a refused inconsistent bundle")
        // Its journal was being written while the plan was checked: gone, folder and all.
        XCTAssertFalse(FileManager.default.fileExists(atPath: a + "/incoming"))
    }

    /// Issue 16, point 5: records an import used to take (exit 0, validate clean) or drop
    /// silently. Each is refused with its reason (65), all or nothing.
    func testInconsistentBundlesAreRefusedWholeWithTheirReason() throws {
        _ = sanbao(b, ["bundle", "-o", "full.json"])
        let base = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: work + "/full.json"))) as? [String: Any])
        let checks = try XCTUnwrap(base["checks"] as? [[String: Any]])
        let households = try XCTUnwrap(base["households"] as? [[String: Any]])
        func newCheck(_ change: [String: Any]) -> [String: Any] { checks[0].merging(["id": "20261129-0000aaaa"]) { $1 }.merging(change) { $1 } }
        let otherHouseholdsCheck = try XCTUnwrap(checks.first { $0["household_id"] as? String != checks[0]["household_id"] as? String }?["id"])
        let edit: [String: Any] = ["cadre_id": "c1", "device_id": "device-x", "field": "phone", "household_id": "621121103201-0003",
                                   "id": "e-00000000000000aa", "parents": [], "recorded_at": "2026-11-20T08:00:00Z", "value": "13900000009"]
        func household(_ id: String, number: String = "6211211032019999") -> [String: Any] {
            households[0].merging(["id": id, "number": number]) { $1 }
        }
        let cases: [(String, [String: Any], String)] = [
            ("a check here, changed", ["checks": [checks[0].merging(["note": "改过"]) { $1 }] + checks.dropFirst()],
             "holds check \(checks[0]["id"]!) with other contents than the one here"),
            ("one new check id twice", ["checks": checks + [newCheck([:]), newCheck(["note": "另一条"])]],
             "holds check 20261129-0000aaaa twice with different contents"),
            ("one edit id twice", ["edits": [edit, edit.merging(["value": "13900000008"]) { $1 }]], "holds edit e-00000000000000aa twice"),
            ("a correction of itself", ["checks": checks + [newCheck(["supersedes": "20261129-0000aaaa"])]], "check 20261129-0000aaaa corrects itself"),
            ("a correction of nothing", ["checks": checks + [newCheck(["supersedes": "20261129-ffffffff"])]],
             "corrects check 20261129-ffffffff, which is not in the data"),
            ("a correction of another household's", ["checks": checks + [newCheck(["supersedes": otherHouseholdsCheck])]],
             "corrects check \(otherHouseholdsCheck) of another household"),
            ("a household id that is a path", ["households": households + [household("../../etc")]], "household id \"../../etc\" is malformed"),
            ("a household id with a newline", ["households": households + [household("621121103201-00\n99")]],
             "household id \"621121103201-00?99\" is malformed"),
            ("a household id with NUL", ["households": households + [household("621121103201-00\u{0}99")]], "is malformed"),
        ]
        let before = snapshot(a)
        for (what, change, reason) in cases {
            let bundle = base.merging(change) { $1 }
            try JSONSerialization.data(withJSONObject: bundle).write(to: URL(fileURLWithPath: work + "/bad.json"))
            let r = sanbao(a, ["import", "bad.json"], expect: 65)
            XCTAssertTrue(r.stderr.hasPrefix("nothing was imported\nsanbao: "), "\(what): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(reason), "\(what): \(r.stderr)")
            XCTAssertFalse(r.stderr.dropLast().contains("\n99"), "\(what): no line break from the data")
            assertSameFiles(snapshot(a), before, what)
        }
        XCTAssertEqual(sanbao(a, ["validate"]).status, 0)
        // Two households under one number: both kept, listed by validate as a warning.
        try JSONSerialization.data(withJSONObject: base.merging(["households": households + [household("621121103201-0099", number: households[0]["number"] as! String)]]) { $1 })
            .write(to: URL(fileURLWithPath: work + "/twin.json"))
        XCTAssertTrue(sanbao(a, ["import", "twin.json"]).stdout.hasPrefix("imported 1 households"))
        let v = sanbao(a, ["validate"])
        XCTAssertTrue(v.stdout.contains("$.number: warning: household number \(households[0]["number"]!) is also \(households[0]["id"]!)'s")
                      || v.stdout.contains("warning: $.number: household number \(households[0]["number"]!) is also \(households[0]["id"]!)'s"), v.stdout)
    }

    /// `conflicts` exits as docs/cli.md says: 65 for a value the field cannot hold, 75
    /// while another Sanbao holds the data, 66 with no data directory — and nothing
    /// changes; `bundle` and `import` give 66 for a missing directory or file.
    func testConflictsBundleAndImportRefusalCodes() throws {
        _ = sanbao(a, ["edit", "621121103201-0005", "type=minimum_living"])
        _ = sanbao(b, ["edit", "621121103201-0005", "type=extreme_poverty"])
        exchange()
        XCTAssertEqual(sanbao(a, ["conflicts"]).stdout.split(separator: "\n").count, 3)
        let before = snapshot(a)
        let wrong = sanbao(a, ["conflicts", "resolve", "1", "--value", "banana"], expect: 65)
        XCTAssertTrue(wrong.stderr.hasPrefix("sanbao: ") && wrong.stderr.contains("banana"), wrong.stderr)
        assertSameFiles(snapshot(a), before, "a refused resolution")

        let fd = open(a + "/.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0, "the test holds the lock, as another Sanbao would")
        let locked = sanbao(a, ["conflicts", "resolve", "1", "--keep", "2"], expect: 75)
        XCTAssertTrue(locked.stderr.contains("locked") || locked.stderr.contains("in use"), locked.stderr)
        flock(fd, LOCK_UN)
        close(fd)
        assertSameFiles(snapshot(a), before, "a resolution refused while the data was in use")

        let missing = work + "/nope"
        for args in [["conflicts"], ["conflicts", "resolve", "1", "--keep", "1"], ["bundle", "-o", "x.json"], ["import", "a.json"]] {
            let r = run(args + CLI.opts(missing), cwd: work)
            XCTAssertEqual(r.status, 66, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("sanbao: data directory does not exist: \(missing)"), "\(args): \(r.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "never created")
        XCTAssertFalse(FileManager.default.fileExists(atPath: work + "/x.json"))
        let noFile = sanbao(a, ["import", "no-such-bundle.json"], expect: 66)
        XCTAssertTrue(noFile.stderr.contains("no-such-bundle.json"), noFile.stderr)
        assertSameFiles(snapshot(a), before, "refusals change nothing")
    }

    /// A conflict says the field and its values in words (issue 13), as history does:
    /// `蔡淑珍 insured`, yes and no, not `members[2].insured`, true and false.
    func testConflictsSayTheFieldAndValuesInWords() {
        _ = sanbao(a, ["edit", "621121103201-0004", "members[2].insured=false"])
        _ = sanbao(b, ["edit", "621121103201-0004", "members[2].insured=true"])
        exchange()
        let en = sanbao(a, ["conflicts"]).stdout
        XCTAssertTrue(en.hasPrefix("1. 621121103201-0004 汪福元  蔡淑珍 insured\n"), en)
        XCTAssertTrue(en.contains("] yes   from ") && en.contains("] no   from "), en)
        XCTAssertFalse(en.contains("members[") || en.contains("true") || en.contains("false"), en)
        let zh = run(["conflicts"] + CLI.opts(a, lang: "zh"), cwd: work).stdout
        XCTAssertTrue(zh.hasPrefix("1. 621121103201-0004 汪福元  蔡淑珍 参加医保\n") && zh.contains("] 是   来自 ") && zh.contains("] 否   来自 "), zh)
        let resolved = sanbao(a, ["conflicts", "resolve", "1", "--keep", "1"]).stdout
        XCTAssertTrue(resolved == "resolved: 621121103201-0004 蔡淑珍 insured = yes\n" || resolved == "resolved: 621121103201-0004 蔡淑珍 insured = no\n", resolved)
    }

    func testResolvedConflictTravels() throws {
        diverge()
        exchange()
        let listing = sanbao(a, ["conflicts"]).stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(listing.count, 3)
        let second = try XCTUnwrap(listing[2].split(separator: " ").first { $0.hasPrefix("139") }.map(String.init))

        XCTAssertEqual(sanbao(a, ["conflicts", "resolve", "1"], expect: 64).stderr,
                       "sanbao: say which value to keep: --keep 1..2 or --value\n")
        XCTAssertEqual(sanbao(a, ["conflicts", "resolve", "2", "--keep", "1"], expect: 64).stderr,
                       "sanbao: no conflict 2 (there are 1)\n")
        let resolved = sanbao(a, ["conflicts", "resolve", "1", "--keep", "2"])
        XCTAssertEqual(resolved.stdout, "resolved: 621121103201-0003 phone = \(second)\n")
        XCTAssertEqual(sanbao(a, ["conflicts"]).stdout, "no conflicts\n")
        XCTAssertEqual(phone(a, "621121103201-0003"), second)
        XCTAssertEqual(sanbao(b, ["conflicts"]).stdout.split(separator: "\n").count, 3, "B has not heard yet")

        exchange()
        XCTAssertEqual(sanbao(a, ["conflicts"]).stdout, "no conflicts\n")
        XCTAssertEqual(sanbao(b, ["conflicts"]).stdout, "no conflicts\n")
        XCTAssertEqual(phone(a, "621121103201-0003"), second)
        XCTAssertEqual(phone(b, "621121103201-0003"), second)
        assertSameRecords()
        XCTAssertEqual(sanbao(a, ["validate"]).status, 0)
        XCTAssertEqual(sanbao(b, ["validate"]).status, 0)

        // --value settles with a value of one's own.
        _ = sanbao(a, ["edit", "621121103201-0005", "phone=13900000051"])
        _ = sanbao(b, ["edit", "621121103201-0005", "phone=13900000052"])
        exchange()
        XCTAssertEqual(sanbao(b, ["conflicts", "resolve", "1", "--value", "13900000059"]).stdout,
                       "resolved: 621121103201-0005 phone = 13900000059\n")
        exchange()
        XCTAssertEqual(phone(a, "621121103201-0005"), "13900000059")
        XCTAssertEqual(sanbao(a, ["conflicts"]).stdout, "no conflicts\n")
        assertSameRecords()
    }

    func testCadreBundle() throws {
        let r = sanbao(a, ["bundle", "-o", "c.json", "--cadre", "陈文博"])
        let rows = (parseJSON(sanbao(a, ["list", "--json", "--cadre", "陈文博"]).stdout) as? [Any]) ?? []
        XCTAssertTrue(r.stdout.hasPrefix("wrote c.json: \(rows.count) households, "), r.stdout)
        XCTAssertEqual(sanbao(a, ["bundle", "-o", "d.json", "--cadre", "赵某"], expect: 64).stderr, "sanbao: no cadre named \"赵某\"\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: work + "/d.json"))
    }

    func testEditRefusals() {
        let before = snapshot(a)
        XCTAssertEqual(sanbao(a, ["edit", "621121103201-0001", "phone"], expect: 64).stderr, "sanbao: \"phone\" should be FIELD=VALUE\n")
        XCTAssertTrue(sanbao(a, ["edit", "621121103201-0001", "nosuch=1"], expect: 64).stderr
            .hasPrefix("sanbao: field \"nosuch\" cannot be edited (editable: "))
        XCTAssertEqual(sanbao(a, ["edit", "621121103201-0001", "type=rich"], expect: 65).stderr, "sanbao: bad data: type: invalid value \"rich\"\n")
        XCTAssertEqual(sanbao(a, ["edit", "621121103201-0099", "phone=1"], expect: 65).stderr, "sanbao: no household 621121103201-0099\n")
        assertSameFiles(snapshot(a), before, "refused edits")
        _ = sanbao(a, ["edit", "621121103201-0001", "members[1].insured=false"])
        let show = parseJSON(sanbao(a, ["show", "621121103201-0001", "--json"]).stdout) as? [String: Any]
        let members = (show?["household"] as? [String: Any])?["members"] as? [[String: Any]]
        XCTAssertEqual(members?.first { $0["id"] as? Int == 1 }?["insured"] as? Bool, false)
        XCTAssertEqual(((show?["indicators"] as? [String: [String: Any]])?["medical"])?["state"] as? String, "not_met")
    }

    /// members[N] names the member with id N. There is no member 99, so the edit must be
    /// refused, not recorded to silently change nothing.
    func testEditOfAMissingMemberIsRefused() {
        let before = snapshot(a)
        let ghost = sanbao(a, ["edit", "621121103201-0001", "members[99].insured=false"], expect: 65)
        XCTAssertEqual(ghost.stdout, "", "no edit id printed for an edit that changes nothing")
        XCTAssertTrue(ghost.stderr.contains("99"), ghost.stderr)
        assertSameFiles(snapshot(a), before, "an edit of a member that does not exist")
    }

    /// An import cut short by a crash is finished by the next command that writes
    /// (the bundle waits in incoming/), and says so.
    func testInterruptedImportIsFinished() throws {
        diverge()
        _ = sanbao(b, ["bundle", "-o", "b.json"])
        try FileManager.default.createDirectory(atPath: a + "/incoming", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: work + "/b.json", toPath: a + "/incoming/0123456789abcdef.json")
        let r = sanbao(a, ["edit", "621121103201-0006", "phone=13900000006"])
        XCTAssertTrue(r.stderr.contains("finished an import that was interrupted (0123456789abcdef.json)"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: a + "/incoming"), [])
        XCTAssertTrue(checkIDs(b).isSubset(of: checkIDs(a)), "B's checks arrived")
        XCTAssertEqual(sanbao(a, ["conflicts"]).stdout.split(separator: "\n").count, 3, "the phone conflict arrived too")
        XCTAssertEqual(sanbao(a, ["import", "b.json"]).stdout, "imported 0 households, 0 checks, 0 edits, 0 cadres\n")
    }
}
