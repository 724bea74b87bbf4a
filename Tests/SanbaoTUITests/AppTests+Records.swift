import Foundation
import SanbaoCore
import SanbaoSamples
import SanbaoStore
@testable import SanbaoTUI
import XCTest

/// Keeping records current from the app (issue 13): the record forms driven by keys,
/// checked on screen and, after the store is closed and opened again, on disk.
extension AppTests {
    /// Opens household 0002 (张永强: 张浩宇, 14, dropped out) from the roster.
    func openZhang(_ app: App) {
        press(app, [.down, .enter])
        XCTAssertTrue(app.screenText.contains("张永强  文峰村一组  [621121103201-0002]"), app.screenText)
    }

    /// Moves the household screen's cursor to `name`'s line.
    func select(_ name: String, in app: App, file: StaticString = #filePath, line: UInt = #line) {
        for _ in 0..<30 {
            if let s = app.stack.last as? HouseholdScreen, let id = s.memberAt[s.pager.cursor.selected],
               app.model.household(s.householdID)?.member(id)?.name == name { return }
            press(app, [.down])
        }
        XCTFail("no line of \(name)", file: file, line: line)
    }

    /// The focused line of a form.
    func focused(_ app: App) -> String { lines(app).first { $0.contains("▶") } ?? "" }

    func reopened(_ store: Store) throws -> Household? {
        store.close()
        return try Store(layout: DataLayout(root: dir), write: false).dataset.household("621121103201-0002")
    }

    func testAddingANewbornSavesItDurablyAndSaysSo() throws {
        let (app, store) = try makeApp()
        openZhang(app)
        press(app, [.character("a")])
        XCTAssertTrue(app.screenText.contains("新增家庭成员：张永强户"), app.screenText)
        type(app, "张小宝")
        press(app, [.down, .down, .down])
        type(app, "2026-10-01")
        press(app, [.down, .down, .down, .down, .down, .character(" ")])
        XCTAssertTrue(focused(app).contains("< 是 >"), "Space answers yes: \(focused(app))")
        press(app, [.function(10)])
        XCTAssertTrue(app.screenText.contains("保存：新增成员 张小宝（新生 2026-10-01）？(y/n)"), app.screenText)
        press(app, [.character("y")])
        XCTAssertTrue(app.screenText.contains("已保存：新增成员 张小宝（新生 2026-10-01）"), app.screenText)
        XCTAssertTrue(app.screenText.contains("张小宝"), "back on the household screen, listed: \(app.screenText)")
        let baby = try reopened(store)?.members.first { $0.name == "张小宝" }
        XCTAssertEqual(baby?.birthDate, LocalDate("2026-10-01"))
        XCTAssertEqual(baby?.joined, MemberChange(reason: .born, date: LocalDate("2026-10-01")!))
        XCTAssertEqual(baby?.insured, true)
        XCTAssertEqual(baby?.relation, .son)
    }

    func testARefusedAnswerIsSaidOnTheFormAndNothingIsSaved() throws {
        let (app, store) = try makeApp(language: .en)
        openZhang(app)
        press(app, [.character("a")])
        type(app, "Zhang Xiaobao")
        press(app, [.down, .down, .down])
        type(app, "2026-13-01")
        XCTAssertTrue(app.screenText.contains("\"2026-13-01\" is not a date: write it as"), "said as it is typed: \(app.screenText)")
        press(app, [.down])
        type(app, "621121202001010011")
        XCTAssertTrue(app.screenText.contains("check"), "a wrong check digit is said: \(app.screenText)")
        press(app, [.function(10)])
        XCTAssertTrue(app.screenText.contains("Birth date: \"2026-13-01\" is not a date"), "F10 names the first refused answer: \(app.screenText)")
        XCTAssertTrue(focused(app).contains("Birth date"), "and moves to it: \(focused(app))")
        press(app, [.control("c")])
        XCTAssertTrue(app.screenText.contains("The form's changes are not saved (a draft is kept). Quit anyway? (y/n)"), app.screenText)
        press(app, [.character("n")])
        XCTAssertFalse(app.finished)
        press(app, [.escape])
        XCTAssertTrue(app.screenText.contains("Discard the changes"), app.screenText)
        press(app, [.character("y")])
        XCTAssertEqual(try reopened(store)?.members.count, DemoVillage.make().households.first { $0.id == "621121103201-0002" }?.members.count)
    }

