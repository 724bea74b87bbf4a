import Foundation
import SanbaoCore
@testable import SanbaoStore
import XCTest

/// What reading refuses beyond plain JSON (issue 16, points 6, 8 and 11): unknown and
/// duplicate keys, numbers that are not plain 64-bit integers, a `schema_version` that is
/// not a whole number from 1, a header naming another village, a stray file; a damaged
/// village never indexed; a check refused by naming an unread `cadres.json`; a write
/// refused inside the data directory said as an I/O error.
final class StrictReadingTests: XCTestCase {
    let today = LocalDate("2026-11-29")!
    let households = "households/621121103201.jsonl"
    let checks = "checks/621121103201.jsonl"

    func layout() throws -> DataLayout {
        DataLayout(root: try Fixture.copy(Fixture.root + "/Fixtures/demo", self))
    }

    /// Line `n` (1-based) of `file` changed by `change`, the rest as it was.
    func edit(_ layout: DataLayout, _ file: String, line n: Int, _ change: (String) -> String) throws {
        var lines = try String(contentsOfFile: layout.path(file), encoding: .utf8).components(separatedBy: "\n")
        lines[n - 1] = change(lines[n - 1])
        try lines.joined(separator: "\n").write(toFile: layout.path(file), atomically: true, encoding: .utf8)
    }

    /// Problems of reading `layout` both ways, which must agree; the careful one returned.
    func read(_ layout: DataLayout) throws -> LoadResult {
        let reader = DatasetReader(layout: layout)
        let fast = try reader.readAndValidate(today: today, fast: true)
        let careful = try reader.readAndValidate(today: today, fast: false)
        XCTAssertEqual(fast.problems, careful.problems)
        XCTAssertEqual(fast.dataset, careful.dataset)
        return careful
    }

    func texts(_ r: LoadResult) -> [String] { r.problems.filter { $0.severity == .error }.map { $0.text(.en) } }

    func testAnUnknownKeyAtAnyDepthIsNamed() throws {
        for (from, to, path) in [("{\"address\"", "{\"adress\":1,\"address\"", "$.adress"),
                                 ("\"birth_date\"", "\"nickname\":\"x\",\"birth_date\"", "$.members[0].nickname"),
                                 ("\"grade\"", "\"roof\":\"tile\",\"grade\"", "$.housing.roof")] {
            let layout = try layout()
            try edit(layout, households, line: 2) { $0.replacingOccurrences(of: from, with: to, options: [], range: $0.range(of: from)) }
            let r = try read(layout)
            XCTAssertEqual(texts(r).first, "\(households):2: \(path): unknown key \"\(path.split(separator: ".").last!)\" (format version 1 has no such key: misspelt? correct or remove it)")
            XCTAssertEqual(r.conditions[households], .damaged, "never written until repaired")
        }
    }

    func testAnUnknownKeyInAHeaderOrADocumentIsNamed() throws {
        let layout = try layout()
        try edit(layout, checks, line: 1) { $0.replacingOccurrences(of: "{\"kind\"", with: "{\"comment\":\"x\",\"kind\"") }
        var cadres = try String(contentsOfFile: layout.path("cadres.json"), encoding: .utf8)
        cadres = cadres.replacingOccurrences(of: "\"schema_version\"", with: "\"version\" : 3,\n  \"schema_version\"")
        try cadres.write(toFile: layout.path("cadres.json"), atomically: true, encoding: .utf8)
        let p = texts(try read(layout))
        XCTAssertTrue(p.contains("cadres.json: $.version: unknown key \"version\" (format version 1 has no such key: misspelt? correct or remove it)"), "\(p)")
        XCTAssertTrue(p.contains("\(checks):1: $.comment: unknown key \"comment\" (format version 1 has no such key: misspelt? correct or remove it)"), "\(p)")
    }

