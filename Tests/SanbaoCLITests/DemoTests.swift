import Foundation
import XCTest

/// `sanbao demo DIR` writes exactly the committed Fixtures/demo, privately, and never
/// into a directory that holds something.
final class DemoTests: XCTestCase {
    func testDemoWritesTheCommittedFixture() throws {
        let dir = tempPath() + "/wenfeng"
        let r = run(["demo", dir, "--lang", "en"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "Demo village written to \(dir)\n")
        XCTAssertEqual(r.stderr, "")

        let written = snapshot(dir)
        let committed = snapshot(CLI.demoFixture)
        XCTAssertEqual(written.keys.sorted(), committed.keys.sorted(), "the same files as Fixtures/demo")
        for name in ["cadres.json", "sanbao.json", "households/621121103201.jsonl", "checks/621121103201.jsonl"] {
            XCTAssertNotNil(written[name], "\(name) written")
        }
        for (name, bytes) in committed where name != "sanbao.json" {
            XCTAssertEqual(written[name], bytes,
                           "\(name) differs from Fixtures/demo: regenerate with rm -rf Fixtures/demo && sanbao demo Fixtures/demo")
        }
        XCTAssertTrue(committed.keys.contains { $0.hasPrefix("households/") && $0.hasSuffix(".jsonl") })
        XCTAssertTrue(committed.keys.contains { $0.hasPrefix("checks/") && $0.hasSuffix(".jsonl") })

        // The manifest differs per run only in device_id and created.
        for (label, data) in [("written", written["sanbao.json"]), ("committed", committed["sanbao.json"])] {
            let m = try XCTUnwrap(try JSONSerialization.jsonObject(with: data ?? Data()) as? [String: Any], label)
            XCTAssertEqual(Set(m.keys), ["schema_version", "device_id", "created"], label)
            XCTAssertEqual(m["schema_version"] as? Int, 1, label)
            XCTAssertTrue(matches(m["device_id"] as? String ?? "", "demo-[0-9a-f]{1,8}"), "\(label): \(m["device_id"] ?? "nil")")
            XCTAssertTrue(matches(m["created"] as? String ?? "", #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#), label)
        }
    }

    func testEachCopyIsItsOwnDevice() throws {
        let a = makeDemo(), b = makeDemo()
        func device(_ dir: String) throws -> String? {
            let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/sanbao.json"))
            return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["device_id"] as? String
        }
        XCTAssertNotEqual(try device(a), try device(b), "two demo copies must be distinct devices so they can be merged")
    }

    func testDemoIntoAnEmptyExistingDirectory() throws {
        let dir = tempPath()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let r = run(["demo", dir, "--lang", "en"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertNotNil(snapshot(dir)["cadres.json"])
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: dir)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o700, "an existing directory is made private too")
    }

    func testDemoRefusesANonEmptyDirectory() throws {
        let dir = tempPath()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data("my notes\n".utf8).write(to: URL(fileURLWithPath: dir + "/notes.txt"))
        let before = snapshot(dir, excluding: [])
        let r = run(["demo", dir, "--lang", "en"])
        XCTAssertEqual(r.status, 73, r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, "sanbao: directory is not empty, refusing to write: \(dir)\n")
        assertSameFiles(snapshot(dir, excluding: []), before, "a refused demo")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["notes.txt"])

        // Nor over an existing data directory.
        let data = makeDemo()
        let old = snapshot(data, excluding: [])
        let again = run(["demo", data, "--lang", "zh"])
        XCTAssertEqual(again.status, 73)
        XCTAssertEqual(again.stderr, "sanbao: 目录不为空，拒绝写入：\(data)\n")
        assertSameFiles(snapshot(data, excluding: []), old, "demo over a data directory")
    }

    func testDemoCannotCreate() {
        let r = run(["demo", "/proc/sanbao-cannot-be-here", "--lang", "en"])
        XCTAssertEqual(r.status, 73, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("sanbao: cannot create /proc/sanbao-cannot-be-here"), r.stderr)
    }

    func testDemoIsPrivate() throws {
        let dir = makeDemo()
        let fm = FileManager.default
        func mode(_ path: String) throws -> Int {
            try XCTUnwrap(fm.attributesOfItem(atPath: path)[.posixPermissions] as? Int) & 0o777
        }
        XCTAssertEqual(try mode(dir), 0o700, "the data directory holds ID numbers: 0700")
        let entries = try XCTUnwrap(fm.subpathsOfDirectory(atPath: dir))
        XCTAssertFalse(entries.isEmpty)
        for rel in entries {
            var isDir: ObjCBool = false
            XCTAssertTrue(fm.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir))
            XCTAssertEqual(try mode(dir + "/" + rel), isDir.boolValue ? 0o700 : 0o600, rel)
        }
    }
}
