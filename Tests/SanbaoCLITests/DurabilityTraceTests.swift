import Foundation
import XCTest

/// Issue 20: "saved" means on disk. Each command runs under `strace`, an observer that
/// shares no code with Sanbao, and its system calls are held to the promise of
/// docs/storage.md: before the command says anything to its user, every byte it wrote to
/// a data or output file was fsynced, every file it replaced was fsynced before the rename
/// and its directory after. Dropping any one fsync, or acknowledging before it, fails here.
final class DurabilityTraceTests: XCTestCase {
    /// One system call as strace reports it, with the path its descriptor stood for then.
    struct Call {
        var name: String
        var fd: Int32?
        var path: String?
        var paths: [String]
    }

    func testCheckEditAndRecordCommandsSyncBeforeTheyAcknowledge() throws {
        let dir = makeDemo()
        try assertDurable(["check", "621121103201-0007", "--set", "water=met"] + CLI.opts(dir), writes: ["checks/621121103201.jsonl"])
        // The first edit of the village creates its edits file: made whole, renamed, the folder synced.
        try assertDurable(["edit", "621121103201-0003", "phone=13900000001"] + CLI.opts(dir), writes: ["edits/621121103201.jsonl"])
        try assertDurable(["member", "add", "621121103201-0003", "--name", "雒小宝", "--relation", "之子", "--sex", "男",
                           "--birth-date", "2026-10-01"] + CLI.opts(dir), writes: ["edits/621121103201.jsonl"])
    }

    func testExportBundleAndImportSyncBeforeTheyAcknowledge() throws {
        let dir = makeDemo()
        let work = (dir as NSString).deletingLastPathComponent
        try assertDurable(["export", "-o", work + "/r.xlsx"] + CLI.opts(dir), writes: ["../r.xlsx"])
        try assertDurable(["bundle", "-o", work + "/b.json"] + CLI.opts(dir), writes: ["../b.json"])
        let other = work + "/other"
        XCTAssertEqual(run(["init", other]).status, 0)
        try assertDurable(["import", work + "/b.json"] + CLI.opts(other), writes: ["households/621121103201.jsonl", "checks/621121103201.jsonl"],
                          in: other)
    }

    /// Runs `args` under strace and checks the durability promise for every file written
    /// before the first byte of standard output; `writes` (relative to `in`, default the
    /// data directory in `args`) must be among the files so written.
    func assertDurable(_ args: [String], writes expected: [String], in root: String? = nil,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let dataDir = root ?? args[(args.firstIndex(of: "--data") ?? 0) + 1]
        let calls = try trace(args)
        guard let ack = calls.firstIndex(where: { $0.name == "write" && $0.fd == 1 }) else {
            return XCTFail("\(args[0]) printed nothing to acknowledge", file: file, line: line)
        }
        let before = Array(calls[..<ack])
        var written: Set<String> = []
        for (i, c) in before.enumerated() where c.name == "write" && c.path.map(isDataPath) == true {
            let path = c.path!
            written.insert(path)
            // The bytes were synced through the same descriptor before the acknowledgement.
            XCTAssertTrue(before[(i + 1)...].contains { $0.name == "fsync" && $0.fd == c.fd && $0.path == path },
                          "\(args[0]): \(path) written but not fsynced before the acknowledgement", file: file, line: line)
        }
        for (i, c) in before.enumerated() where c.name == "rename" && isDataPath(c.paths[1]) {
            let (from, to) = (c.paths[0], c.paths[1])
            XCTAssertTrue(before[..<i].contains { $0.name == "fsync" && $0.path == from },
                          "\(args[0]): \(from) renamed before it was fsynced", file: file, line: line)
            let folder = (to as NSString).deletingLastPathComponent
            XCTAssertTrue(before[(i + 1)...].contains { $0.name == "fsync" && $0.path.map(standard) == standard(folder) },
                          "\(args[0]): \(folder) not fsynced after \(to) was renamed into it", file: file, line: line)
            written.insert(to)
        }
        for e in expected {
            let path = standard(dataDir + "/" + e)
            XCTAssertTrue(written.contains { standard($0) == path }, "\(args[0]): \(e) was not written before the acknowledgement (wrote \(written.sorted()))",
                          file: file, line: line)
        }
    }

    /// Files whose bytes are promised durable: not devices, not the lock, not the roster
    /// index (a cache, checked on reading and rebuilt, written without fsync on purpose).
    func isDataPath(_ path: String) -> Bool {
        path.hasPrefix("/") && !path.hasPrefix("/dev/") && !path.hasPrefix("/proc/") && !path.hasSuffix("/.lock") && !path.contains("/index/")
    }

    func standard(_ path: String) -> String { (path as NSString).standardizingPath }

    /// The file system calls of `sanbao args`, in order, every thread's, with descriptors
    /// resolved to the paths they were opened with.
    func trace(_ args: [String]) throws -> [Call] {
        let log = tempPath("strace") + ".txt"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["strace", "-f", "-qq", "-o", log, "-e", "trace=openat,write,fsync,fdatasync,rename,renameat,renameat2,close",
                       CLI.binary] + args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "strace \(args.joined(separator: " ")) (Scripts/test installs strace)")
        return parse(try String(contentsOfFile: log, encoding: .utf8))
    }

    func parse(_ text: String) -> [Call] {
        var pending: [Substring: String] = [:]
        var open: [Int32: String] = [:]
        var calls: [Call] = []
        for raw in text.split(separator: "\n") {
            guard let space = raw.firstIndex(of: " ") else { continue }
            let pid = raw[..<space]
            var body = String(raw[raw.index(after: space)...]).trimmingCharacters(in: .whitespaces)
            if body.hasSuffix("<unfinished ...>") {
                pending[pid] = String(body.dropLast("<unfinished ...>".count))
                continue
            }
            if body.hasPrefix("<... "), let end = body.range(of: " resumed>") {
                body = (pending.removeValue(forKey: pid) ?? "") + body[end.upperBound...]
            }
            guard let paren = body.firstIndex(of: "(") else { continue }
            let name = String(body[..<paren])
            let quoted = body.matches(of: /"((?:[^"\\]|\\.)*)"/).map { String($0.1) }
            let result = body.range(of: " = ").map { Int32(body[$0.upperBound...].prefix { $0 == "-" || $0.isNumber }) ?? -1 } ?? -1
            let firstArg = Int32(body[body.index(after: paren)...].prefix { $0.isNumber })
            switch name {
            case "openat":
                if result >= 0, let path = quoted.first { open[result] = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path }
            case "close":
                if let fd = firstArg { open[fd] = nil }
            case "write", "fsync", "fdatasync":
                calls.append(Call(name: name == "fdatasync" ? "fsync" : name, fd: firstArg, path: firstArg.flatMap { open[$0] }, paths: []))
            case "rename", "renameat", "renameat2":
                if result == 0, quoted.count == 2 { calls.append(Call(name: "rename", fd: nil, path: nil, paths: quoted)) }
            default:
                break
            }
        }
        return calls
    }
}
