import Foundation
import SanbaoCore
import SanbaoSamples
@testable import SanbaoStore
import XCTest

/// `DatasetReader.validate` (village by village) reports exactly what `readAndValidate`
/// (the whole data at once) reports, in the same order, and reads the whole when a
/// village alone cannot tell.
final class VillageValidationTests: XCTestCase {
    let today = LocalDate("2026-11-29")!

    func assertSame(_ layout: DataLayout, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let reader = DatasetReader(layout: layout)
        let villages = try reader.validate(today: today)
        let whole = try reader.readAndValidate(today: today)
        XCTAssertEqual(villages.problems.map { $0.text(.en) }, whole.problems.map { $0.text(.en) }, what, file: file, line: line)
        XCTAssertEqual(villages.problems, whole.problems, what, file: file, line: line)
        XCTAssertEqual(villages.households, whole.dataset.households.count, what, file: file, line: line)
        XCTAssertEqual(villages.checks, whole.dataset.checks.count, what, file: file, line: line)
        XCTAssertEqual(villages.cadres, whole.dataset.cadres.count, what, file: file, line: line)
    }

    /// Whether each village alone could be trusted (no need to read the whole).
    func standsAlone(_ layout: DataLayout) -> Bool {
        let reader = DatasetReader(layout: layout)
        return VillageValidation.standAlone(reader.villageCodes().map {
            VillageValidation(reader.readVillageCounting($0), cadres: [], validator: Validator(today: today))
        })
    }

    func testEveryInvalidFixture() throws {
        let cases = try FileManager.default.contentsOfDirectory(atPath: Fixture.root + "/Fixtures/invalid")
            .filter { !$0.hasSuffix(".md") }.sorted()
        XCTAssertGreaterThan(cases.count, 5)
        for name in cases { try assertSame(DataLayout(root: Fixture.invalid(name)), name) }
    }

    /// A generated county in several villages, damaged in several of them: the problems
    /// of different villages and kinds must come in the whole read's order.
    func testDamageInSeveralVillages() throws {
        let layout = try generated()
        let households = try files(layout, DataLayout.householdsDir)
        let checks = try files(layout, DataLayout.checksDir)
        XCTAssertGreaterThanOrEqual(households.count, 3)
        guard households.count >= 3, checks.count >= 3 else { return }
        try append(layout, households[2], "{\"id\": broken\n")
        try append(layout, checks[0], "{\"id\": \"c-x\", \"household_id\": 5}\n")
        try append(layout, households[1], "not json\n")
        try append(layout, checks[2], "{\"cadre_id\":\"nobody\",\"date\":\"2026-01-01\",\"findings\":{},\"household_id\":\"nowhere\",\"id\":\"c-orphan\",\"measures\":[],\"note\":\"\",\"recorded_at\":\"2026-01-01T00:00:00Z\"}\n")
        XCTAssertTrue(standsAlone(layout))
        try assertSame(layout, "damaged villages")
        let problems = try DatasetReader(layout: layout).validate(today: today).problems
        XCTAssertGreaterThanOrEqual(Set(problems.map(\.file)).count, 4, "\(problems)")
    }

    func testACheckFiledInAnotherVillageIsCheckedWhole() throws {
        let layout = try generated()
        let checks = try files(layout, DataLayout.checksDir)
        let path = layout.path(checks[0])
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let moved = lines.removeLast()
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try append(layout, checks[1], moved + "\n")
        XCTAssertFalse(standsAlone(layout))
        try assertSame(layout, "a check in another village's file")
    }

    func testAHouseholdIDInTwoVillagesIsCheckedWhole() throws {
        let layout = try generated()
        let households = try files(layout, DataLayout.householdsDir)
        let line = try String(contentsOfFile: layout.path(households[0]), encoding: .utf8).split(separator: "\n")[1]
        try append(layout, households[1], line + "\n")
        XCTAssertFalse(standsAlone(layout))
        try assertSame(layout, "a household id twice")
    }

    // MARK: Helpers

    func generated() throws -> DataLayout {
        let layout = DataLayout(root: Fixture.tempDir(self))
        try DatasetWriter(layout: layout).create(Generator.make(households: 1300, seed: 9, asOf: today),
                                                 manifest: Manifest(deviceID: "t", created: "x"))
        return layout
    }

    func files(_ layout: DataLayout, _ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: layout.path(dir)).filter { $0.hasSuffix(".jsonl") }.sorted()
            .map { dir + "/" + $0 }
    }

    func append(_ layout: DataLayout, _ file: String, _ text: String) throws {
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: layout.path(file)))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
    }
}
