#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SanbaoStore
import XCTest

/// `sanbao check`: prints the new check's id once it is durable; refuses bad input
/// writing nothing; corrections; notes that survive; the lock.
final class CheckTests: XCTestCase {
    let household = "621121103201-0001"
    let checkID = #"\d{8}-[0-9a-f]{8}"#

    func checksFile(_ dir: String) -> String { dir + "/checks/621121103201.jsonl" }

    func showJSON(_ dir: String, _ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let r = run(["show", id, "--json"] + CLI.opts(dir))
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        return try XCTUnwrap(parseJSON(r.stdout) as? [String: Any], file: file, line: line)
    }

    /// Records a check, asserting it printed exactly one id; returns the id.
    func check(_ dir: String, _ args: [String], file: StaticString = #filePath, line: UInt = #line) -> String {
        let r = run(["check"] + args + CLI.opts(dir))
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        XCTAssertTrue(matches(r.stdout, checkID + "\n"), "only the id, on one line: \(r.stdout)", file: file, line: line)
        return r.stdout.trimmingCharacters(in: .newlines)
    }

    func testCheckPrintsItsIdAndShowHasIt() throws {
        let dir = makeDemo()
        let before = records(checksFile(dir)).count
        let id = check(dir, [household, "--set", "water=not_met:水窖干涸", "--set", "housing=met",
                             "--follow-up", "2026-12-15", "--measure", "送水", "--confirmed"])
        XCTAssertTrue(id.hasPrefix("20261129-"), "the id starts with the visit date: \(id)")
        XCTAssertEqual(records(checksFile(dir)).count, before + 1, "one line appended")
        XCTAssertEqual(records(checksFile(dir)).last?["id"] as? String, id)

        let show = try showJSON(dir, household)
        let newest = try XCTUnwrap((show["checks"] as? [[String: Any]])?.first)
        XCTAssertEqual(newest["id"] as? String, id)
        XCTAssertEqual(newest["date"] as? String, "2026-11-29")
        XCTAssertEqual(newest["follow_up"] as? String, "2026-12-15")
        XCTAssertEqual(newest["confirmed"] as? Bool, true)
        XCTAssertEqual(newest["measures"] as? [String], ["送水"])
        XCTAssertEqual(newest["cadre_id"] as? String, "c1", "the household's paired cadre by default")
        let findings = try XCTUnwrap(newest["findings"] as? [String: [String: Any]])
        XCTAssertEqual(findings["water"]?["state"] as? String, "not_met")
        XCTAssertEqual(findings["water"]?["note"] as? String, "水窖干涸")
        XCTAssertEqual(findings["housing"]?["state"] as? String, "met")
        XCTAssertEqual(Set(findings.keys), ["water", "housing"])
        let indicators = try XCTUnwrap(show["indicators"] as? [String: [String: Any]])
        XCTAssertEqual(indicators["water"]?["state"] as? String, "not_met", "the recorded finding is in force")
        XCTAssertEqual(show["last_check"] as? String, "2026-11-29")

        // With --cadre and --date.
        let other = check(dir, [household, "--set", "income=met", "--cadre", "王晓燕", "--date", "2026-11-20"])
        XCTAssertTrue(other.hasPrefix("20261120-"), other)
        let c = try XCTUnwrap(((try showJSON(dir, household))["checks"] as? [[String: Any]])?.first { $0["id"] as? String == other })
        XCTAssertEqual(c["cadre_id"] as? String, "c2")
        XCTAssertEqual(c["date"] as? String, "2026-11-20")
    }