    func testAMemberWhoLeftIsRecordedAndNoLongerCounts() throws {
        let (app, store) = try makeApp()
        openZhang(app)
        XCTAssertTrue(lines(app).contains { $0.contains("教育") && $0.contains("X 未达标") }, app.screenText)
        select("张浩宇", in: app)
        press(app, [.character("l")])
        XCTAssertTrue(app.screenText.contains("成员减少：张浩宇（张永强户）"), app.screenText)
        XCTAssertTrue(focused(app).contains("< 迁出 >"), focused(app))
        press(app, [.function(10), .character("y")])
        XCTAssertTrue(app.screenText.contains("已保存：张浩宇 迁出（\(DemoVillage.asOf)）"), app.screenText)
        XCTAssertFalse(lines(app).contains { $0.contains("教育") && $0.contains("X 未达标") }, "he counts no more: \(app.screenText)")
        let apart = app.screenText.components(separatedBy: "已减少人员")
        XCTAssertEqual(apart.count, 2, "listed apart: \(app.screenText)")
        XCTAssertTrue(apart.last?.contains("张浩宇") == true, app.screenText)
        let left = try reopened(store)?.members.first { $0.name == "张浩宇" }?.left
        XCTAssertEqual(left, MemberChange(reason: .movedAway, date: DemoVillage.asOf))
    }

    /// The rule for facts in the app: 张浩宇 was found dropped out on the visit of
    /// 2026-03-18; recorded back at school afterwards, the later fact wins.
    func testAMemberEditAfterAVisitWins() throws {
        let (app, store) = try makeApp()
        openZhang(app)
        XCTAssertTrue(app.screenText.contains("据 2026-03-18 入户检查"), app.screenText)
        select("张浩宇", in: app)
        press(app, [.character("m"), .down, .down, .down, .down])
        XCTAssertTrue(focused(app).contains("< 已辍学 >"), "the form opens with the current facts: \(focused(app))")
        for _ in 0..<12 where !focused(app).contains("< 初中 >") { press(app, [.left]) }
        XCTAssertTrue(focused(app).contains("< 初中 >"), focused(app))
        XCTAssertTrue(lines(app)[2].hasPrefix("保存后：收 +  吃 +  饮 +  教 +  医 +  住 +"), "the effect on the six, live: \(lines(app)[2])")
        press(app, [.function(10)])
        // The field in words, not `members[1].school` (issue 13); and so on the status line after.
        XCTAssertTrue(app.screenText.contains("保存：修改 张浩宇：在校情况？(y/n)"), app.screenText)
        press(app, [.character("y")])
        XCTAssertTrue(app.screenText.contains("已保存：修改 张浩宇：在校情况"), app.screenText)
        XCTAssertFalse(lines(app).contains { $0.contains("教育") && $0.contains("X 未达标") }, app.screenText)
        XCTAssertFalse(app.screenText.contains("据 2026-03-18 入户检查"), "the record decides now: \(app.screenText)")
        XCTAssertEqual(try reopened(store)?.members.first { $0.name == "张浩宇" }?.school, .juniorMiddle)
    }

    /// What a form saves is said in words in both languages: the member's relation, the
    /// housing record whose grade and structure both changed, named once.
    func testTheSaveQuestionNamesTheFieldsInWords() {
        let member = RecordChange.edit(householdID: "h", what: "张佳怡", [(field: "members[3].relation", value: .string("daughter"))])
        XCTAssertEqual(UIText.recordSaveQuestion(member.summary), Bilingual(zh: "保存：修改 张佳怡：与户主关系？(y/n)", en: "Save: change 张佳怡: relation to head? (y/n)"))
        let household = RecordChange.edit(householdID: "h", what: "张永强", [(field: "housing", value: .null), (field: "phone", value: .string("1")), (field: "housing", value: .null)])
        XCTAssertEqual(household.summary, Bilingual(zh: "修改 张永强：住房、联系电话", en: "change 张永强: housing, phone"))
    }

    /// The income of a year from the household's form: one edit of `income`, the other
    /// years as they were.
    func testTheIncomeOfAYearIsChangedFromTheHouseholdForm() throws {
        let (app, store) = try makeApp()
        openZhang(app)
        press(app, [.character("e")] + Array(repeating: Key.down, count: 12) + [.control("u")])
        type(app, "3000")
        XCTAssertTrue(lines(app)[2].hasPrefix("保存后：收 X"), "below the line: \(lines(app)[2])")
        press(app, [.function(10), .character("y")])
        XCTAssertTrue(app.screenText.contains("已保存：修改 张永强：收入"), app.screenText)
        XCTAssertTrue(lines(app).contains { $0.contains("收入") && $0.contains("X 未达标") }, app.screenText)
        let income = try reopened(store)?.income
        XCTAssertEqual(income?.first { $0.year == 2026 }?.perCapita, 3000)
        XCTAssertEqual(income?.count, DemoVillage.make().households.first { $0.id == "621121103201-0002" }?.income.count)
    }

