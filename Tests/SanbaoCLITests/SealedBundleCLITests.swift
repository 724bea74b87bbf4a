import Foundation
import XCTest

/// `sanbao bundle --encrypt` and `sanbao import` of a sealed bundle, as a cadre uses
/// them: the passphrase from `SANBAO_PASSPHRASE` or typed without echo in a terminal;
/// a wrong passphrase or a changed byte refused with nothing written.
final class SealedBundleCLITests: XCTestCase {
    let secret = "麦子黄了-2026"
    var a = "", work = ""

    override func setUpWithError() throws {
        a = makeDemo()
        work = (a as NSString).deletingLastPathComponent
    }

    var env: [String: String] { ["SANBAO_PASSPHRASE": secret] }

    func seal() -> Data {
        let r = run(["bundle", "--encrypt", "-o", "a.sealed"] + CLI.opts(a), env: env, cwd: work)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "wrote sealed a.sealed: 44 households, 193 checks, 0 edits\n")
        return FileManager.default.contents(atPath: work + "/a.sealed") ?? Data()
    }

    func testSealedBundleTravelsAndHoldsNothingInClear() throws {
        let sealed = seal()
        XCTAssertEqual(String(decoding: sealed.prefix(23), as: UTF8.self), "SANBAO-SEALED-BUNDLE 1\n")
        let plain = try XCTUnwrap(FileManager.default.contents(atPath: a + "/households/621121103201.jsonl"))
        let id = try XCTUnwrap(String(decoding: plain, as: UTF8.self).firstMatch(of: /"id_number":"([0-9X]{18})"/)?.1)
        for secret in [String(id), "文峰村", "621121103201-0001"] {
            XCTAssertNil(sealed.range(of: Data(secret.utf8)), "\(secret) in clear")
        }
        let b = work + "/b"
        XCTAssertEqual(run(["init", b]).status, 0)
        let r = run(["import", "a.sealed"] + CLI.opts(b), env: env, cwd: work)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "imported 44 households, 193 checks, 0 edits, 3 cadres\n")
        XCTAssertEqual(run(["list", "--json"] + CLI.opts(b)).stdout, run(["list", "--json"] + CLI.opts(a)).stdout)
    }

    /// An independent reader opens the file as docs/data-format.md says: Python's
    /// hashlib.scrypt (OpenSSL) and the cryptography package's ChaCha20Poly1305.
    func testPythonOpensItAsDocumented() throws {
        _ = seal()
        let script = """
        import hashlib, json, sys
        from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
        f = open(sys.argv[1], "rb").read()
        assert f[:23] == b"SANBAO-SEALED-BUNDLE 1\\n"
        key = hashlib.scrypt(sys.argv[2].encode(), salt=f[26:42], n=2**f[23], r=f[24], p=f[25], dklen=32, maxmem=2**26)
        b = json.loads(ChaCha20Poly1305(key).decrypt(f[42:54], f[54:], f[:54]))
        print(b["kind"], len(b["households"]), len(b["cadres"]))
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, work + "/a.sealed", secret]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        XCTAssertEqual(out, "bundle 44 3\n")
    }

    /// A wrong passphrase, a changed byte, a cut file: exit 65, said, nothing written.
    func testRefusalsWriteNothing() throws {
        var sealed = seal()
        let before = snapshot(a)
        let cases: [(String, Data, [String: String], String)] = [
            ("wrong passphrase", sealed, ["SANBAO_PASSPHRASE": secret + "!"], "wrong passphrase"),
            ("a byte changed", { sealed[sealed.count / 2] ^= 0x20; return sealed }(), env, "changed or damaged"),
            ("cut short", sealed.prefix(40), env, "cut short"),
        ]
        for (what, bytes, environment, saying) in cases {
            try bytes.write(to: URL(fileURLWithPath: work + "/x.sealed"))
            let r = run(["import", "x.sealed"] + CLI.opts(a), env: environment, cwd: work)
            XCTAssertEqual(r.status, 65, "\(what): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("nothing was imported") && r.stderr.contains("cannot open sealed bundle x.sealed")
                          && r.stderr.contains(saying), "\(what): \(r.stderr)")
            assertSameFiles(snapshot(a), before, what)
        }
        let zh = run(["import", "x.sealed"] + CLI.opts(a, lang: "zh"), env: env, cwd: work)
        XCTAssertTrue(zh.stderr.contains("无法打开加密的数据包 x.sealed"), zh.stderr)
    }

    func testShortPassphraseWritesNoFile() {
        let r = run(["bundle", "--encrypt", "-o", "a.sealed"] + CLI.opts(a), env: ["SANBAO_PASSPHRASE": "short"], cwd: work)
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("at least 8 characters"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work + "/a.sealed"))
    }

    /// With no terminal and no `SANBAO_PASSPHRASE`: said, exit 64, nothing waits for input.
    func testNoTerminalNoPassphrase() throws {
        let sealed = seal()
        try sealed.write(to: URL(fileURLWithPath: work + "/b.sealed"))
        for args in [["bundle", "--encrypt", "-o", "c.sealed"], ["import", "b.sealed"]] {
            // setsid: no controlling terminal, whatever terminal the tests were started from.
            let r = runDetached(args + CLI.opts(a))
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("a passphrase is needed"), r.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: work + "/c.sealed"))
    }

    func runDetached(_ args: [String]) -> (status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        p.arguments = ["--wait", CLI.binary] + args
        p.currentDirectoryURL = URL(fileURLWithPath: work)
        var environment = ProcessInfo.processInfo.environment
        environment["SANBAO_PASSPHRASE"] = nil
        p.environment = environment
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return (-1, "cannot run setsid") }
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// The passphrase typed at a real terminal (tmux): asked twice when sealing, once when
/// importing, never shown on the screen.
final class PassphrasePromptTests: XCTestCase {
    var socket = ""

    override func tearDown() {
        _ = Self.spawnAndWait(["tmux", "-L", socket, "kill-server"])
    }

    func testTypedWithoutEcho() throws {
        let a = makeDemo()
        let work = (a as NSString).deletingLastPathComponent
        socket = "sanbao-pass-\(getpid())-\(UUID().uuidString.prefix(8))"
        let typed = "secret-wheat-26"
        let shell = "cd \(work) && \(CLI.binary) bundle --encrypt -o a.sealed --data \(a) --lang en; echo SEALED=$?; "
            + "\(CLI.binary) init \(work)/b >/dev/null && \(CLI.binary) import a.sealed --data \(work)/b --lang en; echo IMPORTED=$?; sleep 60"
        XCTAssertEqual(Self.spawnAndWait(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "20",
                                          "-e", "LANG=C.UTF-8", "sh", "-c", shell]), 0)
        try waitFor("Passphrase (at least 8 characters):")
        send(typed)
        try waitFor("Again:")
        send(typed)
        try waitFor("a.sealed is sealed; passphrase:")
        send(typed)
        let screen = try waitFor("IMPORTED=")
        XCTAssertTrue(screen.contains("SEALED=0") && screen.contains("IMPORTED=0"), screen)
        XCTAssertTrue(screen.contains("imported 44 households"), screen)
        XCTAssertFalse(screen.contains(typed), "the passphrase was shown:\n\(screen)")
    }

    func send(_ text: String) {
        _ = Self.spawnAndWait(["tmux", "-L", socket, "send-keys", "-t", "0", "-l", text])
        _ = Self.spawnAndWait(["tmux", "-L", socket, "send-keys", "-t", "0", "Enter"])
    }

    @discardableResult
    func waitFor(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let deadline = Date().addingTimeInterval(20)
        var last = ""
        while Date() < deadline {
            last = capture()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        XCTFail("screen never showed \"\(text)\"; last screen:\n\(last)", file: file, line: line)
        return last
    }

    func capture() -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tmux", "-L", socket, "capture-pane", "-p", "-t", "0"]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return "" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// posix_spawn and wait: Foundation's Process never sees `tmux new-session` exit
    /// (the server it forks inherits Process's internal descriptor).
    static func spawnAndWait(_ args: [String]) -> Int32 {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cargs = args.map { strdup($0) } + [nil]
        defer {
            cargs.forEach { free($0) }
            posix_spawn_file_actions_destroy(&actions)
        }
        guard posix_spawnp(&pid, args[0], &actions, nil, cargs, environ) == 0 else { return -1 }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return status
    }
}
