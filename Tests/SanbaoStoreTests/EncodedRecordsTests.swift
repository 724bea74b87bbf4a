import Foundation
import SanbaoCore
import SanbaoSamples
@testable import SanbaoStore
import XCTest

/// Households encoded once for the journal and the village files give exactly the bytes
/// the plain encoder gives: the journal read back is the bundle, the files are the files.
final class EncodedRecordsTests: XCTestCase {
    func testTheStreamedJournalIsTheBundleByteForByte() throws {
        let demo = DemoVillage.make()
        let bundle = Bundle(deviceID: "d", created: "2026-12-06T00:00:00Z", cadres: demo.cadres,
                            households: demo.households, checks: Array(demo.checks.prefix(3)), edits: [])
        let encoded = try EncodedRecords(demo.households)
        let expected = try bundle.encoded()
        var streamed = Data()
        var pieces = 0
        try encoded.bundleBytes(bundle) { streamed.append($0); pieces += 1 }
        XCTAssertEqual(streamed, expected)
        XCTAssertGreaterThan(pieces, 1, "handed over in pieces")
        XCTAssertEqual(try Bundle.decode(streamed, name: "j").households, demo.households)
    }

    func testVillageFilesFromEncodedLinesEqualTheWritersOwn() throws {
        let households = DemoVillage.make().households
        let encoded = try EncodedRecords(households)
        let village = households[0].address.villageCode
        XCTAssertEqual(try DatasetWriter.householdLines(village: village, households, encoded: encoded),
                       try DatasetWriter.lines(kind: "households", village: village, households))
        XCTAssertEqual(try DatasetWriter.householdLines(village: village, households, encoded: nil),
                       try DatasetWriter.lines(kind: "households", village: village, households))
    }
}
