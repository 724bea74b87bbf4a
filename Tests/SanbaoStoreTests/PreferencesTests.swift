import Foundation
@testable import SanbaoStore
import XCTest

/// Issue 20: preferences.json carries schema_version like every other file; files from
/// before it (only cadre_id) are still read, and a newer Sanbao's file is left alone.
final class PreferencesTests: XCTestCase {
    func file(_ layout: DataLayout) -> String { layout.path("preferences.json") }

    func testWrittenWithItsVersionAndOldFilesRead() throws {
        let layout = try Fixture.dataDir(self)
        try Data(#"{"cadre_id":"c2"}"#.utf8).write(to: URL(fileURLWithPath: file(layout)))
        let store = try Store(layout: layout, write: true, now: Fixture.fixedNow)
        defer { store.close() }
        XCTAssertEqual(store.preferences().cadreID, "c2", "a file without schema_version is version 1")
        try store.savePreferences(Preferences(cadreID: "c1"))
        let written = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file(layout)))) as? [String: Any])
        XCTAssertEqual(written["schema_version"] as? Int, 1)
        XCTAssertEqual(written["cadre_id"] as? String, "c1")
        XCTAssertEqual(Set(written.keys), ["schema_version", "cadre_id"])
        XCTAssertEqual(store.preferences().cadreID, "c1")
    }

    func testANewerFileIsNeitherUnderstoodNorReplaced() throws {
        let layout = try Fixture.dataDir(self)
        let newer = Data(#"{"schema_version":2,"cadre_id":"c2","theme":"dark"}"#.utf8)
        try newer.write(to: URL(fileURLWithPath: file(layout)))
        let store = try Store(layout: layout, write: true, now: Fixture.fixedNow)
        defer { store.close() }
        XCTAssertNil(store.preferences().cadreID, "the defaults apply")
        try store.savePreferences(Preferences(cadreID: "c1"))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file(layout))), newer, "the newer file is kept")
    }
}
