import Foundation
import XCTest

/// Issue 20: every refusal of `check` ends with "nothing was saved" and leaves the files
/// as they were; a write inside the data directory that fails is 74 (an I/O error), for
/// `check` and `edit` alike, where it was 73 when the file to append to had to be made.
final class RefusalTests: XCTestCase {
    func assertRefused(_ args: [String], _ code: Int32, _ message: String, in dir: String,
                       file: StaticString = #filePath, line: UInt = #line) {
        let before = snapshot(dir)
        let r = run(args + CLI.opts(dir))
        XCTAssertEqual(r.status, code, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stdout, "", file: file, line: line)
        XCTAssertEqual(r.stderr, message + "nothing was saved\n", file: file, line: line)
        assertSameFiles(snapshot(dir), before, args.joined(separator: " "), file: file, line: line)
    }

    func testEveryRefusalOfACheckSaysNothingWasSaved() throws {
        let dir = makeDemo()
        let made = run(["check", "621121103201-0007", "--set", "water=met"] + CLI.opts(dir))
        XCTAssertEqual(made.status, 0, made.stderr)
        let id = made.stdout.trimmingCharacters(in: .newlines)
        assertRefused(["check", "--set", "water=met"], 64, "sanbao: give a household id, or --amend CHECK-ID\n", in: dir)
        assertRefused(["check", "621121103201-0002", "--amend", id, "--set", "water=met"], 64,
                      "sanbao: check \(id) belongs to 621121103201-0007, not 621121103201-0002\n", in: dir)
        assertRefused(["check", "621121103201-0099", "--set", "water=met"], 65, "sanbao: no household 621121103201-0099\n", in: dir)
    }

    /// Issue 16, point 11: a lock that cannot be made in the data directory (here a folder
    /// stands in its place; no permission does the same) is an I/O error, 74, as docs/cli.md
    /// says, not 73, which is for a file the user names.
    func testALockThatCannotBeMadeIsAnIOError() throws {
        let dir = makeDemo()
        try? FileManager.default.removeItem(atPath: dir + "/.lock")
        try FileManager.default.createDirectory(atPath: dir + "/.lock", withIntermediateDirectories: false)
        let before = snapshot(dir)
        let r = run(["check", "621121103201-0007", "--set", "water=met"] + CLI.opts(dir))
        XCTAssertEqual(r.status, 74, r.stderr)
        XCTAssertTrue(r.stderr.contains("/.lock"), r.stderr)
        assertSameFiles(snapshot(dir), before, "check with no lock to take")
    }

    /// Issue 16, point 11: a `cadres.json` written by a newer Sanbao stops a check naming
    /// that file, instead of "unknown cadre c1".
    func testANewerCadresFileIsNamedNotTheCadre() throws {
        let dir = makeDemo()
        let path = dir + "/cadres.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("\"schema_version\" : 1"))
        try text.replacingOccurrences(of: "\"schema_version\" : 1", with: "\"schema_version\" : 2").write(toFile: path, atomically: true, encoding: .utf8)
        let before = snapshot(dir)
        let r = run(["check", "621121103201-0007", "--set", "water=met"] + CLI.opts(dir))
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertTrue(r.stderr.contains("the cadres could not be read, so no check can be recorded: cadres.json: $.schema_version: written by a newer Sanbao"), r.stderr)
        XCTAssertFalse(r.stderr.contains("unknown cadre"), r.stderr)
        assertSameFiles(snapshot(dir), before, "check refused")
    }

    /// A plain file stands where the checks and edits folders should be: no command reads
    /// that as "no checks" and writes on top; each stops, naming the folder (66), and
    /// nothing is saved. (A write that fails part way is 74: FileSizeLimitTests.)
    func testAFileWhereAFolderShouldBeStopsCheckAndEdit() throws {
        let dir = makeDemo()
        let fm = FileManager.default
        for folder in ["checks", "edits"] {
            try fm.removeItem(atPath: dir + "/" + folder)
            XCTAssertTrue(fm.createFile(atPath: dir + "/" + folder, contents: Data("not a folder\n".utf8)))
        }
        let check = run(["check", "621121103201-0007", "--set", "water=met"] + CLI.opts(dir))
        XCTAssertEqual(check.status, 66, check.stderr)
        XCTAssertEqual(check.stdout, "")
        XCTAssertEqual(check.stderr, "sanbao: cannot read checks/: not a directory; nothing was done rather than show incomplete data (see ls -l)\n")
        let edit = run(["edit", "621121103201-0003", "phone=13900000001"] + CLI.opts(dir))
        XCTAssertEqual(edit.status, 66, edit.stderr)
        XCTAssertEqual(edit.stdout, "")
        XCTAssertEqual(String(decoding: fm.contents(atPath: dir + "/checks")!, as: UTF8.self), "not a folder\n")
        XCTAssertEqual(String(decoding: fm.contents(atPath: dir + "/edits")!, as: UTF8.self), "not a folder\n")
    }

    /// A file named on the command line that cannot be created is 73 (EX_CANTCREAT), as
    /// docs/cli.md says for bundle and export.
    func testAnOutputFileThatCannotBeCreatedIs73() throws {
        let dir = makeDemo()
        for args in [["bundle", "-o", "/nonexistent-dir/b.json"], ["export", "-o", "/nonexistent-dir/x.xlsx"]] {
            let r = run(args + CLI.opts(dir))
            XCTAssertEqual(r.status, 73, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("sanbao: cannot create /nonexistent-dir/"), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: "/nonexistent-dir"))
        }
    }

    /// Issue 20: a command line found wrong after parsing is said like every other message,
    /// `sanbao: …` in the user's language, not ArgumentParser's `Error: …`.
    func testCheckedAfterParsingIsSaidAsSanbao() {
        let dir = tempPath()
        for (args, en, zh) in [(["rollup", "-o", dir + "/x.xlsx"], "sanbao: name at least one summary JSON file (written by sanbao export --format json)\n",
                                "sanbao: 请至少给出一个汇总 JSON 文件（sanbao export --format json 写出的）\n"),
                               (["generate", dir, "--households", "0"], "sanbao: --households must be at least 1\n", "sanbao: --households 至少为 1\n")] {
            let r = run(args + ["--lang", "en"])
            XCTAssertEqual(r.status, 64)
            XCTAssertEqual(r.stderr, en)
            XCTAssertEqual(run(args + ["--lang", "zh"]).stderr, zh)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir))
        }
    }
}

