import SanbaoCore
import SanbaoExport
import XCTest

/// The export judges the same current facts as `show` and the app (docs/rules.md, "a
/// fact recorded later wins"): 汪福元's house (0004), found C grade and not renovated on
/// the visit of 2025-12-08, recorded reinforced afterwards, is met in the summary.
final class LaterFactExportTests: XCTestCase {
    func housing(_ d: Dataset) throws -> IndicatorState? {
        try Demo.report(d).households.first { $0.id == "621121103201-0004" }?.indicators.housing.state
    }

    func testAnEditAfterTheVisitIsWhatTheExportJudges() throws {
        var d = Demo.dataset
        XCTAssertEqual(try housing(d), .notMet, "the visit's observation decides before any edit")
        guard let k = d.households.firstIndex(where: { $0.id == "621121103201-0004" }) else { return XCTFail("no 0004 in the demo") }
        let reinforced = Housing(grade: .c, appraisalDate: LocalDate("2025-11-28"), structure: .adobe, renovation: .reinforced,
                                 renovationDate: LocalDate("2026-10-20"))
        // The store gives the record with its edits applied, and the edits beside it.
        d.households[k].housing = reinforced
        let value = JSONValue.object(["grade": .string("C"), "appraisal_date": .string("2025-11-28"), "structure": .string("adobe"),
                                      "renovation": .string("reinforced"), "renovation_date": .string("2026-10-20"), "relocated": .bool(false)])
        d.edits = [HouseholdEdit(id: "e-1", householdID: "621121103201-0004", field: "housing", value: value, parents: [],
                                 deviceID: "t", recordedAt: "2026-11-20T08:00:00.000Z")]
        XCTAssertEqual(try housing(d), .met)
        d.edits[0].recordedAt = "2025-12-01T08:00:00Z"
        XCTAssertEqual(try housing(d), .notMet, "an edit recorded before the visit gives way to it")
    }
}
