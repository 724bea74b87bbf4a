#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import XCTest

/// End-to-end tests run the real `sanbao` executable that `swift test` built beside the
/// test bundle, with fresh temporary data directories.
enum CLI {
    /// The repository root, found from this file's path (Tests/SanbaoCLITests/ → root).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The committed demo village.
    static let demoFixture = root + "/Fixtures/demo"

    static func invalidFixture(_ name: String) -> String { root + "/Fixtures/invalid/" + name }

    /// The date every test judges by (`--today`, a hidden global option).
    static let today = "2026-11-29"

    /// The `sanbao` executable next to the running test bundle (`.build/<triple>/debug/`
    /// or a `--scratch-path` equivalent), built with it. Not found, the tests fail: they
    /// never fall back to `<repo>/.build/debug/sanbao`, which may be an older build (issue 20).
    static let binary: String = {
        let fm = FileManager.default
        var starts: [URL] = []
        if let arg0 = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: arg0).standardizedFileURL) }
        starts.append(Foundation.Bundle.main.bundleURL.standardizedFileURL)
        if let exe = Foundation.Bundle.main.executableURL { starts.append(exe.standardizedFileURL) }
        for start in starts {
            var dir = start.deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = dir.appendingPathComponent("sanbao").path
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue, fm.isExecutableFile(atPath: candidate) {
                    return candidate
                }
                if dir.path == "/" { break }
                dir = dir.deletingLastPathComponent()
            }
        }
        return "/nonexistent/sanbao-not-built-beside-the-test-bundle"
    }()

    /// `--data DIR --today 2026-11-29 --lang LANG`.
    static func opts(_ dir: String, lang: String = "en") -> [String] {
        ["--data", dir, "--today", today, "--lang", lang]
    }
}

/// Collects a pipe's bytes on another thread, so a child writing a lot to both pipes
/// never blocks.
final class PipeDrain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        let thread = Thread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
        thread.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// Runs `sanbao` with `args`; the environment is this process's without `SANBAO_DATA`,
/// plus `env`. Returns the exit status and everything written to stdout and stderr.
func runSanbao(_ args: [String], env: [String: String] = [:], cwd: String? = nil,
               file: StaticString = #filePath, line: UInt = #line) -> (status: Int32, stdout: String, stderr: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: CLI.binary)
    p.arguments = args
    var environment = ProcessInfo.processInfo.environment
    environment["SANBAO_DATA"] = nil
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    do {
        try p.run()
    } catch {
        XCTFail("cannot run \(CLI.binary): \(error) (build it with swift build)", file: file, line: line)
        return (-1, "", "")
    }
    let errDrain = PipeDrain(err.fileHandleForReading)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = errDrain.wait()
    p.waitUntilExit()
    let status = p.terminationReason == .uncaughtSignal ? 128 + p.terminationStatus : p.terminationStatus
    return (status, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

extension XCTestCase {
    /// Runs `sanbao` with `args` (see `runSanbao`).
    @discardableResult
    func run(_ args: [String], env: [String: String] = [:], cwd: String? = nil,
             file: StaticString = #filePath, line: UInt = #line) -> (status: Int32, stdout: String, stderr: String) {
        runSanbao(args, env: env, cwd: cwd, file: file, line: line)
    }

    /// A path for a fresh temporary directory (not created), removed when the test ends.
    func tempPath(_ name: String = "sanbao-cli") -> String {
        let dir = NSTemporaryDirectory() + name + "-" + UUID().uuidString
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    /// A fresh data directory holding the demo village, written by `sanbao demo`.
    func makeDemo(file: StaticString = #filePath, line: UInt = #line) -> String {
        let base = tempPath()
        try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let dir = base + "/data"
        let r = run(["demo", dir, "--lang", "en"])
        XCTAssertEqual(r.status, 0, "sanbao demo failed: \(r.stderr)", file: file, line: line)
        return dir
    }
}

/// Every regular file under `dir`, by path relative to `dir`, with its bytes. The lock
/// file is left out by default: its text names the last writer, not data.
func snapshot(_ dir: String, excluding: Set<String> = [".lock"]) -> [String: Data] {
    var out: [String: Data] = [:]
    let fm = FileManager.default
    guard let e = fm.enumerator(atPath: dir) else { return out }
    while let rel = e.nextObject() as? String {
        if excluding.contains(rel) { continue }
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
            out[rel] = fm.contents(atPath: dir + "/" + rel) ?? Data()
        }
    }
    return out
}

/// Asserts two snapshots hold the same files with the same bytes, naming what differs.
func assertSameFiles(_ a: [String: Data], _ b: [String: Data], _ what: String,
                     file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.keys.sorted(), b.keys.sorted(), "\(what): the set of files differs", file: file, line: line)
    for k in a.keys.sorted() where b[k] != nil && a[k] != b[k] {
        XCTFail("\(what): \(k) differs (\(a[k]!.count) vs \(b[k]!.count) bytes)", file: file, line: line)
    }
}

/// Parses JSON text (top level may be anything).
func parseJSON(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Any? {
    do {
        return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    } catch {
        XCTFail("not JSON: \(error)\n\(text.prefix(500))", file: file, line: line)
        return nil
    }
}

/// Terminal cells of text: CJK ideographs and full-width forms take two.
func displayWidth(_ text: some StringProtocol) -> Int {
    text.unicodeScalars.reduce(0) { n, s in
        let v = s.value
        let wide = (0x4E00...0x9FFF).contains(v) || (0x3000...0x303F).contains(v) || (0xFF00...0xFF60).contains(v)
        return n + (wide ? 2 : 1)
    }
}

/// Whether `text` matches the regular expression `pattern` as a whole.
func matches(_ text: String, _ pattern: String) -> Bool {
    text.range(of: "^(?:" + pattern + ")$", options: .regularExpression) != nil
}

/// The lines of a JSON Lines file after its header, decoded.
func records(_ path: String) -> [[String: Any]] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst().compactMap {
        (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
    }
}

/// The states `list` and `show` print, and their letters in the text table.
let stateLetters: [String: Character] = ["met": "+", "not_met": "X", "follow_up": "!", "not_applicable": "-", "unchecked": "?"]
let indicatorKeys = ["income", "food_clothing", "water", "education", "medical", "housing"]
