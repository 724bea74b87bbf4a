// The whole read: DatasetReader on all cores with FastDecode must give the LoadResult the
// sequential JSONDecoder read gives (`read(fast: false)`, the reader as it was): the same
// dataset, problems in the same order, conditions, torn tails, locations, bases.
import Foundation
import SanbaoCore
import SanbaoSamples
@testable import SanbaoStore
import XCTest

final class FastReadTests: XCTestCase {
    func testDemoAndEveryInvalidFixtureReadTheSame() throws {
        let invalid = Fixture.root + "/Fixtures/invalid"
        let cases = try FileManager.default.contentsOfDirectory(atPath: invalid).filter { !$0.hasSuffix(".md") }.sorted()
        XCTAssertFalse(cases.isEmpty)
        for dir in [Fixture.root + "/Fixtures/demo"] + cases.map { invalid + "/" + $0 } {
            try assertReadsTheSame(DataLayout(root: dir), dir)
        }
    }

    /// A generated county with edits, and with every kind of damage a record file can
    /// have: lines the fast path declines but JSONDecoder reads, broken lines, invalid
    /// UTF-8, blank and CRLF lines, a duplicate id, a torn last line, an empty file.
    func testDamagedCountyReadsTheSame() throws {
        let layout = try Self.damagedCounty(self)
        let (fast, slow) = try assertReadsTheSame(layout, "damaged county")
        XCTAssertGreaterThan(fast.problems.count, 5, "the damage is seen")
        XCTAssertTrue(fast.problems.contains { $0.text(.en).contains("header line should be") })
        XCTAssertTrue(fast.problems.contains { $0.text(.en).contains("schema_version is missing") })
        XCTAssertFalse(fast.tornTails.isEmpty, "the torn line is seen")
        XCTAssertGreaterThan(fast.dataset.edits.count, 1)
        XCTAssertNotEqual(fast.dataset.households, fast.bases, "edits are applied")
        XCTAssertEqual(fast.dataset.households.count, slow.dataset.households.count)
    }

    /// Validation locates its problems through `locations`: the same files and lines.
    func testValidationOfTheDamagedCountyIsTheSame() throws {
        let layout = try Self.damagedCounty(self)
        let today = LocalDate(year: 2026, month: 11, day: 25)!
        let fast = try DatasetReader(layout: layout).readAndValidate(today: today, fast: true)
        let slow = try DatasetReader(layout: layout).readAndValidate(today: today, fast: false)
        Self.assertSame(fast, slow, "validated")
        XCTAssertTrue(fast.problems.contains { $0.text(.en).contains("appears twice") }, "a located domain problem")
    }

    func testReadingTwiceGivesTheSameResult() throws {
        let layout = try Self.damagedCounty(self)
        let a = try DatasetReader(layout: layout).read()
        let b = try DatasetReader(layout: layout).read()
        Self.assertSame(a, b, "two fast reads")
    }

    func testTheFirstRecordOfAnIdIsTheOneLocated() throws {
        let r = try DatasetReader(layout: DataLayout(root: Fixture.invalid("duplicate-household-id"))).read()
        let at = try XCTUnwrap(r.locations["621121103201-0001"])
        XCTAssertEqual(at.file, "households/621121103201.jsonl")
        XCTAssertEqual(at.line, 2)
        XCTAssertNil(r.locations["no-such-id"])
    }

    func testArrayFilledConcurrentlyKeepsPartOrderAndStopsAtTheRoom() {
        let sizes = [3, 0, 5, 2, 4, 1]
        let wanted = [2, 0, 5, 3, 0, 1] // part 3 tries to write more than its room
        let (array, results) = [String].filledConcurrently(sizes: sizes) { k, region in
            var written = 0
            for v in 0..<wanted[k] where region.append("\(k).\(v)") { written += 1 }
            return written
        }
        XCTAssertEqual(results, [2, 0, 5, 2, 0, 1])
        XCTAssertEqual(array, ["0.0", "0.1", "2.0", "2.1", "2.2", "2.3", "2.4", "3.0", "3.1", "5.0"])
        XCTAssertEqual([Int].filledConcurrently(sizes: []) { _, _ in 0 }.array, [])
    }

    func testAFileThatDoesNotFitIsReported() throws {
        let reader = DatasetReader(layout: DataLayout(root: Fixture.root + "/Fixtures/demo"))
        let file = RecordFile(path: "checks/621121103201.jsonl", kind: .checks)
        let (array, logs) = [Check].filledConcurrently(sizes: [10]) { _, region in reader.readLinesInPlace(file, into: &region) }
        XCTAssertTrue(logs[0].overflowed)
        XCTAssertEqual(array.count, 10, "stops when the room is full")
        XCTAssertEqual(logs[0].located.ids, array.map(\.id))
    }

