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
