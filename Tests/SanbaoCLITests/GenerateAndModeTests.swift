import Foundation
import XCTest

/// Issue 20: promises with no test until now: `sanbao generate` (deterministic by seed,
/// valid, refuses a non-empty directory) and 0600 on every file Sanbao writes that holds
/// ID numbers: data files, bundles, exports, the roster index.
final class GenerateAndModeTests: XCTestCase {
    func records(_ dir: String) -> [String: Data] {
        snapshot(dir).filter { $0.key.hasPrefix("households/") || $0.key.hasPrefix("checks/") || $0.key == "cadres.json" }
    }

    func testGenerateIsDeterministicValidAndRefusesANonEmptyDirectory() throws {
        let base = tempPath()
        let a = base + "/a", b = base + "/b", c = base + "/c"
        let made = run(["generate", a, "--households", "60", "--seed", "7", "--as-of", "2026-11-25", "--lang", "en"])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(matches(made.stdout, #"generated 60 households in .*/a \(villages: \d+, cadres: \d+, checks: \d+, as of 2026-11-25\)\n"#), made.stdout)
        XCTAssertEqual(run(["generate", b, "--households", "60", "--seed", "7", "--as-of", "2026-11-25"]).status, 0)
        XCTAssertEqual(run(["generate", c, "--households", "60", "--seed", "8", "--as-of", "2026-11-25"]).status, 0)
        let ra = records(a)
        XCTAssertFalse(ra.isEmpty)
        assertSameFiles(records(b), ra, "the same seed")
        XCTAssertNotEqual(records(c), ra, "another seed, other data")

        let validate = run(["validate"] + CLI.opts(a))
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)
        let list = try XCTUnwrap(parseJSON(run(["list", "--json"] + CLI.opts(a)).stdout) as? [Any])
        XCTAssertEqual(list.count, 60)

        let before = snapshot(a)
        let again = run(["generate", a, "--households", "5", "--lang", "en"])
        XCTAssertEqual(again.status, 73)
        XCTAssertEqual(again.stderr, "sanbao: directory is not empty, refusing to write: \(a)\n")
        assertSameFiles(snapshot(a), before, "generate into a data directory")
    }

    func mode(_ path: String) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    func testEveryFileSanbaoWritesIs0600() throws {
        let dir = makeDemo()
        let base = (dir as NSString).deletingLastPathComponent
        // A torn last line, which the next write moves aside into damaged/.
        let torn = try XCTUnwrap(FileHandle(forWritingAtPath: dir + "/checks/621121103201.jsonl"))
        torn.seekToEndOfFile()
        torn.write(Data(#"{"id":"20261129-0"#.utf8))
        torn.closeFile()
        XCTAssertEqual(run(["check", "621121103201-0007", "--set", "water=met"] + CLI.opts(dir)).status, 0)
        XCTAssertEqual(run(["edit", "621121103201-0003", "phone=13900000001"] + CLI.opts(dir)).status, 0)
        XCTAssertEqual(run(["bundle", "-o", base + "/b.json"] + CLI.opts(dir)).status, 0)
        XCTAssertEqual(run(["export", "-o", base + "/s.xlsx"] + CLI.opts(dir)).status, 0)
        XCTAssertEqual(run(["--dump", "80x24"] + CLI.opts(dir)).status, 0, "the app builds the roster index")
        XCTAssertEqual(try mode(base + "/b.json"), 0o600)
        XCTAssertEqual(try mode(base + "/s.xlsx"), 0o600)
        let fm = FileManager.default
        let all = try XCTUnwrap(fm.subpathsOfDirectory(atPath: dir))
        XCTAssertTrue(all.contains { $0.hasPrefix("index/") && !$0.hasSuffix("index") }, "an index was built: \(all)")
        XCTAssertTrue(all.contains { $0.hasPrefix("edits/") }, "\(all)")
        XCTAssertTrue(all.contains { $0.hasPrefix("damaged/checks_621121103201.jsonl") }, "the torn bytes were moved aside: \(all)")
        for path in all where path != ".lock" {
            var isDir: ObjCBool = false
            fm.fileExists(atPath: dir + "/" + path, isDirectory: &isDir)
            XCTAssertEqual(try mode(dir + "/" + path), isDir.boolValue ? 0o700 : 0o600, path)
        }
        XCTAssertEqual(try mode(dir), 0o700)
    }
}

/// Issue 20: an oracle for the summary that shares none of the code that makes it. The
/// export's workbook is read by openpyxl (not Sanbao's reader), and every count of the
/// Summary sheet, for the whole and per group, is tallied again in Python from
/// `sanbao list --json` (Scripts/oracle-summary.py), a second algorithm over the same
/// states: independent of `TallyRecord`, `ReportTables` and the XLSX writer, though not of
/// the `Assessor` that decides each state.
final class SummaryOracleTests: XCTestCase {
    func testTheSummarySheetAgreesWithATallyOfTheRoster() throws {
        let dir = makeDemo()
        let base = (dir as NSString).deletingLastPathComponent
        XCTAssertEqual(run(["export", "-o", base + "/s.xlsx"] + CLI.opts(dir)).status, 0)
        let roster = run(["list", "--json"] + CLI.opts(dir))
        XCTAssertEqual(roster.status, 0)
        XCTAssertTrue(FileManager.default.createFile(atPath: base + "/roster.json", contents: Data(roster.stdout.utf8)))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", CLI.root + "/Scripts/oracle-summary.py", base + "/s.xlsx", base + "/roster.json"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "python3 with openpyxl (Scripts/test installs it): \(text)")
        XCTAssertEqual(text, "36\n", "the whole and five groups, six indicators each, compared")
    }
}
