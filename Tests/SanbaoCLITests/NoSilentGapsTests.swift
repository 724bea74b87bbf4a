#if canImport(Glibc)
import Glibc
#endif
import Foundation
import XCTest

/// No silent gaps (issue 16, points 7, 8 and 9): a record directory or file that cannot be
/// read stops every reader with its name (exit 66), never reads as empty; a bundle left
/// in `incoming/` by an interrupted import, and every problem `validate` finds, is
/// reported by every reader.
final class NoSilentGapsTests: XCTestCase {
    /// The readers a user meets: validate, list, show, and the app (`--dump`, no curses).
    let readers: [[String]] = [["validate"], ["list"], ["show", "621121103201-0001"], ["open", "--dump", "80x24"]]

    /// Runs `sanbao` under `timeout`, so a reader that blocks (on a FIFO) fails the test
    /// instead of hanging it; as an unprivileged user when `asUser` (root reads anything).
    func runBounded(_ args: [String], asUser: Bool = false) -> (status: Int32, stdout: String, stderr: String) {
        let prefix = asUser && geteuid() == 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["timeout", "30"] + prefix + [CLI.binary] + args
        var environment = ProcessInfo.processInfo.environment
        environment["SANBAO_DATA"] = nil
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return (-1, "", "cannot run") }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    func assertEveryReaderRefuses(_ dir: String, naming name: String, saying why: String, asUser: Bool = false,
                                  file: StaticString = #filePath, line: UInt = #line) {
        for args in readers {
            let r = runBounded(args + CLI.opts(dir), asUser: asUser)
            XCTAssertEqual(r.status, 66, "\(args): \(r.stderr)", file: file, line: line)
            XCTAssertTrue(r.stderr.contains("cannot read \(name): \(why)"), "\(args): \(r.stderr)", file: file, line: line)
            XCTAssertFalse(r.stdout.contains("data is clean"), "\(args)", file: file, line: line)
        }
        let zh = runBounded(["validate"] + CLI.opts(dir, lang: "zh"), asUser: asUser)
        XCTAssertTrue(zh.stderr.contains("无法读取 \(name)："), zh.stderr, file: file, line: line)
    }

    func testADirectoryThatIsNotOne() throws {
        let dir = makeDemo()
        try FileManager.default.removeItem(atPath: dir + "/checks")
        try Data("not a directory\n".utf8).write(to: URL(fileURLWithPath: dir + "/checks"))
        assertEveryReaderRefuses(dir, naming: "checks/", saying: "not a directory")
    }

    func testADanglingLinkInsteadOfADirectoryOrFile() throws {
        let dir = makeDemo()
        try FileManager.default.removeItem(atPath: dir + "/edits")
        try FileManager.default.createSymbolicLink(atPath: dir + "/edits", withDestinationPath: "/nonexistent-sanbao-edits")
        assertEveryReaderRefuses(dir, naming: "edits/", saying: "a link to nothing")
        let other = makeDemo()
        try FileManager.default.removeItem(atPath: other + "/checks/621121103201.jsonl")
        try FileManager.default.createSymbolicLink(atPath: other + "/checks/621121103201.jsonl", withDestinationPath: "/nonexistent-sanbao")
        assertEveryReaderRefuses(other, naming: "checks/621121103201.jsonl", saying: "a link to nothing")
    }

    /// A FIFO where a records file should be: refused at once, not waited on for ever.
    func testAFIFOIsRefusedWithoutHanging() throws {
        let dir = makeDemo()
        let path = dir + "/households/621121103201.jsonl"
        try FileManager.default.removeItem(atPath: path)
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        assertEveryReaderRefuses(dir, naming: "households/621121103201.jsonl", saying: "not a regular file")
    }

