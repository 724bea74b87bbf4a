import Foundation
import SanbaoCore
import SanbaoSamples
@testable import SanbaoExport
import XCTest

/// The report built one village at a time (`SummaryReport.byVillage`) equals the one built
/// from the whole dataset, and declines (nil) exactly when the data needs the whole read:
/// a household id twice, a check or edit filed in another village than its household's.
final class ByVillageTests: XCTestCase {
    static let asOf = Demo.date
    static let generated = Generator.make(households: 1500, seed: 11, asOf: asOf)

    /// The demo's request (judged on the day the generated data is as of).
    func request(_ change: (inout ExportRequest) -> Void = { _ in }) -> ExportRequest { Demo.request(change) }

    /// The dataset in village files, as the store keeps it: each household with its checks
    /// and edits under the village of its address.
    struct Villages {
        var files: [String: Dataset] = [:]

        init(_ d: Dataset) {
            var villageOf: [String: String] = [:]
            for h in d.households {
                villageOf[h.id] = h.address.villageCode
                files[h.address.villageCode, default: Dataset()].households.append(h)
            }
            // A record of no known household goes to the first village, as a stray.
            let first = files.keys.min() ?? "620000000000"
            for c in d.checks { files[villageOf[c.householdID] ?? first, default: Dataset()].checks.append(c) }
            for e in d.edits { files[villageOf[e.householdID] ?? first, default: Dataset()].edits.append(e) }
        }

        var codes: [String] { files.keys.sorted() }

        /// The whole dataset, in the order a whole read gives: village by village.
        func whole(_ documents: Dataset) -> Dataset {
            var d = documents
            for code in codes {
                d.households += files[code]!.households
                d.checks += files[code]!.checks
                d.edits += files[code]!.edits
            }
            return d
        }
    }

    func byVillage(_ v: Villages, _ documents: Dataset, _ request: ExportRequest) throws -> (SummaryReport?, [String]) {
        let files = v.files
        let (report, read) = try SummaryReport.byVillage(documents: documents, villages: v.codes, request) { code in
            (files[code]!, code)
        }
        return (report, read)
    }

    func documents(_ d: Dataset) -> Dataset { Dataset(cadres: d.cadres, rules: d.rules) }

    func testEqualsTheWholeBuild() throws {
        let v = Villages(Self.generated)
        let docs = documents(Self.generated)
        let whole = v.whole(docs)
        let codes = v.codes
        XCTAssertGreaterThan(codes.count, 3)
        let requests: [(String, ExportRequest)] = [
            ("everything", request()),
            ("full ids, half a year", request { $0.fullIDs = true; $0.from = LocalDate("2026-06-01") }),
            ("judged in May", request { $0.to = LocalDate("2026-05-31")! }),
            ("two villages", request { $0.villageCodes = [codes[2], codes[0]] }),
            ("one cadre", request { $0.cadre = Self.generated.cadres[Self.generated.cadres.count / 2].name }),
            ("no household", request { $0.villageCodes = ["621121103299"] }),
        ]
        for (what, r) in requests {
            let (streamed, read) = try byVillage(v, docs, r)
            XCTAssertEqual(read, codes, "\(what): every village read once, extras in village order")
            let expected = try SummaryReport(whole, r)
            XCTAssertTrue(streamed == expected, what)
            XCTAssertEqual(try streamed?.jsonData(), try expected.jsonData(), what)
        }
    }

    func testAnOrphanCheckIsIgnoredAsTheWholeBuildIgnoresIt() throws {
        var d = Self.generated
        d.checks.append(Check(id: "orphan", householdID: "nobody", date: Self.asOf, cadreID: d.cadres[0].id,
                              recordedAt: "2026-11-25T08:00:00Z", findings: [.water: Finding(state: .notMet)]))
        let v = Villages(d)
        let (streamed, _) = try byVillage(v, documents(d), request())
        XCTAssertEqual(streamed, try SummaryReport(v.whole(documents(d)), request()))
    }

    func testDeclinesACheckFiledInAnotherVillage() throws {
        var v = Villages(Self.generated)
        let (a, b) = (v.codes[0], v.codes[1])
        let moved = v.files[a]!.checks.removeLast()
        v.files[b]!.checks.append(moved)
        let (streamed, read) = try byVillage(v, documents(Self.generated), request())
        XCTAssertNil(streamed, "the check's household is judged without it in its own village")
        XCTAssertEqual(read, v.codes, "the extras (the problems read) still come back")
    }

    func testDeclinesAnEditFiledInAnotherVillage() throws {
        var v = Villages(Self.generated)
        let (a, b) = (v.codes[0], v.codes[1])
        let h = v.files[a]!.households[0]
        v.files[b]!.edits.append(HouseholdEdit(id: "e-stray", householdID: h.id, field: "phone", value: .string("13900000000"),
                                               parents: [], deviceID: "d", cadreID: nil, recordedAt: "2026-11-25T08:00:00Z"))
        XCTAssertNil(try byVillage(v, documents(Self.generated), request()).0)
    }

    func testDeclinesAHouseholdIDTwice() throws {
        var v = Villages(Self.generated)
        let (a, b) = (v.codes[0], v.codes[1])
        // Across villages, and within one.
        var across = v
        across.files[b]!.households.append(v.files[a]!.households[0])
        XCTAssertNil(try byVillage(across, documents(Self.generated), request()).0)
        v.files[a]!.households.append(v.files[a]!.households[0])
        XCTAssertNil(try byVillage(v, documents(Self.generated), request()).0)
    }

    func testAUsageErrorIsThrownBeforeAnythingIsRead() {
        let v = Villages(Self.generated)
        for bad in [request { $0.villageCodes = ["62"] }, request { $0.cadre = "无此人" },
                    request { $0.from = LocalDate("2026-12-01") }] {
            XCTAssertThrowsError(try SummaryReport.byVillage(documents: documents(Self.generated), villages: v.codes, bad) {
                code -> (Dataset, Void) in
                XCTFail("read \(code)")
                return (Dataset(), ())
            }) { XCTAssertTrue(($0 as? ExportError)?.isUsage == true, "\($0)") }
        }
    }
}
