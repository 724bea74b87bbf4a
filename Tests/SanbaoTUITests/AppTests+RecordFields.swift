import Foundation
import SanbaoCore
import SanbaoStore
@testable import SanbaoTUI
import XCTest

/// The record forms cover what the command line sets (issue 13): other poverty causes,
/// a member's name and ID number (refused in `member set`'s words), a new head of
/// household with the old head's new relation in the same change.
extension AppTests {
    func testOtherPovertyCausesAreSetOnTheHouseholdForm() throws {
        let (app, store) = try makeApp()
        openZhang(app)
        press(app, [.character("e"), .down, .down, .down])
        XCTAssertTrue(focused(app).contains("其他致贫原因一") && focused(app).contains("< 缺技术 >"), focused(app))
        for _ in 0..<14 where !focused(app).contains("< 缺资金 >") { press(app, [.right]) }
        press(app, [.down])
        for _ in 0..<14 where !focused(app).contains("< 因病 >") { press(app, [.right]) }
        press(app, [.function(10)])
        XCTAssertTrue(app.screenText.contains("保存：修改 张永强：致贫原因？"), app.screenText)
        press(app, [.character("y")])
        XCTAssertTrue(app.screenText.contains("致贫原因 因学、缺资金、因病"), app.screenText)
        XCTAssertEqual(try reopened(store)?.causes, PovertyCauses(main: .schooling, others: [.lackOfFunds, .illness]))
    }

    func testNoOtherCauseClearsThem() throws {
        let (app, store) = try makeApp()
        openZhang(app)
        press(app, [.character("e"), .down, .down, .down])
        for _ in 0..<14 where !focused(app).contains("< 无 >") { press(app, [.right]) }
        press(app, [.function(10), .character("y")])
        XCTAssertEqual(try reopened(store)?.causes.others, [])
    }

    /// 张佳怡's ID number: a wrong check character and a birth date that disagrees are
    /// said as typed in `member set`'s words (RecordCommandTests); a right one is saved
    /// with a new name. The number is shown masked, never as an answer.
    func testANameAndAnIDNumberAreChangedAndRefusedAsTheCommandLineRefusesThem() throws {
        let (app, store) = try makeApp()
        openZhang(app)
        select("张佳怡", in: app)
        press(app, [.character("m")])
        XCTAssertTrue(lines(app).contains { $0.contains("身份证号（空：不改）") && $0.contains("621121********0482") }, app.screenText)
        XCTAssertFalse(app.screenText.contains("621121200904210482"), "masked: \(app.screenText)")
        press(app, [.control("u")])
        type(app, "张佳宜")
        press(app, [.down])
        type(app, "621121200904210483")
        XCTAssertTrue(app.screenText.contains("张佳怡：身份证号校验位应为 2，实为 3"), app.screenText)
        press(app, [.control("u")])
        type(app, "621121200904220461")
        XCTAssertTrue(app.screenText.contains("张佳怡：出生日期 2009-04-21 与身份证号中的 2009-04-22 不符"), app.screenText)
        press(app, [.function(10)])
        XCTAssertTrue(app.screenText.contains("不符"), "F10 refuses it too: \(app.screenText)")
        press(app, [.control("u")])
        type(app, "621121200904210466")
        press(app, [.function(10), .character("y")])
        XCTAssertTrue(app.screenText.contains("已保存：修改 张佳怡"), app.screenText)
        let member = try reopened(store)?.members.first { $0.idNumber == "621121200904210466" }
        XCTAssertEqual(member?.name, "张佳宜")
    }

    /// 李红霞 made head: the form asks for 张永强's new relation first (as `member set …
    /// relation=户主` without `--old-head` is refused), then saves both as one change.
    func testANewHeadAsksForTheOldHeadsNewRelation() throws {
        let (app, store) = try makeApp()
        openZhang(app)
        select("李红霞", in: app)
        press(app, [.character("m"), .down, .down])
        XCTAssertTrue(focused(app).contains("< 配偶 >"), focused(app))
        press(app, [.left])
        XCTAssertTrue(focused(app).contains("< 户主 >"), focused(app))
        press(app, [.function(10)])
        XCTAssertTrue(app.screenText.contains("张永强 仍是户主：请在“若改为户主”一项选择其新关系"), app.screenText)
        XCTAssertTrue(focused(app).contains("若改为户主：张永强 改为"), "moved to it: \(focused(app))")
        press(app, [.right])
        XCTAssertTrue(focused(app).contains("< 配偶 >"), focused(app))
        press(app, [.function(10), .character("y")])
        XCTAssertTrue(app.screenText.contains("已保存：修改 李红霞"), app.screenText)
        let h = try reopened(store)
        XCTAssertEqual(h?.members.filter { $0.relation == .head }.map(\.name), ["李红霞"], "one head, never two")
        XCTAssertEqual(h?.members.first { $0.name == "张永强" }?.relation, .spouse)
    }

    func testTheOldHeadsRelationAloneIsRefused() throws {
        let (app, _) = try makeApp(language: .en)
        openZhang(app)
        select("李红霞", in: app)
        press(app, [.character("m"), .down, .down, .down, .right, .function(10)])
        XCTAssertTrue(app.screenText.contains("张永强's relation changes only when this member is made head"), app.screenText)
    }
}