    func testRecordBoundCountsTheLinesAfterTheHeader() throws {
        let dir = Fixture.tempDir(self)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (text, bound) in [("", 0), ("h", 0), ("h\n", 0), ("h\na", 1), ("h\na\n", 1), ("h\n\n\nb\r\n", 3), ("\n\n", 1)] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/f"))
            XCTAssertEqual(FileBytes.recordBound(dir + "/f"), bound, text.debugDescription)
        }
        XCTAssertEqual(FileBytes.recordBound(dir + "/missing"), 0)
    }

    // MARK: Helpers

    @discardableResult
    func assertReadsTheSame(_ layout: DataLayout, _ what: String,
                            file: StaticString = #filePath, line: UInt = #line) throws -> (LoadResult, LoadResult) {
        let fast = try DatasetReader(layout: layout).read(fast: true)
        let slow = try DatasetReader(layout: layout).read(fast: false)
        Self.assertSame(fast, slow, what, file: file, line: line)
        for id in slow.dataset.households.map(\.id) + slow.dataset.checks.map(\.id) + slow.dataset.edits.map(\.id) {
            XCTAssertTrue(fast.locations[id]! == slow.locations[id]!, "\(what): location of \(id)", file: file, line: line)
        }
        return (fast, slow)
    }

    static func assertSame(_ a: LoadResult, _ b: LoadResult, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.dataset, b.dataset, what, file: file, line: line)
        XCTAssertEqual(a.manifest, b.manifest, what, file: file, line: line)
        XCTAssertEqual(a.problems, b.problems, what, file: file, line: line)
        XCTAssertEqual(a.conditions, b.conditions, what, file: file, line: line)
        XCTAssertEqual(a.tornTails, b.tornTails, what, file: file, line: line)
        XCTAssertEqual(a.locations, b.locations, what, file: file, line: line)
        XCTAssertEqual(a.bases, b.bases, what, file: file, line: line)
        // Equal as values could hide two spellings of a string; the bytes cannot.
        let encoder = JSONCoding.encoder()
        XCTAssertEqual(try encoder.encode(a.dataset.checks), try encoder.encode(b.dataset.checks), what, file: file, line: line)
        XCTAssertEqual(try encoder.encode(a.dataset.households), try encoder.encode(b.dataset.households), what, file: file, line: line)
    }

    /// A generated county of 1,500 households with edits, written by `DatasetWriter`,
    /// then damaged by hand.
    static func damagedCounty(_ test: XCTestCase) throws -> DataLayout {
        var data = Generator.make(households: 1500, seed: 13, asOf: LocalDate(year: 2026, month: 11, day: 25)!)
        let h = data.households
        data.edits = [
            HouseholdEdit(id: "e-1", householdID: h[0].id, field: "phone", value: .string("13900000000"), parents: [],
                          deviceID: "t", recordedAt: "2026-11-20T08:00:00Z"),
            HouseholdEdit(id: "e-2", householdID: h[5].id, field: "members[1].school", value: .string("vocational"),
                          parents: [], deviceID: "t", recordedAt: "2026-11-21T08:00:00Z"),
            HouseholdEdit(id: "e-3", householdID: h[7].id, field: "type", value: .string("nonsense"), parents: [],
                          deviceID: "t", recordedAt: "2026-11-22T08:00:00Z"),
        ]
        let layout = DataLayout(root: Fixture.tempDir(test))
        try DatasetWriter(layout: layout).create(data, manifest: Manifest(deviceID: "t", created: "2026-11-25T00:00:00Z"))
        let households = try listing(layout, "households")
        let checks = try listing(layout, "checks")
        XCTAssertGreaterThan(households.count, 2)

        // A households file: a valid line the fast path declines (escaped key), a line
        // with a wrong type, a blank line, a CRLF line, a line that is cut off.
        var first = try lines(households[0])
        first[1] = first[1].replacingOccurrences(of: #""phone":"#, with: #""\u0070hone":"#)
        first[2] = first[2].replacingOccurrences(of: #""migrant_months":0"#, with: #""migrant_months":"三个月""#)
        first.insert("   ", at: 3)
        first[4] += "\r"
        first[5] = String(first[5].prefix(300))
        try write(first, to: households[0], endingInNewline: true)

        // A second households file: invalid UTF-8 in a name and a household id twice.
        var second = try lines(households[1])
        second.append(second[1])
        try write(second, to: households[1], endingInNewline: true)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: households[1])))
        let name = Array(#""name":""#.utf8)
        if let at = (0..<bytes.count - name.count).first(where: { Array(bytes[$0..<$0 + name.count]) == name }) {
            bytes[at + name.count] = 0xFF
        }
        try Data(bytes).write(to: URL(fileURLWithPath: households[1]))

        // A checks file: an unknown indicator, numbers JSONDecoder reads but the fast path
        // declines, a check id twice, and a torn last line.
        var c = try lines(checks[0])
        c[1] = c[1].replacingOccurrences(of: #""findings":{"#, with: #""findings":{"sanitation":{"note":""},"#)
        c[2] = c[2].replacingOccurrences(of: #""confirmed":"#, with: #""n":1.0e2,"confirmed":"#)
        c.append(c[3])
        c.append(String(c[4].prefix(100)))
        try write(c, to: checks[0], endingInNewline: false)

        // Headers the careful checks reject: another kind, no version.
        XCTAssertGreaterThanOrEqual(checks.count, 4)
        XCTAssertGreaterThanOrEqual(households.count, 3)
        var wrongKind = try lines(households[2])
        wrongKind[0] = wrongKind[0].replacingOccurrences(of: #""kind":"households""#, with: #""kind":"checks""#)
        try write(wrongKind, to: households[2], endingInNewline: true)
        var noVersion = try lines(checks[3])
        noVersion[0] = noVersion[0].replacingOccurrences(of: #""schema_version":1,"#, with: "")
        try write(noVersion, to: checks[3], endingInNewline: true)

        // An empty checks file and one with a header only.
        try write([], to: checks[1], endingInNewline: false)
        try write([try lines(checks[2])[0]], to: checks[2], endingInNewline: true)
        return layout
    }

    static func listing(_ layout: DataLayout, _ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: layout.path(dir)).sorted().map { layout.path(dir + "/" + $0) }
    }

    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).filter { !$0.isEmpty }
    }

    static func write(_ lines: [String], to path: String, endingInNewline: Bool) throws {
        let text = lines.joined(separator: "\n") + (endingInNewline && !lines.isEmpty ? "\n" : "")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
