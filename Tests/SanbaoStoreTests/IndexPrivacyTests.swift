import Foundation
import SanbaoCore
import SanbaoSamples
@testable import SanbaoStore
import XCTest

/// The roster index is a cache on disk: it keeps of each ID number only the last
/// characters search needs, never a second full copy (issue 16), and an index of the
/// older format that held whole numbers does not survive the next start.
final class IndexPrivacyTests: XCTestCase {
    let asOf = LocalDate(year: 2026, month: 11, day: 25)!

    func indexed() throws -> (DataLayout, Dataset) {
        let layout = DataLayout(root: Fixture.tempDir(self))
        let dataset = Generator.make(households: 600, seed: 11, asOf: asOf)
        try DatasetWriter(layout: layout).create(dataset, manifest: Manifest(deviceID: "test", created: "2026-11-01T00:00:00Z"))
        let store = try Store(layout: layout, write: true, loading: .onDemand)
        _ = store.roster(on: asOf)
        store.close()
        return (layout, dataset)
    }

    func indexText(_ layout: DataLayout) throws -> String {
        let dir = layout.path(VillageIndex.directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        XCTAssertFalse(names.isEmpty)
        return try names.map { try String(contentsOfFile: dir + "/" + $0, encoding: .utf8) }.joined()
    }

    func testIndexHoldsOnlyTheEndsOfIDNumbers() throws {
        let (layout, dataset) = try indexed()
        let text = try indexText(layout)
        let ids = dataset.households.flatMap(\.members).compactMap(\.idNumber)
        XCTAssertGreaterThan(ids.count, 1000)
        for id in ids {
            XCTAssertFalse(text.contains(id), "\(id) whole in the index")
            XCTAssertTrue(text.contains(String(id.suffix(6))), "the end of \(id) kept for search")
        }
        for code in DatasetReader(layout: layout).villageCodes() {
            let index = try XCTUnwrap(VillageIndex.decode(FileBytes.contents(layout.path(VillageIndex.file(code))) ?? [], village: code))
            for entry in index.entries {
                XCTAssertTrue(entry.idEnds.split(separator: " ").allSatisfy { $0.count == 6 }, entry.idEnds)
            }
        }
    }

    /// An index of format 2 (whole ID numbers) is replaced on the next writable start;
    /// one that cannot be replaced (its village now damaged) is removed.
    func testOlderIndexWithWholeNumbersDoesNotSurvive() throws {
        let (layout, dataset) = try indexed()
        let dir = layout.path(VillageIndex.directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        XCTAssertGreaterThanOrEqual(names.count, 2)
        let whole = try XCTUnwrap(dataset.households.first?.members.first?.idNumber)
        for name in names {
            let path = dir + "/" + name
            var text = try String(contentsOfFile: path, encoding: .utf8)
            let current = "\"format_version\":\(VillageIndex.formatVersion)"
            XCTAssertTrue(text.contains(current), "the index says its format version")
            text = text.replacingOccurrences(of: current, with: "\"format_version\":2") + "[\"\(whole)\"]\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        // The first village's households file damaged: its index cannot be rebuilt.
        let damaged = String(names[0].dropLast(".jsonl".count))
        let households = layout.path(DataLayout.householdsFile(village: damaged))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: households))
        handle.seekToEndOfFile()
        handle.write(Data("{\"broken\n".utf8))
        handle.closeFile()
        let store = try Store(layout: layout, write: true, loading: .onDemand)
        _ = store.roster(on: asOf)
        store.close()
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/" + names[0]), "the damaged village's old index is gone")
        let text = try indexText(layout)
        XCTAssertFalse(text.contains(whole))
        XCTAssertFalse(text.contains("\"format_version\":2"))
    }
}
