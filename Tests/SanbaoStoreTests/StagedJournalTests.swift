import Foundation
@testable import SanbaoStore
import XCTest

/// A merge's journal is written while its plan is checked, under a temporary name, and
/// becomes the journal only on `commit`: a refused plan leaves nothing, not even the folder.
final class StagedJournalTests: XCTestCase {
    func testCommitMakesTheJournalAndDiscardLeavesNothing() throws {
        let root = Fixture.tempDir(self)
        let journal = root + "/incoming/abc.json"
        let bytes = Data("{\"kind\":\"bundle\"}".utf8)
        let kept = try XCTUnwrap(StagedJournal.start(journal) { put in try put(bytes) })
        try kept.commit()
        XCTAssertEqual(FileManager.default.contents(atPath: journal), bytes)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root + "/incoming"), ["abc.json"], "no temporary left")

        let refused = root + "/fresh/incoming/abc.json"
        try FileManager.default.createDirectory(atPath: root + "/fresh", withIntermediateDirectories: true)
        let dropped = try XCTUnwrap(StagedJournal.start(refused) { put in try put(bytes) })
        dropped.discard()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root + "/fresh"), [], "the folder it made is gone too")

        let waiting = try XCTUnwrap(StagedJournal.start(journal) { put in try put(Data("x".utf8)) })
        waiting.discard()
        XCTAssertEqual(FileManager.default.contents(atPath: journal), bytes, "a folder it found is left, and what was in it")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root + "/incoming"), ["abc.json"])
    }

    func testAFailedWriteIsThrownOnCommitAndLeavesNoJournal() throws {
        let root = Fixture.tempDir(self)
        let journal = root + "/incoming/abc.json"
        let staged = try XCTUnwrap(StagedJournal.start(journal) { _ in throw StoreError.io("incoming", "disk full") })
        XCTAssertThrowsError(try staged.commit()) { XCTAssertTrue("\($0)".contains("disk full"), "\($0)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: journal))
    }

    func testNoJournalIsStartedWhereItsFolderCannotBeMade() throws {
        let root = Fixture.tempDir(self)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: root + "/incoming", contents: Data()), "a file where the folder would be")
        XCTAssertNil(StagedJournal.start(root + "/incoming/abc.json") { put in try put(Data()) })
    }
}
