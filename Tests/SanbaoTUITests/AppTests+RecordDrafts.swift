import Foundation
import SanbaoCore
import SanbaoStore
@testable import SanbaoTUI
import XCTest

/// Record forms keep drafts as the check form does (issue 13): every change on disk at
/// once, the answers back when the same form is opened after a kill, gone once saved or
/// discarded, and a draft that cannot be read said and kept.
extension AppTests {
    var memberAddDraft: String { dir + "/drafts/records/member_add.621121103201-0002.json" }

    /// What the form shows for a draft kept by the tests' clock, in this machine's zone.
    var restoredLine: String { "已恢复 \(LocalTime.written("2026-11-25T10:00:00Z")) 留存的草稿" }

    func draftText(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    func testEveryChangeToARecordFormIsKeptAsADraft() throws {
        let (app, _) = try makeApp()
        openZhang(app)
        press(app, [.character("a")])
        XCTAssertFalse(FileManager.default.fileExists(atPath: memberAddDraft), "opening a form writes nothing")
        type(app, "张小")
        XCTAssertTrue(draftText(memberAddDraft).contains("张小"), draftText(memberAddDraft))
        type(app, "宝")
        XCTAssertTrue(draftText(memberAddDraft).contains("张小宝"), "each key: \(draftText(memberAddDraft))")
        press(app, [.down, .right])
        XCTAssertTrue(draftText(memberAddDraft).contains("\"relation\" : \"女\""), "a choice too: \(draftText(memberAddDraft))")
    }

    func testAKilledFormIsOfferedOnStartAndRestoredWhenOpenedAgain() throws {
        let (first, store) = try makeApp()
        openZhang(first)
        press(first, [.character("a")])
        type(first, "张小宝")
        press(first, [.down, .down, .down])
        type(first, "2026-10-01")
        store.close()  // killed: no save, no discard

        let (second, secondStore) = try makeApp()
        XCTAssertTrue(second.screenText.contains("未保存的表：新增家庭成员：张永强户（"), second.screenText)
        press(second, [.character("n")])
        XCTAssertTrue(FileManager.default.fileExists(atPath: memberAddDraft), "later keeps it")
        openZhang(second)
        press(second, [.character("a")])
        XCTAssertTrue(second.screenText.contains(restoredLine), second.screenText)
        XCTAssertTrue(lines(second).contains { $0.contains("姓名") && $0.contains("张小宝") }, second.screenText)
        XCTAssertTrue(lines(second).contains { $0.contains("出生日期") && $0.contains("2026-10-01") }, second.screenText)
        secondStore.close()

        let (third, _) = try makeApp()
        press(third, [.character("y")])
        XCTAssertTrue(third.screenText.contains("新增家庭成员：张永强户"), "yes opens the form: \(third.screenText)")
        XCTAssertTrue(third.screenText.contains(restoredLine), third.screenText)
        XCTAssertTrue(third.screenText.contains("张小宝"), third.screenText)
    }

    func testSavingARecordRemovesItsDraft() throws {
        let (app, store) = try makeApp()
        openZhang(app)
        press(app, [.character("a")])
        type(app, "张小宝")
        press(app, [.down, .down, .down])
        type(app, "2026-10-01")
        press(app, [.function(10)])
        XCTAssertTrue(FileManager.default.fileExists(atPath: memberAddDraft), "asking is not saving")
        press(app, [.character("y")])
        XCTAssertTrue(app.screenText.contains("已保存：新增成员 张小宝"), app.screenText)
        XCTAssertFalse(FileManager.default.fileExists(atPath: memberAddDraft), "saved: the draft is gone")
        XCTAssertNotNil(try reopened(store)?.members.first { $0.name == "张小宝" })
    }

    func testARefusedSaveKeepsTheDraft() throws {
        let (app, _) = try makeApp()
        openZhang(app)
        press(app, [.character("a")])
        type(app, "张小宝")
        press(app, [.function(10)])
        XCTAssertTrue(app.screenText.contains("出生日期"), app.screenText)
        XCTAssertTrue(draftText(memberAddDraft).contains("张小宝"))
    }

    func testDiscardingARecordFormRemovesItsDraftOnlyAfterTheQuestion() throws {
        let (app, _) = try makeApp()
        openZhang(app)
        select("张浩宇", in: app)
        press(app, [.character("m"), .down, .down, .right])
        let path = dir + "/drafts/records/member_edit.621121103201-0002.\(memberID("张浩宇", app)).json"
        XCTAssertTrue(FileManager.default.fileExists(atPath: path), "a member's form is keyed by the member")
        press(app, [.escape])
        XCTAssertTrue(app.screenText.contains("放弃未保存的改动（修改成员信息：张浩宇（张永强户））？草稿将被删除 (y/n)"), app.screenText)
        press(app, [.character("n")])
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        press(app, [.escape, .character("y")])
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "discarded by the question that names it")
        press(app, [.character("m")])
        XCTAssertFalse(app.screenText.contains("已恢复"), "a discarded draft does not come back: \(app.screenText)")
    }