/// Issue 20: `history` and `conflicts` show times as people write them (local, to the
/// second, no milliseconds, no `Z`), the visit's overall note, and whose change it was.
final class TrailTextTests: XCTestCase {
    func testHistoryShowsLocalTimeAndTheOverallNote() throws {
        let dir = makeDemo()
        let made = run(["check", "621121103201-0002", "--set", "water=met", "--note", "全家外出务工"] + CLI.opts(dir))
        XCTAssertEqual(made.status, 0, made.stderr)
        let id = made.stdout.trimmingCharacters(in: .newlines)
        let h = run(["history", "621121103201-0002"] + CLI.opts(dir), env: ["TZ": "Asia/Shanghai"])
        let lines = h.stdout.split(separator: "\n").map(String.init)
        let title = try XCTUnwrap(lines.first { $0.contains("recorded \(id) ") }, h.stdout)
        XCTAssertTrue(matches(title, #"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}  何志刚 recorded .*"#), title)
        XCTAssertFalse(h.stdout.contains("Z  "), "no UTC instants: \(h.stdout)")
        XCTAssertEqual(lines.last, "    Note: 全家外出务工")
        // The demo's own first check, recorded 2025-12-09T01:45:00Z, is 09:45 in Gansu (UTC+8).
        XCTAssertTrue(lines.contains { $0.hasPrefix("2025-12-09 09:45:00  何志刚 recorded demo-") }, h.stdout)
        let zh = run(["history", "621121103201-0002"] + CLI.opts(dir, lang: "zh"), env: ["TZ": "Asia/Shanghai"])
        XCTAssertTrue(zh.stdout.hasSuffix("    备注：全家外出务工\n"), zh.stdout)
    }

    func testConflictsNameTheCadreOfEachValue() throws {
        let a = makeDemo(), b = makeDemo()
        let base = (b as NSString).deletingLastPathComponent
        XCTAssertEqual(run(["edit", "621121103201-0003", "phone=13900000001"] + CLI.opts(a)).status, 0)
        XCTAssertEqual(run(["edit", "621121103201-0003", "phone=13900000002", "--cadre", "王晓燕"] + CLI.opts(b)).status, 0)
        XCTAssertEqual(run(["bundle", "-o", base + "/b.json"] + CLI.opts(b)).status, 0)
        XCTAssertEqual(run(["import", base + "/b.json"] + CLI.opts(a)).status, 0)
        let list = run(["conflicts"] + CLI.opts(a), env: ["TZ": "Asia/Shanghai"]).stdout
        let values = list.split(separator: "\n").dropFirst().map(String.init)
        XCTAssertEqual(values.count, 2, list)
        let paired = run(["show", "621121103201-0003", "--json"] + CLI.opts(a)).stdout
        XCTAssertTrue(paired.contains("\"cadre_id\""), "the household names its cadre")
        XCTAssertEqual(values.filter { matches($0, #"   \[\d\] 13900000002   from demo-[0-9a-f]+ 王晓燕  \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}( \(in force\))?"#) }.count, 1, list)
        XCTAssertEqual(values.filter { $0.contains("13900000001   from demo-") && $0.contains(" 何志刚  ") }.count, 1,
                       "an edit without --cadre is the paired cadre's: \(list)")
        XCTAssertFalse(list.contains("Z"), list)
        let unknown = run(["edit", "621121103201-0003", "phone=1", "--cadre", "赵某"] + CLI.opts(a))
        XCTAssertEqual(unknown.status, 64)
        XCTAssertEqual(unknown.stderr, "sanbao: no cadre named \"赵某\"\n")
    }
}
