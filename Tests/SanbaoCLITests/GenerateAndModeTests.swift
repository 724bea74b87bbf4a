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
        for path in all where path != ".lock" {
            var isDir: ObjCBool = false
            fm.fileExists(atPath: dir + "/" + path, isDirectory: &isDir)
            XCTAssertEqual(try mode(dir + "/" + path), isDir.boolValue ? 0o700 : 0o600, path)
        }
        XCTAssertEqual(try mode(dir), 0o700)
    }
}
