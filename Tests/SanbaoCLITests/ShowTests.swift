import Foundation
import XCTest

/// `sanbao show ID`: ID numbers masked unless asked, indicators with reasons, checks
/// newest first.
final class ShowTests: XCTestCase {
    let masked = #"\d{6}\*{8}[0-9X]{4}"#
    let full = #"\d{17}[0-9X]"#

    func showJSON(_ dir: String, _ id: String, _ extra: [String] = [], lang: String = "en",
                  file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let r = run(["show", id, "--json"] + extra + CLI.opts(dir, lang: lang))
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        return try XCTUnwrap(parseJSON(r.stdout, file: file, line: line) as? [String: Any], file: file, line: line)
    }

    func members(_ show: [String: Any]) -> [[String: Any]] {
        ((show["household"] as? [String: Any])?["members"] as? [[String: Any]]) ?? []
    }

    /// The registered ID numbers, from the households file, by household id.
    func registeredIDs(_ dir: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for h in records(dir + "/households/621121103201.jsonl") {
            out[h["id"] as! String] = (h["members"] as! [[String: Any]]).compactMap { $0["id_number"] as? String }
        }
        return out
    }

    func testIDNumbersAreMaskedUnlessAsked() throws {
        let dir = makeDemo()
        let registered = registeredIDs(dir)
        XCTAssertEqual(registered.count, 44)
        for id in ["621121103201-0001", "621121103201-0002", "621121103201-0023"] {
            let real = try XCTUnwrap(registered[id])
            XCTAssertFalse(real.isEmpty)

            let m = members(try showJSON(dir, id)).map { $0["id_number"] as? String ?? "" }
            XCTAssertEqual(m.count, real.count)
            for (shown, number) in zip(m, real) {
                XCTAssertTrue(matches(shown, masked), "\(id): \(shown) is masked")
                XCTAssertEqual(shown.prefix(6), number.prefix(6))
                XCTAssertEqual(shown.suffix(4), number.suffix(4))
            }

            let text = run(["show", id] + CLI.opts(dir))
            XCTAssertEqual(text.status, 0)
            for number in real {
                XCTAssertFalse(text.stdout.contains(number), "\(id): the full number \(number) is not printed")
                XCTAssertTrue(text.stdout.contains(String(number.prefix(6)) + "********" + String(number.suffix(4))), text.stdout)
            }

            let revealed = members(try showJSON(dir, id, ["--full-ids"])).map { $0["id_number"] as? String ?? "" }
            XCTAssertEqual(revealed, real, "--full-ids shows the numbers as registered")
            for n in revealed { XCTAssertTrue(matches(n, full), n) }
            let fullText = run(["show", id, "--full-ids"] + CLI.opts(dir))
            for number in real { XCTAssertTrue(fullText.stdout.contains(number)) }
        }
    }

    /// Issue 13: where a visit's observation decides an indicator's facts (the text says
    /// "据 2025-12-08 入户检查"), the JSON names that check; elsewhere `decided_by` is null.
    /// Recorded later, the record decides again.
    func testJSONSaysWhichVisitDecides() throws {
        let dir = makeDemo()
        let id = "621121103201-0004"
        let indicators = try XCTUnwrap(try showJSON(dir, id)["indicators"] as? [String: [String: Any]])
        let housing = try XCTUnwrap(indicators["housing"]?["decided_by"] as? [String: String])
        XCTAssertEqual(housing, ["check": "demo-0015", "date": "2025-12-08"])
        XCTAssertTrue(run(["show", id] + CLI.opts(dir, lang: "zh")).stdout.contains("据 2025-12-08 入户检查"))
        for (k, v) in indicators where k != "housing" {
            XCTAssertTrue(v["decided_by"] is NSNull, "\(k): the key is there, null: \(v)")
        }
        XCTAssertEqual(run(["household", "set", id, "housing.renovation=已加固"] + CLI.opts(dir)).status, 0)
        let after = try XCTUnwrap(try showJSON(dir, id)["indicators"] as? [String: [String: Any]])
        XCTAssertTrue(after["housing"]?["decided_by"] is NSNull, "the record decides now: \(after["housing"] ?? [:])")
    }

    func testJSONHasIndicatorsWithReasonsAndChecksNewestFirst() throws {
        let dir = makeDemo()
        let id = "621121103201-0002"
        let show = try showJSON(dir, id)
        XCTAssertEqual(Set(show.keys), ["household", "cadre", "indicators", "meets_standard", "last_check", "overdue", "checks"])
        XCTAssertEqual((show["household"] as? [String: Any])?["id"] as? String, id)
        XCTAssertEqual((show["cadre"] as? [String: Any])?["name"] as? String, "何志刚")

        let indicators = try XCTUnwrap(show["indicators"] as? [String: [String: Any]])
        XCTAssertEqual(Set(indicators.keys), Set(indicatorKeys))
        for (k, v) in indicators {
            XCTAssertNotNil(stateLetters[v["state"] as? String ?? ""], "\(k): \(v)")
            let reasons = try XCTUnwrap(v["reasons"] as? [String], k)
            XCTAssertFalse(reasons.isEmpty, "\(k) has a reason a person can read")
        }
        XCTAssertEqual(indicators["education"]?["state"] as? String, "not_met")
        XCTAssertTrue((indicators["education"]?["reasons"] as? [String] ?? []).contains("张浩宇, 14, dropped out"),
                      "\(indicators["education"] ?? [:])")
        let zh = try showJSON(dir, id, lang: "zh")
        XCTAssertNotEqual((zh["indicators"] as? [String: [String: Any]])?["education"]?["reasons"] as? [String],
                          indicators["education"]?["reasons"] as? [String], "reasons follow --lang")

        // The same states as the roster.
        let list = run(["list", "--json"] + CLI.opts(dir))
        let row = try XCTUnwrap((parseJSON(list.stdout) as? [[String: Any]])?.first { $0["id"] as? String == id })
        XCTAssertEqual(row["indicators"] as? [String: String], indicators.mapValues { $0["state"] as! String })
        XCTAssertEqual(row["last_check"] as? String, show["last_check"] as? String)
        XCTAssertEqual(row["meets_standard"] as? Bool, show["meets_standard"] as? Bool)
        XCTAssertEqual(row["overdue"] as? Bool, show["overdue"] as? Bool)

        // Every check of the household, newest first.
        let checks = try XCTUnwrap(show["checks"] as? [[String: Any]])
        let onFile = records(dir + "/checks/621121103201.jsonl").filter { $0["household_id"] as? String == id }
        XCTAssertGreaterThan(checks.count, 1)
        XCTAssertEqual(Set(checks.compactMap { $0["id"] as? String }), Set(onFile.compactMap { $0["id"] as? String }))
        let dates = checks.map { ($0["date"] as? String ?? "", $0["recorded_at"] as? String ?? "") }
        XCTAssertEqual(dates.map(\.0), dates.map(\.0).sorted(by: >), "newest first")
        XCTAssertEqual(show["last_check"] as? String, dates.first?.0)
        for c in checks { XCTAssertEqual(c["household_id"] as? String, id) }
    }