    /// Another cadre, one not in the data yet: added, then paired; the old pairing ends
    /// the day before and stays.
    func testPairingWithANewCadre() throws {
        let (app, store) = try makeApp()
        openZhang(app)
        press(app, [.character("c"), .function(10)])
        XCTAssertTrue(app.screenText.contains("已是这位干部帮扶；选另一位"), "the current cadre is refused: \(app.screenText)")
        press(app, [.down, .down])
        type(app, "赵德胜")
        press(app, [.down])
        type(app, "通渭县水务局")
        press(app, [.function(10), .character("y")])
        XCTAssertTrue(app.screenText.contains("已保存：新增干部 赵德胜（通渭县水务局），自 \(DemoVillage.asOf) 由其帮扶"), app.screenText)
        XCTAssertTrue(app.screenText.contains("赵德胜  通渭县水务局"), "the household's cadre line: \(app.screenText)")
        store.close()
        let again = try Store(layout: DataLayout(root: dir), write: false)
        guard let c = again.dataset.cadres.first(where: { $0.name == "赵德胜" }) else { return XCTFail("no cadre added") }
        let pairings = again.dataset.household("621121103201-0002")?.pairings ?? []
        XCTAssertEqual(pairings.last?.cadreID, c.id)
        XCTAssertEqual(pairings.last?.start, DemoVillage.asOf)
        XCTAssertEqual(pairings.dropLast().last?.end, DemoVillage.asOf.adding(days: -1))
    }

    func testAnUnchangedEditFormHasNothingToSave() throws {
        let (app, _) = try makeApp()
        openZhang(app)
        press(app, [.character("e"), .function(10)])
        XCTAssertTrue(app.screenText.contains("没有改动，无需保存"), app.screenText)
        press(app, [.escape])
        XCTAssertTrue(app.screenText.contains("张永强  文峰村一组"), "an unchanged form leaves without a question: \(app.screenText)")
    }

    func testAddingAHouseholdFromTheRoster() throws {
        let (app, store) = try makeApp()
        press(app, [.character("a")])
        XCTAssertTrue(app.screenText.contains("新增一户（数据中没有的户）"), app.screenText)
        press(app, [.down])
        type(app, "三组")
        press(app, [.down])
        type(app, "何永福")
        press(app, [.down])
        type(app, "11010519491231002X")
        press(app, [.function(10)])
        XCTAssertTrue(app.screenText.contains("保存：新增一户：户主 何永福（三组）？(y/n)"), app.screenText)
        press(app, [.character("y")])
        XCTAssertTrue(app.screenText.contains("已保存：新增一户：户主 何永福（三组）"), app.screenText)
        XCTAssertTrue(app.screenText.contains("何永福  文峰村三组"), "the new household is opened: \(app.screenText)")
        store.close()
        let again = try Store(layout: DataLayout(root: dir), write: false)
        let added = again.dataset.households.first { $0.head?.name == "何永福" }
        XCTAssertEqual(added?.number, "6211211032010045", "the village's next free number")
        XCTAssertEqual(added?.head?.birthDate, LocalDate("1949-12-31"))
    }

    /// A cadre's own roster shows a few households; the number is still the village's next
    /// free one among all of them.
    func testANewHouseholdOnOneCadresRosterIsNumberedAmongAll() throws {
        _ = try makeApp()
        let cadre = DemoVillage.make().cadres.last!.id
        let store = try Store(layout: DataLayout(root: dir), write: true, loading: .onDemand, now: { "2026-11-25T10:00:00Z" })
        let app = App(store: store, terminal: MemoryTerminal(rows: 24, columns: 80), today: DemoVillage.asOf,
                      language: .zh, cadreID: cadre, clock: { "2026-11-25T10:00:00Z" })
        press(app, [.character("a"), .down])
        type(app, "三组")
        press(app, [.down])
        type(app, "何永福")
        press(app, [.down])
        type(app, "11010519491231002X")
        press(app, [.function(10), .character("y")])
        XCTAssertTrue(app.screenText.contains("已保存"), app.screenText)
        store.close()
        let added = try Store(layout: DataLayout(root: dir), write: false).dataset.households.first { $0.head?.name == "何永福" }
        XCTAssertEqual(added?.number, "6211211032010045")
        XCTAssertEqual(added?.pairings.map(\.cadreID), [cadre], "paired with the cadre whose roster it was added from")
    }
}