    /// Permissions, as a user who is not root (root reads anything): the tree open to
    /// that user (the app takes the lock) but for the one directory or file taken away.
    func testPermissionDenied() throws {
        for target in ["checks", "edits", "households", "checks/621121103201.jsonl"] {
            let dir = makeDemo()
            let parent = (dir as NSString).deletingLastPathComponent
            XCTAssertEqual(Self.shell("chmod -R a+rwX '\(parent)' && chmod 000 '\(dir)/\(target)'"), 0)
            let name = target.hasSuffix(".jsonl") ? target : target + "/"
            assertEveryReaderRefuses(dir, naming: name, saying: "permission denied", asUser: true)
            XCTAssertEqual(Self.shell("chmod -R u+rwX '\(parent)'"), 0)
        }
    }

    /// A bundle in `incoming/` (an import killed half way): `validate` does not call the
    /// data clean, `list` and `show` warn, the app says it on its status line when it may
    /// not write (holding the lock elsewhere) and finishes the import when it may.
    func testAnUnfinishedImportIsReported() throws {
        let dir = makeDemo()
        let work = (dir as NSString).deletingLastPathComponent
        XCTAssertEqual(run(["bundle", "-o", "b.json"] + CLI.opts(dir), cwd: work).status, 0)
        try FileManager.default.createDirectory(atPath: dir + "/incoming", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: work + "/b.json", toPath: dir + "/incoming/0123456789abcdef.json")
        let said = "incoming/0123456789abcdef.json: an import was interrupted and is unfinished"
        let validate = run(["validate"] + CLI.opts(dir))
        XCTAssertEqual(validate.status, 65, validate.stdout + validate.stderr)
        XCTAssertTrue(validate.stdout.contains(said), validate.stdout)
        for args in [["list"], ["show", "621121103201-0001"]] {
            let r = run(args + CLI.opts(dir))
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stderr.contains(said), "\(args): \(r.stderr)")
        }
        // Another Sanbao holds the lock: the app opens read-only and says it.
        let fd = open(dir + "/.lock", O_RDWR | O_CREAT, 0o600)
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        let readOnly = run(["open", "--dump", "120x24"] + CLI.opts(dir))
        XCTAssertTrue(readOnly.stdout.contains("incoming/0123456789abcdef.json"), readOnly.stdout)
        close(fd)
        let writable = run(["open", "--dump", "120x24"] + CLI.opts(dir))
        XCTAssertTrue(writable.stdout.contains("finished an import that was interrupted"), writable.stdout)
        XCTAssertEqual(run(["validate"] + CLI.opts(dir)).status, 0)
    }

    /// What `validate` finds (issue 16, point 8) — here a check id twice — every reader
    /// says as "N problems, run sanbao validate", the app on its status line; and the
    /// app caches no roster index of that village.
    func testEveryReaderCountsWhatValidateFinds() throws {
        let dir = makeDemo()
        let work = (dir as NSString).deletingLastPathComponent
        let file = dir + "/checks/621121103201.jsonl"
        var lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
        lines.insert(lines[1], at: 2)
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let validate = run(["validate"] + CLI.opts(dir))
        XCTAssertEqual(validate.status, 65)
        XCTAssertEqual(validate.stderr, "1 error(s) found\n")
        let readers = [["list"], ["show", "621121103201-0001"], ["history", "621121103201-0001"], ["conflicts"],
                       ["bundle", "-o", work + "/b.json"], ["export", "-o", work + "/r.csv"]]
        for args in readers {
            let r = run(args + CLI.opts(dir))
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("sanbao: 1 problem in the data, run sanbao validate"), "\(args): \(r.stderr)")
        }
        let zh = run(["list"] + CLI.opts(dir, lang: "zh"))
        XCTAssertTrue(zh.stderr.contains("sanbao: 数据有 1 处问题，请运行 sanbao validate 查看"), zh.stderr)
        let app = run(["open", "--dump", "200x24"] + CLI.opts(dir))
        XCTAssertTrue(app.stdout.contains("1 problem in the data, run sanbao validate"), app.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/index/621121103201.jsonl"), "a damaged village is never cached")
    }

    static func shell(_ command: String) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}