    func testRefusedChecksWriteNothing() throws {
        let dir = makeDemo()
        // (arguments, exit code, message on stderr)
        let cases: [([String], Int32, String)] = [
            ([household, "--set", "sanitation=met"], 64,
             "sanbao: unknown indicator \"sanitation\" (expected one of income, food_clothing, water, education, medical, housing)"),
            ([household, "--set", "water=great"], 64,
             "sanbao: unknown state \"great\" (expected one of met, not_met, follow_up, not_applicable)"),
            ([household, "--set", "water"], 64,
             "sanbao: \"water\" should be INDICATOR=STATE[:NOTE], e.g. water=not_met:cellar dry"),
            ([household, "--set", "water=met", "--date", "2026-12-01"], 65,
             "sanbao: check date 2026-12-01 is in the future"),
            (["621121103201-0099", "--set", "water=met"], 65,
             "sanbao: no household 621121103201-0099"),
            ([household, "--set", "water=met", "--follow-up", "2026-11-01"], 65,
             "sanbao: follow-up 2026-11-01 is before the check date 2026-11-29"),
            ([household], 64,
             "sanbao: empty check: record at least one indicator with --set"),
            ([household, "--set", "water=met", "--cadre", "赵某"], 65,
             "sanbao: unknown cadre 赵某"),
            (["--set", "water=met"], 64,
             "sanbao: give a household id, or --amend CHECK-ID"),
            ([household, "--set", "water=met", "--date", "2026-13-01"], 64,
             "Error: The value '2026-13-01' is invalid for '--date <YYYY-MM-DD>'"),
            (["--amend", "20261129-00000000", "--set", "water=met"], 65,
             "sanbao: no check 20261129-00000000"),
        ]
        for (args, code, message) in cases {
            let before = snapshot(dir)
            let r = run(["check"] + args + CLI.opts(dir))
            XCTAssertEqual(r.status, code, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "", "\(args): no id printed")
            XCTAssertTrue(r.stderr.hasPrefix(message + "\n"), "\(args): expected \(message), got \(r.stderr)")
            assertSameFiles(snapshot(dir), before, "check \(args)")
        }
        // Every problem is reported, then "nothing was saved".
        let two = run(["check", household, "--set", "water=met", "--date", "2026-12-01", "--follow-up", "2026-11-30"] + CLI.opts(dir))
        XCTAssertEqual(two.status, 65)
        XCTAssertEqual(two.stderr, """
            sanbao: check date 2026-12-01 is in the future
            sanbao: follow-up 2026-11-30 is before the check date 2026-12-01
            nothing was saved

            """)
        let zh = run(["check", household, "--set", "water=great"] + CLI.opts(dir, lang: "zh"))
        XCTAssertEqual(zh.status, 64)
        XCTAssertTrue(zh.stderr.hasSuffix("未保存任何内容\n"), zh.stderr)
    }

    func testAmendRecordsACorrection() throws {
        let dir = makeDemo()
        let original = check(dir, [household, "--set", "water=not_met:cellar dry"])
        let correction = check(dir, ["--amend", original, "--set", "water=follow_up:已送水"])
        XCTAssertNotEqual(original, correction)

        let history = run(["history", household] + CLI.opts(dir))
        XCTAssertEqual(history.status, 0)
        let lines = history.stdout.split(separator: "\n").map(String.init)
        let o = try XCTUnwrap(lines.first { $0.contains("recorded \(original) ") }, history.stdout)
        XCTAssertTrue(o.hasSuffix("(visit 2026-11-29)  [corrected by \(correction)]"), o)
        let c = try XCTUnwrap(lines.first { $0.contains("recorded \(correction) ") }, history.stdout)
        XCTAssertTrue(c.hasSuffix("(visit 2026-11-29), correcting \(original)"), c)
        XCTAssertTrue(c.contains(" 何志刚 recorded "), c)
        XCTAssertTrue(history.stdout.contains("    Water: not met → follow-up"), history.stdout)
        let zh = run(["history", household] + CLI.opts(dir, lang: "zh"))
        XCTAssertTrue(zh.stdout.contains("，更正 \(original)"), zh.stdout)
        XCTAssertTrue(zh.stdout.contains("[已被 \(correction) 更正]"), zh.stdout)

        let show = try showJSON(dir, household)
        let newest = try XCTUnwrap((show["checks"] as? [[String: Any]])?.first { $0["id"] as? String == correction })
        XCTAssertEqual(newest["supersedes"] as? String, original)
        XCTAssertEqual((show["indicators"] as? [String: [String: Any]])?["water"]?["state"] as? String, "follow_up",
                       "the correction replaces the corrected check")
        XCTAssertNotNil((show["checks"] as? [[String: Any]])?.first { $0["id"] as? String == original },
                        "the corrected check is kept")

        // A check is corrected once; correct the correction instead.
        let before = snapshot(dir)
        let again = run(["check", "--amend", original, "--set", "water=met"] + CLI.opts(dir))
        XCTAssertEqual(again.status, 65)
        XCTAssertEqual(again.stdout, "")
        XCTAssertTrue(again.stderr.hasPrefix(
            "sanbao: check \(original) was already corrected by \(correction); amend \(correction) instead\n"), again.stderr)
        assertSameFiles(snapshot(dir), before, "a second correction")

        // Naming another household is a usage error.
        let wrong = run(["check", "621121103201-0002", "--amend", correction, "--set", "water=met"] + CLI.opts(dir))
        XCTAssertEqual(wrong.status, 64)
        XCTAssertEqual(wrong.stderr, "sanbao: check \(correction) belongs to \(household), not 621121103201-0002\nnothing was saved\n")
        assertSameFiles(snapshot(dir), before, "an amendment naming another household")

        let third = check(dir, ["--amend", correction, "--set", "water=met"])
        XCTAssertTrue(run(["history", household] + CLI.opts(dir)).stdout.contains("correcting \(correction)"))
        XCTAssertNotEqual(third, correction)
    }

