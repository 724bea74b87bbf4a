import Foundation
import SanbaoCore
@testable import SanbaoStore
import XCTest

/// Every case in Fixtures/invalid/ gives its own exact message, at its file and line,
/// the rest of the directory still loads, and nothing is written to the bad file.
final class InvalidFixtureTests: XCTestCase {
    let today = LocalDate("2026-11-29")!

    func problems(_ name: String) throws -> (LoadResult, [String]) {
        let result = try DatasetReader(layout: DataLayout(root: Fixture.invalid(name))).readAndValidate(today: today)
        return (result, result.problems.map { $0.text(.en) })
    }

    func testEveryCaseHasATest() throws {
        let cases = try FileManager.default.contentsOfDirectory(atPath: Fixture.root + "/Fixtures/invalid")
            .filter { !$0.hasSuffix(".md") }.sorted()
        // One test function below per case; add the case here when adding a fixture.
        let tested = ["bad-id-check-digit", "check-unknown-household", "duplicate-edit-id", "duplicate-household-id",
                      "duplicate-key", "edit-unknown-household", "future-birth-date", "header-village-mismatch",
                      "invalid-utf8", "newer-schema-version", "not-an-integer", "schema-version-text", "truncated-json",
                      "unknown-indicator", "unknown-key", "wrong-type"]
        XCTAssertEqual(cases, tested)
    }

    func testTruncatedJson() throws {
        let (r, p) = try problems("truncated-json")
        XCTAssertEqual(p, ["households/621121103201.jsonl:3:907: text ends here, expected true (cut off?)"])
        XCTAssertEqual(r.dataset.households.map(\.id), ["621121103201-0001"], "the complete line still loads")
        XCTAssertEqual(r.conditions["households/621121103201.jsonl"], .damaged)
        XCTAssertTrue(r.tornTails.isEmpty, "a households file is replaced atomically, so a cut is damage, not a torn append")
    }

    func testWrongType() throws {
        let (r, p) = try problems("wrong-type")
        XCTAssertEqual(p, [
            "households/621121103201.jsonl:2: $.members[0].migrant_months: wrong type, expected an integer",
            "checks/621121103201.jsonl:2: warning: $.household_id: this check's household could not be read from households/621121103201.jsonl",
        ])
        XCTAssertEqual(r.dataset.households.map(\.id), ["621121103201-0002"])
    }

    func testBadIdCheckDigit() throws {
        let (r, p) = try problems("bad-id-check-digit")
        XCTAssertEqual(p, ["households/621121103201.jsonl:2: $.members[0].id_number: 王建国: ID number check character should be 9, is 0"])
        XCTAssertEqual(r.dataset.households.count, 2, "a domain problem does not stop the record loading")
    }

    func testUnknownIndicator() throws {
        let (r, p) = try problems("unknown-indicator")
        XCTAssertEqual(p, ["checks/621121103201.jsonl:2: $.findings: unknown indicator \"sanitation\" (expected one of income, food_clothing, water, education, medical, housing)"])
        XCTAssertTrue(r.dataset.checks.isEmpty)
        XCTAssertEqual(r.dataset.households.count, 2)
    }

    func testFutureBirthDate() throws {
        let (_, p) = try problems("future-birth-date")
        XCTAssertEqual(p, ["households/621121103201.jsonl:2: $.members[2].birth_date: 王小明: birth date 2031-06-01 is in the future"])
    }

    func testNewerSchemaVersion() throws {
        let (r, p) = try problems("newer-schema-version")
        XCTAssertEqual(p.first, "households/621121103201.jsonl:1: $.schema_version: written by a newer Sanbao (schema_version 2; this one reads up to 1); not read and never written. Upgrade Sanbao")
        XCTAssertEqual(r.conditions["households/621121103201.jsonl"], .newer(2))
        XCTAssertEqual(r.dataset.cadres.count, 1, "the rest of the directory still loads")
    }

