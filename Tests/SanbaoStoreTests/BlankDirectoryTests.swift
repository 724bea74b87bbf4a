import Foundation
import SanbaoCore
@testable import SanbaoStore
import XCTest

/// A creation stopped before its manifest (a kill during `intake` or `init` into a new
/// directory) leaves empty record folders: the next try takes the directory as blank.
/// Anything that may be someone's data keeps it refused (73).
final class BlankDirectoryTests: XCTestCase {
    func layout(_ entries: [String: Data?]) throws -> DataLayout {
        let dir = Fixture.tempDir(self)
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (path, contents) in entries {
            if let contents {
                try fm.createDirectory(atPath: (dir + "/" + path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                XCTAssertTrue(fm.createFile(atPath: dir + "/" + path, contents: contents))
            } else {
                try fm.createDirectory(atPath: dir + "/" + path, withIntermediateDirectories: true)
            }
        }
        return DataLayout(root: dir)
    }

    func testAStoppedCreationIsBlankAndCanBeFinished() throws {
        let l = try layout(["households": nil, "checks": nil, DataLayout.cadres: Data("[]".utf8), "edits/.621121103201.jsonl.tmp-12-34": Data("{".utf8)])
        XCTAssertTrue(DatasetWriter.isBlank(l))
        try DatasetWriter(layout: l).create(Dataset(), manifest: Manifest(deviceID: "dev-1", created: "2026-12-06T10:00:00+08:00"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: l.path(DataLayout.manifest)))
    }

    func testAnythingElseIsNotBlank() throws {
        for entries: [String: Data?] in [["README.txt": Data()], ["households/621121103201.jsonl": Data()],
                                         ["checks": nil, "notes": nil], [DataLayout.manifest: Data("{}".utf8)]] {
            let l = try layout(entries)
            XCTAssertFalse(DatasetWriter.isBlank(l), "\(entries.keys)")
            XCTAssertThrowsError(try DatasetWriter(layout: l).create(Dataset(), manifest: Manifest(deviceID: "dev-1", created: "x"))) {
                guard case StoreError.notEmpty = $0 else { return XCTFail("\($0)") }
            }
        }
    }
}
