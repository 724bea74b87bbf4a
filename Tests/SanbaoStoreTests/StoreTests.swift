import Foundation
import SanbaoCore
@testable import SanbaoStore
import XCTest

final class StoreTests: XCTestCase {
    func testSavedCheckIsReadBackAfterReopen() throws {
        let layout = try Fixture.dataDir(self)
        let store = try Store(layout: layout, write: true, now: Fixture.fixedNow)
        try store.save(Fixture.check("k1"))
        store.close()
        let again = try Store(layout: layout, write: false)
        XCTAssertEqual(again.dataset.checks, [Fixture.check("k1")])
        XCTAssertTrue(again.problems.isEmpty, "\(again.problems)")
    }

    func testFirstCheckOfAVillageCreatesTheFileWithItsHeader() throws {
        let layout = try Fixture.dataDir(self)
        let file = layout.path("checks/\(Fixture.village).jsonl")
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
        let store = try Store(layout: layout, write: true, now: Fixture.fixedNow)
        try store.save(Fixture.check("k1"))
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0], #"{"kind":"checks","schema_version":1,"village_code":"621121103201"}"#)
    }

    func testDirectoryAndFilesArePrivate() throws {
        let layout = try Fixture.dataDir(self)
        let store = try Store(layout: layout, write: true, now: Fixture.fixedNow)
        try store.save(Fixture.check("k1"))
        func mode(_ p: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: p)[.posixPermissions] as! NSNumber).intValue
        }
        XCTAssertEqual(try mode(layout.root), 0o700)
        for f in ["sanbao.json", "cadres.json", "households/\(Fixture.village).jsonl", "checks/\(Fixture.village).jsonl"] {
            XCTAssertEqual(try mode(layout.path(f)), 0o600, f)
        }
    }

    func testSecondWriterOpensReadOnlyAndSaysWhoHoldsTheLock() throws {
        let layout = try Fixture.dataDir(self)
        let first = try Store(layout: layout, write: true, now: Fixture.fixedNow)
        let second = try Store(layout: layout, write: true, now: Fixture.fixedNow)
        guard case .readOnly(let why) = second.access else { return XCTFail("second store should be read-only") }
        XCTAssertTrue(why.en.contains("pid \(getpid())"), why.en)
        XCTAssertTrue(why.en.contains("since 2026-11-29T08:00:00Z"), why.en)
        XCTAssertThrowsError(try second.save(Fixture.check("k2"))) { error in
            XCTAssertEqual((error as? StoreError)?.exitCode, 75)
        }
        XCTAssertTrue(second.dataset.checks.isEmpty)
        first.close()
        let third = try Store(layout: layout, write: true, now: Fixture.fixedNow)
        XCTAssertEqual(third.access, .readWrite)
    }

    func testLockLeftByADeadProcessDoesNotBlock() throws {
        let layout = try Fixture.dataDir(self)
        // A lock file as a crashed process leaves it: text naming a dead pid, no flock.
        try "pid=999999\nsince=2026-01-01T00:00:00Z\nhost=old\n".write(toFile: layout.path(".lock"), atomically: false, encoding: .utf8)
        let store = try Store(layout: layout, write: true, now: Fixture.fixedNow)
        XCTAssertEqual(store.access, .readWrite)
    }

    func testTornTailIsMovedAsideAndCompleteChecksKept() throws {
        let layout = try Fixture.dataDir(self)
        let store = try Store(layout: layout, write: true, now: Fixture.fixedNow)
        try store.save(Fixture.check("k1"))
        try store.save(Fixture.check("k2"))
        store.close()
        let file = layout.path("checks/\(Fixture.village).jsonl")
        let torn = Data(#"{"cadre_id":"c1","date":"2026-10-16","find"#.utf8)
        let handle = FileHandle(forWritingAtPath: file)!
        handle.seekToEndOfFile()
        handle.write(torn)
        handle.closeFile()

        let reopened = try Store(layout: layout, write: true, now: Fixture.fixedNow)
        XCTAssertEqual(reopened.dataset.checks.map(\.id), ["k1", "k2"])
        XCTAssertTrue(reopened.problems.isEmpty, "\(reopened.problems)")
        XCTAssertEqual(reopened.notices.count, 1)
        XCTAssertTrue(reopened.notices[0].en.contains("moved to damaged/"), reopened.notices[0].en)
        let aside = try FileManager.default.contentsOfDirectory(atPath: layout.path("damaged"))
        XCTAssertEqual(aside.count, 1)
        XCTAssertEqual(FileManager.default.contents(atPath: layout.path("damaged/" + aside[0])), torn)
        // The file is whole again: the next check appends cleanly after the last line.
        try reopened.save(Fixture.check("k3"))
        XCTAssertEqual(try Store(layout: layout, write: false).dataset.checks.map(\.id), ["k1", "k2", "k3"])
    }

    func testReadOnlyStoreDoesNotRepairTornTails() throws {
        let layout = try Fixture.dataDir(self)
        let store = try Store(layout: layout, write: true, now: Fixture.fixedNow)
        try store.save(Fixture.check("k1"))
        store.close()
        let file = layout.path("checks/\(Fixture.village).jsonl")
        let before = FileManager.default.contents(atPath: file)! + Data(#"{"id":"#.utf8)
        try before.write(to: URL(fileURLWithPath: file))
        let ro = try Store(layout: layout, write: false)
        XCTAssertEqual(ro.dataset.checks.map(\.id), ["k1"])
        XCTAssertEqual(FileManager.default.contents(atPath: file), before)
    }

    func testDamagedFileIsNeverWritten() throws {
        let layout = try Fixture.dataDir(self)
        let store = try Store(layout: layout, write: true, now: Fixture.fixedNow)
        try store.save(Fixture.check("k1"))
        store.close()
        let file = layout.path("checks/\(Fixture.village).jsonl")
        // Damage in the middle (not a torn tail): a line that is not JSON, then a good one.
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\n{\"cadre_id\"", with: "\nnot json\n{\"cadre_id\"")
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        let before = FileManager.default.contents(atPath: file)
        let damaged = try Store(layout: layout, write: true, now: Fixture.fixedNow)
        XCTAssertEqual(damaged.dataset.checks.map(\.id), ["k1"])
        XCTAssertEqual(damaged.problems.first?.line, 2)
        XCTAssertThrowsError(try damaged.save(Fixture.check("k2"))) { error in
            XCTAssertTrue((error as? StoreError)?.message.en.contains("is damaged") ?? false, "\(error)")
        }
        XCTAssertEqual(FileManager.default.contents(atPath: file), before)
    }

    func testSaveRefusesUnknownHouseholdAndDuplicateID() throws {
        let layout = try Fixture.dataDir(self)
        let store = try Store(layout: layout, write: true, now: Fixture.fixedNow)
        XCTAssertThrowsError(try store.save(Fixture.check("k1", household: 99)))
        try store.save(Fixture.check("k1"))
        XCTAssertThrowsError(try store.save(Fixture.check("k1")))
        XCTAssertEqual(store.dataset.checks.count, 1)
    }

    func testMissingDirectoryIsAnError() {
        XCTAssertThrowsError(try Store(layout: DataLayout(root: "/nonexistent/sanbao"), write: false)) { error in
            XCTAssertEqual((error as? StoreError)?.exitCode, 66)
        }
    }
}