    func testNewerFileIsNeverWrittenTo() throws {
        let dir = try Fixture.copy(Fixture.invalid("newer-schema-version"), self)
        let file = dir + "/households/621121103201.jsonl"
        let before = FileManager.default.contents(atPath: file)
        let store = try Store(layout: DataLayout(root: dir), write: true, now: Fixture.fixedNow)
        XCTAssertNotNil(store.refusal(for: "households/621121103201.jsonl"))
        XCTAssertThrowsError(try store.edit(householdID: "621121103201-0001", field: "phone", value: .string("1")))
        XCTAssertEqual(FileManager.default.contents(atPath: file), before)
    }

    func testDuplicateHouseholdId() throws {
        let (_, p) = try problems("duplicate-household-id")
        XCTAssertEqual(p, ["households/621121103201.jsonl:2: $.id: household id 621121103201-0001 appears twice"])
    }

    func testCheckUnknownHousehold() throws {
        let (_, p) = try problems("check-unknown-household")
        XCTAssertEqual(p, ["checks/621121103201.jsonl:2: $.household_id: check names unknown household 621121103201-0099"])
    }

    func testInvalidUtf8() throws {
        let (r, p) = try problems("invalid-utf8")
        XCTAssertEqual(p, ["households/621121103201.jsonl:3:597: not valid UTF-8 text (byte 0xFF; if the file is GBK, save it as UTF-8)"])
        XCTAssertEqual(r.dataset.households.map(\.id), ["621121103201-0001"])
    }

    func testChineseMessages() throws {
        let r = try DatasetReader(layout: DataLayout(root: Fixture.invalid("bad-id-check-digit"))).readAndValidate(today: today)
        XCTAssertEqual(r.problems.map { $0.text(.zh) }, ["households/621121103201.jsonl:2: $.members[0].id_number: 王建国：身份证号校验位应为 9，实为 0"])
    }

    func testUnknownKey() throws {
        let (r, p) = try problems("unknown-key")
        XCTAssertEqual(p, [
            "households/621121103201.jsonl:2: $.members[0].nickname: unknown key \"nickname\" (format version 1 has no such key: misspelt? correct or remove it)",
            "checks/621121103201.jsonl:2: warning: $.household_id: this check's household could not be read from households/621121103201.jsonl",
        ])
        XCTAssertEqual(r.conditions["households/621121103201.jsonl"], .damaged)
    }

    func testDuplicateKey() throws {
        let (r, p) = try problems("duplicate-key")
        XCTAssertEqual(p, ["households/621121103201.jsonl:3:739: $.phone: key \"phone\" appears twice in one object (it may appear once; delete one)"])
        XCTAssertEqual(r.dataset.households.map(\.id), ["621121103201-0001"])
    }

    func testNotAnInteger() throws {
        let (_, p) = try problems("not-an-integer")
        XCTAssertEqual(p, [
            "households/621121103201.jsonl:2:385: $.income[0].per_capita: expected a whole number, found 7200.0 (write it as digits only, like 7: no decimal point, exponent or leading 0)",
            "checks/621121103201.jsonl:2: warning: $.household_id: this check's household could not be read from households/621121103201.jsonl",
        ])
    }

    func testSchemaVersionText() throws {
        let (r, p) = try problems("schema-version-text")
        XCTAssertEqual(p, ["checks/621121103201.jsonl:1: $.schema_version: schema_version should be a whole number from 1 up, found \"1\"; the file was not read"])
        XCTAssertEqual(r.conditions["checks/621121103201.jsonl"], .damaged, "never migrated or written")
    }

    func testHeaderVillageMismatch() throws {
        let (r, p) = try problems("header-village-mismatch")
        XCTAssertEqual(p, ["checks/621121103201.jsonl:1: $.village_code: village code 621121103202 in the header differs from the file name 621121103201; the file was not read"])
        XCTAssertTrue(r.dataset.checks.isEmpty)
    }

    func testDuplicateEditId() throws {
        let (_, p) = try problems("duplicate-edit-id")
        XCTAssertEqual(p, ["edits/621121103201.jsonl:2: $.id: edit id e-0001 appears twice"])
    }

    func testEditUnknownHousehold() throws {
        let (_, p) = try problems("edit-unknown-household")
        XCTAssertEqual(p, ["edits/621121103201.jsonl:2: $.household_id: edit names unknown household 621121103201-0099"])
    }
}
