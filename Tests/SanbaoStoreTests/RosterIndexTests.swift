import Foundation
import SanbaoCore
import SanbaoSamples
@testable import SanbaoStore
import XCTest

/// The roster index is a cache: whatever it holds, an on-demand store must give the
/// roster a full read gives, on any day, and rebuild only what changed.
final class RosterIndexTests: XCTestCase {
    let asOf = LocalDate(year: 2026, month: 11, day: 25)!

    /// Generated data of several villages in a temporary directory.
    func generated(_ households: Int = 2500) throws -> DataLayout {
        let layout = DataLayout(root: Fixture.tempDir(self))
        try DatasetWriter(layout: layout).create(Generator.make(households: households, seed: 7, asOf: asOf),
                                                 manifest: Manifest(deviceID: "test", created: "2026-11-01T00:00:00Z"))
        return layout
    }

    func fullRoster(_ layout: DataLayout, on day: LocalDate) throws -> [RosterEntry] {
        try Store(layout: layout, write: false).roster(on: day).entries
    }

    func lazyRoster(_ layout: DataLayout, on day: LocalDate, write: Bool = true) throws -> RosterLoad {
        let store = try Store(layout: layout, write: write, loading: .onDemand)
        defer { store.close() }
        return store.roster(on: day)
    }

    func testIndexedRosterEqualsTheFullReadFirstAndSecondTime() throws {
        let layout = try generated()
        let expected = try fullRoster(layout, on: asOf)
        let first = try lazyRoster(layout, on: asOf)
        XCTAssertEqual(first.entries, expected)
        XCTAssertEqual(first.reused, 0)
        XCTAssertGreaterThan(first.rebuilt, 1)
        let second = try lazyRoster(layout, on: asOf)
        XCTAssertEqual(second.entries, expected)
        XCTAssertEqual(second.rebuilt, 0)
        XCTAssertEqual(second.reused, first.rebuilt)
    }

    func testDemoRosterFromTheIndexEqualsTheFullRead() throws {
        let layout = DataLayout(root: try Fixture.copy(Fixture.root + "/Fixtures/demo", self))
        _ = try lazyRoster(layout, on: DemoVillage.asOf)
        XCTAssertEqual(try lazyRoster(layout, on: DemoVillage.asOf).entries, try fullRoster(layout, on: DemoVillage.asOf))
    }

    func testLaterDaysGiveWhatAFullReadGives() throws {
        let layout = try generated(300)
        _ = try lazyRoster(layout, on: asOf)
        for days in [1, 6, 30, 45, 90, 200, 400] {
            let day = asOf.adding(days: days)
            XCTAssertEqual(try lazyRoster(layout, on: day).entries, try fullRoster(layout, on: day), "on \(day)")
        }
    }

    func testOnALaterDayOnlyHouseholdsWhoseSpanEndedAreJudgedAgain() throws {
        let layout = try generated()
        let first = try lazyRoster(layout, on: asOf)
        XCTAssertEqual(first.judged, first.entries.count)
        // Far enough ahead that some households changed (birthdays, new year) but not all.
        let day = LocalDate(year: 2027, month: 1, day: 2)!
        let later = try lazyRoster(layout, on: day)
        XCTAssertEqual(later.entries, try fullRoster(layout, on: day))
        XCTAssertGreaterThan(later.rebuilt, 0)
        XCTAssertEqual(later.judged, later.entries.count, "1 January ends every span")
        let next = try lazyRoster(layout, on: day.adding(days: 40))
        XCTAssertEqual(next.entries, try fullRoster(layout, on: day.adding(days: 40)))
        XCTAssertGreaterThan(next.judged, 0)
        XCTAssertLessThan(next.judged, next.entries.count / 2)
    }

    func testAnEarlierDayIsJudgedAgain() throws {
        let layout = try generated(300)
        _ = try lazyRoster(layout, on: asOf)
        let day = asOf.adding(days: -40)
        let load = try lazyRoster(layout, on: day)
        XCTAssertEqual(load.reused, 0)
        XCTAssertEqual(load.entries, try fullRoster(layout, on: day))
    }

    func testASavedCheckMakesOnlyItsVillageStale() throws {
        let layout = try generated()
        let before = try lazyRoster(layout, on: asOf)
        let target = before.entries.first { !$0.row.state(.water).passes || $0.row.lastCheck == nil }!.row
        let writer = try Store(layout: layout, write: true)
        try writer.save(Check(id: "idx-1", householdID: target.id, date: asOf, cadreID: "c1",
                              recordedAt: "2026-11-25T10:00:00Z",
                              findings: Dictionary(uniqueKeysWithValues: Indicator.allCases.map { ($0, Finding(state: .notMet, note: "")) })))
        writer.close()
        let after = try lazyRoster(layout, on: asOf)
        XCTAssertGreaterThan(before.rebuilt, 2)
        XCTAssertEqual(after.rebuilt, 1)
        XCTAssertEqual(after.entries, try fullRoster(layout, on: asOf))
        XCTAssertEqual(after.entries.first { $0.row.id == target.id }?.row.lastCheck, asOf)
    }