    func testADuplicateKeyIsRefusedWhereverItIs() throws {
        let layout = try layout()
        try edit(layout, households, line: 2) { $0.replacingOccurrences(of: "\"phone\":", with: "\"phone\":\"1\",\"phone\":") }
        try edit(layout, checks, line: 2) { $0.replacingOccurrences(of: "\"note\":", with: "\"note\":\"a\",\"note\":") }
        let p = texts(try read(layout))
        XCTAssertTrue(p.contains { $0.hasPrefix("\(households):2:") && $0.hasSuffix("$.phone: key \"phone\" appears twice in one object (it may appear once; delete one)") }, "\(p)")
        XCTAssertTrue(p.contains { $0.hasPrefix("\(checks):2:") && $0.contains("key \"note\" appears twice") }, "\(p)")
    }

    func testAKeyTwiceInAnotherSpellingIsADuplicateToo() {
        let line = Array("{\"a\":1,\"\\u0061\":2}".utf8)
        XCTAssertEqual(JSONSyntax.firstError(line, 0..<line.count)?.path, "$.a")
    }

    func testNumbersMustBePlainIntegersWithin64Bits() throws {
        for (number, message) in [("7.0", "expected a whole number, found 7.0"), ("1e-400", "expected a whole number, found 1e-400"),
                                  ("18446744073709551616", "number 18446744073709551616 is too large (at most 9223372036854775807)")] {
            let layout = try layout()
            try edit(layout, households, line: 2) { line in
                let key = line.range(of: "\"migrant_months\":")!
                let digits = line[key.upperBound...].prefix { $0.isNumber }
                return line.replacingCharacters(in: key.upperBound..<digits.endIndex, with: number)
            }
            let first = try XCTUnwrap(read(layout).problems.first)
            XCTAssertEqual(first.path, "$.members[0].migrant_months", number)
            XCTAssertNotNil(first.column, "a column to go to")
            XCTAssertTrue(first.message.en.hasPrefix(message), first.message.en)
        }
        let edge = Array("[9223372036854775807,-9223372036854775808,0,-0]".utf8)
        XCTAssertNil(JSONSyntax.firstError(edge, 0..<edge.count), "the 64-bit limits themselves are integers")
    }

    func testANumberThatIsNotAnIntegerIsNeverTakenForATornAppend() throws {
        let layout = try layout()
        var text = try String(contentsOfFile: layout.path(checks), encoding: .utf8)
        text = String(text.dropLast()).replacingOccurrences(of: "\"recorded_at\"", with: "\"x\":7.0,\"recorded_at\"", options: .backwards,
                                                            range: text.range(of: "\"recorded_at\"", options: .backwards))
        try text.write(toFile: layout.path(checks), atomically: true, encoding: .utf8)
        XCTAssertTrue(try read(layout).tornTails.isEmpty, "valid JSON Sanbao refuses is damage to repair by hand, never moved aside")
    }

    func testASchemaVersionThatIsNotAWholeNumberFromOneIsRefused() throws {
        for version in ["\"1\"", "0", "-1", "true", "1.5", "null"] {
            let layout = try layout()
            try "{\"schema_version\": \(version), \"visit_interval_days\": 7}\n".write(toFile: layout.path(DataLayout.rules), atomically: true, encoding: .utf8)
            let r = try read(layout)
            XCTAssertEqual(r.dataset.rules, RulesConfig(), "\(version): the thresholds of a file not read are never applied")
            XCTAssertEqual(r.conditions[DataLayout.rules], .damaged, version)
            XCTAssertTrue(r.problems.contains { $0.file == DataLayout.rules && $0.path == "$.schema_version" }, "\(version): \(r.problems)")
        }
        let layout = try layout()
        try edit(layout, checks, line: 1) { $0.replacingOccurrences(of: "\"schema_version\":1", with: "\"schema_version\":0") }
        XCTAssertEqual(texts(try read(layout)).first, "\(checks):1: $.schema_version: schema_version should be a whole number from 1 up, found 0; the file was not read")
    }

    func testAHeaderNamingAnotherVillageIsNamedAndItsFileNotRead() throws {
        let layout = try layout()
        try edit(layout, checks, line: 1) { $0.replacingOccurrences(of: "621121103201", with: "621121103202") }
        let r = try read(layout)
        XCTAssertEqual(texts(r), ["\(checks):1: $.village_code: village code 621121103202 in the header differs from the file name 621121103201; the file was not read"])
        XCTAssertTrue(r.dataset.checks.isEmpty)
    }