    func testTextShowsIndicatorsAndChecks() throws {
        let dir = makeDemo()
        let r = run(["show", "621121103201-0002"] + CLI.opts(dir))
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.hasPrefix("文峰村一组  张永强  [621121103201-0002]\n"), r.stdout)
        // The visit of 2026-03-18 found him dropped out: the record said he was at school.
        XCTAssertTrue(r.stdout.contains("  Education       X not met   per the visit of 2026-03-18; 张浩宇, 14, dropped out"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Checks (newest first)"))
        let zh = run(["show", "621121103201-0002"] + CLI.opts(dir, lang: "zh"))
        XCTAssertTrue(zh.stdout.contains("检查记录（最新在前）"), zh.stdout)
    }

    func testShowByHouseholdNumber() throws {
        let dir = makeDemo()
        let byNumber = run(["show", "6211211032010002", "--json"] + CLI.opts(dir))
        XCTAssertEqual(byNumber.status, 0)
        XCTAssertEqual(byNumber.stdout, run(["show", "621121103201-0002", "--json"] + CLI.opts(dir)).stdout)
    }

    /// `show 0004` as a cadre says it: the end of the id or of the 户编号 names the one
    /// household it fits, for every command that takes a household (issue 14, defect 17).
    func testShortHouseholdNumbers() throws {
        let dir = makeDemo()
        let full = run(["show", "621121103201-0004", "--json"] + CLI.opts(dir)).stdout
        for typed in ["0004", "4", "32010004"] {
            let r = run(["show", typed, "--json"] + CLI.opts(dir))
            XCTAssertEqual(r.status, 0, "\(typed): \(r.stderr)")
            XCTAssertEqual(r.stdout, full, typed)
        }
        XCTAssertEqual(run(["history", "0004"] + CLI.opts(dir)).stdout,
                       run(["history", "621121103201-0004"] + CLI.opts(dir)).stdout)
        let edit = run(["edit", "0004", "phone=13900001111"] + CLI.opts(dir))
        XCTAssertEqual(edit.status, 0, edit.stderr)
        let check = run(["check", "0004", "--set", "water=met"] + CLI.opts(dir))
        XCTAssertEqual(check.status, 0, check.stderr)
        let shown = try showJSON(dir, "621121103201-0004")
        XCTAssertEqual((shown["household"] as? [String: Any])?["phone"] as? String, "13900001111")
        XCTAssertEqual((shown["checks"] as? [[String: Any]])?.first?["id"] as? String,
                       check.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Two villages each with a 0004: the short form is refused with both listed (64).
    func testAmbiguousShortNumberListsCandidates() throws {
        let dir = tempPath()
        let gen = run(["generate", dir, "--households", "400", "--as-of", CLI.today, "--lang", "en"])
        XCTAssertEqual(gen.status, 0, gen.stderr)
        let before = snapshot(dir)
        for lang in ["en", "zh"] {
            let r = run(["show", "0004"] + CLI.opts(dir, lang: lang))
            XCTAssertEqual(r.status, 64, r.stderr)
            XCTAssertEqual(r.stdout, "")
            let lines = r.stderr.split(separator: "\n")
            XCTAssertTrue(lines[0].hasPrefix(lang == "en" ? "sanbao: \"0004\" names" : "sanbao: “0004”对应"), r.stderr)
            XCTAssertGreaterThan(lines.count, 2, "at least two candidates listed: \(r.stderr)")
            for l in lines.dropFirst() { XCTAssertTrue(matches(String(l), #"  \d{12}-0004  \d{12}0004  .+"#), String(l)) }
        }
        XCTAssertEqual(run(["edit", "0004", "phone=1"] + CLI.opts(dir)).status, 64)
        assertSameFiles(snapshot(dir), before, "nothing written")
    }

    func testUnknownHousehold() {
        let dir = makeDemo()
        for cmd in ["show", "history"] {
            let r = run([cmd, "621121103201-0099"] + CLI.opts(dir))
            XCTAssertEqual(r.status, 65, cmd)
            XCTAssertEqual(r.stdout, "", cmd)
            XCTAssertEqual(r.stderr, "sanbao: no household 621121103201-0099\n", cmd)
        }
        let zh = run(["show", "621121103201-0099"] + CLI.opts(dir, lang: "zh"))
        XCTAssertEqual(zh.stderr, "sanbao: 没有编号为 621121103201-0099 的户\n")
    }
}
