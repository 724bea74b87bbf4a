import Foundation
import SanbaoCore
import SanbaoSamples
import SanbaoExport
import SanbaoStore
import SanbaoTUI
import XCTest

/// `SummaryReport.read`, the way `sanbao export`, the TUI and the benchmark build a report:
/// one village at a time from the files, giving the report of the whole read, and the
/// whole read when a record sits away from its household.
final class ReportReadingTests: XCTestCase {
    static let asOf = LocalDate(year: 2026, month: 11, day: 25)!
    let request = ExportRequest(to: ReportReadingTests.asOf, generatedAt: "2026-11-25T00:00:00Z")

    func directory(households: Int = 600) throws -> DataLayout {
        let dir = NSTemporaryDirectory() + "sanbao-report-" + UUID().uuidString
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        let layout = DataLayout(root: dir)
        try DatasetWriter(layout: layout).create(Generator.make(households: households, seed: 5, asOf: Self.asOf),
                                                 manifest: Manifest(deviceID: "t", created: "x"))
        return layout
    }

    func whole(_ layout: DataLayout) throws -> SummaryReport {
        try SummaryReport(DatasetReader(layout: layout).read().dataset, request)
    }

    func testByVillageEqualsTheWholeRead() throws {
        let layout = try directory()
        let (report, problems) = try SummaryReport.read(layout, request)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(report.households.count, 600)
        XCTAssertEqual(report, try whole(layout))
    }

    func testACheckInAnotherVillagesFileIsReadWhole() throws {
        let layout = try directory()
        let files = try FileManager.default.contentsOfDirectory(atPath: layout.path(DataLayout.checksDir)).sorted()
        XCTAssertGreaterThan(files.count, 1)
        // Move the last check line of the first village's file to the second's.
        let from = layout.path(DataLayout.checksDir + "/" + files[0])
        let to = layout.path(DataLayout.checksDir + "/" + files[1])
        var lines = try String(contentsOfFile: from, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        let moved = lines.removeLast()
        try (lines.joined(separator: "\n") + "\n").write(toFile: from, atomically: true, encoding: .utf8)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: to))
        handle.seekToEndOfFile()
        handle.write(Data((moved + "\n").utf8))
        handle.closeFile()
        // Village by village declines this data, so the report comes from the whole read.
        let reader = DatasetReader(layout: layout)
        let streamed = try SummaryReport.byVillage(documents: reader.readDocuments().dataset,
                                                   villages: reader.villageCodes(), request) { code in
            (reader.readVillage(code).dataset, ())
        }
        XCTAssertNil(streamed.report)
        XCTAssertEqual(try SummaryReport.read(layout, request).report, try whole(layout))
    }

    func testProblemsOfEveryVillageAreReported() throws {
        let layout = try directory()
        let files = try FileManager.default.contentsOfDirectory(atPath: layout.path(DataLayout.householdsDir)).sorted()
        let path = layout.path(DataLayout.householdsDir + "/" + files[1])
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"id\": broken\n".utf8))
        handle.closeFile()
        let (report, problems) = try SummaryReport.read(layout, request)
        let whole = try DatasetReader(layout: layout).read()
        XCTAssertEqual(problems, whole.problems)
        XCTAssertTrue(problems.contains { $0.file == DataLayout.householdsDir + "/" + files[1] }, "\(problems)")
        XCTAssertEqual(report, try SummaryReport(whole.dataset, request))
    }

    func testAMissingDirectoryAndAUsageErrorThrow() throws {
        XCTAssertThrowsError(try SummaryReport.read(DataLayout(root: "/nonexistent/sanbao"), request)) {
            XCTAssertTrue($0 is StoreError, "\($0)")
        }
        var bad = request
        bad.cadre = "无此人"
        XCTAssertThrowsError(try SummaryReport.read(try directory(households: 50), bad)) {
            XCTAssertEqual(($0 as? ExportError)?.isUsage, true, "\($0)")
        }
    }
}
