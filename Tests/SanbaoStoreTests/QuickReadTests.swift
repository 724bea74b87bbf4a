import Foundation
import SanbaoCore
import SanbaoSamples
@testable import SanbaoStore
import XCTest

/// `QuickRead`, the shortcut of `list`, `show` and `check`: taken where the index and one
/// village say what reading everything says, refused (nil) wherever they might not.
/// The command line's output both ways is compared in `QuickPathTests` (SanbaoCLITests).
final class QuickReadTests: XCTestCase {
    let asOf = LocalDate(year: 2026, month: 11, day: 25)!

    func generated(_ households: Int = 1200) throws -> DataLayout {
        let layout = DataLayout(root: Fixture.tempDir(self))
        try DatasetWriter(layout: layout).create(Generator.make(households: households, seed: 3, asOf: asOf),
                                                 manifest: Manifest(deviceID: "test", created: "2026-11-01T00:00:00Z"))
        return layout
    }

    func index(_ layout: DataLayout) throws {
        let store = try Store(layout: layout, write: true, loading: .onDemand)
        _ = store.roster(on: asOf)
        store.close()
    }

    func testTheRosterFromTheIndexIsTheFullReadsRoster() throws {
        let layout = try generated()
        try index(layout)
        let quick = try XCTUnwrap(try QuickRead.roster(layout, on: asOf), "a clean generated county is read the quick way")
        let full = try DatasetReader(layout: layout).read()
        XCTAssertEqual(quick.villages.joined().map(\.row), full.dataset.roster(on: asOf))
        XCTAssertEqual(quick.documents.problems, full.problems)
    }

    func testAStaleVillageIsReadAndJudgedWithoutWritingItsIndex() throws {
        let layout = try generated()
        try index(layout)
        let store = try Store(layout: layout, write: true)
        let h = store.dataset.households[5]
        try store.save(Check(id: "20261125-quick001", householdID: h.id, date: asOf, cadreID: h.pairings[0].cadreID,
                             recordedAt: "2026-11-25T08:00:00Z", findings: [.water: Finding(state: .notMet, note: "dry")]))
        store.close()
        let indexFile = layout.path(VillageIndex.file(h.address.villageCode))
        let before = try Data(contentsOf: URL(fileURLWithPath: indexFile))
        let quick = try XCTUnwrap(try QuickRead.roster(layout, on: asOf))
        XCTAssertEqual(quick.villages.joined().map(\.row), try DatasetReader(layout: layout).read().dataset.roster(on: asOf))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: indexFile)), before, "a reading command writes no index")
    }

    func testOneVillageHoldsTheHouseholdWithItsChecks() throws {
        let layout = try generated()
        try index(layout)
        let full = try DatasetReader(layout: layout).read().dataset
        let h = full.households[full.households.count / 2]
        let quick = try XCTUnwrap(try QuickRead.village(holding: " \(h.id) ", layout, on: asOf))
        XCTAssertEqual(quick.dataset.household(h.id), h)
        XCTAssertEqual(quick.dataset.checks.filter { $0.householdID == h.id }, full.checks.filter { $0.householdID == h.id })
        XCTAssertEqual(Set(quick.dataset.households.map(\.address.villageCode)), [h.address.villageCode])
        XCTAssertNil(try QuickRead.village(holding: String(h.id.suffix(4)), layout, on: asOf), "a shortened id may name households anywhere")
        XCTAssertNil(try QuickRead.village(holding: h.address.villageCode + "-9999", layout, on: asOf), "not found: the careful way says so")
    }

    func testAVillageWithoutAnIndexIsReadToKnowItStandsAlone() throws {
        let layout = try generated()
        let h = try DatasetReader(layout: layout).read().dataset.households[0]
        XCTAssertNotNil(QuickRead.isolatedVillage(of: h.id, layout, on: asOf))
    }

    /// A check filed in another village's file: reading one village would miss it.
    func testACheckInAnotherVillagesFileSendsEveryoneTheCarefulWay() throws {
        let layout = try generated()
        try index(layout)
        let full = try DatasetReader(layout: layout).read().dataset
        let villages = Array(Set(full.households.map(\.address.villageCode))).sorted()
        XCTAssertGreaterThan(villages.count, 1)
        let h = try XCTUnwrap(full.households.first { $0.address.villageCode == villages[0] })
        let stray = Check(id: "20261125-stray001", householdID: h.id, date: asOf, cadreID: h.pairings[0].cadreID,
                          recordedAt: "2026-11-25T08:00:00Z", findings: [.water: Finding(state: .notMet, note: "dry")])
        var line = try JSONCoding.encoder().encode(stray)
        line.append(0x0A)
        try AppendOnlyFile.append(line, to: DataLayout.checksFile(village: villages[1]), in: layout, kind: "checks", village: villages[1])
        XCTAssertNil(QuickRead.isolatedVillage(of: h.id, layout, on: asOf))
        XCTAssertNil(try QuickRead.roster(layout, on: asOf))
        try index(layout)
        XCTAssertNil(try QuickRead.roster(layout, on: asOf), "the index says the village does not stand alone")
        XCTAssertNil(QuickRead.isolatedVillage(of: h.id, layout, on: asOf))
    }

    func testEveryDamagedFixtureIsReadTheCarefulWay() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixture.root + "/Fixtures/invalid").filter { !$0.hasSuffix(".md") }
        XCTAssertFalse(names.isEmpty)
        for name in names {
            let layout = DataLayout(root: try Fixture.copy(Fixture.invalid(name), self))
            try? index(layout)
            let full = try DatasetReader(layout: layout).read()
            if let quick = try QuickRead.roster(layout, on: asOf) {
                // Only damage outside the villages (none of the fixtures) may leave the shortcut open.
                XCTAssertEqual(quick.villages.joined().map(\.row), full.dataset.roster(on: asOf), name)
                XCTAssertEqual(quick.documents.problems, full.problems, name)
            }
            for h in full.dataset.households {
                guard let one = try QuickRead.village(holding: h.id, layout, on: asOf) else { continue }
                XCTAssertEqual(one.problems, full.problems, "\(name) \(h.id)")
            }
        }
    }

    func testAnIndexOfTheFormerFormatIsNotTrusted() throws {
        let layout = try generated(300)
        try index(layout)
        let code = try XCTUnwrap(DatasetReader(layout: layout).villageCodes().first)
        let path = layout.path(VillageIndex.file(code))
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"format_version\":\(VillageIndex.formatVersion)", with: "\"format_version\":3")
            .replacingOccurrences(of: ",\"contained\":true", with: "")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertNil(VillageIndex.header(of: code, in: layout))
        XCTAssertNil(VillageIndex.decode(Array(text.utf8), village: code))
    }
}
