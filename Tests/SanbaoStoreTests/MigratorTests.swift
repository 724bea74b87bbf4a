import Foundation
import SanbaoCore
@testable import SanbaoStore
import XCTest

final class MigratorTests: XCTestCase {
    /// Writes the fixture dataset, then rewrites every file as "version 0", in which
    /// the household field `phone` was called `telephone`.
    func makeVersionZero() throws -> DataLayout {
        let layout = try Fixture.dataDir(self)
        for file in ["sanbao.json", "cadres.json", "households/\(Fixture.village).jsonl"] {
            var text = try String(contentsOfFile: layout.path(file), encoding: .utf8)
            text = text.replacingOccurrences(of: "\"schema_version\":1", with: "\"schema_version\":0")
                .replacingOccurrences(of: "\"schema_version\" : 1", with: "\"schema_version\" : 0")
                .replacingOccurrences(of: "\"phone\":\"139", with: "\"telephone\":\"139")
            try text.write(toFile: layout.path(file), atomically: false, encoding: .utf8)
        }
        return layout
    }

    let renamePhone = Migrator.Step(from: 0) { kind, record in
        guard kind == "households", let phone = record["telephone"] else { return record }
        var r = record
        r["telephone"] = nil
        r["phone"] = phone
        return r
    }

    func testOldFilesAreMigratedWithOriginalsBackedUp() throws {
        let layout = try makeVersionZero()
        let original = FileManager.default.contents(atPath: layout.path("households/\(Fixture.village).jsonl"))
        let notices = try Migrator(layout: layout, now: Fixture.fixedNow, steps: [renamePhone]).migrate()
        XCTAssertEqual(notices.count, 3)
        let backup = layout.path("backup/2026-11-29T080000Z/households/\(Fixture.village).jsonl")
        XCTAssertEqual(FileManager.default.contents(atPath: backup), original)
        // The originals hold ID numbers and health data like the files they copy: owner only.
        let mode = { (path: String) in (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1 }
        XCTAssertEqual(mode(backup), 0o600)
        XCTAssertEqual(mode(layout.path("backup/2026-11-29T080000Z/households")), 0o700)
        XCTAssertEqual(mode(layout.path("backup")), 0o700)
        XCTAssertEqual(mode(layout.path("households/\(Fixture.village).jsonl")), 0o600)
        let result = try DatasetReader(layout: layout).read()
        XCTAssertTrue(result.problems.isEmpty, "\(result.problems)")
        XCTAssertEqual(result.dataset.households, Fixture.dataset().households)
    }

    /// Migration as a user meets it: through opening the data. A read-only open changes
    /// nothing (and reports the old files); the first open for writing migrates, says so
    /// per file, and reads the migrated records.
    func testOpeningForWritingMigratesAndAReadOnlyOpenDoesNot() throws {
        let layout = try makeVersionZero()
        let file = layout.path("households/\(Fixture.village).jsonl")
        let original = FileManager.default.contents(atPath: file)
        let reading = try Store(layout: layout, write: false, now: Fixture.fixedNow, migrations: [renamePhone])
        XCTAssertTrue(reading.notices.isEmpty)
        reading.close()
        XCTAssertEqual(FileManager.default.contents(atPath: file), original, "a read-only open never migrates")
        XCTAssertFalse(FileManager.default.fileExists(atPath: layout.path("backup")))
        let writing = try Store(layout: layout, write: true, now: Fixture.fixedNow, migrations: [renamePhone])
        defer { writing.close() }
        XCTAssertEqual(writing.notices.count, 3, "\(writing.notices.map(\.en))")
        XCTAssertTrue(writing.notices.contains { $0.en.contains("households/\(Fixture.village).jsonl") }, "\(writing.notices.map(\.en))")
        XCTAssertEqual(writing.dataset.households, Fixture.dataset().households)
        XCTAssertEqual(FileManager.default.contents(atPath: layout.path("backup/2026-11-29T080000Z/households/\(Fixture.village).jsonl")), original)
    }

    func testWithoutAStepTheFileIsLeftAloneAndReported() throws {
        let layout = try makeVersionZero()
        let before = FileManager.default.contents(atPath: layout.path("households/\(Fixture.village).jsonl"))
        let notices = try Migrator(layout: layout, now: Fixture.fixedNow, steps: []).migrate()
        XCTAssertTrue(notices.isEmpty)
        XCTAssertEqual(FileManager.default.contents(atPath: layout.path("households/\(Fixture.village).jsonl")), before)
        XCTAssertTrue(try DatasetReader(layout: layout).read().hasErrors)
    }

    func testCurrentFilesAreNotTouched() throws {
        let layout = try Fixture.dataDir(self)
        XCTAssertTrue(try Migrator(layout: layout, now: Fixture.fixedNow).migrate().isEmpty)
        XCTAssertFalse(FileManager.default.fileExists(atPath: layout.path("backup")))
    }
}