    func testAStrayCopyIsNamedAndItsChecksNotBlamedOnTheRealFile() throws {
        let layout = try layout()
        try FileManager.default.copyItem(atPath: layout.path(checks), toPath: layout.path("checks/abc.jsonl"))
        let r = try read(layout)
        XCTAssertEqual(texts(r), ["checks/abc.jsonl: file name \"abc\" is not a 12-digit village code (should be CODE.jsonl, like 621121103201.jsonl); the file was not read"])
        let validation = try DatasetReader(layout: layout).validate(today: today)
        XCTAssertEqual(validation.problems.map { $0.text(.en) }, texts(r), "village by village says the same")
    }

    func testEditsWithOneIdOrOfAnUnknownHouseholdAreErrors() {
        var d = Fixture.dataset()
        let edit = HouseholdEdit(id: "e1", householdID: d.households[0].id, field: "phone", value: .string("1"), parents: [],
                                 deviceID: "d", recordedAt: "2026-11-01T00:00:00Z")
        var stray = edit
        stray.id = "e2"
        stray.householdID = "621121103201-0099"
        d.edits = [edit, edit, stray]
        let messages = Validator(today: today).problems(in: d).map(\.message.en).filter { $0.hasPrefix("edit") }
        XCTAssertEqual(messages, ["edit id e1 appears twice", "edit names unknown household 621121103201-0099"])
    }

    func testADamagedVillageIsNeverIndexedAndItsProblemsAreCounted() throws {
        let layout = try layout()
        try edit(layout, checks, line: 3) { line in
            let first = try! String(contentsOfFile: layout.path(self.checks), encoding: .utf8).components(separatedBy: "\n")[1]
            return first + "\n" + line
        }
        let expected = try DatasetReader(layout: layout).validate(today: today).problems.filter { $0.severity == .error }
        XCTAssertFalse(expected.isEmpty)
        for _ in 0..<2 {
            let store = try Store(layout: layout, write: true, loading: .onDemand, now: Fixture.fixedNow)
            _ = store.roster(on: today)
            XCTAssertEqual(store.problems(validatedOn: today).filter { $0.severity == .error }, expected)
            store.close()
            XCTAssertFalse(FileManager.default.fileExists(atPath: layout.path(VillageIndex.file("621121103201"))),
                           "a village with a duplicate check id is never cached")
        }
        let complete = try Store(layout: layout, write: false)
        XCTAssertEqual(complete.problems(validatedOn: today).filter { $0.severity == .error }, expected)
    }

    func testACheckIsRefusedByNamingAnUnreadCadresFile() throws {
        let layout = try layout()
        var cadres = try String(contentsOfFile: layout.path("cadres.json"), encoding: .utf8)
        cadres = cadres.replacingOccurrences(of: "\"schema_version\" : 1", with: "\"schema_version\" : 2")
        try cadres.write(toFile: layout.path("cadres.json"), atomically: true, encoding: .utf8)
        let store = try Store(layout: layout, write: true, now: Fixture.fixedNow)
        defer { store.close() }
        let before = try Data(contentsOf: URL(fileURLWithPath: layout.path(checks)))
        var draft = CheckDraft(householdID: store.dataset.households[0].id, date: today)
        draft.cadreID = "c1"
        draft.findings[.water] = Finding(state: .met)
        XCTAssertThrowsError(try store.record(draft, today: today, recordedAt: Fixture.fixedNow())) { error in
            let text = (error as? StoreError)?.message.en ?? "\(error)"
            XCTAssertTrue(text.contains("the cadres could not be read, so no check can be recorded: cadres.json: $.schema_version: written by a newer Sanbao"), text)
            XCTAssertFalse(text.contains("unknown cadre"), text)
            XCTAssertEqual((error as? StoreError)?.exitCode, 65)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: layout.path(checks))), before)
    }

    func testALockThatCannotBeMadeIsAnIOError() throws {
        let layout = try layout()
        try FileManager.default.createDirectory(atPath: layout.path(DirectoryLock.fileName), withIntermediateDirectories: false)
        XCTAssertThrowsError(try Store(layout: layout, write: true)) { error in
            XCTAssertEqual((error as? StoreError)?.exitCode, 74, "\(error): inside the data directory, not a file the user named (73)")
        }
    }
}
