import Foundation
import SanbaoCore
@testable import SanbaoStore
import XCTest

/// Record forms' drafts on disk (`DATA/drafts/records/`): kept, found again by the form
/// they belong to, removed; one that cannot be read renamed aside, never overwritten.
final class RecordDraftTests: XCTestCase {
    let key = RecordDraft.Key(.memberEdit, householdID: "621121103201-0001", memberID: 1)

    func open(_ layout: DataLayout, write: Bool = true) throws -> Store {
        try Store(layout: layout, write: write, now: { "2026-11-25T10:00:00Z" })
    }

    func testADraftIsKeptFoundByItsKeyAndDropped() throws {
        let layout = try Fixture.dataDir(self)
        let store = try open(layout)
        let draft = RecordDraft(key: key, answers: ["name": "王建民", "school": "初中"])
        try store.keepRecordDraft(draft)
        let path = layout.path("drafts/records/member_edit.621121103201-0001.1.json")
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        XCTAssertEqual(mode, 0o600, "drafts hold names and ID numbers")
        XCTAssertEqual(try store.openRecordDraft(key), .found(draft, savedAt: "2026-11-25T10:00:00Z"))
        XCTAssertEqual(try store.openRecordDraft(RecordDraft.Key(.memberEdit, householdID: "621121103201-0001", memberID: 2)), .none,
                       "another member's form has its own draft")
        XCTAssertEqual(store.recordDrafts().map(\.draft), [draft])
        store.close()

        let again = try open(layout)
        XCTAssertEqual(try again.openRecordDraft(key), .found(draft, savedAt: "2026-11-25T10:00:00Z"), "a draft outlives the process")
        try again.dropRecordDraft(key)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        XCTAssertEqual(try again.openRecordDraft(key), .none)
        XCTAssertNoThrow(try again.dropRecordDraft(key), "dropping a draft that is gone is not an error")
    }

    func testAnUnreadableDraftIsRenamedAsideNeverReplaced() throws {
        let layout = try Fixture.dataDir(self)
        let store = try open(layout)
        try store.keepRecordDraft(RecordDraft(key: key, answers: ["name": "王"]))
        let path = layout.path("drafts/records/" + key.fileName)
        let damaged = Data("{\"schema_version\":1,\"saved_at\":\"2026-11-25T09:00:00Z\",\"draft\":{\"kind\":\"member_ed".utf8)
        try damaged.write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(store.recordDrafts().count, 0, "not offered")
        guard case .unreadable(let aside) = try store.openRecordDraft(key) else { return XCTFail("not reported") }
        XCTAssertEqual(aside, "drafts/records/member_edit.621121103201-0001.1.json.unreadable-20261125100000")
        XCTAssertEqual(FileManager.default.contents(atPath: layout.path(aside)), damaged, "kept byte for byte")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        try store.keepRecordDraft(RecordDraft(key: key, answers: ["name": "王建民"]))
        XCTAssertEqual(FileManager.default.contents(atPath: layout.path(aside)), damaged, "the next draft does not replace it")
    }

    /// A check form's draft the same way: one that cannot be read is renamed aside when
    /// the next draft of that household is kept, never written over (it used to be).
    func testAnUnreadableCheckDraftIsSetAsideNotOverwritten() throws {
        let layout = try Fixture.dataDir(self)
        let store = try open(layout)
        let household = store.dataset.households[0].id
        var draft = CheckDraft(householdID: household, date: LocalDate(year: 2026, month: 11, day: 25)!)
        XCTAssertNil(try store.keepDraft(draft), "nothing to set aside the first time")
        let path = layout.path("drafts/\(household).json")
        for damaged in [Data("{\"schema_version\":1,\"saved_at\":\"2026-11-25T09:00:00Z\",\"draft\":{".utf8),
                        Data("{\"schema_version\":99,\"saved_at\":\"x\",\"draft\":{}}".utf8)] {
            try damaged.write(to: URL(fileURLWithPath: path))
            XCTAssertEqual(store.drafts().count, 0, "not offered")
            draft.note = "第二次"
            let aside = try XCTUnwrap(try store.keepDraft(draft), "said")
            XCTAssertEqual(aside, "drafts/\(household).json.unreadable-20261125100000")
            XCTAssertEqual(FileManager.default.contents(atPath: layout.path(aside)), damaged, "kept byte for byte")
            XCTAssertEqual(store.drafts().map(\.draft), [draft], "the new draft is kept beside it")
            XCTAssertNil(try store.keepDraft(draft), "a readable draft is replaced as always")
            try FileManager.default.removeItem(atPath: layout.path(aside))
        }
    }

    func testADraftFromANewerSanbaoOrOfAnotherFormIsSetAside() throws {
        let layout = try Fixture.dataDir(self)
        let store = try open(layout)
        try store.keepRecordDraft(RecordDraft(key: key, answers: [:]))
        let path = layout.path("drafts/records/" + key.fileName)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"schema_version\" : \(DataLayout.schemaVersion)", with: "\"schema_version\" : 99")
            .write(toFile: path, atomically: true, encoding: .utf8)
        guard case .unreadable = try store.openRecordDraft(key) else { return XCTFail("a newer draft was read") }
        // A file named for one form but holding another's answers is not put into the wrong form.
        let other = RecordDraft(key: RecordDraft.Key(.memberAdd, householdID: "621121103201-0001"), answers: ["name": "王"])
        try store.keepRecordDraft(other)
        try FileManager.default.moveItem(atPath: layout.path("drafts/records/" + other.key.fileName), toPath: path)
        guard case .unreadable = try store.openRecordDraft(key) else { return XCTFail("another form's draft was taken") }
    }

    func testDraftsOfHouseholdsNotInTheDataAreNotOfferedAndAReadOnlyStoreWritesNone() throws {
        let layout = try Fixture.dataDir(self)
        let store = try open(layout)
        try store.keepRecordDraft(RecordDraft(key: RecordDraft.Key(.pair, householdID: "621121103201-0999"), answers: [:]))
        try store.keepRecordDraft(RecordDraft(key: RecordDraft.Key(.householdAdd), answers: ["head": "何永福"]))
        XCTAssertEqual(store.recordDrafts().map(\.draft.key.kind), [.householdAdd])
        store.close()
        let reader = try open(layout, write: false)
        XCTAssertThrowsError(try reader.keepRecordDraft(RecordDraft(key: key, answers: [:])))
        XCTAssertThrowsError(try reader.openRecordDraft(key))
    }

    func testAKeyNeverNamesAPathOutsideTheFolder() {
        let hostile = RecordDraft.Key(.memberAdd, householdID: "../../etc/x\u{1B}", memberID: nil)
        XCTAssertEqual(hostile.fileName, "member_add.______etc_x_.json")
        XCTAssertEqual(RecordDraft.Key(.householdAdd).fileName, "household_add.json")
    }
}