    func testOneMembersDraftIsNotAnothers() throws {
        let (app, _) = try makeApp()
        openZhang(app)
        select("张浩宇", in: app)
        press(app, [.character("m"), .down, .down, .right])
        XCTAssertTrue(app.stack.last is RecordFormScreen, app.screenText)
        app.stack.removeLast()  // the form is gone as if the process had died, its draft kept
        press(app, [.home])
        select("张永强", in: app)
        press(app, [.character("m")])
        XCTAssertFalse(app.screenText.contains("已恢复"), "张永强's form is his own: \(app.screenText)")
        press(app, [.escape, .home])
        select("张浩宇", in: app)
        press(app, [.character("m")])
        XCTAssertTrue(app.screenText.contains(restoredLine), app.screenText)
    }

    func testAnUnreadableRecordDraftIsSaidAndKeptAside() throws {
        let (app, _) = try makeApp()
        try FileManager.default.createDirectory(atPath: dir + "/drafts/records", withIntermediateDirectories: true)
        let damaged = Data("{\"schema_version\":1,\"saved_at\":\"2026-11-25T09:00:00Z\",\"draft\":{\"kind\":\"mem".utf8)
        try damaged.write(to: URL(fileURLWithPath: memberAddDraft))
        openZhang(app)
        press(app, [.character("a")])
        XCTAssertTrue(app.screenText.contains("此表草稿无法读取，表从头填写；原文件已改名保留：drafts/records/member_add."), app.screenText)
        let aside = memberAddDraft + ".unreadable-20261125100000"
        XCTAssertEqual(FileManager.default.contents(atPath: aside), damaged, "kept as it was")
        XCTAssertTrue(app.screenText.contains("新增家庭成员：张永强户"), "the form opens afresh: \(app.screenText)")
        type(app, "张小宝")
        XCTAssertTrue(draftText(memberAddDraft).contains("张小宝"))
        XCTAssertEqual(FileManager.default.contents(atPath: aside), damaged, "and is never replaced")
    }

    func memberID(_ name: String, _ app: App) -> Int {
        app.model.household("621121103201-0002")?.members.first { $0.name == name }?.id ?? -1
    }
}

extension AppTests {
    /// The start-up question names the form and still fits 80 columns with its answers
    /// last: a long title is cut with an ellipsis, never the question.
    func testTheStartUpQuestionOfARecordDraftFitsInBothLanguages() throws {
        let (first, store) = try makeApp()
        let key = RecordDraft.Key(.memberEdit, householdID: "621121103201-0002", memberID: memberID("张浩宇", first))
        try store.keepRecordDraft(RecordDraft(key: key, answers: ["school": "初中"]))
        store.close()
        for (language, answers) in [(Language.zh, "(y 继续 / n 稍后)"), (.en, "(y / n later)")] {
            let (app, opened) = try makeApp(language: language)
            XCTAssertTrue(lines(app).last?.hasSuffix(answers) == true, app.screenText)
            XCTAssertEqual(app.silentCuts.count, 0, app.screenText)
            press(app, [.character("y")])
            XCTAssertTrue(app.screenText.contains(language == .zh ? "修改成员信息：张浩宇" : "A member's facts: 张浩宇"), app.screenText)
            opened.close()
        }
    }
}
