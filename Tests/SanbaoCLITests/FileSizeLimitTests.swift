import Foundation
import XCTest

/// Disk full and file-size limits (issue 16, point 10), with a real limit: `prlimit
/// --fsize` runs `sanbao` so that its write crosses the limit part way. Before, the
/// kernel killed it with SIGXFSZ, silently, leaving a torn line or a temporary file.
final class FileSizeLimitTests: XCTestCase {
    func runLimited(_ bytes: Int, _ args: [String], cwd: String) -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["prlimit", "--fsize=\(bytes)", CLI.binary] + args
        p.currentDirectoryURL = URL(fileURLWithPath: cwd)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return (-1, "", "cannot run prlimit") }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let status = p.terminationReason == .uncaughtSignal ? 128 + p.terminationStatus : p.terminationStatus
        return (status, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// A check whose line crosses the limit: exit 74 with the reason, the checks file
    /// back to its bytes before, `validate` clean, and the next check saved as usual.
    func testACheckPastTheLimitLeavesNoPartialLine() throws {
        let dir = makeDemo()
        let file = dir + "/checks/621121103201.jsonl"
        let before = try XCTUnwrap(FileManager.default.contents(atPath: file))
        let note = String(repeating: "水窖干涸", count: 300)
        let r = runLimited(before.count + 100, ["check", "621121103201-0007", "--set", "water=not_met:" + note] + CLI.opts(dir), cwd: dir)
        XCTAssertEqual(r.status, 74, r.stderr)
        XCTAssertTrue(r.stderr.contains("File too large"), r.stderr)
        XCTAssertEqual(r.stdout, "", "no id printed: nothing saved")
        XCTAssertEqual(FileManager.default.contents(atPath: file), before, "cut back to its old length")
        XCTAssertEqual(run(["validate"] + CLI.opts(dir)).status, 0)
        XCTAssertEqual(run(["check", "621121103201-0007", "--set", "water=met"] + CLI.opts(dir)).status, 0)
    }

    /// An edit whose line crosses the limit: 74 naming the edits file, no id printed, the
    /// edits file as it was, and the household unchanged.
    func testAnEditPastTheLimitIs74AndSavesNothing() throws {
        let dir = makeDemo()
        let file = dir + "/edits/621121103201.jsonl"
        let before = FileManager.default.contents(atPath: file) ?? Data()
        let r = runLimited(before.count + 40, ["edit", "621121103201-0003", "phone=13900000001"] + CLI.opts(dir), cwd: dir)
        XCTAssertEqual(r.status, 74, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("sanbao: I/O error on \(dir)/edits"), r.stderr)
        XCTAssertEqual(r.stdout, "", "no id printed: nothing saved")
        XCTAssertEqual(FileManager.default.contents(atPath: file) ?? Data(), before)
        XCTAssertFalse(run(["show", "621121103201-0003"] + CLI.opts(dir)).stdout.contains("13900000001"))
    }

    /// An import whose bundle is journalled but whose checks file then cannot grow (issue
    /// 19): 74, said as stopped part-way and to be finished (never "nothing was imported"),
    /// no raw decoding error; the next write-open finishes it and the check arrives.
    func testAnImportCutShortPartWaySaysSoAndIsFinishedNext() throws {
        let here = makeDemo(), there = makeDemo()
        let work = (there as NSString).deletingLastPathComponent
        let made = run(["check", "621121103201-0007", "--set", "water=met", "--note", "远方设备的检查"] + CLI.opts(there))
        XCTAssertEqual(made.status, 0, made.stderr)
        let checkID = made.stdout.trimmingCharacters(in: .newlines)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run(["list", "--json"] + CLI.opts(there)).stdout.utf8)) as? [[String: Any]])
        let cadre = try XCTUnwrap(rows.first { $0["id"] as? String == "621121103201-0007" }?["cadre"] as? String)
        let bundle = work + "/one-cadre.json"
        XCTAssertEqual(run(["bundle", "--cadre", cadre, "-o", bundle] + CLI.opts(there)).status, 0)
        let checks = here + "/checks/621121103201.jsonl"
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: checks)[.size] as? Int)
        let journal = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: bundle)[.size] as? Int)
        XCTAssertLessThan(journal + 100, size, "the journal must fit under a limit the checks file is already past")
        let r = runLimited(journal + 100, ["import", bundle] + CLI.opts(here), cwd: here)
        XCTAssertEqual(r.status, 74, r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.hasPrefix("sanbao: importing \(bundle) stopped part-way ("), r.stderr)
        XCTAssertTrue(r.stderr.hasSuffix("what was written is kept, and the next open for writing finishes the import\n"), r.stderr)
        XCTAssertFalse(r.stderr.contains("nothing was imported") || r.stderr.contains("DecodingError"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: here + "/incoming").count, 1, "the journal waits")
        let next = run(["edit", "621121103201-0003", "phone=13900000003"] + CLI.opts(here))
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertTrue(next.stderr.contains("finished an import that was interrupted"), next.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: here + "/incoming"), [])
        XCTAssertTrue(run(["history", "621121103201-0007"] + CLI.opts(here)).stdout.contains("远方设备的检查"), "\(checkID) arrived")
        XCTAssertEqual(run(["validate"] + CLI.opts(here)).status, 0)
    }

    /// Every other command that writes, past a limit its write crosses: 74 with the reason,
    /// no acknowledgement, no temporary file, the data as it was (issue 20: "exit 74 of
    /// every command").
    func testEveryWritingCommandSays74AndLeavesNothing() throws {
        let dir = makeDemo()
        let work = (dir as NSString).deletingLastPathComponent
        let edits = dir + "/edits/621121103201.jsonl"
        let commands: [(String, Int, [String])] = [
            ("bundle", 4_096, ["bundle", "-o", work + "/b.json"]),
            ("member add", 40, ["member", "add", "0003", "--name", "雒小宝", "--relation", "之子", "--sex", "男", "--birth-date", "2026-10-01"]),
            ("member leave", 40, ["member", "leave", "0002", "张浩宇", "--reason", "迁出", "--date", "2026-11-01"]),
            ("household set", 40, ["household", "set", "0003", "phone=13900000003"]),
            ("cadre add", 64, ["cadre", "add", "赵德胜", "--unit", "通渭县水务局"]),
            ("pair", 40, ["pair", "0002", "--cadre", "何志刚", "--from", "2026-12-01"]),
        ]
        let before = snapshot(dir)
        for (what, extra, args) in commands {
            let size = (try? FileManager.default.attributesOfItem(atPath: edits)[.size] as? Int) ?? 0
            let r = runLimited(max(size, extra), args + CLI.opts(dir), cwd: work)
            XCTAssertEqual(r.status, 74, "\(what): \(r.stderr)")
            XCTAssertEqual(r.stdout, "", "\(what): nothing acknowledged")
            XCTAssertTrue(r.stderr.contains("File too large"), "\(what): \(r.stderr)")
            assertSameFiles(snapshot(dir), before, what)
            XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: work).contains { $0.contains(".tmp-") }, what)
        }
    }

    /// An export past the limit: exit 74, said, no file and no temporary file left.
    func testAnExportPastTheLimitLeavesNothing() throws {
        let dir = makeDemo()
        let work = (dir as NSString).deletingLastPathComponent
        for name in ["r.xlsx", "r.csv"] {
            let r = runLimited(2000, ["export", "-o", name] + CLI.opts(dir), cwd: work)
            XCTAssertEqual(r.status, 74, "\(name): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("File too large"), r.stderr)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work).filter { $0.contains(name) }, [], name)
        }
    }

    /// A temporary file an earlier, killed export left is removed by the next export to
    /// the same name; one of a process still running is not.
    func testStaleTemporariesAreCleanedUp() throws {
        let dir = makeDemo()
        let work = (dir as NSString).deletingLastPathComponent
        let stale = work + "/.r.xlsx.tmp-2147483646-12345", live = work + "/.r.xlsx.tmp-\(getpid())-777"
        for path in [stale, live] { try Data("partial".utf8).write(to: URL(fileURLWithPath: path)) }
        XCTAssertEqual(run(["export", "-o", "r.xlsx"] + CLI.opts(dir), cwd: work).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale), "the dead process's temporary file is gone")
        XCTAssertTrue(FileManager.default.fileExists(atPath: live), "a running process's is left alone")
        XCTAssertTrue(FileManager.default.fileExists(atPath: work + "/r.xlsx"))
    }
}
