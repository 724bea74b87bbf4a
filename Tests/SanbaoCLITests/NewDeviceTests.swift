import Foundation
import XCTest

/// Issue 20: a mistyped `--data` must not start a second data set. `import` into a
/// directory that does not exist is 66 and creates nothing; `sanbao init` is the explicit
/// start of a new device, which an import then fills.
final class NewDeviceTests: XCTestCase {
    func testImportIntoAMissingDirectoryIs66AndCreatesNothing() throws {
        let demo = makeDemo()
        let base = (demo as NSString).deletingLastPathComponent
        XCTAssertEqual(run(["bundle", "-o", base + "/b.json"] + CLI.opts(demo)).status, 0)
        let nope = base + "/nope"
        let r = run(["import", base + "/b.json"] + CLI.opts(nope))
        XCTAssertEqual(r.status, 66, r.stderr)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.hasPrefix("sanbao: data directory does not exist: \(nope) (on a new device, sanbao init \(nope) makes an empty one"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: nope), "the mistyped directory was created")
        let zh = run(["import", base + "/b.json"] + CLI.opts(nope, lang: "zh"))
        XCTAssertEqual(zh.status, 66)
        XCTAssertTrue(zh.stderr.contains("新设备先用 sanbao init \(nope) 建立空的数据目录"), zh.stderr)
    }

    func testInitMakesAnEmptyDataDirectoryThatAnImportFills() throws {
        let demo = makeDemo()
        let base = (demo as NSString).deletingLastPathComponent
        XCTAssertEqual(run(["bundle", "-o", base + "/b.json"] + CLI.opts(demo)).status, 0)
        let fresh = base + "/fresh"
        let made = run(["init", fresh, "--lang", "en"])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(made.stdout, "empty data directory made: \(fresh) (fill it with sanbao import BUNDLE or sanbao intake ROSTER)\n")
        let fm = FileManager.default
        XCTAssertEqual(Set(try fm.contentsOfDirectory(atPath: fresh)), ["sanbao.json", "cadres.json", "households", "checks", "edits"])
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: fresh + "/households"), [])
        let manifest = try XCTUnwrap(parseJSON(String(decoding: fm.contents(atPath: fresh + "/sanbao.json")!, as: UTF8.self)) as? [String: Any])
        XCTAssertTrue((manifest["device_id"] as? String)?.hasPrefix("dev-") ?? false, "\(manifest)")
        let cadres = try XCTUnwrap(parseJSON(String(decoding: fm.contents(atPath: fresh + "/cadres.json")!, as: UTF8.self)) as? [String: Any])
        XCTAssertEqual((cadres["cadres"] as? [Any])?.count, 0)
        XCTAssertEqual(try fm.attributesOfItem(atPath: fresh)[.posixPermissions] as? Int, 0o700)

        let empty = run(["list"] + CLI.opts(fresh))
        XCTAssertEqual(empty.status, 0, empty.stderr)
        XCTAssertTrue(empty.stdout.contains("0 households"), empty.stdout)
        XCTAssertEqual(run(["validate"] + CLI.opts(fresh)).status, 0)

        let imported = run(["import", base + "/b.json"] + CLI.opts(fresh))
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(imported.stdout, "imported 44 households, 193 checks, 0 edits, 3 cadres\n")
        XCTAssertEqual(run(["list", "--json"] + CLI.opts(fresh)).stdout, run(["list", "--json"] + CLI.opts(demo)).stdout)
    }

    func testInitRefusesADirectoryThatIsNotEmpty() throws {
        let demo = makeDemo()
        let before = snapshot(demo)
        let r = run(["init", demo, "--lang", "en"])
        XCTAssertEqual(r.status, 73)
        XCTAssertEqual(r.stderr, "sanbao: directory is not empty, refusing to write: \(demo)\n")
        assertSameFiles(snapshot(demo), before, "init over a data directory")
    }

    /// With no DIR, init makes the data directory the other commands would use.
    func testInitWithoutADirectoryUsesTheDataDirectory() throws {
        let base = tempPath()
        let r = run(["init", "--lang", "en"], env: ["SANBAO_DATA": base + "/d"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: base + "/d/sanbao.json"))
    }
}