    func testADamagedIndexIsIgnoredAndRebuilt() throws {
        let layout = try generated(300)
        _ = try lazyRoster(layout, on: asOf)
        let dir = layout.path(VillageIndex.directory)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".jsonl") }.sorted()
        XCTAssertFalse(files.isEmpty)
        // Cut one file mid-line, fill another with garbage, change a state's bits in a third.
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + files[0]))
        try a.prefix(a.count / 2).write(to: URL(fileURLWithPath: dir + "/" + files[0]))
        if files.count > 1 { try Data("not an index\n".utf8).write(to: URL(fileURLWithPath: dir + "/" + files[1])) }
        let load = try lazyRoster(layout, on: asOf)
        XCTAssertEqual(load.rebuilt, min(2, files.count))
        XCTAssertEqual(load.entries, try fullRoster(layout, on: asOf))
    }

    func testChangedRulesMakeEveryVillageStale() throws {
        let layout = try generated(300)
        let first = try lazyRoster(layout, on: asOf)
        try Data(#"{"schema_version":1,"visit_interval_days":10}"#.utf8).write(to: URL(fileURLWithPath: layout.path("rules.json")))
        let load = try lazyRoster(layout, on: asOf)
        XCTAssertEqual(load.reused, 0)
        XCTAssertEqual(load.rebuilt, first.rebuilt)
        XCTAssertEqual(load.entries, try fullRoster(layout, on: asOf))
    }

    func testAReadOnlyStoreWritesNoIndex() throws {
        let layout = try generated(200)
        _ = try lazyRoster(layout, on: asOf, write: false)
        XCTAssertFalse(FileManager.default.fileExists(atPath: layout.path(VillageIndex.directory)))
    }

    func testADamagedVillageIsReportedEveryTimeAndNeverIndexed() throws {
        let layout = try generated(300)
        let village = try FileManager.default.contentsOfDirectory(atPath: layout.path("households")).sorted()[0]
        let path = layout.path("households/" + village)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "{\"id\": broken\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for _ in 0..<2 {
            let store = try Store(layout: layout, write: true, loading: .onDemand)
            let load = store.roster(on: asOf)
            XCTAssertTrue(store.problems.contains { $0.file == "households/" + village }, "\(store.problems)")
            XCTAssertEqual(load.entries, try fullRoster(layout, on: asOf))
            XCTAssertNotNil(store.refusal(for: "households/" + village))
            store.close()
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: layout.path(VillageIndex.file(String(village.dropLast(6))))))
    }

    func testOnDemandStoreReadsAHouseholdsVillageWhenAsked() throws {
        let layout = try generated(400)
        let full = try Store(layout: layout, write: false)
        let store = try Store(layout: layout, write: true, loading: .onDemand)
        defer { store.close() }
        let entries = store.roster(on: asOf).entries
        XCTAssertTrue(store.dataset.households.isEmpty)
        let id = entries[entries.count / 2].row.id
        XCTAssertEqual(store.household(id), full.dataset.household(id))
        XCTAssertEqual(store.checks(of: id), full.dataset.checks.filter { $0.householdID == id })
        XCTAssertEqual(Set(store.dataset.households.map(\.address.villageCode)).count, 1)
        try store.readEverything()
        XCTAssertEqual(store.dataset.households, full.dataset.households)
    }

    func testAnOnDemandStoreKeepsAFewVillagesAndReadsOthersAgain() throws {
        let layout = try generated(6000)
        let full = try Store(layout: layout, write: false)
        let store = try Store(layout: layout, write: true, loading: .onDemand)
        defer { store.close() }
        let entries = store.roster(on: asOf).entries
        var firstOfVillage: [String: String] = [:]
        for e in entries where firstOfVillage[e.fileVillage] == nil { firstOfVillage[e.fileVillage] = e.row.id }
        let ids = firstOfVillage.values.sorted()
        XCTAssertGreaterThan(ids.count, VillageCache.kept)
        for id in ids + ids.prefix(2) {
            XCTAssertEqual(store.household(id), full.dataset.household(id))
            XCTAssertEqual(store.checks(of: id), full.dataset.checks.filter { $0.householdID == id })
        }
        XCTAssertLessThanOrEqual(Set(store.dataset.households.map { $0.address.villageCode }).count, VillageCache.kept)
        // A check saved in a village let go and read again is there.
        try store.save(Check(id: "kept-1", householdID: ids[0], date: asOf, cadreID: "c1", recordedAt: "2026-11-25T10:00:00Z",
                             findings: [.water: Finding(state: .met, note: "")]))
        for id in ids.dropFirst() { _ = store.household(id) }
        XCTAssertTrue(store.checks(of: ids[0]).contains { $0.id == "kept-1" })
    }

    func testATornTailMakesOnDemandOpeningReadEverythingAndRepair() throws {
        let layout = try generated(200)
        let village = try FileManager.default.contentsOfDirectory(atPath: layout.path("checks")).sorted()[0]
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: layout.path("checks/" + village)))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"id":"torn"#.utf8))
        try handle.close()
        let store = try Store(layout: layout, write: true, loading: .onDemand)
        defer { store.close() }
        XCTAssertTrue(store.isComplete)
        XCTAssertFalse(store.notices.isEmpty)
    }

    func testIndexLinesRoundTripAwkwardText() {
        let texts = ["王\"建\\国\n\t\u{01}", "", "𠀀 emoji 😀"]
        var bytes: [UInt8] = []
        IndexLine.append(texts.map(IndexLine.Value.string) + [.int(-42), .null], to: &bytes)
        XCTAssertEqual(bytes.last, 0x0A)
        bytes.removeLast()
        bytes.withUnsafeBufferPointer { line in
            var f = IndexLine.Fields(line)
            for t in texts { XCTAssertEqual(f.string(), t) }
            XCTAssertEqual(f.int(), -42)
            XCTAssertEqual(f.optionalString(), .some(nil))
            XCTAssertTrue(f.end())
        }
        for bad in ["[", "[1,]", "[\"a]", "[nul]", "[1] x", "{\"a\":1}", "[99999999999999999999999]"] {
            Array(bad.utf8).withUnsafeBufferPointer { line in
                var f = IndexLine.Fields(line)
                let ok = (f.int() != nil || f.optionalString() != nil) && f.end()
                XCTAssertFalse(ok, bad)
            }
        }
    }
}