    func testNoteSurvivesIntoShow() throws {
        let dir = makeDemo()
        let note = "王大爷说：\"水窖干了, 要送水\"\n第二行，完 \\ / {\"x\":1}"
        let finding = "时间: 上午, \"晴\"，无水"
        let id = check(dir, [household, "--set", "water=not_met:" + finding, "--note", note, "--measure", "送水, 两桶"])
        let show = try showJSON(dir, household)
        let c = try XCTUnwrap((show["checks"] as? [[String: Any]])?.first { $0["id"] as? String == id })
        XCTAssertEqual(c["note"] as? String, note)
        XCTAssertEqual((c["findings"] as? [String: [String: Any]])?["water"]?["note"] as? String, finding,
                       "a note may hold colons: only the first separates the state")
        XCTAssertEqual(c["measures"] as? [String], ["送水, 两桶"])
        // The text view keeps it on one line.
        let text = run(["show", household] + CLI.opts(dir))
        XCTAssertTrue(text.stdout.contains("Note: 王大爷说：\"水窖干了, 要送水\" 第二行，完"), text.stdout)
        // The file is still one check per line and valid.
        XCTAssertEqual(run(["validate"] + CLI.opts(dir)).status, 0)
    }

    /// A state the facts overrule is saved with a note on standard error (docs/cli.md,
    /// docs/rules.md): 刘鹏飞 of household 0012 is uninsured, so a chosen follow-up on
    /// medical stands as not met; the chosen plan (note, date) is kept. A choice the facts
    /// allow says nothing.
    func testAnOverruledChoiceIsSavedAndNoted() throws {
        let dir = makeDemo()
        let r = run(["check", "0012", "--set", "medical=follow_up:已提醒", "--follow-up", "2027-01-15"] + CLI.opts(dir))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(matches(r.stdout, checkID + "\n"), r.stdout)
        XCTAssertEqual(r.stderr, "note: medical: the chosen \"follow-up\" is overruled: the household's facts say \"not met\", "
                       + "and facts decide; the note and follow-up date are still kept: 刘鹏飞 not enrolled in basic medical insurance; 已提醒\n")
        let show = try showJSON(dir, "621121103201-0012")
        let medical = try XCTUnwrap((show["indicators"] as? [String: [String: Any]])?["medical"])
        XCTAssertEqual(medical["state"] as? String, "not_met")
        XCTAssertEqual(medical["reasons"] as? [String], ["刘鹏飞 not enrolled in basic medical insurance", "已提醒"])
        let zh = run(["check", "0012", "--set", "medical=follow_up:已提醒"] + CLI.opts(dir, lang: "zh"))
        XCTAssertTrue(zh.stderr.hasPrefix("注意：医疗：所选“需跟进”未采用：户内情况为“未达标”"), zh.stderr)
        let allowed = run(["check", "0012", "--set", "water=follow_up:水窖待修"] + CLI.opts(dir))
        XCTAssertEqual(allowed.stderr, "", "a choice the facts allow needs no note")
    }

    func testLockedDirectoryRefusesWriting() throws {
        let dir = makeDemo()
        let store = try Store(layout: DataLayout(root: dir), write: true)
        XCTAssertEqual(store.access, .readWrite)
        let before = snapshot(dir, excluding: [])

        let r = run(["check", household, "--set", "water=met"] + CLI.opts(dir))
        XCTAssertEqual(r.status, 75, r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.hasPrefix("sanbao: not saved: data directory is in use by pid \(getpid()) on "), r.stderr)
        XCTAssertTrue(r.stderr.contains("; opened read-only"), r.stderr)
        assertSameFiles(snapshot(dir, excluding: []), before, "check while locked")

        // Reading commands work while the lock is held; a bundle can be written from a locked directory.
        let bundle = tempPath() + ".json"
        XCTAssertEqual(run(["bundle", "-o", bundle] + CLI.opts(dir)).status, 0)
        for cmd in [["edit", household, "phone=13900000000"], ["import", bundle]] {
            let e = run(cmd + CLI.opts(dir))
            XCTAssertEqual(e.status, 75, "\(cmd): \(e.stderr)")
            XCTAssertTrue(e.stderr.contains("pid \(getpid())"), "\(cmd): \(e.stderr)")
        }
        assertSameFiles(snapshot(dir, excluding: []), before, "writes while locked")

        XCTAssertEqual(run(["list"] + CLI.opts(dir)).status, 0)
        XCTAssertEqual(run(["validate"] + CLI.opts(dir)).status, 0)

        store.close()
        _ = check(dir, [household, "--set", "water=met"])
    }
}
